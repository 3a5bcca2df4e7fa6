"""The server's change sequence, read by offline replicas to pull only what changed.

Table ``sync_change (table_name, row_id, seq, deleted, xid)``: one row per row of a
replicated table, holding the number of its last change. Triggers on PostgreSQL, for
every writer (this program, a colleague's, a script writing SQL), give a row a new
number from one sequence whenever it is inserted, changed or deleted; a deleted row keeps
its entry, marked ``deleted`` (a tombstone), so a replica hears of hard deletions too
(soft-deleted stories are plain changes of ``deleted_at``). A story's edit lock and its
heartbeat (every few seconds per open window) are not news to a replica: an update that
moves only those gets no number. The story's trigger names no columns, so a later
migration adding or dropping one needs no change here.

Numbers come from a sequence, so two writers never wait on each other, but they are
handed out before commit: a transaction still open when a replica pulls may commit later
with numbers lower than ones the replica saw. Each entry therefore names its transaction
(``xid``), and a pull notes the transactions still open at its snapshot and reads their
entries again next time (``newsdesk/sync/pull.py``).

SQLite gets the tables only: it is never a server for replicas (a replica is a SQLite
file, and its own changes are found by comparing with what it pulled).
"""

from __future__ import annotations

import peewee

from newsdesk.store.dialect import install_sql
from newsdesk.store.models import SYNC_MODELS

# Parents before children: the order a pull applies them in.
REPLICATED_TABLES = ("entity", "alias", "article", "article_tag", "revision", "review",
                     "review_flag", "picture", "newsroom_word", "moderation_rule")

# Never replicated: who holds a story's edit lock (a replica holds no locks).
UNREPLICATED_ARTICLE_COLUMNS = ("locked_by", "locked_at", "lock_session")

_FUNCTION = """
CREATE OR REPLACE FUNCTION newsdesk_sync_change() RETURNS trigger AS $$
DECLARE
    changed_id INTEGER;
    is_gone BOOLEAN;
BEGIN
    IF TG_TABLE_NAME = 'article' AND TG_OP = 'UPDATE' THEN
        IF to_jsonb(OLD) - {unreplicated} = to_jsonb(NEW) - {unreplicated} THEN
            RETURN NULL;  -- only the edit lock or its heartbeat moved
        END IF;
    END IF;
    IF TG_OP = 'DELETE' THEN
        changed_id := OLD.id;
        is_gone := TRUE;
    ELSE
        changed_id := NEW.id;
        is_gone := FALSE;
    END IF;
    INSERT INTO sync_change (table_name, row_id, seq, deleted, xid)
    VALUES (TG_TABLE_NAME, changed_id, nextval('sync_change_sequence'), is_gone,
            pg_current_xact_id()::text)
    ON CONFLICT (table_name, row_id) DO UPDATE
        SET seq = EXCLUDED.seq, deleted = EXCLUDED.deleted, xid = EXCLUDED.xid;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
""".replace("{unreplicated}", "ARRAY[" + ", ".join(
    f"'{name}'" for name in UNREPLICATED_ARTICLE_COLUMNS) + "]")


def _trigger(table: str) -> str:
    return (f"CREATE OR REPLACE TRIGGER newsdesk_sync_{table} AFTER INSERT OR DELETE OR "
            f"UPDATE ON {table} FOR EACH ROW EXECUTE FUNCTION newsdesk_sync_change()")


def _backfill(table: str) -> str:
    """Every row already there gets a number, so a first pull finds it like any change."""
    return ("INSERT INTO sync_change (table_name, row_id, seq, deleted, xid) "
            f"SELECT '{table}', id, nextval('sync_change_sequence'), FALSE, "
            f"pg_current_xact_id()::text FROM {table} ORDER BY id "
            "ON CONFLICT (table_name, row_id) DO NOTHING")


def install(database: peewee.Database) -> None:
    """Migration step (18): the change and bookkeeping tables everywhere; on PostgreSQL
    the sequence, its triggers, and a number for every row there is."""
    database.create_tables(list(SYNC_MODELS), safe=True)
    install_sql(database, sqlite=[], postgres=[
        "CREATE SEQUENCE IF NOT EXISTS sync_change_sequence", _FUNCTION,
        *(_trigger(table) for table in REPLICATED_TABLES),
        *(_backfill(table) for table in REPLICATED_TABLES)])

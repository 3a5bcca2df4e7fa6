"""Noticing what colleagues changed, so lists and queue counts refresh by themselves.

PostgreSQL: statement triggers ``NOTIFY newsdesk_changes, '<table>'`` (installed by a
migration) and a watcher that LISTENs on its own connection. SQLite: ``PRAGMA
data_version``, which moves whenever another connection (another process, or a worker
thread of ours) commits. Both are polled without blocking, from a timer in the window.
"""

from __future__ import annotations

import peewee

from newsdesk.store.db import OpenedDatabase

CHANNEL = "newsdesk_changes"
WATCHED_TABLES = ("article", "review", "entity", "alias", "article_tag", "review_flag")

_NOTIFY_FUNCTION = f"""
CREATE OR REPLACE FUNCTION newsdesk_notify_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql
"""


def install_notify_triggers(opened: OpenedDatabase) -> None:
    """Migration step: PostgreSQL tables announce every committed change (no-op on SQLite)."""
    if not isinstance(opened.database, peewee.PostgresqlDatabase):
        return
    opened.database.execute_sql(_NOTIFY_FUNCTION)
    for table in WATCHED_TABLES:
        opened.database.execute_sql(
            f"CREATE OR REPLACE TRIGGER newsdesk_notify_{table} AFTER INSERT OR UPDATE OR "
            f"DELETE ON {table} FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_notify_change()")


class ChangeWatcher:
    """``poll()`` answers which watched tables changed since the last call (cheap)."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self.opened = opened
        self._listener = None
        self._data_version: int | None = None
        self._own_pid: int | None = None
        if isinstance(opened.database, peewee.PostgresqlDatabase):
            self._listener = self._listen()
            # Our own saves come back as notifications too; they are not news to us.
            self._own_pid = opened.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
        else:
            self._data_version = self._sqlite_data_version()

    def _listen(self):
        import psycopg2

        params = dict(self.opened.database.connect_params)
        params["dbname"] = self.opened.database.database
        connection = psycopg2.connect(**params)
        connection.autocommit = True
        connection.cursor().execute(f"LISTEN {CHANNEL}")
        return connection

    def _sqlite_data_version(self) -> int:
        return self.opened.database.execute_sql("PRAGMA data_version").fetchone()[0]

    def poll(self) -> set[str]:
        if self._listener is not None:
            self._listener.poll()
            tables = {note.payload for note in self._listener.notifies
                      if note.pid != self._own_pid}
            self._listener.notifies.clear()
            return tables
        version = self._sqlite_data_version()
        if version == self._data_version:
            return set()
        self._data_version = version
        return set(WATCHED_TABLES)  # SQLite cannot say which table: refresh everything

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

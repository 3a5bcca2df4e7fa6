"""Noticing what colleagues changed, so lists and queue counts refresh by themselves.

PostgreSQL: statement triggers ``NOTIFY newsdesk_changes, '<table>'`` (installed by a
migration) and a watcher that LISTENs on its own connection. SQLite: ``PRAGMA
data_version``, which moves whenever another connection (another process, or a worker
thread of ours) commits. Both are polled without blocking, from a timer in the window.
"""

from __future__ import annotations

from typing import Any

import peewee

from newsdesk.store.opened import OpenedDatabase

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
        self._postgres = isinstance(opened.database, peewee.PostgresqlDatabase)
        # The server did not answer the last attempt to listen again (after it dropped
        # the connection): a team window takes that as being offline.
        self.unreachable = False
        if self._postgres:
            self._listener = self._listen()
        else:
            self._data_version = self._sqlite_data_version()

    def _listen(self) -> Any:
        import psycopg2

        params = dict(self.opened.database.connect_params)
        params["dbname"] = self.opened.database.database
        connection = psycopg2.connect(**params)
        connection.autocommit = True
        connection.cursor().execute(f"LISTEN {CHANNEL}")
        self._note_own_connection()
        return connection

    def _note_own_connection(self) -> None:
        """Our own saves come back as notifications too; they are not news to us. The
        database may have reconnected since (a new backend), so look again when it did."""
        database = self.opened.database
        current = database.connection()
        if current is not getattr(self, "_own_connection", None):
            self._own_pid = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            self._own_connection = database.connection()

    def _sqlite_data_version(self) -> int:
        return self.opened.database.execute_sql("PRAGMA data_version").fetchone()[0]

    def poll(self) -> set[str]:
        if self._postgres:
            return self._poll_postgres()
        version = self._sqlite_data_version()
        if version == self._data_version:
            return set()
        self._data_version = version
        return set(WATCHED_TABLES)  # SQLite cannot say which table: refresh everything

    def _poll_postgres(self) -> set[str]:
        import psycopg2

        listener = self._listener
        try:
            if listener is None:  # the server dropped us: listen again
                self._listener = self._listen()
                self.unreachable = False
                return set(WATCHED_TABLES)  # what changed meanwhile is unknown
            listener.poll()
            self._note_own_connection()
        except (psycopg2.Error, peewee.DatabaseError, peewee.InterfaceError):
            self.close()
            self.unreachable = listener is None
            return set()
        tables = {note.payload for note in listener.notifies if note.pid != self._own_pid}
        listener.notifies.clear()
        return tables

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None

"""The PostgreSQL database class: survives a server that drops the connection.

A shared server restarts, a network blips, an idle connection is cut. psycopg2 then keeps
failing with "connection already closed" forever (and peewee reports that as an
InterfaceError, which callers do not expect). Here a dead connection is replaced: outside a
transaction the failed statement is retried once on a new connection (peewee's
ReconnectMixin), and a transaction never starts on a connection the server has closed. A
failure inside a transaction still fails (OperationalError), so nothing is half written;
the caller's retry then runs on a fresh connection. A failure of the server or the
connection is raised as ``DatabaseFailed`` (a ``UserError`` that is still an
``OperationalError``), as SQLite's read-only or full disk is.
"""

from __future__ import annotations

from typing import Any

from peewee import InterfaceError, OperationalError, PostgresqlDatabase
from playhouse.shortcuts import ReconnectMixin

from newsdesk.store.failures import ReportsFailures, failures_reported
from newsdesk.store.pg_driver import load_driver

# How long the window may wait on a server that does not answer (a dropped Wi-Fi loses
# packets, it refuses nothing): libpq's defaults wait for ever to connect and ~15 minutes
# for a reply, on the GUI thread of a saving window, before it can go on in its replica.
CONNECT_TIMEOUT_S = 5
REPLY_TIMEOUT_MS = 20_000


def network_limits() -> dict[str, int]:
    """libpq connection options bounding the waits above (a URL's own options win)."""
    try:
        import psycopg2.extensions
    except ImportError:
        return {}  # peewee says the driver is missing when the database connects
    limits = {"connect_timeout": CONNECT_TIMEOUT_S, "keepalives": 1, "keepalives_idle": 10,
              "keepalives_interval": 5, "keepalives_count": 3}
    if psycopg2.extensions.libpq_version() >= 120000:  # tcp_user_timeout came with libpq 12
        limits["tcp_user_timeout"] = REPLY_TIMEOUT_MS
    return limits


# (Failures reported after ReconnectMixin's one retry on a new connection.)
class NewsdeskPostgresqlDatabase(ReportsFailures, ReconnectMixin, PostgresqlDatabase):
    reconnect_errors = (
        (OperationalError, "server closed the connection"),
        (OperationalError, "terminating connection"),
        (OperationalError, "connection already closed"),
        (OperationalError, "could not receive data from server"),
        (OperationalError, "ssl connection has been closed"),
        (InterfaceError, "connection already closed"),
    )

    def init(self, database: Any, **kwargs: Any) -> None:
        # The window's start imports peewee without psycopg2 (pg_driver.py); peewee chooses
        # its driver here.
        load_driver()
        super().init(database, **{**network_limits(), **kwargs})

    def begin(self, *args: Any, **kwargs: Any) -> Any:
        if not self.in_transaction() and self._connection_is_dead():
            self.close()
            self.connect()
        with failures_reported(self):
            return super().begin(*args, **kwargs)

    def rollback(self) -> None:
        # The server rolled back whatever was open on a connection it closed; asking again
        # would only replace the real reason with "connection already closed".
        if self._connection_is_dead():
            return
        super().rollback()

    def _connection_is_dead(self) -> bool:
        if self.is_closed():
            return False
        connection = self._state.conn
        return bool(getattr(connection, "closed", 0))  # psycopg2: nonzero once closed


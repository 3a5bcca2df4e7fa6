"""The PostgreSQL database class: survives a server that drops the connection.

A shared server restarts, a network blips, an idle connection is cut. psycopg2 then keeps
failing with "connection already closed" forever (and peewee reports that as an
InterfaceError, which callers do not expect). Here a dead connection is replaced: outside a
transaction the failed statement is retried once on a new connection (peewee's
ReconnectMixin), and a transaction never starts on a connection the server has closed. A
failure inside a transaction still fails (OperationalError), so nothing is half written;
the caller's retry then runs on a fresh connection.
"""

from __future__ import annotations

from typing import Any

from peewee import InterfaceError, OperationalError, PostgresqlDatabase
from playhouse.shortcuts import ReconnectMixin

from newsdesk.store.pg_driver import load_driver


class NewsdeskPostgresqlDatabase(ReconnectMixin, PostgresqlDatabase):
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
        super().init(database, **kwargs)

    def begin(self, *args: Any, **kwargs: Any) -> Any:
        if not self.in_transaction() and self._connection_is_dead():
            self.close()
            self.connect()
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


"""The record of an open database: what the user named and the peewee database behind it."""

from __future__ import annotations

from typing import NamedTuple

import peewee


class OpenedDatabase(NamedTuple):
    target: str  # what the user named: a path or a URL (password hidden)
    database: peewee.Database
    # The team server (URL, password hidden) this replica stands in for while it cannot
    # be reached; "" when this is the database the user named.
    offline_of: str = ""

    @property
    def is_sqlite(self) -> bool:
        return isinstance(self.database, peewee.SqliteDatabase)

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()

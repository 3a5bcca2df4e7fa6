"""Failures of the database or of what it stands on (a locked, read-only, full,
failing or damaged file; a server that stopped or dropped the connection), told apart from
bugs and worded for the user: the window and the command line say them in one line."""

from __future__ import annotations

import contextlib
import sqlite3
import sys
import weakref
from collections.abc import Iterator
from typing import Any

import peewee

from newsdesk.errors import DatabaseUnavailable
from newsdesk.texts import Phrase, Text

BUSY_WAIT_S = 5  # seconds a write waits for another program to finish (busy_timeout)
# Each opened database -> what the user named (``bound_target``).
SHOWN_TARGETS: weakref.WeakKeyDictionary[peewee.Database, str] = weakref.WeakKeyDictionary()



def shown_name(database: peewee.Database) -> str:
    """What the user named for ``database`` (a path, or a URL without its password)."""
    return SHOWN_TARGETS.get(database) or str(database.database)


class DatabaseFailed(DatabaseUnavailable, peewee.OperationalError):
    """A statement failed because of what the database stands on: a read-only file, a
    full or failing disk, a file removed meanwhile (``environment_failure``).

    A ``UserError`` (one clear line in the CLI, a message in the window: every
    ``except UserError`` of the window's write paths says why the change was not made)
    that is still the ``OperationalError`` code written before it expects, so nothing
    that handled such a failure before stops handling it.
    """


class DatabaseBusy(DatabaseFailed):
    """Another program kept the database locked for the whole busy wait."""


@contextlib.contextmanager
def failures_reported(database: peewee.Database) -> Iterator[None]:
    """A statement (or commit) of ``database`` that fails because of what the database
    stands on raises ``DatabaseBusy`` or ``DatabaseFailed``; any other failure is a bug
    and keeps its traceback."""
    try:
        yield
    except DatabaseFailed:
        raise
    except peewee.OperationalError as exc:
        shown = shown_name(database)
        if "database is locked" in str(exc):
            raise DatabaseBusy(f"the database is locked by another program (waited "
                               f"{BUSY_WAIT_S:g} s); try again when it is done",
                               file=shown) from exc
        phrase = _environment_phrase(exc)
        if phrase is None:
            raise
        raise DatabaseFailed(phrase, file=shown) from exc


class ReportsFailures:
    """A database class mixin: its statements and commits report failures as
    ``failures_reported`` says (before peewee's own classes in the bases)."""

    def execute_sql(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        with failures_reported(self):
            return super().execute_sql(sql, *args, **kwargs)  # type: ignore[misc]

    def commit(self) -> None:
        with failures_reported(self):
            super().commit()  # type: ignore[misc]


DATABASE_LOCKED = Phrase("database.locked",
                         "the database is locked by another program; close it and try again")
DATABASE_READ_ONLY = Phrase("database.read_only", "the database is read-only")
DISK_FULL = Phrase("database.disk_full", "the disk is full; free some space and try again "
                                         "({detail})")
DATABASE_DAMAGED = Phrase("database.damaged", "the database file is damaged; restore it "
                                              "from a backup ({detail})")
CONNECTION_LOST = Phrase("database.connection_lost",
                         "lost the connection to the database server ({detail})")
DISK_FAILED = Phrase("database.disk_failed", "the disk failed ({detail})")
DATABASE_GONE = Phrase("database.gone",
                       "cannot open the database file; was it moved or deleted? ({detail})")
# A driver's own message, in its words.
AS_REPORTED = Phrase("database.as_reported", "{detail}")


def describe_operational_error(exc: Exception) -> str:
    """A one-line reason for a database failure, in the user's terms where it is known."""
    return str(operational_error_text(exc))


def operational_error_text(exc: Exception) -> Text:
    """``describe_operational_error`` as a phrase the window translates."""
    return _environment_phrase(exc) or AS_REPORTED(detail=first_line(exc))


def environment_failure(exc: BaseException) -> str | None:
    """The reason, if ``exc`` is a failure of the database or what it stands on (a locked,
    read-only or damaged file, a full or failing disk, a server that stopped or dropped
    the connection); ``None`` for anything else, which is a bug and keeps its traceback."""
    found = _environment_phrase(exc)
    return None if found is None else str(found)


def _environment_phrase(exc: BaseException) -> Text | None:
    if isinstance(exc, DatabaseFailed) and exc.text is not None:
        return exc.text  # already the phrase (not its sentence inside another)
    if not isinstance(exc, _database_errors()):
        return None
    text = str(exc)
    first = first_line(exc)
    lowered = text.lower()
    if "locked" in lowered:
        return DATABASE_LOCKED()
    if "readonly" in lowered or "read-only" in lowered:
        return DATABASE_READ_ONLY()
    if "no space left" in lowered or ("full" in lowered and "disk" in lowered):
        return DISK_FULL(detail=first)
    if any(sign in lowered for sign in _DAMAGE_SIGNS):
        return DATABASE_DAMAGED(detail=first)
    if any(sign in lowered for sign in _CONNECTION_LOST_SIGNS):
        return CONNECTION_LOST(detail=first)
    if "disk" in lowered and "i/o" in lowered:
        return DISK_FAILED(detail=first)
    if "unable to open database file" in lowered:
        return DATABASE_GONE(detail=first)
    return None


def _database_errors() -> tuple[type[BaseException], ...]:
    """peewee's errors and the drivers' own (code on a raw cursor gets those)."""
    errors: tuple[type[BaseException], ...] = (peewee.DatabaseError, peewee.InterfaceError,
                                               sqlite3.Error)
    psycopg2 = sys.modules.get("psycopg2")  # optional: only loaded when PostgreSQL is used
    return (*errors, psycopg2.Error) if psycopg2 is not None else errors


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__


# What SQLite says about a file whose pages are damaged (SQLITE_CORRUPT, SQLITE_NOTADB).
_DAMAGE_SIGNS = ("malformed", "file is not a database", "database corruption")
# What psycopg2 says when the server stops or drops the connection.
_CONNECTION_LOST_SIGNS = ("server closed the connection", "terminating connection",
                          "connection already closed", "could not receive data from server",
                          "ssl connection has been closed", "connection refused",
                          "no connection to the server", "the database system is",
                          "connection not open", "could not send data to server")


@contextlib.contextmanager
def database_failures(target: str) -> Iterator[None]:
    """Turn a failure of the database under a ``with`` block into one clear
    ``DatabaseUnavailable`` naming ``target``. The transaction that was open has been
    rolled back by then (by the server, by SQLite, or by ``atomic``)."""
    try:
        yield
    except DatabaseUnavailable:
        raise  # already one clear line (a locked database after the busy wait)
    except _database_errors() as exc:
        reason = environment_failure(exc)
        if reason is None:
            raise
        raise DatabaseUnavailable(reason, file=target) from exc

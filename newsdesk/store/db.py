"""Opening the database: one function, every failure turned into a clear message."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import peewee

from newsdesk.errors import DatabaseMissing, DatabaseUnavailable, ServerUnreachable
from newsdesk.store import migrations
from newsdesk.store.failures import (
    BUSY_WAIT_S,
    SHOWN_TARGETS,
    ReportsFailures,
    database_failures,
    describe_operational_error,
    environment_failure,
    failures_reported,
    first_line,
    shown_name,
)
from newsdesk.store.models import database_proxy
from newsdesk.store.opened import OpenedDatabase
from newsdesk.user_folders import data_folder

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": BUSY_WAIT_S * 1000,
    "cache_size": -64000,  # 64 MB
    "synchronous": "normal",
}
SQLITE_HEADER = b"SQLite format 3\x00"


class NewsdeskSqliteDatabase(ReportsFailures, peewee.SqliteDatabase):
    """SQLite with every write transaction begun ``IMMEDIATE``, a locked database
    reported as ``DatabaseBusy`` and a read-only, full or failing one as ``DatabaseFailed``.

    A plain ``BEGIN`` starts reading; its first write must then upgrade the lock, and
    when another connection writes meanwhile SQLite answers "database is locked" at once
    instead of waiting ``busy_timeout`` (the wait would deadlock). ``BEGIN IMMEDIATE``
    takes the write lock up front, waiting for it like any other statement, so every
    ``atomic()`` in the code (they all write) waits its turn.

    A failed commit keeps its own message: when a commit fails because the disk is full
    (or on an I/O error), SQLite has already rolled the transaction back; peewee's
    ``atomic`` then asks for a rollback, which would fail with "cannot rollback - no
    transaction is active" and hide the real reason.

    Every connection (each thread gets its own) opens the file read-write without
    creating it: a database deleted while the window is open is "unable to open", not a
    new empty file that a background job would then find without its tables.
    """

    def init(self, database: Any, **kwargs: Any) -> None:
        from urllib.parse import quote

        super().init(database, **kwargs)
        # Absolute now: a later thread connects from whatever folder is current then.
        self._file_uri = f"file:{quote(str(Path(database).absolute()))}?mode=rw"

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self._file_uri, uri=True, timeout=self._timeout,
                                     isolation_level=None, **self.connect_params)
        try:
            self._add_conn_hooks(connection)
        except Exception:
            connection.close()
            raise
        return connection

    def rollback(self) -> None:
        if not self.is_closed() and not self._state.conn.in_transaction:
            return
        super().rollback()

    def begin(self, lock_type: str | None = None) -> None:
        with failures_reported(self):
            super().begin(lock_type or "IMMEDIATE")



def default_database_path() -> Path:
    return data_folder("newsdesk.sqlite3")


def resolve_target(cli_value: str | None) -> str:
    """``--db`` wins, then ``NEWSDESK_DB``, then the platform's user data folder."""
    return cli_value or os.environ.get("NEWSDESK_DB") or str(default_database_path())


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_database(target: str, *, create: bool = False, migrate: bool = True) -> OpenedDatabase:
    """Open ``target`` (SQLite path or PostgreSQL URL), bind the models, run migrations.

    Raises ``DatabaseUnavailable`` with a one-line reason for every foreseeable failure;
    the file is never modified when opening fails.
    """
    if is_postgres_url(target):
        database = _connect_postgres(target)
        shown = _hide_password(target)
    else:
        database = _connect_sqlite(Path(target), create=create)
        shown = str(target)
    database_proxy.initialize(database)
    SHOWN_TARGETS[database] = shown
    opened = OpenedDatabase(shown, database)
    try:
        if migrate:
            migrations.migrate(opened)
    except DatabaseUnavailable:
        opened.close()
        raise
    except peewee.OperationalError as exc:
        opened.close()
        raise DatabaseUnavailable(describe_operational_error(exc), file=shown) from exc
    except peewee.DatabaseError as exc:
        opened.close()
        raise DatabaseUnavailable(f"not a usable newsdesk database ({exc})", file=shown) from exc
    return opened


def bound_target() -> str:
    """What the user named for the database the models are bound to (a path, or a URL
    without its password), as messages name it."""
    database = database_proxy.obj
    if database is None:
        return ""
    return shown_name(database)


def create_database(path: Path) -> OpenedDatabase:
    """A new, empty, migrated SQLite database at ``path`` (its folder made if needed), or
    the one there already; nothing is left behind if creating it fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseUnavailable(f"cannot create the folder ({exc.strerror})",
                                  file=str(path)) from exc
    return open_or_create(str(path))[0]


def open_or_create(target: str) -> tuple[OpenedDatabase, bool]:
    """``open_database(create=True)``, and whether this call created the SQLite file; a
    file it created is removed again if opening (or migrating) it fails."""
    created = _claim_new_file(target)
    try:
        return open_database(target, create=True), created
    except BaseException:
        if created:
            remove_sqlite_files(Path(target))
        raise


@contextlib.contextmanager
def database_in_use(target: str, *, create: bool = False) -> Iterator[OpenedDatabase]:
    """The database open for a ``with`` block. With ``create``, a database the block
    started with a new file is removed again if the block fails: a failed first import
    leaves no empty database behind (an existing one is never removed)."""
    opened, created = open_or_create(target) if create else (open_database(target), False)
    try:
        with database_failures(opened.target):
            yield opened
    except BaseException:
        opened.close()
        if created:
            remove_sqlite_files(Path(target))
        raise
    finally:
        opened.close()


def _claim_new_file(target: str) -> bool:
    """Create the (empty) database file if there is none: True if this call made it.

    Exclusive creation: a file another program made meanwhile is never taken for ours,
    so it is never removed. Anything in the way is left for ``open_database`` to explain.
    """
    if is_postgres_url(target) or not Path(target).parent.is_dir():
        return False
    try:
        Path(target).touch(exist_ok=False)
    except OSError:
        return False
    return True


def remove_sqlite_files(path: Path) -> None:
    """The database file and the files SQLite keeps beside it (write-ahead log, shared
    memory, rollback journal)."""
    for name in (path.name, *(path.name + suffix for suffix in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(name).unlink()


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if not path.exists():
        if not create:
            raise DatabaseMissing("no database here (check the path or --db)", file=str(path))
        if not path.parent.is_dir():
            raise DatabaseUnavailable("the folder does not exist", file=str(path))
        return
    if path.is_dir():
        raise DatabaseUnavailable("is a folder, not a database file", file=str(path))
    if not os.access(path, os.R_OK):
        raise DatabaseUnavailable("cannot read the database (permission denied)", file=str(path))
    mode = path.stat().st_mode
    # Root passes os.access(W_OK) regardless, so honour the write bits the user set too.
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise DatabaseUnavailable("the database file is read-only", file=str(path))
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if not header and not create:
        # SQLite takes an empty file for an empty database and migrating would fill it:
        # a command that only reads must not turn a stray file into a newsroom.
        raise DatabaseUnavailable("is an empty file, not a newsdesk database",
                                  file=str(path))
    if header and header != SQLITE_HEADER:
        raise DatabaseUnavailable("is not a newsdesk database (corrupt or another kind of file)",
                                  file=str(path))


def _connect_sqlite(path: Path, *, create: bool) -> peewee.SqliteDatabase:
    _check_sqlite_file(path, create=create)
    if not path.exists():  # a new database: connections never create the file
        try:
            path.touch()
        except OSError as exc:
            raise DatabaseUnavailable(f"cannot create the database file ({exc.strerror})",
                                      file=str(path)) from exc
    if path.exists() and path.stat().st_size:
        _refuse_damaged(path)
    database = NewsdeskSqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=BUSY_WAIT_S,
                                      check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise DatabaseUnavailable(describe_operational_error(exc), file=str(path)) from exc
    return database


# Opening checks every page of a file up to this size (SQLite's quick_check: about 2.5 ms
# a MB here, 40 ms at this size, 1.4 s for the bench's 100,000 stories: too slow for every
# open). Above it only the small tables are checked; damage elsewhere is still found by
# SQLite when a query reaches it, which fails that command and rolls its transaction back.
WHOLE_CHECK_BYTES = 16 * 1024 * 1024
# Small at any size, and what every command reads first.
_ALWAYS_CHECKED = ("sqlite_schema", "schema_info", "setting", "moderation_rule")


def _refuse_damaged(path: Path) -> None:
    """Raise ``DatabaseUnavailable`` if SQLite's ``quick_check`` finds damaged pages.

    It runs on a read-only connection of its own, before the one that sets the pragmas
    (switching the journal mode is a write): nothing touches a damaged file.
    """
    from urllib.parse import quote

    try:
        connection = sqlite3.connect(f"file:{quote(str(path.absolute()))}?mode=ro", uri=True,
                                     timeout=5)
    except sqlite3.Error:
        return  # the connection that follows explains it
    try:
        problem = first_damage(connection, whole=path.stat().st_size <= WHOLE_CHECK_BYTES)
    except sqlite3.DatabaseError as exc:
        reason = environment_failure(exc)
        if reason is None or "damaged" not in reason:
            return  # locked, unreadable...: the connection that follows explains it
        problem = first_line(exc)
    finally:
        connection.close()
    if problem:
        raise damaged_file(str(path), problem)


def damaged_file(target: str, problem: str) -> DatabaseUnavailable:
    """The error for a file whose check found ``problem``."""
    return DatabaseUnavailable(f"the database file is damaged; restore it from a backup "
                               f"(check: {problem})", file=target)


def first_damage(connection: sqlite3.Connection, *, whole: bool = True) -> str | None:
    """The first problem SQLite's ``quick_check`` finds in the file's pages and b-trees
    (every table, or with ``whole=False`` only the small ones), or ``None``."""
    if whole:
        checks = ["PRAGMA quick_check(1)"]
    else:
        present = {name for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
        checks = [f'PRAGMA quick_check("{name}")' for name in _ALWAYS_CHECKED
                  if name == "sqlite_schema" or name in present]
    for check in checks:
        rows = connection.execute(check).fetchall()
        if rows != [("ok",)]:
            # One line: SQLite heads its report with "*** in database main ***".
            lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
            return "; ".join(line for line in lines if line and not line.startswith("***"))
    return None


def _connect_postgres(url: str) -> peewee.Database:
    from playhouse.db_url import parse

    from newsdesk.store.postgres import NewsdeskPostgresqlDatabase

    try:
        database = NewsdeskPostgresqlDatabase(**parse(url))
        database.connect(reuse_if_open=True)
    except (ImportError, peewee.ImproperlyConfigured) as exc:
        raise DatabaseUnavailable(
            "PostgreSQL support needs psycopg2: pip install 'newsdesk[postgres]'") from exc
    except peewee.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreachable"
        raise ServerUnreachable(f"cannot connect: {first_line}",
                                file=_hide_password(url)) from exc
    return database


def shown_target(target: str) -> str:
    """``target`` as messages name it: a URL without its password, a path as it is."""
    return _hide_password(target) if is_postgres_url(target) else target


def _hide_password(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url

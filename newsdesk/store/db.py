"""Opening the database: one function, every failure turned into a clear message."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import peewee
from platformdirs import user_data_dir

from newsdesk.errors import DatabaseMissing, DatabaseUnavailable
from newsdesk.store import migrations
from newsdesk.store.models import database_proxy
from newsdesk.store.opened import OpenedDatabase

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -64000,  # 64 MB
    "synchronous": "normal",
}
SQLITE_HEADER = b"SQLite format 3\x00"


def default_database_path() -> Path:
    return Path(user_data_dir("newsdesk", appauthor=False)) / "newsdesk.sqlite3"


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


def describe_operational_error(exc: Exception) -> str:
    text = str(exc)
    if "locked" in text:
        return "the database is locked by another program; close it and try again"
    if "readonly" in text or "read-only" in text:
        return "the database is read-only"
    if "disk" in text and ("full" in text or "I/O" in text):
        return f"the disk failed ({text})"
    return text


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
    database = peewee.SqliteDatabase(str(path), pragmas=SQLITE_PRAGMAS, timeout=5,
                                     check_same_thread=False)
    try:
        database.connect(reuse_if_open=True)
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
    except (peewee.DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise DatabaseUnavailable(describe_operational_error(exc), file=str(path)) from exc
    return database


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
        raise DatabaseUnavailable(f"cannot connect: {first_line}",
                                  file=_hide_password(url)) from exc
    return database


def _hide_password(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url

"""When the environment fails under a command: a disk that fills, a damaged database file,
a PostgreSQL server that stops. Each ends with exit 1, one line on stderr naming what
failed, no traceback, and nothing half written: the old data stays intact and usable."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT, run_cli, start_own_server, stop_own_server

WIRE_STORY = REPO_ROOT / "tests" / "data" / "pipeline-wire.txt"
WIRE_SLUG = "opposition-questions-pipeline-tender"


def assert_one_clear_line(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("newsdesk: error: "), lines[0]
    for word in words:
        assert word in lines[0], lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def story_count(target: str) -> int:
    result = run_cli("list", "--json", "--db", target)
    assert result.returncode == 0, result.stderr
    return len(json.loads(result.stdout))


def make_newsroom(path: Path, stories: int, *, words: int = 40, status: str = "ready") -> None:
    """A database of ``stories`` stories, written through the story service."""
    from newsdesk.store.db import open_database
    from newsdesk.stories import articles

    opened = open_database(str(path), create=True)
    try:
        for number in range(stories):
            body = " ".join(f"word{number}x{index}" for index in range(words))
            articles.create_article({"headline": f"Story number {number}", "body": body,
                                     "status": status})
    finally:
        opened.close()


def checkpointed(path: Path) -> None:
    """Everything in the main file (the write-ahead log emptied), as after a clean close."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def damage_page(path: Path, page: int) -> None:
    page_size = 4096
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def wire_files(folder: Path, count: int, words: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for number in range(count):
        body = " ".join(f"word{number}x{index}" for index in range(words))
        path = folder / f"story-{number}.txt"
        path.write_text(f"Story from the wire {number}\n\nBaku/03.05.24/Turan: {body}.\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


# -- a disk that fills -------------------------------------------------------------------
@pytest.fixture
def small_disk() -> Iterator[Path]:
    """A 2 MB file system of its own (tmpfs), so filling it harms nothing else."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-small-disk-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
                             capture_output=True, text=True)
    if mounted.returncode != 0:
        folder.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        with contextlib.suppress(OSError):
            folder.rmdir()


def test_disk_full_during_import_keeps_the_database(small_disk, tmp_path):
    database = small_disk / "newsroom.sqlite3"
    first = run_cli("import", "--db", str(database), str(WIRE_STORY))
    assert first.returncode == 0, first.stderr
    files = wire_files(tmp_path / "wire", 120, words=500)  # about 4 MB of stories

    result = run_cli("import", "--db", str(database), *map(str, files))

    assert_one_clear_line(result, str(database), "the disk is full")
    assert story_count(str(database)) == 1
    shown = run_cli("show", WIRE_SLUG, "--db", str(database))
    assert shown.returncode == 0 and "Opposition questions" in shown.stdout
    assert sqlite3.connect(database).execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_disk_full_during_export_keeps_the_previous_export(small_disk, tmp_path):
    small = tmp_path / "small.sqlite3"
    make_newsroom(small, 3)
    out = small_disk / "site"
    first = run_cli("export", "--db", str(small), "--out", str(out))
    assert first.returncode == 0, first.stderr
    before = {path.relative_to(out): digest(path) for path in out.rglob("*") if path.is_file()}
    large = tmp_path / "large.sqlite3"
    make_newsroom(large, 150, words=600)

    result = run_cli("export", "--db", str(large), "--out", str(out), "--full")

    assert_one_clear_line(result, str(out), "No space left on device")
    after = {path.relative_to(out): digest(path) for path in out.rglob("*") if path.is_file()}
    assert after == before
    assert [path.name for path in small_disk.iterdir()
            if not path.name.endswith(".newsdesk-lock")] == ["site"]  # no staging left


def test_disk_full_during_db_copy_leaves_no_half_copy(small_disk, tmp_path):
    source = tmp_path / "source.sqlite3"
    make_newsroom(source, 150, words=600)
    target = small_disk / "copy.sqlite3"

    result = run_cli("db", "copy", "--from", str(source), "--to", str(target))

    assert_one_clear_line(result, str(target), "the disk is full")
    assert list(small_disk.iterdir()) == []  # the new file it made is gone again
    assert story_count(str(source)) == 150


# -- a damaged database file -------------------------------------------------------------
COMMANDS = (("list",), ("show", "1"), ("import", str(WIRE_STORY)),
            ("reviews", "recheck"), ("export", "--out", "{out}"))


def test_a_damaged_page_is_refused_before_anything_is_written(tmp_path):
    database = tmp_path / "newsroom.sqlite3"
    make_newsroom(database, 200)
    checkpointed(database)
    page_count = sqlite3.connect(database).execute("PRAGMA page_count").fetchone()[0]
    damage_page(database, page_count // 2)
    damaged = digest(database)

    for command in COMMANDS:
        argv = [part.replace("{out}", str(tmp_path / "out")) for part in command]
        result = run_cli(*argv, "--db", str(database))
        assert_one_clear_line(result, str(database), "damaged", "restore it from a backup")
    assert digest(database) == damaged
    assert not (tmp_path / "out").exists()


def test_damage_past_the_opening_check_fails_the_command_and_writes_nothing(tmp_path):
    """A file too large to check whole on every open: damage in a big table is found when
    a command reaches it; that command fails and its transaction is rolled back."""
    from newsdesk.store.db import WHOLE_CHECK_BYTES

    database = tmp_path / "newsroom.sqlite3"
    make_newsroom(database, 20)
    connection = sqlite3.connect(database)
    # Old revisions make the file large without touching the story table.
    connection.execute("UPDATE revision SET snapshot = snapshot || ? WHERE id = 1",
                       (" " * (WHOLE_CHECK_BYTES + 1024 * 1024),))
    connection.commit()
    # The story table's root: every read and write of a story goes through it.
    root, kind = connection.execute(
        "SELECT pageno, pagetype FROM dbstat WHERE name = 'article' AND path = '/'").fetchone()
    connection.close()
    assert kind == "internal"
    checkpointed(database)
    assert database.stat().st_size > WHOLE_CHECK_BYTES
    healthy = run_cli("db", "check", "--db", str(database))
    assert healthy.returncode == 0 and "no damage found" in healthy.stdout, healthy.stderr
    checkpointed(database)
    damage_page(database, root)
    damaged = digest(database)

    for command in (("list",), ("import", str(WIRE_STORY)), ("db", "check")):
        result = run_cli(*command, "--db", str(database))
        assert_one_clear_line(result, str(database), "damaged")
    assert digest(database) == damaged


# -- a PostgreSQL server that stops --------------------------------------------------------
def _psql(url: str, *statements: str) -> list[tuple]:
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        rows: list[tuple] = []
        cursor = connection.cursor()
        for statement in statements:
            cursor.execute(statement)
            rows = cursor.fetchall() if cursor.description else []
        return rows
    finally:
        connection.close()


def _server_drops_the_connection_on_insert(url: str, table: str) -> None:
    """The server ends the session that first writes into ``table``, as a stopped or
    restarted server does, in the middle of its transaction."""
    _psql(url,
          "CREATE FUNCTION newsdesk_test_drop() RETURNS trigger LANGUAGE plpgsql AS $$ "
          "BEGIN PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); "
          "RETURN NULL; END $$",
          f"CREATE TRIGGER newsdesk_test_drop AFTER INSERT ON {table} "
          "FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_test_drop()")


def _reviews_file(tmp_path: Path, count: int = 30) -> Path:
    records = [{"id": f"r{number}", "article": WIRE_SLUG, "author": "Leyla Aliyeva",
                "email": "leyla@example.com", "text": f"A fair and useful report ({number}).",
                "submitted": "2023-03-14T18:02:11+04:00", "rating": 4}
               for number in range(count)]
    path = tmp_path / "reviews.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


@pytest.mark.postgres
def test_server_gone_during_reviews_import(pg_url, tmp_path):
    assert run_cli("import", "--db", pg_url, str(WIRE_STORY)).returncode == 0
    _server_drops_the_connection_on_insert(pg_url, "review")

    result = run_cli("reviews", "import", str(_reviews_file(tmp_path)), "--db", pg_url)

    assert_one_clear_line(result, pg_url, "lost the connection to the database server")
    assert _psql(pg_url, "SELECT count(*) FROM review") == [(0,)]
    assert story_count(pg_url) == 1


@pytest.mark.postgres
def test_server_gone_during_db_copy(pg_url, tmp_path):
    source = tmp_path / "source.sqlite3"
    make_newsroom(source, 30)
    run_cli("list", "--db", pg_url)  # migrates the empty target
    _server_drops_the_connection_on_insert(pg_url, "revision")

    result = run_cli("db", "copy", "--from", str(source), "--to", pg_url)

    assert_one_clear_line(result, pg_url, "lost the connection to the database server")
    assert _psql(pg_url, "SELECT count(*) FROM article") == [(0,)]
    _psql(pg_url, "DROP TRIGGER newsdesk_test_drop ON revision")
    again = run_cli("db", "copy", "--from", str(source), "--to", pg_url)
    assert again.returncode == 0, again.stderr


# A server of its own (``own_server``), stopped outright while a job runs.
@pytest.mark.postgres
def test_server_stopped_during_reviews_import(own_server, tmp_path):
    url, folder = own_server
    assert run_cli("import", "--db", url, str(WIRE_STORY)).returncode == 0
    # The import's first insert waits here, inside its transaction, until the stop.
    _psql(url,
          "CREATE FUNCTION newsdesk_test_wait() RETURNS trigger LANGUAGE plpgsql AS $$ "
          "BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$",
          "CREATE TRIGGER newsdesk_test_wait AFTER INSERT ON review "
          "FOR EACH STATEMENT EXECUTE FUNCTION newsdesk_test_wait()")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    job = subprocess.Popen(
        [sys.executable, "-m", "newsdesk",
         "reviews", "import", str(_reviews_file(tmp_path)), "--db", url],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT)
    try:
        deadline = time.monotonic() + 60
        while not _psql(url, "SELECT 1 FROM pg_stat_activity WHERE wait_event = 'PgSleep'"):
            assert job.poll() is None, job.communicate()
            assert time.monotonic() < deadline, "the import never reached its insert"
            time.sleep(0.1)
        stop_own_server(folder)
        stdout, stderr = job.communicate(timeout=60)
    finally:
        if job.poll() is None:
            job.kill()
            job.wait()

    assert_one_clear_line(subprocess.CompletedProcess(job.args, job.returncode, stdout,
                                                      stderr),
                          url, "lost the connection to the database server")
    start_own_server(url, folder)
    assert _psql(url, "SELECT count(*) FROM review") == [(0,)]
    assert story_count(url) == 1


def test_a_bug_in_a_query_keeps_its_traceback(tmp_path):
    """Only failures of the environment become one line; a wrong query is a bug."""
    import peewee

    from newsdesk.errors import DatabaseUnavailable
    from newsdesk.store.db import database_in_use

    database = tmp_path / "newsroom.sqlite3"
    make_newsroom(database, 1)
    with pytest.raises(peewee.OperationalError, match="no such table"):
        with database_in_use(str(database)) as opened:
            opened.database.execute_sql("SELECT * FROM no_such_table")
    with pytest.raises(DatabaseUnavailable, match="the disk is full"):
        with database_in_use(str(database)):
            raise peewee.OperationalError("database or disk is full")

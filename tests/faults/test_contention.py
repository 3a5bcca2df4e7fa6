"""Several programs writing one SQLite database at once (issue 15, contention).

Other programs are real processes: one holding the write lock, or two newsdesks deciding
reviews as fast as they can. A write waits its turn (up to the 5 s busy wait) instead of
failing at once, and a database still locked after that is one clear line, exit 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsdesk.commands.common import open_demo_database
from newsdesk.store.db import BUSY_WAIT_S
from newsdesk.store.models import Review
from tests.conftest import REPO_ROOT, run_cli

# Holds SQLite's write lock (BEGIN IMMEDIATE) until its stdin closes or, given a number,
# for that many seconds; prints "locked" once it holds it.
HOLDER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("UPDATE setting SET value = value")
print("locked", flush=True)
if len(sys.argv) > 2:
    time.sleep(float(sys.argv[2]))
else:
    sys.stdin.read()
connection.execute("COMMIT")
"""

# A newsdesk making 200 decisions through the service, one transaction each, as the
# window does; prints how many failed. Starts on "go" so both writers overlap.
WRITER = """
import sys
from newsdesk.moderation import reviews
from newsdesk.store.db import open_database
opened = open_database(sys.argv[1])
ids = [int(i) for i in sys.argv[3].split(",")]
first = sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()
failed = 0
for n in range(200):
    status = "approved" if (n % 2 == 0) == (first == "approve") else "rejected"
    try:
        reviews.decide([ids[n % len(ids)]], status)
    except Exception as exc:
        failed += 1
        print(type(exc).__name__, exc, file=sys.stderr)
print(failed, flush=True)
"""


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _python(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", code, *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env(), cwd=str(REPO_ROOT))


@contextmanager
def write_lock_held(path: Path, seconds: float | None = None) -> Iterator[None]:
    holder = _python(HOLDER, str(path), *([str(seconds)] if seconds is not None else []))
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked", holder.stderr
        yield
    finally:
        holder.communicate(timeout=30)
    assert holder.returncode == 0


@pytest.fixture
def newsroom(tmp_path) -> tuple[Path, list[int]]:
    """The sample newsroom in a file, closed again, and some of its pending reviews."""
    opened = open_demo_database(tmp_path)
    pending = [r.id for r in Review.select().where(Review.status == "pending").limit(10)]
    path = Path(opened.database.database)
    opened.close()
    return path, pending


def test_a_held_write_lock_is_waited_for_then_one_clear_line(newsroom):
    path, pending = newsroom
    with write_lock_held(path):
        started = time.monotonic()
        result = run_cli("reviews", "decide", "approve", str(pending[0]), "--db", str(path),
                         timeout=60)
        waited = time.monotonic() - started
    assert result.returncode == 1
    assert result.stderr == (f"newsdesk: error: {path}: the database is locked by another "
                             f"program (waited {BUSY_WAIT_S} s); try again when it is done\n")
    assert result.stdout == ""
    assert waited >= BUSY_WAIT_S - 0.5  # it waited, not failed at once


def test_a_decision_waits_for_a_short_write_to_finish(newsroom):
    path, pending = newsroom
    with write_lock_held(path, seconds=1.5):
        result = run_cli("reviews", "decide", "reject", str(pending[0]), "--db", str(path),
                         timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "rejected 1 review\n"


def test_two_writers_making_200_decisions_each_all_succeed(newsroom):
    path, pending = newsroom
    ids = ",".join(str(i) for i in pending)
    writers = [_python(WRITER, str(path), first, ids) for first in ("approve", "reject")]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready", writer.stderr
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.flush()
    results = [writer.communicate(timeout=120) for writer in writers]
    for (out, err), writer in zip(results, writers, strict=True):
        assert writer.returncode == 0, err
        assert out.strip() == "0", err  # no decision failed


def test_two_command_lines_deciding_at_once_all_succeed(newsroom):
    path, pending = newsroom
    loop = ("import subprocess, sys\n"
            "failed = 0\n"
            "for n in range(8):\n"
            "    decision = ('approve', 'reject')[(n + int(sys.argv[2])) % 2]\n"
            "    result = subprocess.run([sys.executable, '-m', 'newsdesk', 'reviews', "
            "'decide', decision, *sys.argv[3].split(','), '--db', sys.argv[1]], "
            "capture_output=True, text=True)\n"
            "    if result.returncode:\n"
            "        failed += 1\n"
            "        sys.stderr.write(result.stderr)\n"
            "print(failed)\n")
    ids = ",".join(str(i) for i in pending)
    runs = [_python(loop, str(path), str(k), ids) for k in (0, 1)]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0 and out.strip() == "0", err

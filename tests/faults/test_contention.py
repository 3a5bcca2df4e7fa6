"""Several programs writing one SQLite database at once (issue 15, contention).

Other programs are real processes: one holding the write lock, or two newsdesks deciding
reviews as fast as they can. A write waits its turn (up to the 5 s busy wait) instead of
failing at once, and a database still locked after that is one clear line, exit 1.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from newsdesk.commands.common import open_demo_database
from newsdesk.store.failures import BUSY_WAIT_S
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


# One command-line moderator: 200 `newsdesk reviews decide` runs, one after another, each
# on one of its own reviews in turn, flipping it between approve and reject (the first
# decision given as argv[2]); started on "go" so both loops overlap. Prints one JSON row
# per run: [decision, review id, exit code, stdout, stderr].
CLI_LOOP = """
import json, subprocess, sys
path, first, ids = sys.argv[1], sys.argv[2], [int(i) for i in sys.argv[3].split(",")]
other = {"approve": "reject", "reject": "approve"}[first]
print("ready", flush=True)
sys.stdin.readline()
rows = []
for n in range(200):
    review_id = ids[n % len(ids)]
    decision = first if (n // len(ids)) % 2 == 0 else other
    run = subprocess.run([sys.executable, "-m", "newsdesk", "reviews", "decide", decision,
                          str(review_id), "--db", path], capture_output=True, text=True)
    rows.append([decision, review_id, run.returncode, run.stdout, run.stderr])
print(json.dumps(rows), flush=True)
"""
CLI_CALLS = 200
# 400 runs of about 0.3 s of CPU each take about a minute on two free cores; a loaded
# machine may take several.
CLI_LOOP_TIMEOUT_S = 540
DECIDED = {"approve": "approved", "reject": "rejected"}


def _expected_report(rows: list[list]) -> list[str]:
    """What each run must print: its count, then the change it made to a decided review."""
    expected, last = [], {}
    for decision, review_id, *_ in rows:
        status = DECIDED[decision]
        line = f"{status} 1 review\n"
        if review_id in last:
            line += f"review {review_id}: {last[review_id]} -> {status}\n"
        expected.append(line)
        last[review_id] = status
    return expected


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_two_command_lines_making_200_decisions_each_all_succeed(newsroom):
    """The issue's case through the real command: 2 x 200 processes on one file."""
    path, pending = newsroom
    own = {"approve": pending[:5], "reject": pending[5:10]}
    before = _review_states(path)
    loops = {}
    for first, ids in own.items():
        env = {**_env(), "NEWSDESK_USER": f"loop-{first}"}
        loops[first] = subprocess.Popen(
            [sys.executable, "-c", CLI_LOOP, str(path), first, ",".join(map(str, ids))],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env=env, cwd=str(REPO_ROOT))
    try:
        outputs = _start_and_collect(loops)
    finally:
        for loop in loops.values():  # a failed test leaves no loop deciding on
            if loop.poll() is None:
                loop.kill()
                loop.wait()
    finals = {}
    for first, (out, err) in outputs.items():
        assert loops[first].returncode == 0, err
        rows = json.loads(out)
        assert len(rows) == CLI_CALLS
        failed = [row for row in rows if row[2] != 0 or row[4]]
        assert not failed, failed[:3]  # every run exits 0 and says nothing on stderr
        assert [row[3] for row in rows] == _expected_report(rows)
        for decision, review_id, *_ in rows:
            finals[review_id] = (DECIDED[decision], f"loop-{first}")
    stored = _review_states(path)
    # 40 rounds on each review: each loop's reviews end as its second decision left them.
    assert {stored[i] for i in own["approve"]} == {("rejected", "loop-approve")}
    assert {stored[i] for i in own["reject"]} == {("approved", "loop-reject")}
    assert {i: stored[i] for i in finals} == finals
    assert {i: s for i, s in stored.items() if i not in finals} == {
        i: s for i, s in before.items() if i not in finals}


def _start_and_collect(loops: dict[str, subprocess.Popen[str]]) -> dict[str, tuple[str, str]]:
    for loop in loops.values():
        assert loop.stdout is not None and loop.stdout.readline().strip() == "ready"
    for loop in loops.values():
        assert loop.stdin is not None
        loop.stdin.write("go\n")
        loop.stdin.flush()
    return {first: loop.communicate(timeout=CLI_LOOP_TIMEOUT_S) for first, loop in loops.items()}


def _review_states(path: Path) -> dict[int, tuple[str, str]]:
    with closing(sqlite3.connect(path)) as connection:
        return {review_id: (status, by) for review_id, status, by in connection.execute(
            "SELECT id, status, moderated_by FROM review")}

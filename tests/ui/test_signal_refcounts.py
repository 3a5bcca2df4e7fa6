"""Signals must not leak or drop references to True and None.

PySide6 6.12.0 lowered ``sys.getrefcount(True)`` by one on every ``Signal.emit()``. Python
3.11's ``True`` and ``None`` are ordinary objects (3.12 made them immortal), so after a few
thousand emits the interpreter aborted ("Fatal Python error: bool_dealloc") in the middle
of an editor's work. pyproject.toml excludes that release; this test fails on any release
with the same fault. The emits run in a child process so that an abort there is reported
as this test's failure instead of ending the whole test run.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from tests.conftest import REPO_ROOT

EMITS = 20_000
# Flat means: a few references held by caches or the first call's set-up, not one per emit.
ALLOWED_DRIFT = 100

CHILD = textwrap.dedent(f"""
    import json, sys
    from PySide6.QtWidgets import QApplication, QWidget

    from newsdesk.ui.desk.preview import PreviewBridge
    from newsdesk.ui.workers import Job, JobRunner

    app = QApplication([])
    bridge = PreviewBridge()
    owner = QWidget()
    runner = JobRunner(owner, name="refcounts", progress_dialog=True)
    received = []

    def count(*values):  # keeps no reference to what arrived (None among it)
        received.append(len(values))

    job = Job(runner, {{"done": count, "failed": count, "cancelled": count,
                       "progress": count}}, "cancelled")
    runner._running.append(job)  # a job in flight: its progress reaches the callback


    def job_ends():  # the outcome of a job: delivered, dispatched, its callback called
        ending = Job(runner, {{"done": count}}, "cancelled")
        runner._running.append(ending)
        runner.delivered.emit(ending, "done", None)

    for signal in (bridge.clicked, bridge.ready, bridge.shown, runner.failed):
        signal.connect(count)
    emits = [
        lambda: bridge.clicked.emit(3),
        lambda: bridge.ready.emit(),
        lambda: bridge.pageReady(),
        lambda: bridge.shown.emit(7),
        lambda: job.progress(1, 2, "Writing index.html"),
        lambda: job.progress(3, 4),
        lambda: runner.delivered.emit(job, "progress", (5, 6, None)),
        lambda: runner.failed.emit("no room"),
        lambda: job.report(7, 8, "bad line"),
        job_ends,
    ]
    for emit in emits:  # warm-up: first calls may cache something for good
        emit()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for round in range({EMITS} // len(emits)):
        for emit in emits:
            emit()
    print(json.dumps({{"true": sys.getrefcount(True) - true_before,
                      "none": sys.getrefcount(None) - none_before,
                      "received": len(received)}}))
""")


def test_twenty_thousand_emits_leave_true_and_none_alone():
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                            timeout=300, cwd=str(REPO_ROOT),
                            env={**_environment(), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, (
        f"the child died (exit {result.returncode}); a Qt binding that drops references "
        f"on Signal.emit() aborts Python:\n{result.stderr[-3000:]}")
    counts = json.loads(result.stdout.strip().splitlines()[-1])
    assert counts["received"] >= EMITS * 7 // 10  # the slots really ran
    assert abs(counts["true"]) <= ALLOWED_DRIFT, counts
    assert abs(counts["none"]) <= ALLOWED_DRIFT, counts


def _environment() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO_ROOT) + os.pathsep
            + os.environ.get("PYTHONPATH", "")}

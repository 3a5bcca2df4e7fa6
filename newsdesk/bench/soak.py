"""The ``soak`` and ``soak-memory`` figures: a long session in the real window.

``newsdesk.ui.soak`` plays the newsroom's day (typing with autosave, switching and tagging
stories, moderating from the keyboard, exporting) in a process of its own, so that a crash
ends only that process and its memory is its own. It prints a heartbeat after every
round and a report at the end.

- ``soak``: seconds the session ran and kept working (the run length if it lasted; less
  if the process died or the window stopped responding); ``n`` is the run length.
- ``soak-memory``: resident memory growth in MB from after the warm-up to the end.

Neither has a floor. A check that failed (a keystroke or decision not stored) is printed
on stderr and in the figure's note; the session goes on after it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure

DEFAULT_MINUTES = 30.0
SPARE_S = 600  # start-up, warm-up and the last round on top of the run length


@dataclass
class Session:
    """What the child process printed: its heartbeats, then (if it lasted) its report."""

    planned_s: float
    elapsed_s: float = 0.0
    rss_start_mb: float = 0.0
    rss_end_mb: float = 0.0
    report: dict[str, Any] | None = None
    died: str = ""
    problems: list[str] = field(default_factory=list)

    def read(self, stdout: str) -> None:
        for line in stdout.splitlines():
            try:
                message = json.loads(line)
            except ValueError:
                continue  # not ours
            beat = message.get("heartbeat") if isinstance(message, dict) else None
            if beat:
                self.elapsed_s = beat["elapsed_s"]
                self.rss_start_mb, self.rss_end_mb = beat["rss_start_mb"], beat["rss_mb"]
            elif isinstance(message, dict) and "report" in message:
                self.report = message["report"]
                self.elapsed_s = self.report["elapsed_s"]
                self.rss_start_mb = self.report["rss_start_mb"]
                self.rss_end_mb = self.report["rss_end_mb"]
                self.problems = self.report["problems"]


def run_session(minutes: float) -> Session:
    session = Session(planned_s=minutes * 60)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    command = [sys.executable, "-m", "newsdesk.ui.soak", "--minutes", str(minutes)]
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True,
                                timeout=session.planned_s + SPARE_S)
    except subprocess.TimeoutExpired as exc:
        session.read(_text(exc.stdout))
        session.died = f"hung: no end after {session.planned_s + SPARE_S:.0f} s"
        return session
    session.read(result.stdout)
    if session.report is None:
        tail = result.stderr.strip().splitlines()[-3:]
        session.died = f"exit status {result.returncode}: {' | '.join(tail)}"
    return session


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode("utf-8", "replace")
    return output or ""


def measure_soak(context: BenchContext) -> list[Figure]:
    minutes = float(context.options.get("soak_minutes", DEFAULT_MINUTES))
    session = run_session(minutes)
    for problem in session.problems:
        print(f"soak: {problem}", file=sys.stderr)
    if session.died:
        print(f"soak: the session died: {session.died}", file=sys.stderr)
    return [Figure("soak", session.elapsed_s, None, "s", round(session.planned_s),
                   _note(session)),
            Figure("soak-memory", session.rss_end_mb - session.rss_start_mb, None, "MB", None,
                   f"{session.rss_start_mb:.0f} -> {session.rss_end_mb:.0f} MB resident")]


def _note(session: Session) -> str:
    if session.died:
        return f"died: {session.died}"[:200]
    report = session.report or {}
    counts = (f"{report.get('keystrokes', 0)} keystrokes, {report.get('decisions', 0)} "
              f"decisions, {report.get('exports', 0)} exports")
    if session.problems:
        return f"{counts}; {len(session.problems)} problems: {session.problems[0]}"[:300]
    return counts

"""The window's start: its phases timed for ``newsdesk --startup-trace``, and what waits
for the first frame (the benchmark's exits; the cycle collector's hold is in
``collector.py``, which needs no Qt).

The trace prints, on stderr, one line per phase: milliseconds since the process started
(read from ``/proc``; since the trace began where there is none) and the phase's name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject

TRACE_PREFIX = "startup-trace"
_IMPORTED = QElapsedTimer()
_IMPORTED.start()  # the clock where /proc cannot say when the process started
_started_at_ms: float | None = None  # the process's start on _IMPORTED's clock


def process_age_ms() -> float:
    """How long this process has been running (0 where ``/proc`` cannot say)."""
    try:
        with open("/proc/self/stat") as handle:
            # The command name (field 2) may hold spaces: count from its closing bracket.
            started_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as handle:
            uptime = float(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return max(0.0, (uptime - started_ticks / os.sysconf("SC_CLK_TCK")) * 1000)


def ms_since_start() -> float:
    """How long this process has been running: from ``/proc``, else since the window's
    start-up code was imported (early in the start)."""
    global _started_at_ms
    if _started_at_ms is None:  # /proc read once: each read costs about a millisecond
        _started_at_ms = _IMPORTED.elapsed() - (process_age_ms() or _IMPORTED.elapsed())
    return float(_IMPORTED.elapsed() - _started_at_ms)


class StartupTrace:
    """Marks phases of the start; prints them when enabled, else only keeps them."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.timer = QElapsedTimer()
        self.timer.start()
        self.offset_ms = ms_since_start()  # /proc read once for the trace and the speller
        self.phases: list[tuple[str, float]] = []
        self.mark("python started, Qt imported")

    def elapsed_ms(self) -> float:
        return self.offset_ms + self.timer.nsecsElapsed() / 1e6

    def mark(self, phase: str) -> None:
        at = self.elapsed_ms()
        self.phases.append((phase, at))
        if self.enabled:
            print(f"{TRACE_PREFIX} {at:9.1f} ms  {phase}", file=sys.stderr, flush=True)


class FirstPaint(QObject):
    """Calls ``then`` once, when ``widget`` is first painted."""

    def __init__(self, widget: QObject, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            self.widget.removeEventFilter(self)
            self.then()
        return False

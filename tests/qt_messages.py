"""Qt's messages during the tests: one handler for the whole run, never swapped.

pytest-qt captures Qt's messages by installing its handler at each test's start and
putting the previous one back at its end; with no handler before, that sets PySide6's
handler to None. A message logged meanwhile on another thread (QtWebEngine logs from its
own) waits for the interpreter lock inside PySide6's trampoline, then calls the handler
that was set to NULL under it: a segmentation fault in the next test's teardown, seen in
about 1 run in 20 of tests/ui/test_offline_switch.py (core dump: ``_PyObject_Call
(callable=0x0)`` under ``QMessageLogger::warning`` from libQt6WebEngineCore). So
pytest-qt's capture is off (``--no-qt-log`` in pyproject.toml), and this handler, set once
before any test and left in place, does its one job for us: a critical Qt message fails
the test that was running (pytest-qt's ``qt_log_level_fail = CRITICAL`` did that).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_lock = threading.Lock()
_criticals: list[str] = []
_installed = False


def _handle(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    # The rest is dropped, as pytest-qt's capture kept it from stderr (tests read their
    # stderr; QtWebEngine's chatter would be in it).
    if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        with _lock:
            _criticals.append(message)


def install() -> None:
    """Set the handler, once (it stays to the end of the run: removing it would reopen
    the race above)."""
    global _installed
    if not _installed:
        qInstallMessageHandler(_handle)
        _installed = True


def take_criticals() -> list[str]:
    """The critical messages since the last call."""
    with _lock:
        taken = list(_criticals)
        _criticals.clear()
    return taken

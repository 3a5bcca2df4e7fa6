"""The tests' Qt message handler (tests/qt_messages.py): set once, never swapped, and a
critical message fails the test it came in."""

from __future__ import annotations

import threading

from PySide6.QtCore import qCritical, qInstallMessageHandler, qWarning

from tests import qt_messages


def test_pytest_qt_leaves_the_message_handler_alone(request):
    # Its per-test swap set PySide6's handler to None under QtWebEngine's threads.
    assert request.config.getoption("qt_log") is False


def test_critical_messages_from_any_thread_are_caught_for_the_test(qapp):
    qWarning("only a warning")
    qCritical("from the test")
    worker = threading.Thread(target=lambda: qCritical("from another thread"))
    worker.start()
    worker.join()
    assert qt_messages.take_criticals() == ["from the test", "from another thread"]


def test_the_handler_in_place_is_the_runs_own(qapp):
    previous = qInstallMessageHandler(qt_messages._handle)  # puts the same one back
    assert previous is qt_messages._handle

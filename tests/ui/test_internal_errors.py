"""Errors nothing caught (a bug raised out of a slot, or on a thread of its own) are
written to the log file, still printed on stderr, and said in the window
(``newsdesk.ui.internal_errors``)."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from newsdesk.ui.internal_errors import SHOWN_CHARS, InternalErrors, one_line
from newsdesk.ui.main_window import MainWindow
from newsdesk.ui.workers import JobRunner
from tests.ui.test_startup import _after_the_start

# pytest-qt's own hook would take these errors for the test's: the test asserts them.
pytestmark = pytest.mark.qt_no_exception_capture


@pytest.fixture
def reporting(qtbot, db, settings, tmp_path):
    """A window whose uncaught errors are reported as the real start reports them."""
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    errors = InternalErrors(tmp_path / "state" / "log" / "newsdesk.log")
    errors.install()
    window.report_internal_errors(errors)
    yield window, errors
    errors.uninstall()


def _raise_from_a_button(qtbot, window, error: Exception) -> None:
    button = QPushButton("Fails", window)

    def fail() -> None:
        raise error

    button.clicked.connect(fail)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_an_error_out_of_a_slot_is_logged_printed_and_said_in_the_window(reporting, qtbot,
                                                                          capfd):
    window, errors = reporting
    assert window.error_band is None  # made at the first error
    _raise_from_a_button(qtbot, window, ValueError("<b>Turan</b> story 42\nsecond line"))

    band = window.error_band
    assert band is not None and band.isVisible()
    text = band.label.text()
    assert "ValueError: <b>Turan</b> story 42" in text  # shown as text, never as markup
    assert band.label.textFormat() == Qt.TextFormat.PlainText
    assert "second line" not in text
    assert str(errors.log_file) in text
    logged = errors.log_file.read_text(encoding="utf-8")
    assert "ERROR newsdesk.uncaught: Unexpected error" in logged
    assert "Traceback (most recent call last)" in logged
    assert "raise error" in logged and "second line" in logged  # the whole of it
    assert "ValueError: <b>Turan</b> story 42" in capfd.readouterr().err  # stderr as ever

    _raise_from_a_button(qtbot, window, KeyError("lost"))
    assert "KeyError: 'lost'" in band.label.text()
    assert "2 unexpected errors so far" in band.label.text()

    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        [log_button, dismiss] = band.findChildren(QPushButton)
        assert log_button.toolTip() == str(errors.log_file)
        qtbot.mouseClick(log_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in opened.urls] == [str(errors.log_file)]

    qtbot.mouseClick(dismiss, Qt.MouseButton.LeftButton)
    assert not band.isVisible()
    _raise_from_a_button(qtbot, window, RuntimeError("again"))
    assert band.isVisible() and "so far" not in band.label.text()  # counted afresh


# pytest's own thread hook, which ours hands the error on to, warns of it.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_an_error_on_a_thread_of_its_own_reaches_the_window(reporting, qtbot):
    window, errors = reporting

    def fail() -> None:
        raise RuntimeError("lost on a thread")

    thread = threading.Thread(target=fail, name="importer")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.error_band is not None and window.error_band.isVisible())
    assert "RuntimeError: lost on a thread" in window.error_band.label.text()
    assert "Unexpected error (thread importer)" in errors.log_file.read_text(encoding="utf-8")


def test_a_background_jobs_bug_is_written_to_the_log(reporting, qtbot):
    window, errors = reporting
    runner = JobRunner(window, name="test")
    failures: list[str] = []
    runner.start(lambda _job: 1 / 0, failed=failures.append)
    qtbot.waitUntil(lambda: failures != [])
    assert "ZeroDivisionError" in failures[0]  # the job's own message, as before
    logged = errors.log_file.read_text(encoding="utf-8")
    assert "ERROR newsdesk.ui.workers: background job failed" in logged
    assert "ZeroDivisionError" in logged


def test_uninstalled_the_hooks_are_the_ones_before(qtbot, tmp_path):
    before = (sys.excepthook, threading.excepthook, logging.getLogger("newsdesk").handlers[:])
    errors = InternalErrors(tmp_path / "newsdesk.log")
    errors.install()
    assert sys.excepthook != before[0] and threading.excepthook != before[1]
    errors.uninstall()
    assert (sys.excepthook, threading.excepthook,
            logging.getLogger("newsdesk").handlers) == before


def test_without_a_log_folder_the_window_points_to_the_terminal(qtbot, db, settings, tmp_path,
                                                                capfd):
    home = tmp_path / "home"
    home.mkdir()
    in_the_way = home / "file"
    in_the_way.write_text("not a folder")
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    errors = InternalErrors(in_the_way / "log" / "newsdesk.log")
    errors.install()
    try:
        assert errors.log_file is None
        window.report_internal_errors(errors)
        QTimer.singleShot(0, lambda: (_ for _ in ()).throw(OSError("disk gone")))
        qtbot.waitUntil(lambda: window.error_band is not None)
    finally:
        errors.uninstall()
    assert "printed on the terminal" in window.error_band.label.text()
    assert [b.text() for b in window.error_band.findChildren(QPushButton)] == ["Dismiss"]
    assert "OSError: disk gone" in capfd.readouterr().err
    assert list(home.iterdir()) == [in_the_way]


def test_one_line_is_short_and_names_the_error():
    assert one_line(ValueError, ValueError("")) == "ValueError"
    assert one_line(KeyError, KeyError("x")) == "KeyError: 'x'"
    long = one_line(ValueError, ValueError("x" * 1000))
    assert len(long) == SHOWN_CHARS and long.endswith("\u2026")


def test_the_real_start_reports_uncaught_errors_and_puts_the_hooks_back(db, tmp_path):
    # The start's hook is in place once the window is shown; the hooks before it are back
    # once the window has closed.
    before = ("import sys\n"
              "hooks = []\n"
              "from newsdesk.ui import main_window\n"
              "real_show = main_window.MainWindow.show\n"
              "def show(self):\n"
              "    hooks.append(getattr(sys.excepthook, '__qualname__', ''))\n"
              "    real_show(self)\n"
              "main_window.MainWindow.show = show\n")
    found = "[hooks, sys.excepthook is sys.__excepthook__]"
    hooks, restored = _after_the_start(tmp_path, found, before)
    assert hooks == ["InternalErrors._caught"]
    assert restored

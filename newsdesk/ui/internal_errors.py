"""Errors nothing caught: written to a log file and said in the window.

A bug raised out of a slot or a Qt override, or on a thread of its own, ends in
``sys.excepthook`` / ``threading.excepthook``. Python's own prints the traceback on
stderr, which a window started from the desktop shows to nobody: the click did nothing,
and nobody knows why. ``InternalErrors`` writes it to ``newsdesk.log`` in the user's log
folder, together with newsdesk's own warnings and errors (a background job's bug,
``workers.py``), still prints it on stderr, and tells the window, which says what went
wrong and where the details are.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from newsdesk.ui.banner import WARNING, Banner
from newsdesk.ui.i18n import tr
from newsdesk.user_folders import log_folder

LOG_NAME = "newsdesk.log"
# Three files of at most 1 MB each: a long day's errors, never a full disk.
LOG_BYTES = 1_000_000
LOG_BACKUPS = 2
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# The longest error message the window repeats (the log has it whole).
SHOWN_CHARS = 200

_uncaught = logging.getLogger("newsdesk.uncaught")


def default_log_file() -> Path:
    return log_folder(LOG_NAME)


def one_line(exc_type: type[BaseException], exc: BaseException | None) -> str:
    """The error's type and the first line of its message, short enough for a banner."""
    message = str(exc).strip().splitlines()[0] if exc is not None and str(exc).strip() else ""
    text = f"{exc_type.__name__}: {message}" if message else exc_type.__name__
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "\u2026"


class InternalErrors(QObject):
    """While installed: errors nothing caught are logged and ``occurred`` is emitted with
    their one line (queued to the window's thread from any other)."""

    occurred = Signal(str)

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file: Path | None = log_file if log_file is not None else default_log_file()
        self._handler: logging.Handler | None = None  # the log file's
        self._added: list[tuple[logging.Logger, logging.Handler]] = []
        self._hooks: tuple[Any, Any] | None = None

    def install(self) -> None:
        if self._hooks is not None:
            return
        self._handler = self._open_log()
        if self._handler is not None:
            newsdesk = logging.getLogger("newsdesk")
            # Without a handler of its own, a record went to Python's last-resort stderr
            # output: it still does.
            stderr = logging.StreamHandler(sys.stderr)
            stderr.setLevel(logging.WARNING)
            self._added = [(_uncaught, self._handler), (newsdesk, self._handler),
                           (newsdesk, stderr)]
            for logger, handler in self._added:
                logger.addHandler(handler)
        _uncaught.propagate = False  # the traceback reaches stderr through the old hook
        self._hooks = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._caught
        threading.excepthook = self._caught_on_thread

    def uninstall(self) -> None:
        if self._hooks is None:
            return
        if sys.excepthook == self._caught:
            sys.excepthook = self._hooks[0]
        if threading.excepthook == self._caught_on_thread:
            threading.excepthook = self._hooks[1]
        self._hooks = None
        _uncaught.propagate = True
        for logger, handler in self._added:
            logger.removeHandler(handler)
        self._added = []
        if self._handler is not None:
            self._handler.close()
            self._handler = None

    def _open_log(self) -> logging.Handler | None:
        """The log file's handler; None (stderr only) where its folder cannot be made."""
        if self.log_file is None:
            return None
        try:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.log_file = None
            return None
        return _LogFile(self.log_file)

    def _caught(self, exc_type: type[BaseException], exc: BaseException,
                traceback: TracebackType | None) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            self._record(exc_type, exc, traceback, "")
        previous = self._hooks[0] if self._hooks is not None else sys.__excepthook__
        previous(exc_type, exc, traceback)

    def _caught_on_thread(self, args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            name = args.thread.name if args.thread is not None else "?"
            self._record(args.exc_type, args.exc_value, args.exc_traceback,
                         f" (thread {name})")
        previous = self._hooks[1] if self._hooks is not None else threading.__excepthook__
        previous(args)

    def _record(self, exc_type: type[BaseException], exc: BaseException | None,
                traceback: TracebackType | None, where: str) -> None:
        try:
            if self._handler is not None:  # else the old hook's stderr output is all
                _uncaught.error("Unexpected error%s", where,
                                exc_info=(exc_type, exc, traceback))  # type: ignore[arg-type]
        finally:
            self.occurred.emit(one_line(exc_type, exc))


class _LogFile(logging.Handler):
    """The log file, opened at its first record: most sessions write none, and
    ``logging.handlers`` imports ``socket`` (some milliseconds of every start)."""

    def __init__(self, path: Path) -> None:
        super().__init__(logging.WARNING)
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            try:
                self._file = RotatingFileHandler(self.path, maxBytes=LOG_BYTES,
                                                 backupCount=LOG_BACKUPS, encoding="utf-8")
            except OSError:
                self.handleError(record)
                return
            self._file.setFormatter(logging.Formatter(LOG_FORMAT))
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


class ErrorBand(Banner):
    """The window's word on errors nothing caught: the last one, how many since the user
    last dismissed the band, and where the details are."""

    def __init__(self, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__("mdi6.bug-outline", WARNING, parent)
        self.log_file = log_file
        self.count = 0
        if log_file is not None:
            self.add_button(tr("Open the log"), "mdi6.file-document-outline", self.open_log,
                            tooltip=str(log_file))
        self.add_button(tr("Dismiss"), "mdi6.close", self.dismiss)

    def show_error(self, what: str) -> None:
        self.count += 1
        text = tr("newsdesk met an error it did not expect: {error}. What you last did may "
                  "not have been done.").format(error=what)
        if self.count > 1:
            text += " " + tr("%n unexpected error(s) so far.", "", self.count)
        if self.log_file is not None:
            text += " " + tr("The details are in {path}.").format(path=self.log_file)
        else:
            text += " " + tr("The details were printed on the terminal (stderr).")
        self.label.setText(text)
        self.show()

    def dismiss(self) -> None:
        self.count = 0
        self.hide()

    def open_log(self) -> None:
        if self.log_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_file)))

"""The window closed as its Close button closes it when the process is asked to end:
SIGTERM (a logout, a shutdown, ``kill``), SIGINT (Ctrl+C in the terminal it was started
from), SIGHUP (that terminal closed).

Python runs a signal's handler only when the interpreter next runs Python code. SIGTERM's
default ended the process at once: the open story's lock stayed held for colleagues until
it expired, a demo's folder stayed behind, and the last keystrokes were only in the
recovery journal. Ctrl+C raised KeyboardInterrupt out of whichever slot ran next, which
printed it, and the window went on.

Here a signal only writes its number to a pipe (``signal.set_wakeup_fd``). A
``QSocketNotifier`` on the pipe's other end closes the window from the event loop: the
story is stored, its lock released, the layout kept. The process then ends with 128 plus
the signal's number, as a shell expects. Where the window refuses to close (the user is
choosing between two versions of the story), the unsaved text goes to the recovery
journal and the process ends all the same.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

if TYPE_CHECKING:
    from newsdesk.ui.main_window import MainWindow

QUIT_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")  # SIGHUP: not on Windows


def _noted(_number: int, _frame: Any) -> None:
    """The Python handler: nothing to do, the number is in the pipe already."""


class QuitOnSignals(QObject):
    """While it lives (until ``uninstall``): the quit signals close ``window``."""

    def __init__(self, window: MainWindow,
                 end: Callable[[int], object] = QCoreApplication.exit) -> None:
        """``end(code)`` ends the event loop once the window is closed (the
        application's exit; a test, which runs no loop of the application's, records it:
        called outside ``exec()``, Qt's exit makes every later event loop return at once).
        """
        super().__init__(window)
        self.window = window
        self._end = end
        self.received: int | None = None
        self._read = self._write = -1
        if os.name != "posix":
            return  # Windows wakes Python for signals through sockets only: as before there
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)  # a signal never waits for a full pipe
        self._previous_fd = signal.set_wakeup_fd(self._write)
        self._previous: dict[int, Any] = {}
        for name in QUIT_SIGNALS:
            number = getattr(signal, name, None)
            if number is not None:
                self._previous[number] = signal.signal(number, _noted)
        self.notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._signalled)

    def _signalled(self) -> None:
        try:
            numbers = os.read(self._read, 512)
        except OSError:  # nothing there after all
            return
        asked = [number for number in numbers if number in self._previous]
        if asked and self.received is None:
            self.received = asked[0]
            self._close(asked[0])

    def _close(self, number: int) -> None:
        if not self.window.close():
            self.window.desk.editor.write_journal()
        self._end(128 + number)

    def uninstall(self) -> None:
        """The signals' handlers and wakeup as they were before."""
        if self._read < 0:
            return
        self.notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            # (None: a handler set outside Python, which cannot be put back from here.)
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        os.close(self._read)
        os.close(self._write)
        self._read = self._write = -1

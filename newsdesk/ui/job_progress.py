"""The progress dialog of a job on a worker thread (export, review import, rules check).

Qt's ``QProgressDialog`` has traps a job's dialog fell into: ``setValue(minimum)`` starts
a timer that shows the dialog after ``minimumDuration``, and ``close()`` does not stop it,
so a job that ended quickly got its (window-modal) dialog afterwards, for good;
``close()`` also emits ``canceled``; and disconnecting ``canceled`` cuts the dialog's own
connection to ``cancel()``, which is what hides it when Cancel is pressed. A
``JobProgressDialog`` starts and ends with each job and keeps Qt's wiring intact.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

# A job that ends sooner never shows a dialog.
PROGRESS_DELAY_MS = 300


class JobProgressDialog(QProgressDialog):
    """Window-modal progress with Cancel, reused job after job.

    Owners connect ``canceled`` to their cancel method once (Cancel, Escape and the
    window's close button all emit it); Qt hides the dialog itself then. The dialog is
    never deleted while its owner lives: ``setValue()`` runs the event loop, and the end
    of the job may arrive in there, while Qt still works on the dialog.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", "Cancel", 0, 0, parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(PROGRESS_DELAY_MS)
        # Stays at 100% until the job reports its end (an export still moves files then).
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.reset()

    def begin(self, title: str, label: str) -> None:
        """A job starts: the dialog shows if it still runs after ``PROGRESS_DELAY_MS``."""
        self.reset()
        self.setWindowTitle(title)
        self.setLabelText(label)
        self.setRange(0, 0)
        self.setValue(0)  # starts the clock

    def advance(self, done: int, total: int, label: str | None = None) -> None:
        if self.wasCanceled():
            return  # hidden by Cancel; showing it again would look as if nothing happened
        if label is not None:
            self.setLabelText(label)
        self.setMaximum(total)
        # Last: a shown window-modal dialog runs the event loop in setValue(), and the job
        # may end (and end() run) inside this call.
        self.setValue(done)

    def end(self) -> None:
        """The job is over (done, failed or cancelled): hide, and stop the timer that
        would otherwise show the dialog later."""
        self.reset()
        self.hide()

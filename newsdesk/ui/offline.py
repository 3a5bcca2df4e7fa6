"""Working offline in the window: the band saying so, and ``newsdesk sync`` run in its
own process every minute until the server answers (the replica stays open here: the
sync writes into it beside the window, as a colleague's program would)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from newsdesk.sync.offline import sync_command
from newsdesk.ui.banner import Banner
from newsdesk.ui.i18n import tr

RETRY_MS = 60_000  # how often the server is tried while it cannot be reached
# ``newsdesk sync``: done, or done with conflicts left for a person (design.md section 5).
SYNCED, SYNCED_WITH_CONFLICTS = 0, 3


class OfflineWork(QObject):
    """The window works in the replica of ``server_url``: says so in ``band`` and sends
    the changes made here once the server is back."""

    synced = Signal(int)  # the sync's exit status (0, or 3 with conflicts left)

    def __init__(self, server_url: str, replica: Path, band: Banner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self.replica = replica
        self.band = band
        self.process: QProcess | None = None
        self.sent = False
        band.show_text(tr("Offline - changes will be sent when the server is back"))
        self.timer = QTimer(self)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.try_server)
        self.timer.start()

    def try_server(self) -> None:
        """One ``newsdesk sync`` (unless one is running): it fails quietly while the
        server cannot be reached."""
        if self.process is not None:
            return
        command = sync_command(self.replica)
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        environment.insert("NEWSDESK_DB", self.server_url)
        process.setProcessEnvironment(environment)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.finished.connect(self._finished)
        self.process = process
        process.start()

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.deleteLater()
        if status != QProcess.ExitStatus.NormalExit or code not in (SYNCED,
                                                                    SYNCED_WITH_CONFLICTS):
            return  # still unreachable: the timer tries again
        self.sent = True
        if code == SYNCED:
            self.band.show_text(tr("The server is back and your offline changes were sent. "
                                   "Reopen newsdesk to work on the server again."))
        else:
            self.band.show_text(tr("The server is back and your offline changes were sent; "
                                   "some stories were also changed on the server and need a "
                                   "look there. Reopen newsdesk to work on the server again."))
        self.synced.emit(code)

    def stop(self) -> None:
        """No sync left running behind a closed window."""
        self.timer.stop()
        if self.process is not None:
            process, self.process = self.process, None
            process.finished.disconnect(self._finished)
            process.kill()
            process.waitForFinished(5000)
            process.deleteLater()

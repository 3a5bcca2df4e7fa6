"""The window's replica of the team server, kept by ``newsdesk sync`` run in its own
process (never on the window's database connection).

Online: a sync when the window opens and every five minutes, keeping in full the stories
opened here. Offline (the window works in the replica): a band says so, and a sync is
tried every minute until the server answers (the replica stays open here: the sync
writes into it beside the window, as a colleague's program would)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from newsdesk.sync.offline import sync_command
from newsdesk.ui.banner import Banner
from newsdesk.ui.i18n import tr

RETRY_MS = 60_000  # how often the server is tried while it cannot be reached
ONLINE_MS = 5 * 60_000  # how often an online window brings its replica up to date
# ``newsdesk sync``: done, or done with conflicts left for a person (design.md section 5).
SYNCED, SYNCED_WITH_CONFLICTS = 0, 3


class ReplicaSync(QObject):
    """Keeps the replica of ``server_url``; ``online=False``: the window works in it,
    says so in ``band`` and sends the changes made here once the server is back."""

    synced = Signal(int)  # the sync's exit status (0, or 3 with conflicts left)

    def __init__(self, server_url: str, replica: Path, band: Banner, *, online: bool,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_url = server_url
        self.replica = replica
        self.band = band
        self.online = online
        self.process: QProcess | None = None
        self.sent = False
        self.kept: set[int] = set()  # stories opened here since the last sync (server ids)
        self._sending: set[int] = set()
        if not online:
            band.show_text(tr("Offline - changes will be sent when the server is back"))
        self.timer = QTimer(self)
        self.timer.setInterval(ONLINE_MS if online else RETRY_MS)
        self.timer.timeout.connect(self.try_server)
        self.timer.start()
        if online:
            QTimer.singleShot(0, self.try_server)

    def keep(self, article_id: int) -> None:
        """A story opened here: kept in full in the replica from the next sync on."""
        if self.online:
            self.kept.add(article_id)

    def try_server(self) -> None:
        """One ``newsdesk sync`` (unless one is running): it fails quietly while the
        server cannot be reached."""
        if self.process is not None:
            return
        self._sending = set(self.kept)
        command = sync_command(self.replica) + [
            option for article_id in sorted(self._sending)
            for option in ("--keep", str(article_id))]
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
            # Unreachable (the timer tries again), or a story to keep was deleted there
            # meanwhile: the others are asked for again with the next one opened.
            self.kept -= self._sending
            return
        self.kept -= self._sending
        self.sent = True
        self.synced.emit(code)
        if self.online:
            return
        if code == SYNCED:
            self.band.show_text(tr("The server is back and your offline changes were sent. "
                                   "Reopen newsdesk to work on the server again."))
        else:
            self.band.show_text(tr("The server is back and your offline changes were sent; "
                                   "some stories were also changed on the server and need a "
                                   "look there. Reopen newsdesk to work on the server again."))

    def stop(self) -> None:
        """No sync left running behind a closed window."""
        self.timer.stop()
        if self.process is not None:
            process, self.process = self.process, None
            process.finished.disconnect(self._finished)
            process.kill()
            process.waitForFinished(5000)
            process.deleteLater()

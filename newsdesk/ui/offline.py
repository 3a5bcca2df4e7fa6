"""The window's replica of the team server, kept by ``newsdesk sync`` run in its own
process (never on the window's database connection).

Online: a sync when the window opens, every five minutes, and soon after a story is
opened (so its full text is here if the server goes away), keeping in full the stories
opened here. Offline (the window works in the replica): a band says so, and a sync is
tried every minute until the server answers (the replica stays open here: the sync
writes into it beside the window, as a colleague's program would); the window then goes
back to the server (``MainWindow``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QObject, QProcess, QProcessEnvironment, QTimer, Signal

from newsdesk.sync.offline import sync_command
from newsdesk.ui.banner import Banner
from newsdesk.ui.i18n import tr

RETRY_MS = 60_000  # how often the server is tried while it cannot be reached
ONLINE_MS = 5 * 60_000  # how often an online window brings its replica up to date
KEEP_SOON_MS = 3000  # a story opened online is in the replica in full this soon after
OFFLINE_TEXT = QT_TR_NOOP("Offline - changes will be sent when the server is back")
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
        # The window's own writes into the replica (set by the window): a sync that ran
        # while they moved may have missed some of them.
        self.local_writes: Callable[[], int] = lambda: 0
        self.writes_at_start = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.try_server)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(KEEP_SOON_MS)
        self.soon.timeout.connect(self.try_server)
        if online:
            self.go_online()
            QTimer.singleShot(0, self.try_server)
        else:
            self.go_offline()

    def go_offline(self) -> None:
        """The window works in the replica: say so, and try the server every minute."""
        self.online = False
        self.kept.clear()
        self.soon.stop()
        self.band.show_text(tr(OFFLINE_TEXT))
        self.timer.setInterval(RETRY_MS)
        self.timer.start()

    def go_online(self) -> None:
        """The window works on the server again: the band goes."""
        self.online = True
        self.band.hide()
        self.timer.setInterval(ONLINE_MS)
        self.timer.start()

    def written_since_start(self) -> bool:
        """The window wrote into the replica since the last sync started."""
        return self.local_writes() != self.writes_at_start

    def keep(self, article_id: int) -> None:
        """A story opened here: kept in full in the replica from the next sync on."""
        if self.online and article_id not in self.kept:
            self.kept.add(article_id)
            self.soon.start()

    def try_server(self) -> None:
        """One ``newsdesk sync`` (unless one is running): it fails quietly while the
        server cannot be reached."""
        if self.process is not None:
            return
        self.soon.stop()
        self._sending = set(self.kept)
        self.writes_at_start = self.local_writes()
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

    def stop(self) -> None:
        """No sync left running behind a closed window."""
        self.timer.stop()
        self.soon.stop()
        if self.process is not None:
            process, self.process = self.process, None
            process.finished.disconnect(self._finished)
            process.kill()
            process.waitForFinished(5000)
            process.deleteLater()

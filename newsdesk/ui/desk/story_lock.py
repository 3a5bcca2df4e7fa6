"""Story locks in the editor: take the lock on open, renew it, show who holds it.

A story held by a colleague opens read-only under a banner naming them, with a "Take over"
button; if our own lock is taken over while we type, our unsaved text is kept as a
revision and the editor turns read-only, so nothing is lost and nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import peewee
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import QWidget

from newsdesk.store.failures import operational_error_text
from newsdesk.store.models import database_proxy
from newsdesk.stories import lock_state, locks
from newsdesk.ui.banner import INFO, Banner
from newsdesk.ui.desk.editor import EditorPanel
from newsdesk.ui.domain_texts import translated
from newsdesk.ui.i18n import tr
from newsdesk.ui.settings import user_name
from newsdesk.ui.workers import JobRunner


class LockBanner(Banner):
    take_over_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("mdi6.lock-outline", INFO, parent)
        self.take_over = self.add_button(
            tr("Take over"), "mdi6.lock-open-variant-outline", self.take_over_requested.emit,
            tr("Edit this story yourself; what the colleague saved is kept as a revision"))

    def show_lock(self, text: str) -> None:
        self.show_text(text)


class StoryLockGuard(QObject):
    """Keeps the editor's story locked for this user while it is open."""

    HEARTBEAT_MS = int(locks.HEARTBEAT_INTERVAL.total_seconds() * 1000)
    lock_changed = Signal(int)

    def __init__(self, editor: EditorPanel, settings: QSettings) -> None:
        super().__init__(editor)
        self.editor = editor
        self.settings = settings
        self.held: int | None = None
        # While the window works in a replica: the locks the server had at the last pull
        # (set by the window). Those stories stay read-only; nothing can be taken over.
        self.pulled_locks: Callable[[], dict[int, locks.Lock]] | None = None
        self.banner = LockBanner(editor)
        editor.layout().insertWidget(0, self.banner)
        self.banner.take_over_requested.connect(self.take_over)
        self.heartbeat = QTimer(self)
        self.heartbeat.setInterval(self.HEARTBEAT_MS)
        self.heartbeat.timeout.connect(self.renew_in_background)
        # The timer's renewals write on a worker: on the GUI thread a write waits for
        # another program's (an import holding the file) for up to the 5 s busy wait,
        # and a team window waits for the server's round trip, every minute.
        self.renewals = JobRunner(self, name="lock-heartbeat")
        editor.article_opened.connect(self.opened)
        editor.article_closed.connect(self.closed)
        # A refused save means the lock moved on: step back now, not at the next heartbeat.
        editor.lock_refused.connect(self.renew)
        # A window destroyed without closing (as a crash leaves it) holds no lock any more.
        editor.destroyed.connect(partial(lock_state.end_session, self.session))

    @property
    def user(self) -> str:
        return user_name(self.settings)

    @property
    def session(self) -> str:
        """The window's id the lock is held under (the editor's save session)."""
        return self.editor.session.session_id

    def opened(self, article_id: int) -> None:
        if self.held is not None and self.held != article_id:
            self.release()
        pulled = self.pulled_lock(article_id)
        if pulled is not None:
            self._read_only(self._describe(pulled), offline=True)
            self.lock_changed.emit(article_id)
            return
        try:
            blocking = locks.acquire(article_id, self.user, self.session)
        except peewee.DatabaseError as exc:
            self.editor.message.emit(tr("Could not lock the story: {reason}").format(
                reason=translated(operational_error_text(exc))))
            return
        if blocking is None:
            self._hold(article_id)
        else:
            self._read_only(self._describe(blocking))
        self.lock_changed.emit(article_id)

    def closed(self) -> None:
        """No story is open any more: nothing to hold, nothing to say about locks."""
        self.release()
        self.banner.hide()
        self.editor.set_read_only(False)

    def pulled_lock(self, article_id: int) -> locks.Lock | None:
        """A colleague's lock on the story as the server had it at the last pull (None
        online, or when the lock is this window's own or its window is gone)."""
        if self.pulled_locks is None:
            return None
        lock = self.pulled_locks().get(article_id)
        if lock is None or lock.session == self.session or (
                lock.session and lock_state.session_is_dead(lock.session)):
            return None
        return lock

    def forget(self) -> None:
        """The window leaves this database: the lock held there is left to expire (the
        server may not answer to release it)."""
        self.heartbeat.stop()
        self.held = None

    def _describe(self, lock: locks.Lock) -> str:
        if lock.holder == self.user:  # same name: the user's own other window
            return tr("{lock} in another window").format(lock=translated(lock.description()))
        return translated(lock.description())

    def _hold(self, article_id: int) -> None:
        self.held = article_id
        self.banner.hide()
        self.editor.set_read_only(False)
        self.heartbeat.start()

    def _read_only(self, text: str, *, offline: bool = False) -> None:
        self.held = None
        self.heartbeat.stop()
        self.editor.set_read_only(True)
        self.banner.take_over.setVisible(not offline)
        if offline:
            self.banner.show_lock(tr("This story is {lock} on the server (when this copy was "
                                     "last synced). You can read it; edit it once the server "
                                     "is back.").format(lock=text))
        else:
            self.banner.show_lock(tr("This story is {lock}. You can read it; take it over to "
                                     "edit.").format(lock=text))

    def renew(self) -> None:
        """Renew the lock now (a refused save: the lock may have moved on)."""
        if self.held is None:
            return
        try:
            still_ours = locks.heartbeat(self.held, self.session)
        except peewee.DatabaseError as exc:
            self._not_renewed(translated(operational_error_text(exc)))
            return
        if not still_ours:
            self._lost()

    def renew_in_background(self) -> None:
        """The heartbeat: renew the lock on the worker; a lock found taken over steps
        back when the answer comes (if that story is still the one held)."""
        if self.held is None or self.renewals.busy():
            return  # (a renewal still waiting for the database is renewal enough)
        held = self.held, database_proxy.obj
        session = self.session
        self.renewals.start(lambda _job: locks.heartbeat(held[0], session),
                            done=lambda still_ours: self._renewed(held, still_ours),
                            failed=self._not_renewed)

    def _renewed(self, held: tuple[int, object], still_ours: bool) -> None:
        # (The window may have gone to its replica meanwhile, where ids mean other stories.)
        if not still_ours and (self.held, database_proxy.obj) == held:
            self._lost()

    def _not_renewed(self, reason: str) -> None:
        self.editor.message.emit(tr("Could not renew the story lock: {reason}").format(
            reason=reason))

    def _lost(self) -> None:
        """A colleague took the story over: keep our unsaved text, then step back."""
        article_id, editor = self.held, self.editor
        self.held = None  # a refused autosave settled below must not find it lost again
        editor.settle()
        if editor.dirty:
            editor.cancel_timers()
            editor.session.set_aside(editor.fields(),
                                     reason="unsaved when the lock was taken over")
        lock = locks.current_lock(article_id)
        editor.reload()
        holder = self._describe(lock) if lock else tr("being edited by a colleague")
        self._read_only(holder)
        editor.message.emit(tr("A colleague took this story over; your unsaved text is kept "
                               "in its revisions"))
        self.lock_changed.emit(article_id)

    def take_over(self) -> None:
        article_id = self.editor.article_id
        if article_id is None:
            return
        try:
            previous = locks.take_over(article_id, self.user, self.session)
        except peewee.DatabaseError as exc:  # e.g. another program kept the database locked
            self.editor.message.emit(tr("Could not take the story over: {reason}").format(
                reason=translated(operational_error_text(exc))))
            return
        self.editor.reload()
        self._hold(article_id)
        if previous:
            self.editor.message.emit(tr("You took the story over from {holder}; their saved "
                                        "text is kept as a revision").format(
                                            holder=previous.holder))
        self.lock_changed.emit(article_id)

    def release(self) -> None:
        self.heartbeat.stop()
        if self.held is None:
            return
        held, self.held = self.held, None
        try:
            locks.release(held, self.session)
        except peewee.DatabaseError:
            pass  # the lock expires by itself; the window is closing or moving on anyway
        self.lock_changed.emit(held)

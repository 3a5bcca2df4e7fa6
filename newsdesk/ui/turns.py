"""Work that falls due together runs one piece per turn of the event loop.

The editor's housekeeping (the recovery journal, the autosave, the picture references'
recheck) and the spell check all wait for a pause in typing. After a pause, or after
anything that held the GUI thread (a modal dialog, a slow disk), they fall due at once,
and Qt runs every timer that is due in one pass of its event loop: a key pressed then
waited for all of them, 8-11 ms of the GUI thread. Queued here, they run one per turn, and
a key waits for one. (The preview's update does not queue: it is what the user watches.)

A turn is asked for with a posted event: Qt delivers an event posted while it delivers
posted events in its next pass, so each queued call gets a pass of its own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from newsdesk.ui.workers import jobs_shut_down

_NEXT_TURN = QEvent.Type(QEvent.registerEventType())  # "run the next queued call"


class TurnQueue(QObject):
    """Calls queued by their owners, one per turn of the event loop, in order."""

    def __init__(self) -> None:
        super().__init__()
        self._queue: deque[tuple[QObject, Callable[[], None]]] = deque()
        self._asked = False  # a _NEXT_TURN event is on its way

    def call_soon(self, owner: QObject, action: Callable[[], None]) -> None:
        """Call ``action`` in a turn of its own after the calls queued before it; an owner
        that already has a call queued keeps that one."""
        if not self.queued(owner):
            self._queue.append((owner, action))
        self._ask_for_a_turn()

    def queued(self, owner: QObject) -> bool:
        return any(queued is owner for queued, _action in self._queue)

    def drop(self, owner: QObject) -> None:
        """Forget ``owner``'s queued call (it ran by other means, or was cancelled)."""
        if self.queued(owner):
            self._queue = deque(entry for entry in self._queue if entry[0] is not owner)

    def event(self, event: QEvent) -> bool:  # noqa: D102 (Qt override)
        if event.type() != _NEXT_TURN:
            return super().event(event)
        self._asked = False
        self._run_next()
        return True

    def _ask_for_a_turn(self) -> None:
        if not self._asked:
            self._asked = True
            QCoreApplication.postEvent(self, QEvent(_NEXT_TURN))

    def _run_next(self) -> None:
        while self._queue:
            owner, action = self._queue.popleft()
            # Not deleted with its window meanwhile, nor left in a closed one: a closed
            # window's autosave or spell check would act on the database opened next.
            if shiboken6.isValid(owner) and not jobs_shut_down(owner):
                break
        else:
            return
        if self._queue:
            self._ask_for_a_turn()
        action()


_queue: TurnQueue | None = None


def turn_queue() -> TurnQueue:
    """The GUI thread's queue, made with the first call."""
    global _queue
    if _queue is None or not shiboken6.isValid(_queue):
        _queue = TurnQueue()
    return _queue

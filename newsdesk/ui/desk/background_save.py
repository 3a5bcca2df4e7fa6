"""The editor's timed autosave, stored by a worker thread so typing never waits for the
database: the UPDATE, the search index's refresh and the commit took 3-8 ms of the GUI
thread on a local file, and a server's round trips on a team database.

Only the timer's autosave goes here. Everything that must see the story as stored (Ctrl+S,
leaving the story, a status move, closing the window) first ``settle()``s: it waits for
the save in flight and applies its outcome at once, so those paths stay synchronous.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from newsdesk.store.models import Article, database_proxy
from newsdesk.ui.workers import Job, JobRunner


class StoreOutcome:
    """What the worker's store came to: the stored story, or the exception it raised.

    (A plain class: the worker fills it in, and a dataclass would compile its methods as
    the window starts.)"""

    __slots__ = ("article", "error", "delivered")

    def __init__(self) -> None:
        self.article: Article | None = None
        self.error: BaseException | None = None
        self.delivered = False


class BackgroundSave(QObject):
    """At most one store in flight; its outcome goes to ``finished`` on the GUI thread,
    through the event loop or through ``settle()``, whichever comes first, once."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._runner = JobRunner(self, name="autosave", keep_connection=True)
        self._in_flight: tuple[StoreOutcome, Callable[[StoreOutcome], None]] | None = None
        # Stores committed, counted on the worker as each commits: the window's count of
        # its own writes (a replica's sync must not miss one) includes this connection's.
        self.writes = 0

    @staticmethod
    def possible() -> bool:
        """A worker has the same database only through a file or a server: an in-memory
        SQLite database would be a new, empty one on the worker's connection."""
        database = database_proxy.obj
        return database is not None and str(database.database) not in ("", ":memory:")

    def busy(self) -> bool:
        return self._in_flight is not None

    def start(self, store: Callable[[], Article],
              finished: Callable[[StoreOutcome], None]) -> None:
        """Run ``store()`` on the worker (after ``settle()``: one store at a time)."""
        self.settle()
        outcome = StoreOutcome()
        self._in_flight = outcome, finished

        def work(job: Job) -> StoreOutcome:
            try:
                outcome.article = store()
            except Exception as exc:  # every refusal is the GUI's to show, as for a save
                outcome.error = exc
                job.drop_connection()  # the next store starts on a new connection
            else:
                self.writes += 1
            return outcome

        job = self._runner.start(work, done=self._deliver,
                                 failed=lambda message: self._deliver(_failed(outcome, message)))
        if job.orphaned:
            # The window is closing (it settled and saved first): nothing runs, and no
            # outcome must come, or ``settle()`` would hand on an empty one later.
            self._in_flight = None

    def settle(self) -> None:
        """Wait for the store in flight, if any, and deliver its outcome now."""
        if self._in_flight is None:
            return
        self._runner.wait()
        self._deliver(self._in_flight[0])

    def _deliver(self, outcome: StoreOutcome) -> None:
        if outcome.delivered or self._in_flight is None or self._in_flight[0] is not outcome:
            return
        outcome.delivered = True
        finished = self._in_flight[1]
        self._in_flight = None
        finished(outcome)


def _failed(outcome: StoreOutcome, message: str) -> StoreOutcome:
    # Only a failure outside ``store()`` gets here (the worker's own set-up).
    if outcome.article is None and outcome.error is None:
        outcome.error = RuntimeError(message)
    return outcome


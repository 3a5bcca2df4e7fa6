"""The one way the window runs work off the GUI thread: ``JobRunner``.

A runner owns one worker thread; its jobs run one after another, in the order started. A
job is a function ``work(job)`` that gets a ``Job`` (progress reports, the Cancel flag);
what it returns, or how it failed, comes back to callbacks on the GUI thread:

- a value -> ``done(value)``;
- ``JobCancelled`` (Cancel pressed) -> ``cancelled(text)``;
- ``UserError`` -> ``failed(message)``, the one clear line the user can act on; a
  failure of the database itself (locked, damaged, deleted, the server gone) is one too,
  the line the command line prints for it (``database_failures``);
- anything else is a bug: its traceback is logged and ``failed`` gets a one-line
  "unexpected error (...)" so no progress dialog or busy flag is left hanging.

The worker closes its own database connection (peewee keeps one per thread) before the
outcome is reported, so nothing of the job still runs when the GUI reacts. A runner made
with ``keep_connection=True`` keeps its connection to a local file between jobs instead
(the autosave: opening one cost each store a connect, its pragmas and a read of the
schema); it closes it after a job that failed or called ``drop_connection()``, and when
the window has another database. Workers never touch widgets: they only emit the
runner's signal, which Qt queues to the GUI thread.

Qt's ``QProgressDialog`` has traps a job's dialog fell into: ``setValue(minimum)`` starts
a timer that shows the dialog after ``minimumDuration``, and ``close()`` does not stop it,
so a job that ended quickly got its (window-modal) dialog afterwards, for good;
``close()`` also emits ``canceled``; and disconnecting ``canceled`` cuts the dialog's own
connection to ``cancel()``, which is what hides it when Cancel is pressed. A
``JobProgressDialog`` starts and ends with each job and keeps Qt's wiring intact.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from peewee import Database, SqliteDatabase
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from newsdesk.errors import UserError
from newsdesk.store.db import bound_target
from newsdesk.store.failures import database_failures
from newsdesk.store.models import database_proxy
from newsdesk.ui.domain_texts import error_text
from newsdesk.ui.i18n import tr

if TYPE_CHECKING:
    import concurrent.futures

log = logging.getLogger(__name__)

# A job that ends sooner never shows a dialog.
PROGRESS_DELAY_MS = 300


class JobCancelled(Exception):
    """The user pressed Cancel; ``str()`` (if any) says what was kept or undone."""


class Job:
    """What a running job's work sees: progress reports and the Cancel flag.

    ``cancel()`` is called on the GUI thread; the work notices at its next ``report()``
    (which raises ``JobCancelled``) or by asking ``is_cancelled()``.
    """

    def __init__(self, runner: JobRunner, callbacks: dict[str, Callable[..., Any] | None],
                 cancelled_text: str) -> None:
        self._runner = runner
        self._callbacks = callbacks
        self.cancelled_text = cancelled_text
        self._cancel = threading.Event()
        self.shows_dialog = False
        self.orphaned = False  # the runner is being deleted: nobody to deliver to
        self.ended = False  # set on the GUI thread once the outcome was delivered
        self._drop_connection = False  # the work met a database error it handled itself
        # Databases the window left while this job ran (set on the GUI thread): the job
        # may have connected to each of them in its thread, so its end closes them all.
        self.switched_from: list[Database] = []

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise ``JobCancelled`` once Cancel was pressed (rolls the job's transaction
        back when called inside it)."""
        if self._cancel.is_set():
            raise JobCancelled(self.cancelled_text)

    def progress(self, done: int, total: int, label: str | None = None) -> None:
        """Report progress without checking for Cancel (work that checks on its own)."""
        self._runner._deliver(self, "progress", (done, total, label))

    def report(self, done: int, total: int, label: str | None = None) -> None:
        """Stop here if Cancel was pressed, else report progress."""
        self.check()
        self.progress(done, total, label)

    def drop_connection(self) -> None:
        """On the worker: close this thread's connection after the job even if it is done
        (work that turns a database error into its outcome; the next job starts afresh)."""
        self._drop_connection = True

    def run(self, work: Callable[[Job], Any]) -> None:
        """On the worker thread: run ``work`` and deliver its outcome."""
        outcome: tuple[str, Any] = "failed", ""
        started_on = database_proxy.obj
        try:
            self._runner._start_of_job_connection()
            with database_failures(bound_target()):
                outcome = "done", work(self)
        except JobCancelled as exc:
            outcome = "cancelled", str(exc) or self.cancelled_text
        except UserError as exc:
            outcome = "failed", error_text(exc)
        except Exception as exc:  # a bug: keep the traceback, never leave the GUI waiting
            log.exception("background job failed")
            outcome = "failed", tr("unexpected error ({error})").format(
                error=f"{exc.__class__.__name__}: {exc}")
        finally:
            self._runner._end_of_job_connection(
                [started_on, *self.switched_from],
                keep=outcome[0] == "done" and not self._drop_connection)
        self._runner._deliver(self, *outcome)


# Set on an owner whose jobs were shut down (a Qt property: it goes when the owner goes).
_JOBS_SHUT_PROPERTY = "newsdeskJobsShut"


def shut_down_jobs(owner: QObject) -> None:
    """Shut down every job runner under ``owner`` (the main window, when it closes), and
    every runner made under it later: a panel built by a timer that was already due when
    the window closed starts nothing, against whatever database is open next."""
    owner.setProperty(_JOBS_SHUT_PROPERTY, True)
    for runner in owner.findChildren(JobRunner):
        runner.shutdown()


def jobs_shut_down(item: QObject | None) -> bool:
    """``item`` is under an owner whose jobs were shut down (a closed window)."""
    while item is not None:
        if item.property(_JOBS_SHUT_PROPERTY):
            return True
        item = item.parent()
    return False


def _abandon(pool: list[concurrent.futures.ThreadPoolExecutor], running: list[Job]) -> None:
    """The runner's owner is being deleted (the window disposed, a dialog closed): a job
    must not outlive it, or it would go on against whatever database is open next. Cancel
    the running job (an import rolls back at its next report), drop the queued ones and
    wait for the worker, as Qt's own thread pool does when it is deleted."""
    for job in running:
        job.orphaned = True
        job.cancel()
    for executor in pool:
        executor.shutdown(wait=True, cancel_futures=True)


class JobProgressDialog(QProgressDialog):
    """Window-modal progress with Cancel, reused job after job.

    Its runner connects ``canceled`` once (Cancel, Escape and the window's close button
    all emit it); Qt hides the dialog itself then. The dialog is never deleted while its
    owner lives: ``setValue()`` runs the event loop, and the end of the job may arrive in
    there, while Qt still works on the dialog.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", tr("Cancel"), 0, 0, parent)
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


class JobRunner(QObject):
    """Runs jobs on one worker thread of its own, in order; outcomes come back as calls
    on the GUI thread.

    With ``progress_dialog=True`` (the parent must be a widget) jobs started with a
    ``title`` show a ``JobProgressDialog`` whose Cancel cancels them. Failures of jobs
    started without a ``failed`` callback are emitted as ``failed``.
    """

    # (job, kind, payload): the only signal a worker emits; queued to the GUI thread.
    delivered = Signal(object, str, object)
    failed = Signal(str)

    def __init__(self, parent: QObject, *, name: str, progress_dialog: bool = False,
                 keep_connection: bool = False) -> None:
        super().__init__(parent)
        self._name = name
        self._keep_connection = keep_connection
        # The database whose connection the worker thread kept (read on that thread only).
        self._kept: Database | None = None
        # The worker's pool, made with the first job: its modules (concurrent.futures,
        # with queue and the like) cost the window's start ~3 ms, and no runner starts a
        # job before the first frame. A list, so that _abandon holds it without holding self.
        self._pool: list[concurrent.futures.ThreadPoolExecutor] = []
        self._futures: set[concurrent.futures.Future[None]] = set()
        self._running: list[Job] = []  # started, outcome not delivered yet
        self.progress_dialog: JobProgressDialog | None = None
        if progress_dialog:
            assert isinstance(parent, QWidget)
            self.progress_dialog = JobProgressDialog(parent)
            self.progress_dialog.canceled.connect(self.cancel)
        self.delivered.connect(self._dispatch)
        self._shut = jobs_shut_down(parent)
        pool, running = self._pool, self._running  # not self: see _abandon
        self.destroyed.connect(lambda *_: _abandon(pool, running))

    @property
    def _executor(self) -> concurrent.futures.ThreadPoolExecutor:
        if not self._pool:
            from concurrent.futures import ThreadPoolExecutor

            self._pool.append(ThreadPoolExecutor(max_workers=1, thread_name_prefix=self._name))
        return self._pool[0]

    def start(self, work: Callable[[Job], Any], *, done: Callable[[Any], None] | None = None,
              failed: Callable[[str], None] | None = None,
              cancelled: Callable[[str], None] | None = None,
              progress: Callable[[int, int, str | None], None] | None = None,
              cancelled_text: str | None = None, title: str | None = None,
              label: str = "") -> Job:
        """Queue ``work(job)`` for the worker thread. With a ``title`` the progress dialog
        shows (``label`` under it) while the job runs; ``cancelled`` defaults to
        ``failed``."""
        job = Job(self, {"done": done, "failed": failed, "cancelled": cancelled or failed,
                         "progress": progress}, cancelled_text or tr("cancelled"))
        if self._shut:  # the window is closing: a timer's late start runs nothing
            job.orphaned = job.ended = True
            return job
        self._running.append(job)
        if title is not None and self.progress_dialog is not None:
            job.shows_dialog = True
            self.progress_dialog.begin(title, label)
        future = self._executor.submit(job.run, work)
        self._futures.add(future)
        future.add_done_callback(self._futures.discard)
        return job

    def _start_of_job_connection(self) -> None:
        """On the worker: a connection kept to a database the window has left is closed."""
        kept, self._kept = self._kept, None
        if kept is not None and kept is not database_proxy.obj:
            kept.close()

    def let_go_of_old_database(self, left: Database) -> None:
        """The window now works on another database, having left ``left``: the worker
        closes a connection it kept to the old one now, not at its next job (a replica's
        file would stay open for as long as the window works on the server), and each job
        running now closes its connection to ``left`` at its end."""
        for job in self._running:
            job.switched_from.append(left)
        if self._keep_connection and self._pool and not self._shut:
            self._executor.submit(self._start_of_job_connection)

    def _end_of_job_connection(self, used: list[Database | None], *, keep: bool) -> None:
        """On the worker: keep the connection to a local file after a job that went well
        (a server's connection may be dropped by the server while it waits); close the
        rest. The window may have switched databases while the job ran (to its replica
        and back): the connections the job may have opened to the ones it started on or
        that were left meanwhile (``used``) are closed too, or such a file would stay open
        in this thread for good."""
        database = database_proxy.obj
        for earlier in dict.fromkeys(used):  # once each
            if earlier is not None and earlier is not database:
                earlier.close()  # this thread's connection only
        if database is None:
            return
        if self._keep_connection and keep and isinstance(database, SqliteDatabase):
            self._kept = database
        else:
            database.close()

    def busy(self) -> bool:
        """A job was started whose outcome has not been delivered yet."""
        return bool(self._running)

    def cancel(self) -> None:
        """Cancel every job not finished yet (they stop at their next check)."""
        for job in self._running:
            job.cancel()

    def wait(self) -> None:
        """Block until the worker has finished every job started so far (tests, closing);
        the outcomes still arrive through the event loop."""
        from concurrent.futures import wait

        wait(list(self._futures))

    def shutdown(self) -> None:
        """The owner's window is closing: cancel the running job, drop the queued ones,
        wait for the worker thread and ignore later starts.

        Done while the window still stands (not when Qt deletes it), so no job goes on
        against whatever database is open next, and no worker is left emitting to an
        object whose C++ side is being destroyed.
        """
        self._shut = True
        _abandon(self._pool, self._running)

    def _deliver(self, job: Job, kind: str, payload: object) -> None:
        if job.orphaned:
            return
        try:
            self.delivered.emit(job, kind, payload)
        except RuntimeError:
            pass  # the owner was deleted while the job ran: nobody is waiting for it

    def _dispatch(self, job: Job, kind: str, payload: Any) -> None:
        if job.ended or job.orphaned:
            # (Orphaned: the outcome was on its way when the window closed; the panel
            # waiting for it is gone, or would act on the database opened next.)
            return
        if kind == "progress":
            self._progress(job, *payload)
            return
        job.ended = True
        self._running.remove(job)
        if job.shows_dialog and self.progress_dialog is not None:
            self.progress_dialog.end()
        callback = job._callbacks[kind]
        if callback is not None:
            callback(payload)
        elif kind != "done":
            self.failed.emit(payload)

    def _progress(self, job: Job, done: int, total: int, label: str | None) -> None:
        # Reports queued before a cancel would show the progress dialog again.
        if job.is_cancelled():
            return
        callback = job._callbacks["progress"]
        if callback is not None:
            callback(done, total, label)
        if job.shows_dialog and self.progress_dialog is not None:
            self.progress_dialog.advance(done, total, label)

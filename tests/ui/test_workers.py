"""The window's one job runner (``newsdesk.ui.workers``), over a real SQLite database.

Each test starts real work on the runner's thread and waits for its outcome on the GUI
thread, as the panels do.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget
from shiboken6 import Shiboken

from newsdesk.errors import UserError
from newsdesk.store.models import Article, database_proxy
from newsdesk.stories import articles
from newsdesk.ui.workers import PROGRESS_DELAY_MS, Job, JobRunner, shut_down_jobs

TIMEOUT_MS = 10_000


class Outcomes:
    """What a job's callbacks received, by kind."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, object]] = []

    def callbacks(self) -> dict[str, object]:
        return {kind: (lambda value, kind=kind: self.seen.append((kind, value)))
                for kind in ("done", "failed", "cancelled")}

    def wait(self, qtbot, count: int = 1) -> list[tuple[str, object]]:
        qtbot.waitUntil(lambda: len(self.seen) >= count, timeout=TIMEOUT_MS)
        return self.seen


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_a_job_runs_off_the_gui_thread_and_its_value_arrives_on_it(db, qtbot, owner):
    articles.create_article({"headline": "Counted", "body": "One story."})
    runner = JobRunner(owner, name="test")
    outcomes, threads = Outcomes(), []

    def work(_job: Job) -> int:
        threads.append(threading.get_ident())
        return Article.select().count()

    delivered_on = []
    runner.start(work, done=lambda value: (delivered_on.append(threading.get_ident()),
                                           outcomes.seen.append(("done", value))))
    assert runner.busy()
    assert outcomes.wait(qtbot) == [("done", 1)]
    assert threads[0] != threading.get_ident()  # the work ran on the worker thread
    assert delivered_on == [threading.get_ident()]  # the callback on the GUI thread
    assert not runner.busy()


def test_jobs_run_one_after_another_in_the_order_started(db, qtbot, owner):
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()
    for number in range(5):
        runner.start(lambda _job, number=number: number, **outcomes.callbacks())
    assert outcomes.wait(qtbot, 5) == [("done", number) for number in range(5)]


def test_a_user_error_becomes_its_message_without_a_traceback(db, qtbot, owner, caplog):
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()

    def work(_job: Job) -> None:
        raise UserError("the disk is full", file="out/index.html")

    with caplog.at_level(logging.ERROR):
        runner.start(work, **outcomes.callbacks())
        assert outcomes.wait(qtbot) == [("failed", "out/index.html: the disk is full")]
    assert caplog.records == []


def test_a_bug_is_logged_with_its_traceback_and_reported_in_one_line(db, qtbot, owner,
                                                                    caplog):
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()

    def work(_job: Job) -> None:
        Article.get_by_id(999_999)  # peewee's DoesNotExist: a bug, not the user's doing

    with caplog.at_level(logging.ERROR, logger="newsdesk.ui.workers"):
        runner.start(work, **outcomes.callbacks())
        [(kind, text)] = outcomes.wait(qtbot)
    assert kind == "failed"
    assert text.startswith("unexpected error (ArticleDoesNotExist:")
    [logged] = caplog.records
    assert logged.exc_info is not None and "Article.get_by_id" in caplog.text


def test_failures_without_a_callback_go_to_the_runner_failed_signal(db, qtbot, owner):
    runner = JobRunner(owner, name="test")

    def work(_job: Job) -> None:
        raise UserError("search syntax: unbalanced quote")

    with qtbot.waitSignal(runner.failed, timeout=TIMEOUT_MS) as caught:
        runner.start(work, done=lambda _value: None)
    assert caught.args == ["search syntax: unbalanced quote"]


def test_the_worker_closes_its_own_connection_and_leaves_the_gui_thread_one_open(
        db, qtbot, owner):
    Article.select().count()  # the GUI thread's own connection
    gui_connection = database_proxy.obj.connection()
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()
    seen: dict[str, object] = {}

    def first(_job: Job) -> int:
        count = Article.select().count()
        seen["connection"] = database_proxy.obj.connection()
        seen["thread"] = threading.get_ident()
        return count

    def second(_job: Job) -> bool:
        assert threading.get_ident() == seen["thread"]  # the same worker thread
        return database_proxy.obj.is_closed()

    runner.start(first, **outcomes.callbacks())
    runner.start(second, **outcomes.callbacks())
    assert outcomes.wait(qtbot, 2) == [("done", 0), ("done", True)]
    assert seen["connection"] is not gui_connection
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        seen["connection"].execute("select 1")
    assert gui_connection.execute("select count(*) from article").fetchone() == (0,)
    assert not database_proxy.obj.is_closed()


def test_a_failed_job_closes_its_connection_too(db, qtbot, owner):
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()
    seen = {}

    def work(_job: Job) -> None:
        Article.select().count()
        seen["connection"] = database_proxy.obj.connection()
        raise UserError("stopped")

    runner.start(work, **outcomes.callbacks())
    assert outcomes.wait(qtbot) == [("failed", "stopped")]
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        seen["connection"].execute("select 1")


def test_a_job_the_window_switched_databases_under_closes_both_connections(
        db, qtbot, owner, tmp_path):
    """Going offline or back online rebinds the models while a job may run: the job's
    connection to the database it started on is closed too, not left open in the worker
    thread for good (the replica's file stayed open after going back to the server)."""
    from newsdesk.store.db import open_database

    other = open_database(str(tmp_path / "other.sqlite3"), create=True)
    database_proxy.initialize(db.database)
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()
    switched, seen = threading.Event(), {}

    def work(_job: Job) -> int:
        count = Article.select().count()  # on the database it started on
        seen["first"] = db.database.connection()
        switched.wait(TIMEOUT_MS / 1000)
        Article.select().count()  # on the one the window works on now
        seen["second"] = other.database.connection()
        return count

    runner.start(work, **outcomes.callbacks())
    qtbot.waitUntil(lambda: "first" in seen, timeout=TIMEOUT_MS)
    database_proxy.initialize(other.database)  # what the window's switch does
    switched.set()
    assert outcomes.wait(qtbot) == [("done", 0)]
    for connection in (seen["first"], seen["second"]):
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("select 1")
    database_proxy.initialize(db.database)
    other.close()


def test_a_job_that_spans_two_switches_closes_its_connection_to_each_database(
        db, qtbot, owner, tmp_path):
    """Offline and back online again while one job runs (a slow count on a lost
    network): the connection it opened to the database in the middle is closed too."""
    from newsdesk.store.db import open_database

    middle = open_database(str(tmp_path / "middle.sqlite3"), create=True)
    last = open_database(str(tmp_path / "last.sqlite3"), create=True)
    database_proxy.initialize(db.database)
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()
    steps = [threading.Event(), threading.Event()]
    seen: dict[str, Any] = {}

    def work(_job: Job) -> int:
        Article.select().count()
        seen["first"] = db.database.connection()
        steps[0].wait(TIMEOUT_MS / 1000)
        Article.select().count()
        seen["middle"] = middle.database.connection()
        steps[1].wait(TIMEOUT_MS / 1000)
        return Article.select().count()

    def switch(to, left, step: threading.Event) -> None:  # what MainWindow._rebind does
        database_proxy.initialize(to.database)
        runner.let_go_of_old_database(left.database)
        step.set()

    runner.start(work, **outcomes.callbacks())
    qtbot.waitUntil(lambda: "first" in seen, timeout=TIMEOUT_MS)
    switch(middle, db, steps[0])
    qtbot.waitUntil(lambda: "middle" in seen, timeout=TIMEOUT_MS)
    switch(last, middle, steps[1])
    assert outcomes.wait(qtbot) == [("done", 0)]
    for connection in (seen["first"], seen["middle"]):
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("select 1")
    database_proxy.initialize(db.database)
    middle.close()
    last.close()


def test_a_connection_kept_to_the_old_database_is_closed_when_the_window_switches(
        db, qtbot, owner, tmp_path):
    from newsdesk.store.db import open_database
    from tests.conftest import open_handles

    replica = tmp_path / "replica.sqlite3"
    other = open_database(str(replica), create=True)
    runner = JobRunner(owner, name="test", keep_connection=True)
    outcomes = Outcomes()
    runner.start(lambda _job: Article.select().count(), **outcomes.callbacks())
    assert outcomes.wait(qtbot) == [("done", 0)]
    other.database.close()  # the GUI thread's own: only the worker's is left
    assert open_handles(replica) > 0
    database_proxy.initialize(db.database)  # the window goes back to the server
    runner.let_go_of_old_database(other.database)
    qtbot.waitUntil(lambda: open_handles(replica) == 0, timeout=TIMEOUT_MS)
    runner.start(lambda _job: Article.select().count(), **outcomes.callbacks())
    assert outcomes.wait(qtbot, 2)[1] == ("done", 0)  # and the runner goes on


def _visible_progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_cancel_in_the_progress_dialog_stops_the_job_and_rolls_its_work_back(db, qtbot,
                                                                           owner):
    runner = JobRunner(owner, name="test", progress_dialog=True)
    outcomes, gate, reports = Outcomes(), threading.Event(), []
    at_gate = threading.Event()

    def work(job: Job) -> int:
        with database_proxy.obj.atomic():
            for number in range(100):
                articles.create_article({"headline": f"Story {number}", "body": "Text."})
                job.report(number + 1, 100, f"Story {number}")
                reports.append(number)
                if number == 2:
                    at_gate.set()
                    gate.wait(10)  # until the user has pressed Cancel
        return 100

    runner.start(work, **outcomes.callbacks(), cancelled_text="cancelled; nothing kept",
                 title="Test job", label="Writing stories…")
    qtbot.waitUntil(lambda: len(_visible_progress_dialogs()) == 1, timeout=TIMEOUT_MS)
    dialog = _visible_progress_dialogs()[0]
    assert dialog is runner.progress_dialog and dialog.windowTitle() == "Test job"
    # Cancel while the job waits at story 2: on a loaded machine the dialog can show
    # before the worker gets there, and a Cancel then stopped it one story earlier.
    qtbot.waitUntil(at_gate.is_set, timeout=TIMEOUT_MS)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    gate.set()
    assert outcomes.wait(qtbot) == [("cancelled", "cancelled; nothing kept")]
    assert len(reports) == 3  # stopped at the next report after Cancel
    assert Article.select().count() == 0  # the transaction was rolled back
    qtbot.wait(2 * PROGRESS_DELAY_MS + 100)  # a dialog left behind would show by now
    assert _visible_progress_dialogs() == []
    assert not runner.busy()


def test_a_quick_job_never_shows_its_progress_dialog(db, qtbot, owner):
    runner = JobRunner(owner, name="test", progress_dialog=True)
    outcomes = Outcomes()
    runner.start(lambda job: job.report(1, 1) or "quick", **outcomes.callbacks(),
                 title="Quick", label="…")
    assert outcomes.wait(qtbot) == [("done", "quick")]
    qtbot.wait(2 * PROGRESS_DELAY_MS + 100)
    assert _visible_progress_dialogs() == []


def test_no_job_outlives_its_owner(db, qtbot):
    """Deleting the owner cancels its running job, waits for it, and drops the queued
    ones: a job left running would go on against the next database opened."""
    owner = QWidget()
    runner = JobRunner(owner, name="test")
    started, outcomes = threading.Event(), Outcomes()
    seen = {}

    def work(job: Job) -> int:
        started.set()
        while not job.is_cancelled():
            job.progress(0, 0)
            time.sleep(0.01)
        seen["thread"] = threading.get_ident()
        return Article.select().count()

    job = runner.start(work, **outcomes.callbacks())
    queued = runner.start(lambda _job: seen.setdefault("queued ran", True))
    assert started.wait(10)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(owner), timeout=TIMEOUT_MS)
    assert "thread" in seen  # the job had ended by the time its owner was gone
    assert not any(thread.ident == seen["thread"] and thread.is_alive()
                   for thread in threading.enumerate())
    qtbot.wait(100)
    assert "queued ran" not in seen
    assert outcomes.seen == [] and not job.ended and not queued.ended


def test_an_outcome_on_its_way_when_the_window_closes_is_dropped(db, qtbot, owner):
    """The worker had finished and its outcome waited in Qt's queue as the window closed:
    delivered then, a panel of the closed window acted on the database opened next."""
    runner = JobRunner(owner, name="test")
    outcomes = Outcomes()
    runner.start(lambda _job: Article.select().count(), **outcomes.callbacks())
    runner.wait()  # done and emitted; not delivered before the event loop runs
    shut_down_jobs(owner)
    qtbot.wait(50)
    assert outcomes.seen == []


def test_a_runner_made_under_a_closed_window_starts_nothing(db, qtbot, owner):
    """A panel built by a timer already due when the window closed (CI: its tag pass
    wrote to the next test's database) has a runner that runs no job."""
    shut_down_jobs(owner)
    runner = JobRunner(QWidget(owner), name="late")
    ran, outcomes = [], Outcomes()
    job = runner.start(lambda _job: ran.append("ran"), **outcomes.callbacks())
    qtbot.wait(50)
    assert ran == [] and outcomes.seen == [] and job.ended


def test_closing_the_window_stops_every_job_before_qt_deletes_anything(main_window, qtbot):
    """A job still running when the window closed used to go on while Qt destroyed the
    window (a deadlock on the interpreter lock was seen in CI), or against the database
    opened next."""
    from newsdesk.ui.workers import JobRunner

    for mode in ("moderation", "entities", "dashboard"):  # built on first use
        main_window.panel(mode)
    runners = main_window.findChildren(JobRunner)
    assert len(runners) >= 5  # list, suggestions, preview, people index, moderation
    started = threading.Event()
    seen_cancel = threading.Event()

    def endless(job: Job) -> None:
        started.set()
        while not job.is_cancelled():
            time.sleep(0.01)
        seen_cancel.set()

    outcomes: list[object] = []
    main_window.desk.tag_panel.jobs.start(endless, done=outcomes.append, failed=outcomes.append)
    assert started.wait(5)
    main_window.close()
    assert seen_cancel.is_set()  # close() returned only after the job had stopped
    assert not any(t.name.startswith("suggest") and t.is_alive()
                   for t in threading.enumerate())
    late = main_window.desk.tag_panel.jobs.start(lambda job: outcomes.append("ran"))
    qtbot.wait(50)
    assert late.ended and outcomes == []

"""Story locks in the editor: read-only for others, take over, nothing lost."""

from __future__ import annotations

import json

import pytest

from newsdesk.store.models import Revision
from newsdesk.stories import articles, locks
from newsdesk.ui.desk.editor import EditorPanel
from newsdesk.ui.desk.story_lock import StoryLockGuard
from newsdesk.ui.settings import USER_NAME, ini_settings
from tests.ui.test_editor import type_at_end


def make_editor(qtbot, tmp_path, name: str) -> tuple[EditorPanel, StoryLockGuard]:
    settings = ini_settings(tmp_path / f"{name}.ini")
    USER_NAME.write(settings, name)
    editor = EditorPanel(settings)
    guard = StoryLockGuard(editor, settings)
    qtbot.addWidget(editor)
    editor.show()
    return editor, guard


@pytest.fixture
def story(db):
    return articles.create_article({"headline": "Shared story", "body": "First text."})


def test_colleague_sees_the_lock_and_reads_only(qtbot, tmp_path, story):
    leyla, leyla_lock = make_editor(qtbot, tmp_path, "leyla")
    rauf, rauf_lock = make_editor(qtbot, tmp_path, "rauf")
    leyla.open_article(story.id)
    rauf.open_article(story.id)
    assert leyla_lock.held == story.id and not leyla.read_only
    assert rauf.read_only and rauf_lock.held is None
    assert rauf_lock.banner.isVisible()
    assert "being edited by leyla since" in rauf_lock.banner.label.text()
    type_at_end(qtbot, rauf.body, " typed by rauf")
    assert rauf.body.toPlainText() == "First text."
    assert not rauf.save_action.isEnabled()


def test_take_over_keeps_the_holders_unsaved_text(qtbot, tmp_path, story):
    leyla, leyla_lock = make_editor(qtbot, tmp_path, "leyla")
    rauf, rauf_lock = make_editor(qtbot, tmp_path, "rauf")
    leyla.open_article(story.id)
    rauf.open_article(story.id)
    leyla.cancel_timers()
    type_at_end(qtbot, leyla.body, " Leyla's unsaved line.")
    leyla.save_timer.cancel()  # still unsaved when the lock moves
    assert leyla.dirty
    rauf_lock.take_over()
    assert not rauf.read_only and rauf_lock.held == story.id
    assert locks.current_lock(story.id).holder == "rauf"
    # Leyla's next heartbeat (due in a minute; now) finds the lock gone, on its worker.
    leyla_lock.heartbeat.setInterval(10)
    leyla_lock.heartbeat.start()
    qtbot.waitUntil(lambda: leyla.read_only, timeout=3000)
    assert not leyla.dirty
    assert "being edited by rauf" in leyla_lock.banner.label.text()
    kept = (Revision.select().where(Revision.article == story.id)
            .order_by(Revision.id.desc()).get())
    assert kept.reason == "unsaved when the lock was taken over"
    assert kept.author == "leyla"
    assert json.loads(kept.snapshot)["body"] == "First text. Leyla's unsaved line."
    type_at_end(qtbot, rauf.body, " Rauf edits now.")
    assert rauf.save_now()
    assert articles.get_article(story.id).body == "First text. Rauf edits now."


def test_a_second_window_of_the_same_user_reads_only(qtbot, tmp_path, story):
    first, first_lock = make_editor(qtbot, tmp_path, "leyla")
    second, second_lock = make_editor(qtbot, tmp_path, "leyla")
    first.open_article(story.id)
    second.open_article(story.id)
    assert first_lock.held == story.id and not first.read_only
    assert second.read_only and second_lock.held is None
    assert "being edited by leyla since" in second_lock.banner.label.text()
    assert "in another window" in second_lock.banner.label.text()


def test_a_save_after_losing_the_lock_is_refused_and_the_text_kept(qtbot, tmp_path, story):
    leyla, leyla_lock = make_editor(qtbot, tmp_path, "leyla")
    rauf, rauf_lock = make_editor(qtbot, tmp_path, "rauf")
    leyla.open_article(story.id)
    rauf.open_article(story.id)
    rauf_lock.take_over()  # and has not saved yet: only the lock stands in her way
    # Leyla types on before her heartbeat notices, so her save goes to the service.
    leyla.cancel_timers()
    leyla.set_read_only(False)
    type_at_end(qtbot, leyla.body, " Leyla's late line.")
    assert not leyla.save_now()
    assert articles.get_article(story.id).body == "First text."
    # The refusal made her window step back at once, her text kept as a revision.
    assert leyla.read_only and leyla_lock.held is None and not leyla.dirty
    assert "being edited by rauf" in leyla_lock.banner.label.text()
    kept = (Revision.select().where(Revision.article == story.id)
            .order_by(Revision.id.desc()).get())
    assert json.loads(kept.snapshot)["body"] == "First text. Leyla's late line."


def test_moving_on_or_closing_releases_the_lock(qtbot, tmp_path, story):
    other = articles.create_article({"headline": "Another story"})
    leyla, leyla_lock = make_editor(qtbot, tmp_path, "leyla")
    leyla.open_article(story.id)
    leyla.open_article(other.id)
    assert locks.current_lock(story.id) is None
    assert locks.current_lock(other.id).holder == "leyla"
    leyla_lock.release()
    assert locks.current_lock(other.id) is None


def test_revisions_record_the_users_name(qtbot, tmp_path, story):
    leyla, _ = make_editor(qtbot, tmp_path, "leyla")
    leyla.open_article(story.id)
    type_at_end(qtbot, leyla.body, " More.")
    assert leyla.save_now()
    latest = (Revision.select().where(Revision.article == story.id)
              .order_by(Revision.id.desc()).get())
    assert latest.author == "leyla"


def test_story_list_shows_who_is_editing(qtbot, settings, story):
    from PySide6.QtCore import Qt

    from newsdesk.ui.desk.article_list import ArticleListPanel

    free = articles.create_article({"headline": "Nobody edits this"})
    mine = articles.create_article({"headline": "I edit this one"})
    elsewhere = articles.create_article({"headline": "I edit this in my other window"})
    USER_NAME.write(settings, "rauf")
    locks.acquire(mine.id, "rauf", "rauf-window")
    locks.acquire(elsewhere.id, "rauf", "rauf-other-window")
    locks.acquire(story.id, "leyla", "leyla-window")
    panel = ArticleListPanel(settings)
    panel.model.session = "rauf-window"
    qtbot.addWidget(panel)
    panel.refresh()
    model = panel.model
    rows = {model.article_id(r): r for r in range(model.rowCount())}
    locked = model.index(rows[story.id], 0)
    assert "Being edited by leyla since" in model.data(locked, Qt.ItemDataRole.ToolTipRole)
    assert model.data(locked, Qt.ItemDataRole.DecorationRole) is not None
    unlocked = model.index(rows[free.id], 0)
    assert "Being edited" not in model.data(unlocked, Qt.ItemDataRole.ToolTipRole)
    assert model.data(unlocked, Qt.ItemDataRole.DecorationRole) is None
    own = model.index(rows[mine.id], 0)  # our own lock is no warning to us
    assert model.data(own, Qt.ItemDataRole.DecorationRole) is None
    # The same user's other window holds this one: opening it here would be refused.
    other_window = model.index(rows[elsewhere.id], 0)
    assert model.data(other_window, Qt.ItemDataRole.DecorationRole) is not None
    assert "Being edited by rauf since" in model.data(other_window,
                                                      Qt.ItemDataRole.ToolTipRole)


def test_take_over_on_a_locked_database_says_so_and_changes_nothing(qtbot, tmp_path, story,
                                                                    db):
    import sqlite3

    leyla, _ = make_editor(qtbot, tmp_path, "leyla")
    rauf, rauf_lock = make_editor(qtbot, tmp_path, "rauf")
    leyla.open_article(story.id)
    rauf.open_article(story.id)
    messages = []
    rauf.message.connect(messages.append)
    db.database.execute_sql("PRAGMA busy_timeout = 100")  # the 5 s wait, shortened
    other = sqlite3.connect(db.database.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        rauf_lock.take_over()
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert messages == ["Could not take the story over: the database is locked by another "
                        "program; close it and try again"]
    assert rauf.read_only and rauf_lock.held is None
    assert locks.current_lock(story.id).holder == "leyla"



def test_the_heartbeat_waits_for_a_locked_database_on_its_worker_not_in_the_window(
        qtbot, tmp_path, story, db):
    import sqlite3
    import time

    from newsdesk.store.models import Article

    leyla, leyla_lock = make_editor(qtbot, tmp_path, "leyla")
    leyla.open_article(story.id)
    leyla.cancel_timers()
    before = Article.get_by_id(story.id).locked_at
    messages = []
    leyla.message.connect(messages.append)
    other = sqlite3.connect(db.database.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program's write (an import) holds the file
    try:
        started = time.monotonic()
        leyla_lock.renew_in_background()  # what the minute's timer calls
        # The window goes on at once (it used to wait here for up to the 5 s busy wait).
        assert time.monotonic() - started < 1 and leyla_lock.renewals.busy()
        type_at_end(qtbot, leyla.body, " Typed meanwhile.")
        assert leyla.body.toPlainText().endswith(" Typed meanwhile.")
        assert leyla_lock.renewals.busy()  # still waiting for the file
    finally:
        other.execute("COMMIT")
        other.close()
    qtbot.waitUntil(lambda: not leyla_lock.renewals.busy(), timeout=6000)
    assert Article.get_by_id(story.id).locked_at > before
    assert leyla_lock.held == story.id and not leyla.read_only
    assert messages == []

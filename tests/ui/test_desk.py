"""The Desk as a whole: the list and the editor agreeing on the open story (trash,
duplicates, new stories) and what stands in the editor's place when no story is open."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from newsdesk.store.models import Article
from newsdesk.stories import articles
from newsdesk.stories.recovery import RecoveryJournal
from tests.ui.test_editor import READY_FIELDS, stored, type_at_end, wait_saved


def open_row(qtbot, window, row: int) -> int:
    """Select a row of the list and open it with Enter, as a user would."""
    panel = window.desk.article_list
    with qtbot.waitActive(window):  # keyboard focus, so the list's keys reach it
        window.activateWindow()
    panel.table.setFocus()
    # A click, as a user's: it replaces the selection. (selectRow() follows the modifiers Qt
    # believes are held; tests/conftest.py releases those an earlier test's chord left.)
    rect = panel.table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert panel.selected_ids() == [panel.model.article_id(row)]
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    article_id = panel.model.article_id(row)
    assert window.desk.editor.article_id == article_id
    return article_id


def trash_with_delete_key(qtbot, window) -> None:
    panel = window.desk.article_list
    panel.table.setFocus()
    assert panel.table.hasFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)


def trash_elsewhere(opened, article_id: int) -> None:
    """A colleague (another process) moves the story to the trash."""
    with sqlite3.connect(opened.database.database) as colleague:
        colleague.execute("UPDATE article SET deleted_at = '2026-01-01 10:00:00' "
                          "WHERE id = ?", (article_id,))


@pytest.fixture
def window(qtbot, db, settings):
    from newsdesk.ui.main_window import MainWindow

    def make() -> MainWindow:
        made = MainWindow(db, settings)
        qtbot.addWidget(made)
        with qtbot.waitActive(made):  # keyboard focus, as a user's window has
            made.show()
            made.activateWindow()
        return made

    return make


# -- the open story goes to the trash ----------------------------------------------------------
def test_trashing_the_open_story_saves_what_was_typed_and_opens_the_next(qtbot, main_window):
    desk, panel = main_window.desk, main_window.desk.article_list
    editor = desk.editor
    victim = open_row(qtbot, main_window, 1)
    following = panel.model.article_id(2)
    assert panel.selected_ids() == [victim]
    type_at_end(qtbot, editor.body, " Typed before trashing.")
    assert editor.dirty and not stored(victim).body.endswith("Typed before trashing.")
    trash_with_delete_key(qtbot, main_window)
    trashed = Article.get_by_id(victim)
    assert trashed.deleted_at is not None
    assert trashed.body.endswith(" Typed before trashing.")
    # The next story in the list takes its place, in the list and in the editor.
    assert editor.article_id == following and panel.selected_ids() == [following]
    assert not editor.trash_banner.isVisible() and not editor.read_only
    type_at_end(qtbot, editor.body, " Typed after.")
    wait_saved(qtbot, editor)
    assert stored(following).body.endswith(" Typed after.")
    after = Article.get_by_id(victim)
    assert after.body == trashed.body and after.version == trashed.version
    assert RecoveryJournal.for_current_database().read(victim) is None


def test_trashing_the_last_story_leaves_the_empty_desk(qtbot, db, window):
    story = articles.create_article(dict(READY_FIELDS))
    main = window()
    editor = main.desk.editor
    assert editor.article_id == story.id
    type_at_end(qtbot, editor.body, " Last words.")
    open_row(qtbot, main, 0)
    trash_with_delete_key(qtbot, main)
    assert stored(story.id).body.endswith(" Last words.")
    assert editor.article_id is None and main.desk.empty.isVisible()
    assert main.desk.empty.title.text() == "No stories yet"
    assert main.save_state_label.text() == "" and main.counts_label.text() == ""
    type_at_end(qtbot, editor.body, "lost?")  # nothing to type into
    assert editor.body.toPlainText() == "" and not editor.dirty


def test_a_story_trashed_elsewhere_turns_read_only_and_restore_keeps_the_text(
        qtbot, db, window):
    story = articles.create_article(dict(READY_FIELDS))
    main = window()
    editor = main.desk.editor
    type_at_end(qtbot, editor.body, " Typed before.")
    trash_elsewhere(db, story.id)
    main.check_for_changes()  # the window's change watcher, as its timer calls it
    assert editor.in_trash and editor.read_only and editor.body.isReadOnly()
    assert editor.trash_banner.isVisible()
    assert editor.trash_banner.label.text().startswith("This story is in the trash.")
    assert "restore it" in editor.trash_banner.label.text()  # unsaved text is waiting
    assert stored(story.id).body == READY_FIELDS["body"]  # nothing went into the trash
    journal = RecoveryJournal.for_current_database()
    assert journal.read(story.id).fields["body"].endswith(" Typed before.")
    type_at_end(qtbot, editor.body, " Typed after.")
    assert not editor.body.toPlainText().endswith("Typed after.")
    assert not editor.autosave()  # and no way round it
    assert stored(story.id).body == READY_FIELDS["body"]
    editor.restore_button.click()
    restored = stored(story.id)
    assert restored.deleted_at is None and restored.body.endswith(" Typed before.")
    assert not editor.read_only and not editor.trash_banner.isVisible()
    assert journal.read(story.id) is None
    assert main.desk.article_list.model.row_of(story.id) is not None  # listed again


def test_a_save_refused_because_of_the_trash_shows_the_banner(qtbot, db, window):
    """Typing on before the change watcher looked: the save itself finds the trash."""
    story = articles.create_article(dict(READY_FIELDS))
    main = window()
    editor = main.desk.editor
    trash_elsewhere(db, story.id)
    type_at_end(qtbot, editor.body, " Typed after the colleague.")
    assert not editor.autosave()
    assert editor.trash_banner.isVisible() and editor.read_only
    assert main.save_state_label.text() == "Unsaved"
    assert stored(story.id).body == READY_FIELDS["body"]
    with sqlite3.connect(db.database.database) as colleague:  # deleted for good meanwhile
        colleague.execute("DELETE FROM article WHERE id = ?", (story.id,))
    main.check_for_changes()
    assert "deleted for good" in editor.trash_banner.label.text()
    assert editor.restore_button.text() == "Save as a new story"
    editor.restore_button.click()
    copy = Article.get_by_id(editor.article_id)
    assert copy.uuid != story.uuid and copy.body.endswith(" Typed after the colleague.")
    assert editor.article_uuid == copy.uuid
    assert not editor.read_only and not editor.trash_banner.isVisible()


# -- an empty database -------------------------------------------------------------------------
def test_an_empty_database_shows_how_to_start_not_a_story(qtbot, window):
    main = window()
    desk, editor = main.desk, main.desk.editor
    assert desk.empty.isVisible() and not editor.isVisible()
    assert not desk.preview.isVisible()
    assert desk.empty.title.text() == "No stories yet"
    assert "Ctrl+N" in desk.empty.hint.text() and "newsdesk import" in desk.empty.hint.text()
    assert main.save_state_label.text() == "" and main.counts_label.text() == ""
    assert not editor.isEnabled() and not editor.save_action.isEnabled()
    assert not editor.find_action.isEnabled()
    qtbot.mouseClick(desk.empty.new_button, Qt.MouseButton.LeftButton)
    assert editor.article_id is not None and editor.isVisible() and editor.isEnabled()
    assert desk.preview.isVisible() and not desk.empty.isVisible()
    assert main.save_state_label.text() == "Saved"
    assert desk.article_list.selected_ids() == [editor.article_id]
    assert editor.headline.hasFocus()  # ready to type the headline
    qtbot.keyClicks(editor.headline, "First story")
    wait_saved(qtbot, editor)
    assert stored(editor.article_id).headline == "First story"


# -- the list shows the open story --------------------------------------------------------------
def test_ctrl_d_selects_the_copy_it_opens(qtbot, main_window):
    panel, editor = main_window.desk.article_list, main_window.desk.editor
    original = open_row(qtbot, main_window, 3)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    copy = editor.article_id
    assert copy != original and stored(copy).headline.endswith("(copy)")
    assert panel.selected_ids() == [copy]
    assert panel.current_article_id() == copy


def test_the_list_selects_the_story_opened_at_start(qtbot, main_window):
    panel, editor = main_window.desk.article_list, main_window.desk.editor
    assert editor.article_id is not None
    assert panel.selected_ids() == [editor.article_id]


def test_the_list_shows_no_lock_on_the_story_open_in_this_window(qtbot, main_window):
    """The list compares a lock's session with this window's, not the user name that a
    second window of the same user shares."""
    from PySide6.QtCore import Qt

    desk = main_window.desk
    model = desk.article_list.model
    assert desk.lock_guard.held == desk.editor.article_id
    assert model.session == desk.lock_guard.session
    row = model.row_of(desk.editor.article_id)
    assert model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole) is None

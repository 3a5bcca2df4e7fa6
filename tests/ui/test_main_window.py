"""The window shell: modes, shortcuts, status bar, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_modes_switch_by_toolbar_and_shortcut(main_window, qtbot):
    assert main_window.current_mode() == "desk"
    main_window.mode_actions["moderation"].trigger()
    assert main_window.stack.currentWidget() is main_window.moderation
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_mode() == "entities"
    qtbot.keyClick(main_window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_mode() == "dashboard"
    qtbot.keyClick(main_window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_mode() == "desk"


def test_status_bar_names_the_database(main_window):
    assert main_window.opened.target in main_window.database_label.text()


def test_geometry_and_mode_are_remembered(qtbot, demo_db, settings):
    from newsdesk.ui.main_window import MainWindow

    first = MainWindow(demo_db, settings)
    qtbot.addWidget(first)
    first.resize(701, 503)
    first.show()
    first.show_mode("moderation")
    first.close()
    second = MainWindow(demo_db, settings)
    qtbot.addWidget(second)
    assert second.current_mode() == "moderation"
    assert (second.size().width(), second.size().height()) == (701, 503)


def test_colleagues_changes_refresh_the_list_and_queue_counts(main_window, demo_db):
    import sqlite3

    from newsdesk.store.models import Article, Review

    story = Article.select().order_by(Article.updated_at.desc()).first()
    review = Review.select().where(Review.status == "pending").first()
    main_window.moderation.update_counts()
    pending = Review.select().where(Review.status == "pending").count()
    assert main_window.moderation.tabs.tabText(0) == f"Pending ({pending})"
    with sqlite3.connect(demo_db.database.database) as colleague:
        colleague.execute("UPDATE article SET headline = 'Changed by a colleague', "
                          "updated_at = '2099-01-01 00:00:00' WHERE id = ?", (story.id,))
        colleague.execute("UPDATE review SET status = 'spam' WHERE id = ?", (review.id,))
    main_window.check_for_changes()
    model = main_window.desk.article_list.model
    assert model.index(0, 0).data() == "Changed by a colleague"
    assert main_window.moderation.tabs.tabText(0) == f"Pending ({pending - 1})"


def test_preferences_set_the_name_on_locks_and_revisions(main_window, qtbot):
    from newsdesk.ui.dialogs.preferences import PreferencesDialog
    from newsdesk.ui.settings import user_name

    dialog = PreferencesDialog(main_window.settings, main_window)
    qtbot.addWidget(dialog)
    dialog.user_name.setText("Leyla Sultanova")
    dialog.accept()
    assert user_name(main_window.settings) == "Leyla Sultanova"
    assert main_window.desk.editor.author == "Leyla Sultanova"


def test_find_and_replace_are_in_the_edit_menu_of_the_desk_only(main_window, qtbot):
    from PySide6.QtWidgets import QApplication

    editor, moderation = main_window.desk.editor, main_window.moderation
    edit_menu = next(action.menu() for action in main_window.menuBar().actions()
                     if action.text() == "&Edit")
    texts = [action.text() for action in edit_menu.actions() if action.isVisible()]
    assert texts[:2] == ["&Find in story", "&Replace in story"]
    assert editor.find_action.shortcut().toString() == "Ctrl+F"
    assert editor.replace_action.shortcut().toString() == "Ctrl+H"
    editor.find_action.trigger()  # as the menu entry does
    assert editor.find_bar.isVisible() and not editor.find_bar.replace_row.isVisible()
    editor.find_bar.close_bar()
    with qtbot.waitActive(main_window):
        main_window.activateWindow()
    list_view = main_window.desk.article_list.table
    list_view.setFocus()
    qtbot.keyClick(list_view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert editor.find_bar.isVisible() and editor.find_bar.replace_row.isVisible()
    editor.find_bar.close_bar()
    main_window.show_mode("moderation")
    assert not [a for a in edit_menu.actions() if a.isVisible() and "story" in a.text()]
    assert QApplication.focusWidget() is moderation.view
    qtbot.keyClick(moderation.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert moderation.search.hasFocus()  # Ctrl+F still searches reviews here
    assert not editor.find_bar.isVisible()
    main_window.show_mode("desk")
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert editor.find_bar.isVisible() and editor.find_bar.find_field.hasFocus()

"""The window shell: modes, shortcuts, status bar, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_modes_switch_by_toolbar_and_shortcut(main_window, qtbot):
    assert main_window.current_mode() == "desk"
    main_window.mode_actions["moderation"].trigger()
    assert main_window.stack.currentWidget() is main_window.moderation
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_mode() == "entities"
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

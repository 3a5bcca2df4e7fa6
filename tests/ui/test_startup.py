"""The window's start: modes built when first used, the preview's web view after the first
paint, filter counts from the worker, the list's saved header, ``--startup-trace``."""

from __future__ import annotations

import json
import os
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from newsdesk import search
from newsdesk.ui.desk.article_list import ArticleListPanel
from newsdesk.ui.main_window import MODES, MainWindow
from tests.conftest import run_cli

WAIT = 20_000  # ms: WebEngine's first page on a loaded machine


@pytest.fixture
def window(qtbot, demo_db, settings):
    made = MainWindow(demo_db, settings)
    qtbot.addWidget(made)
    return made


def test_only_the_desk_is_built_at_start(window):
    assert list(window.panels) == ["desk"]
    assert window.stack.count() == 1


@pytest.mark.parametrize(("key", "mode"), [(Qt.Key.Key_2, "moderation"),
                                           (Qt.Key.Key_3, "entities"),
                                           (Qt.Key.Key_4, "dashboard")])
def test_each_mode_is_built_and_works_when_its_shortcut_first_opens_it(main_window, qtbot,
                                                                       key, mode):
    window = main_window
    assert list(window.panels) == ["desk"]
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert window.current_mode() == mode and mode in window.panels
    panel = window.panels[mode]
    assert panel.isVisible()
    if mode == "moderation":  # it read its queue when shown
        assert panel.model.rowCount() > 0
        assert panel.tabs.tabText(0).startswith("Pending (")
    elif mode == "entities":
        assert panel.table.model().rowCount() > 0
    else:
        with qtbot.waitSignal(panel.shown, timeout=WAIT):
            pass
        assert panel.figures is not None
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_mode() == "desk"
    qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
    assert window.panels[mode] is panel and window.stack.count() == 2  # built once


def test_view_menu_opens_a_mode_not_built_yet(window, qtbot):
    window.show()
    view_menu = window.menuBar().actions()[2].menu()
    labels = [action.text() for action in view_menu.actions()]
    assert labels == ["Desk", "Moderation", "People && Organisations", "Dashboard"]
    view_menu.actions()[1].trigger()
    assert window.current_mode() == "moderation"
    assert window.moderation.tabs.tabText(0).startswith("Pending (")


def test_import_reviews_in_the_file_menu_builds_the_moderation_mode(window, monkeypatch,
                                                                    tmp_path):
    chosen = []
    from newsdesk.ui.moderation.panel import ModerationPanel

    monkeypatch.setattr(ModerationPanel, "choose_import_file",
                        lambda panel: chosen.append(panel))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.import_reviews_action in file_menu.actions()
    window.import_reviews_action.trigger()
    assert chosen == [window.panels["moderation"]]


def test_a_mode_table_entry_is_all_a_mode_needs(window):
    assert [mode.name for mode in MODES] == list(window.mode_actions)
    for number, mode in enumerate(MODES, 1):
        assert window.mode_actions[mode.name].shortcut().toString() == f"Ctrl+{number}"


def test_the_preview_is_a_blank_until_the_first_paint_then_shows_and_follows_the_story(
        window, qtbot):
    preview = window.desk.preview
    assert preview.view is None and preview.blank is not None  # nothing of WebEngine yet
    window.show()
    qtbot.waitUntil(lambda: preview.view is not None, timeout=WAIT)
    assert preview.blank is None
    body = window.desk.editor.body
    qtbot.waitUntil(lambda: preview.shows_body(body.toPlainText()), timeout=WAIT)
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " Added after start.")
    qtbot.waitUntil(lambda: preview.shows_body(body.toPlainText()), timeout=WAIT)
    assert body.toPlainText().endswith("Added after start.")


def test_the_renderer_process_starts_only_after_the_first_page(window, qtbot):
    from newsdesk.publish.preview_process import shared_renderer

    shared_renderer.close()
    preview = window.desk.preview
    assert preview._in_process
    window.show()
    with qtbot.waitSignal(preview.shown, timeout=WAIT):
        pass
    assert not preview._in_process
    preview.renders.wait()
    assert shared_renderer._process is not None and shared_renderer._process.poll() is None


def test_filter_counts_arrive_from_the_worker(qtbot, demo_db, settings):
    panel = ArticleListPanel(settings)
    qtbot.addWidget(panel)
    # The first page is there at once; the counts follow.
    assert panel.model.rowCount() == 17
    assert panel.status_filter.itemText(0) == "All statuses (…)"
    with qtbot.waitSignal(panel.filters_filled, timeout=WAIT):
        pass
    assert panel.status_filter.itemText(0) == "All statuses (17)"
    assert panel.section_filter.count() > 1 and panel.language_filter.count() > 1


def test_restoring_the_saved_header_is_no_column_click(qtbot, demo_db, settings):
    first = ArticleListPanel(settings)
    qtbot.addWidget(first)
    first.save_layout()  # a header state, its sort indicator on "updated"
    second = ArticleListPanel(settings)
    qtbot.addWidget(second)
    second.search.setText("flood")
    second.refresh()
    second.wait_for_search()
    qtbot.waitUntil(lambda: not second._searching, timeout=WAIT)
    assert second.model.sort_order == search.Sort(search.RELEVANCE)  # best match first


def test_startup_trace_prints_the_phases_in_order(tmp_path):
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = run_cli("--demo", "--startup-trace", "--bench-exit-when-preview-painted",
                     env=env, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "preview-painted"
    traced = [line.split("ms", 1) for line in result.stderr.splitlines()
              if line.startswith("startup-trace ")]
    phases = [phase.strip() for _, phase in traced]
    times = [float(at.split()[1]) for at, _ in traced]
    assert phases == ["python started, Qt imported", "QApplication created",
                      "database opened", "window modules imported",
                      "window built (story list and story loaded)", "window shown",
                      "first frame painted", "preview web view created", "preview painted"]
    assert times == sorted(times) and times[0] > 0


def test_the_window_start_imports_no_command_and_no_webengine(tmp_path):
    probe = ("import sys, json\n"
             "from newsdesk.cli import build_parser\n"
             "from newsdesk.ui.main_window import MainWindow\n"
             "build_parser(['--db', 'x'])\n"
             "print(json.dumps(sorted(sys.modules)))\n")
    import subprocess

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(__import__("tests.conftest").conftest.REPO_ROOT),
                                         env.get("PYTHONPATH", "")])
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, timeout=120)
    modules = set(json.loads(result.stdout))
    assert not {m for m in modules if m.startswith("newsdesk.commands.")} - {
        "newsdesk.commands.options"}
    for heavy in ("PySide6.QtWebEngineWidgets", "rapidfuzz", "jinja2", "markdown", "PIL",
                  "newsdesk.ui.moderation.panel", "newsdesk.ui.people.panel",
                  "newsdesk.ui.dashboard.panel", "newsdesk.ui.dialogs.conflict",
                  "newsdesk.sync.push", "newsdesk.sync.run", "newsdesk.ui.offline",
                  "newsdesk.ui.dialogs.revisions"):
        assert heavy not in modules, heavy


def test_no_speller_loads_during_the_start(db, tmp_path):
    """The speller's imports and word lists hold the interpreter for a few hundred
    milliseconds: loaded on the worker during the start, they delayed the first frame and
    the preview (a story not in English, its language set at start, asked for a load at
    once)."""
    from datetime import date

    from newsdesk.stories import articles

    articles.create_article({"headline": "Milli Məclis büdcəni qəbul etdi",
                             "body": "Milli Məclis büdcəni qəbul etdi.", "language": "az",
                             "dateline_place": "Bakı", "dateline_date": date(2023, 3, 14),
                             "dateline_source": "Turan"})
    probe = ("import sys, json\n"
             "from newsdesk.ui.startup import process_age_ms\n"
             "loaded = []\n"
             "class Watch:\n"
             "    def find_spec(self, name, path=None, target=None):\n"
             "        if name == 'newsdesk.spelling.speller':\n"
             "            loaded.append(process_age_ms())\n"
             "sys.meta_path.insert(0, Watch())\n"
             "from newsdesk.cli import main\n"
             "try:\n"
             "    main(['--db', sys.argv[1], '--bench-exit-when-preview-painted'])\n"
             "finally:\n"
             "    print(json.dumps(loaded), flush=True)\n")
    from newsdesk.ui.desk.spell_check import LOADS_FROM_PROCESS_AGE_MS
    from tests.conftest import run_window_start

    result = run_window_start(probe, tmp_path / "test.sqlite3", tmp_path / "config")
    assert result.stdout.strip().splitlines()[-2:-1] == ["preview-painted"], result.stderr[-2000:]
    loaded_at = json.loads(result.stdout.strip().splitlines()[-1])
    assert all(age >= LOADS_FROM_PROCESS_AGE_MS for age in loaded_at), loaded_at


def test_icons_off_screen_at_start_are_baked_after_the_first_frame(qtbot, demo_db, settings,
                                                                   monkeypatch):
    from newsdesk.ui import icons

    monkeypatch.setattr(icons, "_on_screen", False)  # as in a fresh process
    monkeypatch.setattr(icons, "_later", [])
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    desk = window.desk
    later = [window.export_action, window.import_reviews_action, desk.editor.save_action,
             desk.editor.find_action, desk.article_list.duplicate_action,
             desk.article_list.trash_action, desk.pictures_panel.add_action,
             desk.pictures_panel.insert_action, desk.editor.find_bar.next_button,
             desk.editor.revisions_panel.restore_button]
    assert all(target.icon().isNull() for target in later)
    # On screen at the start: baked while the window is built.
    assert not window.mode_actions["desk"].icon().isNull()
    assert not desk.article_list.new_action.icon().isNull()
    window.show()
    qtbot.waitUntil(lambda: not window.export_action.icon().isNull(), timeout=5000)
    assert not [target for target in later if target.icon().isNull()]
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            assert action.isSeparator() or not action.icon().isNull(), action.text()
    # Built after the first frame: its icon at once.
    from PySide6.QtGui import QAction

    made = QAction("x", window)
    icons.icon_later(made, "mdi6.export")
    assert not made.icon().isNull()


def test_a_banner_gets_its_icons_when_first_shown(qtbot):
    from PySide6.QtWidgets import QWidget

    from newsdesk.ui.banner import Banner

    parent = QWidget()
    qtbot.addWidget(parent)
    banner = Banner("mdi6.lock-outline", parent=parent)
    button = banner.add_button("Take over", "mdi6.lock-open-variant-outline", lambda: None)
    assert banner.icon.pixmap().isNull() and button.icon().isNull()
    parent.show()
    banner.show_text("A colleague is editing this story")
    assert not banner.icon.pixmap().isNull() and not button.icon().isNull()
    later = banner.add_button("Compare", "mdi6.compare-horizontal", lambda: None)
    assert not later.icon().isNull()


def test_the_revisions_tab_is_built_when_first_shown_and_lists_the_open_story(window, qtbot):
    editor = window.desk.editor
    window.show()
    assert editor._revisions_panel is None
    assert editor.side_tabs.tabText(editor.side_tabs.indexOf(editor.revisions_page)) == \
        "Revisions"
    editor.body.setPlainText(editor.body.toPlainText() + "\n\nOne more paragraph.")
    editor.save_now()  # a revision of the open story, before the tab was ever shown
    editor.side_tabs.setCurrentWidget(editor.revisions_page)
    panel = editor._revisions_panel
    assert panel is not None and panel.isVisible()
    assert panel.article_id == editor.article_id
    assert panel.tree.topLevelItemCount() >= 1
    # Built once; later opens and saves reach it.
    assert editor.revisions_panel is panel
    before = panel.tree.topLevelItemCount()
    editor.body.setPlainText(editor.body.toPlainText() + "\n\nAnd another.")
    editor.save_now()
    assert panel.tree.topLevelItemCount() == before + 1


def test_the_window_on_screen_has_not_imported_what_it_puts_off(db, tmp_path):
    """Through the real start, to the window shown with a story open: the Revisions tab,
    the story's ignored words (read when the speller loads) and the PostgreSQL driver
    are not imported yet."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The budget passed.",
                             "language": "en"})
    probe = ("import sys, json\n"
             "from newsdesk.cli import main\n"
             "try:\n"
             "    main(['--db', sys.argv[1], '--bench-exit-when-shown'])\n"
             "except SystemExit:\n"
             "    pass\n"
             "print(json.dumps(sorted(sys.modules)), flush=True)\n")
    from tests.conftest import run_window_start

    result = run_window_start(probe, tmp_path / "test.sqlite3", tmp_path / "config")
    lines = result.stdout.strip().splitlines()
    assert lines[:1] == ["shown"], result.stderr[-2000:]
    modules = set(json.loads(lines[-1]))
    assert {"newsdesk.ui.desk.editor", "peewee"} <= modules
    # psycopg2 (and with it ssl) comes when a PostgreSQL database opens: store/pg_driver.py.
    for later in ("newsdesk.ui.dialogs.revisions", "newsdesk.spelling.ignored",
                  "newsdesk.spelling.speller", "psycopg2", "psycopg", "ssl"):
        assert later not in modules, later

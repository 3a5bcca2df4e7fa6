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
from newsdesk.cores import usable_cores
from newsdesk.stories import articles
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


def test_the_first_page_renders_while_the_web_view_is_being_made(window, qtbot):
    """The first render (its imports: 150-250 ms of the preview's first page) started
    only after the web view was made; it now starts at the first paint, and runs once."""
    preview = window.desk.preview
    at_view: list[tuple[bool, bool]] = []
    preview.view_created.connect(
        lambda: at_view.append((preview._busy, preview._pending is not None)))
    renders = []
    start = preview.renders.start

    def counted(work, **callbacks):
        if "done" in callbacks:  # a page (not the renderer process's start)
            renders.append(preview.generation)
        return start(work, **callbacks)

    preview.renders.start = counted
    window.show()
    qtbot.waitUntil(lambda: preview.shows_body(window.desk.editor.body.toPlainText()),
                    timeout=WAIT)
    assert at_view and any(at_view[0])  # in flight, or done, as the view was made
    assert len(renders) == len(set(renders))  # no generation rendered twice


def test_the_first_page_comes_from_the_renderer_process_started_with_the_window(
        qtbot, demo_db, settings, monkeypatch):
    """The renderer process starts as the window is made, so its imports and first compile
    run beside the window's start; the window's process renders no page itself."""
    import newsdesk.publish.story_page as story_page
    import newsdesk.ui.desk.preview as preview_module
    from newsdesk.publish.preview_process import shared_renderer

    shared_renderer.close()
    monkeypatch.setattr(preview_module, "usable_cores", lambda: 2)

    def not_here(*_args, **_kwargs):
        raise AssertionError("the window's process rendered a preview page")

    monkeypatch.setattr(story_page, "render_preview_page", not_here)
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    preview = window.desk.preview
    child = shared_renderer._process
    assert child is not None and child.poll() is None  # before the window is shown
    window.show()
    body = window.desk.editor.body
    qtbot.waitUntil(lambda: preview.shows_body(body.toPlainText()), timeout=WAIT)
    assert shared_renderer._process is child and child.poll() is None


def test_with_one_core_the_renderer_process_starts_after_the_first_page(
        qtbot, demo_db, settings, monkeypatch):
    """On one core its start would take that core from the window's start, and starting
    it for the first render would add its start to the first page."""
    import newsdesk.ui.desk.preview as preview_module
    from newsdesk.publish.preview_process import shared_renderer

    shared_renderer.close()
    monkeypatch.setattr(preview_module, "usable_cores", lambda: 1)
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    preview = window.desk.preview
    assert shared_renderer._process is None and preview._in_process
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
    the story's ignored words (read when the speller loads), the PostgreSQL driver and
    the rest below are not imported yet."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The budget passed.",
                             "language": "en"})
    _after_the_start(tmp_path, "[]")  # an earlier start, which kept the icons it drew
    modules = set(_after_the_start(tmp_path, "sorted(sys.modules)", measured=False))
    assert {"newsdesk.ui.desk.editor", "peewee"} <= modules
    # psycopg2 (and with it ssl) comes when a PostgreSQL database opens: store/pg_driver.py.
    for later in ("newsdesk.ui.dialogs.revisions", "newsdesk.ui.desk.tag_panel",
                  "newsdesk.ui.desk.pictures_panel", "newsdesk.stories.pictures",
                  "zoneinfo",  # a newsroom without a time zone needs none
                  "newsdesk.people.registry", "newsdesk.ui.desk.translations_panel",
                  "concurrent.futures",  # no job runs before the first frame
                  "pickle",  # the preview's renderer is asked with the first page
                  "html",  # tooltips and a search's snippets escape with it
                  "newsdesk.spelling.ignored",
                  "newsdesk.spelling.speller", "psycopg2", "psycopg", "ssl",
                  # No conflict, restore or crash yet: the revisions' records; no Ctrl+F
                  # yet: the find bar; icons kept by an earlier start: the icon font.
                  "newsdesk.stories.revisions", "newsdesk.ui.desk.find_replace",
                  "newsdesk.ui.icon_font",
                  # What peewee reads only inside functions (store/lean_peewee.py), and
                  # uuid's platform: a session id, the host's name, the journal's
                  # folder and its entries come without them.
                  "calendar", "hashlib", "_hashlib", "json", "socket", "uuid",
                  "platform"):
        assert later not in modules, later


def test_the_start_makes_dataclasses_only_of_records_that_need_them(db, tmp_path):
    """Python's ``dataclass`` compiles five or six methods for each record as its module
    is imported (8-12 ms over 18 of them on the start, ~0.5 ms each); a ``NamedTuple``
    compiles one. The records on the start's path are NamedTuples (or, where a worker
    fills one in, a plain class), but for those that validate in ``__post_init__``
    (Phrase, Filters, Sort) or build defaults (``default_factory``: Text, Page)."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The budget passed.",
                             "language": "en"})
    made = _after_the_start(tmp_path, "made", before=(
        "import dataclasses\n"
        "made = []\n"
        "_process_class = dataclasses._process_class\n"
        "def _counted(cls, *args):\n"
        "    made.append(cls.__qualname__)\n"
        "    return _process_class(cls, *args)\n"
        "dataclasses._process_class = _counted\n"))
    assert sorted(made) == ["Filters", "Page", "Phrase", "Sort", "Text"]


@pytest.mark.skipif(usable_cores() < 2, reason="one core: the first page is rendered in-process")
def test_the_window_paints_its_first_preview_page_without_the_page_templates(db, tmp_path):
    """The renderer process renders the preview from the first page on: the window's
    process imports none of Jinja2, Markdown or Babel for it (100-150 ms of imports on
    its threads while it starts)."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The *budget* passed.",
                             "language": "az"})
    modules = set(_after_the_start(tmp_path, "sorted(sys.modules)",
                                   until="--bench-exit-when-preview-painted"))
    assert "newsdesk.publish.surroundings" in modules  # the page was read here
    for elsewhere in ("jinja2", "markdown", "babel", "newsdesk.publish.page"):
        assert elsewhere not in modules, elsewhere


_RENDERER_STARTS = (
    "import newsdesk.publish.preview_process as renderer\n"
    "qt_then = []  # whether Qt was imported, at each call to start the renderer process\n"
    "original_start = renderer.PreviewRenderer.start\n"
    "def start(self):\n"
    "    qt_then.append('PySide6' in sys.modules)\n"
    "    original_start(self)\n"
    "renderer.PreviewRenderer.start = start\n")


@pytest.mark.skipif(usable_cores() < 2, reason="one core: the first page is rendered in-process")
def test_the_renderer_process_starts_before_the_window_imports_qt(db, tmp_path):
    """Started with the window's build, the renderer process was still importing when the
    window asked for its first page (0.2-0.4 s of the preview's start); started first, its
    imports run on the other core while the window's process imports Qt."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The budget passed.",
                             "language": "en"})
    qt_then = _after_the_start(tmp_path, "qt_then", before=_RENDERER_STARTS)
    assert qt_then[0] is False


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity here")
def test_with_one_core_the_renderer_process_does_not_start_with_the_window(db, tmp_path):
    """It would take the one core from the window's start (see the test above)."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The budget passed.",
                             "language": "en"})
    qt_then = _after_the_start(tmp_path, "qt_then", before=(
        "import os\n"
        "os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})\n" + _RENDERER_STARTS))
    assert False not in qt_then


def test_pyside6_reads_no_source_of_newsdesk_or_the_standard_library_at_start(db, tmp_path):
    """PySide6's import hook reads the source of each module it has not seen (looking for
    ``__feature__`` use): ~20 ms of the start when it read all of them."""
    read = _after_the_start(tmp_path, "read", before=(
        "import inspect, types\n"
        "read = []\n"
        "original = inspect.getsource\n"
        "def getsource(target):\n"
        "    if isinstance(target, types.ModuleType):\n"
        "        read.append(target.__name__)\n"
        "    return original(target)\n"
        "inspect.getsource = getsource\n"))
    assert "PySide6" in read  # the probe sees the reads
    # (enum is read while PySide6 itself is imported, before newsdesk can say anything.)
    assert not [name for name in read if name.partition(".")[0] == "newsdesk"
                or name.partition(".")[0] in sys.stdlib_module_names - {"enum"}], read


def test_the_feature_table_gets_the_answers_a_source_read_would_give():
    from newsdesk.ui.feature_scan import IGNORED, USES_PYSIDE, known_selection

    assert known_selection("newsdesk.ui.desk.editor") == USES_PYSIDE
    assert known_selection("newsdesk.ui") == USES_PYSIDE
    assert known_selection("newsdesk.stories.articles") == IGNORED
    assert known_selection("zipfile") == IGNORED
    assert known_selection("concurrent.futures.thread") == IGNORED
    assert known_selection("newsdesk_plugin") is None
    assert known_selection("qtawesome") is None  # a package's own: PySide6 reads it


def test_the_tag_panel_is_built_after_the_first_frame_on_the_open_story(window, qtbot):
    desk = window.desk
    assert desk._tag_panel is None  # not before the first frame
    assert desk.editor.side_tabs.currentWidget() is desk.tags_page  # its tab is there
    window.show()
    qtbot.waitUntil(lambda: desk._tag_panel is not None, timeout=5000)
    panel = desk.tag_panel
    assert panel.isVisible() and panel.article_id == desk.editor.article_id is not None
    assert panel.tags.topLevelItemCount() == len(articles.tags_of(panel.article_id))
    # The story's first suggestion pass waits for the preview, as at every start.
    assert panel.auto_timer.isActive() and panel.auto_timer.interval() >= 1000
    # It follows the editor from then on.
    other = next(row for row in range(desk.article_list.model.rowCount())
                 if desk.article_list.model.article_id(row) != panel.article_id)
    desk.open_article(desk.article_list.model.article_id(other))
    assert panel.article_id == desk.editor.article_id


def test_a_window_closed_as_its_first_frame_goes_out_builds_nothing_after_it(window, qtbot):
    """The panels and the web view put off until after the first frame were built on a
    window already closed, and its tag panel's first pass tagged the dateline's place in
    whatever database was open by then (CI: a foreign key failure two tests later)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from newsdesk.ui.desk.tag_panel import TagPanel

    class CloseAtFirstPaint(QObject):
        def eventFilter(self, watched, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, window.close)  # before the builds the paint queues
            return False

    closer = CloseAtFirstPaint()
    window.desk.installEventFilter(closer)  # called before the desk's own filter
    window.show()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=WAIT)
    qtbot.wait(300)  # the builds were two turns of the event loop after the paint
    assert window.desk._tag_panel is None and not window.findChildren(TagPanel)
    assert window.desk._pictures_panel is None and window.desk.preview.view is None


def test_the_tag_panel_asked_for_before_the_first_frame_is_built_then(window):
    panel = window.desk.tag_panel
    assert window.desk.tag_panel is panel
    assert panel.article_id == window.desk.editor.article_id is not None
    assert panel.parent() is window.desk.tags_page


def test_the_pictures_panel_is_built_after_the_first_frame_on_the_open_story(window, qtbot):
    desk = window.desk
    assert desk._pictures_panel is None
    file_menu = window.menuBar().actions()[0].menu()
    assert desk.picture_actions.add in file_menu.actions()  # in the menu from the start
    window.show()
    qtbot.waitUntil(lambda: desk._pictures_panel is not None, timeout=5000)
    panel = desk.pictures_panel
    assert panel.parent() is desk.pictures_page
    assert panel.article_id == desk.editor.article_id is not None
    assert panel.add_action is desk.picture_actions.add and panel.add_action.isEnabled()
    assert panel.insert_action is desk.picture_actions.insert
    desk.editor.side_tabs.setCurrentWidget(desk.pictures_page)
    assert panel.isVisible()


def test_add_picture_before_the_pictures_panel_is_built_builds_it_and_asks(window,
                                                                          monkeypatch):
    from newsdesk.ui.desk.pictures_panel import PicturesPanel

    asked = []
    monkeypatch.setattr(PicturesPanel, "choose_files", lambda panel: asked.append(panel))
    desk = window.desk
    assert desk._pictures_panel is None
    desk.picture_actions.add.trigger()  # File > Add picture, or Ctrl+Shift+I
    assert asked == [desk._pictures_panel] and asked[0] is not None
    assert asked[0].article_id == desk.editor.article_id
    desk.picture_actions.add.trigger()
    assert asked == [desk.pictures_panel] * 2  # once per trigger, built once


def test_the_start_builds_no_widget_class_it_does_not_use(db, tmp_path):
    """Asking a scroll area for a viewport Qt made had PySide6 build every widget class of
    QtWidgets (QWizard, QFileDialog... with their enums): ~6 ms of the start."""
    built = set(_after_the_start(tmp_path, "sorted(vars(sys.modules['PySide6.QtWidgets']))"))
    assert {"QTableView", "QPlainTextEdit"} <= built
    assert not built & {"QWizard", "QFileDialog", "QColorDialog", "QCalendarWidget"}


def test_viewport_of_is_the_viewport(qtbot):
    from PySide6.QtWidgets import QPlainTextEdit, QTableView, QWidget

    from newsdesk.ui.viewport import viewport_of

    table, text = QTableView(), QPlainTextEdit()
    qtbot.addWidget(table)
    qtbot.addWidget(text)
    for area in (table, text):
        assert viewport_of(area) is area.viewport()
    replaced = QWidget()
    table.setViewport(replaced)
    assert viewport_of(table) is replaced


def test_no_worker_runs_beside_the_window_being_built(db, tmp_path):
    """The filters' counts read the whole archive on a worker: started while the window
    was being built, it took the interpreter lock from the build (~30 ms at 100,000
    stories). It starts once the list's first frame is out."""
    from newsdesk.stories import articles

    articles.create_article({"headline": "Budget passed", "body": "The budget passed.",
                             "language": "en"})
    assert _after_the_start(tmp_path, "by_then", before=(
        "import threading, builtins\n"
        "started, by_then = [], []\n"
        "original_start = threading.Thread.start\n"
        "def start(thread):\n"
        "    started.append(thread.name)\n"
        "    return original_start(thread)\n"
        "threading.Thread.start = start\n"
        "original_print = builtins.print\n"
        "def watching_print(*args, **kwargs):\n"
        "    if args == ('shown',):\n"
        "        by_then.extend(started)\n"
        "    return original_print(*args, **kwargs)\n"
        "builtins.print = watching_print\n")) == []


def test_the_filter_counts_come_after_the_lists_first_frame(qtbot, demo_db, settings):
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    panel = window.desk.article_list
    window.show()  # before the event loop turns, as at the start
    assert not panel.background.busy()
    assert panel.status_filter.itemText(0) == "All statuses (…)"
    with qtbot.waitSignal(panel.filters_filled, timeout=WAIT):
        pass
    assert panel.status_filter.itemText(0) == "All statuses (17)"


def test_the_translations_panel_and_its_header_links_come_after_the_first_frame(
        window, qtbot):
    from newsdesk.stories import translations

    desk = window.desk
    story = desk.editor.article_id
    translations.make_translation(story, "az")
    assert desk._translations_panel is None
    window.show()
    qtbot.waitUntil(lambda: desk._translations_panel is not None, timeout=5000)
    panel = desk.translations_panel
    assert panel.parent() is desk.translations_page and panel.article_id == story
    links = panel.links
    assert links.isVisible() and [button.text() for button in links.buttons] == ["az"]
    assert desk.editor.meta_row.indexOf(links) == desk.editor.meta_row.indexOf(
        desk.editor.language) + 1


def test_a_screenshot_does_not_wait_for_the_counts_start_up_delay(qtbot, demo_db, settings):
    from PySide6.QtWidgets import QApplication

    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.desk.article_list._painted, timeout=5000)
    panel = window.desk.article_list
    assert panel.status_filter.itemText(0) == "All statuses (…)"  # its wait is not over
    window.finish_background_figures()  # as take_screenshot does before grabbing
    QApplication.processEvents()
    assert panel.status_filter.itemText(0) == "All statuses (17)"


def test_a_screenshot_does_not_wait_for_the_spellers_start_up_delay(qtbot, demo_db, settings,
                                                                    monkeypatch):
    """The speller loads 2 s into the process's life; a screenshot grabs 1.8 s after the
    window shows: under load it came first, and showed no "3 unknown words"."""
    from PySide6.QtWidgets import QApplication

    from newsdesk.ui.desk import spell_check

    # As in a process younger than the wait:
    monkeypatch.setattr(spell_check, "LOADS_FROM_PROCESS_AGE_MS", 10 * 60_000)
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.desk.article_list._painted, timeout=5000)
    spelling = window.desk.editor.spelling
    assert spelling.speller is None and spelling.count == -1  # its wait is not over
    window.finish_background_figures()  # as take_screenshot does before grabbing
    QApplication.processEvents()
    assert spelling.count == 3 and window.spelling_label.text() == "3 unknown words"


def _after_the_start(tmp_path, names: str, before: str = "",
                     until: str = "--bench-exit-when-shown", *, measured: bool = True) -> list:
    """Through the real start (``before`` run first) to the window shown on the test's
    database (or what ``until`` waits for): what the expression ``names`` holds then (a
    JSON-able list). ``measured=False``: without coverage, which imports modules of its own."""
    from tests.conftest import run_window_start

    # json is imported once ``names`` is read: the start itself must not import it.
    probe = ("import sys\n"
             f"{before}"
             "from newsdesk.cli import main\n"
             "try:\n"
             f"    main(['--db', sys.argv[1], '{until}'])\n"
             "except SystemExit:\n"
             "    pass\n"
             f"_names = {names}\n"
             "import json\n"
             "print(json.dumps(_names), flush=True)\n")
    result = run_window_start(probe, tmp_path / "test.sqlite3", tmp_path / "config",
                              measured=measured)
    lines = result.stdout.strip().splitlines()
    assert len(lines) >= 2, result.stderr[-2000:]
    return json.loads(lines[-1])


def test_a_screenshot_does_not_wait_for_the_first_suggestion_pass_delay(qtbot, demo_db,
                                                                        settings):
    """The first story's suggestion pass waits 1.5 s after its panel is built, itself
    after the first frame: a screenshot's 1.8 s wait was over before it, and showed none."""
    from PySide6.QtWidgets import QApplication

    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    window.show()
    tags = window.desk.tag_panel
    assert tags.suggestions.topLevelItemCount() == 0  # its pass still waits
    window.finish_background_figures()  # as take_screenshot does before grabbing
    QApplication.processEvents()
    assert tags.suggestions.topLevelItemCount() > 0

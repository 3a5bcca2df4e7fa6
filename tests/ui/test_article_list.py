"""The story list panel: the lazy model (qtmodeltester), search as you type, trash, status."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QStyle, QStyleOptionComboBox, QToolTip

from newsdesk import search
from newsdesk.store.models import Article
from newsdesk.stories import articles
from newsdesk.ui.desk import article_list
from newsdesk.ui.desk.article_list import COLUMNS, ArticleListPanel, ArticleTableModel
from tests.window_size import at_size


def make_stories(count: int) -> list[int]:
    return [articles.create_article({"headline": f"Story {index:03d}", "body": "text",
                                     "section": "politics" if index % 2 else "economy",
                                     "language": "az" if index % 3 == 0 else "en"}).id
            for index in range(count)]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(article_list, "PAGE_SIZE", 7)
    monkeypatch.setattr(article_list, "KEPT_PAGES", 2)


def test_model_passes_qtmodeltester_while_fetching_pages(qtmodeltester, db, small_pages):
    make_stories(30)
    model = ArticleTableModel()
    model.load()
    qtmodeltester.check(model)
    assert 7 <= model.rowCount() < 30 and model.canFetchMore(QModelIndex())
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    assert model.rowCount() == 30
    assert model.columnCount() == len(COLUMNS) == 9


def test_model_keeps_only_recent_pages_and_fetches_evicted_ones_again(db, small_pages):
    ids = make_stories(30)
    model = ArticleTableModel()
    model.load()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.loaded_pages() == 2  # memory does not grow with the rows scrolled through
    newest_first = list(reversed(ids))
    assert [model.article_id(row) for row in range(30)] == newest_first
    assert model.data(model.index(0, 0)) == "Story 029"


def test_model_sorts_by_any_column(db, small_pages):
    make_stories(12)
    model = ArticleTableModel()
    model.load()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert [model.data(model.index(r, 0)) for r in range(12)] == [
        f"Story {i:03d}" for i in range(12)]
    for column in range(len(COLUMNS)):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert model.rowCount() == 7


@pytest.fixture
def panel(qtbot, demo_db, settings):
    widget = ArticleListPanel(settings)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    # The statuses and their counts come from the worker after the first page (as at
    # start); a test choosing a status before they arrive would choose "All".
    qtbot.waitUntil(lambda: widget.status_filter.findData("draft") >= 0, timeout=10_000)
    return widget


def select(panel, *rows: int) -> None:
    """Select rows as a click would, several at once where a test needs them."""
    selection = panel.table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row, 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    if rows:
        selection.setCurrentIndex(panel.model.index(rows[-1], 0),
                                  selection.SelectionFlag.NoUpdate)


def select_all(panel) -> None:
    select(panel, *range(panel.model.rowCount()))


def type_search(qtbot, panel, text: str) -> None:
    panel.search.clear()
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClicks(panel.search, text)


def test_typing_a_search_shows_ranked_results_and_enter_opens_the_best(qtbot, panel):
    total = panel.model.rowCount()
    type_search(qtbot, panel, "Heydarov")
    assert 0 < panel.model.rowCount() < total
    first = panel.model.row(0)
    assert first[search.SNIPPET]
    assert "<b>" in panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(panel.article_activated, timeout=5000) as opened:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert opened.args == [first[search.ID]]


def test_shift_enter_in_the_search_opens_the_best_match_alone_selected(qtbot, panel):
    type_search(qtbot, panel, "Aliyev")
    assert panel.model.rowCount() >= 2
    select(panel, 1)
    with qtbot.waitSignal(panel.article_activated, timeout=5000) as opened:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert opened.args == [panel.model.article_id(0)]
    assert panel.selected_ids() == [panel.model.article_id(0)]


def test_a_key_chord_in_one_test_leaves_no_modifier_held_in_the_next_part_1(qtbot, panel):
    qtbot.keyClick(panel.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    # QTest's release of Ctrl reports Ctrl as held (see tests/conftest.py).
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.ControlModifier


def test_a_key_chord_in_one_test_leaves_no_modifier_held_in_the_next_part_2(qtbot, panel):
    assert QApplication.keyboardModifiers() == Qt.KeyboardModifier.NoModifier
    panel.table.selectRow(1)
    panel.table.selectRow(2)
    assert panel.selected_ids() == [panel.model.article_id(2)]


def test_double_click_and_enter_in_the_table_open_a_story(qtbot, panel):
    type_search(qtbot, panel, "Aliyev")
    wanted = panel.model.article_id(0)
    rect = panel.table.visualRect(panel.model.index(0, 0))
    # Item views act on a double click only over the index a press chose.
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(panel.article_activated) as opened:
        qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
    assert opened.args == [wanted]
    panel.table.setFocus()
    with qtbot.waitSignal(panel.article_activated) as opened:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened.args == [wanted]


def test_search_with_syntax_characters_and_empty_search(qtbot, panel):
    total = panel.model.rowCount()
    for text in ('"unbalanced', "NEAR(", "a:b -", "(*)"):
        type_search(qtbot, panel, text)
    panel.search.clear()
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        panel.search_timer.timeout.emit()
    assert panel.model.rowCount() == total


def test_ctrl_shift_f_focuses_the_search_box(qtbot, main_window):
    panel = main_window.desk.article_list
    main_window.desk.editor.body.setFocus()
    qtbot.keyClick(main_window, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.search.hasFocus()


def test_filters_combine_and_show_counts_per_status(qtbot, panel):
    labels = [panel.status_filter.itemText(i) for i in range(panel.status_filter.count())]
    assert labels[0] == "All statuses (17)"
    assert any(label.startswith("Published (") for label in labels)
    panel.language_filter.setCurrentIndex(panel.language_filter.findData("ru"))
    panel.refresh()
    assert panel.model.rowCount() == 3
    assert panel.status_filter.itemText(0) == "All statuses (3)"
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("edited"))
    panel.refresh()
    assert panel.model.rowCount() == 1
    assert panel.model.data(panel.model.index(0, 1)) == "Edited"


def test_sort_choice_is_remembered(qtbot, demo_db, settings):
    first = ArticleListPanel(settings)
    qtbot.addWidget(first)
    first.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    headlines = [first.model.data(first.model.index(r, 0)) for r in range(3)]
    assert headlines == sorted(headlines)
    first.save_layout()
    second = ArticleListPanel(settings)
    qtbot.addWidget(second)
    assert second.model.sort_order == search.Sort("headline", False)


def test_trash_restore_and_empty_trash_with_confirmation(qtbot, panel, monkeypatch):
    total = panel.model.rowCount()
    select(panel, 0)
    victim = panel.model.article_id(0)
    panel.trash_action.trigger()
    assert panel.model.rowCount() == total - 1
    panel.show_trash_action.trigger()
    assert [panel.model.article_id(0)] == [victim] and panel.model.rowCount() == 1
    select(panel, 0)
    panel.restore_action.trigger()
    assert panel.model.rowCount() == 0
    panel.show_trash_action.trigger()
    assert panel.model.rowCount() == total
    select(panel, 0)
    victim = panel.model.article_id(0)
    from newsdesk.stories.recovery import RecoveryJournal

    journal = RecoveryJournal.for_current_database()
    journal.write(victim, 1, {"body": "unsaved words of the victim"})
    panel.trash_action.trigger()
    panel.show_trash_action.trigger()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Cancel)
    panel.empty_trash_action.trigger()
    assert panel.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    assert journal.read(victim) is not None  # in the trash: may still be restored
    panel.empty_trash_action.trigger()
    assert panel.model.rowCount() == 0
    with pytest.raises(Exception, match="no story"):
        articles.get_article(victim, include_deleted=True)
    assert journal.read(victim) is None  # deleted for good, with its unsaved text


def test_on_a_read_only_disk_every_list_action_says_why_and_changes_nothing(
        qtbot, panel, demo_db, monkeypatch):
    # The disk turned read-only mid-session (a full one is the same): each action says
    # why in the window; the restore, the status move and the emptying used to raise out
    # of the click, which the user never saw.
    select(panel, 0)
    victim = panel.model.article_id(0)
    panel.trash_action.trigger()
    panel.show_trash_action.trigger()
    select(panel, 0)
    messages = []
    panel.message.connect(messages.append)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    demo_db.database.pragma("query_only", 1, permanent=True)
    try:
        panel.restore_action.trigger()
        panel.empty_trash_action.trigger()
        panel.show_trash_action.trigger()
        select(panel, 0)
        status = articles.get_article(panel.model.article_id(0)).status
        panel.status_actions["edited" if status != "edited" else "draft"].trigger()
        panel.trash_action.trigger()
    finally:
        demo_db.database.pragma("query_only", 0, permanent=True)
    why = f"{demo_db.target}: the database is read-only"
    assert messages == [f"Not restored: {why}", f"The trash was not emptied: {why}",
                        f"Status not changed: {why}", f"Not moved to the trash: {why}"]
    assert articles.get_article(victim, include_deleted=True).deleted_at is not None
    assert articles.get_article(panel.model.article_id(0)).status == status


def test_duplicate_opens_the_copy(qtbot, panel):
    total = panel.model.rowCount()
    select(panel, 0)
    with qtbot.waitSignal(panel.article_activated) as opened:
        panel.duplicate_action.trigger()
    assert panel.model.rowCount() == total + 1
    assert articles.get_article(opened.args[0]).headline.endswith("(copy)")


def test_set_status_for_many_stories_and_refusals(qtbot, panel):
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("draft"))
    panel.refresh()
    drafts = panel.model.rowCount()
    assert drafts >= 2
    select_all(panel)
    messages = []
    panel.message.connect(messages.append)
    panel.status_actions["edited"].trigger()
    assert messages[-1] == f"Set {drafts} stories to Edited"
    assert panel.model.rowCount() == 0  # the filter still says Draft
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("killed"))
    panel.refresh()
    select_all(panel)
    panel.status_actions["published"].trigger()  # killed -> published is not allowed
    assert messages[-1].startswith("Status not changed")
    assert panel.refusal_box.isVisible()
    assert "cannot become published" in panel.refusal_box.detailedText()
    panel.refusal_box.close()
    assert panel.model.rowCount() >= 1  # nothing moved


def test_snippet_html_in_the_list_is_escaped(qtbot, db, settings):
    articles.create_article({"headline": "Hostile <img src=x onerror=alert(1)>",
                             "body": "<script>alert(1)</script> payload"})
    widget = ArticleListPanel(settings)
    qtbot.addWidget(widget)
    type_search(qtbot, widget, "payload")
    tooltip = widget.model.data(widget.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<script>" not in tooltip and "<img" not in tooltip
    select(widget, 0)
    assert "&lt;script&gt;" in widget.snippet.text()


def test_saved_story_updates_its_row_in_place(qtbot, panel):
    article_id = panel.model.article_id(3)
    article = articles.get_article(article_id)
    articles.save_article(article_id, {"headline": "Changed headline"},
                          expected_version=article.version)
    panel.refresh_article(article_id)
    assert panel.model.data(panel.model.index(3, 0)) == "Changed headline"


def test_new_story_with_ctrl_n_appears_in_the_list(qtbot, main_window):
    panel = main_window.desk.article_list
    before = panel.model.rowCount()
    qtbot.keyClick(main_window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert panel.model.rowCount() == before + 1
    assert main_window.desk.editor.article_id == panel.model.article_id(0)


def test_ranked_search_pages_load_off_the_gui_thread(qtbot, db, settings, monkeypatch):
    monkeypatch.setattr(article_list, "PAGE_SIZE", 3)
    for index in range(8):
        articles.create_article({"headline": f"Budget talks {index}", "body": "budget"})
    widget = ArticleListPanel(settings)
    qtbot.addWidget(widget)
    type_search(qtbot, widget, "budget")
    model = widget.model
    assert model.rowCount() == 3 and model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.fetchMore(QModelIndex())
        assert model.is_fetching() and not model.canFetchMore(QModelIndex())
    assert model.rowCount() == 6
    with qtbot.waitSignal(model.rowsInserted, timeout=5000):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 8 and not model.canFetchMore(QModelIndex())
    ids = [model.article_id(row) for row in range(8)]
    assert len(set(ids)) == 8


# -- room for the headline (what a user sees at common screen sizes) ------------------------

def column_of(key: str) -> int:
    return [k for k, _ in COLUMNS].index(key)


def test_headlines_get_the_room_and_short_columns_show_whole_at_1400_by_900(qtbot,
                                                                           main_window):
    panel = main_window.desk.article_list
    table, header, model = panel.table, panel.table.horizontalHeader(), panel.model
    at_size(qtbot, main_window, 1400, 900)
    headlines = [model.data(model.index(row, 0)) for row in range(model.rowCount())]
    longest = max(table.fontMetrics().horizontalAdvance(text) for text in headlines)
    assert header.sectionSize(0) >= 280 and header.sectionSize(0) >= longest / 2
    for key in ("status", "dateline"):  # every value shown whole, none cut off
        column = column_of(key)
        assert not header.isSectionHidden(column)
        assert header.sectionSize(column) >= table.sizeHintForColumn(column)
    last = max(column_of("status"), column_of("dateline"))
    assert header.sectionViewportPosition(last) + header.sectionSize(last) \
        <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    at_size(qtbot, main_window, 1024, 700)
    assert header.sectionSize(0) >= article_list.HEADLINE_MIN
    assert not table.horizontalScrollBar().isVisible()


def tooltip_shown_for(qtbot, table, index) -> str:
    """Hover over a cell as the mouse would; the tooltip text shown (empty if none)."""
    QToolTip.hideText()  # hides after a short delay
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    position = table.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, position, table.viewport().mapToGlobal(position))
    QApplication.sendEvent(table.viewport(), event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def test_cut_off_cells_show_their_full_value_in_a_tooltip(qtbot, main_window):
    panel = main_window.desk.article_list
    table, model = panel.table, panel.model
    at_size(qtbot, main_window, 1400, 900)
    row = max(range(model.rowCount()),
              key=lambda r: len(model.data(model.index(r, 0))))
    headline = model.data(model.index(row, 0))
    assert table.fontMetrics().horizontalAdvance(headline) > table.columnWidth(0)  # elided
    assert html.escape(headline) in tooltip_shown_for(qtbot, table, model.index(row, 0))
    dateline = model.index(row, column_of("dateline"))
    full = model.data(dateline)
    assert tooltip_shown_for(qtbot, table, dateline) == ""  # fits: nothing to add
    table.setColumnWidth(dateline.column(), 40)
    assert full in tooltip_shown_for(qtbot, table, dateline)
    QToolTip.hideText()


def test_more_columns_from_the_header_menu_and_they_are_remembered(qtbot, demo_db, settings):
    first = ArticleListPanel(settings)
    qtbot.addWidget(first)
    updated = column_of("updated")
    assert first.table.isColumnHidden(updated)
    [action] = [a for a in first.column_menu().actions() if a.text() == "Updated"]
    action.trigger()
    assert not first.table.isColumnHidden(updated)
    assert first.table.columnWidth(updated) >= first.table.sizeHintForColumn(updated)
    first.save_layout()
    second = ArticleListPanel(settings)
    qtbot.addWidget(second)
    assert not second.table.isColumnHidden(updated)
    assert second.table.isColumnHidden(column_of("section"))


def test_a_column_hidden_at_the_first_start_is_sized_when_first_shown(qtbot, demo_db,
                                                                      settings):
    """A first start sizes only the columns on screen; one the user shows later fits its
    texts then, after a restart too (its saved width was never set)."""
    first = ArticleListPanel(settings)
    qtbot.addWidget(first)
    header = first.table.horizontalHeader()
    updated, section = column_of("updated"), column_of("section")
    status = column_of("status")
    assert header.sectionSize(status) == first._content_width(status) != 100
    first.save_layout()
    second = ArticleListPanel(settings)  # restored from the saved header
    qtbot.addWidget(second)
    header = second.table.horizontalHeader()
    second.show_column(updated, True)
    assert header.sectionSize(updated) == second._content_width(updated)
    assert header.sectionSize(updated) >= second.table.sizeHintForColumn(updated)
    header.resizeSection(updated, 300)  # the user's own width stays
    second.show_column(updated, False)
    second.show_column(updated, True)
    assert header.sectionSize(updated) == 300
    second.show_column(section, True)
    assert header.sectionSize(section) == second._content_width(section)


def test_updated_shows_the_users_clock_and_says_so(three_hours_east, qtbot, panel):
    updated = column_of("updated")
    stored = Article.get_by_id(panel.model.article_id(0)).updated_at  # naive UTC
    shown = panel.model.data(panel.model.index(0, updated))
    assert shown == f"{stored + three_hours_east:%Y-%m-%d %H:%M}"
    tip = panel.model.headerData(updated, Qt.Orientation.Horizontal,
                                 Qt.ItemDataRole.ToolTipRole)
    assert "time zone (TST)" in tip


def test_filter_choices_read_whole_at_1024_by_700(qtbot, main_window):
    panel = main_window.desk.article_list
    at_size(qtbot, main_window, 1024, 700)
    for combo in (panel.status_filter, panel.section_filter, panel.language_filter):
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                             QStyle.SubControl.SC_ComboBoxEditField, combo)
        assert combo.fontMetrics().horizontalAdvance(combo.currentText()) <= field.width()


# -- a story's languages -------------------------------------------------------------------
LANGUAGE_COLUMN = [key for key, _ in COLUMNS].index("language")


def languages_shown(model: ArticleTableModel) -> dict[str, str]:
    return {model.data(model.index(row, 0)): model.data(model.index(row, LANGUAGE_COLUMN))
            for row in range(model.rowCount())}


def test_the_list_shows_each_story_s_languages_own_first(db, small_pages, qtmodeltester):
    from newsdesk.stories import translations

    make_stories(10)
    en = articles.create_article({"headline": "Budget", "language": "en"})
    ru = articles.create_article({"headline": "Бюджет", "language": "ru"})
    az = articles.create_article({"headline": "Büdcə", "language": "az"})
    translations.link([en.id, ru.id, az.id])
    model = ArticleTableModel()
    model.load()
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    qtmodeltester.check(model)
    shown = languages_shown(model)
    assert (shown["Budget"], shown["Бюджет"], shown["Büdcə"]) == (
        "en · az · ru", "ru · az · en", "az · en · ru")
    assert shown["Story 001"] == "en" and shown["Story 003"] == "az"  # no translations
    # A translation in the trash is not offered.
    articles.move_to_trash([ru.id])
    fresh = ArticleTableModel()  # (the tester, still attached, fetches while a reset ends)
    fresh.load()
    assert languages_shown(fresh)["Budget"] == "en · az"


def test_a_translation_made_or_relabelled_shows_in_the_list(qtbot, db, settings):
    from newsdesk.ui.main_window import MainWindow

    source = articles.create_article({"headline": "Parliament passes the budget",
                                      "language": "en", "body": "Text."})
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    desk = window.desk
    desk.open_article(source.id)
    model = desk.article_list.model
    made = desk.translations_panel.translate("ru")
    assert languages_shown(model)["Parliament passes the budget"] == "en · ru"
    assert desk.editor.article_id == made
    # The draft was made in the wrong language: the translator corrects it and the
    # source's row follows once the draft is saved.
    desk.editor.language.setCurrentText("az")
    assert desk.editor.save_now()
    qtbot.waitUntil(lambda: languages_shown(model)["Parliament passes the budget"]
                    == "en · az", timeout=5000)
    assert languages_shown(model)["(untitled)"] == "az · en"


def test_offline_marks_are_looked_up_for_the_rows_the_list_reads(db, small_pages):
    """A replica may hold a whole newsroom: the list asks which of the rows it reads
    changed offline (comparing 100,000 stories took 0.3 s, on every save)."""
    from newsdesk.sync.local_changes import changed_story_ids
    from tests.sync.test_local_changes_among import pulled

    ids = make_stories(20)
    pulled(*ids)
    edited = {ids[0], ids[-1]}
    for article_id in edited:
        articles.save_article(article_id, {"body": "Written on the train."},
                              expected_version=Article.get_by_id(article_id).version)
    asked: list[set[int]] = []

    def offline_edits(among):
        asked.append(set(among))
        return changed_story_ids(among)

    def marked() -> set[int]:
        return {model.article_id(number) for number in range(model.rowCount())
                if "Edited offline" in (model.data(model.index(number, 0),
                                                   Qt.ItemDataRole.ToolTipRole) or "")}

    model = ArticleTableModel()
    model.offline_edits = offline_edits
    model.load()
    first_page = {model.article_id(number) for number in range(model.rowCount())}
    assert len(first_page) == 7 and asked == [first_page]
    assert marked() == first_page & edited
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert all(len(among) <= 7 for among in asked)
    assert set().union(*asked) == set(ids)
    assert marked() == edited  # pages read again once evicted are asked about again

    asked.clear()
    saved = next(article_id for article_id in ids if article_id not in edited)
    articles.save_article(saved, {"body": "Also on the train."},
                          expected_version=Article.get_by_id(saved).version)
    assert model.update_row(saved)
    assert asked == [{saved}]
    assert saved in marked()

"""The embargo in the window: the editor's field (newsroom's clock in, UTC stored), the
list's column and clock, the preview's "EMBARGOED until" band."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, QModelIndex, Qt, QTime, QTimeZone

from newsdesk.store.models import Article, Setting
from newsdesk.stories import articles
from newsdesk.ui.desk.article_list import COLUMNS, ArticleTableModel, clock_icon
from tests.ui.test_preview import WAIT, page_text, run_js

FAR = datetime(2099, 4, 5, 6, 0)  # 10:00 in Baku


@pytest.fixture
def baku(db):
    Setting.put("newsroom_time_zone", "Asia/Baku")


@pytest.fixture
def story(db, baku):
    return articles.create_article({"headline": "Central bank cuts rates", "body": "Text."})


@pytest.fixture
def window(story, window):
    """The shared window (tests/ui/conftest.py) with the story open."""
    window.desk.open_article(story.id)
    return window


def test_editor_sets_the_embargo_on_the_newsrooms_clock_and_stores_utc(qtbot, window, story):
    field = window.desk.editor.embargo
    assert field.zone_name.text() == "Asia/Baku" and not field.held.isChecked()
    assert not field.when.isEnabled()
    qtbot.mouseClick(field.held, Qt.MouseButton.LeftButton)
    assert field.held.isChecked() and field.when.isEnabled()
    field.when.setDateTime(QDateTime(QDate(2099, 4, 5), QTime(10, 0),
                                     QTimeZone(QTimeZone.Initialization.UTC)))
    qtbot.waitUntil(lambda: Article.get_by_id(story.id).embargo_until == FAR, timeout=4000)
    assert window.desk.editor.fields()["embargo_until"] == FAR

    field.held.setChecked(False)
    qtbot.waitUntil(lambda: Article.get_by_id(story.id).embargo_until is None, timeout=4000)


def test_editor_shows_a_stored_embargo_in_the_newsrooms_zone(qtbot, db, settings, story):
    from newsdesk.ui.main_window import MainWindow

    articles.save_article(story.id, {"embargo_until": FAR}, expected_version=story.version)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    window.desk.open_article(story.id)
    field = window.desk.editor.embargo
    assert field.held.isChecked()
    assert field.when.dateTime().toString("dd.MM.yy HH:mm") == "05.04.99 10:00"


def test_list_shows_the_embargo_column_and_a_clock_while_it_holds(db, baku):
    articles.create_article({"headline": "Held", "body": "x", "embargo_until": FAR})
    articles.create_article({"headline": "Past", "body": "x",
                             "embargo_until": datetime(2001, 1, 1, 8, 0)})
    articles.create_article({"headline": "Free", "body": "x"})
    model = ArticleTableModel()
    model.load()
    column = [key for key, _ in COLUMNS].index("embargo")
    rows = {model.data(model.index(row, 0)): row for row in range(model.rowCount())}
    shown = model.data(model.index(rows["Held"], column))
    assert shown == "2099-04-05 10:00 Asia/Baku"
    assert model.data(model.index(rows["Past"], column)) == "2001-01-01 12:00 Asia/Baku"
    assert model.data(model.index(rows["Free"], column)) == ""
    decoration = Qt.ItemDataRole.DecorationRole
    assert model.data(model.index(rows["Held"], column), decoration) is clock_icon()
    assert model.data(model.index(rows["Held"], 0), decoration) is clock_icon()
    assert model.data(model.index(rows["Past"], column), decoration) is None
    assert "Embargoed until 2099-04-05 10:00" in model.data(
        model.index(rows["Held"], 0), Qt.ItemDataRole.ToolTipRole)
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Held"
    assert not model.canFetchMore(QModelIndex())


def test_preview_page_carries_the_embargo_band_only_while_it_holds(db, baku, story):
    from newsdesk.publish.story_page import render_preview_page
    from newsdesk.publish.surroundings import surroundings_for

    around = surroundings_for(story.id)
    fields = {**articles.editable_fields(story), "embargo_until": FAR}
    html = render_preview_page(fields, around)
    assert '<p class="embargo" role="status">EMBARGOED until 05.04.99 10:00 Asia/Baku</p>' \
        in html
    fields["embargo_until"] = datetime(2001, 1, 1)
    assert 'class="embargo"' not in render_preview_page(fields, around)


def test_preview_shows_the_band_as_the_embargo_is_set(qtbot, window, story):
    desk = window.desk
    qtbot.waitUntil(lambda: desk.preview.shows_body(desk.editor.body.toPlainText()),
                    timeout=WAIT)
    desk.editor.embargo.set_value(FAR)
    desk.editor.embargo.changed.emit()
    qtbot.waitUntil(lambda: page_text(qtbot, desk, "h1") == "Central bank cuts rates",
                    timeout=WAIT)
    band = "(document.querySelector('.embargo') || {textContent: ''}).textContent"
    qtbot.waitUntil(
        lambda: run_js(qtbot, desk.preview, band) == "EMBARGOED until 05.04.99 10:00 Asia/Baku",
        timeout=WAIT)


def test_export_summary_in_the_window_says_what_was_held(db, baku, tmp_path):
    from newsdesk.formats.outputs import export
    from newsdesk.publish.export import ExportOptions
    from newsdesk.ui.dialogs.export import export_summary

    articles.create_article({"headline": "Held", "body": "x", "status": "ready",
                             "embargo_until": FAR})
    articles.create_article({"headline": "Free", "body": "x", "status": "ready"})
    result = export(ExportOptions(out=tmp_path / "site"))
    text = export_summary(result)
    assert text.startswith("Exported 1 story")
    assert "held under embargo until 2099-04-05 10:00 Asia/Baku" in text

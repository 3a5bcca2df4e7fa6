"""The editor's tag panel, driven through its real widgets over a real SQLite file."""

from __future__ import annotations

import sqlite3
import time
from itertools import pairwise

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from newsdesk.people import registry as entities
from newsdesk.store.models import DismissedSuggestion
from newsdesk.stories import articles
from newsdesk.ui.desk.tag_panel import TagPanel
from tests.conftest import open_handles
from tests.window_size import at_size

BODY = ("Rauf Mamedov, head of the Press Freedom Union, spoke on Tuesday. Later "
        "Mammadov's lawyers met Anar Quliyev. Anar Guliyev said the Union would appeal.")


@pytest.fixture
def story(db):
    rauf = entities.create_entity("person", "Rauf Mammadov", aliases=["Rauf Məmmədov"])
    union = entities.create_entity("organisation", "Press Freedom Union", aliases=["PFU"])
    article = articles.create_article({"headline": "Union to appeal", "body": BODY})
    return article, rauf, union


@pytest.fixture
def panel(qtbot, story):
    body = QPlainTextEdit()
    body.setPlainText(BODY)
    qtbot.addWidget(body)
    widget = TagPanel(body)
    qtbot.addWidget(widget)
    widget.show()
    article = story[0]
    with qtbot.waitSignal(widget.suggestions_ready, timeout=10_000):
        widget.story_changed({"article_id": article.id, "headline": article.headline,
                              "body": BODY, "footnote": ""})
    return widget


def names(panel):
    return {s.name: s for s in panel.shown_suggestions()}


def select(panel, name):
    """Select one suggestion (explicit flags: a modifier left pressed by an earlier
    test must not turn this into a toggle)."""
    for index in range(panel.suggestions.topLevelItemCount()):
        item = panel.suggestions.topLevelItem(index)
        if item.data(0, Qt.ItemDataRole.UserRole).name == name:
            panel.suggestions.setCurrentItem(item, 0,
                                             QItemSelectionModel.SelectionFlag.ClearAndSelect)
            return
    raise AssertionError(f"{name} is not suggested")


def test_suggestions_show_known_variants_and_new_candidates(panel, story):
    _, rauf, union = story
    shown = names(panel)
    assert shown["Rauf Mammadov"].entity_id == rauf.id
    assert shown["Rauf Mammadov"].count == 2
    assert shown["Press Freedom Union"].entity_id == union.id
    assert shown["Anar Quliyev"].entity_id is None
    assert shown["Anar Quliyev"].spellings == {"Anar Quliyev": 1, "Anar Guliyev": 1}
    assert "Tuesday" not in " ".join(shown) and "Later" not in " ".join(shown)


def test_accept_with_key_tags_and_records_spellings(qtbot, panel, story):
    article, rauf, _ = story
    select(panel, "Rauf Mammadov")
    panel.suggestions.setFocus()
    qtbot.keyClick(panel.suggestions, Qt.Key.Key_A)
    assert [t["entity_id"] for t in articles.tags_of(article.id)] == [rauf.id]
    assert articles.tags_of(article.id)[0]["relation"] == "about"  # named twice
    assert "Rauf Mamedov" in entities.aliases_of(rauf.id)
    assert "Rauf Mammadov" not in names(panel)
    assert panel.tagged_ids() == [rauf.id]


def test_accepting_a_new_candidate_creates_the_entity_with_aliases(panel, story):
    article = story[0]
    select(panel, "Anar Quliyev")
    panel.accept_button.click()
    created = entities.find_by_name("Anar Quliyev", "person")
    assert created is not None
    assert entities.aliases_of(created.id) == ["Anar Guliyev"]
    assert created.id in [t["entity_id"] for t in articles.tags_of(article.id)]


def test_dismissed_suggestions_stay_dismissed_for_that_story(qtbot, panel, story):
    article = story[0]
    select(panel, "Anar Quliyev")
    panel.suggestions.setFocus()
    qtbot.keyClick(panel.suggestions, Qt.Key.Key_Delete)
    assert "Anar Quliyev" not in names(panel)
    assert DismissedSuggestion.select().where(DismissedSuggestion.article == article.id).count()
    with qtbot.waitSignal(panel.suggestions_ready, timeout=10_000):
        panel.suggest_button.click()
    assert "Anar Quliyev" not in names(panel)
    assert "Rauf Mammadov" in names(panel)
    other = articles.create_article({"headline": "Other", "body": BODY})
    with qtbot.waitSignal(panel.suggestions_ready, timeout=10_000):
        panel.story_changed({"article_id": other.id, "headline": "", "body": BODY,
                             "footnote": ""})
    assert "Anar Quliyev" in names(panel)


def test_record_spellings_button(panel, story):
    _, rauf, _ = story
    panel.record_aliases.setChecked(False)
    select(panel, "Rauf Mammadov")
    assert panel.record_button.isEnabled()
    panel.record_button.click()
    assert "Rauf Mamedov" in entities.aliases_of(rauf.id)
    assert not panel.record_button.isEnabled()


def test_completer_finds_variants_and_tags(qtbot, panel, story):
    article, rauf, _ = story
    qtbot.keyClicks(panel.add_field, "Mamedov")
    texts = [panel.completion_model.item(r).text()
             for r in range(panel.completion_model.rowCount())]
    assert texts and texts[0].startswith("Rauf Mammadov")
    panel.relation.setCurrentIndex(panel.relation.findData("mentioned"))
    panel.completer.activated.emit(texts[0])
    assert articles.tags_of(article.id) == [
        {"entity_id": rauf.id, "name": "Rauf Mammadov", "kind": "person",
         "relation": "mentioned", "uri": None}]


def test_create_on_the_spot_relation_and_remove(qtbot, panel, story):
    article = story[0]
    qtbot.keyClicks(panel.add_field, "Tofig Sultanli")
    panel.new_person_action.trigger()
    created = entities.find_by_name("Tofig Sultanli")
    assert created is not None and created.kind == "person"
    assert [t["name"] for t in articles.tags_of(article.id)] == ["Tofig Sultanli"]
    panel.tags.topLevelItem(0).setSelected(True)
    panel.mentioned_button.click()
    assert articles.tags_of(article.id)[0]["relation"] == "mentioned"
    panel.tags.topLevelItem(0).setSelected(True)
    panel.tags.setFocus()
    qtbot.keyClick(panel.tags, Qt.Key.Key_Delete)
    assert articles.tags_of(article.id) == []


def test_highlighting_marks_mentions_of_tagged_entities(qtbot, panel, story):
    article, rauf, _ = story
    entities.tag_article(article.id, rauf.id, "about")
    panel.refresh_tags()
    with qtbot.waitSignal(panel.suggestions_ready, timeout=10_000):
        panel.highlight.setChecked(True)
        panel.run_pass()
    marked = [s.cursor.selectedText() for s in panel.body.extraSelections()]
    assert marked == ["Rauf Mamedov", "Mammadov's"]
    panel.highlight.setChecked(False)
    assert panel.body.extraSelections() == []


def test_quiet_pass_after_typing_pauses(qtbot, panel, story):
    article = story[0]
    text = BODY + " Tofig Sultanli, chairman of the farmers, agreed."
    with qtbot.waitSignal(panel.suggestions_ready, timeout=10_000):
        panel.story_changed({"article_id": article.id, "headline": "", "body": text,
                             "footnote": ""})
    assert "Tofig Sultanli" in names(panel)


def test_typing_after_opening_a_story_waits_for_a_pause(panel, story):
    """Opening a story passes at once; later edits wait for typing to pause (not one
    pass per announcement while the user types)."""
    from newsdesk.ui.desk.tag_panel import AUTO_PASS_MS

    article = story[0]
    panel.story_changed({"article_id": article.id, "headline": "", "body": BODY + " And",
                         "footnote": ""})
    assert panel.auto_timer.isActive()
    assert panel.auto_timer.interval() == AUTO_PASS_MS


# -- in the real window -------------------------------------------------------------------

def window_tag_panel(main_window, qtbot) -> TagPanel:
    """The tag panel of the story the window opened, after its suggestion pass."""
    panel = main_window.desk.tag_panel
    with qtbot.waitSignal(panel.suggestions_ready, timeout=10_000):
        panel.suggest_button.click()
    return panel


def test_tag_names_and_relations_are_visible_without_scrolling(main_window, qtbot):
    panel = window_tag_panel(main_window, qtbot)
    tags, header = panel.tags, panel.tags.header()
    assert tags.topLevelItemCount() >= 3
    for width, height in ((1400, 900), (1024, 700)):
        at_size(qtbot, main_window, width, height)
        assert not tags.horizontalScrollBar().isVisible()
        assert header.sectionViewportPosition(1) >= header.sectionSize(0) > 0
        assert header.sectionViewportPosition(1) + header.sectionSize(1) \
            <= tags.viewport().width()
        assert header.sectionSize(1) >= tags.sizeHintForColumn(1)  # "mentioned" whole
        # The buttons under the lists fit too (in a narrow panel as icons with tooltips).
        for button in (panel.remove_button, panel.record_button):
            assert button.geometry().right() <= panel.width() and button.toolTip()
    assert panel.accept_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    at_size(qtbot, main_window, 1400, 900)
    assert panel.accept_button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    fitting = 0
    for row in range(tags.topLevelItemCount()):
        item = tags.topLevelItem(row)
        if tags.sizeHintForIndex(tags.indexFromItem(item, 0)).width() <= header.sectionSize(0):
            fitting += 1
        else:  # a long name is cut off in the list, never in its tooltip
            assert item.text(0) in item.toolTip(0)
    assert fitting >= 2 and header.sectionSize(0) >= 150


def test_accept_and_dismiss_update_the_count_shown(main_window, qtbot):
    panel = window_tag_panel(main_window, qtbot)
    shown = panel.suggestions.topLevelItemCount()
    hidden = panel.found - shown
    assert shown >= 2
    assert panel.status.text().startswith(f"{shown} suggestions")

    def expected(count: int, out: int) -> str:
        return f"{count} suggestion{'s' if count != 1 else ''}, {out} hidden"

    select(panel, panel.shown_suggestions()[0].name)
    panel.accept_button.click()
    assert panel.suggestions.topLevelItemCount() == shown - 1
    assert panel.status.text() == expected(shown - 1, hidden + 1)
    select(panel, panel.shown_suggestions()[0].name)
    panel.dismiss_button.click()
    assert panel.status.text() == expected(shown - 2, hidden + 2)
    assert "already tagged or dismissed" in panel.status.toolTip()


def test_suggestion_passes_leave_no_connection_open(qtbot, panel, tmp_path):
    """Each pass reads through a connection of its own on a pool thread and closes it:
    the soak test found one left open per pass (every pause in typing), each with its
    files and page cache, until the process ran out of memory or file handles."""
    database = tmp_path / "test.sqlite3"
    before = open_handles(database)
    for _ in range(5):
        with qtbot.waitSignal(panel.suggestions_ready, timeout=10_000):
            panel.run_pass()
    assert open_handles(database) == before


def test_dateline_place_is_tagged_located_on_its_own(qtbot, db):
    article = articles.create_article({"headline": "Road reopens", "body": "Text.",
                                       "dateline_place": "Gəncə"})
    widget = TagPanel()
    qtbot.addWidget(widget)
    fields = {"article_id": article.id, "headline": article.headline, "body": "Officials "
              "met in Baku.", "footnote": "", "dateline_place": "Gəncə", "language": "en"}
    with qtbot.waitSignal(widget.suggestions_ready, timeout=10_000):
        widget.story_changed(fields)
    (tag,) = articles.tags_of(article.id)
    assert (tag["name"], tag["kind"], tag["relation"]) == ("Ganja", "place", "located")
    place = entities.get_entity(tag["entity_id"])
    assert place.uri.startswith("https://sws.geonames.org/") and place.latitude
    assert "Ganja" not in names(widget) and names(widget)["Baku"].kind == "place"
    # Removed by hand, it stays removed while the dateline says the same.
    widget.tags.setCurrentItem(widget.tags.topLevelItem(0), 0,
                               QItemSelectionModel.SelectionFlag.ClearAndSelect)
    with qtbot.waitSignal(widget.suggestions_ready, timeout=10_000):
        widget.remove_button.click()
    assert articles.tags_of(article.id) == []
    assert "Ganja" in names(widget)


def test_the_window_goes_on_while_the_dateline_tag_waits_for_another_program(qtbot, db):
    """Tagging the dateline's place is a write: done on the GUI thread, it froze the
    window for as long as another program held the database (up to 5 s, then gave up)."""
    article = articles.create_article({"headline": "Road reopens", "body": "Text.",
                                       "dateline_place": "Gəncə"})
    widget = TagPanel()
    qtbot.addWidget(widget)
    other = sqlite3.connect(db.target, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ticks: list[float] = []
    clock = QTimer(widget, interval=20)
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start()
    widget.story_changed({"article_id": article.id, "headline": article.headline,
                          "body": "Officials met in Baku.", "footnote": "",
                          "dateline_place": "Gəncə", "language": "en"})
    qtbot.waitUntil(lambda: "Baku" in names(widget), timeout=10_000)  # the pass is done
    qtbot.wait(1500)  # the dateline's tag waits for the other program meanwhile
    assert max(later - earlier for earlier, later in pairwise(ticks)) < 1.0
    assert articles.tags_of(article.id) == [] and "Ganja" not in names(widget)
    with qtbot.waitSignal(widget.suggestions_ready, timeout=10_000):
        other.execute("COMMIT")
    other.close()
    assert [(tag["name"], tag["relation"]) for tag in articles.tags_of(article.id)] == [
        ("Ganja", "located")]
    assert widget.tags.topLevelItem(0).text(0) == "Ganja"


def test_accepting_a_gazetteer_place_adds_it_to_the_registry(qtbot, db):
    article = articles.create_article({"headline": "Talks", "body": "Talks in Tbilisi."})
    widget = TagPanel()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.suggestions_ready, timeout=10_000):
        widget.story_changed({"article_id": article.id, "headline": "Talks",
                              "body": "Talks in Tbilisi.", "footnote": "", "language": "en"})
    select(widget, "Tbilisi")
    widget.accept_button.click()
    (tag,) = articles.tags_of(article.id)
    assert (tag["name"], tag["kind"], tag["relation"]) == ("Tbilisi", "place", "mentioned")
    place = entities.get_entity(tag["entity_id"])
    assert "Тбилиси" in entities.aliases_of(place.id) and place.longitude
    widget.tags.setCurrentItem(widget.tags.topLevelItem(0), 0,
                               QItemSelectionModel.SelectionFlag.ClearAndSelect)
    assert widget.located_button.isEnabled()
    widget.located_button.click()
    assert articles.tags_of(article.id)[0]["relation"] == "located"


def test_new_place_from_the_typed_name(qtbot, panel, story):
    article = story[0]
    panel.add_field.setText("Xızı")
    panel.new_place_action.trigger()
    tags = {t["name"]: t for t in articles.tags_of(article.id)}
    assert tags["Xızı"]["kind"] == "place"


def test_every_tag_change_on_a_read_only_database_says_why_and_changes_nothing(
        qtbot, db, panel, story):
    # The disk turned read-only (or filled up) mid-session: each change made by hand says
    # why it was not made, in the window, and the panel goes on (it raised out of the
    # click, which the user never saw).
    article, rauf, _ = story
    entities.tag_article(article.id, rauf.id, "about")
    panel.refresh_tags()
    messages = []
    panel.message.connect(messages.append)
    db.database.pragma("query_only", 1, permanent=True)
    try:
        select(panel, "Anar Quliyev")
        panel.accept_button.click()
        select(panel, "Anar Quliyev")
        panel.suggestions.setFocus()
        qtbot.keyClick(panel.suggestions, Qt.Key.Key_Delete)  # dismiss
        panel.record_aliases.setChecked(False)
        panel.tags.topLevelItem(0).setSelected(True)
        panel.mentioned_button.click()
        panel.tags.topLevelItem(0).setSelected(True)
        panel.tags.setFocus()
        qtbot.keyClick(panel.tags, Qt.Key.Key_Delete)  # remove
        qtbot.keyClicks(panel.add_field, "Tofig Sultanli")
        panel.new_person_action.trigger()
    finally:
        db.database.pragma("query_only", 0, permanent=True)
    why = f"{db.target}: the database is read-only"
    assert messages == [f"Not tagged: {why}", f"Not dismissed: {why}", f"Not changed: {why}",
                        f"Not removed: {why}", f"Not created: {why}"]
    assert articles.tags_of(article.id) == [
        {"entity_id": rauf.id, "name": "Rauf Mammadov", "kind": "person",
         "relation": "about", "uri": None}]
    assert "Anar Quliyev" in names(panel)  # still suggested: nothing was decided
    assert entities.find_by_name("Tofig Sultanli") is None

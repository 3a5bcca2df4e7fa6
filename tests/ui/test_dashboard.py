"""The Dashboard mode: the numbers of a known newsroom, clicks through to the queue, the
story list and the registry, refreshing off the GUI thread, and labels that fit."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QScrollArea

from newsdesk.store.models import Review
from newsdesk.store.timestamps import utcnow
from newsdesk.ui.dashboard.theme import SERIES_COLOURS
from tests.conftest import show_window
from tests.dashboard_helpers import build_known_newsroom
from tests.window_size import at_size


@pytest.fixture
def room(db):
    return build_known_newsroom(utcnow().replace(microsecond=0))


@pytest.fixture
def window(qtbot, room, window):
    """The shared window (tests/ui/conftest.py) on the newsroom, showing the dashboard."""
    at_size(qtbot, window, 1400, 900)
    with qtbot.waitSignal(window.dashboard.shown, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    return window


def categories(card) -> list[str]:
    [axis] = [axis for axis in card.chart.axes() if hasattr(axis, "categories")]
    return list(reversed(axis.categories()))  # horizontal bars are listed top down


def values(card, key: str) -> list[float]:
    bars = card.sets[key]
    return list(reversed([bars.at(i) for i in range(bars.count())]))


def click_bar(qtbot, card, key: str, index: int) -> None:
    qtbot.mouseClick(card.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=card.bar_centre(key, index))


def test_the_dashboard_shows_the_known_newsrooms_numbers(window):
    panel = window.dashboard
    assert window.current_mode() == "dashboard"
    tiles = {name: tile.value.text() for name, tile in panel.tiles.items()}
    assert (tiles["pending"], tiles["flagged"], tiles["median"]) == ("4", "2", "4 h")
    assert tiles["oldest"] == "10 d"
    assert categories(panel.status_card) == ["Draft", "Edited", "Ready", "Published", "Killed"]
    assert [values(panel.status_card, status)[i] for i, status in enumerate(
        ("draft", "edited", "ready", "published", "killed"))] == [2, 1, 1, 4, 1]
    assert categories(panel.decisions_card) == ["Leyla", "automatic rules", "Rauf"]
    assert values(panel.decisions_card, "approved") == [2, 0, 0]
    assert values(panel.decisions_card, "rejected") == [0, 1, 0]
    assert values(panel.decisions_card, "spam") == [0, 0, 1]
    assert categories(panel.flags_card) == ["Banned words", "Links", "Suspect words"]
    assert values(panel.flags_card, "pending") == [0, 1, 1]
    people, organisations = panel.tag_cards["person"], panel.tag_cards["organisation"]
    assert categories(people) == ["Rauf Mammadov", "Leyla Aliyeva"]
    assert values(people, "person") == [3, 1]
    assert (categories(organisations), values(organisations, "organisation")) == (
        ["Press Freedom Union"], [2])
    published = panel.published_card
    assert sum(sum(values(published, language)) for language in ("en", "az")) == 4
    assert panel.reviews_card.body.currentWidget() is panel.reviews_card.view


def test_a_decision_bar_opens_that_moderators_decisions(window, qtbot, room):
    click_bar(qtbot, window.dashboard.decisions_card, "approved", 0)  # Leyla's approvals
    moderation = window.moderation
    assert window.current_mode() == "moderation"
    assert moderation.current_queue() == "approved"
    assert {row.id for row in moderation.model.rows} == {
        room.review_ids["good-1"], room.review_ids["good-2"]}
    assert moderation.tabs.tabText(2) == "Approved (2)"
    assert moderation.narrowing_bar.isVisible()
    assert "decided by Leyla" in moderation.narrowing_label.text()
    qtbot.mouseClick(moderation.show_all_button, Qt.MouseButton.LeftButton)
    assert not moderation.narrowing_bar.isVisible()
    assert moderation.tabs.tabText(0) == "Pending (4)"


def test_a_flag_bar_opens_the_queue_of_reviews_with_that_flag(window, qtbot, room):
    click_bar(qtbot, window.dashboard.flags_card, "pending", 1)  # links, still pending
    moderation = window.moderation
    assert moderation.current_queue() == "flagged"
    assert [row.id for row in moderation.model.rows] == [room.review_ids["linky"]]
    assert "flagged “Links”" in moderation.narrowing_label.text()
    window.show_mode("dashboard")
    click_bar(qtbot, window.dashboard.flags_card, "rejected", 0)  # banned words
    assert moderation.current_queue() == "rejected"
    assert [row.id for row in moderation.model.rows] == [room.review_ids["banned"]]


def test_the_pending_tile_opens_the_whole_pending_queue(window, qtbot):
    qtbot.mouseClick(window.dashboard.tiles["pending"], Qt.MouseButton.LeftButton)
    assert (window.current_mode(), window.moderation.current_queue()) == ("moderation",
                                                                          "pending")
    assert window.moderation.model.rowCount() == 4
    assert not window.moderation.narrowing_bar.isVisible()


def test_a_tag_bar_opens_its_registry_entry(window, qtbot, room):
    click_bar(qtbot, window.dashboard.tag_cards["person"], "person", 0)
    assert window.current_mode() == "entities"
    assert window.entities.entity_id == room.entity_ids["Rauf Mammadov"]
    assert window.entities.name.text() == "Rauf Mammadov"


def test_a_status_bar_lists_the_stories_in_that_status(window, qtbot):
    click_bar(qtbot, window.dashboard.status_card, "draft", 0)
    article_list = window.desk.article_list
    assert window.current_mode() == "desk"
    assert article_list.status_filter.currentData() == "draft"
    assert article_list.model.rowCount() == 2


def test_figures_are_computed_on_the_worker_and_follow_colleagues(window, qtbot, db, room):
    panel = window.dashboard
    panel.refresh()
    # The job was handed to the worker: nothing arrives until the event loop delivers it.
    assert panel.jobs.busy()
    panel.wait()
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        pass
    with sqlite3.connect(db.database.database) as colleague:
        colleague.execute("UPDATE review SET status = 'spam', moderated_at = ?, "
                          "moderated_by = 'Nigar' WHERE id = ?",
                          (str(utcnow()), room.review_ids["waiting"]))
    with qtbot.waitSignal(panel.shown, timeout=10_000):
        window.check_for_changes()
    assert panel.tiles["pending"].value.text() == "3"
    assert "Nigar" in categories(panel.decisions_card)
    assert Review.select().where(Review.status == "pending").count() == 3


def test_no_axis_labels_are_cut_short_at_1400_by_900(window):
    assert [title for card in window.dashboard.cards for title in card.truncated_axes()] == []


def test_the_charts_take_their_colours_from_the_palette(window, qtbot):
    panel = window.dashboard
    light = panel.decisions_card.sets["approved"].color()
    assert light == QColor(SERIES_COLOURS["approved"][0])
    dark = QPalette(panel.palette())
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"),
                         (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.Text, "#e6e6e6")):
        dark.setColor(role, QColor(colour))
    panel.setPalette(dark)
    card = panel.decisions_card
    assert card.sets["approved"].color() == QColor(SERIES_COLOURS["approved"][1])
    assert card.chart.backgroundBrush().color() == QColor("#1e1e1e")
    assert all(axis.labelsColor() == QColor("#e6e6e6") for axis in card.chart.axes())


def test_an_empty_newsroom_says_so_in_every_card(qtbot, db, settings):
    from newsdesk.ui.main_window import MainWindow

    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.dashboard.shown, timeout=10_000):
        window.show_mode("dashboard")
    texts = [card.empty.text() for card in window.dashboard.cards
             if card.body.currentWidget() is card.empty]
    assert len(texts) == len(window.dashboard.cards)
    assert "No stories published in the last 30 days" in texts
    assert window.dashboard.tiles["oldest"].value.text() == "–"


@pytest.mark.parametrize(("language", "expected"), [
    ("az", {"median": "4 saat", "flags": ["Qadağan sözlər", "Linklər", "Şübhəli sözlər"],
            "rules": "avtomatik qaydalar", "reviews": "Rəylər"}),
    ("ru", {"median": "4 ч", "flags": ["Запрещённые слова", "Ссылки", "Подозрительные слова"],
            "rules": "автоматические правила", "reviews": "Отзывы"}),
])
def test_the_dashboard_speaks_the_window_s_language_and_its_labels_fit(
        qtbot, db, room, settings, language, expected):
    from newsdesk.ui.i18n import date_text, install_translations

    install_translations(language)
    try:
        window = show_window(qtbot, db, settings)
        at_size(qtbot, window, 1400, 900)
        with qtbot.waitSignal(window.dashboard.shown, timeout=10_000):
            window.show_mode("dashboard")
        panel = window.dashboard
        assert panel.tiles["median"].value.text() == expected["median"]
        assert categories(panel.flags_card) == expected["flags"]
        assert expected["rules"] in categories(panel.decisions_card)
        [counts] = [axis for axis in panel.flags_card.chart.axes() if axis.titleText()]
        assert counts.titleText() == expected["reviews"]
        first_day = panel.figures.period.day_list[0]
        [days] = [axis for axis in panel.reviews_card.chart.axes()
                  if hasattr(axis, "categoriesLabels")]
        assert days.categoriesLabels()[0] == date_text(first_day) != f"{first_day.day} {first_day:%b}"
        # Longer words than English: nothing is cut short, every card title is whole.
        assert [title for card in panel.cards for title in card.truncated_axes()] == []
        cut = [card.title.text() for card in panel.cards
               if card.title.sizeHint().width() > card.title.width()]
        assert cut == []
        # ... and not by widening the page past the window.
        scroll = panel.findChild(QScrollArea)
        assert scroll.horizontalScrollBar().maximum() == 0
        window.close()
    finally:
        install_translations("en")

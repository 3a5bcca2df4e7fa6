"""The window in Azerbaijani and Russian: no text a user sees is left in English.

The same window is built on the same demo database in English and in the other language,
and every visible widget's texts (labels, buttons, placeholders, tooltips, tabs, titles,
headers, menus, toolbars, the current choice of each combo box, the Dashboard's chart
axes, legends and bar tooltips) are paired by the widget's place in the tree: a text that
is the same in both languages is untranslated, unless all its words are ones the
languages share (names, formats, keys) or it is a name from the database. The demo
database gets a known newsroom on top, so that every Dashboard chart has bars to label.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QCategoryAxis, QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QTabBar,
    QTableView,
    QToolBar,
    QTreeView,
    QWidget,
)

from newsdesk.moderation.queues import QueueFilter
from newsdesk.publish.page_language import language_name, page_languages
from newsdesk.store.models import RULES_MODERATOR, Entity, Review
from newsdesk.store.timestamps import utcnow
from newsdesk.stories.identity import default_user_name
from newsdesk.ui.i18n import install_translations, tr
from tests.dashboard_helpers import build_known_newsroom

# Words that are the same in English, Azerbaijani and Russian windows: names of formats,
# networks and keys, the language codes, and "Status"/"Spam", which Azerbaijani shares.
SHARED_WORDS = {
    "newsdesk", "ninjs", "iptc", "json", "html", "markdown", "uri", "facebook", "x",
    "telegram", "whatsapp", "ctrl", "shift", "enter", "esc", "en", "az", "ru", "ok",
    "status", "spam", "format", "turan", "q",
    "utc",  # a time zone's name (the embargo field names the newsroom's zone)
}
# Languages offered by their own names (the site-language chooser), as choosers show them.
ENDONYMS = {language_name(language) for language in page_languages()}
# Addresses, paths and e-mail addresses are data, whatever the language.
ADDRESS = re.compile(r"^(/|~|[a-z]+://)|^\S+@\S+$")
Texts = dict[tuple[str, str], str]


def place(widget: QWidget, root: QWidget) -> str:
    """The widget's path from ``root``: class names and positions among siblings."""
    parts = []
    while widget is not None and widget is not root:
        parent = widget.parentWidget()
        siblings = [child for child in (parent.children() if parent else [])
                    if isinstance(child, QWidget) and type(child) is type(widget)]
        parts.append(f"{type(widget).__name__}[{siblings.index(widget)}]")
        widget = parent
    return "/".join(reversed(parts))


def chart_texts(view: QChartView) -> Iterator[tuple[str, str]]:
    """A Dashboard chart's axis titles and labels, and its legend's entries."""
    chart = view.chart()
    for number, axis in enumerate(chart.axes()):
        yield f"axis {number}", axis.titleText()
        labels = (axis.categories() if isinstance(axis, QBarCategoryAxis)
                  else axis.categoriesLabels() if isinstance(axis, QCategoryAxis) else [])
        for label_number, label in enumerate(labels):
            yield f"axis {number} label {label_number}", label
    if chart.legend().isVisible():
        for number, marker in enumerate(chart.legend().markers()):
            yield f"legend {number}", marker.label()


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    yield "tooltip", widget.toolTip()
    if isinstance(widget, QChartView):
        yield from chart_texts(widget)
    describe = getattr(widget, "describe", None)  # a Dashboard card's bar tooltips
    if callable(describe) and getattr(widget, "sets", None):
        for key, bars in widget.sets.items():
            first = next((i for i in range(bars.count()) if isinstance(bars, QBarSet)
                          and bars.at(i)), None)
            if first is not None:
                yield f"bar tooltip {key}", describe(key, widget._category(first))
    if widget.isWindow():
        yield "title", widget.windowTitle()
    if isinstance(widget, QLabel):
        yield "text", widget.text()
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox) and not widget.isEditable():
        yield "choice", widget.currentText()
    if isinstance(widget, QSpinBox):
        yield "prefix", widget.prefix()
    if isinstance(widget, QDateEdit):
        yield "special", widget.specialValueText()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QTabBar):
        for tab in range(widget.count()):
            yield f"tab {tab}", re.sub(r"\s*\([\d\s.,]+\)$", "", widget.tabText(tab))
    if isinstance(widget, QTableView | QTreeView) and widget.model() is not None:
        header = (widget.horizontalHeader() if isinstance(widget, QTableView)
                  else widget.header())
        model = widget.model()
        for column in range(model.columnCount()):
            if not header.isSectionHidden(column):
                yield f"header {column}", str(model.headerData(
                    column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
    if isinstance(widget, QToolBar):
        for number, action in enumerate(widget.actions()):
            if action.isVisible():
                yield f"action {number}", action.text()
                yield f"action tip {number}", action.toolTip()


def menu_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    for number, action in enumerate(window.menuBar().actions()):
        yield f"menu {number}", action.text()
        menu = action.menu()
        for item, entry in enumerate(menu.actions() if isinstance(menu, QMenu) else []):
            if entry.isVisible() and not entry.isSeparator():
                yield f"menu {number}.{item}", entry.text()
                if entry.menu() is not None:
                    for sub, inner in enumerate(entry.menu().actions()):
                        yield f"menu {number}.{item}.{sub}", inner.text()


def visible_texts(root: QWidget, name: str) -> Texts:
    QApplication.processEvents()
    found: Texts = {}
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for kind, text in widget_texts(widget):
            if re.search(r"[^\W\d_]", text or ""):
                found[(f"{name}:{place(widget, root)}", kind)] = text
    if root.isWindow() and hasattr(root, "menuBar"):
        for kind, text in menu_texts(root):
            found[(f"{name}:menus", kind)] = text
    return found


def database_names() -> set[str]:
    """Names the database holds (registry entries, moderators): data in any language."""
    names = {entity.name for entity in Entity.select(Entity.name)}
    names |= {review.moderated_by for review in Review.select(Review.moderated_by)}
    return {name for name in names if name and name != RULES_MODERATOR}


def untranslated(english: Texts, other: Texts,
                 names: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    left = []
    for key, text in english.items():
        if (other.get(key) != text or ADDRESS.search(text) or text == default_user_name()
                or text in ENDONYMS or text.strip() in names):
            continue
        words = {word.lower() for word in re.findall(r"[^\W\d_]+", text.replace("&", ""))}
        if words - SHARED_WORDS:
            left.append((*key, text))
    return left


def scenes(window, settings) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    """Every mode and the main dialogs, each as what to show and the widget to read."""
    from newsdesk.store.models import Article
    from newsdesk.ui.dialogs.conflict import ConflictDialog
    from newsdesk.ui.dialogs.preferences import PreferencesDialog
    from newsdesk.ui.dialogs.revisions import CompareDialog
    from newsdesk.ui.moderation.dialogs import RulesDialog

    def mode(name: str) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.show_mode(name)
            if name == "moderation":
                window.moderation.overlay.toggle()
            if name == "dashboard":  # the figures, not "Computing the figures…"
                window.dashboard.wait()
                QApplication.processEvents()
                assert window.dashboard.figures is not None
            return window
        return show

    def narrowed_queue() -> QWidget:
        """The queue as a Dashboard bar opens it: the narrowing bar above the list, and the
        detail of a review the rules decided."""
        start = window.dashboard.figures.period.start
        window.open_queue(QueueFilter("rejected", flag_code="banned_word",
                                      decided_by=RULES_MODERATOR, decided_since=start,
                                      received_since=start))
        return window

    def dialog(make: Callable[[], QWidget]) -> Callable[[], QWidget]:
        def show() -> QWidget:
            made = make()
            made.show()
            return made
        return show

    def no_story() -> QWidget:
        window.show_mode("desk")
        window.desk.editor.close_article()
        return window

    story = Article.select().order_by(Article.id).first()
    fields = {"headline": story.headline, "body": story.body + " more", "byline": ""}
    yield "desk", mode("desk")
    yield "moderation", mode("moderation")
    yield "entities", mode("entities")
    yield "dashboard", mode("dashboard")
    yield "narrowed queue", narrowed_queue
    yield "preferences", dialog(lambda: PreferencesDialog(settings, window))
    yield "rules", dialog(lambda: RulesDialog(window))
    yield "conflict", dialog(lambda: ConflictDialog(fields, story, window))
    yield "compare", dialog(lambda: CompareDialog(  # as the editor opens it
        tr("Recovered text"), {"headline": story.headline}, tr("Saved before"), fields,
        tr("Recovered"), window))
    yield "export", dialog(lambda: (window.open_export_dialog(), window.export_dialog)[1])
    yield "no story", no_story


def read_window(qtbot, demo_db, settings_path, language: str) -> Texts:
    from newsdesk.ui.main_window import MainWindow
    from newsdesk.ui.settings import ini_settings

    install_translations(language)
    settings = ini_settings(settings_path)
    window = MainWindow(demo_db, settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    found: Texts = {}
    for name, show in scenes(window, settings):
        shown = show()
        qtbot.wait(50)
        found.update(visible_texts(shown, name))
        if shown is not window:
            shown.close()
    window.close()
    return found


@pytest.mark.slow
@pytest.mark.parametrize("language", ["az", "ru"])
def test_no_visible_text_is_left_in_english(qtbot, demo_db, tmp_path, language):
    build_known_newsroom(utcnow().replace(microsecond=0))  # every chart with bars
    try:
        english = read_window(qtbot, demo_db, tmp_path / "en.ini", "en")
        other = read_window(qtbot, demo_db, tmp_path / f"{language}.ini", language)
    finally:
        install_translations("en")
    assert len(english) > 200  # the walk saw the window, not an empty shell
    assert len(set(english) & set(other)) > 0.9 * len(english)
    dashboard = {key for key in english if key[0].startswith("dashboard:")}
    assert {kind for _, kind in dashboard} >= {"axis 1", "axis 0 label 0", "legend 0",
                                                 "bar tooltip approved"}
    assert any("narrowed queue:" in where and text.startswith("Only reviews flagged")
               for (where, _), text in english.items())
    left = untranslated(english, other, frozenset(database_names()))
    assert not left, "\n".join(f"{where} {kind}: {text!r}" for where, kind, text in left)

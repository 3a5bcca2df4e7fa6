"""Spelling and translations in the real editor: underlines after a pause, suggestions and
the newsroom's dictionary on right-click, registry names never flagged, F7, the status bar,
ready asks; Translate to... and the source beside the draft."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox

from newsdesk.people import registry as entities
from newsdesk.stories import articles
from newsdesk.ui.desk.spell_check import spelling_menu
from tests.ui.test_editor import type_at_end

STORY = {"headline": "Parliament passes the budget", "dateline_place": "Baku",
         "dateline_date": date(2023, 3, 14), "dateline_source": "Turan", "language": "en"}


@pytest.fixture
def window(qtbot, db, settings):
    from newsdesk.ui.main_window import MainWindow

    def make(*bodies: str, language: str = "en"):
        stories = [articles.create_article({**STORY, "body": body, "language": language})
                   for body in bodies]
        made = MainWindow(db, settings)
        qtbot.addWidget(made)
        made.show()
        qtbot.waitExposed(made)
        return made, [story.id for story in stories]

    return make


def open_and_check(qtbot, window, article_id: int) -> None:
    editor = window.desk.editor
    with qtbot.waitSignal(editor.spelling.checked, timeout=15_000):
        if editor.article_id == article_id:
            editor.spelling.reload()
        else:
            window.desk.open_article(article_id)


def underlined(text_edit) -> list[str]:
    """The words the highlighter underlines as misspelt, in order."""
    found = []
    block = text_edit.document().firstBlock()
    while block.isValid():
        for fmt_range in block.layout().formats():
            if (fmt_range.format.underlineStyle()
                    == QTextCharFormat.UnderlineStyle.SpellCheckUnderline):
                found.append(block.text()[fmt_range.start:fmt_range.start + fmt_range.length])
        block = block.next()
    return found  # a word may come in several ranges (one per character's format)


def position_of(text_edit, word: str):
    cursor = QTextCursor(text_edit.document())
    cursor.setPosition(text_edit.toPlainText().index(word) + 2)
    return text_edit.cursorRect(cursor).center()


def menu_texts(window, text_edit, word: str) -> list[str]:
    menu = QMenu()
    actions = window.desk.editor.spelling.actions_for(text_edit, position_of(text_edit, word),
                                                      menu)
    return [a.text() for a in actions if not a.isSeparator()]


def trigger(window, text_edit, word: str, label: str) -> None:
    menu = QMenu()
    actions = window.desk.editor.spelling.actions_for(text_edit, position_of(text_edit, word),
                                                      menu)
    next(a for a in actions if a.text() == label).trigger()


def test_a_misspelt_word_is_underlined_after_the_pause_with_suggestions(qtbot, window):
    main, [story] = window("The parliment adopted the budget.")
    open_and_check(qtbot, main, story)
    body = main.desk.editor.body
    assert "".join(underlined(body)) == "parliment"
    assert main.spelling_label.text() == "1 unknown word"
    # Underlining is formatting: the story is not marked changed, nothing is saved.
    assert main.desk.editor.save_state == "Saved" and not main.desk.editor.dirty
    main.show_mode("entities")  # the count belongs to the Desk's story, as the word count
    assert not main.spelling_label.isVisible() and not main.counts_label.isVisible()
    main.show_mode("desk")
    assert main.spelling_label.isVisible()
    assert menu_texts(main, body, "parliment")[0] == "parliament"
    trigger(main, body, "parliment", "parliament")
    assert body.toPlainText() == "The parliament adopted the budget."
    qtbot.waitUntil(lambda: underlined(body) == [] and main.spelling_label.text()
                    == "0 unknown words", timeout=5000)


def test_typing_a_new_misspelling_is_underlined_once_typing_pauses(qtbot, window):
    main, [story] = window("The budget passed.")
    open_and_check(qtbot, main, story)
    body = main.desk.editor.body
    with qtbot.waitSignal(main.desk.editor.spelling.checked, timeout=5000):
        type_at_end(qtbot, body, " Goverment")
    assert "".join(underlined(body)) == "Goverment"


def test_add_to_the_newsroom_dictionary_clears_the_word_in_another_story(qtbot, window):
    main, [first, second] = window("Talks in Qarabagh resumed.", "Qarabagh again.")
    open_and_check(qtbot, main, first)
    body = main.desk.editor.body
    assert "".join(underlined(body)) == "Qarabagh"
    assert "Add to newsroom dictionary" in menu_texts(main, body, "Qarabagh")
    trigger(main, body, "Qarabagh", "Add to newsroom dictionary")
    assert underlined(body) == []
    open_and_check(qtbot, main, second)
    assert underlined(main.desk.editor.body) == []
    assert main.spelling_label.text() == "0 unknown words"


def test_ignore_in_this_story_only(qtbot, window):
    main, [first, second] = window("Zxqv is a code name.", "Zxqv again.")
    open_and_check(qtbot, main, first)
    trigger(main, main.desk.editor.body, "Zxqv", "Ignore in this story")
    assert underlined(main.desk.editor.body) == []
    open_and_check(qtbot, main, second)
    assert "".join(underlined(main.desk.editor.body)) == "Zxqv"


def test_ignore_in_this_story_is_kept_when_the_story_is_opened_again(qtbot, window):
    from newsdesk.spelling.ignored import ignored_words

    main, [first, second] = window("Zxqv is a code name.", "Zxqv again.")
    open_and_check(qtbot, main, first)
    trigger(main, main.desk.editor.body, "Zxqv", "Ignore in this story")
    assert ignored_words(first) == {"zxqv"}  # in the database, for colleagues too
    open_and_check(qtbot, main, second)
    assert "".join(underlined(main.desk.editor.body)) == "Zxqv"
    # As a colleague's window (or this one after a restart) knows nothing from memory.
    main.desk.editor.spelling.ignored.clear()
    open_and_check(qtbot, main, first)
    assert underlined(main.desk.editor.body) == []
    assert main.spelling_label.text() == "0 unknown words"


def test_registry_names_and_their_inflections_are_never_underlined(qtbot, window, db):
    entities.create_entity("person", "Bakhtiyar Hajiyev", aliases=["Бахтияр Гаджиев"])
    entities.create_entity("person", "Sevinj Heydarov")
    main, [story] = window("Hajiyev's lawyer met Bakhtiar Gadzhiev; Heydarova spoke. Zzyzx.")
    open_and_check(qtbot, main, story)
    assert "".join(underlined(main.desk.editor.body)) == "Zzyzx"


def test_russian_story_is_checked_in_russian(qtbot, window):
    main, [story] = window("Парламент принял бюджат.", language="ru")
    open_and_check(qtbot, main, story)
    body = main.desk.editor.body
    assert "".join(underlined(body)) == "бюджат"
    assert "бюджет" in menu_texts(main, body, "бюджат")


def test_f7_selects_the_next_unknown_word_and_wraps(qtbot, window):
    main, [story] = window("One mispeled word and anothr one.")
    open_and_check(qtbot, main, story)
    body = main.desk.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(body, Qt.Key.Key_F7)
    assert body.textCursor().selectedText() == "mispeled"
    qtbot.keyClick(body, Qt.Key.Key_F7)
    assert body.textCursor().selectedText() == "anothr"
    qtbot.keyClick(body, Qt.Key.Key_F7)
    assert body.textCursor().selectedText() == "mispeled"


def test_f7_goes_through_the_headline_the_body_and_the_footnote_in_turn(qtbot, window):
    story = headline_story("Parliment passes the budget", body="The vote was reportd.",
                           footnote="Sourse: the ministry.")
    main, _ = window()
    open_and_check(qtbot, main, story)
    editor = main.desk.editor
    headline, body, footnote = editor.headline, editor.body, editor.footnote
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)  # after the body's last unknown word
    qtbot.keyClick(body, Qt.Key.Key_F7)
    assert footnote.hasFocus() and footnote.textCursor().selectedText() == "Sourse"
    qtbot.keyClick(footnote, Qt.Key.Key_F7)  # the last one: from the top again
    assert headline.hasFocus() and headline.selectedText() == "Parliment"
    qtbot.keyClick(headline, Qt.Key.Key_F7)
    assert body.hasFocus() and body.textCursor().selectedText() == "reportd"
    qtbot.keyClick(body, Qt.Key.Key_F7)
    assert footnote.textCursor().selectedText() == "Sourse"


def test_moving_to_ready_with_unknown_words_asks_once(qtbot, window, monkeypatch):
    main, [story] = window("The parliment met.")
    open_and_check(qtbot, main, story)
    editor = main.desk.editor
    asked = []

    def answer(*args, **_kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    assert editor.change_status("ready") is False
    assert articles.get_article(story).status == "draft" and "1 unknown word" in asked[0]
    assert editor.change_status("ready") is True  # asked once: the second move goes ahead
    assert len(asked) == 1 and articles.get_article(story).status == "ready"


# -- translations ------------------------------------------------------------------------------
def test_translate_to_opens_a_linked_draft_with_the_source_beside_it(qtbot, window):
    main, [story] = window("The Milli Majlis adopted the budget.")
    desk = main.desk
    desk.open_article(story)
    panel = desk.translations_panel
    desk.editor.side_tabs.setCurrentWidget(desk.translations_page)  # the tab, as a user opens it
    assert panel.empty.isVisible() and not panel.siblings.isVisible()
    panel._fill_translate_menu()
    enabled = {a.text(): a.isEnabled() for a in panel.translate_menu.actions()}
    assert enabled == {"en": False, "az": True, "ru": True}
    made = panel.translate("az")
    editor = desk.editor
    assert editor.article_id == made and editor.language.currentText() == "az"
    assert editor.place.text() == "Baku" and editor.body.toPlainText() == ""
    assert desk.article_list.model.row_of(made) is not None
    # The source, to translate from, beside the editor.
    assert panel.siblings.count() == 1
    assert panel.siblings.item(0).text() == "en · Parliament passes the budget"
    assert "The Milli Majlis adopted the budget." in panel.source.toPlainText()
    panel.siblings.itemDoubleClicked.emit(panel.siblings.item(0))
    assert editor.article_id == story
    assert panel.siblings.item(0).text().startswith("az · ")


def test_opening_a_story_offers_its_translations_in_the_header(qtbot, window):
    from newsdesk.stories import translations

    main, [en, alone] = window("The Milli Majlis adopted the budget.", "Another story.")
    az = translations.make_translation(en, "az").id
    ru = translations.make_translation(en, "ru").id
    desk = main.desk
    links = desk.translations_panel.links
    desk.open_article(alone)
    assert not links.isVisible()  # no translations: nothing to offer
    desk.open_article(en)
    assert links.isVisible() and links.isVisibleTo(desk.editor)
    assert [b.text() for b in links.buttons] == ["az", "ru"]
    assert "(no headline yet)" in links.buttons[0].toolTip()
    # In the header, beside the language: no tab to hunt for.
    assert desk.editor.meta_row.indexOf(links) == desk.editor.meta_row.indexOf(
        desk.editor.language) + 1
    qtbot.mouseClick(links.buttons[0], Qt.MouseButton.LeftButton)
    assert desk.editor.article_id == az and desk.editor.language.currentText() == "az"
    assert [b.text() for b in links.buttons] == ["en", "ru"]
    assert "Parliament passes the budget" in links.buttons[0].toolTip()
    qtbot.mouseClick(links.buttons[1], Qt.MouseButton.LeftButton)
    assert desk.editor.article_id == ru


# -- the headline --------------------------------------------------------------------------
def headline_words(headline) -> list[str]:
    return [headline.text()[start:start + length] for start, length in headline.underlined()]


def red_columns(headline) -> set[int]:
    """The x of every column of the field's picture where the misspelling red shows."""
    from newsdesk.ui.desk.markdown_highlighter import MISSPELT_COLOR

    image = headline.grab().toImage()
    ratio = image.devicePixelRatio()
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            if (colour.red() > 150 and colour.green() < 120 and colour.blue() < 120
                    and abs(colour.red() - MISSPELT_COLOR.red()) < 80):
                found.add(int(x / ratio))
                break
    return found


def headline_story(headline: str, body: str = "The budget passed.", footnote: str = "") -> int:
    return articles.create_article({**STORY, "headline": headline, "body": body,
                                    "footnote": footnote}).id


def test_the_headline_is_underlined_counted_and_corrected_from_its_menu(qtbot, window):
    story = headline_story("Parliment passes the budgett", footnote="Sourse: the ministry.")
    main, _ = window()
    open_and_check(qtbot, main, story)
    editor = main.desk.editor
    headline = editor.headline
    assert headline_words(headline) == ["Parliment", "budgett"]
    assert "".join(underlined(editor.footnote)) == "Sourse"
    assert main.spelling_label.text() == "3 unknown words"  # headline, body and footnote
    # Painted under the misspelt words only, not under "passes the".
    red = red_columns(headline)
    first, second = headline.x_of(0), headline.x_of(len("Parliment"))
    known = headline.x_of(len("Parliment p")), headline.x_of(len("Parliment passes th"))
    assert any(first + 2 <= x <= second - 2 for x in red)
    assert not any(known[0] <= x <= known[1] for x in red)
    # Right-click on the word: suggestions first, then the dictionary's entries.
    at = QPoint(round((first + second) / 2), headline.height() // 2)
    menu = spelling_menu(editor.spelling, headline, at)
    labels = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert labels[0] == "Parliament" and "Ignore in this story" in labels
    assert "Paste" in " ".join(labels).replace("&", "")  # the field's own entries stay
    with qtbot.waitSignal(editor.spelling.checked, timeout=5000):
        next(a for a in menu.actions() if a.text() == "Parliament").trigger()
    assert headline.text() == "Parliament passes the budgett"
    assert editor.dirty  # an edit like typing: saved, and undoable
    assert headline_words(headline) == ["budgett"]
    assert main.spelling_label.text() == "2 unknown words"
    headline.undo()
    assert headline.text() == "Parliment passes the budgett"


def test_a_long_headline_is_underlined_where_it_scrolled_to(qtbot, window):
    words = "The parliament of the republic met again today to discuss the budget"
    story = headline_story(f"{words} and the new taxx")
    main, _ = window()
    open_and_check(qtbot, main, story)
    headline = main.desk.editor.headline
    headline.setFixedWidth(220)
    headline.setFocus()
    headline.end(False)  # the field scrolls to show the end of the headline
    qtbot.wait(10)
    start = len(words) + len(" and the new ")
    assert headline_words(headline) == ["taxx"]
    left, right = headline.x_of(start), headline.x_of(start + 4)
    assert 0 < left < right <= headline.width()
    assert headline.x_of(0) < 0  # the beginning is scrolled out of view
    assert any(left + 1 <= x <= right - 1 for x in red_columns(headline))
    headline.home(False)
    qtbot.wait(10)
    assert headline.x_of(start) > headline.width()  # now the end is out of view
    assert not red_columns(headline)


def test_ignore_in_this_story_from_the_headline(qtbot, window):
    story = headline_story("Zxqv talks resume")
    main, _ = window()
    open_and_check(qtbot, main, story)
    editor = main.desk.editor
    at = QPoint(round(editor.headline.x_of(2)), editor.headline.height() // 2)
    menu = spelling_menu(editor.spelling, editor.headline, at)
    next(a for a in menu.actions() if a.text() == "Ignore in this story").trigger()
    assert headline_words(editor.headline) == []
    assert main.spelling_label.text() == "0 unknown words"


def test_translate_to_and_duplicate_bring_the_pictures_along(qtbot, window):
    from newsdesk.stories import pictures
    from tests.picture_helpers import jpeg, png

    story = headline_story("Parliament passes the budget")
    pictures.add_picture(story, jpeg(), "hall.jpg", caption="The hall", credit="Turan",
                         alt="Deputies voting")
    pictures.add_picture(story, png(), "chart.png", caption="The budget", alt="A chart",
                         lead=True)
    main, _ = window()
    desk = main.desk
    desk.open_article(story)
    strip = desk.pictures_panel.strip
    qtbot.waitUntil(lambda: strip.count() == 2, timeout=5000)
    made = desk.translations_panel.translate("ru")
    assert desk.editor.article_id == made
    qtbot.waitUntil(lambda: [strip.item(n).toolTip() for n in range(strip.count())]
                    == ["<qt>The budget</qt>", "<qt>The hall</qt>"], timeout=5000)
    assert strip.item(0).text() == "Lead"
    desk.open_article(story)
    desk.article_list.show_article(story)
    with qtbot.waitSignal(desk.article_list.article_activated) as opened:
        desk.article_list.duplicate_action.trigger()
    assert desk.editor.article_id == opened.args[0] != story
    qtbot.waitUntil(lambda: strip.count() == 2, timeout=5000)
    assert [p.credit for p in pictures.pictures_of(opened.args[0])] == ["", "Turan"]


def test_a_long_story_is_counted_between_keystrokes_and_typing_restarts_the_count(
        qtbot, window):
    from newsdesk.ui.desk.spell_check import COUNT_WORDS_PER_STEP

    words = ["The budget passed after a long debate."] * (COUNT_WORDS_PER_STEP // 3)
    main, [story] = window(" ".join(words) + " One mispeled word.")
    open_and_check(qtbot, main, story)
    spelling, body = main.desk.editor.spelling, main.desk.editor.body
    assert spelling.count == 1
    counts: list[int] = []
    spelling.count_changed.connect(counts.append)
    spelling.check_now()
    assert counts == []  # the check in view is done; the story's count goes step by step
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " Anothr.")  # typed while counting: that count is dropped
    with qtbot.waitSignal(spelling.checked, timeout=15_000):
        pass
    assert counts == [2] and main.spelling_label.text() == "2 unknown words"

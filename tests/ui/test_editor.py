"""The editor panel through the real window over a temporary SQLite file."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from newsdesk.store.models import Article, Revision
from newsdesk.stories import articles
from newsdesk.stories.headlines import MAX_HEADLINE
from tests.conftest import REPO_ROOT

READY_FIELDS = {"headline": "Parliament passes amended media law", "dateline_place": "Baku",
                "dateline_date": date(2023, 3, 14), "dateline_source": "Turan",
                "body": "The Milli Majlis adopted the amended law on media."}


@pytest.fixture
def story(db):
    return articles.create_article(dict(READY_FIELDS))


@pytest.fixture
def window(story, window):
    """The shared window (tests/ui/conftest.py) with the story open."""
    window.desk.open_article(story.id)
    return window


@pytest.fixture
def editor(window):
    return window.desk.editor


def type_text(qtbot, widget, text: str) -> None:
    """Type like a keyboard would; letters outside ASCII (ə, emoji) arrive as key events
    carrying the text, as a keyboard layout delivers them (QTest only types Latin-1)."""
    for char in text:
        if ord(char) < 0x80:
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     char))


def type_at_end(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.moveCursor(QTextCursor.MoveOperation.End)
    type_text(qtbot, widget, text)


def stored(article_id: int) -> Article:
    return Article.get_by_id(article_id)


def wait_saved(qtbot, editor, timeout: int = 4000) -> None:
    qtbot.waitUntil(lambda: not editor.dirty and editor.save_state == "Saved", timeout=timeout)


# -- autosave and the status bar -----------------------------------------------------------
def test_typing_is_autosaved_without_any_action(qtbot, window, editor, story):
    type_at_end(qtbot, editor.body, " Journalists objected.")
    assert window.save_state_label.text() == "Unsaved"
    assert "Journalists" not in stored(story.id).body
    qtbot.waitUntil(lambda: "Journalists objected." in stored(story.id).body, timeout=2500)
    # The store commits on the worker; the window hears of it when the outcome comes
    # through the event loop, a moment later (read at once, CI once saw "Saving...").
    qtbot.waitUntil(lambda: window.save_state_label.text() == "Saved", timeout=2500)
    assert stored(story.id).version == story.version + 1
    words = len(editor.body.toPlainText().split())
    qtbot.waitUntil(lambda: f"{words} words" in window.counts_label.text())


def test_save_state_passes_through_saving(qtbot, editor):
    states = []
    editor.save_state_changed.connect(states.append)
    type_at_end(qtbot, editor.body, "x")
    editor.autosave()
    assert states[-3:] == ["Unsaved", "Saving...", "Saved"]


def test_ctrl_s_saves_at_once_and_records_a_revision(qtbot, window, editor, story):
    before = Revision.select().where(Revision.article == story.id).count()
    type_at_end(qtbot, editor.body, " More.")
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert stored(story.id).body.endswith("More.")
    revisions = Revision.select().where(Revision.article == story.id)
    assert revisions.count() == before + 1
    assert revisions.order_by(Revision.id.desc()).first().reason == "save"
    assert editor.revisions_panel.tree.topLevelItemCount() == before + 1


def test_autosave_records_a_revision_only_periodically(qtbot, editor, story):
    count = Revision.select().where(Revision.article == story.id).count
    before = count()
    type_at_end(qtbot, editor.body, " one")
    editor.autosave()
    assert count() == before
    editor.REVISION_INTERVAL_S = 0
    type_at_end(qtbot, editor.body, " two")
    editor.autosave()
    assert count() == before + 1
    latest = Revision.select().order_by(Revision.id.desc()).first()
    assert latest.reason == "autosave" and "two" in json.loads(latest.snapshot)["body"]


def test_every_field_is_saved(qtbot, editor, story):
    for widget, text in ((editor.headline, "Ədliyyə nazirliyi: ş ğ ı ö ü ç 🎉"),
                         (editor.place, "Baku/Sumgait"), (editor.byline, "Leyla Sultanova"),
                         (editor.section, "politics"), (editor.desk_code, "05/11K")):
        widget.clear()
        type_text(qtbot, widget, text)
    editor.source.setText("APA")
    editor.source.textEdited.emit("APA")
    editor.date.setDate(QDate(2024, 2, 29))
    editor.urgency.setValue(2)
    editor.language.setCurrentText("az")
    type_at_end(qtbot, editor.footnote, "Background ə.")
    wait_saved(qtbot, editor)
    article = stored(story.id)
    assert article.headline == "Ədliyyə nazirliyi: ş ğ ı ö ü ç 🎉"
    assert (article.dateline_place, article.dateline_source) == ("Baku/Sumgait", "APA")
    assert article.dateline_date == date(2024, 2, 29)
    assert (article.byline, article.section, article.desk_code) == (
        "Leyla Sultanova", "politics", "05/11K")
    assert (article.urgency, article.language, article.footnote) == (2, "az", "Background ə.")
    assert article.slug == story.slug  # a titled story keeps its address


def test_an_invalid_date_cannot_be_entered(qtbot, editor):
    editor.date.setDate(QDate(2023, 2, 1))
    editor.date.setFocus()
    editor.date.lineEdit().selectAll()
    qtbot.keyClicks(editor.date, "31.02.23")
    assert editor.date.date().isValid()
    assert editor.fields()["dateline_date"] != "31.02.23"


def test_new_story_takes_the_default_agency_from_settings(qtbot, window, editor, settings):
    editor.new_article()
    assert editor.source.text() == "Turan"
    assert editor.fields()["dateline_date"] == date.today()
    settings.setValue("editor/default_agency", "APA")
    editor.new_article()
    assert editor.source.text() == "APA"
    assert stored(editor.article_id).dateline_source == "APA"
    assert window.desk.article_list.model.rowCount() == 3


def test_headline_length_hint(qtbot, editor):
    editor.headline.clear()
    qtbot.keyClicks(editor.headline, "a" * 50)
    assert editor.headline_hint.text() == "50/80"
    qtbot.keyClicks(editor.headline, "b" * 40)
    assert editor.headline_hint.text() == "90/80"
    assert "cut off" in editor.headline_hint.toolTip()


def test_the_headline_field_takes_no_more_than_a_save_accepts(qtbot, editor, story):
    editor.headline.clear()
    qtbot.keyClicks(editor.headline, "h" * (MAX_HEADLINE - 2))
    qtbot.keyClicks(editor.headline, "abcd")  # a paste or typing past the limit stops there
    assert editor.headline.text() == "h" * (MAX_HEADLINE - 2) + "ab"
    editor.save_now()
    assert stored(story.id).headline == "h" * (MAX_HEADLINE - 2) + "ab"
    assert not editor.problem.isVisible()


def test_a_headline_stored_before_the_limit_is_shown_whole_and_kept(qtbot, window, editor):
    story = articles.create_article({"headline": "Stored long ago", "body": "Old text."})
    legacy = "L" * (MAX_HEADLINE + 100)
    Article.update(headline=legacy).where(Article.id == story.id).execute()
    window.desk.open_article(story.id)
    assert editor.headline.text() == legacy  # not cut to the field's limit
    type_at_end(qtbot, editor.body, " Updated.")
    editor.save_now()
    assert (stored(story.id).headline, stored(story.id).body.endswith(" Updated.")) == (
        legacy, True)
    editor.headline.end(False)
    qtbot.keyClicks(editor.headline, "x")  # it may be shortened, not made longer
    assert editor.headline.text() == legacy
    qtbot.keyClick(editor.headline, Qt.Key.Key_Backspace)
    editor.save_now()  # changed but still too long: refused, with the reason
    assert editor.problem.isVisible()
    assert editor.problem.text() == (
        f"Not saved: headline: {MAX_HEADLINE + 99} characters, more than the "
        f"{MAX_HEADLINE} a headline may have; shorten it")
    assert stored(story.id).headline == legacy


# -- Markdown editing ----------------------------------------------------------------------
def test_markdown_is_highlighted(qtbot, editor):
    editor.body.setPlainText("## Heading\n\nSome **bold** and [a link](https://x.az)\n\n> quote")
    editor.body.highlighter.rehighlight()
    document = editor.body.document()

    def formats(block: int):
        return document.findBlockByNumber(block).layout().formats()

    assert formats(0) and formats(0)[0].format.fontWeight() > 400
    assert any(f.format.fontUnderline() for f in formats(2))
    assert any(f.format.fontWeight() > 400 and f.length == len("**bold**") for f in formats(2))
    assert formats(4) and formats(4)[0].format.fontItalic()


def test_find_and_replace(qtbot, editor):
    editor.body.setPlainText("Mamedov said. Later mamedov added.")
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = editor.find_bar
    assert bar.isVisible() and not bar.replace_row.isVisible()
    qtbot.keyClicks(bar.find_field, "mamedov")
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert editor.body.textCursor().selectedText() == "Mamedov"
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Return)
    assert editor.body.textCursor().selectedText() == "mamedov"
    qtbot.keyClick(editor.body, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert bar.replace_row.isVisible()
    qtbot.keyClicks(bar.replace_field, "Mammadov")
    bar.replace_all_button.click()
    assert editor.body.toPlainText() == "Mammadov said. Later Mammadov added."
    editor.body.undo()  # replace all is one undo step
    assert editor.body.toPlainText() == "Mamedov said. Later mamedov added."
    bar.case_box.setChecked(True)
    assert bar.replace_all() == 1
    qtbot.keyClick(bar.find_field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_the_find_bar_is_built_on_the_first_ctrl_f_above_the_text(qtbot, editor):
    """Most sessions never search: the bar is made when first asked for, in its place
    between the story's fields and the text, and as the story allows (read-only: no
    replacing)."""
    assert editor._find_bar is None
    editor.set_read_only(True)
    editor.body.setFocus()
    qtbot.keyClick(editor.body, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = editor._find_bar
    assert bar is not None and bar is editor.find_bar and bar.isVisible()
    assert not bar.replace_row.isEnabled()
    column = editor.column
    assert column.indexOf(bar) == column.indexOf(editor.splitter) - 1
    assert column.indexOf(bar) > column.indexOf(editor.problem)
    editor.set_read_only(False)
    assert bar.replace_row.isEnabled()


def test_undo_and_redo(qtbot, editor):
    original = editor.body.toPlainText()
    type_at_end(qtbot, editor.body, " extra")
    qtbot.keyClick(editor.body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.body.toPlainText() == original
    qtbot.keyClick(editor.body, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert editor.body.toPlainText() == original + " extra"


# -- status workflow -----------------------------------------------------------------------
def test_status_moves_and_refusals_from_the_editor(qtbot, window, editor):
    editor.new_article()
    assert not editor.change_status("ready")
    assert "ready needs a headline, a dateline place, a body" in editor.status_hint.text()
    assert editor.status_hint.isVisible()
    assert editor.status.currentData() == "draft"
    qtbot.keyClicks(editor.headline, "Budget approved")
    qtbot.keyClicks(editor.place, "Baku")
    type_at_end(qtbot, editor.body, "The budget was approved.")
    editor.status.setCurrentIndex(editor.status.findData("ready"))
    editor.status.activated.emit(editor.status.currentIndex())
    assert stored(editor.article_id).status == "ready"
    assert stored(editor.article_id).body == "The budget was approved."
    assert editor.status_hint.text() == "" and not editor.status_hint.isVisible()
    assert not editor.change_status("draft") or stored(editor.article_id).status == "draft"


def test_a_status_move_made_elsewhere_is_not_a_conflict(qtbot, editor, story):
    articles.set_status(story.id, "edited")  # e.g. from the story list
    type_at_end(qtbot, editor.body, " Still typing.")
    assert editor.autosave()
    assert editor.conflict_dialog is None
    article = stored(story.id)
    assert article.body.endswith("Still typing.") and article.status == "edited"
    assert editor.status.currentData() == "edited"


# -- revisions -----------------------------------------------------------------------------
def test_revision_diff_and_restore(qtbot, editor, story):
    type_at_end(qtbot, editor.body, " <script>alert(1)</script>")
    editor.save_now()
    editor.body.setPlainText("Completely new text.")
    editor.save_now()
    panel = editor.revisions_panel
    assert panel.tree.topLevelItemCount() == 3
    panel.select_row(1)  # the revision with the script text
    html = panel.diff_view.toHtml()
    assert "<script>" not in html and "alert(1)" in html
    assert "Completely" in panel.diff_view.toPlainText()
    panel.restore_button.click()
    assert editor.body.toPlainText().endswith("<script>alert(1)</script>")
    assert stored(story.id).body == editor.body.toPlainText()
    newest = Revision.select().order_by(Revision.id.desc()).first()
    assert newest.reason == "restore"
    assert panel.tree.topLevelItemCount() == 4
    assert panel.tree.topLevelItem(0).text(3) == "Restored"


def test_an_agency_correction_is_a_revision_with_its_note(qtbot, window, tmp_path):
    from newsdesk.formats import importer
    from tests.publish_helpers import NINJS_EXAMPLES

    item = json.loads((NINJS_EXAMPLES / "ntb_text.json").read_text(encoding="utf-8"))
    first = tmp_path / "ntb-6.json"
    first.write_text(json.dumps(item), encoding="utf-8")
    (story_id,) = importer.import_files([first])
    item.update(version="7", ednote="Corrects the size of the plot.")
    item["headlines"][0]["value"] = "Google har kjøpt tomt i Skien"
    second = tmp_path / "ntb-7.json"
    second.write_text(json.dumps(item), encoding="utf-8")
    importer.import_files([second])
    window.desk.open_article(story_id)
    row = window.desk.editor.revisions_panel.tree.topLevelItem(0)
    assert row.text(3) == "Correction from source"
    assert row.toolTip(3) == "source's version 7: Corrects the size of the plot."


# -- conflicts (a second process saves the same story) --------------------------------------
# A colleague's window on another computer takes the story over, saves and closes it: the
# lock is free again, so this window meets their save as a version conflict.
SECOND_PROCESS = """
import sys
from newsdesk.store.db import open_database
from newsdesk.stories import articles, locks
opened = open_database(sys.argv[1])
article = articles.get_article(int(sys.argv[2]))
locks.take_over(article.id, "colleague", "colleague-window")
articles.save_article(article.id, {"body": "Their text from another computer."},
                      expected_version=article.version, revision=True,
                      session="colleague-window")
locks.release(article.id, "colleague-window")
opened.close()
"""


def save_from_another_process(db, article_id: int) -> None:
    subprocess.run([sys.executable, "-c", SECOND_PROCESS, db.target, str(article_id)],
                   check=True, cwd=str(REPO_ROOT), timeout=60)


@pytest.mark.parametrize("choice", ["keep_mine", "take_theirs", "save_copy"])
def test_conflict_with_another_process_shows_both_and_loses_nothing(qtbot, db, editor, story,
                                                                    choice):
    save_from_another_process(db, story.id)
    type_at_end(qtbot, editor.body, " My addition.")
    mine = editor.body.toPlainText()
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=4000)
    dialog = editor.conflict_dialog
    assert dialog.mine_view.toPlainText().endswith("My addition.")
    assert "Their text from another computer." in dialog.theirs_view.toPlainText()
    assert stored(story.id).body == "Their text from another computer."
    button = {"keep_mine": dialog.keep_mine_button, "take_theirs": dialog.take_theirs_button,
              "save_copy": dialog.copy_button}[choice]
    button.click()
    assert editor.conflict_dialog is None
    snapshots = [json.loads(r.snapshot)["body"] for r in Revision.select()]
    if choice == "keep_mine":
        assert stored(story.id).body == mine == editor.body.toPlainText()
        assert "Their text from another computer." in snapshots
    else:
        assert editor.body.toPlainText() == "Their text from another computer."
        assert stored(story.id).body == "Their text from another computer."
        if choice == "take_theirs":
            assert mine in snapshots
        else:
            copy = Article.get(Article.headline.endswith("(my copy)"))
            assert copy.body == mine and copy.status == "draft"
    assert not editor.dirty
    editor.body.insertPlainText("!")  # and the editor saves normally again afterwards
    assert editor.autosave()


def test_escape_does_not_dismiss_the_conflict(qtbot, db, editor, story):
    save_from_another_process(db, story.id)
    type_at_end(qtbot, editor.body, " Mine.")
    editor.autosave()
    dialog = editor.conflict_dialog
    dialog.reject()
    assert editor.conflict_dialog is dialog and dialog.isVisible()
    type_at_end(qtbot, editor.body, " More typed meanwhile.")
    assert not editor.autosave()  # no save behind the user's back while they choose
    messages = []
    editor.message.connect(messages.append)
    assert not editor.flush()  # another story cannot be opened before the choice
    assert "choose which version" in messages[-1]
    dialog.keep_mine_button.click()
    assert stored(story.id).body.endswith("Mine. More typed meanwhile.")


# -- bad input -----------------------------------------------------------------------------
def test_a_five_megabyte_paste_is_kept_and_saved(qtbot, settings, story):
    # The panel on its own: the preview is another panel with its own benchmark.
    from newsdesk.ui.desk.editor import EditorPanel

    editor = EditorPanel(settings)
    qtbot.addWidget(editor)
    editor.show()
    editor.open_article(story.id)
    big = ("Ölkə başçısı İlham Əliyev çıxış edib 🎉 şəhər.\n" * 110_000)[:5_000_000]
    QApplication.clipboard().setText(big)
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.body.toPlainText().endswith(big)
    wait_saved(qtbot, editor)
    assert stored(story.id).body.endswith(big)
    type_at_end(qtbot, editor.body, "ə")  # still responsive and still saving
    editor.autosave()
    assert stored(story.id).body.endswith(big + "ə")


def test_emoji_and_azerbaijani_letters_round_trip(qtbot, window, editor, story):
    text = " ə ğ ı ö ş ü ç Ə Ğ İ Ö Ş Ü Ç 👍🏽 🇦🇿"
    type_at_end(qtbot, editor.body, text)
    wait_saved(qtbot, editor)
    assert stored(story.id).body.endswith(text)
    editor.article_id = None
    window.desk.open_article(story.id)
    assert editor.body.toPlainText().endswith(text)


def test_read_only_database_mid_session_keeps_text_and_retries(qtbot, db, editor, story):
    editor.RETRY_MS = 300
    editor.retry_timer.setInterval(300)
    # Every write now fails, like a read-only disk: on every connection, the autosave
    # worker's too.
    db.database.pragma("query_only", 1, permanent=True)
    type_at_end(qtbot, editor.body, " Typed while the disk was read-only.")
    qtbot.waitUntil(lambda: editor.problem.isVisible(), timeout=4000)
    assert "read-only" in editor.problem.text() and "recovery journal" in editor.problem.text()
    assert editor.save_state == "Unsaved"
    entry = editor.journal.read(story.id)
    assert entry.fields["body"].endswith("Typed while the disk was read-only.")
    assert editor.flush()  # leaving or closing is safe: the journal has it
    db.database.pragma("query_only", 0, permanent=True)
    qtbot.waitUntil(lambda: editor.save_state == "Saved", timeout=3000)
    assert stored(story.id).body.endswith("Typed while the disk was read-only.")
    assert editor.journal.read(story.id) is None
    assert not editor.problem.isVisible()


def test_unsaved_text_in_the_journal_is_offered_back_on_opening(qtbot, db, settings, story):
    from newsdesk.stories.recovery import RecoveryJournal
    from newsdesk.ui.main_window import MainWindow

    journal = RecoveryJournal.for_current_database()
    fields = articles.editable_fields(story)
    fields["body"] += " Recovered words."
    journal.write(story.id, story.version, fields)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    editor = window.desk.editor
    assert editor.article_id == story.id
    assert editor.body.toPlainText().endswith("Recovered words.")
    assert stored(story.id).body.endswith("Recovered words.")
    assert journal.read(story.id) is None


def test_text_left_by_a_deleted_story_is_not_offered_to_the_next_one_with_its_id(
        qtbot, db, settings, story):
    from newsdesk.stories.recovery import RecoveryJournal
    from newsdesk.ui.main_window import MainWindow

    journal = RecoveryJournal.for_current_database()
    fields = articles.editable_fields(story)
    fields["body"] = "Unsaved text of a story deleted since."
    journal.write(story.id, story.version, fields, story.uuid)
    Article.delete().where(Article.id == story.id).execute()
    newcomer = articles.create_article(dict(READY_FIELDS, body="The new story's own text."))
    assert newcomer.id == story.id  # SQLite gave the id out again
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    editor = window.desk.editor
    assert editor.article_id == newcomer.id
    assert editor.body.toPlainText() == "The new story's own text."
    assert stored(newcomer.id).body == "The new story's own text."
    assert journal.path_for(story.id).with_suffix(".orphaned").is_file()  # kept aside


def test_journal_from_an_older_version_asks_instead_of_overwriting(qtbot, db, settings,
                                                                   story):
    from newsdesk.stories.recovery import RecoveryJournal
    from newsdesk.ui.main_window import MainWindow

    fields = articles.editable_fields(story)
    fields["body"] = "Unsaved local text."
    RecoveryJournal.for_current_database().write(story.id, story.version, fields)
    articles.save_article(story.id, {"body": "Saved meanwhile."},
                          expected_version=story.version)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    editor = window.desk.editor
    assert editor.conflict_dialog is not None
    assert stored(story.id).body == "Saved meanwhile."
    editor.conflict_dialog.copy_button.click()
    assert Article.get(Article.body == "Unsaved local text.").status == "draft"


def crash_while_typing(qtbot, db, settings, story, typed: str) -> None:
    """A window types into the story and journals it as its journal timer does, then
    vanishes the way a crash leaves it: no closeEvent, so nothing is flushed or saved."""
    from PySide6.QtCore import QCoreApplication

    from newsdesk.ui.main_window import MainWindow

    crashed = MainWindow(db, settings)
    editor = crashed.desk.editor
    type_at_end(qtbot, editor.body, typed)
    assert editor.write_journal()
    for timer in (crashed.change_timer, crashed.desk.lock_guard.heartbeat):
        timer.stop()
    editor.cancel_timers()
    crashed.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert stored(story.id).body == READY_FIELDS["body"]  # only the journal has the text


def reopen(qtbot, db, settings):
    from newsdesk.ui.main_window import MainWindow

    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_recovered_text_is_announced_compared_and_kept(qtbot, db, settings, story):
    crash_while_typing(qtbot, db, settings, story, " Recovered words.")
    window = reopen(qtbot, db, settings)
    editor = window.desk.editor
    assert editor.recovery_banner.isVisible()
    assert editor.recovery_banner.label.text() == (
        "Recovered 17 characters typed before newsdesk closed unexpectedly.")
    assert stored(story.id).body == READY_FIELDS["body"] + " Recovered words."
    editor.compare_button.click()
    dialog = editor.compare_dialog
    assert dialog.isVisible()
    assert dialog.versions["Recovered"].toPlainText().endswith(" Recovered words.")
    saved_before = dialog.versions["Saved before"].toPlainText()
    assert saved_before.endswith(READY_FIELDS["body"]) and "Recovered words" not in saved_before
    differences = dialog.diff_view.toPlainText()
    assert "Recovered words." in differences and READY_FIELDS["body"][:20] in differences
    qtbot.mouseClick(editor.dismiss_button, Qt.MouseButton.LeftButton)
    assert not editor.recovery_banner.isVisible() and not dialog.isVisible()
    assert editor.body.toPlainText().endswith(" Recovered words.")
    assert stored(story.id).body.endswith(" Recovered words.")
    assert Revision.select().where((Revision.article == story.id)
                                   & (Revision.reason == "recovered")).count() == 1


def test_recovered_text_can_be_discarded_and_stays_in_the_revisions(qtbot, db, settings,
                                                                    story):
    crash_while_typing(qtbot, db, settings, story, " Second thoughts.")
    editor = reopen(qtbot, db, settings).desk.editor
    assert editor.discard_button.isVisible()
    qtbot.mouseClick(editor.discard_button, Qt.MouseButton.LeftButton)
    assert not editor.recovery_banner.isVisible()
    assert editor.body.toPlainText() == READY_FIELDS["body"]
    assert stored(story.id).body == READY_FIELDS["body"] and not editor.dirty
    recovered = (Revision.select().where((Revision.article == story.id)
                                         & (Revision.reason == "recovered")).get())
    assert json.loads(recovered.snapshot)["body"].endswith(" Second thoughts.")
    assert editor.journal.read(story.id) is None

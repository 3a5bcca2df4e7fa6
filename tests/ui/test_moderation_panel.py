"""The moderation panel through real widgets: keyboard-only clearing, undo, bulk, safety."""

from __future__ import annotations

import json
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from newsdesk.moderation import reviews
from newsdesk.moderation import rule_store as moderation_rules
from newsdesk.store.models import Review
from newsdesk.ui.moderation.panel import ModerationPanel
from newsdesk.ui.moderation.review_model import ReviewQueueModel
from newsdesk.ui.workers import PROGRESS_DELAY_MS, Job
from tests.review_helpers import make_stories, record, write_json

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def panel(main_window, qtbot):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)  # shortcuts need an active window
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    moderation = main_window.moderation
    assert main_window.stack.currentWidget() is moderation
    assert moderation.view.hasFocus()
    return moderation


def status_of(review_id: int) -> str:
    return Review.get_by_id(review_id).status


def queue_ids(panel: ModerationPanel) -> list[int]:
    return [row.id for row in panel.model.rows]


def key(qtbot, panel, letter: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(panel.view, getattr(Qt.Key, f"Key_{letter}"), modifier)


def test_clear_the_queue_with_only_the_keyboard(panel, qtbot):
    pending = queue_ids(panel)
    assert len(pending) == 43 and panel.tabs.tabText(0) == "Pending (43)"
    assert panel.current_review_id() == pending[0]
    key(qtbot, panel, "J")
    key(qtbot, panel, "J")
    key(qtbot, panel, "K")
    assert panel.current_review_id() == pending[1]
    key(qtbot, panel, "A")
    assert status_of(pending[1]) == "approved"
    assert panel.current_review_id() == pending[2]  # the next review is selected
    key(qtbot, panel, "R")
    key(qtbot, panel, "S")
    assert [status_of(i) for i in pending[1:4]] == ["approved", "rejected", "spam"]
    assert panel.tabs.tabText(0) == "Pending (40)"
    # Undo, many levels, newest first; the undone review is selected again.
    key(qtbot, panel, "Z")
    assert status_of(pending[3]) == "pending" and panel.current_review_id() == pending[3]
    key(qtbot, panel, "Z")
    key(qtbot, panel, "Z")
    assert [status_of(i) for i in pending[1:4]] == ["pending"] * 3
    assert panel.current_review_id() == pending[1]
    # Bulk: select three with X (moving with J), then Shift+S marks them all as spam.
    key(qtbot, panel, "X")
    key(qtbot, panel, "J")
    key(qtbot, panel, "J")
    key(qtbot, panel, "X")
    key(qtbot, panel, "J")
    key(qtbot, panel, "X")
    key(qtbot, panel, "S", SHIFT)
    chosen = [pending[1], pending[3], pending[4]]
    assert [status_of(i) for i in chosen] == ["spam"] * 3
    assert status_of(pending[2]) == "pending"
    assert panel.tabs.tabText(4) == "Spam (3)"
    key(qtbot, panel, "Z")  # one Z undoes the whole bulk decision
    assert [status_of(i) for i in chosen] == ["pending"] * 3
    # Clear the rest: one key per review.
    for _ in range(43):
        key(qtbot, panel, "A")
    assert panel.model.rowCount() == 0 and panel.tabs.tabText(0) == "Pending (0)"
    assert Review.select().where(Review.status == "pending").count() == 0
    key(qtbot, panel, "A")  # nothing left: no crash, a message instead


def test_undo_never_touches_the_wrong_review_after_the_queue_changes(panel, qtbot):
    first, second = queue_ids(panel)[:2]
    key(qtbot, panel, "R")
    panel.search.setText("e")  # the queue is filtered and re-read meanwhile
    panel._apply_filter_now()
    panel.set_queue("flagged")
    panel.view.setFocus()
    key(qtbot, panel, "A")
    flagged_choice = [i for i in queue_ids(panel)][:1]
    key(qtbot, panel, "Z")
    key(qtbot, panel, "Z")
    assert status_of(first) == "pending" and status_of(second) == "pending"
    assert Review.select().where(Review.status == "approved").count() == 0
    assert flagged_choice  # the flagged queue still shows its reviews


def test_bulk_without_a_selection_says_so(panel, qtbot):
    with qtbot.waitSignal(panel.message) as blocker:
        key(qtbot, panel, "A", SHIFT)
    assert blocker.args == ["Select reviews with X first"]


def test_ban_author_rejects_their_pending_reviews_and_undoes(panel, qtbot):
    panel.author_filter.setText("tofiq")
    panel._apply_filter_now()
    assert panel.tabs.tabText(0) == "Pending (4)"
    panel.ban_current_author(reject_pending=True)
    assert panel.model.rowCount() == 0
    assert "tofiq.nasirli@example.com" in moderation_rules.load_rules().banned_authors
    key(qtbot, panel, "Z")
    assert panel.model.rowCount() == 4
    assert moderation_rules.load_rules().banned_authors == ["spam.bot@example.net"]


def test_detail_shows_text_flags_history_as_plain_text(panel, qtbot):
    panel.search.setText("<script>")
    panel._apply_filter_now()
    detail = panel.detail
    assert detail.text.toPlainText() == "<script>alert('xss')</script> Nice article."
    for label in (detail.header, detail.story, detail.flags, detail.history):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert detail.history.text().startswith("Author history: 0 approved")
    panel.search.setText("i\u200bd")
    panel.search.clear()
    panel.set_queue("flagged")
    panel.author_filter.setText("Zaur")
    panel._apply_filter_now()
    assert "i⟨ZWSP⟩d⟨ZWSP⟩i⟨ZWSP⟩o⟨ZWSP⟩t" in detail.text.toPlainText()
    assert "⚑ suspect word: idiot" in detail.flags.text()
    panel.author_filter.setText("Best Deals")
    panel._apply_filter_now()
    shown = detail.text.toPlainText()
    assert "\u202e" not in shown and "⟨RLO⟩moc.elpmaxe" in shown
    assert "\u202e" not in panel.model.data(panel.model.index(0, 0))


def test_author_name_with_html_is_not_rendered(panel, qtbot, tmp_path):
    slug = "parliament-passes-amended-media-law"
    path = write_json(tmp_path / "x.json", [record(
        "x1", article=slug, author="<b>Bold</b> <img src=x onerror=alert(1)>",
        text='<a href="javascript:alert(1)">click</a>')])
    with qtbot.waitSignal(panel.import_finished, timeout=30_000) as blocker:
        panel.import_file(path)
    assert blocker.args[0] is True
    panel.author_filter.setText("Bold")
    panel._apply_filter_now()
    assert panel.detail.header.text().startswith("<b>Bold</b> <img")
    assert panel.detail.header.textFormat() == Qt.TextFormat.PlainText
    assert panel.detail.text.toPlainText() == '<a href="javascript:alert(1)">click</a>'


def test_file_menu_import_runs_in_a_worker_and_refreshes(main_window, qtbot, tmp_path):
    panel = main_window.moderation
    file_menu = main_window.menuBar().actions()[0].menu()
    assert main_window.import_reviews_action in file_menu.actions()
    slug = "flood-relief-reaches-sabirabad-villages"
    path = tmp_path / "new.jsonl"
    path.write_text("\n".join(json.dumps(record(f"n{i}", article=slug,
                                                text=f"New review {i} here."))
                              for i in range(3)))
    main_window.show_mode("moderation")
    with qtbot.waitSignal(panel.import_finished, timeout=30_000) as blocker:
        panel.import_file(path)
    assert blocker.args == [True, "Imported 3 reviews (0 flagged, 0 rejected by rules); "
                                  "skipped 0 already imported"]
    assert panel.tabs.tabText(0) == "Pending (46)"


def test_failed_import_changes_nothing_and_says_where(panel, qtbot, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,article,author,text\nb1,x,y,z\n")
    with qtbot.waitSignal(panel.import_finished, timeout=30_000) as blocker:
        panel.import_file(path)
    assert blocker.args == [False, f"{path}:1: submitted: missing column submitted"]
    assert Review.select().count() == 46


def _visible_progress_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def _window_is_free(panel, qtbot) -> bool:
    """No job dialog is left (or shows up later, once its delay has passed) and the
    window takes a key typed through the window system (a modal dialog would eat it)."""
    qtbot.wait(2 * PROGRESS_DELAY_MS + 100)
    if _visible_progress_dialogs() or QApplication.activeModalWidget() is not None:
        return False
    before = panel.current_review_id()
    panel.view.setFocus()
    QTest.keyClick(panel.window().windowHandle(), Qt.Key.Key_J)
    return panel.current_review_id() != before


def test_a_finished_import_leaves_no_dialog(panel, qtbot, tmp_path):
    path = write_json(tmp_path / "one.json", [record(
        "one", article="parliament-passes-amended-media-law")])
    with qtbot.waitSignal(panel.import_finished, timeout=30_000) as blocker:
        panel.import_file(path)
    assert blocker.args[0] is True
    assert _window_is_free(panel, qtbot)


def test_cancel_during_an_import_keeps_nothing_and_frees_the_window(panel, qtbot, tmp_path,
                                                                    monkeypatch):
    slug = "parliament-passes-amended-media-law"
    path = write_json(tmp_path / "many.json", [record(f"m{n}", article=slug,
                                                      text=f"Review number {n}.")
                                               for n in range(2500)])
    gate = threading.Event()
    reported = []
    real_report = Job.report

    def held(job, done, total, label=None):  # after the first 1,000 rows, until Cancel
        reported.append(done)
        if done:
            gate.wait(10)
        real_report(job, done, total, label)

    monkeypatch.setattr(Job, "report", held)
    before = Review.select().count()
    with qtbot.waitSignal(panel.import_finished, timeout=30_000) as blocker:
        panel.import_file(path)
        qtbot.waitUntil(lambda: len(_visible_progress_dialogs()) == 1, timeout=10_000)
        progress = _visible_progress_dialogs()[0]
        assert QApplication.activeModalWidget() is progress
        qtbot.mouseClick(progress.findChild(QPushButton), Qt.MouseButton.LeftButton)
        gate.set()
    assert blocker.args == [False, "import cancelled; nothing was imported"]
    assert 2500 not in reported  # stopped before the end
    assert Review.select().count() == before
    assert "Import failed: import cancelled" in main_window_message(panel)
    assert _window_is_free(panel, qtbot)  # no warning box: the user asked for it


def test_help_overlay_opens_with_question_mark_and_any_key_closes(panel, qtbot):
    qtbot.keyClick(panel.view, Qt.Key.Key_Question)
    assert panel.overlay.isVisible()
    qtbot.keyClick(panel.overlay, Qt.Key.Key_Escape)
    assert not panel.overlay.isVisible()


def test_rules_dialog_saves_rules(panel, qtbot):
    from newsdesk.ui.moderation.dialogs import RulesDialog

    dialog = RulesDialog(panel)
    qtbot.addWidget(dialog)
    assert "scum" in dialog.banned_words.toPlainText()
    dialog.suspect_words.setPlainText("grant\n  \nidiot")
    dialog.max_links.setValue(5)
    dialog.accept()
    rules = moderation_rules.load_rules()
    assert rules.suspect_words == ["grant", "idiot"] and rules.max_links == 5


def test_saving_rules_checks_the_pending_reviews_again_and_z_undoes(panel, qtbot,
                                                                   monkeypatch):
    import re

    from newsdesk.moderation.rules import normalise
    from newsdesk.ui.moderation.dialogs import RulesDialog

    target = panel.current_review_id()
    # The longest word of its text, as the rules compare words (folded: Ə as e, ğ as g).
    word = max(re.findall(r"\w+", normalise(Review.get_by_id(target).text)), key=len)
    others = [r.id for r in Review.select().where(Review.status == "pending")
              if re.search(rf"\b{word}\b", normalise(r.text))]
    pending_before = len(queue_ids(panel))

    def fill_and_save(dialog):  # what the moderator types, then Save
        assert dialog.recheck.isChecked() and f"{pending_before}" in dialog.recheck.text()
        dialog.banned_words.setPlainText(dialog.banned_words.toPlainText() + f"\n{word}")
        dialog.accept()
        return 1

    monkeypatch.setattr(RulesDialog, "exec", fill_and_save)
    with qtbot.waitSignal(panel.recheck_finished, timeout=30_000) as blocker:
        panel.edit_rules()
    assert blocker.args == [True]
    assert status_of(target) == "rejected" and target not in queue_ids(panel)
    assert len(queue_ids(panel)) == pending_before - len(others)
    assert "rejected" in main_window_message(panel)
    key(qtbot, panel, "Z")
    assert status_of(target) == "pending" and target in queue_ids(panel)


def main_window_message(panel) -> str:
    return panel.window().statusBar().currentMessage()


def test_queue_model_is_lazy_and_passes_the_model_tester(db, qtmodeltester):
    make_stories()
    records = [reviews.ReviewRecord(record(f"r{n}", text=f"Review {n}.",
                                           submitted=f"2023-01-01T00:{n // 60:02d}:{n % 60:02d}Z"),
                                    n) for n in range(450)]
    reviews.import_records(records, source="t")
    model = ReviewQueueModel()
    from newsdesk.moderation.queues import QueueFilter

    model.set_filter(QueueFilter("pending"))
    assert model.rowCount() == 200 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    assert len({row.id for row in model.rows}) == 450
    model.toggle_mark(3)
    assert model.marked_ids() == [model.review_id(3)]
    qtmodeltester.check(model)


def test_letters_typed_in_the_search_box_are_text_not_decisions(panel, qtbot):
    before = queue_ids(panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert panel.search.hasFocus()
    qtbot.keyClicks(panel.search, "ARSZ")
    assert panel.search.text() == "ARSZ"
    assert Review.select().where(Review.status == "approved").count() == 0
    panel.search.clear()
    panel._apply_filter_now()
    assert queue_ids(panel) == before and panel.view.hasFocus()


def test_a_100_kb_review_is_shown_whole_in_the_pane_and_clipped_in_the_list(panel, qtbot,
                                                                           tmp_path):
    text = ("long words " * 10_000).strip()
    path = write_json(tmp_path / "big.json", [record(
        "big", article="parliament-passes-amended-media-law", author="Verbose", text=text)])
    with qtbot.waitSignal(panel.import_finished, timeout=30_000):
        panel.import_file(path)
    panel.author_filter.setText("Verbose")
    panel._apply_filter_now()
    assert panel.detail.text.toPlainText() == text
    assert len(panel.model.data(panel.model.index(0, 0))) < 300
    assert "very long (109,999 characters)" in panel.detail.flags.text()


def test_queue_and_splitter_are_remembered(qtbot, demo_db, settings):
    from newsdesk.ui.main_window import MainWindow

    first = MainWindow(demo_db, settings)
    qtbot.addWidget(first)
    first.show()
    first.show_mode("moderation")
    first.moderation.set_queue("rejected")
    first.moderation.splitter.setSizes([300, 900])
    sizes = first.moderation.splitter.sizes()
    first.close()
    second = MainWindow(demo_db, settings)
    qtbot.addWidget(second)
    second.show()
    assert second.moderation.current_queue() == "rejected"
    restored = second.moderation.splitter.sizes()
    # The window may be laid out at another width: the proportion is what is kept.
    assert abs(restored[0] / sum(restored) - sizes[0] / sum(sizes)) < 0.02
    assert second.moderation.tabs.tabText(3) == "Rejected (3)"


def test_review_times_are_the_users_local_time_with_the_zone_named(three_hours_east, panel,
                                                                   qtbot):
    review_id = panel.current_review_id()
    stored = Review.get_by_id(review_id).submitted_at  # naive UTC
    local = f"{stored + three_hours_east:%Y-%m-%d %H:%M}"
    assert f"· {local} TST ·" in panel.detail.header.text()
    index = panel.model.index(0, 0)
    assert f"· {local} ·" in panel.model.data(index)
    assert f"{stored:%Y-%m-%d %H:%M}" not in panel.model.data(index)
    assert f"Submitted {local} TST" in panel.model.data(index, Qt.ItemDataRole.ToolTipRole)
    key(qtbot, panel, "A")
    moderated = Review.get_by_id(review_id).moderated_at
    panel.set_queue("approved")
    panel.select_row(panel.model.find(review_id))
    assert f"approved {moderated + three_hours_east:%Y-%m-%d %H:%M} TST" \
        in panel.detail.header.text()


def test_flagged_and_unflagged_rows_line_up(panel):
    """Each row's icon (a flag, or a blank) takes the same room, so the texts align."""
    size = panel.view.iconSize()
    rows = {bool(row.flag_codes): number for number, row in enumerate(panel.model.rows)}
    assert set(rows) == {True, False}
    for number in rows.values():
        decoration = panel.model.data(panel.model.index(number, 0),
                                      Qt.ItemDataRole.DecorationRole)
        assert decoration.actualSize(size) == size


def test_a_decision_is_recorded_under_the_name_from_preferences(panel, qtbot):
    from newsdesk.ui.settings import USER_NAME

    USER_NAME.write(panel.settings, "Leyla Sultanova")
    review_id = panel.current_review_id()
    key(qtbot, panel, "S")
    assert Review.get_by_id(review_id).moderated_by == "Leyla Sultanova"
    panel.set_queue("spam")
    panel.select_row(panel.model.find(review_id))
    assert "by Leyla Sultanova" in panel.detail.header.text()


def test_a_decision_on_a_read_only_disk_says_why_and_the_review_stays(panel, qtbot,
                                                                      main_window):
    # (Through the window's status bar, where the moderator sees it.)
    pending = queue_ids(panel)
    messages = []
    panel.message.connect(messages.append)
    opened = main_window.opened
    opened.database.pragma("query_only", 1, permanent=True)
    try:
        key(qtbot, panel, "A")
    finally:
        opened.database.pragma("query_only", 0, permanent=True)
    assert messages == [f"Nothing was decided: {opened.target}: the database is read-only"]
    assert status_of(pending[0]) == "pending" and panel.current_review_id() == pending[0]
    key(qtbot, panel, "A")  # the disk is back: the same key decides
    assert status_of(pending[0]) == "approved"

"""File > Export: the dialog, its worker thread, cancel, and the staff end-to-end story."""

from __future__ import annotations

import threading
from urllib.parse import quote

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from newsdesk.errors import UserError
from newsdesk.moderation import reviews
from newsdesk.publish import export as export_module
from newsdesk.publish.export import transaction
from newsdesk.store.models import Review
from newsdesk.stories import articles
from newsdesk.ui.workers import PROGRESS_DELAY_MS


def _open_dialog(main_window, qtbot):
    # A shortcut reaches only the active window (the previous test's dialog may be it).
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = main_window.export_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)  # closed after the test, so no window is left to take focus
    return dialog


def _set_folder(dialog, qtbot, folder):
    dialog.folder_edit.clear()
    qtbot.keyClicks(dialog.folder_edit, str(folder))


def test_export_action_is_in_the_file_menu(main_window):
    file_menu = main_window.menuBar().actions()[0].menu()
    assert main_window.export_action in file_menu.actions()
    assert main_window.export_action.shortcut().toString() == "Ctrl+E"


def test_staff_export_a_ready_story_with_reviews_from_the_window(main_window, qtbot, tmp_path):
    story = articles.create_article({
        "headline": "Opposition rally permitted in Baku", "dateline_place": "Baku",
        "body": "The city council allowed the rally.", "status": "ready"})
    records = [reviews.ReviewRecord({"id": f"e2e-{n}", "article": story.slug,
                                     "author": author, "text": text,
                                     "submitted": "2024-01-02T10:00:00Z"}, n)
               for n, (author, text) in enumerate([
                   ("Approved Reader", "Thoughtful and approved."),
                   ("Rejected Reader", "Rejected and rude.")], 1)]
    reviews.import_records(records, "e2e")
    reviews.decide([Review.get(Review.external_id == "e2e-1").id], "approved")
    reviews.decide([Review.get(Review.external_id == "e2e-2").id], "rejected")

    dialog = _open_dialog(main_window, qtbot)
    out = tmp_path / "public site"
    _set_folder(dialog, qtbot, out)
    assert dialog.format_combo.currentData() == "site"
    assert [s for s, c in dialog.status_checks.items() if c.isChecked()] == ["ready",
                                                                             "published"]
    with qtbot.waitSignal(dialog.exported, timeout=30000) as caught:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    result = caught.args[0]
    assert result.out == out and result.written == result.stories > 1
    assert "written" in dialog.summary_label.text() and str(out) in dialog.summary_label.text()
    assert "written" in main_window.statusBar().currentMessage()
    page = (out / "stories" / f"{story.slug}.html").read_text(encoding="utf-8")
    assert "Opposition rally permitted in Baku" in page
    assert "Approved Reader" in page and "Thoughtful and approved." in page
    assert "Rejected Reader" not in page and "Rejected and rude." not in page
    assert dialog.export_button.isEnabled()


def test_dialog_exports_ninjs_with_the_chosen_version(main_window, qtbot, tmp_path):
    dialog = _open_dialog(main_window, qtbot)
    _set_folder(dialog, qtbot, tmp_path / "n")
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("ninjs"))
    assert dialog.version_combo.isEnabled() and not dialog.networks_box.isEnabled()
    dialog.version_combo.setCurrentIndex(dialog.version_combo.findData("3.1"))
    dialog.status_checks["killed"].setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = next((tmp_path / "n").glob("*.json")).read_text()
    assert '"versionCreated"' in text


def test_cancel_leaves_the_previous_export(main_window, qtbot, tmp_path, monkeypatch):
    dialog = _open_dialog(main_window, qtbot)
    out = tmp_path / "site"
    _set_folder(dialog, qtbot, out)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    before = sorted(p.name for p in out.rglob("*"))
    gate = threading.Event()
    real_check = export_module.check_headers

    def held(headers):  # holds the worker until the user has pressed Cancel
        gate.wait(10)
        return real_check(headers)

    monkeypatch.setattr(export_module, "check_headers", held)
    dialog.full_check.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_dialog is not None)
    dialog.progress_dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    gate.set()
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary_label.text(), timeout=30000)
    assert sorted(p.name for p in out.rglob("*")) == before
    qtbot.waitUntil(lambda: not dialog.is_running())


# -- the progress dialog never outstays the export ----------------------------------------

def _open_a_story(main_window):
    story = articles.create_article({"headline": "Draft to type into", "body": "Start."})
    main_window.desk.open_article(story.id)
    return main_window.desk.editor.body


def _window_takes_keys(main_window, qtbot, body) -> bool:
    """Type through the window system, as a keyboard does: Qt drops such keys while a
    modal dialog blocks the window (QTest on a widget would go around the block)."""
    main_window.activateWindow()
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    before = body.toPlainText()
    for char in " typed":
        QTest.keyClick(main_window.windowHandle(), char)
    return body.toPlainText() == before + " typed"


def _progress_dialogs():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def _settled(qtbot):
    """Wait past the time after which a progress dialog shows itself, so one left
    behind (its show timer still running) would be on screen by now."""
    qtbot.wait(2 * PROGRESS_DELAY_MS + 100)


def _nothing_modal_left(main_window, qtbot, dialog) -> None:
    _settled(qtbot)
    assert _progress_dialogs() == []
    assert QApplication.activeModalWidget() is None
    assert not dialog.is_running() and dialog.export_button.isEnabled()


def _hold_after_first_file(monkeypatch):
    """The worker waits after its first file until the test lets it go (the user needs
    a moment to see the progress dialog and press Cancel)."""
    gate = threading.Event()
    real = transaction._make_and_write
    written = []

    def held(folder, item):
        if written:
            gate.wait(10)
        real(folder, item)
        written.append(item.path)

    monkeypatch.setattr(transaction, "_make_and_write", held)
    return gate, written


def test_a_finished_export_leaves_no_dialog_and_the_window_takes_keys(
        main_window, qtbot, tmp_path):
    body = _open_a_story(main_window)
    dialog = _open_dialog(main_window, qtbot)
    _set_folder(dialog, qtbot, tmp_path / "site")
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    _nothing_modal_left(main_window, qtbot, dialog)
    assert _window_takes_keys(main_window, qtbot, body)
    # And again: a second export from the same dialog behaves the same.
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    _nothing_modal_left(main_window, qtbot, dialog)
    assert _window_takes_keys(main_window, qtbot, body)


@pytest.mark.parametrize("how", ["Cancel button", "Escape"])
def test_cancel_pressed_mid_export_stops_it_and_frees_the_window(
        main_window, qtbot, tmp_path, monkeypatch, how):
    body = _open_a_story(main_window)
    dialog = _open_dialog(main_window, qtbot)
    out = tmp_path / "site"
    _set_folder(dialog, qtbot, out)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    gate, written = _hold_after_first_file(monkeypatch)
    dialog.full_check.setChecked(True)  # every file again: many left to write
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_progress_dialogs()) == 1, timeout=10000)
    progress = _progress_dialogs()[0]
    assert QApplication.activeModalWidget() is progress  # the window waits for the export
    assert not _window_takes_keys(main_window, qtbot, body)
    cancel = progress.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    if how == "Escape":
        progress.activateWindow()  # a window manager activates it; offscreen has none
        qtbot.waitUntil(progress.isActiveWindow)
        QTest.keyClick(progress.windowHandle(), Qt.Key.Key_Escape)
    else:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not progress.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: "cancelled" in dialog.summary_label.text(), timeout=30000)
    assert len(written) <= 2  # stopped at the next file, not at the end
    assert dialog.result is None
    _nothing_modal_left(main_window, qtbot, dialog)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    # No staging folder left (the lock file beside the folder stays: it is only locked
    # while an export runs).
    assert [p.name for p in tmp_path.glob(".site*")] == [".site.newsdesk-lock"]
    assert _window_takes_keys(main_window, qtbot, body)


def test_a_failed_export_shows_why_and_frees_the_window(main_window, qtbot, tmp_path):
    body = _open_a_story(main_window)
    dialog = _open_dialog(main_window, qtbot)
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    _set_folder(dialog, qtbot, a_file)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Export failed" in dialog.summary_label.text(), timeout=30000)
    assert "is a file" in dialog.summary_label.text()
    _nothing_modal_left(main_window, qtbot, dialog)
    assert _window_takes_keys(main_window, qtbot, body)
    dialog.folder_edit.clear()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "choose a folder" in dialog.summary_label.text()


def test_an_export_failing_midway_frees_the_window(main_window, qtbot, tmp_path,
                                                   monkeypatch):
    body = _open_a_story(main_window)
    dialog = _open_dialog(main_window, qtbot)
    gate, written = _hold_after_first_file(monkeypatch)
    held = transaction._make_and_write

    def disk_full(folder, item):  # the second file fails, once the user saw progress
        held(folder, item)
        if len(written) == 2:
            raise UserError("no space left on device", file=item.path)

    monkeypatch.setattr(transaction, "_make_and_write", disk_full)
    _set_folder(dialog, qtbot, tmp_path / "site")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(_progress_dialogs()) == 1, timeout=10000)
    gate.set()
    qtbot.waitUntil(lambda: "Export failed" in dialog.summary_label.text(), timeout=30000)
    assert "no space left on device" in dialog.summary_label.text()
    _nothing_modal_left(main_window, qtbot, dialog)
    assert not (tmp_path / "site").exists()
    assert _window_takes_keys(main_window, qtbot, body)


def test_share_networks_chosen_in_the_dialog_are_kept(main_window, qtbot, tmp_path):
    from newsdesk.publish.site import configured_share_networks
    from newsdesk.ui.dialogs.export import ExportDialog

    dialog = _open_dialog(main_window, qtbot)
    _set_folder(dialog, qtbot, tmp_path / "site")
    dialog.network_checks["telegram"].setChecked(False)
    dialog.network_checks["whatsapp"].setChecked(False)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    page = next((tmp_path / "site" / "stories").glob("*.html")).read_text()
    assert "t.me/share" not in page and "twitter.com/intent" in page
    assert configured_share_networks() == ("facebook", "x", "email")
    again = ExportDialog(main_window.settings, main_window)
    qtbot.addWidget(again)
    assert not again.network_checks["telegram"].isChecked()
    assert again.network_checks["x"].isChecked()
    assert again.folder_edit.text() == str(tmp_path / "site")


def test_site_address_and_reviews_email_set_in_the_dialog_reach_the_pages(
        main_window, qtbot, tmp_path):
    from newsdesk.publish.site import stored_site_address
    from newsdesk.ui.dialogs.export import ExportDialog

    dialog = _open_dialog(main_window, qtbot)
    _set_folder(dialog, qtbot, tmp_path / "site")
    qtbot.keyClicks(dialog.site_url_edit, "https://news.example.az/")
    qtbot.keyClicks(dialog.review_email_edit, "reviews@example.az")
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    page_path = next((tmp_path / "site" / "stories").glob("*.html"))
    page = page_path.read_text()
    public = "https://news.example.az/stories/" + page_path.name
    assert "facebook.com/sharer/sharer.php?u=" + quote(public, safe="") in page
    assert 'href="mailto:reviews@example.az?subject=' in page
    feed = (tmp_path / "site" / "feed.atom").read_text()
    assert public in feed
    assert stored_site_address() == ("https://news.example.az/", "reviews@example.az")
    again = ExportDialog(main_window.settings, main_window)
    qtbot.addWidget(again)
    assert again.site_url_edit.text() == "https://news.example.az/"


def test_site_language_chosen_in_the_dialog_is_the_index_and_feeds_language(
        main_window, qtbot, tmp_path):
    from newsdesk.publish.site import stored_site_language
    from newsdesk.ui.dialogs.export import ExportDialog

    dialog = _open_dialog(main_window, qtbot)
    _set_folder(dialog, qtbot, tmp_path / "site")
    combo = dialog.language_combo
    assert combo.currentData() == "en"
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "English", "Azərbaycan", "Русский"]  # each in its own language
    combo.setCurrentIndex(combo.findData("ru"))
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in index and "Лента новостей" in index
    assert "Лента новостей" in (tmp_path / "site" / "feed.atom").read_text(encoding="utf-8")
    assert stored_site_language() == "ru"
    again = ExportDialog(main_window.settings, main_window)
    qtbot.addWidget(again)
    assert again.language_combo.currentData() == "ru"


def test_a_bad_site_address_is_refused_before_anything_is_written(main_window, qtbot,
                                                                   tmp_path):
    dialog = _open_dialog(main_window, qtbot)
    _set_folder(dialog, qtbot, tmp_path / "site")
    qtbot.keyClicks(dialog.site_url_edit, 'javascript:alert("x")')
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "site address: not a web address" in dialog.summary_label.text()
    assert not (tmp_path / "site").exists() and not dialog.is_running()
    dialog.site_url_edit.setText("https://news.example.az")
    qtbot.keyClicks(dialog.review_email_edit, "not an address")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "reviews e-mail: not an e-mail address" in dialog.summary_label.text()
    assert not (tmp_path / "site").exists()


def test_closing_the_window_closes_the_export_dialog(main_window, qtbot):
    dialog = _open_dialog(main_window, qtbot)
    main_window.close()
    assert not dialog.isVisible()


def test_the_dialog_asks_for_the_site_address_the_feeds_need(main_window, qtbot, tmp_path):
    import feedparser

    from newsdesk.publish.site import stored_site_address

    dialog = _open_dialog(main_window, qtbot)
    out = tmp_path / "site"
    _set_folder(dialog, qtbot, out)
    assert dialog.site_url_edit.text() == "" and dialog.site_url_request.isVisible()
    assert "site's public address" in dialog.site_url_request.text()
    with qtbot.waitSignal(dialog.exported, timeout=30000):  # still exports, and says why
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    summary = dialog.summary_label.text()
    assert "written" in summary and "Warning: the feeds' links are relative" in summary
    assert dialog.focusWidget() is dialog.site_url_edit
    qtbot.keyClicks(dialog.site_url_edit, "https://news.example.az/")
    assert not dialog.site_url_request.isVisible()
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Warning" not in dialog.summary_label.text()
    assert stored_site_address()[0] == "https://news.example.az/"
    feed = feedparser.parse((out / "feed.rss").read_bytes())
    assert feed.entries and all(entry.link.startswith("https://news.example.az/stories/")
                                for entry in feed.entries)
    dialog.site_url_edit.clear()
    assert dialog.site_url_request.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("markdown"))
    assert not dialog.site_url_request.isVisible()  # no feeds in a Markdown export

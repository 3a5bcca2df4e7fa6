"""The editor's pictures strip in the real window: Ctrl+Shift+I, drag-and-drop and paste
onto the story, thumbnails made on the worker, caption, credit and alt text in place."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QKeySequence,
    QTextCursor,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from newsdesk.stories import articles, pictures
from tests.picture_helpers import jpeg, png
from tests.ui.test_editor import type_at_end

WAIT = 10_000


@pytest.fixture
def story(db):
    return articles.create_article({
        "headline": "Port workers end strike", "body": "Dockers went back.",
        "status": "edited", "dateline_place": "Baku", "dateline_date": date(2023, 5, 9),
        "dateline_source": "Turan"})


@pytest.fixture
def desk(story, window):
    """The shared window's desk (tests/ui/conftest.py) with the story open."""
    window.desk.open_article(story.id)
    return window.desk


def _wait_pictures(qtbot, desk, count):
    panel = desk.pictures_panel
    qtbot.waitUntil(lambda: panel.strip.count() == count and not panel.jobs.busy(),
                    timeout=WAIT)
    return panel


def _drop(widget, mime):
    position = QPointF(widget.rect().center())
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(position.toPoint(), actions, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(position.toPoint(), actions, mime, Qt.MouseButton.LeftButton,
                          Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(position, actions, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_ctrl_shift_i_adds_a_picture_with_its_metadata_and_a_thumbnail(qtbot, desk, story,
                                                                       tmp_path, monkeypatch):
    image = tmp_path / "port.jpg"
    image.write_bytes(jpeg((400, 300), iptc={"caption": "Dockers at the port",
                                            "credit": "Turan"}))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(image)], ""))
    desk.editor.body.setFocus()
    QTest.keySequence(desk.window(), QKeySequence("Ctrl+Shift+I"))
    panel = _wait_pictures(qtbot, desk, 1)
    assert not panel.thumbnail(0).isNull() and panel.thumbnail(0).width() <= 240
    assert panel.caption.text() == "Dockers at the port" and panel.credit.text() == "Turan"
    assert "without alt text" in panel.status.text()
    (stored,) = pictures.pictures_of(story.id)
    assert stored.lead and stored.caption == "Dockers at the port"


def test_alt_text_edited_in_place_lets_the_story_be_ready(qtbot, desk, story):
    pictures.add_picture(story.id, jpeg(), "a.jpg")
    desk.pictures_panel.reload()
    panel = _wait_pictures(qtbot, desk, 1)
    with pytest.raises(articles.UserError, match="alt text"):
        articles.set_status(story.id, "ready")
    panel.alt.setFocus()
    qtbot.keyClicks(panel.alt, "Dockers walk to the gate")
    qtbot.keyClick(panel.alt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: pictures.pictures_of(story.id)[0].alt == "Dockers walk to the gate",
                    timeout=WAIT)
    qtbot.waitUntil(lambda: panel.status.text() == "", timeout=WAIT)
    panel.caption.setText("<b>Bold?</b> & more")
    panel.caption.editingFinished.emit()
    qtbot.waitUntil(lambda: pictures.pictures_of(story.id)[0].caption
                    == "<b>Bold?</b> & more", timeout=WAIT)
    qtbot.waitUntil(lambda: "&lt;b&gt;" in panel.strip.item(0).toolTip(), timeout=WAIT)
    assert articles.set_status(story.id, "ready").status == "ready"


def test_dropping_image_files_on_the_story_adds_them_not_text(qtbot, desk, story, tmp_path):
    first, second = tmp_path / "one.jpg", tmp_path / "two.png"
    first.write_bytes(jpeg())
    second.write_bytes(png())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(first)), QUrl.fromLocalFile(str(second))])
    drop = _drop(desk.editor.body.viewport(), mime)
    assert drop.isAccepted()
    _wait_pictures(qtbot, desk, 2)
    assert desk.editor.body.toPlainText() == "Dockers went back."
    assert desk.editor.side_tabs.currentWidget() is desk.pictures_page
    assert [p.content_type for p in pictures.pictures_of(story.id)] == ["image/jpeg",
                                                                         "image/png"]


def test_a_broken_file_dropped_on_the_strip_is_refused_with_its_name(qtbot, desk, story,
                                                                     tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(jpeg()[:150])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad))])
    messages = []
    desk.pictures_panel.message.connect(messages.append)
    _drop(desk.pictures_panel, mime)
    qtbot.waitUntil(lambda: bool(messages), timeout=WAIT)
    assert "broken.jpg" in messages[0] and "damaged" in messages[0]
    assert pictures.pictures_of(story.id) == []


def test_pasting_an_image_on_the_story_adds_it(qtbot, desk, story):
    image = QImage(64, 32, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    # setImage, not setMimeData(a QMimeData made here): the clipboard owns what it is
    # given, and Python freed the same QMimeData again, a segfault when the test run exited.
    QApplication.clipboard().setImage(image)
    desk.editor.body.setFocus()
    desk.editor.body.paste()
    panel = _wait_pictures(qtbot, desk, 1)
    (stored,) = pictures.pictures_of(story.id)
    assert (stored.width, stored.height, stored.content_type) == (64, 32, "image/png")
    assert desk.editor.body.toPlainText() == "Dockers went back."
    assert not panel.thumbnail(0).isNull()


def test_lead_and_remove_from_the_strip(qtbot, desk, story):
    pictures.add_picture(story.id, jpeg(colour=(1, 1, 1)), "a.jpg", alt="A")
    pictures.add_picture(story.id, jpeg(colour=(200, 1, 1)), "b.jpg", alt="B")
    desk.pictures_panel.reload()
    panel = _wait_pictures(qtbot, desk, 2)
    panel.strip.setCurrentRow(1)
    qtbot.mouseClick(panel.lead, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pictures.pictures_of(story.id)[0].alt == "B", timeout=WAIT)
    _wait_pictures(qtbot, desk, 2)
    panel.strip.setCurrentRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    _wait_pictures(qtbot, desk, 1)
    assert [p.alt for p in pictures.pictures_of(story.id)] == ["B"]


def test_preview_shows_the_pictures_with_escaped_captions(qtbot, desk, story):
    from tests.ui.test_preview import WAIT as PREVIEW_WAIT
    from tests.ui.test_preview import run_js

    caption = '<img src=x onerror="document.title=1">Dockers'
    pictures.add_picture(story.id, jpeg((1200, 600)), "a.jpg", caption=caption,
                         credit="Turan", alt="Dockers")
    desk.pictures_panel.reload()
    _wait_pictures(qtbot, desk, 1)
    desk.pictures_panel.pictures_changed.emit(story.id)
    # Loaded from the preview's picture files (naturalWidth is 0 for a missing file).
    loaded = ("(function () { var i = document.querySelector('figure img'); return i ? "
              "[i.complete && i.naturalWidth > 0, i.currentSrc.slice(0, 8), "
              "i.getAttribute('width')] : null; })()")
    qtbot.waitUntil(lambda: (run_js(qtbot, desk.preview, loaded) or [False])[0] is True,
                    timeout=PREVIEW_WAIT)
    assert run_js(qtbot, desk.preview, loaded)[1:] == ["file:///", "960"]
    text = "document.querySelector('figcaption').textContent"
    assert run_js(qtbot, desk.preview, text).startswith(caption)
    assert run_js(qtbot, desk.preview, "document.querySelectorAll('figure img').length") == 1


def _gps_of(path):
    from PIL import Image

    return dict(Image.open(path).getexif().get_ifd(0x8825))


def test_export_dialog_keeps_gps_only_when_the_newsroom_chooses_to(main_window, qtbot,
                                                                   tmp_path):
    from newsdesk.publish.pictures import keeps_gps
    from newsdesk.store.models import Article
    from tests.ui.test_export_dialog import _open_dialog, _set_folder

    story = Article.select().where(Article.status == "published").first()
    pictures.add_picture(story.id, jpeg((600, 400), gps=True), "gps.jpg", alt="A place")
    dialog = _open_dialog(main_window, qtbot)
    out = tmp_path / "site"
    _set_folder(dialog, qtbot, out)
    assert not dialog.gps_check.isChecked()
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    (written,) = out.glob("pictures/*-480.jpg")
    assert _gps_of(written) == {}
    dialog.gps_check.setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=30000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert keeps_gps()
    (written,) = out.glob("pictures/*-480.jpg")
    assert _gps_of(written)[1] == "N"


def _two_pictures(qtbot, desk, story):
    lead = pictures.add_picture(story.id, jpeg(colour=(1, 1, 1)), "a.jpg", alt="Gate")
    chart = pictures.add_picture(story.id, png(), "chart.png", alt="Tonnes [2023]")
    desk.pictures_panel.reload()
    return _wait_pictures(qtbot, desk, 2), lead, chart


def _formats_at(body, text):
    """The highlighter's formats over the first block holding ``text``: (struck out,
    weight) each."""
    block = body.document().find(text).block()
    return [(r.format.fontStrikeOut(), r.format.fontWeight())
            for r in block.layout().formats()]


def test_insert_in_body_puts_the_reference_at_the_cursor(qtbot, desk, story):
    panel, _lead, chart = _two_pictures(qtbot, desk, story)
    body = desk.editor.body
    body.setFocus()
    body.moveCursor(QTextCursor.MoveOperation.End)
    panel.strip.setCurrentRow(1)
    QTest.keySequence(desk.window(), QKeySequence("Ctrl+Shift+B"))
    reference = f"![Tonnes 2023](picture:{chart.sha256[:12]})"
    assert body.toPlainText() == f"Dockers went back.\n\n{reference}"
    qtbot.waitUntil(lambda: desk.editor.dirty, timeout=WAIT)
    # Coloured as a picture of the story; once the picture is gone, flagged.
    assert (False, 700) in _formats_at(body, "picture:")
    panel.strip.setCurrentRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    _wait_pictures(qtbot, desk, 1)
    qtbot.waitUntil(lambda: any(struck for struck, _ in _formats_at(body, "picture:")),
                    timeout=WAIT)


MADE_UP = "![x](picture:abcdef123456)"  # a hash of no picture, as in a code sample


def _reference_marks(body):
    """Each block holding a picture reference: (its text, struck out, bold) over it."""
    marks, block = [], body.document().firstBlock()
    while block.isValid():
        if "picture:" in block.text():
            start = block.text().index("![")
            over = [(r.format.fontStrikeOut(), r.format.fontWeight())
                    for r in block.layout().formats() if r.start <= start < r.start + r.length]
            marks.append((block.text(), any(struck for struck, _ in over),
                          any(weight == 700 for _, weight in over)))
        block = block.next()
    return marks


def _type_lines(qtbot, body, text):
    """Typed at the end, each line break with the Return key."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(body, Qt.Key.Key_Return)
        type_at_end(qtbot, body, line)


def test_a_reference_in_code_is_text_not_a_missing_picture(qtbot, desk, story):
    _panel, lead, _chart = _two_pictures(qtbot, desk, story)
    body = desk.editor.body
    placed = f"![Gate](picture:{lead.sha256[:12]})"
    _type_lines(qtbot, body, f"\n\nType `{MADE_UP}` for a picture.\n\n```\n{MADE_UP}\n```"
                            f"\n\n    {MADE_UP}\n\n{placed}\n\n{MADE_UP}")
    expected = [
        (f"Type `{MADE_UP}` for a picture.", False, False),  # inline code
        (MADE_UP, False, False),  # in the fenced block (once its fence is closed)
        (f"    {MADE_UP}", False, False),  # indented code
        (placed, False, True),  # the story's picture
        (MADE_UP, True, False),  # outside code: no picture of the story
    ]
    qtbot.waitUntil(lambda: _reference_marks(body) == expected, timeout=WAIT)
    assert desk.editor.dirty
    # The closing fence taken away: the block's reference is no longer code, and is
    # marked again after a pause although the edit was in another line.
    fence = body.document().findBlockByNumber(4)
    assert fence.text() == "```"
    cursor = body.textCursor()
    cursor.setPosition(fence.position() + 3)
    body.setTextCursor(cursor)
    for _ in range(3):
        qtbot.keyClick(body, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: _reference_marks(body)[1] == (MADE_UP, True, False),
                    timeout=WAIT)
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _reference_marks(body)[1] == (MADE_UP, False, False),
                    timeout=WAIT)
    assert desk.editor.body.toPlainText().count("```") == 2


def test_a_thumbnail_dropped_on_the_text_is_placed_there(qtbot, desk, story):
    panel, lead, _chart = _two_pictures(qtbot, desk, story)
    assert panel.strip.dragEnabled()
    body = desk.editor.body
    body.setPlainText("First paragraph.\n\nSecond paragraph.")
    mime = panel.strip.mimeData([panel.strip.item(0)])
    drop = _drop(body.viewport(), QMimeData())  # nothing to insert: nothing changes
    assert body.toPlainText() == "First paragraph.\n\nSecond paragraph."
    cursor = body.textCursor()
    cursor.setPosition(len("First paragraph.\n"))  # the blank line between the two
    body.setTextCursor(cursor)
    body.insertFromMimeData(mime)
    assert body.toPlainText() == ("First paragraph.\n\n"
                                  f"![Gate](picture:{lead.sha256[:12]})\n\nSecond paragraph.")
    # A real drop: at the point dropped on, never as an image file or as plain text.
    body.setPlainText("Only paragraph.")
    drop = _drop(body.viewport(), mime)
    assert drop.isAccepted()
    assert f"\n\n![Gate](picture:{lead.sha256[:12]})" in body.toPlainText()
    assert len(pictures.pictures_of(story.id)) == 2


def test_move_left_and_right_change_the_order_the_exports_use(qtbot, desk, story, tmp_path):
    from newsdesk.formats.outputs import export
    from newsdesk.publish.export import ExportOptions

    panel, _lead, chart = _two_pictures(qtbot, desk, story)
    third = pictures.add_picture(story.id, jpeg(colour=(9, 200, 9)), "c.jpg", alt="Crane")
    panel.reload()
    _wait_pictures(qtbot, desk, 3)
    panel.strip.setCurrentRow(1)
    assert not panel.left_action.isEnabled()  # the lead stays first
    assert panel.right_action.isEnabled()
    desk.editor.side_tabs.setCurrentWidget(desk.pictures_page)
    panel.strip.setFocus()
    panel.strip.setCurrentRow(2)
    QTest.keyClick(panel.strip, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: [p.alt for p in pictures.pictures_of(story.id)]
                    == ["Gate", "Crane", "Tonnes [2023]"], timeout=WAIT)
    qtbot.waitUntil(lambda: panel.selected() is not None and panel.selected().id == third.id
                    and panel.strip.currentRow() == 1, timeout=WAIT)
    assert panel.right_action.isEnabled() and panel.left_action.isEnabled() is False
    articles.set_status(story.id, "ready")
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs"))
    item = __import__("json").loads((out / f"{story.slug}.json").read_text())
    assert [a["uri"][-64:] for a in item["associations"]] == [
        p.sha256 for p in pictures.pictures_of(story.id)]
    assert item["associations"][2]["uri"].endswith(chart.sha256)
    panel.strip.setCurrentRow(1)
    QTest.keyClick(panel.strip, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: [p.alt for p in pictures.pictures_of(story.id)]
                    == ["Gate", "Tonnes [2023]", "Crane"], timeout=WAIT)

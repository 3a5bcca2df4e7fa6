"""Icons drawn from qtawesome's Material Design font: the glyph centred as qtawesome
draws it, in the palette's text colour, at every baked size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QPalette, QPixmap

from newsdesk.ui import icon_font, icons
from newsdesk.ui.icon_store import DrawnIcons


def centred_in_a_rectangle(name: str, size: int) -> QImage:
    """The glyph as Qt lays it out centred in the icon's square (the reference)."""
    family, codes = icon_font.mdi6_font(icons._mdi6_files())
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont(family)
    font.setPixelSize(round(size * 0.875))
    painter.setFont(font)
    painter.setPen(QGuiApplication.palette().color(QPalette.ColorGroup.Normal,
                                                   QPalette.ColorRole.WindowText))
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter,
                     chr(int(codes[name.split(".", 1)[1]], 16)))
    painter.end()
    return pixmap.toImage()


@pytest.mark.parametrize("name", ["mdi6.newspaper-variant-outline", "mdi6.content-save",
                                  "mdi6.map-marker-outline", "mdi6.account-outline"])
def test_a_font_icon_is_its_glyph_centred_at_each_baked_size(qapp, name):
    drawn = icons._mdi6_icon(name)
    assert drawn is not None
    for size in icons.BAKED_SIZES:
        image = drawn.pixmap(size, size).toImage()
        assert image.size().width() == size
        reference = centred_in_a_rectangle(name, size)
        assert image.convertToFormat(reference.format()) == reference, (name, size)
        inked = [image.pixelColor(x, y).alpha() for x in range(size) for y in range(size)]
        assert max(inked) > 0  # something was drawn


def test_an_unknown_glyph_is_no_font_icon(qapp):
    assert icons._mdi6_icon("mdi6.no-such-glyph-here") is None


def _pixels(icon, size: int) -> QImage:
    return icon.pixmap(size, size).toImage().convertToFormat(QImage.Format.Format_ARGB32)


def test_an_icon_drawn_once_is_kept_and_read_back_without_the_font(qapp, tmp_path,
                                                                    monkeypatch):
    """A later start gives Qt the kept files: the same pixels, and the icon font is never
    loaded for them."""
    store = DrawnIcons(tmp_path / "icons", icons.BAKED_SIZES)
    monkeypatch.setattr(icons, "_drawn_icons", lambda _font, _colour: store)
    drawn = icons._mdi6_icon("mdi6.content-save")
    assert drawn is not None
    assert sorted(path.name for path in (tmp_path / "icons").iterdir()) == [
        f"content-save-{size}.png" for size in sorted(icons.BAKED_SIZES)]

    def no_font():
        raise AssertionError("the icon font was loaded for a kept icon")

    monkeypatch.setattr(icon_font, "mdi6_font", no_font)
    later_start = DrawnIcons(tmp_path / "icons", icons.BAKED_SIZES)
    monkeypatch.setattr(icons, "_drawn_icons", lambda _font, _colour: later_start)
    kept = icons._mdi6_icon("mdi6.content-save")
    assert kept is not None
    for size in icons.BAKED_SIZES:
        assert _pixels(kept, size) == _pixels(drawn, size), size


def test_icons_are_kept_per_colour(qapp, tmp_path):
    """Another palette's text colour draws into a folder of its own."""
    files = icons._mdi6_files()
    assert files is not None
    dark = DrawnIcons.for_font(files[0], 0xFF000000, icons.BAKED_SIZES)
    light = DrawnIcons.for_font(files[0], 0xFFFFFFFF, icons.BAKED_SIZES)
    assert dark.folder != light.folder
    assert dark.folder.name == f"{files[0].stem}-ff000000"


def test_a_cache_folder_that_cannot_be_written_still_gives_drawn_icons(qapp, tmp_path,
                                                                        monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder would be")
    store = DrawnIcons(blocker / "icons", icons.BAKED_SIZES)
    monkeypatch.setattr(icons, "_drawn_icons", lambda _font, _colour: store)
    drawn = icons._mdi6_icon("mdi6.history")
    assert drawn is not None and not drawn.pixmap(16, 16).isNull()
    assert store.icon("history") is None
    assert blocker.read_text() == "a file where the folder would be"


def test_a_half_written_file_is_never_read_as_an_icon(qapp, tmp_path):
    """Files are written aside and renamed: a missing size means the icon is drawn."""
    folder = tmp_path / "icons"
    folder.mkdir()
    (folder / ".history-16.png.123.part").write_bytes(b"\x89PNG")
    (folder / "history-16.png").write_bytes((folder / ".history-16.png.123.part").read_bytes())
    store = DrawnIcons(folder, icons.BAKED_SIZES)
    assert store.icon("history") is None  # 24 and 32 are missing: drawn again
    assert store.icon("../history") is None  # no name outside the folder

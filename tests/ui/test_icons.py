"""Icons drawn from qtawesome's Material Design font: the glyph centred as qtawesome
draws it, in the palette's text colour, at every baked size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QPalette, QPixmap

from newsdesk.ui import icons


def centred_in_a_rectangle(name: str, size: int) -> QImage:
    """The glyph as Qt lays it out centred in the icon's square (the reference)."""
    family, codes = icons._mdi6_font()
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

"""Drawing icons from qtawesome's Material Design font (only when no kept copy exists:
``icon_store``), without importing qtawesome (its import, through qtpy, costs about
0.3 s)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QIcon, QPainter, QPixmap


class _Codes(Mapping[str, str]):
    """Icon name -> character code in hex, found by name in the text of qtawesome's
    charmap (JSON): parsing its 7,000 entries cost each start ~3 ms for the dozen icons
    on screen."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, str | None] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self._found:
            self._found[name] = self._look_up(name)
        code = self._found[name]
        if code is None:
            raise KeyError(name)
        return code

    def _look_up(self, name: str) -> str | None:
        key = json.dumps(name)  # quoted (and escaped) as the file has it
        at = self.text.find(key)
        while at >= 0:
            rest = self.text[at + len(key):at + len(key) + 64].lstrip()
            if rest.startswith(":"):  # a key, not a value that happens to match
                value = rest[1:].lstrip()
                if value.startswith('"'):
                    return str(json.loads(value[:value.index('"', 1) + 1]))
            at = self.text.find(key, at + 1)
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(json.loads(self.text))

    def __len__(self) -> int:
        return len(json.loads(self.text))


@cache
def mdi6_font(files: tuple[Path, Path]) -> tuple[str, Mapping[str, str]] | None:
    """(font family, icon name -> character code in hex) of qtawesome's Material Design
    font, from ``files`` (its font file and charmap). The codes are turned into
    characters only for the icons asked for: 7,000 of them at each start showed in its
    profile."""
    font_file, charmap = files
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    return families[0], _Codes(charmap.read_text(encoding="utf-8"))


@cache
def _glyph_font(family: str, size: int) -> tuple[QFont, QFontMetricsF]:
    font = QFont(family)
    font.setPixelSize(round(size * 0.875))  # qtawesome's proportion
    return font, QFontMetricsF(font)


def draw_glyph(files: tuple[Path, Path], glyph: str, colour: QColor,
               sizes: tuple[int, ...]) -> QIcon | None:
    """The icon of ``glyph`` drawn from the font in ``colour`` at each of ``sizes``."""
    font = mdi6_font(files)
    code = font[1].get(glyph) if font else None
    if font is None or code is None:
        return None
    char = chr(int(code, 16))
    baked = QIcon()
    for size in sizes:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        qfont, metrics = _glyph_font(font[0], size)
        painter.setFont(qfont)
        painter.setPen(colour)
        # Centred by hand at a point: the same pixels as drawText into a rectangle with
        # AlignCenter, at half the cost (no text layout for one glyph; 49 icons at start).
        painter.drawText(QPointF((size - metrics.horizontalAdvance(char)) / 2,
                                 (size - metrics.height()) / 2 + metrics.ascent()), char)
        painter.end()
        baked.addPixmap(pixmap)
    return baked

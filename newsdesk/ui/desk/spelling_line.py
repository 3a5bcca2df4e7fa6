"""A one-line field with the spell check's underline (the headline).

QLineEdit has no character formats a program may set, so the underline is painted over
the field: the x of each character comes from a QTextLayout of the same text and font
(what QLineEdit lays out itself), anchored where QLineEdit says its cursor stands, so it
follows the field's horizontal scrolling of a long headline.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPen, QTextLayout
from PySide6.QtWidgets import QLineEdit, QWidget

from newsdesk.ui.desk.markdown_highlighter import MISSPELT_COLOR, Misspelt

# QLineEdit's cursorRect() starts this many pixels left of the cursor's x (Qt's
# QWidgetLineControl::rectForPos: QRect(x - 5, 0, width + 9, height)).
CURSOR_RECT_LEFT = 5
WAVE = 2.0  # height of the wavy underline and half its period, in pixels

class SpellingLineEdit(QLineEdit):
    """A QLineEdit that underlines what ``misspelt`` finds in its text, as the text fields'
    highlighter does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.misspelt: Misspelt | None = None

    def underlined(self) -> list[tuple[int, int]]:
        """(start, length) of each word underlined now."""
        if self.misspelt is None or self.echoMode() != QLineEdit.EchoMode.Normal:
            return []
        return self.misspelt(self.text())

    def x_of(self, position: int) -> float:
        """Where the text position ``position`` stands, in the field's coordinates (left of
        the field when scrolled out of view)."""
        line = self._layout_line()
        anchor = self.cursorRect().x() + CURSOR_RECT_LEFT
        return (anchor + line.cursorToX(position)[0]
                - line.cursorToX(self.cursorPosition())[0])

    def _layout_line(self):  # -> QTextLine (kept alive by the layout held below)
        self._layout = QTextLayout(self.text(), self.font())
        self._layout.beginLayout()
        line = self._layout.createLine()
        self._layout.endLayout()
        return line

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        ranges = self.underlined()
        if not ranges:
            return
        painter = QPainter(self)
        try:
            painter.setClipRect(self._text_area())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(MISSPELT_COLOR, 1))
            cursor = self.cursorRect()
            baseline = cursor.top() + self.fontMetrics().ascent() + 1.5
            for start, length in ranges:
                left, right = self.x_of(start), self.x_of(start + length)
                painter.drawPath(_wave(QRectF(min(left, right), baseline,
                                              abs(right - left), WAVE)))
        finally:
            painter.end()

    def _text_area(self) -> QRect:
        margins = self.textMargins()
        return self.contentsRect().adjusted(margins.left(), margins.top(),
                                            -margins.right(), -margins.bottom())


def _wave(area: QRectF) -> QPainterPath:
    """A wavy line along the top of ``area`` (the misspelling underline's shape)."""
    path = QPainterPath(QPointF(area.left(), area.bottom()))
    x, up = area.left(), True
    while x < area.right():
        x = min(x + WAVE, area.right())
        path.lineTo(QPointF(x, area.top() if up else area.bottom()))
        up = not up
    return path

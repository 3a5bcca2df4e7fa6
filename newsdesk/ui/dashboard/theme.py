"""The Dashboard's colours: series colours that read on light and dark palettes, and chart
text, axes and grid taken from the window's palette."""

from __future__ import annotations

from PySide6.QtCharts import QChart
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QPen

# Series key -> (colour on a light palette, colour on a dark one). Mostly the Okabe-Ito
# set, which colour-blind readers tell apart; the dark variants are lighter.
SERIES_COLOURS = {
    "draft": ("#7b8794", "#a7b1bc"), "edited": ("#9467bd", "#c3a3e6"),
    "ready": ("#e69f00", "#f2c14e"), "published": ("#009e73", "#3fd1a4"),
    "killed": ("#d55e00", "#ff8a4c"),
    "pending": ("#0072b2", "#56b4e9"), "approved": ("#009e73", "#3fd1a4"),
    "rejected": ("#d55e00", "#ff8a4c"), "spam": ("#cc79a7", "#e9a6cb"),
    "received": ("#0072b2", "#56b4e9"), "decided": ("#009e73", "#3fd1a4"),
    "person": ("#0072b2", "#56b4e9"), "organisation": ("#e69f00", "#f2c14e"),
    "place": ("#009e73", "#3fd1a4"),
    # The newsroom's languages keep their colours whatever their order that month.
    "en": ("#0072b2", "#56b4e9"), "az": ("#009e73", "#3fd1a4"), "ru": ("#e69f00", "#f2c14e"),
}
# Other languages, and anything else without a colour of its own, take these in turn.
CYCLE = (("#cc79a7", "#e9a6cb"), ("#d55e00", "#ff8a4c"), ("#7b8794", "#a7b1bc"),
         ("#0072b2", "#56b4e9"), ("#009e73", "#3fd1a4"), ("#e69f00", "#f2c14e"))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def series_colour(key: str, palette: QPalette, position: int = 0) -> QColor:
    light, dark = SERIES_COLOURS.get(key, CYCLE[position % len(CYCLE)])
    return QColor(dark if is_dark(palette) else light)


def blend(front: QColor, back: QColor, share: float) -> QColor:
    """``share`` of ``front`` over ``back``."""
    return QColor.fromRgbF(*(share * f + (1 - share) * b for f, b in zip(
        front.getRgbF()[:3], back.getRgbF()[:3], strict=True)))


def style_chart(chart: QChart, palette: QPalette, font: QFont) -> None:
    """Text, axes, grid and background from ``palette``; the window's font; no margins a
    small card cannot spare."""
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    chart.setBackgroundBrush(QBrush(background))
    chart.setBackgroundPen(QPen(Qt.PenStyle.NoPen))
    chart.setBackgroundRoundness(0)
    chart.setDropShadowEnabled(False)
    chart.setMargins(QMargins(2, 2, 6, 2))
    chart.layout().setContentsMargins(0, 0, 0, 0)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    legend = chart.legend()
    legend.setLabelColor(text)
    legend.setFont(font)
    title_font = QFont(font)
    title_font.setBold(True)
    for axis in chart.axes():
        axis.setLabelsColor(text)
        axis.setLabelsFont(font)
        axis.setTitleBrush(QBrush(text))
        axis.setTitleFont(title_font)
        axis.setLinePenColor(blend(text, background, 0.45))
        axis.setGridLineColor(blend(text, background, 0.14))
        axis.setShadesVisible(False)

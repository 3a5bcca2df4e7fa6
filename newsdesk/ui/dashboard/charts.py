"""One card of the Dashboard: a title, a Qt Charts chart, and a sentence when there is
nothing to draw.

A card is redrawn from scratch with each new set of figures, as bars per category
(``show_bars``: vertical or horizontal, stacked or not) or as stacked bars or lines over
days (``show_days``). A bar segment's click comes out as ``clicked(key, index)``: the key
of its set and the index of its category, which the panel maps back to its figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from newsdesk.ui.dashboard.theme import series_colour, style_chart
from newsdesk.ui.i18n import date_text

# A tooltip for a segment: (set key, category index) -> text.
Describe = Callable[[str, int], str]


@dataclass(frozen=True)
class Series:
    key: str  # what a click reports, and the colour's name
    label: str  # the legend's text
    values: Sequence[float]


def _steps() -> Iterator[int]:
    """1, 2, 5, 10, 20, 50, 100... (tick steps people read easily)."""
    scale = 1
    while True:
        for step in (1, 2, 5):
            yield step * scale
        scale *= 10


class ChartCard(QFrame):
    """A titled chart that reports clicks on its bars."""

    clicked = Signal(str, int)  # set key, category index

    def __init__(self, title: str, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # First: setting the background below already sends a palette change.
        self.describe: Describe | None = None
        self.sets: dict[str, QBarSet] = {}  # the bars drawn now, by key (tests find them)
        self.lines: dict[str, QLineSeries] = {}  # the lines drawn now, by key
        self.series: QAbstractBarSeries | None = None
        self._reversed = 0
        self.chart = QChart()
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # one surface with its chart
        self.setAutoFillBackground(True)
        self.title = QLabel(title, self)
        self.title.setObjectName("card-title")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.view = QChartView(self.chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setMinimumHeight(150)
        self.empty = QLabel("", self)
        self.empty.setObjectName("card-empty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.view)
        self.body.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)

    # -- drawing ---------------------------------------------------------------------------
    def show_empty(self, text: str) -> None:
        self._clear()
        self.empty.setText(text)
        self.body.setCurrentWidget(self.empty)

    def show_bars(self, categories: Sequence[str], sets: Sequence[Series], *,
                  value_title: str, horizontal: bool = False, stacked: bool = False,
                  legend: bool = True, describe: Describe | None = None) -> None:
        """Bars per category; ``describe`` (when given) makes them clickable, with its
        text as each segment's tooltip."""
        self._clear()
        kinds = {(False, False): QBarSeries, (False, True): QStackedBarSeries,
                 (True, False): QHorizontalBarSeries, (True, True): QHorizontalStackedBarSeries}
        series = kinds[(horizontal, stacked)]()
        if horizontal:  # drawn bottom up: reversed, they read top down like a ranking
            categories = list(reversed(categories))
            sets = [Series(s.key, s.label, list(reversed(s.values))) for s in sets]
        self._fill(series, sets, describe)
        self._reversed = len(categories) if horizontal else 0
        # Bars as thick as with four categories at most: one bar filling a card is a slab.
        series.setBarWidth(0.7 * min(1.0, len(categories) / 4))
        self.chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(list(categories))
        counts = self._count_axis(value_title, sets, stacked)
        self.chart.addAxis(names, Qt.AlignmentFlag.AlignLeft if horizontal
                           else Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom if horizontal
                           else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        series.attachAxis(counts)
        self.chart.legend().setVisible(legend and len(sets) > 1)
        self._finish()

    def show_days(self, days: Sequence[date], sets: Sequence[Series], *, value_title: str,
                  lines: bool = False) -> None:
        """One bar stack (or one point per line) per day, oldest first, with the first
        day of each week named under the axis."""
        self._clear()
        axis_days = QCategoryAxis()
        axis_days.setRange(-0.5, len(days) - 0.5)
        axis_days.setStartValue(-0.5)
        axis_days.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        for index in range(0, len(days), 7):
            axis_days.append(date_text(days[index]), index)
        counts = self._count_axis(value_title, sets, stacked=not lines)
        self.chart.addAxis(axis_days, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        if lines:
            for item in sets:
                line = QLineSeries()
                line.setName(item.label)
                line.setPointsVisible(True)
                line.append([QPointF(i, v) for i, v in enumerate(item.values)])
                self.chart.addSeries(line)
                line.attachAxis(axis_days)
                line.attachAxis(counts)
                self.lines[item.key] = line
        else:
            series = QStackedBarSeries()
            self._fill(series, sets, None)
            series.setBarWidth(0.75)
            self.chart.addSeries(series)
            series.attachAxis(axis_days)
            series.attachAxis(counts)
        self.chart.legend().setVisible(True)
        self._finish()

    def _count_axis(self, title: str, sets: Sequence[Series], stacked: bool) -> QValueAxis:
        if stacked and sets:
            top = max(sum(values) for values in zip(*(s.values for s in sets), strict=True))
        else:
            top = max((max(s.values, default=0) for s in sets), default=0)
        # Whole-number ticks, at most six: a fraction of a story would mislead.
        step = next(step for step in _steps() if top <= 5 * step)
        ticks = max(1, -(-int(top) // step))
        axis = QValueAxis()
        axis.setTitleText(title)
        axis.setLabelFormat("%d")
        axis.setRange(0, ticks * step)
        axis.setTickCount(ticks + 1)
        return axis

    def _fill(self, series: QAbstractBarSeries, sets: Sequence[Series],
              describe: Describe | None) -> None:
        self.describe = describe
        self.series = series
        for item in sets:
            bar_set = QBarSet(item.label)
            bar_set.append([float(v) for v in item.values])
            series.append(bar_set)
            self.sets[item.key] = bar_set
            if describe is not None:
                bar_set.clicked.connect(lambda index, key=item.key: self._clicked(key, index))
                bar_set.hovered.connect(
                    lambda inside, index, key=item.key: self._hovered(inside, key, index))
        self.view.setCursor(Qt.CursorShape.PointingHandCursor if describe is not None
                            else Qt.CursorShape.ArrowCursor)

    def _category(self, index: int) -> int:
        """A drawn bar's category index in the order the caller gave them."""
        return self._reversed - 1 - index if self._reversed else index

    def _clicked(self, key: str, index: int) -> None:
        self.clicked.emit(key, self._category(index))

    def _hovered(self, inside: bool, key: str, index: int) -> None:
        if inside and self.describe is not None:
            QToolTip.showText(QCursor.pos(), self.describe(key, self._category(index)),
                              self.view)
        else:
            QToolTip.hideText()

    def _clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
            axis.deleteLater()
        self.sets = {}
        self.lines = {}
        self.series = None
        self.describe = None
        self._reversed = 0

    def _finish(self) -> None:
        self._colour()
        self.body.setCurrentWidget(self.view)

    def _colour(self) -> None:
        """Series, text, axes and grid in the colours of the card's palette."""
        palette = self.palette()
        for position, (key, bar_set) in enumerate(self.sets.items()):
            colour = series_colour(key, palette, position)
            bar_set.setColor(colour)
            bar_set.setBorderColor(QColor(colour))
        for position, (key, line) in enumerate(self.lines.items()):
            colour = series_colour(key, palette, position)
            line.setPen(QPen(colour, 2))
            line.setColor(colour)
        style_chart(self.chart, palette, self.font())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Light or dark: the chart follows the palette it is given."""
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._colour()
        super().changeEvent(event)

    # -- for tests and the panel -------------------------------------------------------------
    def bar_centre(self, key: str, index: int):
        """Where the segment of set ``key`` in category ``index`` is drawn, in the view's
        viewport coordinates (a test clicks there as a user would)."""
        assert self.series is not None
        drawn = self._category(index)  # the same mapping both ways
        keys = list(self.sets)
        below = sum(self.sets[k].at(drawn) for k in keys[:keys.index(key)]
                    if isinstance(self.series, QHorizontalStackedBarSeries | QStackedBarSeries))
        middle = below + self.sets[key].at(drawn) / 2
        horizontal = isinstance(self.series, QHorizontalBarSeries | QHorizontalStackedBarSeries)
        point = QPointF(middle, drawn) if horizontal else QPointF(drawn, middle)
        if not isinstance(self.series, QHorizontalStackedBarSeries | QStackedBarSeries):
            offset = ((keys.index(key) - (len(keys) - 1) / 2) * self.series.barWidth()
                      / len(keys))
            point = (QPointF(middle, drawn + offset) if horizontal
                     else QPointF(drawn + offset, middle))
        scene = self.chart.mapToScene(self.chart.mapToPosition(point, self.series))
        return self.view.mapFromScene(scene)

    def truncated_axes(self) -> list[str]:
        """The titles of axes whose labels Qt Charts cut short (none, at a usable size)."""
        return [self.title.text() for axis in self.chart.axes() if axis.labelsTruncated()]

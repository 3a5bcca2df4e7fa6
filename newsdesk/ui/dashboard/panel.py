"""The Dashboard: figure tiles and charts, computed on a worker, clicked through to the
lists behind them.

The figures (``stats.dashboard.compute``) are read on the panel's own ``JobRunner``,
never on the GUI thread: when the mode is shown, when colleagues change something
(``colleagues_changed``), on Refresh. A refresh asked for while one runs is run once
after it. Clicks become requests the window carries out: a moderation queue narrowed to
what the bar counted (``open_queue``), the story list in one status (``open_stories``),
a registry entry (``open_entity``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TR_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.moderation.queues import QUEUE_NAMES, QueueFilter, decider_name
from newsdesk.moderation.reviews import DECISIONS
from newsdesk.moderation.rules import flag_name
from newsdesk.stats import dashboard
from newsdesk.stats.dashboard import Dashboard, duration
from newsdesk.stats.period import DAYS
from newsdesk.store.models import ENTITY_KINDS, REVIEW_STATUSES
from newsdesk.store.timestamps import local_time
from newsdesk.ui.dashboard.charts import ChartCard, Series
from newsdesk.ui.domain_texts import kind_name, status_label, translated
from newsdesk.ui.domain_texts import shown as shown_value
from newsdesk.ui.i18n import date_text, number_text, tr
from newsdesk.ui.icons import icon
from newsdesk.ui.workers import Job, JobRunner

# Per kind of entry: its card's title and its name in the legend.
KIND_TEXTS = {
    "person": (QT_TR_NOOP("People tagged most this week"), QT_TR_NOOP("People")),
    "organisation": (QT_TR_NOOP("Organisations tagged most this week"),
                     QT_TR_NOOP("Organisations")),
    "place": (QT_TR_NOOP("Places tagged most this week"), QT_TR_NOOP("Places")),
}
# A kind's card when nothing of it was tagged in the last ``n`` days (plural forms: a
# call each, as lupdate reads them).
KIND_EMPTY: dict[str, Callable[[int], str]] = {
    "person": lambda n: tr(
        "No people tagged on the stories updated in the last %n day(s)", "", n),
    "organisation": lambda n: tr(
        "No organisations tagged on the stories updated in the last %n day(s)", "", n),
    "place": lambda n: tr(
        "No places tagged on the stories updated in the last %n day(s)", "", n),
}
MODERATORS_SHOWN = 8  # more would crowd the chart; ``newsdesk stats`` lists every one
NAME_CHARS = 32  # longer names are shortened on the axis (the tooltip has them whole)


def _short(name: str) -> str:
    return name if len(name) <= NAME_CHARS else name[:NAME_CHARS - 1] + "…"


def _kind_title(kind: str) -> str:
    if kind in KIND_TEXTS:
        return tr(KIND_TEXTS[kind][0])
    return tr("Tagged most this week: {kind}").format(kind=kind_name(kind))


def _kind_label(kind: str) -> str:
    return tr(KIND_TEXTS[kind][1]) if kind in KIND_TEXTS else kind_name(kind)


def _kind_empty(kind: str, days: int) -> str:
    if kind in KIND_EMPTY:
        return KIND_EMPTY[kind](days)
    return tr("No {kind} tagged on the stories updated in the last %n day(s)", "",
              days).format(kind=kind_name(kind))


def _queue_label(queue: str) -> str:
    return translated(QUEUE_NAMES[queue]())


def _unique(names: list[str]) -> list[str]:
    """Axis categories must differ: a name shown twice gets a thin space per repeat."""
    seen: dict[str, int] = {}
    shown = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        shown.append(name + "\u2009" * (seen[name] - 1))
    return shown


def _compute(_job: Job) -> Dashboard:
    return dashboard.compute()


class Tile(QFrame):
    """One figure in large type over what it is; clickable when it leads somewhere."""

    clicked = Signal()

    def __init__(self, caption: str, object_name: str, parent: QWidget | None = None,
                 *, clickable: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the charts' surface
        self.setAutoFillBackground(True)
        self.value = QLabel("–", self)
        self.value.setObjectName("tile-value")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.clickable = clickable
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_value(self, value: str, tooltip: str = "") -> None:
        self.value.setText(value)
        self.setToolTip(tooltip)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPanel(QWidget):
    message = Signal(str)
    open_queue = Signal(object)  # a QueueFilter
    open_stories = Signal(str)  # a story status
    open_entity = Signal(int, str)  # entity id, name
    shown = Signal()  # new figures are on screen (tests wait for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: Dashboard | None = None
        self.jobs = JobRunner(self, name="dashboard")
        self._again = False  # a refresh was asked for while one ran
        self._build()
        # Nothing is read until the mode is first shown (activated): window start stays fast.

    # -- building ------------------------------------------------------------------------
    def _build(self) -> None:
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(8, 6, 8, 8)
        page_layout.addLayout(self._build_heading())
        page_layout.addLayout(self._build_tiles())
        page_layout.addLayout(self._build_cards(), 1)
        # Below a usable size the page scrolls rather than squeezing the charts unreadable.
        page.setMinimumSize(900, 640)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        # One page of the window's stack: it must not raise the window's minimum size.
        self.setMinimumSize(300, 200)

    def _build_heading(self) -> QHBoxLayout:
        self.heading = QLabel(tr("Computing the figures…"), self)
        self.heading.setObjectName("dashboard-heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh_action = QAction(icon("mdi6.refresh"), tr("Refresh", "the dashboard"),
                                      self)
        self.refresh_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_action.setToolTip(tr("Compute the figures again ({shortcut})").format(
            shortcut=self.refresh_action.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText)))
        self.refresh_action.triggered.connect(lambda _=False: self.refresh())
        self.addAction(self.refresh_action)
        refresh = QToolButton(self)
        refresh.setDefaultAction(self.refresh_action)
        refresh.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        row = QHBoxLayout()
        row.addWidget(self.heading, 1)
        row.addWidget(refresh)
        return row

    def _build_tiles(self) -> QHBoxLayout:
        self.tiles = {
            "pending": Tile(tr("reviews waiting"), "tile-pending", self, clickable=True),
            "flagged": Tile(tr("of them flagged", "of the reviews waiting"), "tile-flagged",
                            self, clickable=True),
            "oldest": Tile(tr("oldest waiting review"), "tile-oldest", self),
            "median": Tile(tr("median time to a decision (%n day(s))", "", DAYS),
                           "tile-median", self),
            "published": Tile(tr("stories published yesterday"), "tile-published", self),
        }
        for queue in ("pending", "flagged"):
            self.tiles[queue].clicked.connect(
                lambda q=queue: self.open_queue.emit(QueueFilter(q)))
        row = QHBoxLayout()
        for tile in self.tiles.values():
            row.addWidget(tile, 1)
        return row

    def _build_cards(self) -> QVBoxLayout:
        """Three rows: the desk now and per day; the moderators; the registry. The charts
        with names along their side get half the width, so that the names fit whole."""
        self.status_card = ChartCard(tr("Stories by status now"), "chart-status", self)
        self.published_card = ChartCard(tr("Stories published per day, by language"),
                                        "chart-published", self)
        self.reviews_card = ChartCard(tr("Reviews received and decided per day"),
                                      "chart-reviews", self)
        self.decisions_card = ChartCard(tr("Decisions per moderator (%n day(s))", "", DAYS),
                                        "chart-decisions", self)
        self.flags_card = ChartCard(
            tr("Flags on reviews received (%n day(s)), by status now", "", DAYS),
            "chart-flags", self)
        self.status_card.clicked.connect(self._status_clicked)
        self.decisions_card.clicked.connect(self._decision_clicked)
        self.flags_card.clicked.connect(self._flag_clicked)
        # One card per kind of entry, side by side: ten names in one chart would not fit.
        self.tag_cards: dict[str, ChartCard] = {}
        self.tags_row = QHBoxLayout()
        self.tags_row.setSpacing(8)
        for kind in ENTITY_KINDS:
            self._tag_card(kind)
        rows = QVBoxLayout()
        rows.setSpacing(8)
        for cards in ((self.status_card, self.published_card, self.reviews_card),
                      (self.decisions_card, self.flags_card)):
            row = QHBoxLayout()
            row.setSpacing(8)
            for card in cards:
                row.addWidget(card, 1)
            rows.addLayout(row, 1)
        rows.addLayout(self.tags_row, 1)
        return rows

    def _tag_card(self, kind: str) -> ChartCard:
        if kind not in self.tag_cards:
            card = ChartCard(_kind_title(kind), f"chart-tags-{kind}", self)
            card.clicked.connect(lambda _key, index, k=kind: self._tag_clicked(k, index))
            self.tags_row.addWidget(card, 1)
            self.tag_cards[kind] = card
        return self.tag_cards[kind]

    @property
    def cards(self) -> list[ChartCard]:
        return [self.status_card, self.published_card, self.reviews_card,
                self.decisions_card, self.flags_card, *self.tag_cards.values()]

    # -- refreshing --------------------------------------------------------------------------
    def refresh(self) -> None:
        """Compute the figures again on the worker (once more after a running one)."""
        if self.jobs.busy():
            self._again = True
            return
        self.jobs.start(_compute, done=self._computed, failed=self._failed)

    def _computed(self, figures: Dashboard) -> None:
        self.show_figures(figures)
        self._run_again()

    def _failed(self, reason: str) -> None:
        self.message.emit(tr("The dashboard could not be computed: {reason}").format(
            reason=reason))
        self._run_again()

    def _run_again(self) -> None:
        if self._again:
            self._again = False
            self.refresh()

    def colleagues_changed(self) -> None:
        """Someone changed stories or reviews: new figures if they are on screen (showing
        the mode computes them anyway)."""
        if self.isVisible():
            self.refresh()

    def activated(self) -> None:
        self.refresh()

    def wait(self) -> None:
        """Block until the running computation is done (tests, benchmarks)."""
        self.jobs.wait()

    # -- showing -----------------------------------------------------------------------------
    def show_figures(self, figures: Dashboard) -> None:
        self.figures = figures
        period = figures.period
        first, today = period.day_list[0], period.today
        self.heading.setText(tr(
            "Last %n day(s): {first} to {last}, on this computer's clock · computed at {time}",
            "", period.days).format(first=date_text(first), last=date_text(today, "d MMM yyyy"),
                                    time=f"{local_time(period.now):%H:%M}"))
        self._show_tiles(figures)
        self._show_status(figures)
        self._show_published(figures)
        self._show_reviews(figures)
        self._show_decisions(figures)
        self._show_flags(figures)
        self._show_tags(figures)
        self.shown.emit()

    def _show_tiles(self, figures: Dashboard) -> None:
        for queue in ("pending", "flagged"):
            self.tiles[queue].show_value(
                number_text(getattr(figures, queue)),
                tr("Open the {queue} queue").format(queue=_queue_label(queue)))
        age = figures.oldest_pending_age
        if figures.oldest_pending is not None and age is not None:
            self.tiles["oldest"].show_value(
                translated(duration(age.total_seconds())),
                tr("Submitted {time}", "a review").format(
                    time=f"{local_time(figures.oldest_pending):%Y-%m-%d %H:%M %Z}"))
        else:
            self.tiles["oldest"].show_value("–", tr("No review is waiting"))
        median = figures.median_wait_seconds
        self.tiles["median"].show_value(
            translated(duration(median)) if median is not None else "–",
            tr("From submission to a moderator's decision; the automatic rules are not "
               "counted"))
        yesterday = figures.published_per_day[-2] if len(figures.published_per_day) > 1 else None
        if yesterday is not None:
            languages = " · ".join(f"{lang} {number_text(count)}" for lang, count
                                   in sorted(yesterday.by_language.items()))
            self.tiles["published"].show_value(number_text(yesterday.total), languages)

    def _show_status(self, figures: Dashboard) -> None:
        counts = figures.stories_by_status
        statuses = list(counts)
        if not sum(counts.values()):
            self.status_card.show_empty(tr("No stories yet"))
            return
        # A set per status, each with its one bar, so that each status has its colour.
        self.status_card.show_bars(
            [status_label(s) for s in statuses],
            [Series(status, status_label(status),
                    [counts[status] if other == status else 0 for other in statuses])
             for status in statuses],
            value_title=tr("Stories"), horizontal=True, stacked=True, legend=False,
            describe=lambda status, _i: tr(
                "{status}: %Ln story(s); click to list them", "", counts[status]).format(
                    status=status_label(status)))

    def _show_published(self, figures: Dashboard) -> None:
        days = figures.published_per_day
        if not any(day.total for day in days):
            self.published_card.show_empty(tr(
                "No stories published in the last %n day(s)", "", figures.period.days))
            return
        self.published_card.show_days(
            [day.day for day in days],
            [Series(lang, lang, [day.by_language.get(lang, 0) for day in days])
             for lang in figures.languages],
            value_title=tr("Stories"))

    def _show_reviews(self, figures: Dashboard) -> None:
        days = figures.reviews_per_day
        if not any(day.received or day.decided for day in days):
            self.reviews_card.show_empty(tr(
                "No reviews received or decided in the last %n day(s)", "",
                figures.period.days))
            return
        self.reviews_card.show_days(
            [day.day for day in days],
            [Series("received", tr("Received", "reviews per day"),
                    [day.received for day in days]),
             Series("decided", tr("Decided", "reviews per day"),
                    [day.decided for day in days])],
            value_title=tr("Reviews"), lines=True)

    def _show_decisions(self, figures: Dashboard) -> None:
        moderators = figures.decisions[:MODERATORS_SHOWN]
        if not moderators:
            self.decisions_card.show_empty(tr(
                "No decisions in the last %n day(s)", "", figures.period.days))
            return
        names = [shown_value(decider_name(m.moderator)) for m in moderators]
        self.decisions_card.show_bars(
            _unique([_short(name) for name in names]),
            [Series(kind, _queue_label(kind), [m.by_kind[kind] for m in moderators])
             for kind in DECISIONS],
            value_title=tr("Reviews decided"), horizontal=True, stacked=True,
            describe=lambda kind, i: tr(
                "{moderator} · {queue}: %Ln review(s); click to open them", "",
                moderators[i].by_kind[kind]).format(moderator=names[i],
                                                    queue=_queue_label(kind)))

    def _show_flags(self, figures: Dashboard) -> None:
        flags = figures.flags
        if not flags:
            self.flags_card.show_empty(tr(
                "No flagged reviews received in the last %n day(s)", "", figures.period.days))
            return
        names = [shown_value(flag_name(f.code)) for f in flags]
        self.flags_card.show_bars(
            _unique(names),
            [Series(status, _queue_label(status), [f.by_status[status] for f in flags])
             for status in REVIEW_STATUSES],
            value_title=tr("Reviews"), horizontal=True, stacked=True,
            describe=lambda status, i: tr(
                "{flag} · {queue} now: %Ln review(s); click to open them", "",
                flags[i].by_status[status]).format(flag=names[i], queue=_queue_label(status)))

    def _show_tags(self, figures: Dashboard) -> None:
        for entity in figures.most_tagged:  # a kind this window has no card for yet
            self._tag_card(entity.kind)
        for kind, card in self.tag_cards.items():
            tagged = figures.tagged(kind)
            if not tagged:
                card.show_empty(_kind_empty(kind, figures.period.week_days))
                continue
            card.show_bars(
                _unique([_short(entity.name) for entity in tagged]),
                [Series(kind, _kind_label(kind), [entity.stories for entity in tagged])],
                value_title=tr("Stories updated this week"), horizontal=True,
                describe=lambda _kind, i, tagged=tagged: tr(
                    "{name}: %Ln story(s); click to open the entry", "",
                    tagged[i].stories).format(name=tagged[i].name))

    # -- clicks ------------------------------------------------------------------------------
    def _status_clicked(self, status: str, _index: int) -> None:
        self.open_stories.emit(status)

    def _decision_clicked(self, kind: str, index: int) -> None:
        if self.figures is None:
            return
        moderator = self.figures.decisions[index]
        self.open_queue.emit(QueueFilter(queue=kind, decided_by=moderator.moderator,
                                         decided_since=self.figures.period.start))

    def _flag_clicked(self, status: str, index: int) -> None:
        if self.figures is None:
            return
        flag = self.figures.flags[index]
        queue = "flagged" if status == "pending" else status
        self.open_queue.emit(QueueFilter(queue=queue, flag_code=flag.code,
                                         received_since=self.figures.period.start))

    def _tag_clicked(self, kind: str, index: int) -> None:
        if self.figures is not None:
            entity = self.figures.tagged(kind)[index]
            self.open_entity.emit(entity.entity_id, entity.name)

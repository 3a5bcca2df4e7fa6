"""The story list: lazy pages, sorting, filters with counts, search as you type, trash.

``ArticleTableModel`` holds rows as plain tuples in pages fetched on demand
(``canFetchMore``/``fetchMore``); only the most recently used pages keep their rows, the
others remember just how to fetch them again, so memory stays flat however far the user
scrolls through the archive. Searches run on a worker thread (a broad search over 100,000
stories takes a tenth of a second or more); list pages are index lookups and run inline.
"""

from __future__ import annotations

import itertools
from collections import OrderedDict
from collections.abc import Callable, Collection, Sequence
from datetime import UTC, datetime, tzinfo
from functools import cache
from typing import Any, NamedTuple

import peewee
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QHelpEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from newsdesk import search
from newsdesk.errors import UserError
from newsdesk.search import RELEVANCE, Filters, Page, ParsedQuery, Sort
from newsdesk.store.timestamps import local_time, stored_time, utcnow
from newsdesk.stories import articles, locks, workflow
from newsdesk.stories.newsroom_zone import zone_name, zone_of
from newsdesk.stories.recovery import RecoveryJournal
from newsdesk.stories.translation_groups import languages_in_order
from newsdesk.ui.desk.embargo_field import embargo_text
from newsdesk.ui.domain_texts import error_text, translated
from newsdesk.ui.i18n import number_text, tr
from newsdesk.ui.icons import icon, icon_later
from newsdesk.ui.settings import LIST_COLUMNS, LIST_SORT, user_name
from newsdesk.ui.startup import FirstPaint
from newsdesk.ui.viewport import viewport_of
from newsdesk.ui.workers import Job, JobRunner

COLUMNS = (
    ("headline", QT_TR_NOOP("Headline")), ("status", QT_TR_NOOP("Status")),
    ("dateline", QT_TR_NOOP("Dateline")), ("desk_code", QT_TR_NOOP("Desk")),
    ("language", QT_TR_NOOP("Lang")), ("section", QT_TR_NOOP("Section")),
    ("updated", QT_TR_NOOP("Updated")), ("pending_reviews", QT_TR_NOOP("Reviews")),
    ("embargo", QT_TR_NOOP("Embargo")),
)
# What a first run shows: the desk's left pane has room for the headline and two short
# columns; the header's context menu shows the others.
FIRST_RUN_COLUMNS = frozenset({"headline", "status", "dateline"})
HEADLINE_MIN = 150  # narrower, the list scrolls sideways rather than starve the headline
PAGE_SIZE = 200
KEPT_PAGES = 20  # rows of at most this many pages stay in memory (4,000 rows)
SEARCH_DELAY_MS = 250
# At the start, the filters' counts wait this long after the list's first frame: the
# preview's first page comes first.
COUNTS_AFTER_FIRST_FRAME_MS = 1000
SnippetRole = Qt.ItemDataRole.UserRole + 1


def cell_text(row: search.Row, key: str, zone: tzinfo = UTC,
              group: Sequence[str] = ()) -> str:
    """What a list cell shows for one row (a tuple in ``search.ROW_FIELDS`` order);
    ``zone`` is the newsroom's, in which embargoes are shown; ``group`` the languages of
    the story's translation group."""
    if key == "headline":
        return row[search.HEADLINE] or tr("(untitled)")
    if key == "status":
        return translated(workflow.status_name(row[search.STATUS]))
    if key == "dateline":
        date = str(row[search.DATE] or "")
        shown = f"{date[8:10]}.{date[5:7]}.{date[2:4]}" if len(date) >= 10 else ""
        return " ".join(filter(None, [row[search.PLACE], shown]))
    if key == "desk_code":
        return row[search.DESK]
    if key == "language":  # its own, then its translations': "en · az · ru"
        return " · ".join(languages_in_order(row[search.LANGUAGE], group))
    if key == "section":
        return row[search.SECTION]
    if key == "updated":  # stored in UTC (text from SQLite), shown on the user's clock
        return f"{local_time(stored_time(row[search.UPDATED])):%Y-%m-%d %H:%M}"
    if key == "embargo":
        embargo = stored_time(row[search.EMBARGO])
        return "" if embargo is None else embargo_text(embargo, zone)
    return str(row[search.PENDING] or "")


def embargo_pending(row: search.Row) -> bool:
    """Whether the row's story is still held by its embargo."""
    embargo = stored_time(row[search.EMBARGO])
    return embargo is not None and embargo > utcnow()


@cache
def clock_icon() -> QIcon:
    return icon("mdi6.clock-outline")


@cache
def needs_look_icon() -> QIcon:
    return icon("mdi6.compare-horizontal")


@cache
def lock_icon() -> QIcon:
    return icon("mdi6.lock-outline")


@cache
def offline_edit_icon() -> QIcon:
    return icon("mdi6.cloud-upload-outline")


FIT_SAMPLE_ROWS = 40  # rows read to size the short columns on a first start
FIT_MEASURED_TEXTS = 3  # of their texts, the longest measured (proportional fonts)


class _Slot(NamedTuple):
    """A fetched page: how to fetch it again, and how many rows it had."""

    after: Any
    rows: int


class ArticleTableModel(QAbstractTableModel):
    """Stories in pages of ``PAGE_SIZE`` tuples; the view pulls pages as it scrolls."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.filters = Filters()
        self.sort_order = Sort()
        self.query = ParsedQuery()
        self._slots: list[_Slot] = []
        self._pages: OrderedDict[int, list[search.Row]] = OrderedDict()
        # Per page in memory: the languages of its rows' translation groups.
        self._languages: dict[int, dict[str, tuple[str, ...]]] = {}
        self._rows = 0
        self._next_after: Any = None
        self._exhausted = True
        self._fetching = False
        self._generation = 0
        # Set by the panel: ranked search pages (which re-rank every match) load off the
        # GUI thread; keyset pages are index lookups and load inline.
        self.background: JobRunner | None = None
        self.user = ""  # whose locks are not shown as locks (set by the panel)
        self.zone: tzinfo = UTC  # the newsroom's, for embargoes (read on each load)
        # This window's lock session (set by the desk): a lock under another session is
        # shown even when it is the same user's, in another window.
        self.session = ""
        # While the window works in a replica: which of the given stories changed here since
        # the last sync (set by the window), marked until they are sent. Asked for the rows
        # the list holds, as they come: a replica may hold a whole newsroom.
        self.offline_edits: Callable[[Collection[int]], set[int]] | None = None
        self._offline_ids: set[int] = set()  # among the rows read since the last load
        # ... and the colleagues' locks the server had at the last pull (set by the window).
        self.pulled_locks: Callable[[], dict[int, locks.Lock]] | None = None
        self._pulled_locks: dict[int, locks.Lock] = {}
        # In a team window: the stories whose offline edit met a colleague's edit and
        # wait for a person's look (set by the window).
        self.needs_look: Callable[[], set[int]] | None = None
        self._look_ids: set[int] = set()

    # -- what to show ----------------------------------------------------------------------
    def backend(self) -> search.SearchBackend:
        return search.backend()

    def configure(self, filters: Filters, sort: Sort, query: ParsedQuery) -> None:
        self.filters, self.sort_order, self.query = filters, sort, query

    def first_page(self) -> Page:
        """Runs anywhere (the worker thread calls it for searches)."""
        return self.backend().list_page(self.filters, self.sort_order, self.query or None,
                                        None, PAGE_SIZE)

    def load(self, page: Page | None = None) -> None:
        """Start over with the current settings; ``page`` if it was fetched already."""
        first = page if page is not None else self.first_page()
        self._read_zone()
        self._offline_ids = set()
        self._read_offline_edits(first.rows)
        self.beginResetModel()
        self._generation += 1
        self._fetching = False
        self._slots = [_Slot(None, len(first.rows))] if first.rows else []
        self._pages = OrderedDict({0: first.rows}) if first.rows else OrderedDict()
        self._languages = {0: first.languages} if first.rows else {}
        self._rows = len(first.rows)
        self._next_after = first.next_after
        self._exhausted = first.next_after is None
        self.endResetModel()

    def _read_zone(self) -> None:
        try:
            self.zone = zone_of(zone_name()) or UTC
        except peewee.DatabaseError:
            self.zone = UTC  # the page itself says what failed

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted or self._fetching:
            return
        self._fetching = True  # views call back while rows are being inserted
        after = self._next_after
        if self.background is not None and self.query and self.sort_order.key == RELEVANCE:
            generation = self._generation
            filters, sort, query = self.filters, self.sort_order, self.query
            self.background.start(
                lambda _job: self.backend().list_page(filters, sort, query, after, PAGE_SIZE),
                done=lambda page: self._arrived(generation, after, page))
            return
        try:
            self._append(after, self.backend().list_page(self.filters, self.sort_order,
                                                         self.query or None, after, PAGE_SIZE))
        finally:
            self._fetching = False

    def _arrived(self, generation: int, after: Any, page: Page) -> None:
        if generation != self._generation:
            return  # the list was loaded anew meanwhile
        try:
            self._append(after, page)
        finally:
            self._fetching = False

    def is_fetching(self) -> bool:
        return self._fetching

    def _append(self, after: Any, page: Page) -> None:
        self._exhausted = page.next_after is None
        self._next_after = page.next_after
        if not page.rows:
            return
        number = len(self._slots)
        self.beginInsertRows(QModelIndex(), self._rows, self._rows + len(page.rows) - 1)
        self._slots.append(_Slot(after, len(page.rows)))
        self._keep(number, page)
        self._rows += len(page.rows)
        self.endInsertRows()

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        row = self.row(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(row, COLUMNS[index.column()][0], self.zone,
                             self._group_of(index.row(), row))
        if role == Qt.ItemDataRole.UserRole:
            return row[search.ID]
        if role == SnippetRole:
            return row[search.SNIPPET] if len(row) > search.SNIPPET else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            # The short columns' full value (the delegate shows it only when cut off).
            if index.column() == 0:
                return self._tooltip(row)
            return _rich(_escaped(cell_text(row, COLUMNS[index.column()][0], self.zone,
                                            self._group_of(index.row(), row))))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(row, COLUMNS[index.column()][0])
        return None

    def _decoration(self, row: search.Row, key: str) -> QIcon | None:
        """The headline's lock (a colleague's) or clock (held by its embargo), and the
        embargo column's clock while the embargo holds."""
        if key == "headline" and self._colleagues_lock(row):
            return lock_icon()
        if key == "headline" and row[search.ID] in self._offline_ids:
            return offline_edit_icon()
        if key == "headline" and row[search.ID] in self._look_ids:
            return needs_look_icon()
        if key in ("headline", "embargo") and embargo_pending(row):
            return clock_icon()
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][1])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "updated":
            return tr("Last saved, in your time zone ({zone})").format(
                zone=f"{datetime.now().astimezone():%Z}")
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][0] == "language":
            return tr("The story's language, then those of its translations")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the header calls this); loads the first page again."""
        if not 0 <= column < len(COLUMNS):
            return
        self.sort_order = Sort(COLUMNS[column][0], order == Qt.SortOrder.DescendingOrder)
        self.load()

    # -- rows --------------------------------------------------------------------------------
    def row(self, number: int) -> search.Row | None:
        page_number, offset = self._locate(number)
        rows = self._pages.get(page_number)
        if rows is None:
            rows = self._refetch(page_number)
        else:
            self._pages.move_to_end(page_number)
        return rows[offset] if offset < len(rows) else None

    def article_id(self, row: int) -> int:
        found = self.row(row)
        if found is None:
            raise IndexError(row)
        return found[search.ID]

    def row_of(self, article_id: int) -> int | None:
        """The row number of a story among the pages in memory, if it is there."""
        start = 0
        for number, slot in enumerate(self._slots):
            rows = self._pages.get(number)
            if rows is not None:
                for offset, row in enumerate(rows):
                    if row[search.ID] == article_id:
                        return start + offset
            start += slot.rows
        return None

    def update_row(self, article_id: int) -> bool:
        """Show a story's current values in place; False if it is not in memory."""
        number = self.row_of(article_id)
        if number is None:
            return False
        backend = self.backend()
        fresh = backend.rows_by_id([article_id]).get(article_id)
        if fresh is None:
            return False
        self._read_offline_edits([fresh])
        page_number, offset = self._locate(number)
        rows = self._pages[page_number]
        before = rows[offset][search.GROUP]
        rows[offset] = fresh + tuple(rows[offset][len(fresh):])
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(COLUMNS) - 1))
        groups = {g for g in (before, fresh[search.GROUP]) if g}
        if groups:  # a language changed: every row of the group in memory shows it
            self._update_languages(backend.group_languages(groups), groups)
        return True

    def _update_languages(self, found: dict[str, tuple[str, ...]], groups: set[str]) -> None:
        for page_number, rows in self._pages.items():
            languages = self._languages.setdefault(page_number, {})
            for group in groups:
                if group in found and any(row[search.GROUP] == group for row in rows):
                    languages[group] = found[group]
                else:
                    languages.pop(group, None)
        column = [key for key, _ in COLUMNS].index("language")
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(self._rows - 1, column))

    def _group_of(self, number: int, row: search.Row) -> tuple[str, ...]:
        """The languages of the row's translation group (none outside a group)."""
        group = row[search.GROUP]
        if not group:
            return ()
        return self._languages.get(self._locate(number)[0], {}).get(group, ())

    def _read_offline_edits(self, rows: list[search.Row]) -> None:
        """The offline marks of ``rows`` (rows just read), and the pulled locks and the
        stories needing a look, anew."""
        self._mark_offline_edits(rows)
        self._pulled_locks = self.pulled_locks() if self.pulled_locks is not None else {}
        self._look_ids = self.needs_look() if self.needs_look is not None else set()

    def loaded_pages(self) -> int:
        return len(self._pages)

    def _locate(self, number: int) -> tuple[int, int]:
        # Every page but the last holds exactly PAGE_SIZE rows.
        return number // PAGE_SIZE, number % PAGE_SIZE

    def _mark_offline_edits(self, rows: list[search.Row]) -> None:
        """Which of ``rows`` (rows just read) show stories changed here since the sync."""
        if self.offline_edits is not None and rows:
            ids = {row[search.ID] for row in rows}
            self._offline_ids = (self._offline_ids - ids) | self.offline_edits(ids)

    def _keep(self, page_number: int, page: Page) -> None:
        self._mark_offline_edits(page.rows)
        self._pages[page_number] = page.rows
        self._languages[page_number] = page.languages
        self._pages.move_to_end(page_number)
        while len(self._pages) > KEPT_PAGES:
            gone, _rows = self._pages.popitem(last=False)
            self._languages.pop(gone, None)

    def _refetch(self, page_number: int) -> list[search.Row]:
        slot = self._slots[page_number]
        page = self.backend().list_page(self.filters, self.sort_order, self.query or None,
                                        slot.after, slot.rows)
        self._keep(page_number, page)
        return page.rows

    def _colleagues_lock(self, row: search.Row) -> locks.Lock | None:
        """Someone else's live lock on the story (our own needs no warning)."""
        lock = locks.live_lock(row[search.LOCKED_BY], row[search.LOCKED_AT],
                               row[search.LOCK_SESSION]) or self._pulled_locks.get(row[search.ID])
        if lock is None:
            return None
        # A lock from before sessions has none: then only the name can tell.
        ours = lock.session == self.session if lock.session else lock.holder == self.user
        return None if ours else lock

    def _tooltip(self, row: search.Row) -> str:
        headline = _escaped(row[search.HEADLINE] or tr("(untitled)"))
        lock = self._colleagues_lock(row)
        if lock:
            described = translated(lock.description())
            headline += f"<br><i>{_escaped(described[:1].upper() + described[1:])}</i>"
        if row[search.ID] in self._offline_ids:
            note = tr("Edited offline: sent when the server is back")
            headline += f"<br><i>{_escaped(note)}</i>"
        if row[search.ID] in self._look_ids:
            note = tr("Needs a look: edited offline and on the server meanwhile")
            headline += f"<br><i>{_escaped(note)}</i>"
        if embargo_pending(row):
            until = tr("Embargoed until {time}").format(
                time=cell_text(row, "embargo", self.zone))
            headline += f"<br><i>{_escaped(until)}</i>"
        if len(row) > search.SNIPPET and row[search.SNIPPET]:
            return _rich(f"<b>{headline}</b><br>{search.snippet_html(row[search.SNIPPET])}")
        return _rich(headline)


def _escaped(text: str) -> str:
    """``text`` as HTML text; the html module (with its entity table) comes with the
    first tooltip, not with the window's start."""
    import html

    return html.escape(text)


def _rich(markup: str) -> str:
    """Mark a tooltip as rich text: Qt guesses, and an escaped "&amp;" in a tooltip it
    took for plain text would show as typed."""
    return f"<qt>{markup}</qt>"


class _CutOffTips(QStyledItemDelegate):
    """The short columns' tooltips appear only when their text does not fit the cell;
    the headline's always does (it carries the search snippet and who holds a lock)."""

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView,  # noqa: N802
                  option: QStyleOptionViewItem, index: QModelIndex) -> bool:
        if (event.type() == QEvent.Type.ToolTip and index.column() != 0
                and self.sizeHint(option, index).width() <= option.rect.width()):
            QToolTip.hideText()
            return True
        return super().helpEvent(event, view, option, index)


class FilterChoices(NamedTuple):
    """What the filters offer: stories per status (under the other filters and the
    search), and the sections and languages there are."""

    counts: dict[str, int]
    sections: list[str]
    languages: list[str]


def _filter_choices(backend: search.SearchBackend, filters: Filters,
                    query: ParsedQuery) -> FilterChoices:
    return FilterChoices(backend.status_counts(filters, query or None), backend.sections(),
                         backend.languages())


class ArticleListPanel(QWidget):
    article_activated = Signal(int)
    new_requested = Signal()
    message = Signal(str)
    loaded = Signal()  # the list shows the current search and filters
    filters_filled = Signal()  # the filters show their choices and per-status counts
    trashed = Signal(list)  # ids of the stories just moved to the trash

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Why no story may be published here ("": it may; set by a window working in a
        # replica of the team server, which leaves publishing to the server).
        self.publish_refusal = ""
        self.settings = settings
        self.search = QLineEdit(self)
        self.status_filter = QComboBox(self)
        self.section_filter = QComboBox(self)
        self.language_filter = QComboBox(self)
        self.trash_button = QToolButton(self)
        self.new_button = QToolButton(self)
        self.status_button = QToolButton(self)
        self.model = ArticleTableModel(self)
        self.model.user = user_name(settings)
        self.table = QTableView(self)
        self.snippet = QLabel(self)
        self.search_timer = QTimer(self)
        self.background = JobRunner(self, name="list-search")
        self.model.background = self.background
        self._generation = 0
        self._searching = False  # a search is loading on the worker thread
        self._select_when_loaded: int | None = None
        # Asked before stories go to the trash (the desk saves the open one's pending
        # text); False keeps them.
        self.before_trash: Callable[[list[int]], bool] | None = None
        self._build()
        restored = self._restore_sort()
        # The counts over the whole archive are not what the user waits for at start; their
        # worker starts a moment after the list has painted its first frame: running beside
        # the window's build, it took the interpreter lock from it (~30 ms of the start at
        # 100,000 stories), and beside the preview's first page, the processors. Not on
        # screen when the event loop turns, the list starts it then.
        self._painted = False
        self._counts_waiting: Callable[[], None] | None = None
        self._first_frame = FirstPaint(self, self._first_frame_painted)
        self.refresh(counts_later=True)
        QTimer.singleShot(0, self, self._start_counts_unless_shown)
        if not restored:
            self._fit_short_columns()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_actions()
        self.search.setPlaceholderText(
            tr('Search stories (Ctrl+Shift+F): words, "phrase", pre*'))
        self.search.setClearButtonEnabled(True)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._open_first_result)
        self.background.failed.connect(self.message)
        for combo in (self.status_filter, self.section_filter, self.language_filter):
            # Narrow by default so the desk's splitter can make the list pane small.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
            combo.activated.connect(lambda _index: self.refresh())
        # Until the counts arrive from the worker (see refresh): "…" stands for the count.
        for combo, everything in ((self.status_filter,
                                   tr("All statuses ({count})").format(count="…")),
                                  (self.section_filter, tr("All sections")),
                                  (self.language_filter, tr("All languages"))):
            combo.addItem(everything, "")
        self.status_filter.setToolTip(tr("Stories per status under the other filters and search"))
        self.section_filter.setToolTip(tr("Only the stories of one section"))
        self.language_filter.setToolTip(tr("Only the stories in one language"))
        self._build_table()
        self._layout()

    def _build_actions(self) -> None:
        def action(icon_name: str, text: str, slot: Callable[[], Any],
                   shortcut: QKeySequence | str | None = None, *,
                   on_button: bool = False) -> QAction:
            made = QAction(text, self)
            if on_button:  # on screen at the start
                made.setIcon(icon(icon_name))
            else:  # in the list's context menu
                icon_later(made, icon_name)
            if shortcut is not None:
                made.setShortcut(QKeySequence(shortcut))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            made.triggered.connect(slot)
            self.addAction(made)
            return made

        self.new_action = action("mdi6.file-document-plus-outline", tr("&New story"),
                                 self._new_story, QKeySequence.StandardKey.New,
                                 on_button=True)
        self.new_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.search_action = action("mdi6.magnify", tr("Search stories"), self.focus_search,
                                    "Ctrl+Shift+F")
        self.search_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.duplicate_action = action("mdi6.content-copy", tr("D&uplicate story"),
                                       self.duplicate_selected, "Ctrl+D")
        self.trash_action = action("mdi6.delete-outline", tr("Move to &trash"),
                                   self.trash_selected, QKeySequence.StandardKey.Delete)
        self.restore_action = action("mdi6.delete-restore", tr("&Restore from trash"),
                                     self.restore_selected)
        self.empty_trash_action = action("mdi6.delete-forever-outline", tr("&Empty trash…"),
                                         self.empty_trash)
        self.open_action = action("mdi6.file-document-edit-outline", tr("&Open story"),
                                  self.open_current)
        self.show_trash_action = action("mdi6.delete-variant", tr("Show trash"),
                                        lambda: self.refresh(), on_button=True)
        self.show_trash_action.setCheckable(True)
        self.status_menu = QMenu(tr("Set &status"), self)
        self.status_menu.setIcon(icon("mdi6.swap-horizontal"))
        self.status_actions: dict[str, QAction] = {}
        for status in workflow.STATUS_LABELS:
            made = self.status_menu.addAction(translated(workflow.status_name(status)))
            made.triggered.connect(lambda _=False, s=status: self.set_status_selected(s))
            self.status_actions[status] = made

    def _build_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 6)
        table.setItemDelegate(_CutOffTips(table))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The headline takes whatever room the other columns leave (see _fit_headline).
        header.sectionResized.connect(self._column_resized)
        viewport_of(table).installEventFilter(self)
        for column, (key, _) in enumerate(COLUMNS):
            header.setSectionHidden(column, key not in FIRST_RUN_COLUMNS)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(
            lambda position: self.column_menu().exec(header.mapToGlobal(position)))
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        table.activated.connect(lambda index: self.article_activated.emit(
            self.model.article_id(index.row())))
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._context_menu)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        table.selectionModel().currentChanged.connect(self._selection_changed)
        self.snippet.setTextFormat(Qt.TextFormat.RichText)
        self.snippet.setWordWrap(True)
        self.snippet.hide()

    def _layout(self) -> None:
        self.trash_button.setDefaultAction(self.show_trash_action)
        self.new_button.setDefaultAction(self.new_action)
        self.status_button.setMenu(self.status_menu)
        self.status_button.setIcon(self.status_menu.icon())
        self.status_button.setToolTip(tr("Set the status of the selected stories"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        for widget in (self.new_button, self.status_button, self.trash_button):
            top.addWidget(widget)
        filters = QHBoxLayout()
        # "All statuses (1,234)" and "All languages" need more room than "All sections".
        for widget, stretch in ((self.status_filter, 5), (self.section_filter, 4),
                                (self.language_filter, 5)):
            filters.addWidget(widget, stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.snippet)

    # -- loading -----------------------------------------------------------------------------
    def current_filters(self) -> Filters:
        status = self.status_filter.currentData()
        return Filters((status,) if status else (), self.section_filter.currentData() or None,
                       self.language_filter.currentData() or None,
                       self.show_trash_action.isChecked())

    def refresh(self, *, counts_later: bool = False) -> None:
        """Load the list again for the current search, filters and sort. With
        ``counts_later`` the first page shows at once and the filters' counts follow from
        the worker thread (``filters_filled``)."""
        self.search_timer.stop()
        self._generation += 1
        query = search.parse_query(self.search.text())
        filters = self.current_filters()
        sort = self._sort_for(query)
        self.model.configure(filters, sort, query)
        self._searching = bool(query)
        model, generation = self.model, self._generation
        self._counts_waiting = None  # this load's counts replace any still waiting
        if not query:
            page = self.model.first_page()
            if not counts_later:
                self._show(page, _filter_choices(model.backend(), filters, query))
                return
            self._show(page, None)
            self._counts_waiting = lambda: self.background.start(
                lambda _job: _filter_choices(model.backend(), filters, query),
                done=lambda choices: self._counts_done(generation, choices))
            if self._painted:
                self._start_counts()
            return

        def work(_job: Job) -> tuple[Page, FilterChoices]:
            backend = model.backend()
            return (backend.list_page(filters, sort, query, None, PAGE_SIZE),
                    _filter_choices(backend, filters, query))

        self.background.start(work, done=lambda result: self._search_done(generation, *result))

    def _first_frame_painted(self) -> None:
        self._painted = True
        QTimer.singleShot(COUNTS_AFTER_FIRST_FRAME_MS, self, self._start_counts)

    def finish_counts(self) -> None:
        """The filters' counts computed now (a screenshot), not after their wait at the
        start; they arrive through the event loop."""
        self._start_counts()
        self.background.wait()

    def _start_counts_unless_shown(self) -> None:
        if not self.isVisible():
            self._start_counts()

    def _start_counts(self) -> None:
        start, self._counts_waiting = self._counts_waiting, None
        if start is not None:
            start()

    def show_status(self, status: str) -> None:
        """List every story in ``status`` and nothing else narrowing it (the dashboard's
        status bars counted them all): no search, every section and language, no trash."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.show_trash_action.setChecked(False)  # setChecked does not trigger it
        for combo in (self.section_filter, self.language_filter):
            combo.setCurrentIndex(max(0, combo.findData("")))
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(status)))
        self.refresh()

    def wait_for_search(self) -> None:
        """Block until a running search is done (tests, benchmarks, closing)."""
        self.background.wait()

    def _search_done(self, generation: int, page: Page, choices: FilterChoices) -> None:
        if generation == self._generation:  # a newer search or filter has replaced it
            self._show(page, choices)

    def _counts_done(self, generation: int, choices: FilterChoices) -> None:
        if generation == self._generation:  # else a newer load filled them already
            self._fill_filters(choices)

    def _show(self, page: Page, choices: FilterChoices | None) -> None:
        selected = self.selected_ids()
        self._searching = False
        self.model.load(page)
        if choices is not None:
            self._fill_filters(choices)
        self._reselect(selected)
        wanted, self._select_when_loaded = self._select_when_loaded, None
        if wanted is not None:
            self.show_article(wanted)
        self._update_actions()
        self.loaded.emit()

    def _fill_filters(self, choices: FilterChoices) -> None:
        counts = choices.counts
        chosen = self.status_filter.currentData()
        self.status_filter.clear()
        self.status_filter.addItem(
            tr("All statuses ({count})").format(count=number_text(sum(counts.values()))), "")
        for status in workflow.STATUS_LABELS:
            label = translated(workflow.status_name(status))
            self.status_filter.addItem(f"{label} ({number_text(counts.get(status, 0))})", status)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(chosen or "")))
        self._fill_choice(self.section_filter, tr("All sections"), choices.sections)
        self._fill_choice(self.language_filter, tr("All languages"), choices.languages)
        self.filters_filled.emit()

    @staticmethod
    def _fill_choice(combo: QComboBox, everything: str, values: list[str]) -> None:
        chosen = combo.currentData() or ""
        combo.clear()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(value, value)
        if chosen and combo.findData(chosen) < 0:
            combo.addItem(chosen, chosen)  # keep a filter whose last story just left
        combo.setCurrentIndex(max(0, combo.findData(chosen)))

    # -- sorting -----------------------------------------------------------------------------
    def _sort_for(self, query: ParsedQuery) -> Sort:
        """Best match first while searching, until the user clicks a column."""
        if query and self._sort_is_relevance:
            return Sort(search.RELEVANCE)
        return self._column_sort

    def _restore_sort(self) -> bool:
        """The saved sort and header; True if there was a header to restore."""
        saved = LIST_SORT.read(self.settings)
        key, _, direction = saved.partition(":")
        if key not in search.SORT_KEYS:
            key, direction = "updated", "desc"
        self._column_sort = Sort(key, direction != "asc")
        self._sort_is_relevance = True
        header = self.table.horizontalHeader()
        state = LIST_COLUMNS.read(self.settings)
        restored = state is not None and header.restoreState(state)
        column = [k for k, _ in COLUMNS].index(key)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder
                                if self._column_sort.descending else Qt.SortOrder.AscendingOrder)
        # Connected only now: restoreState() sets the saved sort indicator too, and that
        # is no click; taken for one, it loaded the list once more at every start and
        # ended best-match-first ranking of searches for good.
        header.sortIndicatorChanged.connect(self._sort_chosen)
        return restored

    def _fit_short_columns(self) -> None:
        """Size the short columns on screen to what the first page shows; a hidden one
        when the user first shows it (``show_column``): sizing the six a first run hides
        took ~4 ms of its start, for columns most users never show."""
        header = self.table.horizontalHeader()
        for column in range(1, len(COLUMNS)):
            if not header.isSectionHidden(column):
                header.resizeSection(column, self._content_width(column))
        self._fit_headline()

    def _content_width(self, column: int) -> int:
        """What ``resizeColumnToContents`` gives, measured on a sample of the rows: these
        columns hold short values of one shape (a status, a time, a code), and Qt measures
        every row of a table not yet on screen (a third of a first start at 200 rows).
        Of the sample only the longest texts are measured: asking the style for a cell's
        size costs a hundred times reading its text."""
        rows = self.model.rowCount()
        step = max(1, rows // FIT_SAMPLE_ROWS)
        texts: dict[str, int] = {}
        for row in range(0, rows, step):
            shown = self.model.data(self.model.index(row, column), Qt.ItemDataRole.DisplayRole)
            texts.setdefault("" if shown is None else str(shown), row)
        longest = sorted(texts, key=len, reverse=True)[:FIT_MEASURED_TEXTS]
        cells = max((self.table.sizeHintForIndex(self.model.index(texts[text], column)).width()
                     for text in longest), default=0)
        grid = 1 if self.table.showGrid() else 0
        return max(cells + grid, self.table.horizontalHeader().sectionSizeHint(column))

    def _fit_headline(self) -> None:
        """Give the headline the width the other shown columns leave, at least
        HEADLINE_MIN. (Qt's Stretch mode would shrink it to nothing beside many columns.)"""
        header = self.table.horizontalHeader()
        others = sum(header.sectionSize(column) for column in range(1, len(COLUMNS)))
        width = max(HEADLINE_MIN, self.table.viewport().width() - others)
        if header.sectionSize(0) != width:
            header.resizeSection(0, width)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column != 0:
            self._fit_headline()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_headline()
        return super().eventFilter(watched, event)

    def column_menu(self) -> QMenu:
        """The header's context menu: which columns besides the headline to show."""
        header = self.table.horizontalHeader()
        menu = QMenu(tr("Columns"), self)
        for column, (_, label) in enumerate(COLUMNS[1:], 1):
            action = menu.addAction(tr(label))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
        return menu

    def show_column(self, column: int, shown: bool) -> None:
        header = self.table.horizontalHeader()
        header.setSectionHidden(column, not shown)
        # Never sized (hidden since the first start, maybe saved so): sized now that its
        # header can be measured.
        if shown and header.sectionSize(column) == header.defaultSectionSize():
            header.resizeSection(column, self._content_width(column))
        self._fit_headline()

    def _sort_chosen(self, column: int, order: Qt.SortOrder) -> None:
        key = COLUMNS[column][0]
        self._column_sort = Sort(key, order == Qt.SortOrder.DescendingOrder)
        self._sort_is_relevance = False
        LIST_SORT.write(self.settings,
                        f"{key}:{'desc' if self._column_sort.descending else 'asc'}")
        self.refresh()

    # -- selection and actions ---------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.article_id(row) for row in rows if row < self.model.rowCount()]

    def show_article(self, article_id: int) -> None:
        """Select the story the editor shows (after a search still loading, if it is
        there), unless its row is selected already (one of several chosen)."""
        row = self.model.row_of(article_id)
        if row is None:
            self._select_when_loaded = article_id if self._searching else None
            return
        if article_id in self.selected_ids():
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def current_article_id(self) -> int | None:
        """The story in the selected row under the cursor, if any."""
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.article_id(index.row())

    def _neighbour(self, leaving: list[int]) -> int | None:
        """The story to select once ``leaving`` are gone: the next row after the selected
        ones, else the nearest one above them."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        if not rows:
            return None
        gone = set(leaving)
        for row in itertools.chain(range(rows[-1] + 1, self.model.rowCount()),
                                   range(rows[0] - 1, -1, -1)):
            article_id = self.model.article_id(row)
            if article_id not in gone:
                return article_id
        return None

    def _reselect(self, ids: list[int]) -> None:
        selection = self.table.selectionModel()
        for article_id in ids:
            row = self.model.row_of(article_id)
            if row is not None:
                selection.select(self.model.index(row, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def _selection_changed(self, *_args: Any) -> None:
        self._update_actions()
        index = self.table.currentIndex()
        snippet = self.model.data(index, SnippetRole) if index.isValid() else ""
        self.snippet.setText(search.snippet_html(snippet) if snippet else "")
        self.snippet.setVisible(bool(snippet))

    def _update_actions(self) -> None:
        selected = bool(self.table.selectionModel().selectedRows())
        in_trash = self.show_trash_action.isChecked()
        self.duplicate_action.setEnabled(selected and not in_trash)
        self.trash_action.setEnabled(selected and not in_trash)
        self.restore_action.setEnabled(selected and in_trash)
        self.empty_trash_action.setEnabled(in_trash and self.model.rowCount() > 0)
        self.open_action.setEnabled(selected and not in_trash)
        self.status_menu.setEnabled(selected and not in_trash)
        self.status_button.setEnabled(selected and not in_trash)

    def _context_menu(self, position) -> None:
        menu = QMenu(self)
        if self.show_trash_action.isChecked():
            menu.addActions([self.restore_action, self.empty_trash_action])
        else:
            menu.addActions([self.open_action, self.duplicate_action])
            menu.addMenu(self.status_menu)
            menu.addSeparator()
            menu.addAction(self.trash_action)
        menu.exec(self.table.viewport().mapToGlobal(position))

    def _new_story(self) -> None:
        self.new_requested.emit()  # the desk's editor creates and opens it
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid() and not self.show_trash_action.isChecked():
            self.article_activated.emit(self.model.article_id(index.row()))

    def _open_first_result(self) -> None:
        """Enter in the search box opens the best match."""
        if self.search_timer.isActive():
            self.refresh()
        self.wait_for_search()
        QTimer.singleShot(0, self._open_row_zero)

    def _open_row_zero(self) -> None:
        if self.model.rowCount() and not self.show_trash_action.isChecked():
            # Not selectRow(): in extended selection it adds to the selection while Shift
            # or Ctrl is held, so Shift+Enter would open one story with several selected.
            self.show_article(self.model.article_id(0))
            self.article_activated.emit(self.model.article_id(0))

    def duplicate_selected(self) -> None:
        ids = self.selected_ids()
        copies = [articles.duplicate_article(article_id).id for article_id in ids]
        if copies:
            self.refresh()
            self.message.emit(tr("Duplicated %Ln story(s)", "", len(copies)))
            self.article_activated.emit(copies[-1])

    def trash_selected(self) -> None:
        """Move the selected stories to the trash and select the row that follows them."""
        ids = self.selected_ids()
        if not ids or (self.before_trash is not None and not self.before_trash(ids)):
            return
        following = self._neighbour(ids)
        try:
            moved = articles.move_to_trash(ids)
        except UserError as exc:  # a read-only or full disk, another program's lock
            self.message.emit(tr("Not moved to the trash: {reason}").format(
                reason=error_text(exc)))
            return
        if moved:
            self.refresh()
            if following is not None:
                self.show_article(following)
            self.message.emit(tr("Moved %Ln story(s) to the trash", "", moved))
            self.trashed.emit(ids)

    def restore_selected(self) -> None:
        try:
            restored = articles.restore_from_trash(self.selected_ids())
        except UserError as exc:  # a read-only or full disk, another program's lock
            self.message.emit(tr("Not restored: {reason}").format(reason=error_text(exc)))
            return
        if restored:
            self.refresh()
            self.message.emit(tr("Restored %Ln story(s) from the trash", "", restored))

    def empty_trash(self) -> None:
        count = search.backend().status_counts(Filters(trash=True))
        total = sum(count.values())
        if not total:
            self.message.emit(tr("The trash is empty"))
            return
        from PySide6.QtWidgets import QMessageBox  # its type costs the start ~1 ms

        answer = QMessageBox.question(
            self, tr("Empty trash"),
            tr("Delete %Ln story(s) in the trash for good? This cannot be undone.", "", total),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            deleted = articles.empty_trash()
        except UserError as exc:
            self.message.emit(tr("The trash was not emptied: {reason}").format(
                reason=error_text(exc)))
            return
        RecoveryJournal.for_current_database().forget_deleted()  # their unsaved text too
        self.refresh()
        self.message.emit(tr("Deleted %Ln story(s) for good", "", deleted))

    def set_status_selected(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if status == "published" and self.publish_refusal:
            self.message.emit(self.publish_refusal)
            return
        try:
            refused = articles.set_status_many(ids, status)
        except UserError as exc:
            self.message.emit(tr("Status not changed: {reason}").format(reason=error_text(exc)))
            return
        refusals = [translated(refusal) for refusal in refused]
        label = translated(workflow.status_name(status))
        if refusals:
            from PySide6.QtWidgets import QMessageBox

            self.last_refusals = refusals
            box = QMessageBox(QMessageBox.Icon.Warning, tr("Status not changed"),
                              tr("No story was set to {status}: %Ln story(s) cannot move.",
                                 "", len(refusals)).format(status=label),
                              QMessageBox.StandardButton.Ok, self)
            box.setDetailedText("\n".join(refusals))
            box.setInformativeText("\n".join(refusals[:8]) + ("\n…" if len(refusals) > 8 else ""))
            box.open()
            self.refusal_box = box
            self.message.emit(tr("Status not changed: {reason}").format(reason=refusals[0]))
            return
        self.refresh()
        self.message.emit(tr("Set %Ln story(s) to {status}", "", len(ids)).format(status=label))

    # -- the desk's interface ----------------------------------------------------------------
    def refresh_article(self, article_id: int) -> None:
        """A story was saved: show its new values (or reload if it is not on screen)."""
        if not self.model.update_row(article_id):
            self.refresh()

    def file_actions(self) -> list[QAction]:
        return [self.new_action, self.duplicate_action, self.search_action, self.trash_action,
                self.show_trash_action, self.empty_trash_action]

    def save_layout(self) -> None:
        LIST_COLUMNS.write(self.settings, self.table.horizontalHeader().saveState())


"""The review queue as a lazy list model: pages of 200 rows fetched as the view scrolls.

Rows are ``review_queue.QueueRow`` values; a review is addressed by its id everywhere
(marks, decisions, undo), never by its row number, because rows move when reviews leave
the queue.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QPixmap

from newsdesk.moderation import queues as review_queue
from newsdesk.moderation.queues import QueueFilter, QueueRow
from newsdesk.moderation.rules import visible_text
from newsdesk.store.timestamps import local_time
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@cache
def blank_icon() -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def row_text(row: QueueRow) -> str:
    """Two plain-text lines: who and where, then the start of the review on one line.
    Hidden and direction-override characters are shown as marks, never obeyed."""
    who = visible_text(row.author) or tr("(no name)")
    when = local_time(row.submitted_at).strftime("%Y-%m-%d %H:%M")  # zone: the tooltip
    snippet = visible_text(" ".join(row.snippet.split()))
    if len(snippet) > 160:
        snippet = snippet[:159] + "…"
    return f"{who} · {when} · {visible_text(row.headline)}\n{snippet}"


class ReviewQueueModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.spec = QueueFilter()
        self.rows: list[QueueRow] = []
        self.marked: set[int] = set()
        self._exhausted = True

    # -- loading -------------------------------------------------------------------------
    def set_filter(self, spec: QueueFilter) -> None:
        """Show another queue or filter: start empty, the first page comes with fetchMore."""
        self.beginResetModel()
        self.spec = spec
        self.rows = []
        self.marked.clear()
        self._exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or self._exhausted:
            return
        after = self.rows[-1].key if self.rows else None
        page = review_queue.fetch_page(self.spec, after)
        if len(page) < review_queue.PAGE_SIZE:
            self._exhausted = True
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row_text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            submitted = tr("Submitted {time}").format(
                time=f"{local_time(row.submitted_at):%Y-%m-%d %H:%M %Z}")
            flags = ", ".join(row.flag_codes)
            return (submitted + "\n" + tr("Flags: {flags}").format(flags=flags) if flags
                    else submitted)
        if role == Qt.ItemDataRole.CheckStateRole:
            return (Qt.CheckState.Checked if row.id in self.marked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DecorationRole:
            # Unflagged rows get a blank icon of the same size, so the texts line up.
            return icon("mdi6.flag-outline") if row.flag_codes else blank_icon()
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        review_id = self.rows[index.row()].id
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked:
            self.marked.add(review_id)
        else:
            self.marked.discard(review_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    # -- helpers for the panel -------------------------------------------------------------
    def review_id(self, row: int) -> int:
        return self.rows[row].id

    def row_of(self, review_id: int) -> int:
        for number, row in enumerate(self.rows):
            if row.id == review_id:
                return number
        return -1

    def find(self, review_id: int, max_pages: int = 50) -> int:
        """The row of ``review_id``, fetching further pages if needed (-1 if absent)."""
        found = self.row_of(review_id)
        pages = 0
        while found < 0 and self.canFetchMore() and pages < max_pages:
            start = len(self.rows)
            self.fetchMore()
            found = next((start + n for n, row in enumerate(self.rows[start:])
                          if row.id == review_id), -1)
            pages += 1
        return found

    def toggle_mark(self, row: int) -> None:
        index = self.index(row, 0)
        state = self.data(index, Qt.ItemDataRole.CheckStateRole)
        new = (Qt.CheckState.Unchecked if state == Qt.CheckState.Checked
               else Qt.CheckState.Checked)
        self.setData(index, new.value, Qt.ItemDataRole.CheckStateRole)

    def marked_ids(self) -> list[int]:
        """Marked reviews in queue order."""
        return [row.id for row in self.rows if row.id in self.marked]

    def remove_ids(self, ids: set[int]) -> None:
        """Drop rows (reviews that left this queue), from the bottom up so rows stay valid."""
        for number in range(len(self.rows) - 1, -1, -1):
            if self.rows[number].id in ids:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self.rows[number]
                self.endRemoveRows()
        self.marked -= ids

    def replace_status(self, ids: set[int], status: str) -> None:
        """Reviews decided but still in this queue (e.g. the filter shows all statuses)."""
        for number, row in enumerate(self.rows):
            if row.id in ids:
                self.rows[number] = QueueRow(**{**row.__dict__, "status": status})
                index = self.index(number, 0)
                self.dataChanged.emit(index, index)

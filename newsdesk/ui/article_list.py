"""The story list (first version): filters, search and a table of stories."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk import articles, workflow
from newsdesk.ui.icons import icon

COLUMNS = (
    ("headline", "Headline"), ("status", "Status"), ("dateline", "Dateline"),
    ("desk_code", "Desk"), ("updated_at", "Updated"), ("pending_reviews", "Reviews"),
)
LIST_LIMIT = 2000


def _cell(row: dict[str, Any], key: str) -> str:
    if key == "dateline":
        place, date = row["dateline"]["place"], row["dateline"]["date"]
        return " ".join(filter(None, [place, date or ""]))
    if key == "updated_at":
        return row["updated_at"][:16].replace("T", " ")
    if key == "status":
        return workflow.STATUS_LABELS.get(row["status"], row["status"])
    if key == "pending_reviews":
        return str(row["pending_reviews"] or "")
    return str(row[key] or "")


class ArticleTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[dict[str, Any]] = []

    def load(self, statuses: list[str], search: str) -> None:
        self.beginResetModel()
        self.rows = articles.list_summaries(statuses, search or None, LIST_LIMIT)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, COLUMNS[index.column()][0])
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def article_id(self, row: int) -> int:
        return self.rows[row]["id"]


class ArticleListPanel(QWidget):
    article_activated = Signal(int)
    new_requested = Signal()
    message = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search stories (Ctrl+Shift+F)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem("All statuses", "")
        for status, label in workflow.STATUS_LABELS.items():
            self.status_filter.addItem(label, status)
        self.new_button = QToolButton(self)
        self.model = ArticleTableModel(self)
        self.table = QTableView(self)
        self._build()
        self.refresh()

    def _build(self) -> None:
        self.new_action = QAction(icon("mdi6.file-document-plus-outline"), "&New story", self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_requested)
        self.new_button.setDefaultAction(self.new_action)
        self.search_action = QAction("Search stories", self)
        self.search_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self.search_action.triggered.connect(lambda: (self.search.setFocus(),
                                                      self.search.selectAll()))
        self.addAction(self.search_action)
        self.search.textChanged.connect(self.refresh)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda index: self.article_activated.emit(
            self.model.article_id(index.row())))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        status = self.status_filter.currentData()
        self.model.load([status] if status else [], self.search.text().strip())

    def refresh_article(self, article_id: int) -> None:
        self.refresh()

    def file_actions(self) -> list[QAction]:
        return [self.new_action, self.search_action]

    def save_layout(self) -> None:
        self.settings.setValue("list/header", self.table.horizontalHeader().saveState())

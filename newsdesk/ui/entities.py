"""People & Organisations (first version): the registry as a searchable table."""

from __future__ import annotations

import peewee
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.entities import normalize_name
from newsdesk.store.models import Alias, ArticleTag, Entity

HEADERS = ("Name", "Kind", "Aliases", "Stories")


class EntitiesPanel(QWidget):
    message = Signal(str)
    open_article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search people and organisations")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.refresh()

    def refresh(self) -> None:
        needle = normalize_name(self.search.text())
        stories = peewee.fn.COUNT(ArticleTag.id.distinct())
        query = (Entity.select(Entity, stories.alias("stories"))
                 .join(ArticleTag, peewee.JOIN.LEFT_OUTER)
                 .where(Entity.merged_into.is_null()).group_by(Entity).order_by(Entity.name))
        aliases: dict[int, list[str]] = {}
        for alias in Alias.select():
            aliases.setdefault(alias.entity_id, []).append(alias.name)
        rows = [e for e in query if not needle or needle in e.normalized
                or any(needle in normalize_name(a) for a in aliases.get(e.id, []))]
        self.table.setRowCount(len(rows))
        for row, entity in enumerate(rows):
            values = (entity.name, entity.kind, ", ".join(aliases.get(entity.id, [])),
                      str(entity.stories))
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))

    def activated(self) -> None:
        self.refresh()

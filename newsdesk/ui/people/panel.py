"""People & Organisations: the registry as a searchable list, an editor for one entry,
merging (with undo) and the stories that carry an entity.

The list is a lazy model: rows arrive a page at a time as the view scrolls, and aliases
are fetched only for the rows fetched, so typing in the search box never loads the whole
registry's aliases.
"""

from __future__ import annotations

from typing import Any

import peewee
from PySide6.QtCore import (
    QT_TR_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.people import registry as entities
from newsdesk.people import suggest
from newsdesk.store.models import ENTITY_KINDS
from newsdesk.ui.domain_texts import error_text, kind_name, relation_name, status_label
from newsdesk.ui.i18n import number_text, tr
from newsdesk.ui.icons import icon
from newsdesk.ui.workers import Job, JobRunner

HEADERS = (QT_TR_NOOP("Name"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Aliases"),
           QT_TR_NOOP("Stories"))
PAGE = 200
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ICONS = {"person": "mdi6.account-outline", "organisation": "mdi6.domain",
              "place": "mdi6.map-marker-outline"}


class RegistryModel(QAbstractTableModel):
    """The registry, filtered by a search text, fetched a page at a time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = ""
        self.rows: list[tuple[int, str, str, int]] = []
        self.aliases: dict[int, list[str]] = {}
        self.total = 0

    # -- loading -------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        self.beginResetModel()
        self.search = text
        # Spelling variants join the results once the index is built (off this thread).
        self.total = entities.registry_count(text, build_index=False)
        self.rows = []
        self.aliases = {}
        self._append(entities.registry_page(text, 0, PAGE, build_index=False))
        self.endResetModel()

    def refresh(self) -> None:
        self.set_search(self.search)

    def _append(self, rows: list[tuple[int, str, str, int]]) -> None:
        self.rows.extend(rows)
        self.aliases.update(entities.aliases_for(r[0] for r in rows))

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:  # noqa: N802
        """More rows exist beyond those fetched (top level only)."""
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:  # noqa: N802
        """Fetch the next page and announce the inserted rows."""
        if parent.isValid():
            return
        page = entities.registry_page(self.search, len(self.rows), PAGE, build_index=False)
        if not page:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
        self._append(page)
        self.endInsertRows()

    # -- reading -------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        """Rows fetched so far (a table: children have none)."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text per column; the entity id under ``ID_ROLE``; kind icons."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        entity_id, name, kind, stories = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return entity_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return name
            if column == 1:
                return kind_name(kind)
            if column == 2:
                return ", ".join(self.aliases.get(entity_id, []))
            if column == 3:
                return stories
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return icon(KIND_ICONS.get(kind, "mdi6.tag-outline"))
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return "\n".join(self.aliases.get(entity_id, [])) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole
                and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS)):
            return tr(HEADERS[section])
        return None

    def row_of(self, entity_id: int) -> int | None:
        """The row showing ``entity_id``, fetching pages until it appears (or none left)."""
        while True:
            for row, values in enumerate(self.rows):
                if values[0] == entity_id:
                    return row
            if not self.canFetchMore():
                return None
            self.fetchMore()


def _build_index(_job: Job) -> bool:
    """On the worker thread: build the suggestion index; False if the database failed."""
    try:
        suggest.registry_index()
    except peewee.DatabaseError:
        return False
    return True


class EntitiesPanel(QWidget):
    message = Signal(str)
    open_article_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entity_id: int | None = None
        self.undo_stack: list[entities.MergeRecord] = []
        self.name_dialog: QInputDialog | None = None  # open while a new entry awaits its name
        self.warmer = JobRunner(self, name="people-index")
        self._create_widgets()
        self._build()
        self._connect()
        self._show_entity(None)
        self.refresh()
        # One page of the window's stack: it must not raise the window's minimum size.
        self.setMinimumSize(300, 200)

    # -- construction --------------------------------------------------------------------
    def _create_widgets(self) -> None:
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search people, organisations and places (name or alias)"))
        self.search.setClearButtonEnabled(True)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(150)
        self.new_person = QPushButton(icon(KIND_ICONS["person"]), tr("New person"), self)
        self.new_organisation = QPushButton(icon(KIND_ICONS["organisation"]),
                                            tr("New organisation"), self)
        self.new_place = QPushButton(icon(KIND_ICONS["place"]), tr("New place"), self)
        self.model = RegistryModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Kind and story count are short: their room goes to the aliases.
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(0, 220)
        self.count_label = QLabel("", self)
        self.name = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in ENTITY_KINDS:
            self.kind.addItem(icon(KIND_ICONS[kind]), kind_name(kind), kind)
        self.aliases = QPlainTextEdit(self)
        self.aliases.setPlaceholderText(tr("One spelling per line (Məmmədov, Мамедов, ...)"))
        self.aliases.setMaximumHeight(110)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(80)
        self.uri = QLineEdit(self)
        self.uri.setPlaceholderText("https://www.wikidata.org/wiki/Q...")
        # A place's coordinates, in degrees (decimal point); both or neither.
        self.latitude = QLineEdit(self)
        self.latitude.setPlaceholderText(tr("Latitude, e.g. 40.4093"))
        self.longitude = QLineEdit(self)
        self.longitude.setPlaceholderText(tr("Longitude, e.g. 49.8671"))
        self.save_button = QPushButton(icon("mdi6.content-save-outline"), tr("Save"), self)
        self.merge_target = QLineEdit(self)
        self.merge_target.setPlaceholderText(tr("Merge into... (type a name)"))
        self.merge_model = QStandardItemModel(self)
        self.merge_completer = QCompleter(self.merge_model, self)
        self.merge_completer.setCompletionMode(
            QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.merge_target.setCompleter(self.merge_completer)
        self.merge_button = QPushButton(icon("mdi6.call-merge"), tr("Merge"), self)
        self.merge_button.setToolTip(tr("Move this entry's tags and spellings into the chosen "
                                        "one; Undo merge puts them back"))
        self.undo_button = QPushButton(icon("mdi6.undo"), tr("Undo merge"), self)
        self.undo_action = QAction(tr("Undo merge"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.stories = QTreeWidget(self)
        self.stories.setHeaderLabels([tr("Story"), tr("Status"), tr("Relation")])
        self.stories.setRootIsDecorated(False)
        self.stories.header().setStretchLastSection(False)
        self.stories.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.stories.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.open_button = QPushButton(icon("mdi6.open-in-app"), tr("Open story"), self)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)

    def _build(self) -> None:
        left = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_person)
        top.addWidget(self.new_organisation)
        top.addWidget(self.new_place)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 4, 4)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        right = QWidget(self)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name)
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("Aliases"), self.aliases)
        form.addRow(tr("Description"), self.description)
        form.addRow(tr("External URI"), self.uri)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude)
        coordinates.addWidget(self.longitude)
        self.coordinates_label = QLabel(tr("Coordinates"), self)
        form.addRow(self.coordinates_label, coordinates)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_target, 1)
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.undo_button)
        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.open_button)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 4, 4, 4)
        right_layout.addLayout(form)
        right_layout.addLayout(save_row)
        right_layout.addLayout(merge_row)
        right_layout.addWidget(QLabel(tr("Stories tagged with it"), self))
        right_layout.addWidget(self.stories, 1)
        right_layout.addLayout(open_row)
        right_layout.addWidget(self.status)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([760, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.search_timer.timeout.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.new_person.clicked.connect(lambda: self.create("person"))
        self.new_organisation.clicked.connect(lambda: self.create("organisation"))
        self.new_place.clicked.connect(lambda: self.create("place"))
        self.kind.currentIndexChanged.connect(lambda _: self._show_coordinates())
        self.save_button.clicked.connect(self.save)
        self.merge_target.textEdited.connect(self._refresh_merge_targets)
        self.merge_button.clicked.connect(self.merge)
        self.merge_target.returnPressed.connect(self.merge)
        self.undo_button.clicked.connect(self.undo_merge)
        self.undo_action.triggered.connect(self.undo_merge)
        self.stories.itemDoubleClicked.connect(lambda *_: self.open_story())
        self.stories.itemSelectionChanged.connect(self._update_buttons)
        self.open_button.clicked.connect(self.open_story)

    # -- the list ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list (keeping the entry shown, when it still matches)."""
        self.search_timer.stop()
        keep = self.entity_id
        self.model.set_search(self.search.text())
        if keep is not None and self.select_entity(keep):
            return
        if self.model.rowCount():
            self.select_entity(self.model.rows[0][0])
        else:
            self._show_entity(None)

    def _update_count(self, *_: object) -> None:
        total = self.model.total
        self.count_label.setText(tr("%Ln entry(s)", "", total))

    def select_entity(self, entity_id: int) -> bool:
        row = self.model.row_of(entity_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_entity(entity_id)
        return True

    def show_entry(self, entity_id: int, name: str) -> bool:
        """Show one entry, found by its name (the list need not page through the whole
        registry to reach it); False if it is gone."""
        self.search.blockSignals(True)
        self.search.setText(name)
        self.search.blockSignals(False)
        self.refresh()
        return self.select_entity(entity_id)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entity_id = self.model.data(current, ID_ROLE) if current.isValid() else None
        if entity_id != self.entity_id:
            self._show_entity(entity_id)

    # -- one entry -----------------------------------------------------------------------
    def _show_entity(self, entity_id: int | None) -> None:
        self.entity_id = entity_id
        self.merge_target.clear()
        self.stories.clear()
        for widget in (self.name, self.kind, self.aliases, self.description, self.uri,
                       self.latitude, self.longitude, self.save_button, self.merge_target,
                       self.stories):
            widget.setEnabled(entity_id is not None)
        if entity_id is None:
            for field in (self.name, self.uri, self.latitude, self.longitude):
                field.clear()
            self.aliases.clear()
            self.description.clear()
            self._update_buttons()
            return
        entity = entities.get_entity(entity_id)
        self.name.setText(entity.name)
        self.kind.setCurrentIndex(self.kind.findData(entity.kind))
        self.aliases.setPlainText("\n".join(entities.aliases_of(entity_id)))
        self.description.setPlainText(entity.description or "")
        self.uri.setText(entity.uri or "")
        self.latitude.setText("" if entity.latitude is None else f"{entity.latitude:g}")
        self.longitude.setText("" if entity.longitude is None else f"{entity.longitude:g}")
        self._show_coordinates()
        for article_id, headline, status, relation in entities.stories_of(entity_id):
            item = QTreeWidgetItem([headline or tr("(no headline)"),
                                    status_label(status),
                                    relation_name(relation)])
            item.setData(0, ID_ROLE, article_id)
            item.setToolTip(0, item.text(0))  # the column elides long headlines
            self.stories.addTopLevelItem(item)
        if self.stories.topLevelItemCount():
            self.stories.setCurrentItem(self.stories.topLevelItem(0))
        self._update_buttons()

    def save(self) -> None:
        if self.entity_id is None:
            return
        aliases = [line.strip() for line in self.aliases.toPlainText().splitlines()
                   if line.strip()]
        try:
            entity = entities.update_entity(
                self.entity_id, name=self.name.text(), kind=self.kind.currentData(),
                description=self.description.toPlainText(), uri=self.uri.text(),
                aliases=aliases, coordinates=self._coordinates())
        except UserError as exc:
            self._say(tr("Not saved: {reason}").format(reason=error_text(exc)))
            return
        self.refresh()
        self._say(tr("Saved {name}").format(name=entity.name))

    def _coordinates(self) -> tuple[str | None, str | None]:
        """What the coordinate fields say; people and bodies have none."""
        if self.kind.currentData() != "place":
            return (None, None)
        return (self.latitude.text(), self.longitude.text())

    def _show_coordinates(self) -> None:
        shown = self.kind.currentData() == "place"
        for widget in (self.coordinates_label, self.latitude, self.longitude):
            widget.setVisible(shown)

    def create(self, kind: str) -> None:
        """Ask for the new entry's name (the search text to start with): nothing is
        stored until a name is given, so no entry called "New person" joins the registry."""
        dialog = QInputDialog(self)
        if kind == "person":
            dialog.setWindowTitle(tr("New person"))
            dialog.setLabelText(tr("Name of the new person:"))
        elif kind == "place":
            dialog.setWindowTitle(tr("New place"))
            dialog.setLabelText(tr("Name of the new place:"))
        else:
            dialog.setWindowTitle(tr("New organisation"))
            dialog.setLabelText(tr("Name of the new organisation:"))
        dialog.setTextValue(self.search.text().strip())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda name: self._create_named(kind, name))
        dialog.finished.connect(lambda _result: setattr(self, "name_dialog", None))
        self.name_dialog = dialog
        dialog.open()

    def _create_named(self, kind: str, name: str) -> None:
        try:
            entity = entities.create_entity(kind, name)
        except UserError as exc:
            self._say(tr("Nothing created: {reason}").format(reason=error_text(exc)))
            return
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.set_search("")
        self.select_entity(entity.id)
        self.name.setFocus()
        self.name.selectAll()
        self._say(tr("Created {kind} {name}").format(kind=kind_name(kind), name=entity.name))

    # -- merging -------------------------------------------------------------------------
    def _refresh_merge_targets(self, text: str) -> None:
        self.merge_model.clear()
        for entity_id, kind, name, spelling in entities.complete(text, build_index=False):
            if entity_id == self.entity_id:
                continue
            shown = name if spelling == name else f"{name} — {spelling}"
            item = QStandardItem(icon(KIND_ICONS.get(kind, "mdi6.tag-outline")), shown)
            item.setData(entity_id, ID_ROLE)
            self.merge_model.appendRow(item)

    def _merge_target_id(self) -> int | None:
        text = self.merge_target.text().strip()
        for row in range(self.merge_model.rowCount()):
            item = self.merge_model.item(row)
            if item.text() == text:
                return item.data(ID_ROLE)
        found = entities.find_by_name(text.split(" — ")[0]) if text else None
        return found.id if found else None

    def merge(self) -> None:
        if self.entity_id is None:
            return
        target = self._merge_target_id()
        if target is None:
            self._say(tr("Choose the entry to merge into (type its name)"))
            return
        try:
            record = entities.merge_entities(self.entity_id, target)
        except UserError as exc:
            self._say(tr("Not merged: {reason}").format(reason=error_text(exc)))
            return
        self.undo_stack.append(record)
        source = entities.get_entity(record.source_id).name
        self.refresh()
        self.select_entity(target)
        self._say(tr("Merged {source} into {target} ({tags} tags, {spellings} spellings). "
                     "Undo merge (Ctrl+Z) puts them back.").format(
                         source=source, target=entities.get_entity(target).name,
                         tags=number_text(len(record.moved_tags) + len(record.dropped_tags)),
                         spellings=number_text(len(record.moved_aliases)
                                          + len(record.created_aliases))))

    def undo_merge(self) -> None:
        if not self.undo_stack:
            self._say(tr("Nothing to undo"))
            return
        record = self.undo_stack[-1]
        try:
            entities.undo_merge(record)
        except UserError as exc:  # kept on the stack: the same undo once the disk is back
            self._say(tr("Merge not undone: {reason}").format(reason=error_text(exc)))
            return
        self.undo_stack.pop()
        self.refresh()
        self.select_entity(record.source_id)
        self._say(tr("Merge undone: {name} is back").format(
            name=entities.get_entity(record.source_id).name))

    # -- stories -------------------------------------------------------------------------
    def open_story(self) -> None:
        item = self.stories.currentItem()
        if item is not None:
            self.open_article_requested.emit(item.data(0, ID_ROLE))

    def _update_buttons(self) -> None:
        self.merge_button.setEnabled(self.entity_id is not None)
        self.undo_button.setEnabled(bool(self.undo_stack))
        self.open_button.setEnabled(self.stories.currentItem() is not None)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)
        self._update_buttons()

    def _index_built(self, built: bool) -> None:
        if not built:
            return  # the list still works without variants; the next activation retries
        if self.search.text().strip():
            self.refresh()  # now with spelling variants

    def activated(self) -> None:
        self.refresh()
        if suggest.registry_index(build=False) is None and not self.warmer.busy():
            self.warmer.start(_build_index, done=self._index_built)

"""The tag panel under the story editor: the story's people and organisations, and
suggestions that see through spelling variants.

Suggestion passes run on a worker thread (the first pass against a large registry also
builds its index there), after the "Suggest" button or quietly once typing pauses; the
keystroke path only restarts a timer. Results from a pass that an edit or another story
overtook are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import peewee
from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QPalette,
    QResizeEvent,
    QStandardItem,
    QStandardItemModel,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.people import registry as entities
from newsdesk.stories import articles
from newsdesk.ui.domain_texts import error_text, kind_name, relation_name
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon
from newsdesk.ui.workers import JobRunner

if TYPE_CHECKING:
    from newsdesk.people import suggest

AUTO_PASS_MS = 1200  # a quiet pass this long after typing pauses
COMPACT_WIDTH = 470  # narrower than this, the buttons under the lists lose their text
KIND_ICONS = {"person": "mdi6.account-outline", "organisation": "mdi6.domain",
              "place": "mdi6.map-marker-outline"}
ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def _suggestion_pass(texts: tuple[str, str, str], tagged: list[int], language: str = "",
                     dateline: str = "",
                     ) -> tuple[list[suggest.Suggestion], list[suggest.Mention]]:
    """On the worker thread: one suggestion pass (the first one builds the index). The
    suggester is imported here, not by the panel: with rapidfuzz, its first import held the
    GUI thread for 25-40 ms, a hitch under the keys typed when the first pass fell due."""
    from newsdesk.people import suggest

    parts = suggest.story_parts(*texts)
    try:
        index = suggest.registry_index()
        return (suggest.suggest(parts, index, language=language, dateline=dateline),
                suggest.mentions(parts[1], tagged, index))
    except peewee.DatabaseError as exc:  # the database went away: say so, do not crash
        raise UserError(str(exc)) from exc


def tag_with_suggestion(article_id: int, result: suggest.Suggestion,
                        record_aliases: bool) -> str:
    """Tag the story with what ``result`` suggests (an entity new to the registry joins
    it; with ``record_aliases``, so do the spellings it was found under); its name."""
    if result.place is not None:  # from the gazetteer: joins the registry now
        entity_id = entities.registry_place(result.place).id
    elif result.entity_id is None:
        entity = entities.create_entity(
            result.kind, result.name, aliases=result.new_spellings if record_aliases else ())
        entity_id = entity.id
    else:
        entity_id = result.entity_id
        if record_aliases and result.new_spellings:
            entities.add_aliases(entity_id, result.new_spellings)
    # Named more than once: the story is about them; once: they are mentioned.
    relation = result.relation or ("about" if result.count > 1 else "mentioned")
    entities.tag_article(article_id, entity_id, relation)
    return result.name


def _width_with_text(button: QToolButton) -> int:
    """What ``button`` needs with its text beside its icon (padding as the style draws)."""
    text = button.text().replace("&", "")
    return button.iconSize().width() + button.fontMetrics().horizontalAdvance(text) + 18


class TagPanel(QWidget):
    message = Signal(str)
    tags_changed = Signal(int)  # article id
    suggestions_ready = Signal()

    def __init__(self, body: QPlainTextEdit | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self.article_id: int | None = None
        self.fields: dict[str, Any] = {}
        self.generation = 0
        self.spans: list[suggest.Mention] = []
        # (story, dateline place) already tagged located on their own
        self.located_datelines: set[tuple[int | None, str]] = set()
        self.found = 0  # suggestions the last pass found, shown or not
        self.jobs = JobRunner(self, name="suggest")
        self.auto_timer = QTimer(self)
        self.auto_timer.setSingleShot(True)
        self.auto_timer.setInterval(AUTO_PASS_MS)
        self.auto_timer.timeout.connect(self.run_pass)
        self._next_load_delay_ms = 0
        self._create_widgets()
        self._build()
        self._connect()
        # The window's minimum size should not grow with this panel (it lives in a tab).
        self.setMinimumSize(200, 60)
        self.setEnabled(False)

    # -- construction --------------------------------------------------------------------
    def _create_widgets(self) -> None:
        self.add_field = QLineEdit(self)
        self.add_field.setPlaceholderText(
            tr("Add a person, organisation or place (name or alias)"))
        self.completion_model = QStandardItemModel(self)
        self.completer = QCompleter(self.completion_model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.add_field.setCompleter(self.completer)
        self.relation = QComboBox(self)
        for relation in ("about", "mentioned", "located"):
            self.relation.addItem(relation_name(relation), relation)
        self.relation.setToolTip(tr("Relation of tags added from this field"))
        self.new_button = QToolButton(self)
        self.new_button.setIcon(icon("mdi6.plus"))
        self.new_button.setText(tr("New", "a new person or organisation"))
        self.new_button.setToolTip(tr("Create a new person or organisation with the typed name"))
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_menu = QMenu(self)
        self.new_person_action = self.new_menu.addAction(icon(KIND_ICONS["person"]),
                                                         tr("New person"))
        self.new_organisation_action = self.new_menu.addAction(
            icon(KIND_ICONS["organisation"]), tr("New organisation"))
        self.new_place_action = self.new_menu.addAction(icon(KIND_ICONS["place"]),
                                                        tr("New place"))
        self.new_button.setMenu(self.new_menu)
        self.tags = self._tree([tr("Tag"), tr("Relation")])
        self.about_button = self._list_button("mdi6.bullseye-arrow", tr("About", "button"),
                                              tr("The story is about the selected tags"))
        self.mentioned_button = self._list_button(
            "mdi6.comment-quote-outline", tr("Mentioned", "button"),
            tr("The story only mentions the selected tags"))
        self.located_button = self._list_button(
            "mdi6.map-marker-check-outline", tr("Located", "button"),
            tr("The story happens at the selected places"))
        self.remove_button = self._list_button("mdi6.tag-remove-outline", tr("Remove"),
                                               tr("Remove the selected tags (Delete)"))
        self.suggest_button = QPushButton(icon("mdi6.auto-fix"), tr("Suggest"), self)
        self.suggest_button.setToolTip(
            tr("Look for people, organisations and places in the story now"))
        self.suggestions = self._tree([tr("Suggestion"), tr("Seen"), tr("Why")])
        # Why it is suggested is the name's tooltip: a column of it left the names no room.
        self.suggestions.setColumnHidden(2, True)
        self.accept_button = self._list_button("mdi6.check", tr("Accept"),
                                               tr("Tag the story with it (Enter or A)"))
        self.dismiss_button = self._list_button(
            "mdi6.close", tr("Dismiss"),
            tr("Do not suggest it again for this story (Delete or D)"))
        self.record_button = self._list_button(
            "mdi6.form-textbox", tr("Aliases", "button: record the spellings as aliases"),
            tr("Record the spellings seen in this story as aliases"))
        self.record_aliases = QCheckBox(tr("Record spellings"), self)
        self.record_aliases.setToolTip(tr("Accepting a suggestion also records the other "
                                          "spellings seen in the story as aliases"))
        self.record_aliases.setChecked(True)
        self.highlight = QCheckBox(tr("Highlight mentions"), self)
        self.highlight.setToolTip(
            tr("Highlight the tagged people and organisations in the body"))
        self.status = QLabel("", self)
        self.status.setWordWrap(True)  # two lines rather than pushing the check boxes out

    def _tree(self, headers: list[str]) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setHeaderLabels(headers)
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Names share the width and elide (their tooltips hold them whole): a name sized to
        # its contents pushed the columns after it behind a horizontal scroll bar.
        tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        tree.header().setStretchLastSection(False)
        tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return tree

    def _list_button(self, icon_name: str, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon(icon_name))
        button.setText(text)
        button.setToolTip(tip)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return button

    def _build(self) -> None:
        adder = QHBoxLayout()
        adder.addWidget(self.add_field, 1)
        adder.addWidget(self.relation)
        adder.addWidget(self.new_button)
        adder.addWidget(self.suggest_button)
        # Each list's buttons sit under it, not beside it: the panel is only as wide as the
        # editor, and the names and relations need that width more than the buttons do.
        lists = QGridLayout()
        lists.setSpacing(3)
        for column, (tree, buttons) in enumerate(((self.tags, self._tag_buttons()),
                                                  (self.suggestions, self._suggestion_buttons()))):
            row = QHBoxLayout()
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            lists.addWidget(tree, 0, column)
            lists.addLayout(row, 1, column)
            lists.setColumnStretch(column, 1)
        options = QHBoxLayout()
        options.addWidget(self.record_aliases)
        options.addWidget(self.highlight)
        options.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(3)
        layout.addLayout(adder)
        layout.addLayout(lists, 1)
        layout.addLayout(options)

    def _tag_buttons(self) -> tuple[QToolButton, ...]:
        return (self.about_button, self.mentioned_button, self.located_button,
                self.remove_button)

    def _suggestion_buttons(self) -> tuple[QToolButton, ...]:
        return self.accept_button, self.dismiss_button, self.record_button

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """A row of list buttons whose texts do not fit under its list (or a panel
        narrower than COMPACT_WIDTH) shows only their icons, with tooltips; cut texts
        ("Lo...ed") read worse than none."""
        super().resizeEvent(event)
        column = (event.size().width() - 12) // 2
        for buttons in (self._tag_buttons(), self._suggestion_buttons()):
            needed = sum(_width_with_text(b) for b in buttons) + 3 * (len(buttons) - 1)
            compact = event.size().width() < COMPACT_WIDTH or needed > column
            style = (Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                     else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            for button in buttons:
                button.setToolButtonStyle(style)

    def _connect(self) -> None:
        self.add_field.textEdited.connect(self._refresh_completions)
        self.add_field.returnPressed.connect(self._add_typed)
        self.completer.activated.connect(self._completion_chosen)
        self.new_person_action.triggered.connect(lambda: self.create_typed("person"))
        self.new_organisation_action.triggered.connect(
            lambda: self.create_typed("organisation"))
        self.new_place_action.triggered.connect(lambda: self.create_typed("place"))
        self.located_button.clicked.connect(lambda: self.set_relation("located"))
        self.about_button.clicked.connect(lambda: self.set_relation("about"))
        self.mentioned_button.clicked.connect(lambda: self.set_relation("mentioned"))
        self.remove_button.clicked.connect(self.remove_selected_tags)
        self.suggest_button.clicked.connect(self.run_pass)
        self.accept_button.clicked.connect(self.accept_selected)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.record_button.clicked.connect(self.record_selected_spellings)
        self.highlight.toggled.connect(self._apply_highlight)
        self.suggestions.itemDoubleClicked.connect(lambda *_: self.accept_selected())
        self.suggestions.itemSelectionChanged.connect(self._update_buttons)
        self.tags.itemSelectionChanged.connect(self._update_buttons)
        # One key accepts or dismisses: the lists read their keys before the tree does.
        self.suggestions.installEventFilter(self)
        self.tags.installEventFilter(self)
        self._update_buttons()

    _SUGGESTION_KEYS = {Qt.Key.Key_Return: "accept", Qt.Key.Key_Enter: "accept",
                        Qt.Key.Key_A: "accept", Qt.Key.Key_Delete: "dismiss",
                        Qt.Key.Key_D: "dismiss", Qt.Key.Key_Backspace: "dismiss"}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~(
                Qt.KeyboardModifier.KeypadModifier):
            return super().eventFilter(watched, event)
        key = Qt.Key(event.key())
        if watched is self.suggestions and key in self._SUGGESTION_KEYS:
            if self._SUGGESTION_KEYS[key] == "accept":
                self.accept_selected()
            else:
                self.dismiss_selected()
            return True
        if watched is self.tags and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_selected_tags()
            return True
        return super().eventFilter(watched, event)

    # -- following the editor ------------------------------------------------------------
    def story_changed(self, fields: dict[str, Any]) -> None:
        """Connected to the editor's ``content_changed``: cheap, it only restarts a timer."""
        article_id = fields.get("article_id")
        self.fields = fields
        if article_id != self.article_id:
            self.load_story(article_id)
            return
        self.generation += 1  # a pass still running describes older text
        # The interval every time: load_story's start(0) changes it for good, and a pass
        # per announcement (every 100 ms while typing) would compete with the keystrokes.
        self.auto_timer.start(AUTO_PASS_MS)

    def load_story(self, article_id: int | None) -> None:
        self.article_id = article_id
        self.generation += 1
        self.suggestions.clear()
        self.found = 0
        self.status.clear()
        self.spans = []
        self._apply_highlight()
        self.setEnabled(article_id is not None)
        self.refresh_tags()
        if article_id is not None:
            self.auto_timer.start(self._next_load_delay_ms)
            self._next_load_delay_ms = 0

    def finish_pass(self) -> None:
        """The suggestion pass waiting on its timer run now, and waited for (a
        screenshot); its suggestions arrive through the event loop."""
        if self.auto_timer.isActive():
            self.run_pass()
        self.jobs.wait()

    def delay_next_pass(self, delay_ms: int) -> None:
        """The next story loaded is looked through only after ``delay_ms`` (at the
        window's start: the first pass imports rapidfuzz and indexes the registry, on the
        same interpreter lock the preview's first page needs)."""
        self._next_load_delay_ms = delay_ms

    def refresh_tags(self) -> None:
        self.tags.clear()
        if self.article_id is None:
            return
        for tag in articles.tags_of(self.article_id):
            item = QTreeWidgetItem([tag["name"], relation_name(tag["relation"])])
            item.setIcon(0, icon(KIND_ICONS.get(tag["kind"], "mdi6.tag-outline")))
            item.setData(0, ID_ROLE, tag["entity_id"])
            item.setData(0, KIND_ROLE, tag["kind"])
            item.setToolTip(0, f"{kind_name(tag['kind'])}: {tag['name']}")
            self.tags.addTopLevelItem(item)
        self._update_buttons()

    def tagged_ids(self) -> list[int]:
        return [self.tags.topLevelItem(i).data(0, ID_ROLE)
                for i in range(self.tags.topLevelItemCount())]

    # -- suggestions ---------------------------------------------------------------------
    def run_pass(self) -> None:
        self.auto_timer.stop()
        if self.article_id is None:
            return
        self.generation += 1
        texts = (self.fields.get("headline", ""), self.fields.get("body", ""),
                 self.fields.get("footnote", ""))
        self.status.setText(tr("Looking for people, organisations and places..."))
        generation, tagged = self.generation, self.tagged_ids()
        language = str(self.fields.get("language") or "")
        dateline = str(self.fields.get("dateline_place") or "")
        self.jobs.start(lambda _job: _suggestion_pass(texts, tagged, language, dateline),
                        done=lambda found: self._passed(generation, *found),
                        failed=lambda reason: self._pass_failed(generation, reason))

    def _passed(self, generation: int, results: list[suggest.Suggestion],
                spans: list[suggest.Mention]) -> None:
        if generation != self.generation:
            return  # the story changed meanwhile; a newer pass is coming
        try:
            tagged = set(self.tagged_ids())
            dismissed = entities.dismissed_keys(self.article_id) if self.article_id else set()
        except peewee.DatabaseError as exc:  # e.g. the connection dropped meanwhile
            self._pass_failed(generation, str(exc))
            return
        shown = [s for s in results if s.entity_id not in tagged and s.key not in dismissed]
        located = self._locate_automatically(shown)
        self._show_suggestions([s for s in shown if s is not located])
        self.spans = spans
        self._apply_highlight()
        self.found = len(results)
        self._show_count()
        if located is None:
            self.suggestions_ready.emit()  # else once the dateline's place is tagged

    def _locate_automatically(self, shown: list[suggest.Suggestion]
                              ) -> suggest.Suggestion | None:
        """The dateline's place is tagged ``located`` without asking, once per dateline of
        a story: removed by hand, it stays removed until the dateline changes. The tag is
        written on the worker: while another program holds the database a write waits
        (up to 5 s), and the window must not. Returns the suggestion being tagged."""
        dateline = (self.article_id, str(self.fields.get("dateline_place") or "").strip())
        located = [s for s in shown if s.relation == "located"]
        article_id = self.article_id
        if not located or article_id is None or dateline in self.located_datelines:
            return None
        self.located_datelines.add(dateline)
        record = self.record_aliases.isChecked()
        self.jobs.start(lambda _job: tag_with_suggestion(article_id, located[0], record),
                        done=lambda name: self._located(article_id, name),
                        failed=lambda reason: self._located(article_id, None, reason))
        return located[0]

    def _located(self, article_id: int, name: str | None, reason: str = "") -> None:
        if name is None:
            self.message.emit(tr("Not tagged: {reason}").format(reason=reason))
        else:
            if article_id == self.article_id:
                self.refresh_tags()
            self.tags_changed.emit(article_id)
            self.message.emit(tr("Tagged the dateline's place: {name}").format(name=name))
        if article_id == self.article_id:
            self.suggestions_ready.emit()

    def _show_count(self) -> None:
        """How many suggestions the list holds, and how many of the last pass's finds it
        leaves out because they are tagged or dismissed by now."""
        shown = self.suggestions.topLevelItemCount()
        hidden = max(0, self.found - shown)
        self.status.setText(tr("%n suggestion(s)", "", shown)
                            + (tr(", %n hidden", "", hidden) if hidden else ""))
        self.status.setToolTip(tr("%n already tagged or dismissed", "", hidden)
                               if hidden else "")

    def _pass_failed(self, generation: int, reason: str) -> None:
        if generation == self.generation:
            self.status.setText(tr("Suggestions unavailable: {reason}").format(reason=reason))

    def _show_suggestions(self, results: list[suggest.Suggestion]) -> None:
        selected = {s.key for s in self.selected_suggestions()}
        self.suggestions.clear()
        for result in results:
            label = (result.name if result.entity_id
                     else tr("{name} (new)").format(name=result.name))
            item = QTreeWidgetItem([label, str(result.count), result.why])
            item.setIcon(0, icon(KIND_ICONS.get(result.kind, "mdi6.tag-outline")))
            item.setData(0, ID_ROLE, result)
            tip = result.why
            if result.new_spellings:
                tip += "\n" + tr("Spellings not yet in the registry: {spellings}").format(
                    spellings=", ".join(result.new_spellings))
            item.setToolTip(0, tip)
            item.setToolTip(2, tip)
            self.suggestions.addTopLevelItem(item)
            item.setSelected(result.key in selected)
        if self.suggestions.topLevelItemCount() and not self.suggestions.selectedItems():
            self.suggestions.setCurrentItem(self.suggestions.topLevelItem(0), 0,
                                            QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._update_buttons()

    def shown_suggestions(self) -> list[suggest.Suggestion]:
        return [self.suggestions.topLevelItem(i).data(0, ID_ROLE)
                for i in range(self.suggestions.topLevelItemCount())]

    def selected_suggestions(self) -> list[suggest.Suggestion]:
        return [item.data(0, ID_ROLE) for item in self.suggestions.selectedItems()]

    def accept_selected(self) -> None:
        chosen = self.selected_suggestions()
        if not chosen or self.article_id is None:
            return
        names, accepted = [], set()
        try:
            for result in chosen:
                names.append(self._accept(result))
                accepted.add(result.key)
        except UserError as exc:
            self._not_done(tr("Not tagged: {reason}"), exc)
        if not accepted:
            return
        self._drop_suggestions(accepted)  # those not tagged stay suggested
        self._tags_written()
        self.message.emit(tr("Tagged: {names}").format(names=", ".join(names)))

    def _accept(self, result: suggest.Suggestion) -> str:
        assert self.article_id is not None
        return tag_with_suggestion(self.article_id, result, self.record_aliases.isChecked())

    def dismiss_selected(self) -> None:
        chosen = self.selected_suggestions()
        if not chosen or self.article_id is None:
            return
        try:
            for result in chosen:
                entities.dismiss_suggestion(self.article_id, result.key)
        except UserError as exc:
            self._not_done(tr("Not dismissed: {reason}"), exc)
            return
        self._drop_suggestions({s.key for s in chosen})
        self.message.emit(tr("Dismissed for this story: {names}").format(
            names=", ".join(s.name for s in chosen)))

    def record_selected_spellings(self) -> None:
        recorded = []
        try:
            for result in self.selected_suggestions():
                if result.entity_id is not None and result.new_spellings:
                    recorded += entities.add_aliases(result.entity_id, result.new_spellings)
                    result.new_spellings = []
        except UserError as exc:
            self._not_done(tr("Not recorded: {reason}"), exc)
        self._update_buttons()
        if recorded:
            self.message.emit(tr("Recorded as aliases: {spellings}").format(
                spellings=", ".join(recorded)))

    def _drop_suggestions(self, keys: set[str]) -> None:
        dropped = False
        for index in reversed(range(self.suggestions.topLevelItemCount())):
            if self.suggestions.topLevelItem(index).data(0, ID_ROLE).key in keys:
                self.suggestions.takeTopLevelItem(index)
                dropped = True
        if dropped:
            self._show_count()
        self._update_buttons()

    # -- tags by hand --------------------------------------------------------------------
    def _refresh_completions(self, text: str) -> None:
        self.completion_model.clear()
        # Variants come from the suggestion index, which the first pass builds off-thread.
        for entity_id, kind, name, spelling in entities.complete(text, build_index=False):
            shown = name if spelling == name else f"{name} — {spelling}"
            item = QStandardItem(icon(KIND_ICONS.get(kind, "mdi6.tag-outline")), shown)
            item.setData(entity_id, ID_ROLE)
            self.completion_model.appendRow(item)

    def _completion_chosen(self, text: str) -> None:
        for row in range(self.completion_model.rowCount()):
            item = self.completion_model.item(row)
            if item.text() == text:
                self.add_tag(item.data(ID_ROLE))
                QTimer.singleShot(0, self.add_field.clear)
                return

    def _add_typed(self) -> None:
        text = self.add_field.text().strip()
        if not text or self.completer.popup().isVisible():
            return
        found = entities.find_by_name(text.split(" — ")[0])
        if found is None:
            self.message.emit(tr("No one called {name} yet: use New to create them").format(
                name=repr(text)))
            self.new_button.showMenu()
            return
        self.add_tag(found.id)
        self.add_field.clear()

    def create_typed(self, kind: str) -> None:
        name = self.add_field.text().strip()
        if self.article_id is None:
            return
        try:
            entity = entities.create_entity(kind, name)
        except UserError as exc:
            self._not_done(tr("Not created: {reason}"), exc)
            return
        self.add_field.clear()
        self.add_tag(entity.id)
        self.message.emit(tr("Created {kind} {name}").format(kind=kind_name(kind),
                                                              name=entity.name))

    def add_tag(self, entity_id: int) -> None:
        if self.article_id is None:
            return
        try:
            entities.tag_article(self.article_id, entity_id, self.relation.currentData())
        except UserError as exc:
            self._not_done(tr("Not tagged: {reason}"), exc)
            return
        self._drop_suggestions({f"entity:{entity_id}"})
        self._tags_written()

    def selected_tag_ids(self) -> list[int]:
        return [item.data(0, ID_ROLE) for item in self.tags.selectedItems()]

    def set_relation(self, relation: str) -> None:
        try:
            for entity_id in self.selected_tag_ids():
                entities.tag_article(self.article_id, entity_id, relation)
        except UserError as exc:
            self._not_done(tr("Not changed: {reason}"), exc)
        self._tags_written(keep_selection=True)

    def remove_selected_tags(self) -> None:
        chosen = self.selected_tag_ids()
        try:
            for entity_id in chosen:
                entities.untag_article(self.article_id, entity_id)
        except UserError as exc:
            self._not_done(tr("Not removed: {reason}"), exc)
            self._tags_written()  # those removed before the failure are gone
            return
        if chosen:
            self._tags_written()
            self.run_pass()  # an untagged entity may be suggested again

    def _not_done(self, text: str, exc: UserError) -> None:
        """A change by hand the database did not take (a duplicate name, a read-only or
        full disk, another program's lock): the panel says why and goes on."""
        self.message.emit(text.format(reason=error_text(exc)))

    def _tags_written(self, keep_selection: bool = False) -> None:
        selected = set(self.selected_tag_ids()) if keep_selection else set()
        self.refresh_tags()
        for index in range(self.tags.topLevelItemCount()):
            item = self.tags.topLevelItem(index)
            item.setSelected(item.data(0, ID_ROLE) in selected)
        if self.article_id is not None:
            self.tags_changed.emit(self.article_id)
        if self.highlight.isChecked():
            self.run_pass()  # recompute the highlighted mentions

    def _update_buttons(self) -> None:
        has_tag = bool(self.tags.selectedItems())
        for button in (self.about_button, self.mentioned_button, self.remove_button):
            button.setEnabled(has_tag)
        self.located_button.setEnabled(has_tag and all(
            item.data(0, KIND_ROLE) == "place" for item in self.tags.selectedItems()))
        chosen = self.selected_suggestions()
        self.accept_button.setEnabled(bool(chosen))
        self.dismiss_button.setEnabled(bool(chosen))
        self.record_button.setEnabled(any(s.entity_id is not None and s.new_spellings
                                          for s in chosen))

    # -- highlighting --------------------------------------------------------------------
    def _apply_highlight(self, *_: object) -> None:
        if self.body is None:
            return
        if not self.highlight.isChecked() or not self.spans:
            self.body.setExtraSelections([])
            return
        text_format = QTextCharFormat()
        text_format.setBackground(self._highlight_colour())
        selections = []
        length = self.body.document().characterCount()
        text = self.body.toPlainText()
        for span in self.spans:
            start, end = _utf16(text, span.start), _utf16(text, span.end)
            if end >= length:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.body.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = text_format
            selections.append(selection)
        self.body.setExtraSelections(selections)

    def _highlight_colour(self) -> QColor:
        colour = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        colour.setAlpha(60)
        return colour


def _utf16(text: str, index: int) -> int:
    """Qt counts positions in UTF-16 units: characters beyond the BMP take two."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)

"""The moderation queue: clear readers' reviews from the keyboard.

Queues (Pending, Flagged, Approved, Rejected, Spam) with counts, filters by story, author
and text, a lazy list of reviews and a detail pane. The dashboard opens a queue narrowed
further (one flag, or who decided, and since when); a bar above the list says so and
"Show all" lifts it. Every decision goes through
``reviews.decide`` and onto an undo stack of ``DecisionGroup``s, which name the reviews they
changed by id, so ``Z`` always restores the right reviews whatever the list shows now.
Review text is untrusted: it is only ever shown as plain text, hidden characters visible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.moderation import queues as review_queue
from newsdesk.moderation import reviews
from newsdesk.moderation.queues import QUEUE_NAMES, QUEUES, QueueFilter, decider_name
from newsdesk.moderation.rules import flag_name, flag_reason, visible_text
from newsdesk.store.timestamps import local_time
from newsdesk.stories.identity import default_user_name
from newsdesk.ui.domain_texts import error_text, shown, translated
from newsdesk.ui.i18n import number_text, tr
from newsdesk.ui.icons import icon
from newsdesk.ui.moderation.dialogs import (
    RulesDialog,
    ShortcutOverlay,
    import_job,
    recheck_job,
)
from newsdesk.ui.moderation.review_model import ReviewQueueModel
from newsdesk.ui.settings import MODERATION_QUEUE, MODERATION_SPLITTER, user_name
from newsdesk.ui.workers import Job, JobRunner

STATUS_OF_QUEUE = {"pending": "pending", "flagged": "pending", "approved": "approved",
                   "rejected": "rejected", "spam": "spam"}


def review_status_name(status: str) -> str:
    """A review's status (pending, approved...) in the window's language, in lower case."""
    return {"pending": tr("pending", "a review's status"),
            "approved": tr("approved", "a review's status"),
            "rejected": tr("rejected", "a review's status"),
            "spam": tr("spam", "a review's status")}.get(status, status)


def import_summary(result: reviews.ImportResult) -> str:
    """What an import of reviews did, in one sentence."""
    return tr("Imported %n review(s) ({flagged} flagged, {rejected} rejected by rules); "
              "skipped {skipped} already imported", "", result.added).format(
                  flagged=number_text(result.flagged), rejected=number_text(result.rejected),
                  skipped=number_text(result.skipped))


def recheck_summary(result: reviews.RecheckResult) -> str:
    """What checking the pending reviews against the rules did, in one sentence."""
    return tr("Checked %n pending review(s) against the rules: {rejected} rejected, "
              "{flagged} flagged", "", result.checked).format(
                  rejected=number_text(result.group.count), flagged=number_text(result.flagged))


def plain_label(parent: QWidget, object_name: str) -> QLabel:
    """A label that can never interpret its text as HTML."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def plain_message_box(parent: QWidget, kind: QMessageBox.Icon, title: str, text: str,
                      buttons: QMessageBox.StandardButton) -> QMessageBox:
    """A message box that shows names and file contents as text, never as HTML."""
    box = QMessageBox(kind, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class ReviewDetail(QWidget):
    """One review in full: who, when, which story, the text, its flags, the author's record."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = plain_label(self, "review-header")
        self.story = plain_label(self, "review-story")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("review-text")
        self.text.setReadOnly(True)
        self.flags = plain_label(self, "review-flags")
        self.history = plain_label(self, "review-history")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (self.header, self.story, self.text, self.flags, self.history):
            layout.addWidget(widget)
        layout.setStretchFactor(self.text, 1)
        self.show_review(None)

    def show_review(self, detail: dict | None) -> None:
        if detail is None:
            for label in (self.header, self.story, self.flags, self.history):
                label.setText("")
            self.text.setPlainText("")
            self.text.setPlaceholderText(tr("No review selected"))
            return
        rating = (" · " + tr("rating {rating}/5").format(rating=detail["rating"])
                  if detail["rating"] else "")
        email = f" <{detail['email']}>" if detail["email"] else ""
        status = review_status_name(detail["status"])
        if detail["moderated_at"] is not None:
            status += f" {local_time(detail['moderated_at']):%Y-%m-%d %H:%M %Z}"
            if detail["moderated_by"]:
                status += tr(" by {moderator}", "after a review's status and time").format(
                    moderator=shown(decider_name(detail["moderated_by"])))
        # The user's own clock, its zone named: the times are stored in UTC.
        submitted = local_time(detail["submitted_at"])
        self.header.setText(visible_text(
            f"{detail['author']}{email} · {submitted:%Y-%m-%d %H:%M %Z} · {status}{rating}"))
        self.story.setText(tr("Story: {headline}").format(
            headline=visible_text(detail["headline"])))
        self.text.setPlainText(visible_text(detail["text"]))
        flags = "\n".join(f"⚑ {shown(flag_reason(code, reason))}"
                           for code, reason in detail["flags"])
        self.flags.setText(flags or tr("No flags"))
        history = detail["history"]
        self.history.setText(
            tr("Author history: {approved} approved · {rejected} rejected · {spam} spam · "
               "{pending} pending").format(**{key: number_text(history[key]) for key in
                                             ("approved", "rejected", "spam", "pending")}))


class ModerationPanel(QWidget):
    message = Signal(str)
    import_finished = Signal(bool, str)  # ok, summary or reason (the window's tests wait on it)
    recheck_finished = Signal(bool)

    def __init__(self, parent: QWidget | None = None,
                 settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.history = reviews.DecisionHistory()
        # Flag, moderator and time narrowing the dashboard asked for (none by default).
        self.narrowing = QueueFilter()
        self.model = ReviewQueueModel(self)
        self.tabs = QTabBar(self)
        self.story_filter = QComboBox(self)
        self.author_filter = QLineEdit(self)
        self.search = QLineEdit(self)
        self.view = QListView(self)
        self.narrowing_label = plain_label(self, "queue-narrowing")
        self.show_all_button = QToolButton(self)
        self.detail = ReviewDetail(self)
        self.overlay = ShortcutOverlay(self)
        self._filter_timer = QTimer(self)
        self.jobs = JobRunner(self, name="reviews", progress_dialog=True)
        self._job: Job | None = None
        self._build_actions()
        self._build_layout()
        self._restore_layout()
        self._connect()
        # Nothing is read until the mode is first shown (activated): window start stays fast.

    # -- building ------------------------------------------------------------------------
    def _action(self, text: str, shortcut: str, slot, icon_name: str | None = None) -> QAction:
        action = QAction(icon(icon_name) if icon_name else icon("mdi6.circle-small"), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(tr("{action} ({shortcut})").format(action=text.replace("…", ""),
                                                                  shortcut=shortcut))
            # Only while the moderation panel has focus; a line edit keeps its letters.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.approve_action = self._action(tr("Approve"), "A", lambda: self.decide_current(
            "approved"), "mdi6.check")
        self.reject_action = self._action(tr("Reject"), "R", lambda: self.decide_current(
            "rejected"), "mdi6.close")
        self.spam_action = self._action(tr("Spam", "mark as spam"), "S",
                                        lambda: self.decide_current("spam"),
                                        "mdi6.email-alert-outline")
        self.bulk_actions = {
            status: self._action(label, f"Shift+{key}",
                                 lambda s=status: self.decide_marked(s), name)
            for status, label, key, name in (
                ("approved", tr("Approve selected"), "A", "mdi6.check-all"),
                ("rejected", tr("Reject selected"), "R", "mdi6.close-box-multiple-outline"),
                ("spam", tr("Spam selected"), "S", "mdi6.email-multiple-outline"))}
        self.undo_action = self._action(tr("Undo decision"), "Z", self.undo, "mdi6.undo")
        self.next_action = self._action(tr("Next review"), "J", lambda: self.move(1),
                                        "mdi6.chevron-down")
        self.previous_action = self._action(tr("Previous review"), "K", lambda: self.move(-1),
                                            "mdi6.chevron-up")
        self.mark_action = self._action(tr("Select review"), "X", self.toggle_mark,
                                        "mdi6.checkbox-marked-outline")
        self.ban_action = self._action(tr("Ban author…"), "B", self.ban_current_author,
                                       "mdi6.account-cancel-outline")
        self.help_action = self._action(tr("Keyboard shortcuts"), "?", self.overlay.toggle,
                                        "mdi6.keyboard-outline")
        self.find_action = self._action(tr("Search reviews"), "Ctrl+F", self._focus_search)
        self.rules_action = self._action(tr("Moderation rules…"), "", self.edit_rules,
                                         "mdi6.tune-variant")
        self.rules_action.setToolTip(tr("Moderation rules"))

    def _build_layout(self) -> None:
        for queue in QUEUES:
            self.tabs.addTab(translated(QUEUE_NAMES[queue]()))
        self.tabs.setExpanding(False)
        self.tabs.setUsesScrollButtons(True)
        self.story_filter.addItem(tr("All stories"), None)
        self.story_filter.setToolTip(tr("Only the reviews of one story"))
        self.story_filter.setMinimumContentsLength(12)
        self.story_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.author_filter.setPlaceholderText(tr("Author or email"))
        self.author_filter.setClearButtonEnabled(True)
        self.search.setPlaceholderText(tr("Search review text (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        # The size of the blank icon unflagged rows carry: at the style's default (24 px)
        # the flag drew larger than the blank and flagged rows' text stood out of line.
        self.view.setIconSize(QSize(16, 16))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setObjectName("review-queue")
        filters = QHBoxLayout()
        filters.addWidget(self.story_filter, 2)
        filters.addWidget(self.author_filter, 1)
        filters.addWidget(self.search, 2)
        self.show_all_button.setText(tr("Show all", "reviews in the queue"))
        self.show_all_button.setIcon(icon("mdi6.filter-remove-outline"))
        self.show_all_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.show_all_button.setToolTip(tr("Lift the dashboard's narrowing"))
        self.narrowing_bar = QWidget(self)
        narrowing = QHBoxLayout(self.narrowing_bar)
        narrowing.setContentsMargins(0, 0, 0, 0)
        funnel = QLabel(self.narrowing_bar)
        funnel.setPixmap(icon("mdi6.filter-outline").pixmap(16, 16))
        narrowing.addWidget(funnel)
        narrowing.addWidget(self.narrowing_label, 1)
        narrowing.addWidget(self.show_all_button)
        self.narrowing_bar.hide()
        # A toolbar, not a row of buttons: in a narrow window it folds into a ">>" menu.
        buttons = QToolBar(tr("Moderation"), self)
        buttons.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        # Short button words (menus and tooltips keep the full names), so that the
        # shortcut sheet is not folded away at 1400 pixels.
        for action, short in ((self.undo_action, tr("Undo")), (self.ban_action, tr("Ban")),
                              (self.rules_action, tr("Rules")),
                              (self.help_action, tr("Shortcuts"))):
            action.setIconText(short)
        for action in (self.approve_action, self.reject_action, self.spam_action,
                       self.undo_action, self.ban_action, self.rules_action,
                       self.help_action):
            buttons.addAction(action)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(right)
        self.splitter.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        layout.addLayout(filters)
        layout.addWidget(self.narrowing_bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(250)  # typing in a filter reloads once, not per key
        self._filter_timer.timeout.connect(self.reload_queue)
        self.tabs.currentChanged.connect(lambda _i: self.reload_queue())
        self.story_filter.currentIndexChanged.connect(lambda _i: self.reload_queue())
        self.author_filter.textChanged.connect(lambda _t: self._filter_timer.start())
        self.search.textChanged.connect(lambda _t: self._filter_timer.start())
        for line_edit in (self.author_filter, self.search):
            line_edit.returnPressed.connect(self._apply_filter_now)
        self.show_all_button.clicked.connect(lambda: self.open_filtered(
            replace(QueueFilter(), queue=self.current_queue())))
        self.view.selectionModel().currentChanged.connect(
            lambda current, _previous: self._show_detail(current.row()))

    def _restore_layout(self) -> None:
        if self.settings is None:
            return
        state = MODERATION_SPLITTER.read(self.settings)
        if state is not None:
            self.splitter.restoreState(state)
        queue = MODERATION_QUEUE.read(self.settings)
        self.tabs.setCurrentIndex(QUEUES.index(queue) if queue in QUEUES else 0)

    def save_layout(self) -> None:
        if self.settings is not None:
            MODERATION_SPLITTER.write(self.settings, self.splitter.saveState())
            MODERATION_QUEUE.write(self.settings, self.current_queue())

    # -- state -------------------------------------------------------------------------
    def current_queue(self) -> str:
        return QUEUES[max(0, self.tabs.currentIndex())]

    def set_queue(self, queue: str) -> None:
        self.tabs.setCurrentIndex(QUEUES.index(queue))

    def spec(self) -> QueueFilter:
        return replace(self.narrowing, queue=self.current_queue(),
                       article_id=self.story_filter.currentData(),
                       author=self.author_filter.text(), search=self.search.text())

    def open_filtered(self, spec: QueueFilter) -> None:
        """Switch to ``spec``'s queue with its narrowing, and nothing else narrowing it: the
        story, author and text filters are cleared (the dashboard counted every review)."""
        self.narrowing = replace(spec, article_id=None, author="", search="")
        for widget in (self.tabs, self.story_filter, self.author_filter, self.search):
            widget.blockSignals(True)
        self.tabs.setCurrentIndex(QUEUES.index(spec.queue))
        self.story_filter.setCurrentIndex(0)
        self.author_filter.clear()
        self.search.clear()
        for widget in (self.tabs, self.story_filter, self.author_filter, self.search):
            widget.blockSignals(False)
        self._filter_timer.stop()
        self._show_narrowing()
        if self.isVisible():  # else showing the mode reloads it (activated)
            self.refresh()

    def _show_narrowing(self) -> None:
        spec = self.narrowing
        parts = []
        if spec.flag_code:
            parts.append(tr("flagged “{flag}”", "only reviews ...").format(
                flag=shown(flag_name(spec.flag_code))))
        if spec.received_since is not None:
            parts.append(tr("received since {time}", "only reviews ...").format(
                time=f"{local_time(spec.received_since):%Y-%m-%d %H:%M}"))
        if spec.decided_by is not None:
            parts.append(tr("decided by {moderator}", "only reviews ...").format(
                moderator=shown(decider_name(spec.decided_by))))
        if spec.decided_since is not None:
            parts.append(tr("decided since {time}", "only reviews ...").format(
                time=f"{local_time(spec.decided_since):%Y-%m-%d %H:%M}"))
        self.narrowing_label.setText(
            tr("Only reviews {conditions}", "e.g. only reviews flagged “Links”").format(
                conditions=shown(parts)) if parts else "")
        self.narrowing_bar.setVisible(spec.narrowed)

    def current_review_id(self) -> int | None:
        row = self.view.currentIndex().row()
        return self.model.review_id(row) if 0 <= row < self.model.rowCount() else None

    def refresh(self) -> None:
        """Reload stories, counts and the queue, keeping the current review if it is there."""
        self._load_stories()
        self.reload_queue(keep=self.current_review_id())

    def _load_stories(self) -> None:
        chosen = self.story_filter.currentData()
        self.story_filter.blockSignals(True)
        self.story_filter.clear()
        self.story_filter.addItem(tr("All stories"), None)
        for article_id, headline in review_queue.story_choices(keep=chosen):
            self.story_filter.addItem(visible_text(headline), article_id)
        found = self.story_filter.findData(chosen)
        self.story_filter.setCurrentIndex(max(0, found))
        self.story_filter.blockSignals(False)

    def _apply_filter_now(self) -> None:
        self._filter_timer.stop()
        self.reload_queue()
        self.view.setFocus()

    def reload_queue(self, keep: int | None = None) -> None:
        self.model.set_filter(self.spec())
        row = self.model.find(keep) if keep is not None else -1
        self.select_row(max(row, 0))
        self.update_counts()

    def update_counts(self) -> None:
        counts = review_queue.queue_counts(self.spec())
        for tab, queue in enumerate(QUEUES):
            self.tabs.setTabText(tab, f"{translated(QUEUE_NAMES[queue]())} "
                                      f"({number_text(counts[queue])})")

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.view.setCurrentIndex(self.model.index(-1, 0))
            self._show_detail(-1)
            return
        row = min(max(row, 0), self.model.rowCount() - 1)
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self._show_detail(row)

    def _show_detail(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            self.detail.show_review(None)
            return
        self.detail.show_review(review_queue.review_detail(self.model.review_id(row)))

    # -- keyboard commands -------------------------------------------------------------
    def move(self, step: int) -> None:
        row = self.view.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    def toggle_mark(self) -> None:
        row = self.view.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.model.toggle_mark(row)

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def decide_current(self, status: str) -> None:
        review_id = self.current_review_id()
        if review_id is None:
            self.message.emit(tr("No review selected"))
            return
        self._decide([review_id], status)

    def decide_marked(self, status: str) -> None:
        ids = self.model.marked_ids()
        if not ids:
            self.message.emit(tr("Select reviews with X first"))
            return
        self._decide(ids, status)

    def _decide(self, ids: list[int], status: str) -> None:
        try:
            group = reviews.decide(ids, status, seen_status=self._seen_status(),
                                   moderator=self._moderator())
        except UserError as exc:  # e.g. another program kept the database locked
            self.message.emit(tr("Nothing was decided: {reason}").format(reason=error_text(exc)))
            return
        self._apply(group)

    def _someone_else_decided(self, group: reviews.DecisionGroup) -> None:
        count = len(group.stale)
        self.refresh()
        self.message.emit(tr("%n review(s) already decided by someone else meanwhile; the "
                             "queue is refreshed", "", count))

    def _moderator(self) -> str:
        """Recorded as who decided: the name set in Preferences, else the login name."""
        return user_name(self.settings) if self.settings is not None else default_user_name()

    def _seen_status(self) -> str:
        """The status the reviews on screen had when the moderator saw them."""
        return STATUS_OF_QUEUE[self.current_queue()]

    def _apply(self, group: reviews.DecisionGroup) -> None:
        """Record a decision, take the decided reviews out of a queue they left, and
        select the review that took the current one's place."""
        if group.stale:  # the queue is out of date: keep what was done, then reload it
            if group.prior:
                self.history.push(group)
            self._someone_else_decided(group)
            return
        self.history.push(group)
        row = self.view.currentIndex().row()
        ids = set(group.review_ids)
        current = self.current_review_id()
        if STATUS_OF_QUEUE[self.current_queue()] != group.status:
            before = sum(1 for r in self.model.rows[:max(row, 0)] if r.id in ids)
            self.model.remove_ids(ids)
            next_row = row - before
            if self.model.rowCount() <= next_row and self.model.canFetchMore():
                self.model.fetchMore()
        else:
            self.model.replace_status(ids, group.status)
            next_row = row + 1 if current in ids and len(ids) == 1 else row
        self.select_row(next_row)
        self.update_counts()
        self.message.emit(self._describe(group))

    @staticmethod
    def _describe(group: reviews.DecisionGroup) -> str:
        if group.label.startswith("ban "):
            return tr("Banned {author}; rejected %n pending (Z undoes)", "",
                      group.count).format(author=group.label[4:])
        decided = {"approved": tr("Approved %n review(s) (Z undoes)", "", group.count),
                   "rejected": tr("Rejected %n review(s) (Z undoes)", "", group.count),
                   "spam": tr("Marked %n review(s) as spam (Z undoes)", "", group.count),
                   "pending": tr("Put %n review(s) back to pending (Z undoes)", "",
                                 group.count)}
        return decided.get(group.status, f"{group.status.capitalize()} {group.count}")

    def undo(self) -> None:
        try:
            group = self.history.undo()
        except UserError as exc:
            self.message.emit(tr("Nothing was undone: {reason}").format(reason=error_text(exc)))
            return
        if group is None:
            self.message.emit(tr("Nothing to undo"))
            return
        keep = group.review_ids[0] if group.review_ids else self.current_review_id()
        self.reload_queue(keep=keep)
        if group.banned_author:
            self.message.emit(tr("Undone: lifted the ban on {author}; %n review(s) back to "
                                 "where they were", "", group.count).format(
                                     author=group.banned_author))
        else:
            self.message.emit(tr("Undone: %n review(s) back to where they were", "",
                                 group.count))

    # -- authors and rules ---------------------------------------------------------------
    def ban_current_author(self, reject_pending: bool | None = None) -> None:
        review_id = self.current_review_id()
        detail = review_queue.review_detail(review_id) if review_id is not None else None
        if detail is None:
            self.message.emit(tr("No review selected"))
            return
        who = detail["email"] or detail["author"]
        if reject_pending is None:
            pending = detail["history"]["pending"]
            answer = plain_message_box(
                self, QMessageBox.Icon.Question, tr("Ban author"),
                tr("Ban {author}?\n\nReviews they send later are rejected on import.\nAlso "
                   "reject their %n pending review(s) now?", "", pending).format(
                       author=visible_text(who)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel).exec()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            reject_pending = answer == QMessageBox.StandardButton.Yes
        try:
            group = reviews.ban_author(detail["author"], detail["email"],
                                       reject_pending=reject_pending,
                                       moderator=self._moderator())
        except UserError as exc:
            self.message.emit(error_text(exc))
            return
        self._apply(group)

    def edit_rules(self) -> None:
        dialog = RulesDialog(self)
        if not dialog.exec():
            return
        if dialog.recheck.isChecked():
            self.recheck_pending()
        else:
            self.message.emit(tr("Moderation rules saved; they apply to the next import"))

    # -- import --------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Import reviews"), "",
            tr("Reviews ({patterns});;All files (*)").format(
                patterns="*.json *.jsonl *.ndjson *.csv"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        """Import on a worker thread behind a progress dialog with Cancel."""
        self._run_job(import_job(path), tr("Importing {file}…").format(file=path.name),
                      tr("Import reviews"), self._import_done,
                      tr("import cancelled; nothing was imported"))

    def _import_done(self, ok: bool, result: object) -> None:
        text = import_summary(result) if isinstance(result, reviews.ImportResult) else str(result)
        if ok:
            self.message.emit(text)
            self.refresh()
        else:
            self.message.emit(tr("Import failed: {reason}").format(reason=text))
            if self.isVisible() and not self._job_cancelled():
                plain_message_box(self, QMessageBox.Icon.Warning, tr("Import reviews"), text,
                                  QMessageBox.StandardButton.Ok).open()
        self.import_finished.emit(ok, text)

    def recheck_pending(self) -> None:
        """Apply the (edited) rules to every pending review, on a worker thread."""
        self._run_job(recheck_job, tr("Checking pending reviews against the rules…"),
                      tr("Moderation rules"), self._recheck_done,
                      tr("check cancelled; nothing was changed"))

    def _recheck_done(self, ok: bool, result: object) -> None:
        if ok and isinstance(result, reviews.RecheckResult):
            self.refresh()
            if result.group.prior:
                self.history.push(result.group)
            self.message.emit(recheck_summary(result)
                              + (" " + tr("(Z undoes the rejections)")
                                 if result.group.prior else ""))
        else:
            self.message.emit(tr("Rules saved; pending reviews not checked: {reason}").format(
                reason=result))
        self.recheck_finished.emit(ok)

    # -- jobs on a worker thread -----------------------------------------------------------
    def _run_job(self, work: Callable[[Job], object], label: str, title: str,
                 done: Callable[[bool, object], None], cancelled_text: str) -> None:
        if self.jobs.busy():
            self.message.emit(tr("Another review job is still running"))
            return
        self._job = self.jobs.start(
            work, done=lambda result: done(True, result),
            failed=lambda reason: done(False, reason),
            cancelled_text=cancelled_text, title=title, label=label)

    def _job_cancelled(self) -> bool:
        """The user pressed Cancel on the last job: no warning about it after."""
        return self._job is not None and self._job.is_cancelled()

    # -- the window's hooks --------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()
        self.view.setFocus()

"""The story editor: every field, Markdown body, autosave, recovery, revisions, conflicts.

Saving, in the order it happens after an edit:
1. the recovery journal (a local file) gets the text ~0.3 s after typing pauses and at
   least once a second while typing goes on (~1 ms for a long story), so a crash or a
   failing database loses at most the last second;
2. the database gets it ~1 s after typing pauses (at the latest every 15 s of non-stop
   typing), with a version check; the journal entry is removed once the database has the
   text. Storing waits for a pause because it is the expensive step: the write itself is
   quick, but every panel listening to ``article_saved`` refreshes after it;
3. a revision is recorded on Ctrl+S, on status moves, and at most every 5 minutes during
   autosave.
If the database refuses the write (read-only disk, lost connection) the text stays in the
journal, the editor says so and retries. If the story was saved elsewhere meanwhile, a
dialog shows both versions and the user chooses; nothing is overwritten silently. If it
went to the trash elsewhere, the editor turns read-only under a banner offering to restore
it, and keeps the unsaved text in the journal meanwhile.

Text recovered from the journal when a story opens (after a crash) is saved and announced
by a banner that compares it with the version saved before, or discards it.

The save state and its decisions live in ``newsdesk.stories.editing.EditSession`` (no Qt);
this panel keeps the widgets and the timers and shows what the session decided.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date
from typing import TYPE_CHECKING, Any

import peewee
from PySide6.QtCore import (
    QT_TR_NOOP,
    QDate,
    QMimeData,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import ConflictError, StoryInTrash, StoryLocked, UserError
from newsdesk.store.failures import operational_error_text
from newsdesk.store.models import Article
from newsdesk.stories import articles, workflow
from newsdesk.stories.editing import (
    BACK,
    DELETED,
    KEEP_MINE,
    SAVE_COPY,
    TRASHED,
    EditSession,
    content,
)
from newsdesk.stories.headlines import MAX_HEADLINE
from newsdesk.stories.newsroom_zone import zone_name, zone_of
from newsdesk.stories.recovery import RecoveryEntry, RecoveryJournal
from newsdesk.stories.textstats import char_count, word_count
from newsdesk.ui.banner import GOOD, WARNING, Banner
from newsdesk.ui.desk.background_save import BackgroundSave, StoreOutcome
from newsdesk.ui.desk.embargo_field import EmbargoField
from newsdesk.ui.desk.markdown_highlighter import MAX_HIGHLIGHT_CHARS, MarkdownHighlighter
from newsdesk.ui.desk.picture_actions import REFERENCE_MIME, images_in
from newsdesk.ui.desk.spell_check import SpellCheck, spelling_menu
from newsdesk.ui.desk.spelling_line import SpellingLineEdit
from newsdesk.ui.domain_texts import error_text, translated
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon, icon_later
from newsdesk.ui.settings import DEFAULT_AGENCY, EDITOR_SPLITTER, user_name
from newsdesk.ui.turns import turn_queue
from newsdesk.ui.workers import jobs_shut_down

if TYPE_CHECKING:
    from newsdesk.ui.desk.find_replace import FindReplaceBar
    from newsdesk.ui.dialogs.conflict import ConflictDialog
    from newsdesk.ui.dialogs.revisions import CompareDialog, RevisionsPanel

NO_DATE = QDate(2000, 1, 1)
# Headlines longer than this get cut off in lists and feeds.
HEADLINE_HINT_CHARS = 80
# Above this many characters, counts and preview updates are batched more coarsely.
LARGE_STORY_CHARS = 200_000
# Save states, in English (``tr()`` shows them in the window's language).
SAVED, SAVING, UNSAVED = QT_TR_NOOP("Saved"), QT_TR_NOOP("Saving..."), QT_TR_NOOP("Unsaved")
NO_STORY = ""  # the save state while no story is open: nothing to claim about saving


class Debouncer(QObject):
    """Calls ``action`` ``idle_ms`` after the last ``poke()``, and at the latest ``max_ms``
    after the first poke of a burst (so steady typing is still saved regularly).
    ``in_turn``: when due, the call waits for a turn of the event loop of its own
    (``turns``), as a pause makes several debouncers due at once."""

    def __init__(self, action: Callable[[], None], idle_ms: int, max_ms: int,
                 parent: QObject | None = None, *, in_turn: bool = True) -> None:
        super().__init__(parent)
        self.action = action
        self.in_turn = in_turn
        self.idle = self._timer(idle_ms)
        self.latest = self._timer(max_ms)

    def _timer(self, interval: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval)
        timer.timeout.connect(self._due)
        return timer

    def poke(self) -> None:
        self.idle.start()
        if not self.latest.isActive():
            self.latest.start()

    def pending(self) -> bool:
        return self.idle.isActive() or self.latest.isActive() or turn_queue().queued(self)

    def cancel(self) -> None:
        self.idle.stop()
        self.latest.stop()
        turn_queue().drop(self)

    def fire(self) -> None:
        """Call the action now."""
        self.cancel()
        self.action()

    def _due(self) -> None:
        if jobs_shut_down(self):  # a closed window: its last save was its closing's
            self.cancel()
            return
        if not self.in_turn:
            self.fire()
            return
        self.idle.stop()
        self.latest.stop()
        turn_queue().call_soon(self, self.fire)


class BodyEditor(QPlainTextEdit):
    """The Markdown body. Others hook into it (preview scroll sync): keep it a
    QPlainTextEdit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("Write the story in Markdown"))
        self.setTabChangesFocus(False)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette())
        # Where dropped or pasted images go (the pictures strip); they never become text.
        self.image_sink: Callable[[QMimeData], bool] | None = None

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802
        if self.image_sink is not None and images_in(source):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasFormat(REFERENCE_MIME):  # a picture from the strip, dropped here
            self.insert_paragraph(bytes(source.data(REFERENCE_MIME).data()).decode("utf-8"))
            return
        if self.image_sink is not None and self.image_sink(source):
            return
        super().insertFromMimeData(source)

    def insert_paragraph(self, text: str) -> None:
        """Put ``text`` at the cursor as a paragraph of its own (a picture reference alone
        in its paragraph is a figure), blank lines added only where missing."""
        cursor = self.textCursor()
        block = cursor.block()
        left, right = block.text()[:cursor.positionInBlock()], \
            block.text()[cursor.positionInBlock():]
        before = "\n\n" if left.strip() else \
            ("\n" if block.previous().isValid() and block.previous().text().strip() else "")
        after = "\n\n" if right.strip() else \
            ("\n" if block.next().isValid() and block.next().text().strip() else "")
        cursor.insertText(before + text + after)
        self.setTextCursor(cursor)


class EditorPanel(QWidget):
    counts_changed = Signal(int, int)
    save_state_changed = Signal(str)
    content_changed = Signal(dict)
    article_saved = Signal(int)
    article_opened = Signal(int)
    article_closed = Signal()  # no story is open any more
    message = Signal(str)
    lock_refused = Signal()  # a save was refused: another window holds the story's lock
    read_only_changed = Signal(bool)  # a colleague's lock or the trash; or neither now
    write_failed = Signal(object)  # the database refused a save (the exception)

    # Autosave timing (ms); see the module docstring.
    JOURNAL_IDLE_MS, JOURNAL_MAX_MS = 300, 1000
    SAVE_IDLE_MS, SAVE_MAX_MS = 1000, 15_000
    RETRY_MS = 5000
    REVISION_INTERVAL_S = 300.0

    def __init__(self, settings: QSettings, parent: QWidget | None = None, *,
                 journal: RecoveryJournal | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        # What the database and the journal hold and what to do about it; the panel keeps
        # the widgets and the timers.
        self.session = EditSession(lambda: user_name(self.settings), journal)
        self.save_state = NO_STORY
        self.conflict_dialog: ConflictDialog | None = None
        self._loading = False
        self.read_only = False  # the story is locked by a colleague or in the trash
        self._locked_out = False  # a colleague holds the story's lock
        # (saved before, recovered) while the recovery banner is up.
        self._recovery: tuple[dict[str, Any], dict[str, Any]] | None = None
        self.compare_dialog: CompareDialog | None = None
        self._body_cache: tuple[int, str | None] = (-1, None)
        # Why no story may be published here ("": it may): a window working in a replica
        # of the team server leaves publishing to the server (set by the window).
        self.publish_refusal = ""
        self._create_widgets()
        self._build()
        self._create_timers()
        self._connect_edits()
        self._create_actions()
        self.spelling = SpellCheck(self, self)
        for text in (self.headline, self.body, self.footnote):
            text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            text.customContextMenuRequested.connect(
                lambda position, text=text: self._text_menu(text, position))
        self._apply_read_only()
        self.setEnabled(False)

    # -- construction --------------------------------------------------------------------
    def _create_widgets(self) -> None:
        self.headline = SpellingLineEdit(self)
        self.headline_hint = QLabel("", self)
        self.place = QLineEdit(self)
        self.date = QDateEdit(self)
        self.source = QLineEdit(self)
        self.byline = QLineEdit(self)
        self.section = QLineEdit(self)
        self.language = QComboBox(self)
        self.urgency = QSpinBox(self)
        self.desk_code = QLineEdit(self)
        self.status = QComboBox(self)
        self.embargo = EmbargoField(self)
        self.status_hint = QLabel("", self)
        self.problem = QLabel("", self)
        self.trash_banner = Banner("mdi6.delete-outline", WARNING, self)
        self.recovery_banner = Banner("mdi6.file-restore-outline", GOOD, self)
        self.body = BodyEditor(self)
        # The find bar is built on the first Ctrl+F or Ctrl+H (``find_bar``).
        self._find_bar: FindReplaceBar | None = None
        self.footnote = QPlainTextEdit(self)
        # The Revisions tab is built when first shown (or asked for): ``revisions_panel``.
        self.revisions_page = QWidget(self)
        self._revisions_panel: RevisionsPanel | None = None
        # Where other panels (e.g. tags) add themselves below the body: add_side_panel().
        self.side_tabs = QTabWidget(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)

    def _build(self) -> None:
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yy")
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText(tr("no date"))
        self.language.addItems(["en", "az", "ru"])
        self.language.setEditable(True)
        self.language.setToolTip(tr("The story's language"))
        self.urgency.setRange(1, 9)
        self.urgency.setPrefix(tr("urgency "))
        self.urgency.setToolTip(tr("Urgency: 1 is the most urgent, 9 the least"))
        for status in workflow.STATUS_LABELS:
            self.status.addItem(translated(workflow.status_name(status)), status)
        self.status.setToolTip(tr("The story's status"))
        self.headline.setPlaceholderText(tr("Headline"))
        self.headline.setMaxLength(MAX_HEADLINE)  # what a save accepts
        self.place.setPlaceholderText(tr("Place"))
        self.source.setPlaceholderText(tr("Agency"))
        self.byline.setPlaceholderText(tr("Byline"))
        self.section.setPlaceholderText(tr("Section"))
        self.desk_code.setPlaceholderText(tr("Desk code 03/06D"))
        self.footnote.setPlaceholderText(tr("Footnote (background, printed in small type)"))
        self.status_hint.setWordWrap(True)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("QLabel { background: #fff3cd; color: #5c4400; "
                                   "padding: 4px; border-radius: 3px; }")
        self.problem.hide()
        self.restore_button = self.trash_banner.add_button(
            tr("Restore"), "mdi6.delete-restore", self.restore_from_trash,
            tr("Take the story out of the trash and go on editing it"))
        self.compare_button = self.recovery_banner.add_button(
            tr("Compare with saved"), "mdi6.compare-horizontal", self.compare_recovered,
            tr("The recovered text next to the version saved before"))
        self.discard_button = self.recovery_banner.add_button(
            tr("Discard"), "mdi6.undo-variant", self.discard_recovered,
            tr("Go back to the version saved before (the recovered text stays in the "
               "revisions)"))
        self.dismiss_button = self.recovery_banner.add_button(
            tr("Dismiss"), "mdi6.close", self.dismiss_recovered,
            tr("Keep the recovered text and close this notice"))
        self.side_tabs.addTab(self.revisions_page, icon("mdi6.history"), tr("Revisions"))
        page_layout = QVBoxLayout(self.revisions_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        self.side_tabs.currentChanged.connect(self._side_tab_shown)
        # Explicit minimums: the window's minimum size should not grow with the side panels.
        self.side_tabs.setMinimumSize(120, 60)
        self.footnote.setMinimumSize(120, 40)
        self.body.setMinimumSize(120, 80)
        self.splitter.addWidget(self.body)
        self.splitter.addWidget(self.footnote)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setSizes([500, 70, 160])
        state = EDITOR_SPLITTER.read(self.settings)
        if state is not None:
            self.splitter.restoreState(state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.form = self._form()
        self.form.setRowVisible(self.status_hint, False)
        layout.addWidget(self.trash_banner)
        layout.addWidget(self.recovery_banner)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.splitter, 1)
        self.column = layout

    def _form(self) -> QFormLayout:
        headline = QHBoxLayout()
        headline.addWidget(self.headline, 1)
        headline.addWidget(self.headline_hint)
        dateline = QHBoxLayout()
        for widget in (self.place, self.date, self.source):
            dateline.addWidget(widget)
        meta = QHBoxLayout()
        # The two text fields get the room; the combos keep their size.
        for widget in (self.section, self.language, self.urgency, self.desk_code, self.status):
            meta.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
        self.meta_row = meta
        form = QFormLayout()
        form.addRow(tr("Headline"), headline)
        form.addRow(tr("Dateline"), dateline)
        form.addRow(tr("Byline"), self.byline)
        form.addRow("", meta)
        form.addRow("", self.embargo)
        form.addRow("", self.status_hint)
        return form

    @property
    def find_bar(self) -> FindReplaceBar:
        """Find and replace in the body, above it (built when first asked for)."""
        if self._find_bar is None:
            from newsdesk.ui.desk.find_replace import FindReplaceBar

            bar = FindReplaceBar(self.body, self)
            bar.message.connect(self.message)
            bar.replace_row.setEnabled(not self.read_only)
            self.column.insertWidget(self.column.indexOf(self.splitter), bar)
            self._find_bar = bar
        return self._find_bar

    def _create_timers(self) -> None:
        self.journal_timer = Debouncer(self.write_journal, self.JOURNAL_IDLE_MS,
                                       self.JOURNAL_MAX_MS, self)
        self.save_timer = Debouncer(self._autosave_in_background, self.SAVE_IDLE_MS,
                                    self.SAVE_MAX_MS, self)
        self.background_save = BackgroundSave(self)
        self._edits = 0  # counts edits, so a store on the worker knows if it missed some
        self._settling_to_save = False
        self._live_check_due = False  # colleagues changed stories while a store was in flight
        # Counts and content_changed are batched: a paste of 5 MB should not recount per key.
        # They are what the user watches (the preview, the counts): no waiting for a turn.
        self.announce_timer = Debouncer(self._announce, 30, 100, self, in_turn=False)
        # Picture references an edit moved into or out of code (typed into, or a fence
        # elsewhere), marked again after a pause.
        self.reference_timer = Debouncer(self._mark_references_again, 300, 1000, self)
        self.retry_timer = QTimer(self)
        self.retry_timer.setSingleShot(True)
        self.retry_timer.setInterval(self.RETRY_MS)
        # Retried on the worker too: a retry on this thread waited out the busy wait
        # (5 s) every 5 s for as long as another program held the file.
        self.retry_timer.timeout.connect(self._autosave_in_background)

    def _connect_edits(self) -> None:
        for line in (self.headline, self.place, self.source, self.byline, self.section,
                     self.desk_code):
            line.textEdited.connect(self._edited)
        for text in (self.body, self.footnote):
            text.textChanged.connect(self._edited)
        self.date.dateChanged.connect(self._edited)
        self.urgency.valueChanged.connect(self._edited)
        self.embargo.changed.connect(self._edited)
        self.language.currentTextChanged.connect(self._edited)
        self.headline.textChanged.connect(self._update_headline_hint)
        self.status.activated.connect(self._status_chosen)

    def _create_actions(self) -> None:
        # In menus only: icons baked after the first frame.
        self.save_action = QAction(tr("&Save story"), self)
        icon_later(self.save_action, "mdi6.content-save-outline")
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_now)
        self.find_action = self._shortcut_action(
            "mdi6.text-search", tr("&Find in story"), QKeySequence.StandardKey.Find,
            lambda: self.find_bar.open_find())
        self.replace_action = self._shortcut_action(
            "mdi6.find-replace", tr("&Replace in story"), QKeySequence("Ctrl+H"),
            lambda: self.find_bar.open_find(replace=True))
        self.next_unknown_action = self._shortcut_action(
            "mdi6.spellcheck", tr("Next &unknown word"), QKeySequence("F7"),
            lambda: self.spelling.next_unknown())

    def _text_menu(self, text: QPlainTextEdit | QLineEdit, position: QPoint) -> None:
        # A text area reports the click on its viewport; a line field on itself.
        surface = text.viewport() if isinstance(text, QPlainTextEdit) else text
        spelling_menu(self.spelling, text, position).exec(surface.mapToGlobal(position))

    def _shortcut_action(self, icon_name: str, label: str, keys,
                         slot: Callable[[], None]) -> QAction:
        action = QAction(label, self)
        icon_later(action, icon_name)
        action.setShortcut(keys)
        # Anywhere in the Desk (the panel is hidden, so inactive, in the other modes).
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    @property
    def revisions_panel(self) -> RevisionsPanel:
        """The Revisions tab's panel, built (and its module imported) on first use: most
        starts never show it."""
        if self._revisions_panel is None:
            from newsdesk.ui.dialogs.revisions import RevisionsPanel

            panel = RevisionsPanel(self.fields, self.revisions_page)
            self.revisions_page.layout().addWidget(panel)
            panel.show()  # a child added to a page on screen is not shown with it
            panel.restore_requested.connect(self.restore_revision)
            panel.load(self.article_id)
            self._revisions_panel = panel
        return self._revisions_panel

    def _side_tab_shown(self, _index: int) -> None:
        if self.side_tabs.currentWidget() is self.revisions_page:
            self.revisions_panel  # noqa: B018 (built as it comes on screen)

    def _load_revisions(self) -> None:
        """The open story's revisions in the Revisions tab, once it is built."""
        if self._revisions_panel is not None:
            self._revisions_panel.load(self.article_id)

    def add_beside_language(self, widget: QWidget) -> None:
        """Put ``widget`` in the header right after the language (the translations)."""
        self.meta_row.insertWidget(self.meta_row.indexOf(self.language) + 1, widget)

    def add_side_panel(self, widget: QWidget, title: str, icon_name: str | None = None) -> int:
        """Add a panel (e.g. tags) as a tab below the body; returns its tab index."""
        if icon_name:
            return self.side_tabs.addTab(widget, icon(icon_name), title)
        return self.side_tabs.addTab(widget, title)

    @property
    def author(self) -> str:
        return self.session.author

    @property
    def journal(self) -> RecoveryJournal:
        return self.session.journal

    @property
    def article_id(self) -> int | None:
        return self.session.article_id

    @article_id.setter
    def article_id(self, article_id: int | None) -> None:
        # Tests forget the open story this way to make open_article() show it afresh.
        self.session.article_id = article_id

    @property
    def article_uuid(self) -> str:
        return self.session.article_uuid

    @property
    def version(self) -> int:
        return self.session.version

    @property
    def dirty(self) -> bool:
        return self.session.dirty

    @property
    def journal_dirty(self) -> bool:
        return self.session.journal_dirty

    @property
    def in_trash(self) -> bool:
        return self.session.in_trash

    # -- loading -------------------------------------------------------------------------
    def new_article(self) -> None:
        if not self.flush():
            return
        try:
            article = articles.create_article(
                {"dateline_source": DEFAULT_AGENCY.read(self.settings),
                 "dateline_date": date.today()}, author=self.author)
        except UserError as exc:  # a read-only or full disk, another program's lock
            self.message.emit(tr("No new story: {reason}").format(reason=error_text(exc)))
            return
        self.article_saved.emit(article.id)
        self.open_article(article.id)
        self.headline.setFocus()

    def open_article(self, article_id: int) -> None:
        if self.article_id == article_id or not self.flush():
            return
        article = articles.get_article(article_id)
        self._show(article)
        self._recover_unsaved(article)

    def switch_story(self, article_id: int | None, fields: dict[str, Any],
                     dirty: bool) -> bool:
        """The window moved to another database (a team server and its replica): show
        the same story there (``article_id``, its id in that database), with the text
        that was on screen saved into it when it was not saved yet; False if it could not
        be saved (it stays on screen and in the journal)."""
        self.cancel_timers()
        self.session.leave_database()
        if article_id is None:
            return self.close_article()
        self._show(Article.get_by_id(article_id))
        if not dirty:
            return True
        self._put_fields(fields)
        self.session.edited()
        self._announce()
        return self._save(reason="save", revision=True)

    def reload(self) -> None:
        """Show the stored story again (after a restore or a conflict choice)."""
        self.settle()
        if self.article_id is not None:
            self._show(Article.get_by_id(self.article_id))

    def close_article(self) -> bool:
        """Show no story (the open one went to the trash); False if its pending edits
        could not be put anywhere safe (a conflict is waiting for the user's choice)."""
        if self.article_id is not None and not self.flush():
            return False
        self.cancel_timers()
        self.session.close()
        self._put_fields({})
        self._leave_story_state()
        if self._find_bar is not None:
            self._find_bar.hide()
        self._load_revisions()
        self.setEnabled(False)
        self._set_state(NO_STORY)
        self._announce()
        self.article_closed.emit()
        return True

    def _leave_story_state(self) -> None:
        """Forget what belonged to the story shown before (banners, hints, problems)."""
        self.session.back_from_trash()
        self.trash_banner.hide()
        self._dismiss_recovery_banner()
        self.status_hint.clear()
        self.form.setRowVisible(self.status_hint, False)
        self._clear_problem()
        self._apply_read_only()

    def _show(self, article: Article) -> None:
        self.cancel_timers()
        self.session.open(article)
        self.embargo.set_zone(zone_of(zone_name()) or UTC)
        reloads = self.spelling.reloads
        self._put_fields(articles.editable_fields(article))
        self._leave_story_state()
        if article.deleted_at is not None:  # reloaded while in the trash
            self._show_trashed(deleted=False)
        self.setEnabled(True)
        self._set_state(SAVED)
        self._load_revisions()
        self._announce()
        if self.spelling.reloads == reloads:  # not reloaded by the story's language change
            self.spelling.reload()
        self.article_opened.emit(article.id)

    def set_read_only(self, read_only: bool) -> None:
        """Show the story without letting it be changed (a colleague holds its lock)."""
        self._locked_out = read_only
        self._apply_read_only()

    def _apply_read_only(self) -> None:
        read_only = self._locked_out or self.in_trash
        for line in (self.headline, self.place, self.source, self.byline, self.section,
                     self.desk_code):
            line.setReadOnly(read_only)
        for text in (self.body, self.footnote):
            text.setReadOnly(read_only)
        for widget in (self.date, self.language, self.urgency, self.status):
            widget.setEnabled(not read_only)
        self.embargo.set_read_only(read_only)
        open_story = self.article_id is not None
        self.save_action.setEnabled(open_story and not read_only)
        self.find_action.setEnabled(open_story)
        self.replace_action.setEnabled(open_story and not read_only)
        if self._find_bar is not None:
            self._find_bar.replace_row.setEnabled(not read_only)
        changed = read_only != self.read_only
        self.read_only = read_only
        if changed:
            self.read_only_changed.emit(read_only)

    def _put_fields(self, fields: dict[str, Any]) -> None:
        self._loading = True
        try:
            headline = fields.get("headline") or ""
            # One stored before the limit is shown whole (a shorter field would cut it,
            # and the cut would be saved); it can be shortened, not lengthened.
            self.headline.setMaxLength(max(MAX_HEADLINE, len(headline)))
            self.headline.setText(headline)
            self.place.setText(fields.get("dateline_place") or "")
            when = fields.get("dateline_date")
            self.date.setDate(QDate(when) if when else NO_DATE)
            self.source.setText(fields.get("dateline_source") or "")
            self.byline.setText(fields.get("byline") or "")
            self.section.setText(fields.get("section") or "")
            self.language.setCurrentText(fields.get("language") or "en")
            self.urgency.setValue(int(fields.get("urgency") or 5))
            self.desk_code.setText(fields.get("desk_code") or "")
            self.embargo.set_value(fields.get("embargo_until"))
            for line in (self.section, self.desk_code, self.place, self.source, self.byline):
                line.setCursorPosition(0)  # a field too narrow shows its start, not its end
            if fields.get("status"):
                self.status.setCurrentIndex(self.status.findData(fields["status"]))
            if self.body.toPlainText() != (fields.get("body") or ""):
                self.body.setPlainText(fields.get("body") or "")
            if self.footnote.toPlainText() != (fields.get("footnote") or ""):
                self.footnote.setPlainText(fields.get("footnote") or "")
        finally:
            self._loading = False

    def _recover_unsaved(self, article: Article) -> None:
        """Put back text the journal holds but the database does not (crash, failed save)."""
        found = self.session.recover(article)
        if found is None:
            return
        entry, recovered = found
        self._put_fields(recovered)
        self._announce()
        # Saving now either stores them (as a revision: a discard can be undone) or, if the
        # story moved on meanwhile, asks the user in the conflict dialog instead.
        saved = self._save(reason="recovered", revision=True)
        if self.conflict_dialog is None:
            before = content(articles.editable_fields(article))
            self._announce_recovery(entry, before, content(self.fields()), saved)

    def _announce_recovery(self, entry: RecoveryEntry, before: dict[str, Any],
                           recovered: dict[str, Any], saved: bool) -> None:
        """A lasting banner: the status bar may not exist yet when a story opens at start."""
        from newsdesk.stories import revisions  # after a crash: not at every start

        added, removed = revisions.changed_characters(before, recovered)
        crashed = self.session.outlived_crash(entry)
        local = entry.written_at.replace(tzinfo=UTC).astimezone()
        if added:
            text = (tr("Recovered %Ln character(s) typed before newsdesk closed unexpectedly.",
                       "", added) if crashed else
                    tr("Recovered %Ln character(s) typed that could not be saved at {time}.",
                       "", added))
        elif removed:  # only deletions (or changes outside the diffed text fields)
            text = (tr("Recovered changes (%Ln character(s) deleted) made before newsdesk "
                       "closed unexpectedly.", "", removed) if crashed else
                    tr("Recovered changes (%Ln character(s) deleted) made that could not be "
                       "saved at {time}.", "", removed))
        else:
            text = (tr("Recovered changes made before newsdesk closed unexpectedly.")
                    if crashed else
                    tr("Recovered changes made that could not be saved at {time}."))
        text = text.format(time=f"{local:%H:%M:%S}")
        self._recovery = (before, recovered)
        self.discard_button.setVisible(saved)  # discarding is a save: not while they fail
        self.recovery_banner.show_text(text)
        self.message.emit(text)

    def compare_recovered(self) -> None:
        if self._recovery is None:
            return
        before, recovered = self._recovery
        if self.compare_dialog is not None:
            self.compare_dialog.close()
        from newsdesk.ui.dialogs.revisions import CompareDialog

        self.compare_dialog = CompareDialog(
            tr("Recovered text"), before, tr("Saved before"), recovered, tr("Recovered"), self)
        self.compare_dialog.show()

    def discard_recovered(self) -> bool:
        """Back to the version saved before the recovery (a new save; the recovered text
        stays in the revisions)."""
        if self._recovery is None or self.article_id is None or self.read_only:
            return False
        before = self._recovery[0]
        self._put_fields(before)
        self.session.edited()
        self._announce()
        if not self._save(reason="save", revision=True):
            return False
        self._dismiss_recovery_banner()
        self.message.emit(tr("Recovered text discarded; it stays in the revisions"))
        return True

    def dismiss_recovered(self) -> None:
        """Keep the recovered text (it is saved already) and close the notice."""
        self._dismiss_recovery_banner()

    def _dismiss_recovery_banner(self) -> None:
        self._recovery = None
        self.recovery_banner.hide()
        if self.compare_dialog is not None:
            self.compare_dialog.close()
            self.compare_dialog = None

    # -- editing -------------------------------------------------------------------------
    def body_text(self) -> str:
        """The body as text, copied out of the document once per change (not per caller)."""
        revision = self.body.document().revision()
        if self._body_cache[0] != revision or self._body_cache[1] is None:
            self._body_cache = (revision, self.body.toPlainText())
        return self._body_cache[1]

    def fields(self) -> dict[str, Any]:
        when = self.date.date()
        return {
            "headline": self.headline.text(), "dateline_place": self.place.text(),
            "dateline_date": None if when == NO_DATE else when.toPython(),
            "dateline_source": self.source.text(), "byline": self.byline.text(),
            "section": self.section.text(), "language": self.language.currentText().strip(),
            "urgency": self.urgency.value(), "desk_code": self.desk_code.text(),
            "body": self.body_text(), "footnote": self.footnote.toPlainText(),
            "embargo_until": self.embargo.value(),
        }

    def show_pictures(self, sha256s: Sequence[str] | None) -> None:
        """The open story's pictures, for the highlighter's check of the body's picture
        references (None: not known yet, nothing flagged)."""
        highlighter = self.body.highlighter
        pictures = tuple(sha256s) if sha256s is not None else None
        if highlighter.pictures == pictures:
            return
        highlighter.pictures = pictures
        block = self.body.document().firstBlock()
        with self.formatting_only():
            while block.isValid():
                if "picture:" in block.text():
                    highlighter.rehighlightBlock(block)
                block = block.next()

    def _mark_references_again(self) -> None:
        with self.formatting_only():
            self.body.highlighter.mark_references_again()

    def insert_picture(self, reference: str) -> None:
        """Place a picture's reference in the body at the cursor."""
        if self.article_id is None or self.read_only:
            return
        self.body.insert_paragraph(reference)
        self.body.setFocus()

    @contextmanager
    def formatting_only(self) -> Iterator[None]:
        """Re-highlighting (spelling) makes Qt say the text changed: nothing was typed."""
        loading, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = loading

    def _edited(self, *_: object) -> None:
        if self._loading or self.article_id is None:
            return
        self.session.edited()
        self._edits += 1
        if self.save_state != UNSAVED:
            self._set_state(UNSAVED)
        self.journal_timer.poke()
        self.reference_timer.poke()
        if not self.retry_timer.isActive():
            self.save_timer.poke()
        self._pace_announcements()
        self.announce_timer.poke()

    def _pace_announcements(self) -> None:
        """A huge story (a pasted book) costs ~0.1 s to copy, count or journal and more to
        store: then do each less often, so typing stays fluid. Storing still follows the
        last keystroke within ~1 s; the journal still catches up within 1.5 s."""
        huge = self.body.document().characterCount() > LARGE_STORY_CHARS
        plan = ((self.announce_timer, (750, 2000), (30, 100)),
                (self.journal_timer, (500, 1500), (self.JOURNAL_IDLE_MS, self.JOURNAL_MAX_MS)),
                (self.save_timer, (1000, 30_000), (self.SAVE_IDLE_MS, self.SAVE_MAX_MS)))
        for debouncer, large, normal in plan:
            idle, latest = large if huge else normal
            if debouncer.idle.interval() != idle:
                debouncer.idle.setInterval(idle)
                debouncer.latest.setInterval(latest)

    def _announce(self) -> None:
        self.announce_timer.cancel()
        fields = self.fields()
        body = fields["body"]
        if self.article_id is not None:
            self.counts_changed.emit(word_count(body), char_count(body))
        fields["status"] = self.status.currentData()
        fields["article_id"] = self.article_id
        self.content_changed.emit(fields)
        if len(body) > MAX_HIGHLIGHT_CHARS and not getattr(self, "_told_highlight", False):
            self._told_highlight = True
            self.message.emit(tr("This story is very long: Markdown highlighting is off for it"))

    def _update_headline_hint(self, text: str) -> None:
        length = len(text)
        self.headline_hint.setText(f"{length}/{HEADLINE_HINT_CHARS}")
        too_long = length > HEADLINE_HINT_CHARS
        self.headline_hint.setToolTip(
            tr("Headlines over %n character(s) are cut off in lists and feeds", "",
               HEADLINE_HINT_CHARS)
            if too_long else tr("Up to %n character(s) show in full", "", HEADLINE_HINT_CHARS))
        self.headline_hint.setStyleSheet("color: #b3261e; font-weight: bold;" if too_long
                                         else "")

    def announce_state(self) -> None:
        """Re-emit counts and save state (for a status bar connected after loading)."""
        self._announce()
        self.save_state_changed.emit(self.save_state)

    def _set_state(self, state: str) -> None:
        self.save_state = state
        self.save_state_changed.emit(state)

    # -- saving --------------------------------------------------------------------------
    def write_journal(self) -> bool:
        """Put the unsaved text in the recovery journal; False if even that failed."""
        self.journal_timer.cancel()
        if self.article_id is None or not self.journal_dirty:
            return True
        try:
            self.session.write_journal(self.fields())
        except OSError as exc:
            self._show_problem(tr("Cannot write the recovery journal ({reason}); unsaved text "
                                  "is only in this window.").format(
                                      reason=exc.strerror or exc))
            return False
        return True

    def autosave(self) -> bool:
        """Store pending edits; records a revision at most every REVISION_INTERVAL_S."""
        self.settle()
        if not self.dirty:
            return True
        due = self.session.revision_due(self.REVISION_INTERVAL_S)
        return self._save(reason="autosave", revision=due)

    def save_now(self) -> bool:
        """Ctrl+S: store at once and record a revision, even with nothing changed."""
        return self._save(reason="save", revision=True)

    def save(self, *, revision: bool = False) -> bool:
        """Store pending edits now (kept for callers of the first version)."""
        self.settle()
        return self._save(reason="save", revision=revision) if self.dirty or revision else True

    def settle(self) -> None:
        """Wait for the autosave in flight on the worker, if any, and take in its outcome:
        whatever reads or moves the stored story comes after it."""
        self.background_save.settle()

    def _autosave_in_background(self) -> None:
        """The pause after typing: the store runs on the worker while typing goes on
        (``autosave()`` stores on this thread where a worker cannot, or must not)."""
        if self.background_save.busy():
            self.save_timer.poke()  # a huge story's store still runs: after it
            return
        if (not self.dirty or self.article_id is None or self.session.holds_back()
                or self.retry_timer.isActive() or not BackgroundSave.possible()):
            self.autosave()
            return
        self.save_timer.cancel()
        fields = self.fields()
        self.write_journal()
        revision = self.session.revision_due(self.REVISION_INTERVAL_S)
        store = self.session.store_call(fields, reason="autosave", revision=revision)
        article_id, edits = self.article_id, self._edits
        self._set_state(SAVING)
        self.background_save.start(store, lambda outcome: self._stored_in_background(
            outcome, article_id, edits, revision))

    def _stored_in_background(self, outcome: StoreOutcome, article_id: int, edits: int,
                              revision: bool) -> None:
        if self._live_check_due:
            # In a turn of its own: this outcome may be taken in by a settle() in the
            # middle of a save or a status move.
            QTimer.singleShot(0, self, self._check_live_if_due)
        if article_id != self.article_id:
            return  # never: leaving a story settles first
        error = outcome.error
        if outcome.article is None:
            if isinstance(error, ConflictError) or not isinstance(
                    error, (StoryInTrash, StoryLocked, peewee.DatabaseError, UserError)):
                # A conflict: the save on this thread sees whether the stored text is
                # still the one edited from (a status move, a replica's sync) and saves on
                # it, or shows both versions. (A save that settled this store is that
                # save.) Anything else is a bug, shown as that save would show it.
                if not self._settling_to_save:
                    self._save(reason="autosave", revision=revision)
            else:
                self._refused(error, self.fields())
            return
        if self._edits == edits:
            self.session.saved(outcome.article, revision=revision)
            self._saved(outcome.article, revision=revision)
            return
        # Typed into meanwhile: stored up to the text the store was given.
        self.session.saved(outcome.article, revision=revision, edited_since=True)
        self.journal_timer.poke()
        if revision:
            self._load_revisions()
        self._set_state(UNSAVED)
        self.article_saved.emit(outcome.article.id)

    def _save(self, *, reason: str, revision: bool) -> bool:
        self._settling_to_save = True
        try:
            self.settle()
        finally:
            self._settling_to_save = False
        self.save_timer.cancel()
        self.retry_timer.stop()
        if self.article_id is None:
            return True
        if self.session.holds_back():
            self.write_journal()
            return False
        fields = self.fields()
        if self.dirty:
            self.write_journal()
        self._set_state(SAVING)
        try:
            article = self._store(fields, reason=reason, revision=revision)
        except (ConflictError, StoryInTrash, StoryLocked, peewee.DatabaseError,
                UserError) as exc:
            self._refused(exc, fields)
            return False
        self._saved(article, revision=revision)
        return True

    def _refused(self, exc: Exception, fields: dict[str, Any]) -> None:
        """Show why the database did not take the text (``fields``, still on screen)."""
        if isinstance(exc, ConflictError):
            self._set_state(UNSAVED)
            self.show_conflict(fields)
        elif isinstance(exc, StoryInTrash):
            self._set_state(UNSAVED)
            self._show_trashed(deleted=exc.deleted)
        elif isinstance(exc, StoryLocked):
            self._set_state(UNSAVED)
            self._show_problem(tr("Not saved: {reason}").format(reason=error_text(exc)))
            self.lock_refused.emit()
        elif isinstance(exc, peewee.DatabaseError):  # before UserError: a busy database
            self._write_failed(exc)  # is both, and its save is retried like any failed write
        else:
            self._set_state(UNSAVED)
            self._show_problem(tr("Not saved: {reason}").format(reason=error_text(exc)))

    def _store(self, fields: dict[str, Any], *, reason: str, revision: bool) -> Article:
        """The session's save; the status combo follows a status move it saved over."""
        try:
            return self.session.save(fields, reason=reason, revision=revision)
        finally:
            if self.session.rebased_status is not None:
                self._loading = True
                self.status.setCurrentIndex(self.status.findData(self.session.rebased_status))
                self._loading = False

    def _saved(self, article: Article, *, revision: bool) -> None:
        """The session has stored the text: the window says so."""
        self.journal_timer.cancel()
        if revision:
            self._load_revisions()
        self._clear_problem()
        self._set_state(SAVED)
        self.article_saved.emit(article.id)

    def _write_failed(self, exc: Exception) -> None:
        """The database refused the write: keep the text in the journal, retry later."""
        self._set_state(UNSAVED)
        journaled = self.write_journal()
        reason = translated(operational_error_text(exc))
        retry = self.RETRY_MS // 1000
        if journaled:
            text = tr("Could not save: {reason}. Your text is kept in the recovery journal "
                      "({folder}); retrying every %n s.", "", retry)
        else:
            text = tr("Could not save: {reason}. Your text is only in this window; do not "
                      "close it; retrying every %n s.", "", retry)
        self._show_problem(text.format(reason=reason, folder=self.journal.folder))
        self.retry_timer.start()
        self.write_failed.emit(exc)

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.message.emit(text)

    def _clear_problem(self) -> None:
        if self.problem.isVisible() or self.problem.text():
            self.problem.clear()
            self.problem.hide()

    def cancel_timers(self) -> None:
        self.settle()
        for debouncer in (self.journal_timer, self.save_timer, self.announce_timer,
                          self.reference_timer):
            debouncer.cancel()
        self.retry_timer.stop()

    def flush(self) -> bool:
        """Before the story is left: save, or at least journal, the pending edits."""
        self.settle()
        if not self.dirty:
            self.cancel_timers()
            return True
        if self._save(reason="autosave", revision=False):
            self.cancel_timers()
            return True
        if self.conflict_dialog is not None:
            # The user is choosing between versions: that has to be settled first.
            self.message.emit(tr("First choose which version of this story to keep"))
            self.conflict_dialog.raise_()
            return False
        return self.write_journal()

    # -- the trash -----------------------------------------------------------------------
    def check_still_live(self) -> None:
        """Colleagues changed stories: the open one may have gone to the trash (stop
        saving into it) or come back from it (go on)."""
        if self.background_save.busy():
            # The change timer asks every 2 s, and a store in flight may be waiting for a
            # locked file or a slow server: settling here froze the window for as long
            # (up to the 5 s busy wait). The check comes once the store's outcome has.
            self._live_check_due = True
            return
        self._live_check_due = False
        change = self.session.check_trash()
        if change in (TRASHED, DELETED):
            self._show_trashed(deleted=change == DELETED)
        elif change == BACK:
            self._back_from_trash()
            self.message.emit(tr("The story was restored from the trash elsewhere"))

    def _check_live_if_due(self) -> None:
        if self._live_check_due:
            self.check_still_live()

    def _show_trashed(self, *, deleted: bool) -> None:
        """The story went to the trash (or was deleted) elsewhere: read-only under a
        banner; unsaved text stays on screen and in the journal, never in the story."""
        self.save_timer.cancel()
        self.retry_timer.stop()
        self.write_journal()
        self.session.trashed(deleted=deleted)
        self._apply_read_only()
        if deleted:
            text = tr("This story was deleted for good elsewhere.")
            self.restore_button.setText(tr("Save as a new story"))
            if self.dirty:
                text += " " + tr("Your latest changes are kept aside until you save them as "
                                 "a new story.")
            self.message.emit(tr("The open story was deleted for good elsewhere"))
        else:
            text = tr("This story is in the trash.")
            self.restore_button.setText(tr("Restore"))
            if self.dirty:
                text += " " + tr("Your latest changes are kept aside until you restore it.")
            self.message.emit(tr("The open story was moved to the trash elsewhere"))
        self.trash_banner.show_text(text)

    def restore_from_trash(self) -> bool:
        """The banner's button: take the story out of the trash and save what is pending;
        a story deleted for good meanwhile becomes a new story with the text on screen."""
        self.settle()
        if self.article_id is None or not self.in_trash:
            return False
        try:
            if not self.session.restore():
                self._save_gone_story_as_new()
                return True
        except peewee.DatabaseError as exc:
            self._show_problem(tr("Not restored: {reason}").format(
                reason=translated(operational_error_text(exc))))
            return False
        self._back_from_trash()
        self.message.emit(tr("Restored from the trash"))
        return True

    def _back_from_trash(self) -> None:
        self.session.back_from_trash()
        self.trash_banner.hide()
        self._apply_read_only()
        self.article_saved.emit(self.article_id)  # lists show it again
        self.autosave()

    def _save_gone_story_as_new(self) -> None:
        copy = self.session.save_gone_as_new(self.fields())
        self.cancel_timers()
        self.article_saved.emit(copy.id)
        self.open_article(copy.id)
        self.message.emit(tr("The story was deleted for good; your text is now a new story: "
                             "{headline}").format(headline=copy.headline))

    # -- conflicts -----------------------------------------------------------------------
    def show_conflict(self, mine: dict[str, Any]) -> None:
        """The story was saved elsewhere: show both versions (non-blocking dialog)."""
        if self.conflict_dialog is not None or self.article_id is None:
            return
        from newsdesk.ui.dialogs.conflict import ConflictDialog  # rarely needed: not at start

        self.conflict_dialog = ConflictDialog(mine, self.session.conflict(), self)
        self.conflict_dialog.chosen.connect(self._resolve_conflict)
        self.message.emit(
            tr("This story was saved elsewhere meanwhile: choose which text to keep"))
        self.conflict_dialog.open()

    def _resolve_conflict(self, choice: str) -> None:
        dialog, self.conflict_dialog = self.conflict_dialog, None
        if dialog is None or self.article_id is None:
            return
        mine = self.fields()  # includes anything typed while the dialog was open
        try:
            article = self.session.resolve(choice, mine, their_version=dialog.their_version)
        except ConflictError:
            self.show_conflict(mine)  # saved elsewhere yet again: ask again
        except peewee.DatabaseError as exc:
            self._write_failed(exc)
        else:
            self._show_resolved(choice, article)
        dialog.deleteLater()

    def _show_resolved(self, choice: str, article: Article | None) -> None:
        if choice == KEEP_MINE and article is not None:
            self._saved(article, revision=True)
            self.message.emit(tr("Kept your version; theirs is in the revisions"))
            return
        if choice == SAVE_COPY and article is not None:
            self.article_saved.emit(article.id)
            text = tr("Your version was saved as a new story: {headline}").format(
                headline=article.headline)
        else:
            text = tr("Took their version; yours is in the revisions")
        self.reload()
        self.article_saved.emit(self.article_id)
        self.message.emit(text)

    # -- revisions and status ------------------------------------------------------------
    def restore_revision(self, revision_id: int) -> bool:
        if self.article_id is None or not self.save():
            return False
        try:
            self.session.restore_revision(revision_id)
        except ConflictError:
            self.show_conflict(self.fields())
            return False
        except peewee.DatabaseError as exc:
            self._write_failed(exc)
            return False
        self.reload()
        self.article_saved.emit(self.article_id)
        self.message.emit(tr("Revision restored (recorded as a new revision)"))
        return True

    def _status_chosen(self, _index: int) -> None:
        self.change_status(self.status.currentData())

    def change_status(self, target: str) -> bool:
        """Move the story along the workflow; a refusal is shown with its reason."""
        self.settle()
        if self.article_id is None:
            return False
        if target == "published" and self.publish_refusal:
            self._show_status(self.publish_refusal)
            return False
        if target == "ready" and not self.spelling.confirm_ready(self._ready_anyway):
            self._show_status(None)
            return False
        if not self.save():
            self._show_status(None)
            return False
        try:
            article = self.session.set_status(target)
        except ConflictError:
            self._show_status(None)
            self.show_conflict(self.fields())
            return False
        except UserError as exc:
            self._show_status(tr("Status not changed: {reason}").format(
                reason=translated(exc.text) if exc.text is not None else exc.reason))
            return False
        except peewee.DatabaseError as exc:
            self._show_status(tr("Status not changed: {reason}").format(
                reason=translated(operational_error_text(exc))))
            return False
        self._load_revisions()
        self._show_status(None)
        self.article_saved.emit(article.id)
        self.message.emit(tr("Status: {status}").format(
            status=translated(workflow.status_name(target))))
        self._announce()
        return True

    def _ready_anyway(self, unknown: int) -> bool:
        from PySide6.QtWidgets import QMessageBox  # its type costs the start ~1 ms

        answer = QMessageBox.question(
            self, tr("Unknown words"),
            tr("This story has %n unknown word(s) (F7 shows the next one). Mark it ready "
               "anyway?", "", unknown))
        return answer == QMessageBox.StandardButton.Yes

    def _show_status(self, refusal: str | None) -> None:
        """Put the combo back on the stored status and show why a move was refused."""
        if self.article_id is not None:
            stored = Article.get_by_id(self.article_id).status
            self.status.setCurrentIndex(self.status.findData(stored))
        self.status_hint.setText(refusal or "")
        self.form.setRowVisible(self.status_hint, bool(refusal))
        self.status_hint.setStyleSheet("color: #b3261e;" if refusal else "")
        if refusal:
            self.message.emit(refusal)

    # -- window integration --------------------------------------------------------------
    def file_actions(self) -> list[QAction]:
        return [self.save_action]

    def save_layout(self) -> None:
        EDITOR_SPLITTER.write(self.settings, self.splitter.saveState())


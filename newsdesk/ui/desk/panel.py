"""The Desk mode: the article list, the editor and the preview side by side; in the
editor's place a hint when no story is open (an empty database, the last story trashed)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TR_NOOP, QMimeData, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import UserError
from newsdesk.stories import articles
from newsdesk.ui.desk.article_list import ArticleListPanel
from newsdesk.ui.desk.editor import EditorPanel
from newsdesk.ui.desk.picture_actions import PictureActions
from newsdesk.ui.desk.preview import PreviewPanel
from newsdesk.ui.desk.story_lock import StoryLockGuard
from newsdesk.ui.domain_texts import error_text
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon
from newsdesk.ui.settings import DESK_SPLITTER, EDITOR_SPLITTER, LAST_STORY, user_name
from newsdesk.ui.startup import FirstPaint
from newsdesk.ui.workers import jobs_shut_down

if TYPE_CHECKING:
    from newsdesk.ui.desk.pictures_panel import PicturesPanel
    from newsdesk.ui.desk.tag_panel import TagPanel
    from newsdesk.ui.desk.translations_panel import TranslationsPanel

# The first story's tag suggestions wait this long at start: the preview's page comes first.
STARTUP_PASS_DELAY_MS = 1500

# The window has no story import yet: the command line's is the one to point at.
NO_STORIES = (QT_TR_NOOP("No stories yet"),
              QT_TR_NOOP("Press Ctrl+N to write one. To bring in wire copy, run "
                         "“newsdesk import FILE” in a terminal."))
NO_STORY_OPEN = (QT_TR_NOOP("No story open"),
                 QT_TR_NOOP("Choose one in the list (Enter or a double click opens it), or "
                            "press Ctrl+N to write a new one."))


class EmptyStory(QWidget):
    """Where the editor stands while no story is open."""

    def __init__(self, new_story: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.new_button = QPushButton(icon("mdi6.file-document-plus-outline"),
                                      tr("New story"), self)
        self.new_button.setToolTip(tr("Write a new story (Ctrl+N)"))
        self.new_button.clicked.connect(lambda _=False: new_story.trigger())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        for widget in (self.title, self.hint):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(widget)
        layout.addSpacing(8)
        layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def say(self, title: str, hint: str) -> None:
        self.title.setText(tr(title))
        self.hint.setText(tr(hint))


class DeskView(QWidget):
    counts_changed = Signal(int, int)
    save_state_changed = Signal(str)
    message = Signal(str)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        # Each pane is made in the widget it lives in.
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.article_list = ArticleListPanel(settings, self.splitter)
        # The splitter's second pane: the editor, or the hint while no story is open.
        self.story_area = QStackedWidget(self.splitter)
        self.editor = EditorPanel(settings, self.story_area)
        self.lock_guard = StoryLockGuard(self.editor, settings)
        self.article_list.model.session = self.lock_guard.session
        # Tags are edited beside the text they come from, so the tag panel takes the
        # editor's side-panel slot, as its first tab. The panel itself is built once the
        # window has painted its first frame, or when first asked for (``tag_panel``).
        self.tags_page = self._side_page()
        self._tag_panel: TagPanel | None = None
        # What the editor last announced (``content_changed``), for a panel built after it.
        self._story_fields: dict[str, Any] | None = None
        self.editor.add_side_panel(self.tags_page, tr("Tags"), "mdi6.tag-multiple-outline")
        # The Pictures tab's panel too (``pictures_panel``); its two actions are here from
        # the start, in the File menu and under their keys.
        self.pictures_page = self._side_page()
        self._pictures_panel: PicturesPanel | None = None
        self.editor.add_side_panel(self.pictures_page, tr("Pictures"),
                                   "mdi6.image-multiple-outline")
        self.editor.body.image_sink = self._take_images
        self.picture_actions = PictureActions(self.editor)
        self.picture_actions.add.triggered.connect(
            lambda _=False: self.pictures_panel.choose_files())
        self.picture_actions.insert.triggered.connect(
            lambda _=False: self.pictures_panel.insert_selected())
        # Ctrl+Shift+I works wherever the story is, not only with the Pictures tab shown.
        self.editor.addAction(self.picture_actions.add)
        self.editor.addAction(self.picture_actions.insert)
        self.editor.side_tabs.setCurrentWidget(self.tags_page)
        # The Translations tab's panel too (``translations_panel``), with its links in the
        # editor's header.
        self.translations_page = self._side_page()
        self._translations_panel: TranslationsPanel | None = None
        self.editor.add_side_panel(self.translations_page, tr("Translations"), "mdi6.translate")
        if EDITOR_SPLITTER.read(settings) is None:  # first run: room for the tag lists
            self.editor.splitter.setSizes([420, 70, 230])
        self.preview = PreviewPanel(self.splitter)
        self.story_area.addWidget(self.editor)
        # The hint where no story is open, built when first shown (``empty``): most
        # starts open the last story.
        self._empty: EmptyStory | None = None
        for panel in (self.article_list, self.story_area, self.preview):
            self.splitter.addWidget(panel)
        # First run: the list wide enough for headlines beside status and dateline, the
        # editor for its tag lists; the preview gets the rest (Qt scales these to the window).
        self.splitter.setSizes([500, 530, 370])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._connect()
        sizes = DESK_SPLITTER.read(settings)
        if sizes is not None:
            self.splitter.restoreState(sizes)
        self._open_initial_story()
        self._show_story_area()
        # What the first frame can do without: built as soon as it is out, in the turn of
        # the event loop after the one the preview creates its web view in (its first
        # page waits for nothing else then).
        self._after_first_frame = FirstPaint(self, lambda: QTimer.singleShot(
            0, self, lambda: QTimer.singleShot(0, self, self._build_after_first_frame)))

    def _side_page(self) -> QWidget:
        """A side tab's page, its panel added when built."""
        page = QWidget(self.editor)
        QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
        return page

    def _build_after_first_frame(self) -> None:
        from newsdesk.store.db import bound_target
        from newsdesk.store.failures import database_failures

        if jobs_shut_down(self):
            return  # the window closed as its first frame went out: nothing to show them
        # Each panel reads the open story's tags, pictures or links as it is built: a
        # database that failed since the window opened (damaged, deleted, its server
        # gone) is said in the status bar, as the list and the editor say it, not raised.
        try:
            with database_failures(bound_target()):
                if self._tag_panel is None:
                    self._build_tag_panel(pass_delay_ms=STARTUP_PASS_DELAY_MS)
                self.pictures_panel  # noqa: B018 (built now)
                self.translations_panel  # noqa: B018
        except UserError as exc:
            self.message.emit(error_text(exc))

    @property
    def translations_panel(self) -> TranslationsPanel:
        """The Translations tab's panel, built (and its module imported) after the first
        frame or on first use, on the story open then."""
        if self._translations_panel is None:
            from newsdesk.ui.desk.translations_panel import TranslationsPanel

            panel = TranslationsPanel(lambda: user_name(self.settings), self.translations_page)
            self.translations_page.layout().addWidget(panel)
            panel.show()  # a child added to a page on screen is not shown with it
            self.editor.add_beside_language(panel.links)
            panel.message.connect(self.message)
            panel.open_requested.connect(self._open_translation)
            self._translations_panel = panel
            panel.load(self.editor.article_id)
        return self._translations_panel

    def _translations_follow(self, article_id: int | None) -> None:
        if self._translations_panel is not None:
            self._translations_panel.load(article_id)

    @property
    def pictures_panel(self) -> PicturesPanel:
        """The Pictures tab's panel, built (and its module imported) after the first
        frame or on first use, on the story open then."""
        if self._pictures_panel is None:
            from newsdesk.ui.desk.pictures_panel import PicturesPanel

            panel = PicturesPanel(self.pictures_page, self.picture_actions)
            self.pictures_page.layout().addWidget(panel)
            panel.show()  # a child added to a page on screen is not shown with it
            panel.message.connect(self.message)
            panel.pictures_changed.connect(lambda _id: self.preview.reload_surroundings())
            panel.pictures_changed.connect(self.article_list.refresh_article)
            panel.pictures_loaded.connect(self.editor.show_pictures)
            panel.insert_requested.connect(self.editor.insert_picture)
            self._pictures_panel = panel
            panel.set_read_only(self.editor.read_only)
            panel.load_story(self.editor.article_id)
        return self._pictures_panel

    def _pictures_follow(self, article_id: int | None) -> None:
        if self._pictures_panel is not None:
            self._pictures_panel.load_story(article_id)

    def _pictures_read_only(self, read_only: bool) -> None:
        if self._pictures_panel is not None:
            self._pictures_panel.set_read_only(read_only)

    @property
    def tag_panel(self) -> TagPanel:
        """The Tags tab's panel, built (and its module imported) after the first frame
        or on first use, on the story open then."""
        if self._tag_panel is None:
            self._build_tag_panel()
        assert self._tag_panel is not None
        return self._tag_panel

    def _build_tag_panel(self, pass_delay_ms: int = 0) -> None:
        from newsdesk.ui.desk.tag_panel import TagPanel

        panel = TagPanel(self.editor.body, self.tags_page)
        self.tags_page.layout().addWidget(panel)
        panel.show()  # a child added to a page on screen is not shown with it
        panel.message.connect(self.message)
        # A tag added or removed shows in the preview's tag line at once.
        panel.tags_changed.connect(lambda _id: self.preview.reload_surroundings())
        self._tag_panel = panel
        if self._story_fields is not None:
            # At the start, the story's first suggestion pass waits: the preview's first
            # page comes first.
            panel.delay_next_pass(pass_delay_ms)
            panel.story_changed(self._story_fields)

    def _story_changed(self, fields: dict[str, Any]) -> None:
        self._story_fields = fields
        if self._tag_panel is not None:
            self._tag_panel.story_changed(fields)

    def _open_initial_story(self) -> None:
        """Reopen the story the user last had open, else the most recently updated one."""
        last = LAST_STORY.read(self.settings)
        # A story with unsaved text in the recovery journal (after a crash) comes first.
        candidates = self.editor.journal.article_ids()[:1]
        candidates += [last] if last else []
        if self.article_list.model.rowCount():
            candidates.append(self.article_list.model.article_id(0))
        for article_id in candidates:
            try:
                self.open_article(article_id)
                return
            except UserError:
                continue

    def _connect(self) -> None:
        self.article_list.article_activated.connect(self.open_article)
        self.article_list.before_trash = self._before_trash
        self.article_list.trashed.connect(self._after_trash)
        self.article_list.loaded.connect(self._show_story_area)
        self.editor.article_opened.connect(self.article_list.show_article)
        self.editor.article_opened.connect(lambda _id: self._show_story_area())
        self.editor.article_closed.connect(self._show_story_area)
        self.article_list.new_requested.connect(self.editor.new_article)
        self.article_list.message.connect(self.message)
        self.editor.counts_changed.connect(self.counts_changed)
        self.editor.save_state_changed.connect(self.save_state_changed)
        self.editor.message.connect(self.message)
        self.editor.content_changed.connect(self.preview.show_fields)
        self.editor.article_saved.connect(lambda _id: self.preview.reload_surroundings())
        self.preview.attach_editor(self.editor.body)
        self.preview.story_link_clicked.connect(self._open_story_link)
        self.editor.content_changed.connect(self._story_changed)
        self.editor.article_saved.connect(self.article_list.refresh_article)
        self.lock_guard.lock_changed.connect(self.article_list.refresh_article)
        self.editor.article_opened.connect(self._translations_follow)
        self.editor.article_closed.connect(lambda: self._translations_follow(None))
        self.editor.article_opened.connect(self._pictures_follow)
        self.editor.article_closed.connect(lambda: self._pictures_follow(None))
        self.editor.read_only_changed.connect(self._pictures_read_only)
        # Until the new story's pictures are read, no reference is flagged.
        self.editor.article_opened.connect(lambda _id: self.editor.show_pictures(None))

    def _open_translation(self, article_id: int) -> None:
        self.article_list.refresh()  # a new draft joins the list
        self.open_article(article_id)

    def _take_images(self, mime: QMimeData) -> bool:
        """Images dropped or pasted on the story body become pictures of the story."""
        if self.editor.read_only:
            return False
        if self.pictures_panel.add_mime(mime):
            self.editor.side_tabs.setCurrentWidget(self.pictures_page)
            return True
        return False

    def open_article(self, article_id: int) -> None:
        self.editor.open_article(article_id)
        LAST_STORY.write(self.settings, article_id)

    @property
    def empty(self) -> EmptyStory:
        """What stands in the editor's place while no story is open."""
        if self._empty is None:
            self._empty = EmptyStory(self.article_list.new_action, self.story_area)
            self.story_area.addWidget(self._empty)
        return self._empty

    def _show_story_area(self) -> None:
        """The editor and the preview while a story is open; else the hint alone (a
        preview of no story would show an empty page with its review and share furniture)."""
        open_story = self.editor.article_id is not None
        self.preview.setVisible(open_story)
        if open_story:
            self.story_area.setCurrentWidget(self.editor)
            return
        self.empty.say(*(NO_STORY_OPEN if articles.has_live_stories() else NO_STORIES))
        self.story_area.setCurrentWidget(self.empty)

    # -- the trash -----------------------------------------------------------------------
    def _before_trash(self, ids: list[int]) -> bool:
        """The open story is about to go: its pending text is saved into it first."""
        return self.editor.article_id not in ids or self.editor.flush()

    def _after_trash(self, ids: list[int]) -> None:
        """The open story went to the trash: show the story the list selected in its
        place, or no story."""
        if self.editor.article_id not in ids:
            return
        following = self.article_list.current_article_id()
        if following is not None and following not in ids:
            self.open_article(following)
        else:
            self.editor.close_article()

    def colleagues_changed_stories(self) -> None:
        """Someone else changed stories: the list, and whether the open one is in the trash."""
        self.article_list.refresh()
        self.editor.check_still_live()

    def _open_story_link(self, slug: str) -> None:
        """A News Line link clicked in the preview opens that story here."""
        try:
            self.open_article(articles.get_article(slug).id)
        except UserError as exc:
            self.message.emit(error_text(exc))

    def file_actions(self) -> list[QAction]:
        return (self.article_list.file_actions() + self.editor.file_actions()
                + [self.picture_actions.add])

    def can_close(self) -> bool:
        if not self.editor.flush():
            return False
        self.lock_guard.release()
        return True

    def save_layout(self) -> None:
        DESK_SPLITTER.write(self.settings, self.splitter.saveState())
        self.article_list.save_layout()
        self.editor.save_layout()

    def settle_time_ms(self) -> int:
        return self.preview.settle_time_ms()

    def activated(self) -> None:
        self.article_list.refresh()
        if self._tag_panel is not None:  # the registry mode may have merged or renamed
            self._tag_panel.refresh_tags()
        # Reviews may have been approved (or undone) in the Moderation mode meanwhile.
        self.preview.reload_surroundings()

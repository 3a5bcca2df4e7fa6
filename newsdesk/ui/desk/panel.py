"""The Desk mode: the article list, the editor and the preview side by side; in the
editor's place a hint when no story is open (an empty database, the last story trashed)."""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP, QMimeData, QSettings, Qt, Signal
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
from newsdesk.ui.desk.pictures_panel import PicturesPanel
from newsdesk.ui.desk.preview import PreviewPanel
from newsdesk.ui.desk.story_lock import StoryLockGuard
from newsdesk.ui.desk.tag_panel import TagPanel
from newsdesk.ui.desk.translations_panel import TranslationsPanel
from newsdesk.ui.domain_texts import error_text
from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon
from newsdesk.ui.settings import DESK_SPLITTER, EDITOR_SPLITTER, LAST_STORY, user_name

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
        self.article_list = ArticleListPanel(settings, self)
        self.editor = EditorPanel(settings, self)
        self.lock_guard = StoryLockGuard(self.editor, settings)
        self.article_list.model.session = self.lock_guard.session
        # Tags are edited beside the text they come from, so the tag panel takes the
        # editor's side-panel slot, as its first tab.
        self.tag_panel = TagPanel(self.editor.body, self.editor)
        self.editor.add_side_panel(self.tag_panel, tr("Tags"), "mdi6.tag-multiple-outline")
        self.pictures_panel = PicturesPanel(self.editor)
        self.editor.add_side_panel(self.pictures_panel, tr("Pictures"),
                                   "mdi6.image-multiple-outline")
        self.editor.body.image_sink = self._take_images
        # Ctrl+Shift+I works wherever the story is, not only with the Pictures tab shown.
        self.editor.addAction(self.pictures_panel.add_action)
        self.editor.addAction(self.pictures_panel.insert_action)
        self.editor.side_tabs.setCurrentWidget(self.tag_panel)
        self.translations_panel = TranslationsPanel(lambda: user_name(settings), self.editor)
        self.editor.add_side_panel(self.translations_panel, tr("Translations"), "mdi6.translate")
        self.editor.add_beside_language(self.translations_panel.links)
        if EDITOR_SPLITTER.read(settings) is None:  # first run: room for the tag lists
            self.editor.splitter.setSizes([420, 70, 230])
        self.preview = PreviewPanel(self)
        self.empty = EmptyStory(self.article_list.new_action, self)
        # The splitter's second pane: the editor, or the hint while no story is open.
        self.story_area = QStackedWidget(self)
        self.story_area.addWidget(self.editor)
        self.story_area.addWidget(self.empty)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for panel in (self.article_list, self.story_area, self.preview):
            self.splitter.addWidget(panel)
        # First run: the list wide enough for headlines beside status and dateline, the
        # editor for its tag lists; the preview gets the rest (Qt scales these to the window).
        self.splitter.setSizes([500, 530, 370])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._connect()
        self.tag_panel.delay_next_pass(STARTUP_PASS_DELAY_MS)
        sizes = DESK_SPLITTER.read(settings)
        if sizes is not None:
            self.splitter.restoreState(sizes)
        self._open_initial_story()
        self._show_story_area()

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
        self.editor.content_changed.connect(self.tag_panel.story_changed)
        self.tag_panel.message.connect(self.message)
        # A tag added or removed shows in the preview's tag line at once.
        self.tag_panel.tags_changed.connect(lambda _id: self.preview.reload_surroundings())
        self.editor.article_saved.connect(self.article_list.refresh_article)
        self.lock_guard.lock_changed.connect(self.article_list.refresh_article)
        self.editor.article_opened.connect(self.translations_panel.load)
        self.editor.article_closed.connect(lambda: self.translations_panel.load(None))
        self.translations_panel.message.connect(self.message)
        self.translations_panel.open_requested.connect(self._open_translation)
        self.editor.article_opened.connect(self.pictures_panel.load_story)
        self.editor.article_closed.connect(lambda: self.pictures_panel.load_story(None))
        self.editor.read_only_changed.connect(self.pictures_panel.set_read_only)
        self.pictures_panel.message.connect(self.message)
        self.pictures_panel.pictures_changed.connect(
            lambda _id: self.preview.reload_surroundings())
        self.pictures_panel.pictures_changed.connect(self.article_list.refresh_article)
        # Until the new story's pictures are read, no reference is flagged.
        self.editor.article_opened.connect(lambda _id: self.editor.show_pictures(None))
        self.pictures_panel.pictures_loaded.connect(self.editor.show_pictures)
        self.pictures_panel.insert_requested.connect(self.editor.insert_picture)

    def _open_translation(self, article_id: int) -> None:
        self.article_list.refresh()  # a new draft joins the list
        self.open_article(article_id)

    def _take_images(self, mime: QMimeData) -> bool:
        """Images dropped or pasted on the story body become pictures of the story."""
        if self.editor.read_only:
            return False
        if self.pictures_panel.add_mime(mime):
            self.editor.side_tabs.setCurrentWidget(self.pictures_panel)
            return True
        return False

    def open_article(self, article_id: int) -> None:
        self.editor.open_article(article_id)
        LAST_STORY.write(self.settings, article_id)

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
                + [self.pictures_panel.add_action])

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
        self.tag_panel.refresh_tags()  # the registry mode may have merged or renamed
        # Reviews may have been approved (or undone) in the Moderation mode meanwhile.
        self.preview.reload_surroundings()

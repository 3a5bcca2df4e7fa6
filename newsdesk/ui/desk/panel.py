"""The Desk mode: the article list, the editor and the preview side by side."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from newsdesk.errors import UserError
from newsdesk.stories import articles
from newsdesk.ui.desk.article_list import ArticleListPanel
from newsdesk.ui.desk.editor import EditorPanel
from newsdesk.ui.desk.preview import PreviewPanel
from newsdesk.ui.desk.story_lock import StoryLockGuard
from newsdesk.ui.desk.tag_panel import TagPanel

SPLITTER_KEY = "desk/splitter"
LAST_ARTICLE_KEY = "desk/last_article"


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
        # Issue 6: the tag panel sits in the editor's side-panel slot, first tab.
        self.tag_panel = TagPanel(self.editor.body, self.editor)
        self.editor.add_side_panel(self.tag_panel, "Tags", "mdi6.tag-multiple-outline")
        self.editor.side_tabs.setCurrentWidget(self.tag_panel)
        if settings.value("editor/splitter") is None:  # first run: room for the tag lists
            self.editor.splitter.setSizes([420, 70, 230])
        self.preview = PreviewPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for panel in (self.article_list, self.editor, self.preview):
            self.splitter.addWidget(panel)
        self.splitter.setSizes([430, 520, 450])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._connect()
        sizes = settings.value(SPLITTER_KEY)
        if sizes is not None:
            self.splitter.restoreState(sizes)
        self._open_initial_story()

    def _open_initial_story(self) -> None:
        """Reopen the story the user last had open, else the most recently updated one."""
        last = self.settings.value(LAST_ARTICLE_KEY)
        # A story with unsaved text in the recovery journal (after a crash) comes first.
        candidates = self.editor.journal.article_ids()[:1]
        candidates += [int(last)] if last else []
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

    def open_article(self, article_id: int) -> None:
        self.editor.open_article(article_id)
        self.settings.setValue(LAST_ARTICLE_KEY, article_id)

    def _open_story_link(self, slug: str) -> None:
        """A News Line link clicked in the preview opens that story here."""
        try:
            self.open_article(articles.get_article(slug).id)
        except UserError as exc:
            self.message.emit(exc.message)

    def file_actions(self) -> list[QAction]:
        return self.article_list.file_actions() + self.editor.file_actions()

    def can_close(self) -> bool:
        if not self.editor.flush():
            return False
        self.lock_guard.release()
        return True

    def save_layout(self) -> None:
        self.settings.setValue(SPLITTER_KEY, self.splitter.saveState())
        self.article_list.save_layout()
        self.editor.save_layout()

    def settle_time_ms(self) -> int:
        return self.preview.settle_time_ms()

    def activated(self) -> None:
        self.article_list.refresh()
        self.tag_panel.refresh_tags()  # the registry mode may have merged or renamed
        # Reviews may have been approved (or undone) in the Moderation mode meanwhile.
        self.preview.reload_surroundings()

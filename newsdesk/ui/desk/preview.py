"""The live preview: the story page exactly as the site export publishes it, while typing.

- Same page: ``newsdesk.publish.page.render_story_page`` with a preview ``LinkStyle``
  (body blocks carry ``data-line``; the page loads ``resources/preview/sync.js`` and Qt's
  ``qwebchannel.js`` as files, never inline, under the page's CSP).
- Off the keystroke path: each edit (re)starts a single-shot timer; when it fires, a
  worker thread (the panel's ``JobRunner``) has the page rendered by a child process (``publish.preview_process``:
  Markdown rendering is pure Python and would hold the GIL the keystrokes need). Edits arriving during a render only mark the preview
  outdated, and one more render follows when the current one is done.
- No flicker, scroll kept: the page shell is loaded once per story; later renders swap only
  the ``<body>`` by a call into ``sync.js`` (which keeps the scroll position); the page
  answers through Qt WebChannel.
- Scroll sync both ways with the editor body and click-to-source, by ``data-line``.
- Links open in the system browser (QDesktopServices); links to other stories of the site
  are offered to the desk (``story_link_clicked``); nothing navigates inside the preview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from newsdesk.assets import resource_path
from newsdesk.cores import usable_cores
from newsdesk.ui.workers import JobRunner, jobs_shut_down

if TYPE_CHECKING:
    from newsdesk.publish.page_items import Surroundings
    from newsdesk.ui.desk.preview_view import PreviewPage, PreviewView

# The editor already batches its announcements (30 ms idle, 100 ms at most while typing), so
# the preview's own single-shot timer only collapses what arrives in one event-loop pass;
# the "outdated" flag keeps one render in flight at a time, however fast the typing.
REFRESH_DELAY_MS = 0


class PreviewBridge(QObject):
    """The object ``sync.js`` sees as ``channel.objects.preview``: the page's calls to the
    window. The window's calls to the page go through ``runJavaScript`` (``_call_page``):
    a channel signal carrying the body held the GUI thread 1-25 ms per swap on a busy
    machine (median 1.3-7 ms at load 2, against 0.25 ms for the same body as a script)."""

    ready = Signal()
    shown = Signal(int)
    scrolled = Signal(int)
    clicked = Signal(int)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802
        self.ready.emit()

    @Slot(int)
    def rendered(self, generation: int) -> None:
        self.shown.emit(generation)

    @Slot(int)
    def previewScrolled(self, line: int) -> None:  # noqa: N802
        self.scrolled.emit(line)

    @Slot(int)
    def blockClicked(self, line: int) -> None:  # noqa: N802
        self.clicked.emit(line)


def _render_job(fields: dict[str, Any], surroundings: Surroundings | None, reread: bool,
                article_id: int | None, in_process: bool) -> tuple[Surroundings | None, str]:
    """On the render thread: reread the surroundings if asked (a save must not add
    queries to the keystroke it lands on), then have the page rendered by the renderer
    process (which imports the page's templates: here, while the window starts, their
    imports would hold the interpreter lock its first paint needs); ``in_process``: here
    (one core, until the first page is on screen: see ``PreviewPanel.__init__``)."""
    from newsdesk.publish.page_items import Surroundings
    from newsdesk.publish.surroundings import surroundings_for

    if reread or surroundings is None:
        surroundings = (surroundings_for(article_id, pictures=True)
                        if article_id is not None else Surroundings())
    if in_process:
        from newsdesk.publish.story_page import render_preview_page as render
    else:
        from newsdesk.publish.preview_process import render_in_child as render
    return (surroundings if reread else None), render(fields, surroundings)


def _start_renderer_process(_job: object) -> None:
    from newsdesk.publish.preview_process import shared_renderer

    shared_renderer.start()


class _Blank(QWidget):
    """Where the web view will be: a blank page until the window has painted once."""

    painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self._told = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._told:
            self._told = True
            self.painted.emit()


class PreviewPanel(QWidget):
    """The preview pane; feed it the editor's fields with ``show_fields``."""

    source_line_clicked = Signal(int)
    story_link_clicked = Signal(str)
    shown = Signal(int)  # a generation is on screen (tests and the latency benchmark)
    view_created = Signal()  # the web view replaced the blank (start-up trace)

    def __init__(self, parent: QWidget | None = None, *,
                 delay_ms: int = REFRESH_DELAY_MS) -> None:
        super().__init__(parent)
        self.site_root = resource_path("templates")
        self.bridge = PreviewBridge(self)
        # The web view is created once the window has painted (``create_view``):
        # QtWebEngine's import and its first page would hold the window back.
        self.blank: _Blank | None = _Blank(self)
        self.blank.painted.connect(self._first_paint)
        self.view: PreviewView | None = None
        self.page: PreviewPage | None = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.blank)
        self.timer = QTimer(self, singleShot=True, interval=delay_ms)
        self.timer.timeout.connect(self._start_render)
        self.renders = JobRunner(self, name="preview")
        # The renderer process started with the window's process (``start_for_window``);
        # started here where it did not (a window a test builds), not by a job: no worker
        # thread may take the interpreter lock from the window's build. With one core, the
        # first page is rendered here, and the process starts once it is on screen.
        self._in_process = usable_cores() < 2
        if not self._in_process:
            from newsdesk.publish.preview_process import shared_renderer

            shared_renderer.start()
        self.fields: dict[str, Any] | None = None
        self.surroundings: Surroundings | None = None  # read with the first render
        self._surroundings_stale = False  # reread them with the next render
        self.article_id: int | None = None
        self.generation = 0  # of the latest fields
        self.shown_generation = 0  # on screen
        self._busy = False
        self._outdated = False
        self._page_ready = False
        self._shell_loaded = False
        self._shell_article: int | None = None  # whose story the page shows
        self._shell: str | None = None  # to load once the view exists
        # No render before the window has painted once: a render thread holding the
        # interpreter lock makes every Python call of the window's first paint wait for it.
        self._painted = False
        self._pending: tuple[str, str, str, int, bool] | None = None
        self._last: tuple[str, str, str, int, bool] | None = None  # sent to the page last
        self.editor: QPlainTextEdit | None = None
        self._following_preview = False
        self._cursor_line = -1
        self.bridge.ready.connect(self._page_became_ready)
        self.bridge.shown.connect(self._generation_shown)
        self.bridge.scrolled.connect(self._preview_scrolled)
        self.bridge.clicked.connect(self._block_clicked)

    def _first_paint(self) -> None:
        self._painted = True
        if self.fields is not None:
            # Now, not on the timer: the web view is made next (QTimer.singleShot(0) is a
            # posted call, which comes before timers), and the page is read and rendered
            # meanwhile (the first page 50-100 ms sooner).
            self.timer.stop()
            self._start_render()
        QTimer.singleShot(0, self, self.create_view)

    def create_view(self) -> None:
        """The web view in the blank's place (once; the first paint asks for it). A window
        closed as its first frame went out gets none, and no renderer process."""
        if self.view is not None or jobs_shut_down(self):
            return
        from newsdesk.ui.desk.preview_view import create_web_view

        self._painted = True  # created without a paint (a test, a screenshot): render now
        if self.fields is not None and not self._busy and self._pending is None:
            self.timer.start(0)

        self.view, self.page, self.channel = create_web_view(self, self.site_root, self.bridge)
        self.page.story_link_clicked.connect(self.story_link_clicked)
        if self.blank is not None:
            self.layout_.replaceWidget(self.blank, self.view)
            self.blank.deleteLater()
            self.blank = None
        self.view_created.emit()
        if self._shell is not None:
            self._load_shell(self._shell)

    # -- refreshing --------------------------------------------------------------------
    def show_fields(self, fields: dict[str, Any]) -> None:
        """The editor's current fields (its ``content_changed``): refresh soon."""
        article_id = fields.get("article_id")
        if article_id != self.article_id:
            self.article_id = article_id
            self.reload_surroundings()
        self.fields = dict(fields)
        self.generation += 1
        self.timer.start()

    def reload_surroundings(self) -> None:
        """Reread tags, approved reviews and the News Line (after open or save): done on
        the render thread, just before the next render."""
        self._surroundings_stale = True
        if self.fields is not None:
            self.generation += 1
            self.timer.start()

    def _start_render(self) -> None:
        if self.fields is None or not self._painted:
            return
        if self._busy:
            self._outdated = True
            return
        self._busy = True
        self._outdated = False
        generation, article_id = self.generation, self.article_id
        reread, self._surroundings_stale = self._surroundings_stale, False
        fields, surroundings = dict(self.fields), self.surroundings
        in_process = self._in_process
        self.renders.start(
            lambda _job: _render_job(fields, surroundings, reread, article_id, in_process),
            done=lambda result: self._render_done(generation, article_id, result[1],
                                                  result[0]),
            # Logged by the runner; the last good page stays on screen.
            failed=lambda _reason: self._render_done(generation, article_id, ""))

    def _render_done(self, generation: int, article_id: int | None, html: str,
                     surroundings: Surroundings | None = None) -> None:
        self._busy = False
        if surroundings is not None and article_id == self.article_id:
            self.surroundings = surroundings  # reread for this story: keep for later renders
        if html:
            self._show(html, generation, article_id)
        if self._outdated or generation < self.generation:
            self._outdated = False
            self.timer.start(0)

    def _show(self, html: str, generation: int, article_id: int | None) -> None:
        from newsdesk.publish.page_parts import split_page

        parts = split_page(html)
        lang, title = _lang_and_title(parts.head)
        # Same story: keep the reader's place. Another story: start at its top.
        keep_scroll = self._shell_loaded and article_id == self._shell_article
        if not self._shell_loaded:
            self._load_shell(parts.head + parts.tail)
            self._shell_loaded = True
        self._shell_article = article_id
        self._pending = (parts.body, lang, title, generation, keep_scroll)
        self._flush()

    def _load_shell(self, shell: str) -> None:
        # The body arrives through the channel, so setHtml's 2 MB limit never applies.
        self._page_ready = False
        self._shell = shell
        if self.page is not None:
            from PySide6.QtCore import QUrl  # with the web view (its class costs the start ~1 ms)

            self.page.setHtml(shell, QUrl.fromLocalFile(str(self.site_root) + "/"))

    def _call_page(self, function: str, *arguments: object) -> None:
        """Call one of ``sync.js``'s functions in the page, the arguments as JSON."""
        import json  # with the web view, after the first frame

        if self.page is not None:
            self.page.runJavaScript(
                f"window.newsdeskPreview && window.newsdeskPreview.{function}"
                f"({json.dumps(list(arguments))[1:-1]});")

    def _page_became_ready(self) -> None:
        self._page_ready = True
        self._call_page("markCursorLine", self._cursor_line)
        if self._pending is None and self._last is not None:
            self._pending = self._last  # the page was reloaded: its shell came back empty
        self._flush()

    def _flush(self) -> None:
        if self._page_ready and self._pending is not None:
            body, lang, title, generation, keep_scroll = self._pending
            self._last, self._pending = self._pending, None
            self._call_page("replaceBody", body, lang, title, generation, keep_scroll)

    def _generation_shown(self, generation: int) -> None:
        self.shown_generation = generation
        if self._in_process:  # the first page is on screen: the renderer process may start
            self._in_process = False
            self.renders.start(_start_renderer_process)
        self.shown.emit(generation)

    def is_current(self) -> bool:
        """Whether the page on screen shows the latest fields."""
        return self.fields is not None and self.shown_generation == self.generation

    def shows_body(self, body: str) -> bool:
        """Whether the page on screen shows a story with exactly this body text."""
        return self.is_current() and self.fields is not None and self.fields["body"] == body

    # -- scroll sync and click-to-source -----------------------------------------------
    def attach_editor(self, editor: QPlainTextEdit) -> None:
        """Sync scrolling both ways with ``editor`` and put its cursor where clicked."""
        self.editor = editor
        editor.verticalScrollBar().valueChanged.connect(self._editor_scrolled)
        editor.cursorPositionChanged.connect(self._cursor_moved)

    def _cursor_moved(self) -> None:
        assert self.editor is not None
        line = self.editor.textCursor().blockNumber()
        if line != self._cursor_line:
            self._cursor_line = line
            if self._page_ready:
                self._call_page("markCursorLine", line)

    def editor_top_line(self) -> int:
        assert self.editor is not None
        if self.editor.verticalScrollBar().value() == 0:
            return -1
        return self.editor.cursorForPosition(QPoint(0, 0)).blockNumber()

    def _editor_scrolled(self, _value: int) -> None:
        if not self._following_preview and self._page_ready:
            self._call_page("scrollToLine", self.editor_top_line())

    def scroll_to_line(self, line: int) -> None:
        """Scroll the preview so the block holding source ``line`` is at the top."""
        self._call_page("scrollToLine", line)

    def _preview_scrolled(self, line: int) -> None:
        if self.editor is None:
            return
        bar = self.editor.verticalScrollBar()
        block = self.editor.document().findBlockByNumber(max(line, 0))
        self._following_preview = True
        try:
            bar.setValue(0 if line < 0 or not block.isValid() else block.firstLineNumber())
        finally:
            self._following_preview = False

    def _block_clicked(self, line: int) -> None:
        if self.editor is not None:
            block = self.editor.document().findBlockByNumber(line)
            if block.isValid():
                self._following_preview = True
                try:
                    self.editor.setTextCursor(QTextCursor(block))
                    self.editor.ensureCursorVisible()
                finally:
                    self._following_preview = False
                self.editor.setFocus()
        self.source_line_clicked.emit(line)

    def settle_time_ms(self) -> int:
        """Long enough for WebEngine's first load (~0.55 s) plus the first body swap."""
        return 1800


def _lang_and_title(head: str) -> tuple[str, str]:
    from html import unescape

    lang_at = head.find('lang="') + 6
    lang = head[lang_at:head.find('"', lang_at)]
    title_at = head.find("<title>") + 7
    title = unescape(head[title_at:head.find("</title>", title_at)])
    return unescape(lang), title

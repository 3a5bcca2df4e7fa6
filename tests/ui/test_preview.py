"""The live preview (QtWebEngine, offscreen): refresh, scroll, sync both ways, links."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextCursor

from newsdesk.store.models import Article

WAIT = 20_000  # ms; WebEngine's first load alone takes ~0.5 s, CI machines are slower
LONG_BODY = "\n\n".join(f"Paragraph {n} " + "words " * 60 for n in range(60))


def run_js(qtbot, preview, script):
    """Run ``script`` in the page and return its (JSON-able) value."""
    box = []
    preview.page.runJavaScript(
        f"(function () {{ var v = {script}; return v === undefined ? 'null' : JSON.stringify(v); }})()",
        0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=WAIT)
    return json.loads(box[0]) if box[0] is not None else None


@pytest.fixture
def desk(main_window, qtbot):
    desk = main_window.desk
    qtbot.waitUntil(lambda: desk.preview.shows_body(desk.editor.body.toPlainText()),
                    timeout=WAIT)
    return desk


def set_body(qtbot, desk, text):
    desk.editor.body.setPlainText(text)
    qtbot.waitUntil(lambda: desk.preview.shows_body(text), timeout=WAIT)


def page_text(qtbot, desk, selector):
    return run_js(qtbot, desk.preview, f"document.querySelector({selector!r}).textContent.trim()")


def top_line(qtbot, desk):
    return run_js(qtbot, desk.preview, """(function () {
        var blocks = document.querySelectorAll('[data-line]');
        for (var i = 0; i < blocks.length; i++) {
            if (blocks[i].getBoundingClientRect().bottom > 2) {
                return parseInt(blocks[i].dataset.line, 10);
            }
        }
        return -1; })()""")


def test_preview_shows_the_open_story_in_the_page_template(desk, qtbot):
    article = Article.get_by_id(desk.editor.article_id)
    assert page_text(qtbot, desk, "h1") == article.headline
    assert page_text(qtbot, desk, ".news-line h2") == "News Line"
    assert page_text(qtbot, desk, ".desk-code") == f"-{article.desk_code}-"
    # The stylesheet is loaded from the resources folder, under the page's CSP.
    assert run_js(qtbot, desk.preview, "document.styleSheets.length") == 1
    assert run_js(qtbot, desk.preview,
                  "getComputedStyle(document.querySelector('.dateline')).fontWeight") == "700"


def test_typing_refreshes_the_preview_without_reloading(desk, qtbot):
    loads = []
    desk.preview.page.loadStarted.connect(lambda: loads.append(1))
    body = desk.editor.body
    body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(body, " Typed *live*")
    qtbot.waitUntil(lambda: "Typed live" in (page_text(qtbot, desk, ".body") or ""),
                    timeout=WAIT)
    assert run_js(qtbot, desk.preview, "document.querySelector('.body em').innerText") == "live"
    desk.editor.headline.setFocus()
    desk.editor.headline.selectAll()
    qtbot.keyClicks(desk.editor.headline, "New <headline>")
    qtbot.waitUntil(lambda: page_text(qtbot, desk, "h1") == "New <headline>", timeout=WAIT)
    assert loads == []  # the body is swapped in place: no reload, no flicker


def test_typing_replaces_only_the_paragraph_typed_in(desk, qtbot):
    """The page's body was swapped whole on every render: Chromium restyled and laid out
    the whole story several times a second while typing (its renderer took more CPU than
    the window's own thread in the keystroke benchmark)."""
    set_body(qtbot, desk, "First paragraph.\n\nSecond paragraph.\n\nThird paragraph.")
    run_js(qtbot, desk.preview, """(function () {
        document.querySelectorAll('.body p').forEach(function (p, i) { p.keptAs = i; });
        return true; })()""")
    body = desk.editor.body
    cursor = QTextCursor(body.document().findBlockByNumber(2))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    body.setTextCursor(cursor)
    qtbot.keyClicks(body, " More")
    typed = body.toPlainText()
    qtbot.waitUntil(lambda: desk.preview.shows_body(typed), timeout=WAIT)
    paragraphs = run_js(qtbot, desk.preview, """Array.prototype.map.call(
        document.querySelectorAll('.body p'),
        function (p) { return [p.textContent, p.keptAs === undefined ? null : p.keptAs]; })""")
    # The same elements: inside the second only its text changed.
    assert [kept for _text, kept in paragraphs] == [0, 1, 2]
    assert paragraphs[1][0] == "Second paragraph. More"
    # A paragraph added between them: the page is the story's, element for element.
    cursor = QTextCursor(body.document().findBlockByNumber(0))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("\n\nNew one.")
    typed = body.toPlainText()
    qtbot.waitUntil(lambda: desk.preview.shows_body(typed), timeout=WAIT)
    blocks = run_js(qtbot, desk.preview, """Array.prototype.map.call(
        document.querySelectorAll('.body p'),
        function (p) { return [p.dataset.line, p.lastChild.textContent.trim()]; })""")
    assert blocks == [["0", "First paragraph."], ["2", "New one."],
                      ["4", "Second paragraph. More"], ["6", "Third paragraph."]]
    # The cursor's paragraph is marked in the new page, and only it.
    assert run_js(qtbot, desk.preview, "document.querySelectorAll('.source-current').length"
                  " === 1 && document.querySelector('.source-current').textContent") == \
        "Second paragraph. More"


def test_scroll_position_is_kept_while_typing(desk, qtbot):
    set_body(qtbot, desk, LONG_BODY)
    run_js(qtbot, desk.preview, "window.scrollTo(0, 1500)")
    qtbot.waitUntil(lambda: desk.preview.page.scrollPosition().y() >= 1499, timeout=WAIT)
    # Edit away from the editor's view, without moving its scroll bar (and so without
    # asking the preview to follow).
    cursor = QTextCursor(desk.editor.body.document().findBlockByNumber(118))
    cursor.insertText("Edited tail. ")
    edited = desk.editor.body.toPlainText()
    qtbot.waitUntil(lambda: desk.preview.shows_body(edited), timeout=WAIT)
    assert "Edited tail." in page_text(qtbot, desk, ".body")
    assert abs(desk.preview.page.scrollPosition().y() - 1500) <= 2


def test_scrolling_the_editor_scrolls_the_preview(desk, qtbot):
    set_body(qtbot, desk, LONG_BODY)
    body = desk.editor.body
    block = body.document().findBlockByNumber(40)
    body.verticalScrollBar().setValue(block.firstLineNumber())
    assert desk.preview.editor_top_line() == 40
    qtbot.waitUntil(lambda: top_line(qtbot, desk) == 40, timeout=WAIT)


def test_scrolling_the_preview_scrolls_the_editor(desk, qtbot):
    set_body(qtbot, desk, LONG_BODY)
    run_js(qtbot, desk.preview,
           "document.querySelector('[data-line=\"60\"]').scrollIntoView()")
    qtbot.waitUntil(lambda: desk.preview.editor_top_line() == 60, timeout=WAIT)


def test_clicking_a_paragraph_puts_the_cursor_on_its_source_line(desk, qtbot):
    set_body(qtbot, desk, "First paragraph.\n\nSecond paragraph,\nover two lines.\n\n"
                          "- a list item\n- the item to click")
    rect = run_js(qtbot, desk.preview, """(function () {
        var r = document.querySelector('[data-line="6"]').getBoundingClientRect();
        return [r.left + 5, r.top + r.height / 2]; })()""")
    with qtbot.waitSignal(desk.preview.source_line_clicked, timeout=WAIT) as clicked:
        qtbot.mouseClick(desk.preview.view.focusProxy(), Qt.MouseButton.LeftButton,
                         pos=QPoint(int(rect[0]), int(rect[1])))
    assert clicked.args == [6]
    assert desk.editor.body.textCursor().blockNumber() == 6
    assert desk.editor.body.hasFocus()
    # And the other way: the block holding the editor's cursor is marked in the preview.
    qtbot.waitUntil(lambda: run_js(qtbot, desk.preview, "Array.from(document.querySelectorAll("
                                   "'.source-current')).map(e => e.dataset.line)") == ["6"],
                    timeout=WAIT)
    desk.editor.body.setTextCursor(QTextCursor(desk.editor.body.document().findBlockByNumber(2)))
    qtbot.waitUntil(lambda: run_js(qtbot, desk.preview, "Array.from(document.querySelectorAll("
                                   "'.source-current')).map(e => e.dataset.line)") == ["2"],
                    timeout=WAIT)


class UrlCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot(QUrl)
    def catch(self, url):
        self.urls.append(url.toString())


def test_links_open_in_the_system_browser_never_inside(desk, qtbot):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "catch")
    try:
        run_js(qtbot, desk.preview, "document.querySelector('.share-x').click()")
        qtbot.waitUntil(lambda: bool(catcher.urls), timeout=WAIT)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls[0].startswith("https://twitter.com/intent/tweet")
    assert desk.preview.page.url().isLocalFile()  # still our page


def test_new_window_requests_go_to_the_system_browser(desk, qtbot):
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "catch")
    try:  # what a middle-click on a link asks for
        window = desk.preview.page.createWindow(
            desk.preview.page.WebWindowType.WebBrowserWindow)
        window.setUrl(QUrl("https://example.org/elsewhere"))
        qtbot.waitUntil(lambda: bool(catcher.urls), timeout=WAIT)
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert catcher.urls == ["https://example.org/elsewhere"]


def test_a_reloaded_page_gets_its_story_back(desk, qtbot):
    headline = page_text(qtbot, desk, "h1")
    with qtbot.waitSignal(desk.preview.page.loadFinished, timeout=WAIT):
        desk.preview.page.triggerAction(desk.preview.page.WebAction.Reload)
    qtbot.waitUntil(lambda: run_js(qtbot, desk.preview, "document.querySelector('h1') && "
                                   "document.querySelector('h1').textContent") == headline,
                    timeout=WAIT)


def test_news_line_link_opens_that_story_in_the_editor(desk, qtbot):
    href = run_js(qtbot, desk.preview,
                  "document.querySelector('.news-line a').getAttribute('href')")
    slug = href.removeprefix("stories/").removesuffix(".html")
    run_js(qtbot, desk.preview, "document.querySelector('.news-line a').click()")
    qtbot.waitUntil(lambda: Article.get_by_id(desk.editor.article_id).slug == slug,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: desk.preview.shows_body(desk.editor.body.toPlainText()),
                    timeout=WAIT)
    assert page_text(qtbot, desk, "h1") == Article.get(Article.slug == slug).headline


def test_hostile_and_huge_bodies_are_shown_safely(desk, qtbot):
    hostile = ('<img src=x onerror="document.title=\'pwned\'">\n\n'
               "<script>document.title='pwned'</script>\n\n"
               "[x](javascript:document.title='pwned') مرحبا 👋🏽")
    set_body(qtbot, desk, hostile)
    assert run_js(qtbot, desk.preview, "document.scripts.length") == 2  # channel + sync.js
    assert run_js(qtbot, desk.preview, "document.title") != "pwned"
    assert "مرحبا 👋🏽" in page_text(qtbot, desk, ".body")
    huge = "Huge story paragraph. " * 100_000  # ~2.2 MB: more than setHtml's limit
    set_body(qtbot, desk, huge + "\n\nThe very end.")
    assert run_js(qtbot, desk.preview,
                  "document.querySelector('.body').innerText.endsWith('The very end.')")



def test_reviews_approved_in_moderation_appear_back_on_the_desk(desk, main_window, qtbot):
    from newsdesk.moderation import reviews
    from newsdesk.store.models import Review

    count = "document.querySelectorAll('.review').length"
    before = run_js(qtbot, desk.preview, count)
    pending = [r.id for r in Review.select().where(
        (Review.article == desk.editor.article_id) & (Review.status == "pending"))]
    if not pending:
        pytest.skip("the sample story has no pending review")
    reviews.decide(pending[:1], "approved")
    main_window.show_mode("moderation")
    main_window.show_mode("desk")
    qtbot.waitUntil(lambda: run_js(qtbot, desk.preview, count) == before + 1, timeout=WAIT)


def test_preview_speaks_the_story_language_with_its_own_capitals(desk, qtbot):
    article = Article.get(Article.slug == "belediyye-sechkilerinde-sechici-feallighi-ashaghi-olub")
    desk.open_article(article.id)
    qtbot.waitUntil(lambda: desk.preview.shows_body(article.body), timeout=WAIT)
    qtbot.waitUntil(lambda: run_js(qtbot, desk.preview, "document.documentElement.lang") == "az",
                    timeout=WAIT)
    assert page_text(qtbot, desk, ".news-line h2") == "Xəbər lenti"
    assert page_text(qtbot, desk, "#leave-review-heading") == "Rəy bildirin"
    # The headings are set in capitals by the stylesheet: Azerbaijani capitals (i -> İ).
    shown = "document.querySelector('#leave-review-heading').innerText"
    assert run_js(qtbot, desk.preview, shown) == "RƏY BİLDİRİN"
    # Changing the story's language changes the page's labels as the editor types.
    desk.editor.language.setCurrentText("ru")
    qtbot.waitUntil(lambda: page_text(qtbot, desk, ".news-line h2") == "Лента новостей",
                    timeout=WAIT)
    assert run_js(qtbot, desk.preview, "document.documentElement.lang") == "ru"
    assert run_js(qtbot, desk.preview, shown) == "ОСТАВИТЬ ОТЗЫВ"

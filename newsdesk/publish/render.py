"""Markdown to safe HTML: the one renderer the preview and the exports share.

``markdown_to_html(text, source_lines=False)`` renders Markdown with Python-Markdown
(``extra``, ``sane_lists``, ``smarty``; its inline stage sped up by ``fast_inline``, same
output) and passes the result through an nh3 allow-list, so
HTML typed into a story cannot carry scripts, event handlers, ``javascript:``/``data:``
URLs, iframes, objects or forms. Renders are cached by content (an LRU keyed by a digest of
the text and the options), so an unchanged story is never rendered twice in one process.

``source_lines=True`` (the preview) adds ``data-line="N"`` to block elements: N is the
0-based line of the Markdown source the block starts on, the same number as the editor's
``QTextBlock.blockNumber()``. The site export leaves it off. Without those attributes the
preview's HTML is always the site's: where the markers below would change the parse, the
preview is the site's HTML without line numbers.

How the line numbers survive Python-Markdown (which forgets them): before rendering, a
marker ``U+E000 N U+E001`` is put into every source line at a place that does not change
how the line parses (end of the line, before a hard break's trailing spaces; inside the
first cell of a table row). After rendering, each marker gives its line to the nearest
block element opened before it, then every marker is removed. Only then is the HTML
sanitised, so nothing the markers do can reach the page unsanitised.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import re
import threading
from collections import OrderedDict

import markdown
import nh3

from newsdesk.publish.code_spans import CodeSpanExtension
from newsdesk.publish.fast_inline import FastInlineExtension, agrees_with_stock
from newsdesk.publish.picture_slots import SLOT_CHARS, PictureSlotExtension, Placer, place

log = logging.getLogger(__name__)

MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "smarty"]
RENDERER_VERSION = "2"  # part of every cache key: bump when the output changes

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"}, "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}
# Removed together with their content (not just unwrapped): their text is code, not prose.
CLEAN_CONTENT_TAGS = {"script", "style", "noscript", "template", "textarea", "title",
                      "iframe", "object", "embed", "svg", "math", "select", "xmp"}
# Block elements that may carry a source line (scroll sync, click-to-source).
LINE_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "pre", "blockquote", "table",
             "tr", "dt", "dd", "hr", "figure", "ul", "ol", "dl")

_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_MARK_RE = re.compile(f"{_MARK_OPEN}(\\d+){_MARK_CLOSE}")
_ANY_MARK_CHAR = re.compile(f"[{_MARK_OPEN}{_MARK_CLOSE}{SLOT_CHARS}]")
_LINE_TAG_OR_MARK = re.compile(
    "<(?:" + "|".join(LINE_TAGS) + r")(?=[\s>/])[^>]*>|" + _MARK_RE.pattern)
_LINE_ATTR = re.compile(r' data-line="\d+"')
_FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# Lines whose meaning depends on every character: underlines, rules, table separators,
# reference and abbreviation definitions, raw HTML. They get no marker.
_UNMARKABLE_RE = re.compile(
    r"^\s*(?:[-=*_:|+\s]+|\[[^\]]*\]:.*|\*\[[^\]]*\]:.*|<.*)$")
_ATX_CLOSING_RE = re.compile(r"(\s+#+)?(\s*)$")
_BLOCK_START_RE = re.compile(r"^\s*(?:[#>*+-]|\d+[.)])")

_cleaners: dict[bool, nh3.Cleaner] = {}


def _cleaner(source_lines: bool) -> nh3.Cleaner:
    cleaner = _cleaners.get(source_lines)
    if cleaner is None:
        attributes = {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}
        if source_lines:
            for tag in LINE_TAGS:
                attributes.setdefault(tag, set()).add("data-line")
        cleaner = nh3.Cleaner(tags=ALLOWED_TAGS, attributes=attributes,
                              clean_content_tags=CLEAN_CONTENT_TAGS,
                              url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
        _cleaners[source_lines] = cleaner
    return cleaner


def sanitize_html(html: str) -> str:
    """Allow-list sanitising: no scripts, handlers, iframes, forms or javascript:/data: URLs."""
    return _cleaner(False).clean(html)


# The blocks another system's pages are built of: kept (without attributes) when its HTML
# is imported, so that converting it to Markdown keeps their text apart.
IMPORTED_BLOCK_TAGS = {"h1", "div", "section", "article", "header", "footer", "main",
                       "aside"}


def sanitize_imported_html(html: str) -> str:
    """``sanitize_html`` for HTML another system wrote: the same allow-list of attributes
    and URLs, plus the block elements of ``IMPORTED_BLOCK_TAGS``."""
    global _import_cleaner
    if _import_cleaner is None:
        _import_cleaner = nh3.Cleaner(
            tags=ALLOWED_TAGS | IMPORTED_BLOCK_TAGS,
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            clean_content_tags=CLEAN_CONTENT_TAGS, url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer")
    return _import_cleaner.clean(html)


_import_cleaner: nh3.Cleaner | None = None


class RenderCache:
    """A thread-safe LRU of rendered HTML keyed by a digest of the source and options."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._items: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> str | None:
        with self._lock:
            html = self._items.get(key)
            if html is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return html

    def put(self, key: str, html: str) -> None:
        with self._lock:
            self._items[key] = html
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.hits = self.misses = 0


render_cache = RenderCache()


def cache_key(text: str, *, source_lines: bool = False) -> str:
    """The content address of a render: same text and options, same key (and same HTML)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20)
    digest.update(f"|{RENDERER_VERSION}|{int(source_lines)}".encode())
    return digest.hexdigest()


def markdown_to_html(text: str, *, source_lines: bool = False,
                     pictures: Placer | None = None) -> str:
    """Markdown to sanitised HTML, from the cache when this exact text was rendered before.
    Pictures placed in the text (``![alt](picture:HASH)``) are what ``pictures`` makes of
    them (``picture_slots``); without it they are left out."""
    return place(_rendered(text or "", source_lines), pictures)


def _rendered(text: str, source_lines: bool) -> str:
    """The cached render, its picture slots still empty."""
    key = cache_key(text, source_lines=source_lines)
    html = render_cache.get(key)
    if html is None:
        html = render_uncached(text, source_lines=source_lines)
        render_cache.put(key, html)
    return html


_local = threading.local()
_shortcut_lock = threading.Lock()
_shortcut_ok: bool | None = None  # fast_inline's self-check, made at the first render


def _use_shortcut() -> bool:
    """Whether fast_inline renders a fixed sample exactly as stock Python-Markdown does.
    Checked once per process, at the first render (about 10 ms), not at start-up."""
    global _shortcut_ok
    with _shortcut_lock:
        if _shortcut_ok is None:
            _shortcut_ok = agrees_with_stock(stock_extensions)
            if not _shortcut_ok:
                log.warning("fast_inline disagrees with Python-Markdown %s: rendering "
                            "without it (slower, same HTML)", markdown.__version__)
        return _shortcut_ok


def stock_extensions() -> list[markdown.Extension]:
    """``MARKDOWN_EXTENSIONS`` as new instances, ``extra`` as the extensions it bundles.

    Named, each one is first looked up among the entry points of every installed package
    (importlib.metadata: 10-15 ms of the preview's first page, and of each export
    worker's); an instance is not looked up. New ones for each ``Markdown``: footnotes and
    abbreviations keep the state of the document they extend.
    """
    from markdown.extensions import extra

    names = [part for name in MARKDOWN_EXTENSIONS
             for part in (extra.extensions if name == "extra" else [name])]
    return [importlib.import_module(f"markdown.extensions.{name}").makeExtension()
            for name in names]


def _converter() -> markdown.Markdown:
    # A Markdown instance is not thread-safe but is reusable after reset(); one per thread
    # saves loading the extensions on every render.
    converter = getattr(_local, "converter", None)
    if converter is None:
        extensions = [*stock_extensions(), CodeSpanExtension(), PictureSlotExtension()]
        if _use_shortcut():
            extensions.append(FastInlineExtension())
        converter = markdown.Markdown(extensions=extensions, output_format="html")
        _local.converter = converter
    return converter


def render_uncached(text: str, *, source_lines: bool = False) -> str:
    # Marker characters typed by the user would be mistaken for ours.
    text = _ANY_MARK_CHAR.sub("", text)
    if not source_lines:
        return _cleaner(False).clean(_converter().reset().convert(text))
    html = _cleaner(True).clean(apply_line_marks(_converter().reset().convert(
        mark_source_lines(text))))
    # The preview must show what the site will: where a marker changed the parse (a line
    # whose meaning hangs on its last characters: an empty quote, a list marker alone,
    # trailing spaces in raw HTML...), the page is the site's, without line numbers.
    site = _rendered(text, False)
    return html if _LINE_ATTR.sub("", html) == site else site


def mark_source_lines(text: str) -> str:
    """Put a line marker into each source line where it does not change the parse."""
    lines = text.split("\n")
    fence_line = -1  # the line a fenced code block opened on, while inside it
    for number, line in enumerate(lines):
        if _FENCE_RE.match(line):
            fence_line = number if fence_line < 0 else -1
            continue
        if fence_line >= 0:
            # Code keeps every character: its first line carries the fence's number, and
            # the marker lands inside <pre>, which takes it.
            if number == fence_line + 1:
                lines[number] = line + f"{_MARK_OPEN}{fence_line}{_MARK_CLOSE}"
            continue
        if not line.strip() or _UNMARKABLE_RE.match(line):
            continue
        lines[number] = _mark_line(line, f"{_MARK_OPEN}{number}{_MARK_CLOSE}")
    return "\n".join(lines)


def _mark_line(line: str, mark: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith("|"):  # table row: inside the first cell keeps the columns
        cell = stripped[1:]
        at = len(line) - len(cell) + (len(cell) - len(cell.lstrip()))
        return line[:at] + mark + line[at:]
    if "|" in line and not _BLOCK_START_RE.match(line):  # a table row without outer pipes
        return mark + line
    if stripped.startswith("#"):  # ATX heading: before the optional closing hashes
        match = _ATX_CLOSING_RE.search(line)
        assert match is not None  # the pattern matches at the end of any string
        return line[:match.start()] + mark + line[match.start():]
    body = line.rstrip()
    return body + mark + line[len(body):]  # trailing spaces (a hard break) stay last


def apply_line_marks(html: str) -> str:
    """Give each marker's line to the block element opened last before it; drop markers."""
    parts: list[str] = []
    position = 0
    open_tag_index = -1  # index in parts of the latest block tag still without a line
    for match in _LINE_TAG_OR_MARK.finditer(html):
        parts.append(html[position:match.start()])
        position = match.end()
        if match.group(1) is None:  # a block tag
            parts.append(match.group(0))
            open_tag_index = len(parts) - 1
        elif open_tag_index >= 0:
            tag = parts[open_tag_index]
            cut = len(tag) - 2 if tag.endswith("/>") else len(tag) - 1
            parts[open_tag_index] = f'{tag[:cut]} data-line="{match.group(1)}"{tag[cut:]}'
            open_tag_index = -1
    parts.append(html[position:])
    return "".join(parts)

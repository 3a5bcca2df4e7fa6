"""Markdown to safe HTML: the one renderer the preview and the exports share."""

from __future__ import annotations

import markdown
import nh3

MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "smarty"]

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "li", "mark", "ol", "p", "pre", "q", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "u", "ul", "figure", "figcaption",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"}, "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan",
                                                                     "align"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(html: str) -> str:
    """Allow-list sanitising: no scripts, handlers, iframes, forms or javascript:/data: URLs."""
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")


def markdown_to_html(text: str) -> str:
    return sanitize_html(markdown.markdown(text or "", extensions=MARKDOWN_EXTENSIONS,
                                           output_format="html"))

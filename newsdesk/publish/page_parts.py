"""A rendered page cut at its ``<body>`` (plain strings: the window's process uses it
without importing the page's templates)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageParts:
    """A rendered page split at ``<body>``: the preview loads the head once and then swaps
    only the body, so typing never reloads the page (no flicker, scroll kept)."""

    head: str
    body: str
    tail: str = field(default="</body>\n</html>\n")


def split_page(html: str) -> PageParts:
    start = html.index("<body")
    start = html.index(">", start) + 1
    end = html.rindex("</body>")
    return PageParts(head=html[:start], body=html[start:end], tail=html[end:])

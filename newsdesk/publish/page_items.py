"""What a story page shows besides the story's own text, as plain data (no templates).

The window's process reads these from the database for the preview and hands them to
the renderer process, so it needs this module and not ``publish.page`` (Jinja2, Markdown
and Babel: 100-150 ms of imports on the window's first page).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

SHARE_NETWORKS = ("facebook", "x", "telegram", "whatsapp", "email")


@dataclass(frozen=True)
class TagLink:
    entity_id: int
    name: str
    kind: str  # person | organisation | place
    relation: str = "about"  # about | mentioned | located


@dataclass(frozen=True)
class ReviewItem:
    author: str
    text: str  # plain text, escaped when printed
    submitted: datetime | None = None
    rating: int | None = None


@dataclass(frozen=True)
class NewsItem:
    slug: str
    headline: str
    date: date | None = None
    language: str = ""  # the story's, for the headline's lang

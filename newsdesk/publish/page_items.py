"""What a story page shows besides the story's own text, as plain data (no templates).

The window's process reads these from the database for the preview and hands them to
the renderer process, so it needs this module and not ``publish.page`` (Jinja2, Markdown
and Babel: 100-150 ms of imports on the window's first page). The renderer process in turn
unpickles them without the database layer (``publish.surroundings`` reads them): peewee
and the models were a third of its start, which the first preview waits for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from newsdesk.publish.figures import Figure

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


@dataclass(frozen=True)
class Surroundings:
    """What a story page shows besides the story's own fields."""

    slug: str = ""
    tags: tuple[TagLink, ...] = ()
    reviews: tuple[ReviewItem, ...] = ()
    news_line: tuple[NewsItem, ...] = ()
    review_email: str = ""
    site_url: str = ""  # the site's public address, for the share links
    share_networks: tuple[str, ...] | None = None  # None: all of them
    # The story's last update from its source and, for a correction, its note
    # (``change_marks``): not editable, so the preview shows them from the stored story.
    updated: datetime | None = None
    correction: str | None = None
    zone: str = ""  # the newsroom's time zone (IANA name; "" for UTC)
    # The preview's pictures and the folder of their files (a file: URL; see
    # ``publish.preview_pictures.preview_figures``).
    pictures: tuple[Figure, ...] = ()
    picture_root: str = ""

"""What the exporters read: plain snapshots of the stories to publish, loaded in bulk.

Exporters never touch the models row by row: one query for the stories, one for their
tags and (for the site) one for their approved reviews, so exporting 1,000 stories costs
three queries, and a snapshot can be handed to another thread or process.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time

from newsdesk.dateline import Dateline
from newsdesk.store.models import Article, ArticleTag, Entity, Review

# Variables per IN (...) query, well under every SQLite build's limit.
_CHUNK = 500


@dataclass(frozen=True)
class StoryTag:
    entity_id: int
    kind: str  # person | organisation
    name: str
    relation: str  # about | mentioned
    uri: str | None = None


@dataclass(frozen=True)
class StoryReview:
    author: str
    text: str
    submitted_at: datetime
    rating: int | None = None


@dataclass
class ExportStory:
    """One story as the exporters see it (approved reviews only)."""

    id: int
    uuid: str
    slug: str
    headline: str
    dateline_place: str
    dateline_date: date | None
    dateline_source: str
    body: str
    footnote: str
    desk_code: str
    byline: str
    section: str
    language: str
    urgency: int
    status: str
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    version: int
    tags: list[StoryTag] = field(default_factory=list)
    reviews: list[StoryReview] = field(default_factory=list)

    @property
    def dateline(self) -> Dateline:
        return Dateline(self.dateline_place, self.dateline_date, self.dateline_source)

    @property
    def people(self) -> list[StoryTag]:
        return [t for t in self.tags if t.kind == "person"]

    @property
    def organisations(self) -> list[StoryTag]:
        return [t for t in self.tags if t.kind == "organisation"]

    @property
    def date(self) -> datetime:
        """The story's public date: when it was published, else when it was created."""
        return self.published_at or self.created_at

    def label(self) -> str:
        """How messages name the story: its slug and headline."""
        return f"story {self.slug!r} ({self.headline or 'no headline'})"

    def fingerprint(self) -> str:
        """A digest of everything an exporter may print; equal digests, equal output."""
        data = json.dumps(asdict(self), default=str, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()


def as_utc(moment: datetime) -> datetime:
    """Stored times are naive UTC; exports print them with their zone."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 with the zone, to the second: ``2023-03-14T12:50:00Z``."""
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%SZ")


def since_moment(since: date | datetime | None) -> datetime | None:
    """``--since DATE`` means from the start of that day (UTC)."""
    if since is None:
        return None
    if isinstance(since, datetime):
        return as_utc(since).replace(tzinfo=None)
    return datetime.combine(since, time.min)


def load_stories(statuses: Sequence[str], *, since: date | datetime | None = None,
                 with_reviews: bool = False) -> list[ExportStory]:
    """The stories to export, newest first (by public date), with tags and reviews."""
    query = Article.select().where(Article.deleted_at.is_null())
    if statuses:
        query = query.where(Article.status.in_(list(statuses)))
    start = since_moment(since)
    if start is not None:
        query = query.where(Article.updated_at >= start)
    stories = [_snapshot(row) for row in query.order_by(Article.id).dicts()]
    by_id = {story.id: story for story in stories}
    ids = list(by_id)
    for chunk in _chunks(ids):
        _attach_tags(by_id, chunk)
        if with_reviews:
            _attach_reviews(by_id, chunk)
    stories.sort(key=lambda s: (s.date, s.id), reverse=True)
    return stories


def _chunks(ids: list[int]) -> list[list[int]]:
    return [ids[start:start + _CHUNK] for start in range(0, len(ids), _CHUNK)]


def _snapshot(row: dict) -> ExportStory:
    names = ("id", "uuid", "slug", "headline", "dateline_place", "dateline_date",
             "dateline_source", "body", "footnote", "desk_code", "byline", "section",
             "language", "urgency", "status", "created_at", "updated_at", "published_at",
             "version")
    values = {name: row[name] for name in names}
    for text_field in ("headline", "dateline_place", "dateline_source", "body", "footnote",
                       "desk_code", "byline", "section"):
        values[text_field] = values[text_field] or ""
    return ExportStory(**values)


def _attach_tags(by_id: dict[int, ExportStory], ids: list[int]) -> None:
    rows = (ArticleTag.select(ArticleTag.article, ArticleTag.relation, Entity.id, Entity.kind,
                              Entity.name, Entity.uri)
            .join(Entity).where(ArticleTag.article.in_(ids))
            .order_by(Entity.kind, Entity.name, Entity.id).tuples())
    for article_id, relation, entity_id, kind, name, uri in rows:
        by_id[article_id].tags.append(StoryTag(entity_id, kind, name, relation, uri or None))


def _attach_reviews(by_id: dict[int, ExportStory], ids: list[int]) -> None:
    rows = (Review.select(Review.article, Review.author, Review.text, Review.submitted_at,
                          Review.rating)
            .where(Review.article.in_(ids) & (Review.status == "approved"))
            .order_by(Review.submitted_at, Review.id).tuples())
    for article_id, author, text, submitted_at, rating in rows:
        by_id[article_id].reviews.append(StoryReview(author or "", text, submitted_at, rating))

"""What the exporters read: plain snapshots of the stories to publish, loaded in bulk.

Two depths. ``load_headers`` reads what planning needs of every story (no text): enough
to order and list it, and its export stamp, which the database moves whenever anything an
export prints about the story changes (``store/export_stamps.py``). ``load_stories`` reads
whole stories (all of them, or those a re-export must write): one query for the stories,
one for their tags, one for their approved reviews and one for their pictures, whatever
their number. Snapshots
are plain data, so they can be handed to another thread or process.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, NamedTuple

from newsdesk.store.models import (
    Article,
    ArticleTag,
    Entity,
    ExportStamp,
    Review,
    database_proxy,
)
from newsdesk.store.timestamps import as_date, as_utc, stored_moment, stored_time
from newsdesk.stories.agency import parse_metadata
from newsdesk.stories.dateline import Dateline
from newsdesk.stories.pictures import pictures_for


# Named tuples, not frozen dataclasses: a site export makes thousands of them, and a
# frozen dataclass is several times slower to create.
class StoryTag(NamedTuple):
    entity_id: int
    kind: str  # person | organisation | place
    name: str
    relation: str  # about | mentioned | located
    uri: str | None = None
    latitude: float | None = None  # a place's
    longitude: float | None = None


class StoryPicture(NamedTuple):
    """A story's picture as exports print it (its file stays in the database until a
    rendition of it is written)."""

    id: int
    blob_id: int
    sha256: str
    content_type: str
    width: int
    height: int
    caption: str
    credit: str
    alt: str
    lead: bool


class StoryTranslation(NamedTuple):
    """Another live story of the story's translation group, as ninjs names it."""

    uuid: str
    uri: str  # the address its own ninjs item has: the agency's, else urn:uuid:<uuid>
    language: str


class StoryReview(NamedTuple):
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
    pictures: list[StoryPicture] = field(default_factory=list)  # the lead one first
    stamp: int = 0  # its export stamp when read
    # The agency's identity and what its file said that newsdesk does not edit (see
    # ``Article``); the metadata as stored, JSON text or "".
    agency_uri: str = ""
    agency_version: str = ""
    agency_version_created: str = ""
    agency_metadata: str = ""
    # The last update or correction from the source.
    change_kind: str = ""
    change_note: str = ""
    changed_at: datetime | None = None
    # Not exported before this moment (naive UTC); a story exported has it passed.
    embargo_until: datetime | None = None
    # Its translation group ("" for none) and the group's other live stories (any status),
    # by language.
    translation_group: str = ""
    translations: list[StoryTranslation] = field(default_factory=list)

    @property
    def metadata(self) -> dict[str, Any]:
        """The agency metadata as an object ({} when none)."""
        return parse_metadata(self.agency_metadata)

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
    def places(self) -> list[StoryTag]:
        return [t for t in self.tags if t.kind == "place"]

    @property
    def date(self) -> datetime:
        """The story's public date: when it was published, else when it was created."""
        return self.published_at or self.created_at

    def label(self) -> str:
        """How messages name the story: its slug and headline."""
        return f"story {self.slug!r} ({self.headline or 'no headline'})"

    def fingerprint(self) -> str:
        """Names everything an exporter may print of the story: equal fingerprints, equal
        output (within one database, whose identity exports record besides)."""
        return story_fingerprint(self.uuid, self.stamp)


class StoryHeader(NamedTuple):
    """What planning needs of every story: enough to order and list it, and its stamp."""

    id: int
    uuid: str
    slug: str
    headline: str
    dateline_place: str
    language: str
    date: datetime  # the public date, as ``ExportStory.date``
    stamp: int
    translation_group: str = ""  # "" for none

    def fingerprint(self) -> str:
        return story_fingerprint(self.uuid, self.stamp)

    def label(self) -> str:
        return f"story {self.slug!r} ({self.headline or 'no headline'})"


def story_fingerprint(uuid: str, stamp: int) -> str:
    return f"{uuid}:{stamp}"


def since_moment(since: date | datetime | None) -> datetime | None:
    """``--since DATE`` means from the start of that day (UTC)."""
    if since is None:
        return None
    if isinstance(since, datetime):
        return as_utc(since).replace(tzinfo=None)
    return datetime.combine(since, time.min)


_COLUMNS = ("id", "uuid", "slug", "headline", "dateline_place", "dateline_date",
            "dateline_source", "body", "footnote", "desk_code", "byline", "section",
            "language", "urgency", "status", "created_at", "updated_at", "published_at",
            "version", "agency_uri", "agency_version", "agency_version_created",
            "agency_metadata", "change_kind", "change_note", "changed_at", "embargo_until",
            "translation_group")


def _selection(statuses: Sequence[str], since: date | datetime | None,
               now: datetime | None) -> Any:
    """The WHERE condition of the exported stories (shared by all the queries): those of
    ``statuses`` updated since ``since``, and not held by an embargo at ``now`` (naive
    UTC; None: embargoes are not looked at)."""
    condition = _chosen(statuses, since)
    if now is not None:
        condition &= Article.embargo_until.is_null() | (Article.embargo_until <= now)
    return condition


def _chosen(statuses: Sequence[str], since: date | datetime | None) -> Any:
    condition = Article.deleted_at.is_null()
    if statuses:
        condition &= Article.status.in_(list(statuses))
    start = since_moment(since)
    if start is not None:
        condition &= Article.updated_at >= start
    return condition


def load_headers(statuses: Sequence[str], *, since: date | datetime | None = None,
                 now: datetime | None = None) -> list[StoryHeader]:
    """Every story to export, newest first (by public date, then id), without its text;
    with ``now``, those an embargo holds at that moment are left out."""
    rows = _fetch(_header_query(tuple(statuses), since, now,
                                type(database_proxy.obj)))  # type: ignore[arg-type]  # a class is hashable
    # created_at is NOT NULL: a moment always comes back.
    headers = [StoryHeader(id_, uuid, slug, headline or "", place or "", language or "",
                           stored_moment(published or created), stamp, group or "")
               for id_, uuid, slug, headline, place, language, published, created, stamp,
               group in rows]
    headers.sort(key=_newest_first, reverse=True)
    return headers


def load_held(statuses: Sequence[str], *, since: date | datetime | None = None,
              now: datetime) -> list[datetime]:
    """When each story ``load_headers`` left out for its embargo at ``now`` is released
    (naive UTC), earliest first."""
    query = (Article.select(Article.embargo_until)
             .where(_chosen(statuses, since) & (Article.embargo_until > now))
             .order_by(Article.embargo_until))
    return [stored_moment(value) for (value,) in _fetch(_sql_of(query))]


def _sql_of(query: Any) -> Query:
    sql, params = query.sql()
    return sql, tuple(params)


def _newest_first(story: StoryHeader | ExportStory) -> tuple[datetime, int]:
    return story.date, story.id


def load_stories(statuses: Sequence[str], *, since: date | datetime | None = None,
                 with_reviews: bool = False, ids: Collection[int] | None = None,
                 now: datetime | None = None) -> list[ExportStory]:
    """The stories to export (only those of ``ids`` if given), newest first, whole: with
    tags and approved reviews; with ``now``, none an embargo holds then. Three queries
    per 500 ids, or three for all of them."""
    if ids is None:
        batches = [_queries(tuple(statuses), since, now,
                            type(database_proxy.obj))]  # type: ignore[arg-type]  # hashable
    else:
        wanted = sorted(ids)
        batches = [_queries_for(tuple(statuses), since, now, wanted[start:start + _BATCH])
                   for start in range(0, len(wanted), _BATCH)]
    stories = []
    for story_sql, tag_sql, review_sql in batches:
        rows = _fetch(story_sql)
        tags = _by_story(_fetch(tag_sql))
        reviews = _by_story(_fetch(review_sql)) if with_reviews else {}
        loaded = [_story(row, tags.get(row[0], ()), reviews.get(row[0], ()))
                  for row in rows]
        found = pictures_for([story.id for story in loaded])
        _add_translations(loaded)
        for story in loaded:
            story.pictures = [StoryPicture(p.id, p.blob_id, p.sha256, p.content_type,
                                           p.width, p.height, p.caption, p.credit, p.alt,
                                           p.lead) for p in found.get(story.id, ())]
        stories += loaded
    stories.sort(key=_newest_first, reverse=True)
    return stories


Query = tuple[str, tuple[Any, ...]]  # SQL and its parameters
_BATCH = 500  # ids per query: well within every database's limit on parameters


@lru_cache(maxsize=64)
def _header_query(statuses: tuple[str, ...], since: date | datetime | None,
                  now: datetime | None, dialect: type[Any]) -> Query:
    query = (Article.select(Article.id, Article.uuid, Article.slug, Article.headline,
                            Article.dateline_place, Article.language, Article.published_at,
                            Article.created_at, ExportStamp.stamp, Article.translation_group)
             .join(ExportStamp, on=(ExportStamp.article_id == Article.id))
             .where(_selection(statuses, since, now)))
    return _sql_of(query)


@lru_cache(maxsize=64)
def _queries(statuses: tuple[str, ...], since: date | datetime | None, now: datetime | None,
             dialect: type[Any]) -> tuple[Query, Query, Query]:
    """The three queries of whole stories, their SQL made once per selection and kind of
    database (peewee's query building showed in a re-export's time)."""
    return _build_queries(_selection(statuses, since, now))


def _queries_for(statuses: tuple[str, ...], since: date | datetime | None,
                 now: datetime | None, ids: list[int]) -> tuple[Query, Query, Query]:
    return _build_queries(_selection(statuses, since, now) & Article.id.in_(ids))


def _build_queries(condition: Any) -> tuple[Query, Query, Query]:
    """Stories: the stored columns and stamp. Tags: (story, relation, entity id, kind,
    name, uri, latitude, longitude) by kind and name. Approved reviews: (story, author, text, submitted,
    rating) by time. Values come back as stored, without peewee's per-value conversion (a
    third of the load time); ``_story`` converts the few typed ones."""
    stories = (Article.select(*(getattr(Article, name) for name in _COLUMNS),
                              ExportStamp.stamp)
               .join(ExportStamp, on=(ExportStamp.article_id == Article.id))
               .where(condition).order_by(Article.id))
    tags = (ArticleTag.select(ArticleTag.article, ArticleTag.relation, Entity.id,
                              Entity.kind, Entity.name, Entity.uri, Entity.latitude,
                              Entity.longitude)
            .join(Entity).switch(ArticleTag).join(Article).where(condition)
            .order_by(Entity.kind, Entity.name, Entity.id))
    reviews = (Review.select(Review.article, Review.author, Review.text, Review.submitted_at,
                             Review.rating)
               .join(Article).where(condition & (Review.status == "approved"))
               .order_by(Review.submitted_at, Review.id))
    story_query, tag_query, review_query = (
        (sql, tuple(params)) for sql, params in (q.sql() for q in (stories, tags, reviews)))
    return story_query, tag_query, review_query


def _add_translations(stories: Sequence[ExportStory]) -> None:
    """Each story's translations (the other live stories of its group, whatever their
    status): one query per 500 groups, none when no story has a group."""
    groups = sorted({story.translation_group for story in stories if story.translation_group})
    members: dict[str, list[tuple[int, StoryTranslation]]] = {}
    for start in range(0, len(groups), _BATCH):
        query = (Article.select(Article.translation_group, Article.id, Article.uuid,
                                Article.agency_uri, Article.language)
                 .where(Article.translation_group.in_(groups[start:start + _BATCH])
                        & Article.deleted_at.is_null())
                 .order_by(Article.language, Article.id))
        for group, id_, uuid, agency_uri, language in _fetch(_sql_of(query)):
            members.setdefault(group, []).append(
                (id_, StoryTranslation(uuid, agency_uri or f"urn:uuid:{uuid}", language or "")))
    for story in stories:
        story.translations = [member for id_, member in
                              members.get(story.translation_group, ()) if id_ != story.id]


def _fetch(query: Query) -> list[tuple[Any, ...]]:
    return database_proxy.execute_sql(*query).fetchall()


def _by_story(rows: list[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    """Rows grouped by their first value (the story's id), without it, in order."""
    grouped: dict[int, list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row[1:])
    return grouped


def _story(row: tuple[Any, ...], tags: Sequence[tuple[Any, ...]],
           reviews: Sequence[tuple[Any, ...]]) -> ExportStory:
    # In _COLUMNS order, then the stamp.
    (id_, uuid, slug, headline, place, day, source, body, footnote, desk_code, byline,
     section, language, urgency, status, created, updated, published, version, agency_uri,
     agency_version, agency_version_created, agency_metadata, change_kind, change_note,
     changed_at, embargo_until, translation_group, stamp) = row
    return ExportStory(
        id_, uuid, slug, headline or "", place or "", as_date(day), source or "", body or "",
        footnote or "", desk_code or "", byline or "", section or "", language, urgency,
        status, stored_moment(created), stored_moment(updated), stored_time(published), version,
        tags=[StoryTag(entity_id, kind, name, relation, uri or None, latitude, longitude)
              for relation, entity_id, kind, name, uri, latitude, longitude in tags],
        reviews=[StoryReview(author or "", text, stored_moment(submitted), rating)
                 for author, text, submitted, rating in reviews],
        stamp=stamp, agency_uri=agency_uri or "", agency_version=agency_version or "",
        agency_version_created=agency_version_created or "",
        agency_metadata=agency_metadata or "", change_kind=change_kind or "",
        change_note=change_note or "", changed_at=stored_time(changed_at),
        embargo_until=stored_time(embargo_until), translation_group=translation_group or "")

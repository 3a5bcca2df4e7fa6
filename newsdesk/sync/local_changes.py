"""What changed in a replica since it last pulled: stories created or edited, tags added,
removed or changed, reviews decided. Found by comparing each row with what was pulled
(``sync_row``), so it sees every local writer: the window, the command line, a script."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsdesk.store.models import Article, ArticleTag, Entity, Review, SyncRow
from newsdesk.sync.bookkeeping import rows_of
from newsdesk.sync.fingerprints import article_values, digest


@dataclass(frozen=True)
class TagAdded:
    entity_server_id: int | None  # None: a person or body created offline
    kind: str
    name: str
    normalized: str
    description: str
    uri: str | None
    latitude: float | None
    longitude: float | None
    aliases: tuple[str, ...]
    relation: str


@dataclass
class LocalStory:
    uuid: str
    slug: str
    headline: str
    created_at: datetime
    values: dict[str, Any]  # the pushed fields as they are here
    content_hash: str
    full: bool  # the full text is here (otherwise only the header is sent)
    base: SyncRow | None  # as pulled; None for a story created here
    fields_changed: bool
    tags_added: list[TagAdded] = field(default_factory=list)
    relations_changed: list[tuple[int, str]] = field(default_factory=list)  # server tag id

    @property
    def changed(self) -> bool:
        return self.fields_changed or bool(self.tags_added or self.relations_changed)


@dataclass(frozen=True)
class ReviewDecided:
    external_id: str
    base_status: str
    status: str
    moderated_by: str


@dataclass
class LocalChanges:
    stories: list[LocalStory]
    tags_removed: list[int]  # server ids of tags removed here
    decisions: list[ReviewDecided]


def local_changes() -> LocalChanges:
    """Everything to push (models bound to the replica)."""
    stories = _stories()
    by_local = {story_id: story for story_id, story in stories.items()}
    removed = _tags(by_local)
    return LocalChanges([s for s in stories.values() if s.changed], removed, _decisions())


def _stories() -> dict[int, LocalStory]:
    pulled = {row.local_id: row for row in rows_of("article").values()}
    found: dict[int, LocalStory] = {}
    for article in Article.select():
        base = pulled.get(article.id)
        full = base.full if base is not None else True
        values = article_values(article, full)
        content_hash = digest(values)
        found[article.id] = LocalStory(
            uuid=article.uuid, slug=article.slug, headline=article.headline,
            created_at=article.created_at, values=values, content_hash=content_hash,
            full=full, base=base,
            fields_changed=base is None or content_hash != base.base_hash)
    return found


def _tags(stories: dict[int, LocalStory]) -> list[int]:
    """Adds and relation changes onto their stories; returns the removed tags."""
    pulled = {row.local_id: row for row in rows_of("article_tag").values()}
    entities = {row.local_id: row.server_id for row in rows_of("entity").values()}
    present: set[int] = set()
    query = ArticleTag.select(ArticleTag, Entity).join(Entity)
    for tag in query:
        present.add(tag.id)
        story = stories.get(tag.article_id)
        base = pulled.get(tag.id)
        if story is None:
            continue
        if base is None:
            entity = tag.entity
            story.tags_added.append(TagAdded(
                entities.get(entity.id), entity.kind, entity.name, entity.normalized,
                entity.description, entity.uri, entity.latitude, entity.longitude,
                tuple(alias.name for alias in entity.aliases), tag.relation))
        elif base.base_hash != tag.relation:
            story.relations_changed.append((base.server_id, tag.relation))
    return sorted(row.server_id for local_id, row in pulled.items() if local_id not in present)


def _decisions() -> list[ReviewDecided]:
    pulled = {row.local_id: row for row in rows_of("review").values()}
    decided = []
    for review in Review.select(Review.id, Review.external_id, Review.status,
                                Review.moderated_by):
        base = pulled.get(review.id)
        if base is not None and review.status != base.base_hash:
            decided.append(ReviewDecided(review.external_id, base.base_hash, review.status,
                                         review.moderated_by))
    return decided

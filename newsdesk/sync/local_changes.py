"""What changed in a replica since it last pulled: stories created or edited, tags added,
removed or changed, reviews decided. Found by comparing each row with what was pulled
(``sync_row``). Every newsdesk edit of a story moves its version or trash state, so only
the stories those moved are compared (a script writing the replica's SQL by hand must
move the version too)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsdesk.store.models import Article, ArticleTag, Entity, Review, SyncRow, database_proxy
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


# A story's tag by (story, person or body), ids here.
TagKey = tuple[int, int]


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
    # The story's version and trash state here when the changes were read: what a push
    # sends of it (a save here while the sync runs moves them on).
    version: int = 0
    deleted: bool = False
    # Text typed here into a story held by its header only (its text on the server was
    # never here): it goes to the server as an offline edit, never over the server's.
    stray_text: dict[str, str] = field(default_factory=dict)
    tags_added: list[TagAdded] = field(default_factory=list)
    relations_changed: list[tuple[int, str]] = field(default_factory=list)  # server tag id
    # Both kinds, their relations as read here: a tag changed or removed here while the
    # sync runs keeps that (``replica_apply``).
    tag_relations: dict[TagKey, str] = field(default_factory=dict)

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


def local_changes(since_stamp: int = 0) -> LocalChanges:
    """Everything to push (models bound to the replica); ``since_stamp``: only stories
    whose export stamp is above it can have changed (``bookkeeping.STAMP_SEEN_KEY``)."""
    stories = _stories(since_stamp)
    removed = _tags(stories)
    return LocalChanges([s for s in stories.values() if s.changed], removed, _decisions())


def _rows(sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    return list(database_proxy.obj.execute_sql(sql, params))


def highest_stamp() -> int:
    """The replica's highest export stamp now."""
    (top,) = database_proxy.obj.execute_sql("SELECT max(stamp) FROM export_stamp").fetchone()
    return int(top or 0)


# Stories made here, or whose version or trash state moved since the pull: every newsdesk
# edit of a story moves one of them, so only these are read and compared.
_STORY_PAIRING = ("LEFT JOIN sync_row ON sync_row.table_name = 'article' "
                  "AND sync_row.local_id = article.id")
_STORY_MOVED = ("(sync_row.local_id IS NULL OR sync_row.base_version != article.version "
                "OR sync_row.base_deleted != (article.deleted_at IS NOT NULL))")
_CANDIDATE_STORIES = f"SELECT article.id FROM article {_STORY_PAIRING} WHERE {_STORY_MOVED}"
# The same, among the stories written here since an export stamp.
_CANDIDATE_STORIES_SINCE = (
    "SELECT article.id FROM export_stamp JOIN article ON article.id = export_stamp.article_id "
    f"{_STORY_PAIRING} WHERE export_stamp.stamp > ? AND {_STORY_MOVED}")
# The same, among the stories of given ids (``{ids}``: one "?" per id).
_CANDIDATE_STORIES_AMONG = (f"SELECT article.id FROM article {_STORY_PAIRING} "
                            f"WHERE article.id IN ({{ids}}) AND {_STORY_MOVED}")
# Tags added here or whose relation changed (with their story), and tags removed here.
_TAG_PAIRING = ("LEFT JOIN sync_row ON sync_row.table_name = 'article_tag' "
                "AND sync_row.local_id = article_tag.id")
_TAG_CHANGED = "(sync_row.local_id IS NULL OR sync_row.base_hash != article_tag.relation)"
_CHANGED_TAGS = ("SELECT article_tag.id, article_tag.article_id, sync_row.server_id "
                 f"FROM article_tag {_TAG_PAIRING} WHERE {_TAG_CHANGED}")
# The stories of given ids with such tags.
_STORIES_WITH_CHANGED_TAGS_AMONG = (
    f"SELECT DISTINCT article_tag.article_id FROM article_tag {_TAG_PAIRING} "
    f"WHERE article_tag.article_id IN ({{ids}}) AND {_TAG_CHANGED}")
# Ids a query names at most (SQLite's limit on parameters is 999 in older builds).
_IDS_PER_QUERY = 500
# (Not those of a story deleted for good here: that deletion is not sent.)
_REMOVED_TAGS = (
    "SELECT server_id FROM sync_row WHERE table_name = 'article_tag' AND NOT EXISTS "
    "(SELECT 1 FROM article_tag WHERE article_tag.id = sync_row.local_id) AND EXISTS "
    "(SELECT 1 FROM article WHERE article.id = sync_row.parent_id) ORDER BY server_id")
_DECIDED_REVIEWS = (
    "SELECT review.id FROM review JOIN sync_row ON sync_row.table_name = 'review' "
    "AND sync_row.local_id = review.id WHERE sync_row.base_hash != review.status")


def changed_story_ids(among: Collection[int] | None = None) -> set[int]:
    """The stories (ids here) changed here since they were pulled, or made here: what a
    sync will send (a list marks them while the window works offline). ``among``: only
    those of these stories, each looked up by its id (a list asks for the rows it holds:
    comparing a big newsroom's every story took 0.3 s at 100,000 of them, on each save).
    """
    if among is None:
        return ({article_id for (article_id,) in _rows(_CANDIDATE_STORIES)}
                | {article_id for _tag, article_id, _server in _rows(_CHANGED_TAGS)})
    wanted = sorted(set(among))
    changed: set[int] = set()
    for start in range(0, len(wanted), _IDS_PER_QUERY):
        chunk = tuple(wanted[start:start + _IDS_PER_QUERY])
        ids = ", ".join("?" * len(chunk))
        for query in (_CANDIDATE_STORIES_AMONG, _STORIES_WITH_CHANGED_TAGS_AMONG):
            changed.update(article_id for (article_id,) in _rows(query.format(ids=ids), chunk))
    return changed


def _stories(since_stamp: int) -> dict[int, LocalStory]:
    candidates = {article_id for (article_id,) in (
        _rows(_CANDIDATE_STORIES_SINCE, (since_stamp,)) if since_stamp
        else _rows(_CANDIDATE_STORIES))}
    tagged = {article_id for _tag, article_id, _server in _rows(_CHANGED_TAGS)}
    wanted = sorted(candidates | tagged)
    bases = {row.local_id: row for row in SyncRow.select().where(
        (SyncRow.table_name == "article") & SyncRow.local_id.in_(wanted))} if wanted else {}
    found: dict[int, LocalStory] = {}
    for chunk_start in range(0, len(wanted), 500):
        chunk = wanted[chunk_start:chunk_start + 500]
        for article in Article.select().where(Article.id.in_(chunk)):
            base = bases.get(article.id)
            full = base.full if base is not None else True
            values = article_values(article, full)
            stray = {} if full or not (article.body or article.footnote) else {
                "body": article.body, "footnote": article.footnote}
            content_hash = digest({**values, **stray})
            found[article.id] = LocalStory(
                uuid=article.uuid, slug=article.slug, headline=article.headline,
                created_at=article.created_at, values=values, content_hash=content_hash,
                full=full, base=base, stray_text=stray, version=article.version,
                deleted=article.deleted_at is not None,
                fields_changed=base is None or content_hash != base.base_hash)
    return found


def _tags(stories: dict[int, LocalStory]) -> list[int]:
    """Adds and relation changes onto their stories; returns the removed tags."""
    changed = _rows(_CHANGED_TAGS)
    entities = {local: server for server, local in SyncRow.select(
        SyncRow.server_id, SyncRow.local_id).where(SyncRow.table_name == "entity").tuples()}
    by_id = {tag.id: tag for tag in ArticleTag.select(ArticleTag, Entity).join(Entity)
             .where(ArticleTag.id.in_([tag_id for tag_id, _a, _s in changed]))} \
        if changed else {}
    for tag_id, article_id, server_id in changed:
        tag, story = by_id[tag_id], stories[article_id]
        story.tag_relations[(article_id, tag.entity_id)] = tag.relation
        if server_id is not None:
            story.relations_changed.append((server_id, tag.relation))
            continue
        entity = tag.entity
        story.tags_added.append(TagAdded(
            entities.get(entity.id), entity.kind, entity.name, entity.normalized,
            entity.description, entity.uri, entity.latitude, entity.longitude,
            tuple(alias.name for alias in entity.aliases), tag.relation))
    return [server_id for (server_id,) in _rows(_REMOVED_TAGS)]


def _decisions() -> list[ReviewDecided]:
    decided_ids = [review_id for (review_id,) in _rows(_DECIDED_REVIEWS)]
    if not decided_ids:
        return []
    bases = {row.local_id: row for row in SyncRow.select().where(
        (SyncRow.table_name == "review") & SyncRow.local_id.in_(decided_ids))}
    return [ReviewDecided(review.external_id, bases[review.id].base_hash, review.status,
                          review.moderated_by)
            for review in Review.select().where(Review.id.in_(decided_ids))]

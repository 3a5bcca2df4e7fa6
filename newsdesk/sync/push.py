"""Sending a replica's changes to the server, each story (with its tag changes), each
removed tag and each review decision in its own server transaction.

Idempotent without remembering what was sent: a story whose server version already equals
the replica's is left alone, tags are added only where missing and removed only where
present, and a review decision applies only while the review is still as it was pulled.
So a sync killed after any transaction and run again sends nothing twice.

A story changed on both sides since the last pull is never overwritten: the server's
version stays, the replica's becomes a revision marked "offline edit", and the story is
flagged as needing a look (``NeedsLook``), once per offline version however often a
killed sync is rerun.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from newsdesk.errors import UserError
from newsdesk.moderation.reviews import DECISIONS, decide
from newsdesk.people.registry import create_entity
from newsdesk.store.models import Article, ArticleTag, Entity, NeedsLook, Review
from newsdesk.store.opened import OpenedDatabase
from newsdesk.store.timestamps import utcnow
from newsdesk.stories.articles import UNTITLED_PREFIX, clean_fields, new_slug, record_revision
from newsdesk.stories.revisions import record_unsaved
from newsdesk.sync.binding import using
from newsdesk.sync.fingerprints import article_digest
from newsdesk.sync.local_changes import LocalChanges, LocalStory, TagAdded, TagKey
from newsdesk.sync.report import SyncReport

OFFLINE_EDIT = "offline edit"  # the revision reason of a replica's losing version
SENT_NOTE = "sent from an offline copy"  # the note of a revision a push made
# Publishing is the server's (the site, the feeds): a story published offline goes as
# ready, its last step before publishing.
OFFLINE_TOP_STATUS = "ready"

Checkpoint = Callable[[str], None]


@dataclass(frozen=True)
class SentStory:
    """A story as the push sent it from the replica: its version and trash state there,
    and the digest of what it sent."""

    version: int
    deleted: bool
    content_hash: str


# The stories (by uuid) the server now has the say on, as the push sent them: one saved
# here again while the sync ran keeps that newer text (``replica_apply``).
Settled = dict[str, SentStory]


@dataclass
class PushOutcome:
    settled: Settled = field(default_factory=dict)
    # Review decisions sent (external id -> the status sent): one decided here again
    # while the sync ran keeps that newer decision (``replica_apply``).
    decided: dict[str, str] = field(default_factory=dict)
    # The relations of the tags sent with their stories, as the push read them here: a
    # tag changed or removed here again while the sync ran keeps that (``replica_apply``).
    tagged: dict[TagKey, str] = field(default_factory=dict)
    # Server ids of the tags the push removed (as they were removed here).
    untagged: set[int] = field(default_factory=set)


def push(server: OpenedDatabase, changes: LocalChanges, report: SyncReport, *,
         replica_id: str, author: str, checkpoint: Checkpoint) -> PushOutcome:
    outcome = PushOutcome()
    for story in changes.stories:
        try:
            with using(server), server.database.atomic():
                _push_story(story, report, replica_id=replica_id, author=author)
        except UserError as exc:
            report.refused.append(f"{story.headline or story.slug}: {exc.reason}")
            continue
        outcome.settled[story.uuid] = SentStory(story.version, story.deleted,
                                                story.content_hash)
        outcome.tagged.update(story.tag_relations)
        checkpoint(f"story {story.uuid}")
    for tag_id in changes.tags_removed:
        with using(server), server.database.atomic():
            report.tags += ArticleTag.delete().where(ArticleTag.id == tag_id).execute()
        outcome.untagged.add(tag_id)
        checkpoint(f"tag {tag_id}")
    for decision in changes.decisions:
        with using(server):
            _push_decision(decision.external_id, decision.base_status, decision.status,
                           decision.moderated_by or author, report)
        outcome.decided[decision.external_id] = decision.status
        checkpoint(f"review {decision.external_id}")
    return outcome


def _push_story(story: LocalStory, report: SyncReport, *, replica_id: str,
                author: str) -> None:
    current = Article.get_or_none(Article.uuid == story.uuid)
    if current is None:
        current = _create(story, author, report)
    elif story.stray_text:
        _keep_as_offline_edit(current, story, replica_id, author, report)
    elif story.fields_changed:
        server_hash = article_digest(current, story.full)
        if server_hash == story.content_hash:
            pass  # already there (a rerun after the server took it)
        elif story.base is not None and server_hash == story.base.base_hash:
            current = _update(current, story, author, report)
        else:
            _keep_as_offline_edit(current, story, replica_id, author, report)
    for added in story.tags_added:
        _add_tag(current.id, added)
        report.tags += 1
    for tag_id, relation in story.relations_changed:
        report.tags += ArticleTag.update(relation=relation).where(ArticleTag.id == tag_id).execute()


def _fields(story: LocalStory, server_status: str | None, report: SyncReport) -> dict[str, Any]:
    values = dict(story.values)
    deleted_at = values.pop("deleted_at", None)
    if values.get("status") == "published" and server_status != "published":
        values["status"] = OFFLINE_TOP_STATUS
        report.refused.append(f"{story.headline or story.slug}: published offline; "
                              "publish it on the server (sent unpublished)")
    cleaned = clean_fields(values)
    cleaned["deleted_at"] = deleted_at
    return cleaned


def _create(story: LocalStory, author: str, report: SyncReport) -> Article:
    values = _fields(story, None, report)
    # A slug the replica moved aside for a server story ("slug~uuid") is not sent.
    taken = "~" in story.slug or Article.select().where(Article.slug == story.slug).exists()
    slug = new_slug(str(values.get("headline") or "")) if taken else story.slug
    article = Article.create(uuid=story.uuid, slug=slug, created_at=story.created_at,
                             updated_at=utcnow(), **values)
    record_revision(article, reason="save", author=author, note=SENT_NOTE)
    report.created.append(story.headline or story.slug)
    return article


def _update(current: Article, story: LocalStory, author: str,
            report: SyncReport) -> Article:
    values = _fields(story, current.status, report)
    if current.slug.startswith(UNTITLED_PREFIX) and str(values.get("headline", "")).strip():
        values["slug"] = new_slug(values["headline"])
    updated = (Article.update(version=Article.version + 1, updated_at=utcnow(), **values)
               .where((Article.id == current.id) & (Article.version == current.version))
               .execute())
    if not updated:  # saved by a colleague this very moment: the next sync sees it
        raise UserError("saved on the server meanwhile; sync again")
    article = Article.get_by_id(current.id)
    record_revision(article, reason="save", author=author, note=SENT_NOTE)
    report.pushed.append(story.headline or story.slug)
    return article


def _keep_as_offline_edit(current: Article, story: LocalStory, replica_id: str, author: str,
                          report: SyncReport) -> None:
    report.conflicts.append(story.headline or story.slug)
    already = NeedsLook.select().where(
        (NeedsLook.article == current.id) & (NeedsLook.content_hash == story.content_hash)
        & NeedsLook.resolved_at.is_null()).exists()
    if already:
        return
    fields = {k: v for k, v in {**story.values, **story.stray_text}.items()
              if k != "deleted_at"}
    base_version = story.base.base_version if story.base is not None else current.version
    revision = record_unsaved(current.id, fields, base_version=base_version,
                              reason=OFFLINE_EDIT, author=author)
    NeedsLook.create(article=current.id, revision=revision.id, replica=replica_id,
                     author=author, content_hash=story.content_hash)


def _add_tag(article_id: int, added: TagAdded) -> None:
    entity_id = added.entity_server_id
    if entity_id is None or not Entity.select().where(Entity.id == entity_id).exists():
        entity_id = _entity_for(added)
    (ArticleTag.insert(article=article_id, entity=entity_id, relation=added.relation)
     .on_conflict(conflict_target=[ArticleTag.article, ArticleTag.entity],
                  update={ArticleTag.relation: added.relation}).execute())


def _entity_for(added: TagAdded) -> int:
    """The server's person or body of that kind and name, made if it has none (a person
    tagged offline for the first time)."""
    found = (Entity.select(Entity.id).where((Entity.kind == added.kind)
                                            & (Entity.normalized == added.normalized)
                                            & Entity.merged_into.is_null())
             .order_by(Entity.id).first())
    if found is not None:
        return found.id
    return create_entity(added.kind, added.name, aliases=added.aliases,
                         description=added.description, uri=added.uri,
                         latitude=added.latitude, longitude=added.longitude).id


def _push_decision(external_id: str, base_status: str, status: str, moderator: str,
                   report: SyncReport) -> None:
    review = Review.get_or_none(Review.external_id == external_id)
    if review is None:
        report.stale_decisions.append(f"{external_id}: removed on the server")
        return
    if review.status == status:
        return  # already there
    if status not in DECISIONS:  # put back to pending offline: only undoes a decision
        changed = (Review.update(status=status, moderated_at=None, moderated_by="")
                   .where((Review.id == review.id) & (Review.status == base_status))
                   .execute())
        if changed:
            report.decisions += 1
        else:
            report.stale_decisions.append(f"{external_id}: now {review.status} on the server")
        return
    group = decide([review.id], status, seen_status=base_status, moderator=moderator)
    if group.stale:
        report.stale_decisions.append(f"{external_id}: now {review.status} on the server")
    else:
        report.decisions += 1

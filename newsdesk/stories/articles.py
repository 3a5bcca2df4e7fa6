"""Stories: creating, saving with a version check, status moves, trash, and JSON views."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import peewee

from newsdesk import search as story_search
from newsdesk.errors import ConflictError, StoryInTrash, StoryLocked, UserError
from newsdesk.store.models import (
    EDITABLE_FIELDS,
    Article,
    ArticleTag,
    Entity,
    Review,
    Revision,
    database_proxy,
    new_uuid,
)
from newsdesk.store.timestamps import as_utc, iso_utc, parse_time, utcnow
from newsdesk.stories import lock_state, needs_look, workflow
from newsdesk.stories.body_limits import body_refusal
from newsdesk.stories.headlines import MAX_HEADLINE, headline_refusal
from newsdesk.stories.slugs import slugify, unique_slug
from newsdesk.stories.textstats import word_count
from newsdesk.stories.translation_groups import translations_of
from newsdesk.texts import Phrase, Text

UNTITLED_PREFIX = "untitled-"

NO_SUCH_STORY = Phrase("story.no_such_story", "no story {story} (give its slug, id or uuid)")
THIS_STORY = Phrase("story.this_story", "this story")
STORY_NUMBER = Phrase("story.number", "story {id}")
DELETED_FOR_GOOD = Phrase("story.deleted_for_good", "story {id} was deleted for good")
IN_TRASH = Phrase("story.in_trash", "{headline} is in the trash: restore it to edit it")
SAVED_ELSEWHERE = Phrase("story.saved_elsewhere",
                         "{headline} was saved elsewhere meanwhile (version {version}, "
                         "you edited version {edited})")
SAVED_ELSEWHERE_SHORT = Phrase("story.saved_elsewhere_short",
                               "{headline} was saved elsewhere meanwhile")
LOCKED_ELSEWHERE = Phrase("story.locked_elsewhere",
                          "{headline} is {lock} in another window; take it over to save here")
URGENCY_RANGE = Phrase("story.urgency_range", "urgency must be between 1 and 9")
REFUSED = Phrase("story.refused", "{headline}: {reason}")


def _headline(article: Article) -> str | Text:
    """A story's headline in a sentence; "this story" while it has none."""
    return article.headline or THIS_STORY()


def get_article(ref: str | int, *, include_deleted: bool = False) -> Article:
    """Find a story by numeric id, uuid or slug; raises UserError naming ``ref``."""
    text = str(ref).strip()
    query = Article.select()
    if not include_deleted:
        query = query.where(Article.deleted_at.is_null())
    if text.isdigit():
        found = query.where(Article.id == int(text)).first()
    else:
        found = query.where((Article.slug == text) | (Article.uuid == text)).first()
    if found is None:
        raise UserError(NO_SUCH_STORY(story=repr(text)))
    return found


def stored_article(article_id: int) -> Article | None:
    """``Article.get_or_none(Article.id == article_id)``, its SQL built once per kind of
    database: peewee builds the 40-column SELECT anew on every call (0.4-1.5 ms), and an
    autosave reads the story twice, on the GUI thread."""
    sql = _article_by_id_sql(type(database_proxy.obj).__name__)
    return next(iter(Article.raw(sql, article_id)), None)


@functools.cache
def _article_by_id_sql(_database_kind: str) -> str:
    return str(Article.select().where(Article.id == 0).sql()[0])


def live_article(article_id: int) -> Article:
    """The story, for writing into; raises ``StoryInTrash`` if it is in the trash or was
    deleted for good (a colleague may have done either while it was open here)."""
    article = stored_article(article_id)
    if article is None:
        raise StoryInTrash(DELETED_FOR_GOOD(id=str(article_id)), deleted=True)
    if article.deleted_at is not None:
        raise StoryInTrash(IN_TRASH(headline=_headline(article)))
    return article


def has_live_stories() -> bool:
    """Whether any story exists outside the trash."""
    return Article.select().where(Article.deleted_at.is_null()).exists()


def editable_fields(article: Article) -> dict[str, Any]:
    return {name: getattr(article, name) for name in EDITABLE_FIELDS}


def _slug_taken(slug: str) -> bool:
    return Article.select().where(Article.slug == slug).exists()


def new_slug(headline: str) -> str:
    if not headline.strip():
        return UNTITLED_PREFIX + new_uuid()[:8]
    return unique_slug(slugify(headline), _slug_taken)


def clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Editable fields checked and normalised for writing; raises ``UserError`` naming the
    field that is wrong."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable fields: {sorted(unknown)}")
    cleaned = dict(fields)
    if "urgency" in cleaned:
        urgency = int(cleaned["urgency"])
        if not 1 <= urgency <= 9:
            raise UserError(URGENCY_RANGE(), field="urgency")
        cleaned["urgency"] = urgency
    refusal = body_refusal(str(cleaned.get("body") or ""))
    if refusal:
        raise UserError(refusal, field="body")
    if "status" in cleaned and cleaned["status"] not in workflow.STATUS_LABELS:
        raise UserError(f"unknown status {cleaned['status']!r}", field="status")
    if "embargo_until" in cleaned:
        cleaned["embargo_until"] = embargo_value(cleaned["embargo_until"])
    return cleaned


def embargo_value(value: Any) -> datetime | None:
    """An embargo as stored: naive UTC to the second, or None (from a ``datetime`` with
    or without its zone, ISO 8601 text, or "" for none); raises ``UserError`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = parse_time(value.strip())
        except ValueError:
            raise UserError(f"not a time (ISO 8601, e.g. 2023-04-05T10:00+04:00): {value!r}",
                            field="embargo") from None
    if not isinstance(value, datetime):
        raise UserError(f"not a time: {value!r}", field="embargo")
    return as_utc(value).replace(tzinfo=None, microsecond=0)


def _check_headline(values: Mapping[str, Any]) -> None:
    refusal = headline_refusal(str(values.get("headline") or ""))
    if refusal:
        raise UserError(refusal, field="headline")


def create_article(fields: Mapping[str, Any] | None = None, *, author: str = "",
                   slug: str | None = None, created_at: datetime | None = None,
                   reason: str = "save") -> Article:
    """Create a story and its first revision."""
    values = clean_fields(fields or {})
    _check_headline(values)
    now = utcnow()
    with database_proxy.atomic():
        article = Article.create(
            slug=slug or new_slug(str(values.get("headline") or "")),
            created_at=created_at or now, updated_at=now, **values)
        if article.status == "published":
            article.published_at = created_at or now
            article.save()
        record_revision(article, reason=reason, author=author)
    return article


def record_revision(article: Article, *, reason: str, author: str = "", note: str = "",
                    agency_version: str = "") -> Revision:
    import json  # not on the window's start (store/lean_peewee.py)

    snapshot = {k: _jsonable(v) for k, v in editable_fields(article).items()}
    return Revision.create(article=article, reason=reason, author=author,
                           version=article.version, status=article.status,
                           word_count=word_count(article.body or ""),
                           snapshot=json.dumps(snapshot, ensure_ascii=False), note=note,
                           agency_version=agency_version)


def save_article(article_id: int, fields: Mapping[str, Any], *, expected_version: int,
                 reason: str = "autosave", author: str = "",
                 revision: bool = False, session: str | None = None) -> Article:
    """Write ``fields`` if nobody saved the story since ``expected_version``.

    ``session`` is the window saving (see ``stories/lock_state.py``): while another window
    holds the story's edit lock the save raises ``StoryLocked`` naming the holder, and
    nothing is written. Raises ``ConflictError`` (nothing written) when the stored version
    moved on, so the caller can show both versions and let the user choose, and
    ``StoryInTrash`` when the story is in the trash or gone.
    """
    values = clean_fields(fields)
    if "status" in values:
        values.pop("status")  # status moves go through set_status and its checks
    with database_proxy.atomic():
        current = live_article(article_id)
        if values.get("headline", current.headline) != current.headline:
            # One stored before the limit saves on as it is (its body may change).
            _check_headline(values)
        if current.slug.startswith(UNTITLED_PREFIX) and str(values.get("headline", "")).strip():
            values["slug"] = new_slug(values["headline"])
        # The lock is checked in the UPDATE itself: a window taking the lock between a
        # check and the write cannot be overwritten.
        updated = (Article.update(version=Article.version + 1, updated_at=utcnow(), **values)
                   .where((Article.id == article_id) & (Article.version == expected_version)
                          & lock_state.free_for(session))
                   .execute())
        if updated == 0:
            _refuse_if_locked(article_id, session, current)
            raise ConflictError(SAVED_ELSEWHERE(headline=_headline(current),
                                                version=str(current.version),
                                                edited=str(expected_version)))
        article = stored_article(article_id)
        assert article is not None  # just written, in this transaction
        if revision:
            record_revision(article, reason=reason, author=author)
    return article


def _refuse_if_locked(article_id: int, session: str | None, article: Article) -> None:
    lock = lock_state.current_lock(article_id)
    if lock is not None and (not session or lock.session != session):
        raise StoryLocked(LOCKED_ELSEWHERE(headline=_headline(article),
                                           lock=lock.description()), holder=lock.holder)


def set_status(article_id: int, status: str, *, expected_version: int | None = None,
               author: str = "") -> Article:
    """Move a story along the workflow; refuses invalid moves with the reason."""
    with database_proxy.atomic():
        article = live_article(article_id)
        if expected_version is not None and article.version != expected_version:
            raise ConflictError(SAVED_ELSEWHERE_SHORT(headline=article.headline))
        reason = workflow.refusal(article.status, status, editable_fields(article))
        if not reason and status in ("ready", "published") and status != article.status:
            # Imported where pictures matter, not with the story list at the window's start.
            from newsdesk.stories import pictures

            reason = (pictures.missing_alt_refusal(article_id)
                      or pictures.dangling_refusal(article_id, article.body or ""))
        if reason:
            raise UserError(reason, field="status")
        if article.status == status:
            return article
        changes: dict[str, Any] = {"status": status, "version": article.version + 1,
                                   "updated_at": utcnow()}
        if status == "published" and article.published_at is None:
            changes["published_at"] = changes["updated_at"]
        Article.update(**changes).where(Article.id == article_id).execute()
        article = Article.get_by_id(article_id)
        record_revision(article, reason=f"status {status}", author=author)
    return article


def set_status_many(article_ids: Iterable[int], status: str, *,
                    author: str = "") -> list[Text]:
    """Move several stories in one transaction; returns the refusals (nothing moved if any)."""
    ids = list(article_ids)
    refusals: list[Text] = []
    with database_proxy.atomic() as transaction:
        for article_id in ids:
            try:
                set_status(article_id, status, author=author)
            except UserError as exc:
                found = Article.get_or_none(Article.id == article_id)
                headline = ((found.headline if found else "")
                            or STORY_NUMBER(id=str(article_id)))
                refusals.append(REFUSED(headline=headline, reason=exc.text or exc.reason))
        if refusals:
            transaction.rollback()
    return refusals


def move_to_trash(article_ids: Iterable[int]) -> int:
    return (Article.update(deleted_at=utcnow())
            .where(Article.id.in_(list(article_ids)) & Article.deleted_at.is_null()).execute())


def restore_from_trash(article_ids: Iterable[int]) -> int:
    return Article.update(deleted_at=None).where(Article.id.in_(list(article_ids))).execute()


def empty_trash() -> int:
    with database_proxy.atomic():
        return Article.delete().where(Article.deleted_at.is_null(False)).execute()


def duplicate_article(article_id: int, *, author: str = "") -> Article:
    """A draft copy of a story: its fields, tags and pictures (the same stored files)."""
    source = Article.get_by_id(article_id)
    fields = editable_fields(source)
    fields["status"] = "draft"
    suffix = " (copy)"
    fields["headline"] = (f"{source.headline[:MAX_HEADLINE - len(suffix)]}{suffix}"
                          if source.headline else "")
    with database_proxy.atomic():
        copy = create_article(fields, author=author)
        tags = [{"article": copy.id, "entity": t.entity_id, "relation": t.relation}
                for t in source.tags]
        if tags:
            ArticleTag.insert_many(tags).execute()
        from newsdesk.stories import pictures

        pictures.copy_pictures(source.id, copy.id)
    return copy


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def review_counts(article_id: int) -> dict[str, int]:
    counts = {"pending": 0, "approved": 0, "rejected": 0, "spam": 0}
    rows = (Review.select(Review.status, peewee.fn.COUNT(Review.id))
            .where(Review.article == article_id).group_by(Review.status).tuples())
    counts.update({status: count for status, count in rows})
    return counts


def tags_of(article_id: int) -> list[dict[str, Any]]:
    rows = (ArticleTag.select(ArticleTag, Entity).join(Entity)
            .where(ArticleTag.article == article_id).order_by(Entity.kind, Entity.name))
    return [{"entity_id": t.entity.id, "name": t.entity.name, "kind": t.entity.kind,
             "relation": t.relation, "uri": t.entity.uri} for t in rows]


def article_to_dict(article: Article) -> dict[str, Any]:
    """Every stored field of a story, as JSON-ready values (the ``show --json`` contract)."""
    import json

    from newsdesk.stories import pictures

    data = {
        "id": article.id, "uuid": article.uuid, "slug": article.slug,
        "headline": article.headline,
        "dateline": {"place": article.dateline_place,
                     "date": _jsonable(article.dateline_date),
                     "source": article.dateline_source},
        "body": article.body, "footnote": article.footnote, "desk_code": article.desk_code,
        "byline": article.byline, "section": article.section, "language": article.language,
        "urgency": article.urgency, "status": article.status, "version": article.version,
        "created_at": _jsonable(article.created_at),
        "updated_at": _jsonable(article.updated_at),
        "published_at": _jsonable(article.published_at),
        "deleted_at": _jsonable(article.deleted_at),
        "tags": tags_of(article.id),
        "reviews": review_counts(article.id),
        # Where the story came from and its last update or correction from there.
        "agency": {"uri": article.agency_uri, "version": article.agency_version,
                   "version_created": article.agency_version_created,
                   "metadata": json.loads(article.agency_metadata or "{}")},
        "change": {"kind": article.change_kind, "note": article.change_note,
                   "at": _jsonable(article.changed_at)},
        # The same story in other languages (``translations link``).
        "translations": translations_of(article),
        # Not exported before this moment (UTC, ISO 8601; null when not embargoed).
        "embargo_until": iso_utc(article.embargo_until) if article.embargo_until else None,
        "pictures": [picture.as_dict() for picture in pictures.pictures_of(article.id)],
        # Offline edits that met a colleague's and wait for a person (``newsdesk sync``).
        "needs_look": needs_look.open_looks(article.id),
    }
    return data


def list_summaries(statuses: Sequence[str] = (), search: str | None = None,
                   limit: int | None = None) -> list[dict[str, Any]]:
    """Live stories as ``list --json`` rows: newest first, or best match first (with
    ``snippet`` and ``rank``) when ``search`` has words in it."""
    backend = story_search.backend()
    filters = story_search.Filters(tuple(statuses))
    query = story_search.parse_query(search or "")
    sort = story_search.Sort(story_search.RELEVANCE if query else "updated")
    rows: list[story_search.Row] = []
    after = None
    while limit is None or len(rows) < limit:
        wanted = 1000 if limit is None else min(1000, limit - len(rows))
        page = backend.page(filters, sort, query, after, wanted)
        rows.extend(page.rows)
        if page.next_after is None:
            break
        after = page.next_after
    return [story_search.row_to_dict(row) for row in rows]

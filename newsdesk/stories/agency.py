"""Stories that come again: an agency's next version of a story, our own export read back.

A story read from a file is the stored story with its ``uri`` (the agency's identity) or
its uuid (ours); wire copy, which has neither, is the live story with the same agency,
dateline date and headline. ``compare`` says whether the file's version is newer, the same
or older; ``update_from_source`` writes a newer one as an update or a correction, with a
revision that records the note and the source's version.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsdesk.errors import StoryLocked
from newsdesk.store.models import Article, database_proxy
from newsdesk.store.timestamps import iso_utc, parse_time, utcnow
from newsdesk.stories import articles, lock_state

CHANGE_KINDS = ("update", "correction")
# Longer notes are a body pasted into the wrong field, not a note to print under a story.
MAX_NOTE = 1000


@dataclass(frozen=True)
class SourceVersion:
    """Which version of a story a source sent: its version and when it was made, as
    written ("" when the source did not say)."""

    version: str = ""
    created: str = ""


@dataclass(frozen=True)
class SourceChange:
    """What an update from the source writes besides the story's fields."""

    kind: str = "update"  # update | correction
    note: str = ""
    version: SourceVersion = SourceVersion()
    metadata: str | None = None  # the agency metadata as stored (JSON text); None: kept
    digest: str = ""
    published_at: datetime | None = None
    record_version: bool = True  # False for our own uuid: its version is not an agency's


def compare(new: SourceVersion, old: SourceVersion) -> int | None:
    """1 if ``new`` is newer, 0 the same, -1 older; None when neither the versions nor
    their times say (numbers compare as numbers, other versions only as equal)."""
    if new.version and old.version:
        new_number, old_number = _number(new.version), _number(old.version)
        if new_number is not None and old_number is not None:
            return (new_number > old_number) - (new_number < old_number)
        if new.version == old.version:
            return 0
    new_time, old_time = _moment(new.created), _moment(old.created)
    if new_time is not None and old_time is not None:
        return (new_time > old_time) - (new_time < old_time)
    return None


def stored_version(article: Article) -> SourceVersion:
    """The version the story is at, as its source counts: the agency's when it came from
    one, else our own (what our exports print)."""
    if article.agency_version or article.agency_version_created:
        return SourceVersion(article.agency_version, article.agency_version_created)
    return SourceVersion(str(article.version), iso_utc(article.updated_at))


def find_by_identity(agency_uri: str | None, uuid: str | None) -> Article | None:
    """The story with this agency ``uri`` or this uuid, in the trash too (an identity
    belongs to one story)."""
    if agency_uri:
        found = Article.get_or_none(Article.agency_uri == agency_uri)
        if found is not None:
            return found
    if uuid:
        return Article.get_or_none(Article.uuid == uuid)
    return None


def find_wire_match(source: str, day: date | None, headline: str) -> Article | None:
    """The live story with this agency, dateline date and headline (spacing and case
    aside): how wire copy, which names no identity, is recognised when it comes again."""
    if not source.strip() or day is None or not headline.strip():
        return None
    wanted = _folded(headline)
    candidates = (Article.select().where(Article.deleted_at.is_null()
                                         & (Article.dateline_source == source.strip())
                                         & (Article.dateline_date == day))
                  .order_by(Article.id))
    return next((a for a in candidates if _folded(a.headline) == wanted), None)


def same_fields(article: Article, fields: Mapping[str, Any]) -> bool:
    """Whether the story already says everything ``fields`` say."""
    return all(_comparable(getattr(article, name)) == _comparable(value)
               for name, value in fields.items())


def update_from_source(article_id: int, fields: Mapping[str, Any], change: SourceChange,
                       *, author: str = "") -> Article:
    """Write a newer version from the story's source: its fields, the change's kind, note
    and time, the source's version; recorded as a revision of reason "update" or
    "correction". Raises ``StoryLocked`` (nothing written) while a window edits it."""
    if change.kind not in CHANGE_KINDS:
        raise ValueError(f"unknown change kind {change.kind!r}")
    values = articles.clean_fields(fields)
    now = utcnow()
    values.update(version=Article.version + 1, updated_at=now, change_kind=change.kind,
                  change_note=change.note[:MAX_NOTE], changed_at=_changed_at(change, now),
                  import_digest=change.digest)
    if change.record_version:
        values.update(agency_version=change.version.version,
                      agency_version_created=change.version.created)
        if change.metadata is not None:
            values["agency_metadata"] = change.metadata
    if change.published_at is not None:
        values["published_at"] = change.published_at
    with database_proxy.atomic():
        current = Article.get_by_id(article_id)
        if values.get("status") == "published" and current.published_at is None:
            values.setdefault("published_at", now)
        updated = (Article.update(**values)
                   .where((Article.id == article_id) & lock_state.free_for(None)).execute())
        if updated == 0:
            lock = lock_state.current_lock(article_id)
            holder = lock.holder if lock is not None else ""
            state = lock.describe() if lock is not None else "open in a window"
            raise StoryLocked(f"{current.headline or 'a story'!s} is {state}: its update "
                              "was not imported (close it there and import again)",
                              holder=holder)
        article = Article.get_by_id(article_id)
        articles.record_revision(
            article, reason=change.kind, author=author, note=change.note[:MAX_NOTE],
            agency_version=change.version.version if change.record_version else "")
    return article


def metadata_of(article: Article) -> dict[str, Any]:
    """The story's agency metadata as an object ({} when none)."""
    return parse_metadata(article.agency_metadata)


def parse_metadata(text: str) -> dict[str, Any]:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {}


def metadata_text(metadata: Mapping[str, Any]) -> str:
    """How agency metadata is stored: compact JSON with its keys in order ("" for none),
    so equal metadata is equal text."""
    if not metadata:
        return ""
    return json.dumps(metadata, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _changed_at(change: SourceChange, now: datetime) -> datetime:
    moment = _moment(change.version.created)
    return moment if moment is not None else now


def _number(text: str) -> int | None:
    stripped = text.strip()
    return int(stripped) if stripped.isdecimal() else None


def _moment(text: str) -> datetime | None:
    if not text:
        return None
    try:
        return parse_time(text)
    except ValueError:
        return None


def _folded(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _comparable(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value

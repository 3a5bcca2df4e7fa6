"""Revisions of a story: listing them, a word diff against the current text, restoring one.

Revisions themselves are written by ``articles.record_revision`` (on explicit saves, status
moves and periodically during autosave); restoring one is itself a new revision.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsdesk.errors import UserError
from newsdesk.store.models import EDITABLE_FIELDS, Article, Revision, database_proxy
from newsdesk.store.timestamps import as_date, stored_time
from newsdesk.stories import articles
from newsdesk.stories.textstats import word_count
from newsdesk.texts import Phrase

# Words, runs of whitespace and single punctuation marks: a diff of these reads like prose.
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
# Above this many tokens a word diff gets slow; diff whole lines instead.
MAX_WORD_DIFF_TOKENS = 60_000
# Fields compared when diffing a revision with the current text, in reading order.
# The fields a diff compares, with their names as people see them.
FIELD_NAMES = {
    "headline": Phrase("field.headline", "Headline"),
    "dateline_place": Phrase("field.dateline_place", "Place"),
    "dateline_date": Phrase("field.dateline_date", "Date"),
    "dateline_source": Phrase("field.dateline_source", "Agency"),
    "byline": Phrase("field.byline", "Byline"),
    "body": Phrase("field.body", "Body"),
    "footnote": Phrase("field.footnote", "Footnote"),
    "desk_code": Phrase("field.desk_code", "Desk code"),
}
DIFF_FIELDS = tuple((name, phrase.english) for name, phrase in FIELD_NAMES.items())


@dataclass(frozen=True)
class RevisionSummary:
    id: int
    created_at: datetime
    version: int
    status: str
    word_count: int
    reason: str
    author: str
    note: str = ""  # an update's or correction's note from the story's source
    agency_version: str = ""  # the source's version it brought


@dataclass(frozen=True)
class DiffPiece:
    kind: str  # "same" | "added" | "removed"
    text: str


def list_revisions(article_id: int) -> list[RevisionSummary]:
    """The story's revisions, newest first (without their snapshots: they can be big)."""
    query = (Revision.select(Revision.id, Revision.created_at, Revision.version,
                             Revision.status, Revision.word_count, Revision.reason,
                             Revision.author, Revision.note, Revision.agency_version)
             .where(Revision.article == article_id)
             .order_by(Revision.created_at.desc(), Revision.id.desc()))
    return [RevisionSummary(r.id, r.created_at, r.version, r.status, r.word_count, r.reason,
                            r.author, r.note, r.agency_version) for r in query]


def snapshot(revision_id: int) -> dict[str, Any]:
    """The editable fields a revision recorded, with the dateline date as a ``date``."""
    revision = Revision.get_or_none(Revision.id == revision_id)
    if revision is None:
        raise UserError(f"no revision {revision_id}")
    fields = json.loads(revision.snapshot)
    if fields.get("dateline_date"):
        fields["dateline_date"] = as_date(fields["dateline_date"])
    if fields.get("embargo_until"):
        fields["embargo_until"] = stored_time(fields["embargo_until"])
    return fields


def word_diff(old: str, new: str) -> list[DiffPiece]:
    """What changed from ``old`` to ``new``, word by word (line by line for huge texts)."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    if len(old_tokens) + len(new_tokens) > 2 * MAX_WORD_DIFF_TOKENS:
        old_tokens, new_tokens = old.splitlines(True), new.splitlines(True)
    import difflib  # only for the revisions' view: not on the window's start

    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    pieces: list[DiffPiece] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            _append(pieces, "same", "".join(old_tokens[a1:a2]))
            continue
        _append(pieces, "removed", "".join(old_tokens[a1:a2]))
        _append(pieces, "added", "".join(new_tokens[b1:b2]))
    return pieces


def field_diffs(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, list[DiffPiece]]]:
    """Per changed field (label, word diff), in reading order."""
    changed = []
    for name, label in DIFF_FIELDS:
        before, after = _text(old.get(name)), _text(new.get(name))
        if before != after:
            changed.append((label, word_diff(before, after)))
    return changed


def changed_characters(old: Mapping[str, Any], new: Mapping[str, Any]) -> tuple[int, int]:
    """(characters added, characters removed) from ``old`` to ``new``, over the diffed
    fields, counted on the word diff (a changed word counts whole)."""
    added = removed = 0
    for _label, pieces in field_diffs(old, new):
        for piece in pieces:
            if piece.kind == "added":
                added += len(piece.text)
            elif piece.kind == "removed":
                removed += len(piece.text)
    return added, removed


def restore_revision(article_id: int, revision_id: int, *, expected_version: int,
                     author: str = "", session: str | None = None) -> Article:
    """Put a revision's text back; the restore is recorded as a new revision.

    The status is not restored: status moves go through the workflow and its checks.
    Raises ``ConflictError`` if the story was saved elsewhere since ``expected_version``.
    """
    revision = Revision.get_or_none(Revision.id == revision_id)
    if revision is None or revision.article_id != article_id:
        raise UserError(f"revision {revision_id} does not belong to story {article_id}")
    fields = snapshot(revision_id)
    fields.pop("status", None)
    return articles.save_article(article_id, fields, expected_version=expected_version,
                                 reason="restore", author=author, revision=True,
                                 session=session)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _append(pieces: list[DiffPiece], kind: str, text: str) -> None:
    if not text:
        return
    if pieces and pieces[-1].kind == kind:
        pieces[-1] = DiffPiece(kind, pieces[-1].text + text)
    else:
        pieces.append(DiffPiece(kind, text))


def record_unsaved(article_id: int, fields: Mapping[str, Any], *, base_version: int,
                   reason: str = "conflict", author: str = "") -> Revision:
    """Keep text that is not going into the story (the losing side of a conflict)."""
    article = Article.get_by_id(article_id)
    snapshot_fields = {name: getattr(article, name) for name in EDITABLE_FIELDS}
    snapshot_fields.update({k: v for k, v in fields.items() if k in EDITABLE_FIELDS})
    return Revision.create(
        article=article_id, reason=reason, author=author, version=base_version,
        status=article.status, word_count=word_count(str(snapshot_fields.get("body") or "")),
        snapshot=json.dumps({k: _jsonable(v) for k, v in snapshot_fields.items()},
                            ensure_ascii=False))


def keep_mine(article_id: int, fields: Mapping[str, Any], *, their_version: int,
              author: str = "", session: str | None = None) -> Article:
    """Overwrite the version saved elsewhere, keeping it as a revision first."""
    with database_proxy.atomic():
        articles.record_revision(Article.get_by_id(article_id), reason="conflict",
                                 author=author)
        return articles.save_article(article_id, fields, expected_version=their_version,
                                     reason="save", author=author, revision=True,
                                     session=session)


def take_theirs(article_id: int, fields: Mapping[str, Any], *, base_version: int,
                author: str = "") -> Article:
    """Drop the local edits from the story but keep them as a revision."""
    with database_proxy.atomic():
        record_unsaved(article_id, fields, base_version=base_version, author=author)
        return Article.get_by_id(article_id)


def save_as_copy(fields: Mapping[str, Any], *, author: str = "") -> Article:
    """The local edits as a new draft story (headline marked as a copy)."""
    values = {k: v for k, v in fields.items() if k in EDITABLE_FIELDS}
    values["status"] = "draft"
    headline = str(values.get("headline") or "").strip()
    values["headline"] = f"{headline} (my copy)" if headline else "(my copy)"
    return articles.create_article(values, author=author, reason="conflict")


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value

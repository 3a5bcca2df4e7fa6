"""Readers' reviews: validating and storing imported records (design.md section 6)."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from newsdesk.errors import UserError
from newsdesk.folding import fold
from newsdesk.store.models import Article, Review, database_proxy, utcnow

REQUIRED_FIELDS = ("id", "article", "author", "text", "submitted")


@dataclass(frozen=True)
class ReviewRecord:
    """One record of an import file, with the line it came from (for error messages)."""

    data: Mapping[str, Any]
    line: int


def text_digest(text: str) -> str:
    """A digest of the folded text, so the same review posted again is recognised."""
    return hashlib.sha1(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def parse_submitted(value: Any, *, source: str, line: int) -> datetime:
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise UserError(f"not an ISO 8601 time: {value!r}", file=source, line=line,
                        field="submitted") from exc
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def _validate(record: ReviewRecord, source: str, articles: dict[str, int]) -> dict[str, Any]:
    data = record.data
    for name in REQUIRED_FIELDS:
        if str(data.get(name) or "").strip() == "":
            raise UserError("missing", file=source, line=record.line, field=name)
    ref = str(data["article"]).strip()
    if ref not in articles:
        found = (Article.select(Article.id)
                 .where((Article.slug == ref) | (Article.uuid == ref)).first())
        if found is None:
            raise UserError(f"no story {ref!r} in this database", file=source,
                            line=record.line, field="article")
        articles[ref] = found.id
    rating = data.get("rating")
    if rating not in (None, ""):
        try:
            rating = int(rating)
        except (TypeError, ValueError):
            rating = 0
        if not 1 <= rating <= 5:
            raise UserError(f"must be 1 to 5, not {data.get('rating')!r}", file=source,
                            line=record.line, field="rating")
    else:
        rating = None
    text = str(data["text"])
    return {
        "external_id": str(data["id"]).strip(), "article": articles[ref],
        "author": str(data["author"]).strip(), "email": str(data.get("email") or "").strip(),
        "text": text, "text_hash": text_digest(text), "rating": rating,
        "submitted_at": parse_submitted(data["submitted"], source=source, line=record.line),
        "imported_at": utcnow(), "status": "pending",
    }


def import_records(records: Sequence[ReviewRecord], source: str) -> int:
    """Validate every record, then store the new ones in one transaction.

    Returns how many were added; ids already in the database are skipped, so
    re-importing a file adds nothing.
    """
    cache: dict[str, int] = {}
    rows = [_validate(record, source, cache) for record in records]
    seen: dict[str, int] = {}
    for record, row in zip(records, rows, strict=True):
        if row["external_id"] in seen:
            raise UserError(f"duplicate id {row['external_id']!r} (first on line "
                            f"{seen[row['external_id']]})", file=source, line=record.line,
                            field="id")
        seen[row["external_id"]] = record.line
    existing = set()
    ids = list(seen)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        existing.update(r for (r,) in Review.select(Review.external_id)
                        .where(Review.external_id.in_(chunk)).tuples())
    new_rows = [row for row in rows if row["external_id"] not in existing]
    with database_proxy.atomic():
        for start in range(0, len(new_rows), 200):
            Review.insert_many(new_rows[start:start + 200]).execute()
    return len(new_rows)


def decide(review_ids: Sequence[int], status: str) -> int:
    """Set the status of several reviews in one transaction; returns how many changed."""
    if status not in ("approved", "rejected", "spam", "pending"):
        raise UserError(f"unknown decision {status!r}", field="status")
    with database_proxy.atomic():
        return (Review.update(status=status, moderated_at=None if status == "pending"
                              else utcnow())
                .where(Review.id.in_(list(review_ids))).execute())

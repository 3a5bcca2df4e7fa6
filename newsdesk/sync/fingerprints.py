"""What a push compares: a story's fields (all of them, or its header when the replica
holds only that), a tag's relation, a review's status, as one digest per row."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime
from typing import Any

from newsdesk.store.models import EDITABLE_FIELDS, Article

# The fields an offline edit may change and a push sends. Not the slug (the server
# chooses a free one), the version or the times (the server moves them).
PUSHED_FIELDS = (*EDITABLE_FIELDS, "deleted_at")
TEXT_FIELDS = ("body", "footnote")
HEADER_FIELDS = tuple(name for name in PUSHED_FIELDS if name not in TEXT_FIELDS)


def pushed_fields(full: bool) -> tuple[str, ...]:
    return PUSHED_FIELDS if full else HEADER_FIELDS


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def article_values(article: Article, full: bool) -> dict[str, Any]:
    """The story's pushed fields as stored (the full text only when ``full``)."""
    return {name: getattr(article, name) for name in pushed_fields(full)}


def digest(values: dict[str, Any]) -> str:
    """One digest of ``values``, the same on SQLite and PostgreSQL (times and dates in
    ISO 8601, so both sides' driver types compare)."""
    plain = {key: _plain(value) for key, value in sorted(values.items())}
    text = json.dumps(plain, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_digest(article: Article, full: bool) -> str:
    return digest(article_values(article, full))

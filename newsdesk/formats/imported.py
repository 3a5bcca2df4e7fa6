"""The record every story parser returns: a story read from a file, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ImportedStory:
    """A story read from a file, before it is stored."""

    fields: dict[str, Any]
    source: str
    slug: str | None = None
    created_at: datetime | None = None
    published_at: datetime | None = None
    uuid: str | None = None  # kept when the file names one and it is free
    # (kind, name, relation, uri)
    tags: list[tuple[str, str, str, str | None]] = field(default_factory=list)

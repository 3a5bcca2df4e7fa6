"""Shared helpers for the review tests: a small newsroom and review records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsdesk.stories import articles

STORIES = ("budget-approved", "flood-relief")


def make_stories() -> dict[str, int]:
    ids = {}
    for slug in STORIES:
        article = articles.create_article({"headline": slug.replace("-", " ").title(),
                                           "body": "Text.", "status": "published"}, slug=slug)
        ids[slug] = article.id
    return ids


def record(review_id: str, text: str = "A fair and useful report, thank you.",
           **extra: Any) -> dict[str, Any]:
    data = {"id": review_id, "article": "budget-approved", "author": "Leyla Aliyeva",
            "email": "leyla@example.com", "text": text,
            "submitted": "2023-03-14T18:02:11+04:00", "rating": 4}
    data.update(extra)
    return data


def write_json(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    return path

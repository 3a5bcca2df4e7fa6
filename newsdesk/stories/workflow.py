"""The status workflow: draft -> edited -> ready -> published, and killed (withdrawn)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

STATUS_LABELS = {
    "draft": "Draft",
    "edited": "Edited",
    "ready": "Ready",
    "published": "Published",
    "killed": "Killed",
}

# Moves an editor may make. Going back a step is allowed (a story sent back for rework);
# a killed story can only be revived as a draft.
ALLOWED_MOVES: dict[str, frozenset[str]] = {
    "draft": frozenset({"edited", "ready", "killed"}),
    "edited": frozenset({"draft", "ready", "killed"}),
    "ready": frozenset({"draft", "edited", "published", "killed"}),
    "published": frozenset({"killed", "edited"}),
    "killed": frozenset({"draft"}),
}

EXPORTED_BY_DEFAULT = ("ready", "published")


def refusal(current: str, target: str, fields: Mapping[str, Any]) -> str | None:
    """Why the story may not move from ``current`` to ``target``, or None if it may."""
    if target not in STATUS_LABELS:
        return f"unknown status {target!r} (choose from {', '.join(STATUS_LABELS)})"
    if current == target:
        return None
    if target not in ALLOWED_MOVES.get(current, frozenset()):
        return (f"a {STATUS_LABELS[current].lower()} story cannot become "
                f"{STATUS_LABELS[target].lower()} directly")
    if target in ("ready", "published"):
        missing = [label for name, label in (("headline", "a headline"),
                                             ("dateline_place", "a dateline place"),
                                             ("body", "a body"))
                   if not str(fields.get(name) or "").strip()]
        if missing:
            return f"{STATUS_LABELS[target].lower()} needs " + ", ".join(missing)
    return None

"""The status workflow: draft -> edited -> ready -> published, and killed (withdrawn)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newsdesk.texts import Phrase, Text

# A status's name as people see it (the window shows it translated).
STATUS_NAMES = {
    "draft": Phrase("status.draft", "Draft"),
    "edited": Phrase("status.edited", "Edited"),
    "ready": Phrase("status.ready", "Ready"),
    "published": Phrase("status.published", "Published"),
    "killed": Phrase("status.killed", "Killed"),
}
STATUS_LABELS = {status: name.english for status, name in STATUS_NAMES.items()}

UNKNOWN_STATUS = Phrase("workflow.unknown_status",
                        "unknown status {status} (choose from {choices})")
NO_DIRECT_MOVE = Phrase("workflow.no_direct_move",
                        "a {current:lower} story cannot become {target:lower} directly")
NEEDS = Phrase("workflow.needs", "{target:lower} needs {missing}")
OTHER_STATUS = Phrase("status.other", "{status}")
MISSING_PARTS = {
    "headline": Phrase("workflow.missing.headline", "a headline"),
    "dateline_place": Phrase("workflow.missing.dateline_place", "a dateline place"),
    "body": Phrase("workflow.missing.body", "a body"),
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


def status_name(status: str) -> Text:
    """A status as people see it (an unknown one as stored)."""
    phrase = STATUS_NAMES.get(status)
    return phrase() if phrase else OTHER_STATUS(status=status)


def refusal(current: str, target: str, fields: Mapping[str, Any]) -> Text | None:
    """Why the story may not move from ``current`` to ``target``, or None if it may."""
    if target not in STATUS_LABELS:
        return UNKNOWN_STATUS(status=repr(target), choices=", ".join(STATUS_LABELS))
    if current == target:
        return None
    if target not in ALLOWED_MOVES.get(current, frozenset()):
        return NO_DIRECT_MOVE(current=status_name(current), target=status_name(target))
    if target in ("ready", "published"):
        missing = [part() for name, part in MISSING_PARTS.items()
                   if not str(fields.get(name) or "").strip()]
        if missing:
            return NEEDS(target=status_name(target), missing=missing)
    return None

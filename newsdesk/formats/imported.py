"""The record every story parser returns: a story read from a file, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsdesk.errors import UserError
from newsdesk.store.dialect import unstorable_reason
from newsdesk.stories.headlines import MAX_HEADLINE


@dataclass(frozen=True)
class ImportedPicture:
    """A picture a file brings with its story (read, not yet checked or stored)."""

    data: bytes
    name: str  # the picture file's path, for messages
    caption: str = ""
    credit: str = ""
    alt: str = ""
    lead: bool = False
    # The SHA-256 (or its start) of the picture the file was made from, when it says
    # (our exports' renditions): a story that has that picture does not get it twice.
    origin: str = ""


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
    # A place tag's (latitude, longitude), by its name in ``tags``.
    coordinates: dict[str, tuple[float, float]] = field(default_factory=dict)
    # Where a stored field came from, for errors: field -> (the file's name for it, line).
    origins: dict[str, tuple[str, int]] = field(default_factory=dict)
    line: int = 1  # where the story starts in its file
    # The agency's identity of the story (its ninjs ``uri``); the version and version
    # time the file gives (as written; recorded only with an agency's identity); what the
    # file says that newsdesk does not edit (ninjs 2.x names).
    agency_uri: str | None = None
    agency_version: str = ""
    agency_version_created: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)
    # When the story is already stored: what this version is (update | correction), and
    # the note that goes with it (e.g. the agency's editorial note).
    change_kind: str = "update"
    change_note: str = ""
    # Wire copy names no identity: it is recognised by agency, dateline date and headline.
    match_by_dateline: bool = False
    pictures: list[ImportedPicture] = field(default_factory=list)
    # The translation group the file puts the story in (its id as written) and the
    # identities of the group's other stories (their ninjs ``uri``s): importing puts the
    # story in one group with those of them that are stored and with the other stories of
    # the import that name the same group.
    translation_group: str | None = None
    translation_uris: list[str] = field(default_factory=list)


def check_story(story: ImportedStory) -> None:
    """Refuse what a parser let through but no newsroom wants stored: a story without a
    headline (``{"uri": "x"}``), a headline no page can show, and text no database can
    store (NUL, lone surrogates)."""
    headline = str(story.fields.get("headline") or "")
    if not headline.strip():
        raise _error(story, "headline", "the story has no headline")
    if len(headline) > MAX_HEADLINE:
        raise _error(story, "headline", f"the headline is {len(headline):,} characters long "
                                        f"(at most {MAX_HEADLINE}): is it really a headline?")
    for name, value in story.fields.items():
        reason = unstorable_reason(value) if isinstance(value, str) else None
        if reason:
            raise _error(story, name, reason)
    for _kind, name, _relation, uri in story.tags:
        reason = unstorable_reason(name + (uri or ""))
        if reason:
            raise _error(story, "tags", f"{name[:40]!r} {reason}")


def _error(story: ImportedStory, name: str, reason: str) -> UserError:
    shown, line = story.origins.get(name, (name, story.line))
    return UserError(reason, file=story.source, line=line, field=shown)


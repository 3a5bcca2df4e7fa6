"""What else a replica made offline besides story edits, tags and review decisions: words
added to the newsroom's dictionary, translation links made or undone, pictures added to
stories, revisions written (models bound to the replica).

A word or a picture made here has no pairing (``sync_row``) until the pull brings the
server's copy back. A story's translation group as pulled is kept as a pairing of the
pseudo-table ``article_group`` (``bookkeeping.GROUP_TABLE``), only for stories in a group:
linking does not move a story's version, so the group is compared on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from newsdesk.store.models import database_proxy
from newsdesk.sync.bookkeeping import GROUP_TABLE


@dataclass(frozen=True)
class WordAdded:
    word: str
    language: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True)
class GroupChanged:
    uuid: str
    headline: str
    base: str | None  # the group as pulled (None: in none)
    group: str | None  # the group here now


@dataclass(frozen=True)
class PictureAdded:
    story_uuid: str
    story_headline: str
    sha256: str
    blob_id: int  # here: its bytes are read only when the server lacks them
    blob: dict[str, Any]  # the file's facts but its bytes
    picture: dict[str, Any]  # position, caption, credit, alt, lead, filename, created_at


@dataclass(frozen=True)
class RevisionWritten:
    story_uuid: str
    values: dict[str, Any]  # the revision's fields but its story


@dataclass
class LocalAdditions:
    words: list[WordAdded] = field(default_factory=list)
    groups: list[GroupChanged] = field(default_factory=list)
    pictures: list[PictureAdded] = field(default_factory=list)
    revisions: list[RevisionWritten] = field(default_factory=list)


_NEW_WORDS = (
    "SELECT w.word, w.language, w.added_by, w.added_at FROM newsroom_word w "
    "LEFT JOIN sync_row ON sync_row.table_name = 'newsroom_word' AND sync_row.local_id = w.id "
    "WHERE sync_row.local_id IS NULL ORDER BY w.id")
_GROUP_CHANGES = (
    "SELECT article.uuid, article.headline, g.base_hash, article.translation_group "
    "FROM article {stamped} LEFT JOIN sync_row g "
    f"ON g.table_name = '{GROUP_TABLE}' AND g.local_id = article.id "
    "WHERE coalesce(article.translation_group, '') != coalesce(g.base_hash, '') {since} "
    "ORDER BY article.id")
_STAMPED = "JOIN export_stamp ON export_stamp.article_id = article.id"
_NEW_PICTURES = (
    "SELECT a.uuid, a.headline, b.sha256, b.id, b.content_type, b.width, b.height, b.size, "
    "b.created_at, p.position, p.caption, p.credit, p.alt, p.lead, p.filename, p.created_at "
    "FROM picture p JOIN article a ON a.id = p.article_id "
    "JOIN picture_blob b ON b.id = p.blob_id "
    "LEFT JOIN sync_row ON sync_row.table_name = 'picture' AND sync_row.local_id = p.id "
    "WHERE sync_row.local_id IS NULL ORDER BY p.id")

REVISION_FIELDS = ("created_at", "author", "reason", "version", "status", "word_count",
                   "snapshot", "note", "agency_version")
# Every revision here is written with a write of its story (a save, a status move, a
# restore), which moves the story's export stamp.
_NEW_REVISIONS = (
    "SELECT article.uuid, " + ", ".join(f"r.{name}" for name in REVISION_FIELDS) + " "
    "FROM revision r JOIN article ON article.id = r.article_id {stamped} "
    "LEFT JOIN sync_row ON sync_row.table_name = 'revision' AND sync_row.local_id = r.id "
    "WHERE sync_row.local_id IS NULL {since} ORDER BY r.id")


def local_additions(since_stamp: int = 0) -> LocalAdditions:
    """Everything of these kinds to push; ``since_stamp``: only stories whose export stamp
    is above it can have been linked or unlinked (``bookkeeping.STAMP_SEEN_KEY``)."""
    database = database_proxy.obj
    found = LocalAdditions()
    found.words = [WordAdded(word, language, added_by, _moment(added_at))
                   for word, language, added_by, added_at in database.execute_sql(_NEW_WORDS)]
    stamped = {"stamped": _STAMPED if since_stamp else "",
               "since": "AND export_stamp.stamp > ?" if since_stamp else ""}
    params = (since_stamp,) if since_stamp else ()
    sql = _GROUP_CHANGES.format(**stamped)
    found.groups = [GroupChanged(uuid, headline, base or None, group or None)
                    for uuid, headline, base, group in database.execute_sql(sql, params)]
    sql = _NEW_REVISIONS.format(**stamped)
    found.revisions = [RevisionWritten(uuid, {
        name: _moment(value) if name == "created_at" else value
        for name, value in zip(REVISION_FIELDS, values, strict=True)})
        for uuid, *values in database.execute_sql(sql, params)]
    for (uuid, headline, sha256, blob_id, content_type, width, height, size, blob_created,
         position, caption, credit, alt, lead, filename, created_at) in database.execute_sql(
            _NEW_PICTURES):
        found.pictures.append(PictureAdded(
            uuid, headline, sha256, blob_id,
            {"sha256": sha256, "content_type": content_type, "width": width,
             "height": height, "size": size, "created_at": _moment(blob_created)},
            {"position": position, "caption": caption, "credit": credit, "alt": alt,
             "lead": bool(lead), "filename": filename, "created_at": _moment(created_at)}))
    return found


def _moment(stored: Any) -> Any:
    """A time as SQLite returns it (text) as the server's column takes it."""
    if isinstance(stored, str):
        return datetime.fromisoformat(stored)
    return stored

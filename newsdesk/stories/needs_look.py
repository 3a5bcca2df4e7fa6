"""Stories that need a person's look: an offline edit met a colleague's edit of the same
story (``newsdesk sync``). The colleague's version stayed; the offline one is a revision
marked "offline edit" beside it, to compare and take from (the revisions view)."""

from __future__ import annotations

from typing import Any

from newsdesk.store.models import NeedsLook
from newsdesk.store.timestamps import iso_utc, utcnow


def open_looks(article_id: int) -> list[dict[str, Any]]:
    """The offline edits of a story still waiting for a look, oldest first."""
    rows = (NeedsLook.select().where((NeedsLook.article == article_id)
                                     & NeedsLook.resolved_at.is_null())
            .order_by(NeedsLook.id))
    return [{"revision": row.revision_id, "author": row.author,
             "at": iso_utc(row.created_at)} for row in rows]


def settle(article_id: int) -> int:
    """The story has had its look (the offline edit taken in, or left): how many flags
    this cleared."""
    return (NeedsLook.update(resolved_at=utcnow())
            .where((NeedsLook.article == article_id) & NeedsLook.resolved_at.is_null())
            .execute())


def stories_needing_a_look() -> set[int]:
    """The stories with an offline edit still waiting for a look (a list marks them)."""
    return {article_id for (article_id,) in NeedsLook.select(NeedsLook.article)
            .where(NeedsLook.resolved_at.is_null()).distinct().tuples()}

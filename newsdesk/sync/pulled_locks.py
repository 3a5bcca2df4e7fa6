"""Colleagues' story locks as the server had them at the last pull, kept in the replica's
bookkeeping (``sync_state``), never in its stories: a lock is not data that is pushed,
and an offline window must not mistake it for its own.

The change sequence leaves lock moves out (they are not news to a replica), so each pull
reads the live locks whole; a newsroom holds a handful at a time. An offline window shows
those stories read-only, as the online window shows a colleague's lock, until the
server is back (the lock stays as pulled: an offline window cannot see it end)."""

from __future__ import annotations

import json
from typing import Any

from newsdesk.store.models import Article, SyncRow
from newsdesk.store.timestamps import stored_moment
from newsdesk.stories.lock_state import Lock, expired_before
from newsdesk.sync import bookkeeping

LOCKS_KEY = "colleague_locks"  # {replica story id: [holder, since (ISO, UTC), session]}


def server_locks() -> dict[int, tuple[str, str, str]]:
    """The live locks on the server (models bound to it), by the server's story id."""
    rows = (Article.select(Article.id, Article.locked_by, Article.locked_at,
                           Article.lock_session)
            .where(Article.locked_by.is_null(False) & (Article.locked_at >= expired_before()))
            .tuples())
    return {article_id: (holder, stored_moment(since).isoformat(), session or "")
            for article_id, holder, since, session in rows}


def record(locks: dict[int, tuple[str, str, str]]) -> None:
    """Replace the replica's pulled locks (models bound to it; its stories paired)."""
    local: dict[str, Any] = {}
    if locks:
        pairs = (SyncRow.select(SyncRow.server_id, SyncRow.local_id)
                 .where((SyncRow.table_name == "article")
                        & SyncRow.server_id.in_(sorted(locks))).tuples())
        local = {str(local_id): list(locks[server_id]) for server_id, local_id in pairs}
    bookkeeping.put_state(LOCKS_KEY, json.dumps(local, sort_keys=True))


def pulled_locks() -> dict[int, Lock]:
    """The locks held on the server at the last pull (models bound to the replica), by
    the replica's story id."""
    stored = json.loads(bookkeeping.state(LOCKS_KEY, "{}"))
    return {int(local_id): Lock(holder, stored_moment(since), session)
            for local_id, (holder, since, session) in stored.items()}

"""What a story lock is, apart from taking and giving it (``stories/locks.py``): the story
service checks it on every save without depending on the lock operations.

A lock is (``locked_by``, ``locked_at``, ``lock_session``) on the article row. It belongs
to one window, named by its session id, not to a user name: two windows of one user (the
default name is the login name) are two holders, and only one of them may write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import peewee

from newsdesk.store.models import Article, local_time, utcnow

LOCK_TIMEOUT = timedelta(minutes=10)
HEARTBEAT_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class Lock:
    holder: str
    since: datetime  # naive UTC, as stored
    session: str = ""  # the window holding it ("" for a lock taken before sessions)

    def describe(self) -> str:
        local = local_time(self.since)
        return f"being edited by {self.holder} since {local:%H:%M}"


def expired_before() -> datetime:
    return utcnow() - LOCK_TIMEOUT


def live_lock(holder: str | None, since: datetime | str | None,
              session: str | None = None) -> Lock | None:
    """The lock stored as (``locked_by``, ``locked_at``, ``lock_session``), or None if
    free or expired."""
    if not holder or since is None:
        return None
    if isinstance(since, str):  # SQLite hands raw rows back as text
        since = datetime.fromisoformat(since)
    return Lock(holder, since, session or "") if since >= expired_before() else None


def current_lock(article_id: int) -> Lock | None:
    """The live lock on a story, or None when it is free or its holder went silent."""
    row = (Article.select(Article.locked_by, Article.locked_at, Article.lock_session)
           .where(Article.id == article_id).tuples().first())
    return live_lock(*row) if row else None


def free_for(session: str | None) -> peewee.Expression:
    """The stories ``session`` may write: unlocked, expired, or locked by that session
    (``None``: a writer outside any window, e.g. a script, holds no lock)."""
    free = (Article.locked_by.is_null() | Article.locked_at.is_null()
            | (Article.locked_at < expired_before()))
    return free | (Article.lock_session == session) if session else free

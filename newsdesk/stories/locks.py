"""Story locks for team mode: one editor at a time, visible to everyone, self-expiring.

A lock is the pair (``locked_by``, ``locked_at``) on the article row, taken and renewed
with a single conditional UPDATE so two clients can never both win. A client that crashed
stops renewing, and its lock counts as free once it is older than ``LOCK_TIMEOUT``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from newsdesk.store.models import Article, database_proxy
from newsdesk.store.timestamps import local_time, stored_moment, utcnow
from newsdesk.stories import articles

LOCK_TIMEOUT = timedelta(minutes=10)
HEARTBEAT_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class Lock:
    holder: str
    since: datetime  # naive UTC, as stored

    def describe(self) -> str:
        local = local_time(self.since)
        return f"being edited by {self.holder} since {local:%H:%M}"


def _expired_before() -> datetime:
    return utcnow() - LOCK_TIMEOUT


def live_lock(holder: str | None, since: datetime | str | None) -> Lock | None:
    """The lock stored as (``locked_by``, ``locked_at``), or None if free or expired."""
    if not holder or since is None:
        return None
    moment = stored_moment(since)  # SQLite hands raw rows back as text
    return Lock(holder, moment) if moment >= _expired_before() else None


def current_lock(article_id: int) -> Lock | None:
    """The live lock on a story, or None when it is free or its holder went silent."""
    row = (Article.select(Article.locked_by, Article.locked_at)
           .where(Article.id == article_id).tuples().first())
    return live_lock(*row) if row else None


def acquire(article_id: int, user: str) -> Lock | None:
    """Take the lock for ``user``; returns None on success, else the lock that blocks it."""
    free = (Article.locked_by.is_null() | (Article.locked_by == user)
            | Article.locked_at.is_null() | (Article.locked_at < _expired_before()))
    taken = (Article.update(locked_by=user, locked_at=utcnow())
             .where((Article.id == article_id) & free).execute())
    return None if taken else current_lock(article_id)


def heartbeat(article_id: int, user: str) -> bool:
    """Renew our lock; False means someone took it over (the editor must stop saving)."""
    return bool(Article.update(locked_at=utcnow())
                .where((Article.id == article_id) & (Article.locked_by == user)).execute())


def release(article_id: int, user: str) -> None:
    (Article.update(locked_by=None, locked_at=None)
     .where((Article.id == article_id) & (Article.locked_by == user)).execute())


def take_over(article_id: int, user: str) -> Lock | None:
    """Take the lock from its holder; what they had saved is kept as a revision first.

    Returns the lock that was taken over (None if the story was free).
    """
    with database_proxy.atomic():
        previous = current_lock(article_id)
        if previous and previous.holder != user:
            article = Article.get_by_id(article_id)
            articles.record_revision(article, reason=f"lock taken over from {previous.holder}",
                                     author=previous.holder)
        Article.update(locked_by=user, locked_at=utcnow()).where(
            Article.id == article_id).execute()
    return previous if previous and previous.holder != user else None


def locks_for(article_ids: list[int]) -> dict[int, Lock]:
    """Live locks for a page of the story list, in one query."""
    rows = (Article.select(Article.id, Article.locked_by, Article.locked_at)
            .where(Article.id.in_(article_ids) & Article.locked_by.is_null(False)
                   & (Article.locked_at >= _expired_before())).tuples())
    return {article_id: Lock(holder, since) for article_id, holder, since in rows}

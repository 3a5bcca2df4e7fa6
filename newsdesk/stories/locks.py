"""Story locks for team mode: one editor at a time, visible to everyone, self-expiring.

A lock is (``locked_by``, ``locked_at``, ``lock_session``) on the article row, taken and
renewed with a single conditional UPDATE so two clients can never both win. It belongs to
one window (``session``, its id), so a second window of the same user is refused like a
colleague. A client that crashed stops renewing, and its lock counts as free once it is
older than ``LOCK_TIMEOUT``. The story service refuses saves from any other window
(``stories/lock_state.py``).
"""

from __future__ import annotations

from newsdesk.store.models import Article, database_proxy
from newsdesk.store.timestamps import utcnow
from newsdesk.stories import articles
from newsdesk.stories.lock_state import (
    HEARTBEAT_INTERVAL,
    LOCK_TIMEOUT,
    Lock,
    current_lock,
    expired_before,
    free_for,
    live_lock,
    session_is_dead,
)

__all__ = ["HEARTBEAT_INTERVAL", "LOCK_TIMEOUT", "Lock", "acquire", "current_lock",
           "heartbeat", "live_lock", "locks_for", "release", "take_over"]


def acquire(article_id: int, user: str, session: str) -> Lock | None:
    """Take the lock for ``user``'s window ``session``; returns None on success, else the
    lock that blocks it (another window's, maybe of the same user)."""
    taken = (Article.update(locked_by=user, locked_at=utcnow(), lock_session=session)
             .where((Article.id == article_id) & free_for(session)).execute())
    if taken:
        return None
    blocking = current_lock(article_id)
    if blocking is not None and blocking.session and session_is_dead(blocking.session):
        # The window that held it crashed or is gone: its saved text is the story's,
        # its unsaved text is in the recovery journal. Taken only if still that lock.
        taken = (Article.update(locked_by=user, locked_at=utcnow(), lock_session=session)
                 .where((Article.id == article_id)
                        & (Article.lock_session == blocking.session)).execute())
        if taken:
            return None
        blocking = current_lock(article_id)
    return blocking


def heartbeat(article_id: int, session: str) -> bool:
    """Renew our lock; False means someone took it over (the editor must stop saving)."""
    return bool(Article.update(locked_at=utcnow())
                .where((Article.id == article_id) & (Article.lock_session == session))
                .execute())


def release(article_id: int, session: str) -> None:
    (Article.update(locked_by=None, locked_at=None, lock_session=None)
     .where((Article.id == article_id) & (Article.lock_session == session)).execute())


def take_over(article_id: int, user: str, session: str) -> Lock | None:
    """Take the lock from its holder; what they had saved is kept as a revision first.

    Returns the lock that was taken over (None if the story was free or already ours).
    """
    with database_proxy.atomic():
        previous = current_lock(article_id)
        if previous and previous.session == session:
            previous = None
        if previous:
            article = Article.get_by_id(article_id)
            articles.record_revision(article, reason=f"lock taken over from {previous.holder}",
                                     author=previous.holder)
        Article.update(locked_by=user, locked_at=utcnow(), lock_session=session).where(
            Article.id == article_id).execute()
    return previous


def locks_for(article_ids: list[int]) -> dict[int, Lock]:
    """Live locks for a page of the story list, in one query."""
    rows = (Article.select(Article.id, Article.locked_by, Article.locked_at,
                           Article.lock_session)
            .where(Article.id.in_(article_ids) & Article.locked_by.is_null(False)
                   & (Article.locked_at >= expired_before())).tuples())
    return {article_id: Lock(holder, since, session or "")
            for article_id, holder, since, session in rows}

"""What a story lock is, apart from taking and giving it (``stories/locks.py``): the story
service checks it on every save without depending on the lock operations.

A lock is (``locked_by``, ``locked_at``, ``lock_session``) on the article row. It belongs
to one window, named by its session id, not to a user name: two windows of one user (the
default name is the login name) are two holders, and only one of them may write.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from typing import NamedTuple

import peewee

from newsdesk.store.models import Article
from newsdesk.store.timestamps import local_time, stored_moment, utcnow
from newsdesk.texts import Phrase, Text

LOCK_TIMEOUT = timedelta(minutes=10)
HEARTBEAT_INTERVAL = timedelta(minutes=1)
BEING_EDITED = Phrase("lock.being_edited", "being edited by {holder} since {time}")


class Lock(NamedTuple):
    holder: str
    since: datetime  # naive UTC, as stored
    session: str = ""  # the window holding it ("" for a lock taken before sessions)

    def describe(self) -> str:
        return str(self.description())

    def description(self) -> Text:
        """Who holds the lock and since when (on the user's clock)."""
        return BEING_EDITED(holder=self.holder, time=f"{local_time(self.since):%H:%M}")


# The sessions of this process whose window still exists.
_open_here: set[str] = set()


def host_name() -> str:
    """This machine's name, as ``socket.gethostname()`` says it: on POSIX systems both
    read the same field of ``uname(2)``, without importing ``socket`` on the window's
    start (4-10 ms: lean_peewee.py)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def new_session() -> str:
    """A window's session id: this machine, this process, and the window itself. A lock
    naming a process of this machine that is gone (a crash) is free at once, so reopening
    a story after a crash does not wait out ``LOCK_TIMEOUT``."""
    # The window's own part is random, as a uuid4 is (the uuid module is not imported on
    # the window's start: lean_peewee.py).
    session = f"{host_name()}:{os.getpid()}:{os.urandom(16).hex()}"
    _open_here.add(session)
    return session


def end_session(session: str) -> None:
    """The window is gone (closed, or destroyed without closing): its locks are dead."""
    _open_here.discard(session)


def session_is_dead(session: str) -> bool:
    """Whether the window holding a lock is known to be gone: a window of this process
    that was destroyed, or a process of this machine that no longer runs. A window on
    another machine is never known dead (its lock expires instead)."""
    host, _, rest = session.partition(":")
    pid_text, _, _ = rest.partition(":")
    if host != host_name() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return session not in _open_here
    if os.name != "posix":  # os.kill would end the process there, not probe it
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it runs (as another user, say)
        return False
    return False


def expired_before() -> datetime:
    return utcnow() - LOCK_TIMEOUT


def live_lock(holder: str | None, since: datetime | str | None,
              session: str | None = None) -> Lock | None:
    """The lock stored as (``locked_by``, ``locked_at``, ``lock_session``), or None if
    free or expired."""
    if not holder or since is None:
        return None
    moment = stored_moment(since)  # SQLite hands raw rows back as text
    return Lock(holder, moment, session or "") if moment >= expired_before() else None


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

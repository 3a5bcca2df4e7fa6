"""Story locks, on SQLite and on PostgreSQL: a lock belongs to one window (its session id),
and the story service refuses saves from any other window."""

from __future__ import annotations

import pytest

from newsdesk.errors import ConflictError, StoryLocked
from newsdesk.store.models import Article, Revision
from newsdesk.store.timestamps import utcnow
from newsdesk.stories import articles, locks, revisions

# Window (session) ids: two of Leyla's windows and one of Rauf's.
LEYLA, LEYLA_2, RAUF = "leyla-window-1", "leyla-window-2", "rauf-window"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request):
    name = "db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(name)


def test_second_user_sees_the_lock_and_cannot_take_it(any_db):
    story = articles.create_article({"headline": "Locked story"})
    assert locks.acquire(story.id, "leyla", LEYLA) is None
    blocking = locks.acquire(story.id, "rauf", RAUF)
    assert blocking is not None and blocking.holder == "leyla" and blocking.session == LEYLA
    assert blocking.describe().startswith("being edited by leyla since ")
    assert locks.acquire(story.id, "leyla", LEYLA) is None  # re-entrant for the holder
    assert locks.locks_for([story.id])[story.id].holder == "leyla"


def test_a_second_window_of_the_same_user_is_refused_the_lock(any_db):
    story = articles.create_article({"headline": "Two windows"})
    assert locks.acquire(story.id, "leyla", LEYLA) is None
    blocking = locks.acquire(story.id, "leyla", LEYLA_2)
    assert blocking is not None and blocking.session == LEYLA
    assert not locks.heartbeat(story.id, LEYLA_2)
    locks.release(story.id, LEYLA_2)  # not its lock: nothing happens
    assert locks.current_lock(story.id).session == LEYLA


def test_release_and_heartbeat(any_db):
    story = articles.create_article({"headline": "Heartbeat"})
    locks.acquire(story.id, "leyla", LEYLA)
    assert locks.heartbeat(story.id, LEYLA)
    assert not locks.heartbeat(story.id, RAUF)
    locks.release(story.id, LEYLA)
    assert locks.current_lock(story.id) is None
    assert locks.acquire(story.id, "rauf", RAUF) is None


def test_lock_of_a_silent_client_expires(any_db):
    story = articles.create_article({"headline": "Crashed client"})
    locks.acquire(story.id, "leyla", LEYLA)
    stale = utcnow() - locks.LOCK_TIMEOUT - locks.HEARTBEAT_INTERVAL
    Article.update(locked_at=stale).where(Article.id == story.id).execute()
    assert locks.current_lock(story.id) is None
    assert locks.acquire(story.id, "rauf", RAUF) is None
    assert not locks.heartbeat(story.id, LEYLA)


def test_take_over_keeps_the_previous_holders_work_as_a_revision(any_db):
    story = articles.create_article({"headline": "Take over", "body": "Leyla's text"})
    locks.acquire(story.id, "leyla", LEYLA)
    previous = locks.take_over(story.id, "rauf", RAUF)
    assert previous is not None and previous.holder == "leyla"
    assert locks.current_lock(story.id).holder == "rauf"
    kept = Revision.select().where(Revision.article == story.id).order_by(Revision.id.desc()).get()
    assert kept.reason == "lock taken over from leyla"
    assert '"body": "Leyla\'s text"' in kept.snapshot
    assert not locks.heartbeat(story.id, LEYLA)


def test_taking_over_from_ones_own_other_window(any_db):
    story = articles.create_article({"headline": "Mine twice"})
    locks.acquire(story.id, "leyla", LEYLA)
    previous = locks.take_over(story.id, "leyla", LEYLA_2)
    assert previous is not None and previous.session == LEYLA
    assert not locks.heartbeat(story.id, LEYLA) and locks.heartbeat(story.id, LEYLA_2)
    assert locks.take_over(story.id, "leyla", LEYLA_2) is None  # already ours


def test_a_save_from_a_window_without_the_lock_is_refused_naming_the_holder(any_db):
    story = articles.create_article({"headline": "Guarded", "body": "Leyla's text"})
    locks.acquire(story.id, "leyla", LEYLA)
    for session in (LEYLA_2, RAUF, None):  # her other window, a colleague, a script
        with pytest.raises(StoryLocked) as refused:
            articles.save_article(story.id, {"body": "overwritten"},
                                  expected_version=story.version, session=session)
        assert refused.value.holder == "leyla"
        assert "being edited by leyla since" in refused.value.message
    with pytest.raises(StoryLocked):
        revisions.keep_mine(story.id, {"body": "overwritten"},
                            their_version=story.version, session=RAUF)
    assert Article.get_by_id(story.id).body == "Leyla's text"

    saved = articles.save_article(story.id, {"body": "Leyla's next line"},
                                  expected_version=story.version, session=LEYLA)
    assert saved.body == "Leyla's next line" and saved.version == story.version + 1
    with pytest.raises(ConflictError):  # the holder still meets the version check
        articles.save_article(story.id, {"body": "old"}, expected_version=story.version,
                              session=LEYLA)


def test_anyone_may_save_a_free_or_expired_story(any_db):
    story = articles.create_article({"headline": "Free", "body": "text"})
    saved = articles.save_article(story.id, {"body": "by a script"},
                                  expected_version=story.version)
    locks.acquire(story.id, "leyla", LEYLA)
    stale = utcnow() - locks.LOCK_TIMEOUT - locks.HEARTBEAT_INTERVAL
    Article.update(locked_at=stale).where(Article.id == story.id).execute()
    again = articles.save_article(story.id, {"body": "by Rauf"},
                                  expected_version=saved.version, session=RAUF)
    assert again.body == "by Rauf"


def test_migration_9_gives_an_older_database_lock_sessions(tmp_path):
    import sqlite3

    from newsdesk.store.db import open_database
    from newsdesk.store.migrations import current_version, latest_version

    path = tmp_path / "schema8.sqlite3"
    opened = open_database(str(path), create=True)
    story = articles.create_article({"headline": "Locked before the upgrade"})
    opened.close()
    with sqlite3.connect(path) as raw:  # as newsdesk left it before sessions
        raw.execute("ALTER TABLE article DROP COLUMN lock_session")
        raw.execute("UPDATE article SET locked_by = 'leyla', locked_at = ? WHERE id = ?",
                    (str(utcnow()), story.id))
        raw.execute("UPDATE schema_info SET value = '8' WHERE key = 'schema_version'")
    opened = open_database(str(path))
    try:
        assert current_version(opened) == latest_version()
        # Her lock from the older version still holds until it expires, for every window.
        blocking = locks.acquire(story.id, "rauf", RAUF)
        assert blocking is not None and blocking.holder == "leyla" and blocking.session == ""
        with pytest.raises(StoryLocked):
            articles.save_article(story.id, {"body": "x"}, expected_version=story.version,
                                  session=RAUF)
    finally:
        opened.close()


def test_the_lock_of_a_window_that_is_gone_is_free_at_once(db):
    """A crash leaves the lock behind: a window of a process that no longer runs, or of
    this process but destroyed, holds nothing (no waiting out LOCK_TIMEOUT)."""
    import socket
    import subprocess
    import sys

    from newsdesk.stories import lock_state

    story = articles.create_article({"headline": "After a crash"})
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    # The lock's machine name is socket's, read without importing it (lock_state.host_name).
    assert lock_state.host_name() == socket.gethostname()
    crashed = f"{socket.gethostname()}:{finished.stdout.strip()}:window"
    assert locks.acquire(story.id, "leyla", crashed) is None
    assert locks.current_lock(story.id).session == crashed  # still stored, still live
    reopened = lock_state.new_session()
    assert locks.acquire(story.id, "leyla", reopened) is None
    assert locks.current_lock(story.id).session == reopened

    # A second window of this process is alive: refused until it is destroyed.
    other = lock_state.new_session()
    assert locks.acquire(story.id, "leyla", other) is not None
    lock_state.end_session(reopened)
    assert locks.acquire(story.id, "leyla", other) is None
    # A window on another machine is never taken for dead.
    assert not lock_state.session_is_dead(f"elsewhere.example:{finished.stdout.strip()}:w")

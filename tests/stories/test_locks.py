"""Story locks, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest

from newsdesk.store.models import Article, Revision
from newsdesk.store.timestamps import utcnow
from newsdesk.stories import articles, locks


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db(request):
    name = "db" if request.param == "sqlite" else "pg_db"
    return request.getfixturevalue(name)


def test_second_user_sees_the_lock_and_cannot_take_it(any_db):
    story = articles.create_article({"headline": "Locked story"})
    assert locks.acquire(story.id, "leyla") is None
    blocking = locks.acquire(story.id, "rauf")
    assert blocking is not None and blocking.holder == "leyla"
    assert blocking.describe().startswith("being edited by leyla since ")
    assert locks.acquire(story.id, "leyla") is None  # re-entrant for the holder
    assert locks.locks_for([story.id])[story.id].holder == "leyla"


def test_release_and_heartbeat(any_db):
    story = articles.create_article({"headline": "Heartbeat"})
    locks.acquire(story.id, "leyla")
    assert locks.heartbeat(story.id, "leyla")
    assert not locks.heartbeat(story.id, "rauf")
    locks.release(story.id, "leyla")
    assert locks.current_lock(story.id) is None
    assert locks.acquire(story.id, "rauf") is None


def test_lock_of_a_silent_client_expires(any_db):
    story = articles.create_article({"headline": "Crashed client"})
    locks.acquire(story.id, "leyla")
    stale = utcnow() - locks.LOCK_TIMEOUT - locks.HEARTBEAT_INTERVAL
    Article.update(locked_at=stale).where(Article.id == story.id).execute()
    assert locks.current_lock(story.id) is None
    assert locks.acquire(story.id, "rauf") is None
    assert not locks.heartbeat(story.id, "leyla")


def test_take_over_keeps_the_previous_holders_work_as_a_revision(any_db):
    story = articles.create_article({"headline": "Take over", "body": "Leyla's text"})
    locks.acquire(story.id, "leyla")
    previous = locks.take_over(story.id, "rauf")
    assert previous is not None and previous.holder == "leyla"
    assert locks.current_lock(story.id).holder == "rauf"
    kept = Revision.select().where(Revision.article == story.id).order_by(Revision.id.desc()).get()
    assert kept.reason == "lock taken over from leyla"
    assert '"body": "Leyla\'s text"' in kept.snapshot
    assert not locks.heartbeat(story.id, "leyla")

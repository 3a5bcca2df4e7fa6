"""Two moderators on one database never decide the same review twice."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.moderation import reviews
from newsdesk.store.models import Review
from tests.ui.test_moderation_panel import key, panel, queue_ids  # noqa: F401 (fixture)


def colleague_decides(db, review_id: int, status: str) -> None:
    """Another newsdesk, on its own connection to the same file, decides a review."""
    with sqlite3.connect(db.database.database) as other:
        other.execute("UPDATE review SET status = ? WHERE id = ?", (status, review_id))


def test_decision_applies_only_to_reviews_still_as_seen(demo_db):
    pending = [r.id for r in Review.select().where(Review.status == "pending").limit(3)]
    colleague_decides(demo_db, pending[1], "spam")
    group = reviews.decide(pending, "approved", seen_status="pending")
    assert group.stale == [pending[1]]
    assert group.review_ids == [pending[0], pending[2]]
    assert Review.get_by_id(pending[1]).status == "spam"  # the colleague's decision stands
    reviews.undo(group)
    assert [Review.get_by_id(i).status for i in pending] == ["pending", "spam", "pending"]


def test_without_seen_status_scripts_decide_regardless(demo_db):
    review = Review.select().where(Review.status == "pending").first()
    colleague_decides(demo_db, review.id, "spam")
    group = reviews.decide([review.id], "rejected")
    assert group.stale == [] and Review.get_by_id(review.id).status == "rejected"


def test_panel_tells_the_moderator_and_refreshes(panel, qtbot, demo_db):  # noqa: F811
    first = panel.current_review_id()
    colleague_decides(demo_db, first, "approved")
    messages = []
    panel.message.connect(messages.append)
    key(qtbot, panel, "R")
    assert Review.get_by_id(first).status == "approved"  # not overwritten with "rejected"
    assert messages[-1] == ("1 review was already decided by someone else meanwhile; "
                            "the queue is refreshed")
    assert first not in queue_ids(panel)
    assert panel.history.undo() is None  # nothing was done, so nothing to undo


def test_a_locked_database_is_a_message_and_nothing_is_lost(panel, qtbot,  # noqa: F811
                                                          demo_db):
    """Another program holds the write lock past the busy wait: the window says so in
    one line, decides nothing, and the undo stack keeps what it had."""
    demo_db.database.execute_sql("PRAGMA busy_timeout = 100")  # the 5 s wait, shortened
    first = panel.current_review_id()
    key(qtbot, panel, "A")
    decided = panel.current_review_id()
    messages = []
    panel.message.connect(messages.append)
    other = sqlite3.connect(demo_db.database.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        key(qtbot, panel, "R")
        assert messages[-1].startswith("Nothing was decided: ")
        assert "the database is locked by another program" in messages[-1]
        key(qtbot, panel, "Z")
        assert messages[-1].startswith("Nothing was undone: ")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert Review.get_by_id(decided).status == "pending" and panel.current_review_id() == decided
    key(qtbot, panel, "Z")  # the lock is gone: the undo kept on the stack works now
    assert Review.get_by_id(first).status == "pending"
    assert messages[-1].startswith("Undone: ")


@pytest.mark.postgres
def test_two_connections_on_postgres(pg_db):
    import psycopg2

    from newsdesk.sample import load_sample_content

    load_sample_content()
    pending = [r.id for r in Review.select().where(Review.status == "pending").limit(2)]
    params = dict(pg_db.database.connect_params, dbname=pg_db.database.database)
    other = psycopg2.connect(**params)
    with other, other.cursor() as cursor:
        cursor.execute("UPDATE review SET status = 'rejected' WHERE id = %s", (pending[0],))
    other.close()
    group = reviews.decide(pending, "approved", seen_status="pending")
    assert group.stale == [pending[0]] and group.review_ids == [pending[1]]
    assert Review.get_by_id(pending[0]).status == "rejected"

"""Pending review counts kept by triggers match the reviews, and the list sorts by them."""

from __future__ import annotations

import pytest

from newsdesk import search
from newsdesk.moderation import reviews
from newsdesk.search import Filters, Sort
from newsdesk.store.models import Article, Review, database_proxy
from newsdesk.stories import articles
from tests.review_helpers import make_stories, record


def _kept() -> dict[int, int]:
    return dict(database_proxy.execute_sql(
        "SELECT article_id, pending FROM review_pending").fetchall())


def _counted() -> dict[int, int]:
    counts = {a.id: 0 for a in Article.select(Article.id)}
    for review in Review.select().where(Review.status == "pending"):
        counts[review.article_id] += 1
    return counts


def _every_way_reviews_change() -> None:
    stories = make_stories()
    records = [record(f"r{n}", text=f"Review number {n} with its own words.",
                      article=list(stories)[n % 2], submitted=f"2023-03-{10 + n:02d}T10:00:00Z")
               for n in range(8)]
    reviews.import_records([reviews.ReviewRecord(r, 1) for r in records], source="t")
    assert _kept() == _counted()
    ids = [r.id for r in Review.select().order_by(Review.id)]
    group = reviews.decide(ids[:3], "approved")
    assert _kept() == _counted()
    reviews.undo(group)
    assert _kept() == _counted()
    Review.delete().where(Review.id == ids[4]).execute()  # a script deleting one
    Review.update(article=stories["flood-relief"]).where(Review.id == ids[5]).execute()
    assert _kept() == _counted()
    newcomer = articles.create_article({"headline": "New", "body": "Text."})
    assert _kept()[newcomer.id] == 0
    Article.delete().where(Article.id == stories["budget-approved"]).execute()
    assert _kept() == _counted()


def _sorted_by_pending_matches_the_counts() -> None:
    counted = _counted()
    rows = search.backend().page(Filters(), Sort("pending_reviews", True)).rows
    shown = [(row[search.PENDING], row[search.ID]) for row in rows]
    assert shown == sorted(((counted[i], i) for i in counted), reverse=True)


def test_counts_follow_every_change_on_sqlite(db):
    _every_way_reviews_change()
    _sorted_by_pending_matches_the_counts()


@pytest.mark.postgres
def test_counts_follow_every_change_on_postgresql(pg_db):
    _every_way_reviews_change()
    _sorted_by_pending_matches_the_counts()


def test_an_old_database_gets_its_counts_on_migrating(db):
    from newsdesk.store import review_counts

    make_stories()
    reviews.import_records([reviews.ReviewRecord(record("r1"), 1)], source="t")
    database_proxy.execute_sql("DELETE FROM review_pending")  # as before migration 8
    review_counts.install(database_proxy.obj)
    assert _kept() == _counted() and sum(_kept().values()) == 1

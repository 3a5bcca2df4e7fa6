"""Rows removed in a replica and the rows that take their numbers after them (SQLite
numbers a new row after the highest there is): each is sent as what it is, and a removed
row's pairing never names another row. On a real PostgreSQL (NEWSDESK_TEST_PG_URL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.store.db import open_database
from newsdesk.store.models import Article, ArticleTag
from newsdesk.stories.articles import create_article, empty_trash, get_article, move_to_trash
from newsdesk.sync.binding import using
from tests.sync.sync_helpers import (
    relations,
    run_sync,
    sides,
    tag_offline,
    untag_offline,
)

pytestmark = pytest.mark.postgres


def delete_for_good(copy, story_id: int) -> None:
    with using(copy):
        move_to_trash([story_id])
        assert empty_trash() == 1


def test_a_tag_removed_and_another_added_offline_both_reach_the_server(newsroom,
                                                                       tmp_path: Path):
    """The new tag takes the removed one's number (SQLite numbers after the highest):
    still one removal and one new tag to send, not a relation change of the removed
    one."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        highest = ArticleTag.select().order_by(ArticleTag.id.desc()).first()
        removed_name, relation = highest.entity.name, highest.relation
        story_slug = highest.article.slug
    untag_offline(copy, story_slug, removed_name)
    tag_offline(copy, "flood-relief", "Rauf Mammadov", relation)
    with using(copy):
        assert ArticleTag.select(ArticleTag.id).order_by(ArticleTag.id.desc()).scalar() == (
            highest.id)  # the number came back

    report = run_sync(newsroom, replica)
    assert report.tags == 2
    server = open_database(newsroom)
    assert removed_name not in relations(server, story_slug)
    assert relations(server, "flood-relief") == {"Rauf Mammadov": relation}
    server.close()
    copy.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


def test_a_story_deleted_for_good_and_another_made_offline_leave_the_servers_alone(
        newsroom, tmp_path: Path):
    """The new story takes the deleted one's number: it is sent as a story of its own,
    and the server's copy of the deleted one is neither changed nor brought back."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        highest = Article.select().order_by(Article.id.desc()).first()
        gone_uuid, gone_headline = highest.uuid, highest.headline
        move_to_trash([highest.id])
        assert empty_trash() == 1
        made = create_article({"headline": "Bridge reopens in Ganja", "body": "Traffic."},
                              slug="bridge")
        assert made.id == highest.id  # the number came back

    report = run_sync(newsroom, replica)
    assert report.created == ["Bridge reopens in Ganja"] and not report.pushed
    server = open_database(newsroom)
    with using(server):
        assert Article.get(Article.uuid == gone_uuid).headline == gone_headline
    server.close()
    run_sync(newsroom, replica)
    with using(copy):
        assert not Article.select().where(Article.uuid == gone_uuid).exists()
        assert get_article("bridge").uuid == made.uuid
    copy.close()


def test_two_stories_deleted_for_good_under_one_number_both_stay_deleted(
        newsroom, tmp_path: Path):
    """A pulled story deleted for good here, a story made here that takes its number,
    sent, and deleted for good too: neither comes back (each removed row's pairing has a
    mark of its own)."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        first = Article.select().order_by(Article.id.desc()).first()
    delete_for_good(copy, first.id)
    with using(copy):
        made = create_article({"headline": "Bridge reopens in Ganja", "body": "Traffic."},
                              slug="bridge")
        assert made.id == first.id
    run_sync(newsroom, replica)
    with using(copy):
        again = get_article("bridge")
    delete_for_good(copy, again.id)
    run_sync(newsroom, replica)
    run_sync(newsroom, replica)
    with using(copy):
        assert not Article.select().where(Article.uuid.in_([first.uuid, made.uuid])).exists()
    copy.close()

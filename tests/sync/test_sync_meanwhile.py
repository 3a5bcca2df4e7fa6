"""What the user changes in the replica while a sync runs, after its push has read the
replica: a tag's relation changed or a tag removed, a story made here deleted for good.
The pull must not undo it (the server's rows it brings are what the push sent, or older),
and the next sync sends it. On a real PostgreSQL (NEWSDESK_TEST_PG_URL)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.store.db import open_database
from newsdesk.store.models import Article
from newsdesk.store.opened import OpenedDatabase
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

UNION = "Press Freedom Union"


def once_the_story_is_sent(slug_of: Callable[[], str], action: Callable[[], None]
                           ) -> tuple[Callable[[str], None], list[str]]:
    """A sync checkpoint that runs ``action`` once, right after the push sent the story
    (its tags go with it); and the list that says it ran."""
    ran: list[str] = []

    def checkpoint(label: str) -> None:
        if not ran and label == f"story {slug_of()}":
            ran.append(label)
            action()
    return checkpoint, ran


def uuid_of(copy: OpenedDatabase, slug: str) -> Callable[[], str]:
    with using(copy):
        uuid = get_article(slug).uuid
    return lambda: uuid


@pytest.mark.parametrize(("slug", "first", "again"), [
    ("flood-relief", "about", "located"),  # a tag added here, not on the server yet
    ("media-law", "about", "located"),  # the server's tag ("mentioned") changed here
], ids=["added here", "pulled"])
def test_a_tag_changed_again_while_the_sync_sent_it_keeps_the_newer_relation(
        newsroom, tmp_path: Path, slug: str, first: str, again: str):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    tag_offline(copy, slug, UNION, first)
    checkpoint, ran = once_the_story_is_sent(
        uuid_of(copy, slug), lambda: tag_offline(copy, slug, UNION, again))

    run_sync(newsroom, replica, checkpoint=checkpoint)
    assert ran
    assert relations(copy, slug)[UNION] == again  # not the pulled copy of what was sent
    second = run_sync(newsroom, replica)
    assert second.tags == 1
    assert relations(open_database(newsroom), slug)[UNION] == again
    copy.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


@pytest.mark.parametrize("slug", ["flood-relief", "media-law"], ids=["added here", "pulled"])
def test_a_tag_removed_while_the_sync_sent_it_stays_removed(newsroom, tmp_path: Path,
                                                            slug: str):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    tag_offline(copy, slug, UNION, "about")
    checkpoint, ran = once_the_story_is_sent(
        uuid_of(copy, slug), lambda: untag_offline(copy, slug, UNION))

    run_sync(newsroom, replica, checkpoint=checkpoint)
    assert ran
    assert UNION not in relations(copy, slug)  # not brought back by the pull
    second = run_sync(newsroom, replica)
    assert second.tags == 1
    assert UNION not in relations(open_database(newsroom), slug)
    copy.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


def test_a_tag_removed_while_a_sync_runs_is_removed_on_the_server_by_the_next(
        newsroom, tmp_path: Path):
    """A tag the push did not send (unchanged since the pull), removed here while the
    sync runs: the next sync still sends the removal."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    tag_offline(copy, "flood-relief", UNION, "about")  # something for the push to send
    checkpoint, ran = once_the_story_is_sent(
        uuid_of(copy, "flood-relief"),
        lambda: untag_offline(copy, "media-law", "Rauf Mammadov"))

    run_sync(newsroom, replica, checkpoint=checkpoint)
    assert ran
    second = run_sync(newsroom, replica)
    assert second.tags == 1
    assert "Rauf Mammadov" not in relations(open_database(newsroom), "media-law")
    copy.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


def test_a_story_made_here_and_deleted_for_good_while_the_sync_sent_it_stays_deleted(
        newsroom, tmp_path: Path):
    """As a story deleted for good here is never deleted on the server, one made here,
    sent, and deleted for good here while the sync ran stays on the server; the pull must
    not bring it back into the replica."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        story = create_article({"headline": "Bridge reopens in Ganja", "body": "Traffic."},
                               slug="bridge")
        uuid = story.uuid

    def delete_for_good() -> None:
        with using(copy):
            move_to_trash([story.id])
            assert empty_trash() == 1

    checkpoint, ran = once_the_story_is_sent(lambda: uuid, delete_for_good)
    first = run_sync(newsroom, replica, checkpoint=checkpoint)
    assert ran and first.created == ["Bridge reopens in Ganja"]
    with using(copy):
        assert not Article.select().where(Article.uuid == uuid).exists()
    run_sync(newsroom, replica)
    with using(copy):
        assert not Article.select().where(Article.uuid == uuid).exists()
    copy.close()
    server = open_database(newsroom)
    with using(server):
        assert Article.select().where(Article.uuid == uuid).exists()
    server.close()


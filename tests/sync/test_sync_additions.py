"""Dictionary words, translation links, pictures and revisions made offline on one laptop reach the
team server and, from there, a second laptop; a rerun sends nothing twice (a real
PostgreSQL: NEWSDESK_TEST_PG_URL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdesk.cli import main
from newsdesk.spelling.newsroom import add_word
from newsdesk.store.db import open_database
from newsdesk.store.models import Article, NewsroomWord, Picture, PictureBlob
from newsdesk.stories import pictures
from newsdesk.stories.articles import get_article, save_article
from newsdesk.stories.translations import link, make_translation, unlink
from newsdesk.sync.binding import using
from newsdesk.sync.push import SENT_NOTE
from newsdesk.sync.server_read import ReplicaView, read_changes
from tests.picture_helpers import jpeg, png
from tests.sync.sync_helpers import build_newsroom, newsroom_view, run_sync

pytestmark = pytest.mark.postgres


@pytest.fixture
def laptops(pg_url, tmp_path):
    """The newsroom on the server, pulled in full by two laptops."""
    build_newsroom(pg_url, tmp_path)
    first, second = tmp_path / "laptop.sqlite3", tmp_path / "other.sqlite3"
    run_sync(pg_url, first, keep_all=True)
    run_sync(pg_url, second, keep_all=True)
    return pg_url, first, second


def views(url: str, *replicas: Path) -> list[dict]:
    found = []
    for target in (url, *map(str, replicas)):
        opened = open_database(target)
        try:
            found.append(newsroom_view(opened))
        finally:
            opened.close()
    return found


def second_laptop_agrees(url: str, laptop: Path, other: Path) -> dict:
    """The second laptop synced; the server's view, which both laptops hold."""
    run_sync(url, other)
    on_server, first, second = views(url, laptop, other)
    assert first == on_server and second == on_server
    return on_server


def story(view: dict, slug: str) -> dict:
    return next(s for s in view["stories"].values() if s["slug"] == slug)


def server_counts(url: str) -> dict[str, int]:
    opened = open_database(url)
    try:
        with using(opened):
            return {"word": NewsroomWord.select().count(), "picture": Picture.select().count(),
                    "blob": PictureBlob.select().count(), "story": Article.select().count()}
    finally:
        opened.close()


def offline(replica: Path):
    return using(open_database(str(replica)))


def test_dictionary_words_added_offline_reach_the_second_laptop(laptops, capsys):
    url, laptop, other = laptops
    with offline(laptop) as copy:
        assert add_word("Sabirabad", "en", added_by="aysel")
        assert add_word("Mingəçevir", "", added_by="aysel")
    copy.close()
    assert main(["sync", "--db", url, "--replica", str(laptop)]) == 0
    assert "and 2 dictionary words, 0 translation links, 0 pictures, 0 revisions" in capsys.readouterr().out
    before = server_counts(url)
    assert before["word"] == 3
    assert run_sync(url, laptop).words == 0  # a rerun doubles nothing
    on_server = second_laptop_agrees(url, laptop, other)
    assert ("sabirabad", "en", "aysel") in on_server["words"]
    assert server_counts(url) == before


def test_translation_links_made_offline_reach_the_second_laptop(laptops):
    url, laptop, other = laptops
    with offline(laptop) as copy:
        link(["media-law", "flood-relief"])  # en + az
        made = make_translation(get_article("ceasefire").id, "ru")  # a new story, linked
        made_uuid = made.uuid
    copy.close()
    report = run_sync(url, laptop)
    assert report.groups == 4 and len(report.created) == 1 and not report.refused
    assert run_sync(url, laptop).groups == 0
    on_server = second_laptop_agrees(url, laptop, other)
    groups = {s["slug"]: s["translation_group"] for s in on_server["stories"].values()}
    assert groups["media-law"] and groups["media-law"] == groups["flood-relief"]
    assert groups["ceasefire"] == on_server["stories"][made_uuid]["translation_group"]
    assert groups["ceasefire"] != groups["media-law"]
    # Undone on the second laptop: it comes back to the first through the server.
    with offline(other) as copy:
        unlink("flood-relief")
    copy.close()
    assert run_sync(url, other).groups == 1
    run_sync(url, laptop)
    on_server, first, second = views(url, laptop, other)
    assert first == on_server and second == on_server
    by_slug = {s["slug"]: s for s in on_server["stories"].values()}
    assert by_slug["flood-relief"]["translation_group"] is None
    assert by_slug["media-law"]["translation_group"] == groups["media-law"]


def test_a_link_changed_on_the_server_meanwhile_keeps_the_servers(laptops):
    url, laptop, _other = laptops
    with offline(laptop) as copy:
        link(["media-law", "flood-relief"])
    copy.close()
    server = open_database(url)
    with using(server):
        link(["flood-relief", "ceasefire"], group="the-desks-own")  # az + en
    server.close()
    report = run_sync(url, laptop)
    assert report.refused == ["translation link of Flood relief reaches Sabirabad: changed "
                              "on the server meanwhile (the server's kept)"]
    assert report.groups == 0  # the link is sent whole or not at all
    on_server, first = views(url, laptop)
    assert first == on_server
    groups = {s["slug"]: s["translation_group"] for s in on_server["stories"].values()}
    assert groups == {"media-law": None, "flood-relief": "the-desks-own",
                      "ceasefire": "the-desks-own"}
    again = run_sync(url, laptop)
    assert again.groups == 0 and not again.refused


def test_pictures_added_offline_reach_the_second_laptop_with_their_files(laptops):
    url, laptop, other = laptops
    with offline(laptop) as copy:
        law = get_article("media-law").id
        pictures.add_picture(law, jpeg(), "hall.jpg", caption="The hall", credit="Turan",
                             alt="The Milli Majlis hall")
        pictures.add_picture(law, png(), "chart.png", caption="The vote", alt="A chart")
        # The same file in a second story is stored once.
        pictures.add_picture(get_article("ceasefire").id, png(), "chart.png", alt="A chart")
    copy.close()
    report = run_sync(url, laptop)
    assert report.pictures == 3 and not report.refused
    assert server_counts(url)["picture"] == 3 and server_counts(url)["blob"] == 2
    before = server_counts(url)
    assert run_sync(url, laptop).pictures == 0
    on_server = second_laptop_agrees(url, laptop, other)
    law_pictures = story(on_server, "media-law")["pictures"]
    assert {p[6] for p in law_pictures} == {"The hall", "The vote"}
    assert [p[9] for p in sorted(law_pictures, key=lambda p: p[5])] == [True, False]  # lead
    assert all(len(p[4]) > 100 for p in law_pictures)  # the files' bytes
    assert server_counts(url) == before


def test_revisions_saved_offline_reach_the_server_and_the_second_laptop(laptops, capsys):
    url, laptop, other = laptops
    bodies = ("Aid is on its way.", "Aid arrived on Thursday.",
              "Aid arrived in Sabirabad on Thursday.")
    with offline(laptop) as copy:
        flood = get_article("flood-relief")
        for body in bodies:
            flood = save_article(flood.id, {"body": body}, expected_version=flood.version,
                                 revision=True, reason="save", author="kamran")
    copy.close()
    assert main(["sync", "--db", url, "--replica", str(laptop)]) == 0
    # The last save is the revision the push makes: the two before it go as they were.
    assert "0 pictures, 2 revisions" in capsys.readouterr().out
    assert run_sync(url, laptop).revisions == 0
    on_server = second_laptop_agrees(url, laptop, other)
    history = story(on_server, "flood-relief")["revisions"]
    offline_saves = [r for r in history if r[6] == "kamran" and r[5] != SENT_NOTE]
    assert [json.loads(r[4])["body"] for r in sorted(offline_saves)] == list(bodies[:2])
    sent = [r for r in history if r[5] == SENT_NOTE]
    assert len(sent) == 1 and json.loads(sent[0][4])["body"] == bodies[2]


def additions_offline(replica: Path) -> None:
    """A word, a link, a picture and two saves, all made offline."""
    with offline(replica) as copy:
        add_word("Sabirabad", "en", added_by="aysel")
        link(["media-law", "flood-relief"])
        pictures.add_picture(get_article("media-law").id, jpeg(), "hall.jpg", alt="The hall")
        flood = get_article("flood-relief")
        for body in ("Aid is on its way.", "Aid arrived on Thursday."):
            flood = save_article(flood.id, {"body": body}, expected_version=flood.version,
                                 revision=True, reason="save", author="kamran")
    copy.close()


# What each step is: the story, then the word, the link, the picture, the revisions, then
# the pull's chunks.
STEPS = ["story", "word", "group", "picture", "revisions", "pulled", "pulled"]


@pytest.mark.parametrize("steps", range(1, len(STEPS) + 1))
def test_a_sync_of_additions_stopped_at_any_step_and_run_again_ends_the_same(laptops, steps):
    url, laptop, other = laptops
    additions_offline(laptop)
    seen: list[str] = []

    def checkpoint(label: str) -> None:
        seen.append(label)
        if len(seen) == steps:
            raise Stopped(label)

    with pytest.raises(Stopped):
        run_sync(url, laptop, checkpoint=checkpoint)
    run_sync(url, laptop)
    again = run_sync(url, laptop)
    assert (again.words, again.groups, again.pictures, again.revisions) == (0, 0, 0, 0)
    on_server = second_laptop_agrees(url, laptop, other)
    assert server_counts(url) == {"word": 2, "picture": 1, "blob": 1, "story": 3}
    flood = story(on_server, "flood-relief")
    # The first save; the second is the revision the push made.
    assert [json.loads(r[4])["body"] for r in flood["revisions"]
            if r[6] == "kamran"] == ["Aid is on its way."]
    assert len([r for r in flood["revisions"] if r[5] == SENT_NOTE]) == 1
    assert seen[-1].split()[0] in STEPS[steps - 1]


class Stopped(Exception):
    """A sync cut short."""


def test_a_picture_file_the_laptop_has_is_not_read_back_from_the_server(laptops):
    """A file sent from the laptop comes back as its SHA-256 only (files are up to 40 MB
    each, over a press room's Wi-Fi); a laptop without it gets the bytes."""
    url, laptop, _other = laptops
    with offline(laptop) as copy:
        pictures.add_picture(get_article("media-law").id, jpeg(), "hall.jpg", alt="The hall")
    copy.close()
    run_sync(url, laptop)
    server = open_database(url)
    with using(server):
        (sha256,) = PictureBlob.select(PictureBlob.sha256).tuples().get()
        everything = {"last_seq": 0, "open_xids": [], "full_articles": set(), "reviews": set(),
                      "blobs": set(), "keep_all": True, "keep": set(), "local_only": set()}
        with server.database.atomic():
            has_it = read_changes(ReplicaView(**everything, blob_files={sha256}))
        with server.database.atomic():
            lacks_it = read_changes(ReplicaView(**everything, blob_files=set()))
    server.close()
    [read_back] = has_it.blobs.values()
    assert read_back["sha256"] == sha256 and "data" not in read_back
    [sent] = lacks_it.blobs.values()
    assert sent["sha256"] == sha256 and bytes(sent["data"]) == jpeg()


def test_a_replica_pulled_before_links_were_sent_never_undoes_a_colleagues_unlinking(laptops):
    """Groups as pulled were not kept before links were sent: such a replica takes its
    groups as pulled, so a link a colleague undid meanwhile is not sent back."""
    url, laptop, _other = laptops
    server = open_database(url)
    with using(server):
        link(["media-law", "flood-relief"], group="budget-story")
    server.close()
    run_sync(url, laptop)
    copy = open_database(str(laptop))  # as a replica of the earlier newsdesk would be
    copy.database.execute_sql("DELETE FROM sync_row WHERE table_name = 'article_group'")
    copy.database.execute_sql("DELETE FROM sync_state WHERE key IN ('groups_kept', "
                              "'stamp_seen')")
    copy.close()
    server = open_database(url)
    with using(server):
        unlink("flood-relief")
    server.close()
    report = run_sync(url, laptop)
    assert report.groups == 0 and not report.refused
    on_server, first = views(url, laptop)
    assert first == on_server
    assert story(on_server, "flood-relief")["translation_group"] is None
    assert story(on_server, "media-law")["translation_group"] == "budget-story"


def test_a_linked_story_deleted_for_good_offline_lends_its_link_to_no_new_story(laptops):
    """The story made after it takes its number (SQLite numbers after the highest): it is
    sent without a link, and the server's link of the deleted one stays as it is."""
    from newsdesk.store.models import SyncRow
    from newsdesk.stories.articles import create_article, empty_trash, move_to_trash
    from newsdesk.sync.bookkeeping import GROUP_TABLE

    url, laptop, _other = laptops
    server = open_database(url)
    with using(server):
        link(["flood-relief", "ceasefire"], group="the-desks-own")  # az + en
    server.close()
    run_sync(url, laptop)
    with offline(laptop) as copy:
        highest = Article.select().order_by(Article.id.desc()).first()
        assert highest.translation_group == "the-desks-own"
        move_to_trash([highest.id])
        assert empty_trash() == 1
        made = create_article({"headline": "Bridge reopens in Ganja", "body": "Traffic."},
                              slug="bridge")
        assert made.id == highest.id  # the number came back
    copy.close()
    report = run_sync(url, laptop)
    assert report.created == ["Bridge reopens in Ganja"]
    assert report.groups == 0 and not report.refused
    on_server = views(url)[0]
    groups = {s["slug"]: s["translation_group"] for s in on_server["stories"].values()}
    assert groups["flood-relief"] == groups["ceasefire"] == "the-desks-own"
    assert groups["bridge"] is None
    with offline(laptop) as copy:
        assert SyncRow.select().where((SyncRow.table_name == GROUP_TABLE)
                                      & (SyncRow.local_id == made.id)).count() == 0
    copy.close()
    again = run_sync(url, laptop)
    assert again.groups == 0 and not again.refused and not again.created

"""Offline replicas of the team server, on a real PostgreSQL (NEWSDESK_TEST_PG_URL):
pull, work offline through the command line and the services, push, conflicts both
ways, a sync stopped at every step and run again, two laptops on one story."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdesk.cli import main
from newsdesk.people.registry import (
    create_entity,
    find_by_name,
    merge_entities,
    tag_article,
    untag_article,
)
from newsdesk.store.db import open_database
from newsdesk.store.models import Article, Entity, NeedsLook, Review, Revision
from newsdesk.stories.articles import create_article, get_article, save_article, set_status
from newsdesk.sync.binding import using
from newsdesk.sync.push import OFFLINE_EDIT, SENT_NOTE
from tests.sync.sync_helpers import counts, run_sync, sides

pytestmark = pytest.mark.postgres

WIRE = """Court frees two journalists

Baku/16.03.23/Turan: The Baku Court of Appeal freed two journalists on Wednesday.

The union welcomed the ruling. -07/12K-
"""


def edit_offline(replica: Path, tmp_path: Path) -> None:
    """What an editor does on the train: through the command line (a wire story
    imported, a review decided) and the story services (an edit, a status move, tags)."""
    wire = tmp_path / "court.txt"
    wire.write_text(WIRE, encoding="utf-8")
    assert main(["import", str(wire), "--db", str(replica)]) == 0
    copy = open_database(str(replica))
    with using(copy):
        flood = get_article("flood-relief")
        save_article(flood.id, {"body": "Aid arrived in Sabirabad on Thursday."},
                     expected_version=flood.version, revision=True, reason="save")
        ceasefire = get_article("ceasefire")
        set_status(ceasefire.id, "edited")
        law = get_article("media-law")
        untag_article(law.id, find_by_name("Press Freedom Union").id)
        tag_article(law.id, create_entity("person", "Leyla Yunus").id, "mentioned")
        tag_article(ceasefire.id, find_by_name("Rauf Mammadov").id, "about")
        spam_id = Review.get(Review.external_id == "r-2").id
    copy.close()
    assert main(["reviews", "decide", "spam", str(spam_id), "--db", str(replica)]) == 0


def test_pull_copies_every_field_of_the_newsroom(newsroom, tmp_path, capsys):
    replica = tmp_path / "laptop.sqlite3"
    code = main(["sync", "--db", newsroom, "--replica", str(replica), "--keep-all"])
    out = capsys.readouterr().out
    assert code == 0
    assert "pulled: " in out and "3 article" in out and "conflicts left for a person: 0" in out
    on_server, offline = sides(newsroom, replica)
    assert len(on_server["stories"]) == 3 and on_server["entities"]
    law = next(s for s in on_server["stories"].values() if s["slug"] == "media-law")
    assert len(law["tags"]) == 2 and len(law["revisions"]) == 2 and len(law["reviews"]) == 2
    assert any(review[-1] for review in law["reviews"])  # the spam is flagged
    assert offline == on_server
    again = run_sync(newsroom, replica)
    assert again.pulled == {} and not again.created and not again.pushed


def test_header_only_until_a_story_is_kept(newsroom, tmp_path):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica)
    server = open_database(newsroom)
    with using(server):
        uuids = {a.slug: a.uuid for a in Article.select()}
    server.close()
    on_server, offline = sides(newsroom, replica, header_only=set(uuids.values()))
    assert offline == on_server  # every story's header
    copy = open_database(str(replica))
    with using(copy):
        law = get_article("media-law")
        assert law.body == "" and not list(law.tags) and not list(law.reviews)
    copy.close()
    report = run_sync(newsroom, replica, keep=["media-law"])
    assert report.pulled["article"] == 1 and report.pulled["article_tag"] == 2
    others = {uuid for slug, uuid in uuids.items() if slug != "media-law"}
    on_server, offline = sides(newsroom, replica, header_only=others)
    assert offline == on_server
    assert on_server["stories"][uuids["media-law"]]["body"].startswith("The Milli Majlis")


def test_offline_work_is_sent_and_both_sides_agree(newsroom, tmp_path, capsys):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    edit_offline(replica, tmp_path)
    code = main(["sync", "--db", newsroom, "--replica", str(replica)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "pushed: 1 new stories, 2 edits, 4 tag changes, 1 review decisions" in out
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    by_slug = {s["slug"]: s for s in on_server["stories"].values()}
    assert "court-frees-two-journalists" in by_slug
    assert by_slug["flood-relief"]["body"] == "Aid arrived in Sabirabad on Thursday."
    assert by_slug["ceasefire"]["status"] == "edited"
    assert ("person", "Leyla Yunus", "mentioned") in by_slug["media-law"]["tags"]
    assert ("organisation", "Press Freedom Union", "mentioned") not in by_slug["media-law"]["tags"]
    assert ("person", "Rauf Mammadov", "about") in by_slug["ceasefire"]["tags"]
    spam = next(r for r in by_slug["media-law"]["reviews"] if r[0] == "r-2")
    assert spam[4] == "spam"
    assert any(rev[5] == SENT_NOTE for rev in by_slug["flood-relief"]["revisions"])
    before = counts(open_database(newsroom))
    again = run_sync(newsroom, replica)
    assert not (again.created or again.pushed or again.conflicts) and again.tags == 0
    assert counts(open_database(newsroom)) == before


def test_a_story_changed_on_both_sides_keeps_the_servers_version(newsroom, tmp_path, capsys):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    server = open_database(newsroom)
    with using(server):
        flood = get_article("flood-relief")
        save_article(flood.id, {"body": "Colleague's version."}, expected_version=flood.version)
    server.close()
    copy = open_database(str(replica))
    with using(copy):
        flood = get_article("flood-relief")
        save_article(flood.id, {"body": "Laptop's version."}, expected_version=flood.version)
    copy.close()
    code = main(["sync", "--db", newsroom, "--replica", str(replica)])
    out = capsys.readouterr().out
    assert code == 3, out
    assert "conflict (server version kept" in out and "Flood relief reaches Sabirabad" in out
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    story = next(s for s in on_server["stories"].values() if s["slug"] == "flood-relief")
    assert story["body"] == "Colleague's version."
    offline_edits = [r for r in story["revisions"] if r[1] == OFFLINE_EDIT]
    assert len(offline_edits) == 1
    assert json.loads(offline_edits[0][4])["body"] == "Laptop's version."
    server = open_database(newsroom)
    with using(server):
        assert NeedsLook.select().count() == 1
        look = NeedsLook.get()
        assert look.article.slug == "flood-relief" and look.revision.reason == OFFLINE_EDIT
        assert look.resolved_at is None
    server.close()
    # Still waiting for a person: the next sync says so, and records nothing twice.
    assert main(["sync", "--db", newsroom, "--replica", str(replica)]) == 3
    assert counts(open_database(newsroom))["offline_edit"] == 1
    capsys.readouterr()
    assert main(["show", "flood-relief", "--json", "--db", newsroom]) == 0
    looks = json.loads(capsys.readouterr().out)["needs_look"]
    assert [look["revision"] for look in looks] == [offline_edits_id(newsroom)]
    assert main(["sync", "--db", newsroom, "--replica", str(replica),
                 "--looked", "flood-relief"]) == 0
    capsys.readouterr()
    assert main(["show", "flood-relief", "--json", "--db", newsroom]) == 0
    assert json.loads(capsys.readouterr().out)["needs_look"] == []


def offline_edits_id(url: str) -> int:
    server = open_database(url)
    with using(server):
        found = Revision.get(Revision.reason == OFFLINE_EDIT).id
    server.close()
    return found


def test_review_decided_on_both_sides_keeps_the_servers_decision(newsroom, tmp_path):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    server = open_database(newsroom)
    with using(server):
        server_id = Review.get(Review.external_id == "r-1").id
    server.close()
    assert main(["reviews", "decide", "reject", str(server_id), "--db", newsroom]) == 0
    copy = open_database(str(replica))
    with using(copy):
        local_ids = {r.external_id: r.id for r in Review.select()}
    copy.close()
    assert main(["reviews", "decide", "approve", str(local_ids["r-1"]), str(local_ids["r-3"]),
                 "--db", str(replica)]) == 0
    report = run_sync(newsroom, replica)
    assert report.decisions == 1
    assert report.stale_decisions == ["r-1: now rejected on the server"]
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    server = open_database(newsroom)
    with using(server):
        assert Review.get(Review.external_id == "r-1").status == "rejected"
        assert Review.get(Review.external_id == "r-3").status == "approved"
    server.close()


def test_a_decision_undone_here_while_the_sync_sent_it_stays_undone(newsroom, tmp_path):
    """The moderator approves a review offline, and undoes it from the keyboard while the
    sync that sends the approval runs: the pulled approval must not write over the undo,
    and the next sync undoes it on the server too."""
    from newsdesk.moderation.reviews import decide, undo

    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        local_id = Review.get(Review.external_id == "r-3").id
        approval = decide([local_id], "approved", moderator="Leyla")
    meanwhile: list[str] = []

    def undo_meanwhile(label: str) -> None:
        if label == "review r-3" and not meanwhile:
            meanwhile.append(label)
            with using(copy):
                undo(approval)

    first = run_sync(newsroom, replica, checkpoint=undo_meanwhile)
    assert first.decisions == 1 and meanwhile
    with using(copy):
        assert Review.get_by_id(local_id).status == "pending"
    second = run_sync(newsroom, replica)
    assert second.decisions == 1 and not second.stale_decisions
    copy.close()
    server = open_database(newsroom)
    with using(server):
        assert Review.get(Review.external_id == "r-3").status == "pending"
    server.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


def test_server_side_changes_and_deletions_reach_the_replica(newsroom, tmp_path):
    from newsdesk.store.models import ModerationRule, NewsroomWord
    from newsdesk.stories.pictures import add_picture
    from tests.picture_helpers import jpeg

    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    server = open_database(newsroom)
    with using(server):
        law = get_article("media-law")
        add_picture(law.id, jpeg(), "majlis.jpg", caption="The Majlis", credit="Turan",
                    alt="The parliament building")
        NewsroomWord.create(word="Sabirabad", language="az")
        ModerationRule.delete().where(ModerationRule.value == "casino").execute()
    server.close()
    report = run_sync(newsroom, replica)
    assert report.pulled["picture"] == 1 and report.removed["moderation_rule"] == 1
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    law_view = next(s for s in offline["stories"].values() if s["slug"] == "media-law")
    assert law_view["pictures"][0][6:9] == ("The Majlis", "Turan", "The parliament building")
    assert ("Sabirabad", "az", "") in offline["words"] and offline["rules"] == []
    server = open_database(newsroom)
    with using(server):
        law = get_article("media-law")
        untag_article(law.id, find_by_name("Rauf Mammadov").id)
        Article.update(deleted_at=Article.created_at).where(Article.slug == "ceasefire").execute()
        Article.delete().where(Article.slug == "flood-relief").execute()
    server.close()
    report = run_sync(newsroom, replica)
    assert report.removed["article"] == 1 and report.removed["article_tag"] == 1
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    assert len(offline["stories"]) == 2  # the trashed story stays, marked deleted


def test_two_laptops_on_one_story(newsroom, tmp_path):
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    run_sync(newsroom, first, keep_all=True)
    run_sync(newsroom, second, keep_all=True)
    for laptop, body in ((first, "First laptop's text."), (second, "Second laptop's text.")):
        copy = open_database(str(laptop))
        with using(copy):
            law = get_article("media-law")
            save_article(law.id, {"body": body}, expected_version=law.version)
            tag_article(law.id, create_entity("person", "Arif Aliyev").id, "about")
        copy.close()
    assert not run_sync(newsroom, first).conflicts
    second_report = run_sync(newsroom, second)
    assert second_report.conflicts == ["Parliament passes amended media law"]
    assert second_report.open_conflicts == 1
    run_sync(newsroom, first)
    on_server, first_view = sides(newsroom, first)
    _, second_view = sides(newsroom, second)
    assert first_view == on_server == second_view
    law = next(s for s in on_server["stories"].values() if s["slug"] == "media-law")
    assert law["body"] == "First laptop's text."
    assert [r for r in law["tags"] if r[1] == "Arif Aliyev"] == [("person", "Arif Aliyev",
                                                                 "about")]
    assert [e for e in on_server["entities"] if e[1] == "Arif Aliyev"] != []
    assert len([e for e in on_server["entities"] if e[1] == "Arif Aliyev"]) == 1
    assert [json.loads(r[4])["body"] for r in law["revisions"]
            if r[1] == OFFLINE_EDIT] == ["Second laptop's text."]


class Stop(Exception):
    """A sync cut short (the laptop lid closed, the train entered a tunnel)."""


def stop_after(steps: int) -> tuple[list[str], object]:
    seen: list[str] = []

    def checkpoint(label: str) -> None:
        seen.append(label)
        if len(seen) == steps:
            raise Stop(label)
    return seen, checkpoint


def prepare_offline_work(url: str, replica: Path, tmp_path: Path) -> None:
    run_sync(url, replica, keep_all=True)
    edit_offline(replica, tmp_path)
    server = open_database(url)
    with using(server):  # a colleague edits a story the laptop edited too
        flood = get_article("flood-relief")
        save_article(flood.id, {"headline": "Aid reaches Sabirabad"},
                     expected_version=flood.version)
    server.close()


@pytest.mark.parametrize("steps", range(1, 12))
def test_a_sync_stopped_at_any_step_and_run_again_ends_the_same(newsroom, tmp_path, steps):
    replica = tmp_path / "laptop.sqlite3"
    prepare_offline_work(newsroom, replica, tmp_path)
    seen, checkpoint = stop_after(steps)
    with pytest.raises(Stop):
        run_sync(newsroom, replica, checkpoint=checkpoint)
    report = run_sync(newsroom, replica)
    assert report.open_conflicts == 1
    final = run_sync(newsroom, replica)
    assert not (final.created or final.pushed) and final.tags == 0
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    server = open_database(newsroom)
    # Revisions: 2 of the law, the ceasefire's first and the one its push made, the
    # flood story's first and the laptop's offline edit, the court story's (sent as new).
    assert counts(server) == {"article": 4, "revision": 7, "tag": 4, "entity": 4,
                              "review": 3, "flag": counts(server)["flag"],
                              "needs_look": 1, "offline_edit": 1}
    server.close()
    assert seen[-1]  # stopped at a step of the sync: [story ..., tag ..., pulled ...]


def test_revisions_written_offline_give_way_to_the_servers_history(newsroom, tmp_path):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        flood = get_article("flood-relief")
        for text in ("One.", "Two."):
            flood = save_article(flood.id, {"body": text}, expected_version=flood.version,
                                 revision=True, reason="save")
    copy.close()
    run_sync(newsroom, replica)
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    server = open_database(newsroom)
    with using(server):
        flood = get_article("flood-relief")
        assert Revision.select().where((Revision.article == flood.id)
                                       & (Revision.note == SENT_NOTE)).count() == 1
    server.close()


def test_sync_needs_the_team_server(tmp_path, capsys):
    assert main(["sync", "--db", str(tmp_path / "x.sqlite3"), "--replica",
                 str(tmp_path / "r.sqlite3")]) == 1
    assert "give --db postgresql://" in capsys.readouterr().err


def test_change_numbers_follow_every_writer_but_not_the_edit_lock(pg_db):
    from newsdesk.store.models import SyncChange

    story = create_article({"headline": "Numbered", "body": "Text"})

    def number() -> int:
        return SyncChange.get((SyncChange.table_name == "article")
                              & (SyncChange.row_id == story.id)).seq

    first = number()
    Article.update(locked_by="aysel", lock_session="s1").where(Article.id == story.id).execute()
    assert number() == first  # a lock or its heartbeat is not news to a replica
    pg_db.database.execute_sql("UPDATE article SET body = 'By a script' WHERE id = %s",
                               (story.id,))
    assert number() > first
    Article.delete().where(Article.id == story.id).execute()
    gone = SyncChange.get((SyncChange.table_name == "article") & (SyncChange.row_id == story.id))
    assert gone.deleted and gone.seq > first


@pytest.mark.parametrize(("where", "steps"), [("step", 1), ("step", 4), ("step", 8),
                                              ("pairing", 1), ("pairing", 3),
                                              ("server-revision", 1), ("server-revision", 2)])
def test_a_sync_process_killed_mid_transaction_and_run_again_ends_the_same(
        newsroom, tmp_path, where, steps):
    import signal
    import subprocess
    import sys

    from tests.conftest import REPO_ROOT

    replica = tmp_path / "laptop.sqlite3"
    prepare_offline_work(newsroom, replica, tmp_path)
    killed = subprocess.run(
        [sys.executable, str(REPO_ROOT / "tests" / "sync" / "killed_sync.py"), newsroom,
         str(replica), where, str(steps)],
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)}, capture_output=True, text=True,
        timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert main(["sync", "--db", newsroom, "--replica", str(replica)]) == 3
    final = run_sync(newsroom, replica)
    assert not (final.created or final.pushed) and final.tags == 0
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    server = open_database(newsroom)
    assert counts(server) == {"article": 4, "revision": 7, "tag": 4, "entity": 4,
                              "review": 3, "flag": counts(server)["flag"],
                              "needs_look": 1, "offline_edit": 1}
    server.close()


def test_a_story_held_by_its_header_sends_only_its_header(newsroom, tmp_path):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica)
    copy = open_database(str(replica))
    with using(copy):
        law = get_article("media-law")
        assert law.body == ""
        save_article(law.id, {"headline": "Media law passed", "urgency": 2},
                     expected_version=law.version)
    copy.close()
    report = run_sync(newsroom, replica)
    assert report.pushed == ["Media law passed"] and not report.conflicts
    server = open_database(newsroom)
    with using(server):
        law = get_article("media-law")
        assert (law.headline, law.urgency) == ("Media law passed", 2)
        assert law.body == "The Milli Majlis adopted the amended law on Tuesday."
    server.close()


def test_a_story_trashed_offline_is_trashed_on_the_server(newsroom, tmp_path):
    from newsdesk.stories.articles import move_to_trash

    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica)  # held by its header: a header change all the same
    copy = open_database(str(replica))
    with using(copy):
        assert move_to_trash([get_article("ceasefire").id]) == 1
    copy.close()
    assert run_sync(newsroom, replica).pushed == ["Ceasefire talks resume"]
    server = open_database(newsroom)
    with using(server):
        assert get_article("ceasefire", include_deleted=True).deleted_at is not None
    server.close()


def test_published_offline_goes_to_the_server_unpublished(newsroom, tmp_path):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        set_status(get_article("media-law").id, "ready")
        set_status(get_article("media-law").id, "published")
    copy.close()
    report = run_sync(newsroom, replica)
    assert report.refused == ["Parliament passes amended media law: published offline; "
                              "publish it on the server (sent unpublished)"]
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    law = next(s for s in on_server["stories"].values() if s["slug"] == "media-law")
    assert law["status"] == "ready" and law["published_at"] is None


def test_a_change_committed_after_a_pull_with_a_lower_number_is_not_missed(newsroom,
                                                                           tmp_path):
    import psycopg2

    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    slow = psycopg2.connect(newsroom)  # a colleague's long transaction
    cursor = slow.cursor()
    cursor.execute("UPDATE article SET body = 'Slow colleague.' WHERE slug = 'ceasefire'")
    fast = psycopg2.connect(newsroom)
    fast.autocommit = True
    fast.cursor().execute("UPDATE article SET body = 'Fast colleague.' WHERE slug = 'flood-relief'")
    fast.close()
    first = run_sync(newsroom, replica)  # sees the fast change, numbered after the slow one
    assert first.pulled == {"article": 1}
    slow.commit()
    slow.close()
    second = run_sync(newsroom, replica)
    assert second.pulled == {"article": 1}
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
    bodies = {story["slug"]: story["body"] for story in offline["stories"].values()}
    assert bodies["ceasefire"] == "Slow colleague." and bodies["flood-relief"] == "Fast colleague."


def test_a_story_deleted_for_good_offline_stays_on_the_server_with_its_tags(newsroom,
                                                                           tmp_path):
    from newsdesk.stories.articles import empty_trash, move_to_trash

    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        move_to_trash([get_article("media-law").id])
        assert empty_trash() == 1
    copy.close()
    before = counts(open_database(newsroom))
    report = run_sync(newsroom, replica)
    assert report.tags == 0 and not report.pushed
    assert counts(open_database(newsroom)) == before


def test_text_typed_into_a_story_held_by_its_header_reaches_the_server_as_an_offline_edit(
        newsroom, tmp_path):
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica)
    copy = open_database(str(replica))
    with using(copy):
        law = get_article("media-law")
        save_article(law.id, {"body": "Typed on the train."}, expected_version=law.version)
    copy.close()
    report = run_sync(newsroom, replica)
    assert report.conflicts == ["Parliament passes amended media law"]
    assert report.open_conflicts == 1
    server = open_database(newsroom)
    with using(server):
        law = get_article("media-law")
        assert law.body == "The Milli Majlis adopted the amended law on Tuesday."
        offline = Revision.get(Revision.reason == OFFLINE_EDIT)
        assert json.loads(offline.snapshot)["body"] == "Typed on the train."
    server.close()
    again = run_sync(newsroom, replica)
    assert not again.conflicts and counts(open_database(newsroom))["offline_edit"] == 1


def test_a_replica_is_named_after_its_server_and_serves_no_other(newsroom, tmp_path, capsys):
    import os as os_module

    from newsdesk.sync.run import default_replica_path

    path = default_replica_path("postgresql://aysel:secret@db.example:5433/newsroom")
    assert path.name == "db.example-5433-newsroom.sqlite3" and "secret" not in str(path)
    assert path.parent.parent == Path(os_module.environ["XDG_DATA_HOME"]) / "newsdesk"
    own = tmp_path / "own.sqlite3"
    wire = tmp_path / "court.txt"
    wire.write_text(WIRE, encoding="utf-8")
    assert main(["import", str(wire), "--db", str(own)]) == 0
    capsys.readouterr()
    assert main(["sync", "--db", newsroom, "--replica", str(own)]) == 1
    assert "not a replica (it has stories of its own)" in capsys.readouterr().err
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica)
    other_url = newsroom + "_other"  # a second server
    admin = psycopg2_admin()
    admin.cursor().execute(f"CREATE DATABASE {other_url.rsplit('/', 1)[1]}")
    try:
        capsys.readouterr()
        assert main(["sync", "--db", other_url, "--replica", str(replica)]) == 1
        assert "this replica belongs to another server" in capsys.readouterr().err
    finally:
        from newsdesk.store.models import database_proxy

        database_proxy.obj.close()
        admin.cursor().execute(f"DROP DATABASE {other_url.rsplit('/', 1)[1]} WITH (FORCE)")
        admin.close()


def psycopg2_admin():
    import psycopg2

    admin = psycopg2.connect(os.environ["NEWSDESK_TEST_PG_URL"])
    admin.autocommit = True
    return admin


def test_a_story_edited_while_a_sync_runs_is_sent_by_the_next_one(newsroom, tmp_path):
    """A sync looks only at the stories written since the last one read the replica (by
    their export stamps): an edit made during a sync, after that read, is still sent."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))

    def edit(slug: str, body: str) -> None:
        with using(copy):
            story = get_article(slug)
            save_article(story.id, {"body": body}, expected_version=story.version,
                         revision=True, reason="save")

    edit("flood-relief", "Aid arrived in Sabirabad on Thursday.")
    meanwhile: list[str] = []

    def edit_meanwhile(label: str) -> None:
        if not meanwhile:  # after the flood story went to the server
            meanwhile.append(label)
            edit("ceasefire", "Talks resumed in Geneva.")

    first = run_sync(newsroom, replica, checkpoint=edit_meanwhile)
    assert first.pushed == ["Flood relief reaches Sabirabad"] and meanwhile
    second = run_sync(newsroom, replica)
    assert second.pushed == ["Ceasefire talks resume"]
    assert not run_sync(newsroom, replica).pushed
    copy.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


def test_a_story_saved_again_after_the_push_sent_it_keeps_the_newer_text(newsroom,
                                                                         tmp_path):
    """The editor's autosave lands while the sync runs, after the push sent the story:
    the server's copy of what was sent must not replace the newer text in the replica
    (the window went back to the server without the user's last sentence), and the next
    sync sends it as an ordinary edit, with no conflict to look at."""
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))

    def edit(body: str) -> None:
        with using(copy):
            story = get_article("flood-relief")
            save_article(story.id, {"body": body}, expected_version=story.version,
                         revision=True, reason="autosave")

    edit("Aid arrived. Schools reopen Monday.")
    meanwhile: list[str] = []

    def edit_meanwhile(label: str) -> None:
        if label.startswith("story ") and not meanwhile:  # the flood story was sent
            meanwhile.append(label)
            edit("Aid arrived. Schools reopen Monday. Power is back.")

    first = run_sync(newsroom, replica, checkpoint=edit_meanwhile)
    assert first.pushed == ["Flood relief reaches Sabirabad"] and meanwhile
    with using(copy):
        assert get_article("flood-relief").body.endswith("Power is back.")
    second = run_sync(newsroom, replica)
    assert second.pushed == ["Flood relief reaches Sabirabad"] and not second.conflicts
    assert not run_sync(newsroom, replica).pushed
    copy.close()
    server = open_database(newsroom)
    with using(server):
        assert get_article("flood-relief").body == (
            "Aid arrived. Schools reopen Monday. Power is back.")
        assert not NeedsLook.select().exists()
    server.close()
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server


def test_a_person_merged_into_one_made_after_it_keeps_the_link_in_the_replica(newsroom,
                                                                               tmp_path):
    """The merged person comes before the one it was merged into (a lower number), in the
    same chunk of the pull: the link is made once both are here."""
    server = open_database(newsroom)
    with using(server):
        merged = create_entity("person", "R. Mamedov")
        kept = create_entity("person", "Rauf Mamedov-Aliyev")
        merge_entities(merged.id, kept.id)
    server.close()
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        link = {e.name: (e.merged_into.name if e.merged_into else None)
                for e in Entity.select()}
    copy.close()
    assert link["R. Mamedov"] == "Rauf Mamedov-Aliyev"
    on_server, offline = sides(newsroom, replica)
    assert offline == on_server
def test_colleagues_locks_are_kept_as_bookkeeping_not_as_story_data(newsroom, tmp_path):
    """A pull records who holds which story on the server (with the replica's ids), in
    the replica's bookkeeping; the replica's stories carry no lock, and nothing of the
    lock is pushed back. A lock released on the server is gone at the next pull."""
    from newsdesk.stories import locks
    from newsdesk.sync.pulled_locks import pulled_locks

    server = open_database(newsroom)
    with using(server):
        flood = get_article("flood-relief")
        assert locks.acquire(flood.id, "rashad", "newsroom-pc:4242:window") is None
    server.close()
    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica, keep_all=True)
    copy = open_database(str(replica))
    with using(copy):
        local_flood = get_article("flood-relief").id
        held = pulled_locks()
        assert list(held) == [local_flood]
        assert (held[local_flood].holder, held[local_flood].session) == (
            "rashad", "newsroom-pc:4242:window")
        assert not Article.select().where(Article.locked_by.is_null(False)).exists()
    copy.close()
    assert run_sync(newsroom, replica).pushed == []  # the lock is not an edit
    server = open_database(newsroom)
    with using(server):
        locks.release(get_article("flood-relief").id, "newsroom-pc:4242:window")
    server.close()
    run_sync(newsroom, replica)
    copy = open_database(str(replica))
    with using(copy):
        assert pulled_locks() == {}
    copy.close()


@pytest.mark.parametrize("colleague_edits", [False, True], ids=["alone", "colleague-too"])
def test_a_story_taken_in_after_the_last_pull_is_paired_with_the_servers(
        newsroom, tmp_path, colleague_edits):
    """A window that goes offline with a story the replica never pulled copies it in
    (``window_switch.take_in``): text typed into it then is a plain edit, unless the
    server's version moved meanwhile (then an offline edit, as for any pulled story)."""
    from newsdesk.sync.window_switch import take_in

    replica = tmp_path / "laptop.sqlite3"
    run_sync(newsroom, replica)
    server = open_database(newsroom)
    with using(server):
        filed = create_article({"headline": "Bridge reopens in Ganja",
                                "body": "The bridge reopened."}, slug="bridge")
    server.close()
    copy = open_database(str(replica))
    with using(copy):
        with copy.database.atomic():
            local = take_in(filed)
        taken = Article.get_by_id(local)
        save_article(local, {"body": "The bridge reopened. Buses run again."},
                     expected_version=taken.version, revision=True, reason="save")
    copy.close()
    if colleague_edits:
        server = open_database(newsroom)
        with using(server):
            save_article(filed.id, {"body": "The bridge reopened at noon."},
                         expected_version=filed.version, revision=True, reason="save")
        server.close()
    report = run_sync(newsroom, replica)
    server = open_database(newsroom)
    with using(server):
        body = get_article("bridge").body
        offline_edits = Revision.select().where((Revision.article == filed.id)
                                                & (Revision.reason == OFFLINE_EDIT))
        if colleague_edits:
            assert body == "The bridge reopened at noon."
            assert report.open_conflicts == 1 and NeedsLook.select().count() == 1
            assert [r.snapshot for r in offline_edits][0].count("Buses run again.") == 1
        else:
            assert body == "The bridge reopened. Buses run again."
            assert report.open_conflicts == 0 and not NeedsLook.select().exists()
            assert not offline_edits.exists()
    server.close()
    on_server, in_copy = sides(newsroom, replica)  # the story stays kept in full
    assert in_copy["stories"][filed.uuid] == on_server["stories"][filed.uuid]

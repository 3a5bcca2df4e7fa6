"""Embargoes: every export leaves out a story whose embargo has not passed, says how many
it held and until when, and publishes the story on the first export after the embargo
passes (time passing, not an edit, makes the difference)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from newsdesk.formats.outputs import export
from newsdesk.people import registry as entities
from newsdesk.publish.export import ExportOptions
from newsdesk.store.models import Setting
from newsdesk.stories import articles
from tests.publish_helpers import schema_errors

# 10:00 in Baku (UTC+4) on 5 April 2023, as stored (naive UTC).
EMBARGO = datetime(2023, 4, 5, 6, 0)
BEFORE, AFTER = datetime(2023, 4, 5, 5, 59), datetime(2023, 4, 5, 6, 1)


def _newsroom() -> tuple[articles.Article, articles.Article]:
    Setting.put("newsroom_time_zone", "Asia/Baku")
    person = entities.create_entity("person", "Rauf Mammadov")
    free = articles.create_article({"headline": "Parliament meets", "body": "Text one.",
                                    "status": "published"},
                                   created_at=datetime(2023, 4, 4, 9, 0))
    held = articles.create_article({"headline": "Central bank cuts rates",
                                    "body": "Text two.", "status": "ready",
                                    "embargo_until": EMBARGO},
                                   created_at=datetime(2023, 4, 4, 10, 0))
    for story in (free, held):
        entities.tag_article(story.id, person.id, "about")
    return free, held


def _site_text(out) -> str:
    return "\n".join(p.read_text() for p in out.rglob("*.html")) + \
        (out / "feed.atom").read_text() + (out / "feed.rss").read_text()


def _embargo_passes_between_two_site_exports(tmp_path) -> None:
    free, held = _newsroom()
    out = tmp_path / "site"
    first = export(ExportOptions(out=out, now=BEFORE))
    assert (out / "stories" / f"{free.slug}.html").is_file()
    assert not (out / "stories" / f"{held.slug}.html").exists()
    text = _site_text(out)
    assert "Central bank cuts rates" not in text  # not on the index, feeds, person page
    assert "Parliament meets" in text
    assert first.stories == 1 and first.held == [EMBARGO]
    assert "1 story held under embargo until 2023-04-05 10:00 Asia/Baku" in first.summary()

    # Nothing is edited: only time passes.
    second = export(ExportOptions(out=out, now=AFTER))
    assert second.held == [] and second.stories == 2
    assert "held" not in second.summary()
    page = (out / "stories" / f"{held.slug}.html").read_text()
    assert "Text two." in page
    person_pages = list((out / "people").glob("*.html"))
    assert person_pages and "Central bank cuts rates" in person_pages[0].read_text()
    assert "Central bank cuts rates" in (out / "index.html").read_text()
    assert "Central bank cuts rates" in (out / "feed.atom").read_text()

    # A third export at the same moment has nothing to do.
    third = export(ExportOptions(out=out, now=AFTER))
    assert third.written == 0 and third.skipped == 2


def test_site_export_holds_a_story_until_its_embargo_passes(db, tmp_path):
    _embargo_passes_between_two_site_exports(tmp_path)


@pytest.mark.postgres
def test_site_export_holds_a_story_until_its_embargo_passes_on_postgresql(pg_db, tmp_path):
    _embargo_passes_between_two_site_exports(tmp_path)


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_ninjs_export_holds_then_writes_embargoed(db, tmp_path, version):
    free, held = _newsroom()
    out = tmp_path / "ninjs"
    first = export(ExportOptions(out=out, format="ninjs", ninjs_version=version, now=BEFORE))
    assert sorted(p.name for p in out.glob("*.json")) == [f"{free.slug}.json"]
    assert len(first.held) == 1
    free_item = json.loads((out / f"{free.slug}.json").read_text())
    assert "embargoed" not in free_item and "embargoedUntil" not in free_item
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version, now=AFTER))
    item = json.loads((out / f"{held.slug}.json").read_text())
    name = "embargoed" if version == "2.1" else "embargoedUntil"
    assert item[name] == "2023-04-05T06:00:00Z"
    assert schema_errors(item, version) == []


def test_markdown_export_holds_then_writes_the_story(db, tmp_path):
    free, held = _newsroom()
    out = tmp_path / "md"
    first = export(ExportOptions(out=out, format="markdown", now=BEFORE))
    assert not (out / f"{held.slug}.md").exists() and (out / f"{free.slug}.md").is_file()
    assert "held under embargo" in first.summary()
    export(ExportOptions(out=out, format="markdown", now=AFTER))
    text = (out / f"{held.slug}.md").read_text()
    assert "embargo: 2023-04-05T06:00:00Z" in text


def test_several_held_stories_name_the_first_and_last_release(db, tmp_path):
    _newsroom()
    articles.create_article({"headline": "Later news", "body": "Text.", "status": "ready",
                             "embargo_until": datetime(2023, 4, 6, 8, 30)})
    result = export(ExportOptions(out=tmp_path / "site", now=BEFORE))
    assert ("2 stories held under embargo until 2023-04-05 10:00 Asia/Baku (the last until "
            "2023-04-06 12:30 Asia/Baku)") in result.summary()


def test_lifting_an_embargo_publishes_the_story_at_once(db, tmp_path):
    _free, held = _newsroom()
    out = tmp_path / "site"
    export(ExportOptions(out=out, now=BEFORE))
    saved = articles.save_article(held.id, {"embargo_until": None},
                                  expected_version=held.version)
    assert saved.embargo_until is None
    result = export(ExportOptions(out=out, now=BEFORE))
    assert result.held == [] and (out / "stories" / f"{held.slug}.html").is_file()


def test_embargo_is_stored_in_utc_from_any_zone_and_refuses_nonsense(db):
    story = articles.create_article({"headline": "x", "body": "y",
                                     "embargo_until": "2023-04-05T10:00:00+04:00"})
    assert story.embargo_until == EMBARGO
    assert articles.article_to_dict(story)["embargo_until"] == "2023-04-05T06:00:00Z"
    with pytest.raises(articles.UserError, match="not a time"):
        articles.save_article(story.id, {"embargo_until": "tomorrow"},
                              expected_version=story.version)


def _list_sorted_by_embargo() -> None:
    from newsdesk import search

    articles.create_article({"headline": "Late", "body": "x",
                             "embargo_until": datetime(2030, 1, 1)})
    articles.create_article({"headline": "Early", "body": "x",
                             "embargo_until": datetime(2029, 1, 1)})
    articles.create_article({"headline": "None", "body": "x"})
    backend = search.backend()
    page = backend.page(search.Filters(), search.Sort("embargo", descending=True), limit=2)
    assert [row[search.HEADLINE] for row in page.rows] == ["Late", "Early"]
    rest = backend.page(search.Filters(), search.Sort("embargo", descending=True),
                        after=page.next_after, limit=2)
    assert [row[search.HEADLINE] for row in rest.rows] == ["None"]
    assert search.row_to_dict(page.rows[0])["embargo_until"] == "2030-01-01T00:00:00Z"


def test_the_list_sorts_by_embargo(db):
    _list_sorted_by_embargo()


@pytest.mark.postgres
def test_the_list_sorts_by_embargo_on_postgresql(pg_db):
    _list_sorted_by_embargo()

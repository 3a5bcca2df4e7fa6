"""Re-exports that carry files over must end exactly where a fresh full export does.

A random newsroom is edited step by step in every way an export can see (bodies,
headlines, tags, people's names, merges, reviews, statuses, new and trashed stories);
after each step the same folder is re-exported incrementally and compared, file by file
and key by key, with a full export made from scratch.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta

import pytest

from newsdesk.errors import UserError
from newsdesk.formats.outputs import export
from newsdesk.moderation import reviews
from newsdesk.people import registry as entities
from newsdesk.publish.export import MANIFEST_NAME, ExportOptions
from newsdesk.store.models import Article, Review
from newsdesk.stories import articles, translations

STORIES = 24  # more than the News Line shows, so most edits leave it unchanged
PEOPLE = ["Ilham Aliyev", "Bakhtiyar Hajiyev", "Leyla Mammadova", "Ali Karimli",
          "Anar Mammadli", "Khadija Ismayilova"]
ORGANISATIONS = ["Milli Majlis", "Central Bank", "Musavat", "Turan"]


def _tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and p.name != MANIFEST_NAME}


def _keys(folder):
    return json.loads((folder / MANIFEST_NAME).read_text())["files"]


def _newsroom(rng: random.Random) -> None:
    people = [entities.create_entity("person", name) for name in PEOPLE]
    organisations = [entities.create_entity("organisation", name) for name in ORGANISATIONS]
    start = datetime(2023, 3, 1, 9, 0)
    for number in range(STORIES):
        story = articles.create_article({
            "headline": f"Story number {number}", "dateline_place": "Baku",
            "body": f"Paragraph one of story {number}.\n\nParagraph *two*.",
            "status": rng.choice(["ready", "published"])},
            created_at=start + timedelta(hours=number))
        for entity in rng.sample(people + organisations, rng.randint(0, 3)):
            entities.tag_article(story.id, entity.id, rng.choice(["about", "mentioned"]))
    records = [reviews.ReviewRecord({
        "id": f"r{n}", "article": Article.get_by_id(rng.randint(1, STORIES)).slug,
        "author": f"Reader {n}", "text": f"Review number {n}.",
        "submitted": "2023-03-15T10:00:00Z"}, n) for n in range(1, 31)]
    reviews.import_records(records, "test")


def _live_story(rng: random.Random) -> Article:
    return rng.choice(list(Article.select().where(Article.deleted_at.is_null())))


def _edit(rng: random.Random, step: int) -> str:
    """One random change an export would see; returns what it did (for the failure)."""
    action = rng.choice(["body", "body", "body", "headline", "tag", "untag", "rename",
                         "merge", "approve", "reject", "kill", "revive", "new", "trash",
                         "translate", "unlink"])
    story = _live_story(rng)
    if action == "body":
        articles.save_article(story.id, {"body": story.body + f"\n\nUpdate {step}."},
                              expected_version=story.version)
    elif action == "headline":
        articles.save_article(story.id, {"headline": f"{story.headline} ({step})"},
                              expected_version=story.version)
    elif action == "tag":
        entity = rng.choice(list(entities.Entity.select()
                                 .where(entities.Entity.merged_into.is_null())))
        entities.tag_article(story.id, entity.id, rng.choice(["about", "mentioned"]))
    elif action == "untag":
        tags = list(story.tags)
        if tags:
            entities.untag_article(story.id, rng.choice(tags).entity_id)
    elif action == "rename":
        entity = rng.choice(list(entities.Entity.select()))
        entities.update_entity(entity.id, name=f"{entity.name.split(' (')[0]} ({step})")
    elif action == "merge":
        live = list(entities.Entity.select().where(entities.Entity.merged_into.is_null()))
        if len(live) > 2:
            source, target = rng.sample(live, 2)
            entities.merge_entities(source.id, target.id)
    elif action in ("approve", "reject"):
        review = rng.choice(list(Review.select()))
        reviews.decide([review.id], "approved" if action == "approve" else "rejected")
    elif action == "kill":
        articles.set_status(story.id, "killed")
    elif action == "revive":
        killed = list(Article.select().where(Article.status == "killed"))
        if killed:
            revived = rng.choice(killed).id
            articles.set_status(revived, "draft")  # the only way back from killed
            articles.set_status(revived, "ready")
    elif action == "new":
        created = articles.create_article({
            "headline": f"Late story {step}", "dateline_place": "Ganja",
            "body": f"Filed at step {step}.", "status": "ready"},
            created_at=datetime(2023, 1, 1) + timedelta(days=step))  # old: below the line
        entities.tag_article(created.id, rng.choice(list(entities.Entity.select())).id)
    elif action == "trash":
        articles.move_to_trash([story.id])
    elif action == "translate":  # another story becomes this one's translation
        other = _live_story(rng)
        if other.id != story.id:
            language = rng.choice(["az", "ru", "tr"])
            Article.update(language=language).where(Article.id == other.id).execute()
            try:
                translations.link([story.id, other.id])
            except UserError:  # the group has a story in that language already
                pass
    elif action == "unlink":
        linked = list(Article.select().where(Article.translation_group.is_null(False)
                                             & Article.deleted_at.is_null()))
        if linked:
            translations.unlink(rng.choice(linked).id)
    return f"step {step}: {action} on {story.slug}"


def _count_carried(monkeypatch, format_class) -> list[int]:
    """How many files each plan of ``format_class`` carried over unplanned (so a test can
    tell the incremental path really ran, rather than a plan from scratch each time)."""
    counts: list[int] = []
    real = format_class.plan

    def plan(self, source):
        result = real(self, source)
        counts.append(len(result.carried))
        return result

    monkeypatch.setattr(format_class, "plan", plan)
    return counts


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_incremental_site_export_matches_a_full_one_after_every_change(db, tmp_path, seed,
                                                                       monkeypatch):
    from newsdesk.publish.site import SiteFormat

    carried = _count_carried(monkeypatch, SiteFormat)
    _edit_and_compare(tmp_path, seed)
    assert max(carried) > 0


@pytest.mark.postgres
def test_incremental_site_export_matches_a_full_one_on_postgresql(pg_db, tmp_path,
                                                                  monkeypatch):
    from newsdesk.publish.site import SiteFormat

    # The stamps are kept by PostgreSQL's own triggers there.
    carried = _count_carried(monkeypatch, SiteFormat)
    _edit_and_compare(tmp_path, 5)
    assert max(carried) > 0


@pytest.mark.parametrize("fmt", ["markdown", "ninjs"])
def test_incremental_per_story_formats_match_full_ones(db, tmp_path, fmt, monkeypatch):
    from newsdesk.formats.markdown_export import MarkdownFormat
    from newsdesk.formats.ninjs import NinjsFormat

    carried = _count_carried(monkeypatch, MarkdownFormat if fmt == "markdown" else NinjsFormat)
    rng = random.Random(13)
    _newsroom(rng)
    out = tmp_path / fmt
    export(ExportOptions(out=out, format=fmt))
    for step in range(1, 16):
        done = _edit(rng, step)
        export(ExportOptions(out=out, format=fmt))
        fresh = tmp_path / f"fresh-{step}"
        export(ExportOptions(out=fresh, format=fmt))
        assert _keys(out) == _keys(fresh), done
        assert _tree(out) == _tree(fresh), done
    assert max(carried) > 0


def _edit_and_compare(tmp_path, seed: int) -> None:
    rng = random.Random(seed)
    _newsroom(rng)
    out = tmp_path / "site"
    export(ExportOptions(out=out))
    for step in range(1, 31):
        done = _edit(rng, step)
        result = export(ExportOptions(out=out))
        fresh = tmp_path / f"fresh-{step}"
        export(ExportOptions(out=fresh))
        assert _keys(out) == _keys(fresh), done
        assert _tree(out) == _tree(fresh), done
        assert result.files_kept > 0, done


def test_unchanged_re_export_writes_nothing(db, tmp_path):
    _newsroom(random.Random(3))
    out = tmp_path / "site"
    first = export(ExportOptions(out=out))
    again = export(ExportOptions(out=out))
    assert again.files_written == 0 and again.files_kept == first.files_written
    assert again.skipped == again.stories

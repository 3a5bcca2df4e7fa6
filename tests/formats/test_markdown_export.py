"""Markdown with front matter: what generators read, and importing it back."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.formats.markdown_export import FOOTNOTE_MARKER, to_markdown
from newsdesk.formats.markdown_import import parse_markdown
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.stories import ExportStory, StoryTag
from newsdesk.store.db import open_database
from newsdesk.store.models import EDITABLE_FIELDS, Article, ArticleTag, Entity
from newsdesk.stories import articles
from tests.publish_helpers import story_snapshot

ALL = ("draft", "edited", "ready", "published", "killed")
# A line Pelican's Markdown reader (Python-Markdown's meta extension) takes as metadata.
PELICAN_LINE = re.compile(r"^[A-Za-z0-9_-]+:\s*(?P<value>.*)$")


def _front(path):
    text = path.read_text(encoding="utf-8")
    header = text.split("---\n")[1]
    return yaml.safe_load(header), header, text


def test_front_matter_has_what_generators_read(demo_db, tmp_path):
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown"))
    data, header, text = _front(out / "parliament-passes-amended-media-law.md")
    assert data["title"] == "Parliament passes amended media law"
    assert data["slug"] == "parliament-passes-amended-media-law"
    assert data["lang"] == data["language"] == "en"
    # Without the closing colon, which would need quotes that Pelican would show.
    assert "\ndateline: Baku/14.03.23/Turan\n" in header and data["desk_code"] == "05/11K"
    assert data["status"] == "published" and data["workflow"] == "published"
    assert data["category"] == data["section"] == "politics"
    assert data["categories"] == ["politics"]
    assert data["tags"] == data["people"] + data["organisations"] + data["places"]
    # The dateline's place, tagged on its own when the sample was stored.
    assert data["places"] == ["Baku"] and data["located"] == ["Baku"]
    assert "Rauf Mammadov" in data["people"] and "Milli Majlis" in data["organisations"]
    # Hugo needs RFC 3339; Pelican reads the raw "key: value" line, so it is unquoted.
    assert "\ndate: 2023-03-14T12:50:00Z\n" in "\n" + header
    assert FOOTNOTE_MARKER in text and text.rstrip().endswith("has not commented.")


def yaml_tags(header: str) -> list[str]:
    """The YAML tags written in ``header`` (``!!str``, ``!!python/...``): none, so every
    reader takes a value as the text it is. (Not a search for "!!": a story's own text
    may hold it, as its source "!!" did, written as the plain value "/!!".)"""
    return [event.tag for event in yaml.parse(header) if getattr(event, "tag", None)]


def test_every_front_matter_is_block_style_without_yaml_tags(demo_db, tmp_path):
    articles.create_article({"headline": "No one named", "body": "Text.",
                             "status": "ready"})
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown", statuses=ALL))
    untagged = (out / "no-one-named.md").read_text(encoding="utf-8")
    assert untagged.startswith("---\ntitle: No one named\n")
    for path in out.glob("*.md"):
        data, header, _ = _front(path)
        assert yaml_tags(header) == [], path.name
        # One "key: value" line each, as Pelican's reader needs (a "- item" line or a
        # one-line "{...}" mapping ends or hides its metadata).
        assert all(PELICAN_LINE.match(line) for line in header.splitlines()), path.name
        assert isinstance(data["date"], datetime) and data["date"].tzinfo is not None


def test_ready_story_is_published_for_generators(demo_db, tmp_path):
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown", statuses=("ready",)))
    for path in out.glob("*.md"):
        data, _, _ = _front(path)
        assert data["status"] == "published" and data["workflow"] == "ready"


def test_round_trip_through_markdown(demo_db, tmp_path):
    before = story_snapshot()
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown", statuses=ALL))
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files(sorted(out.glob("*.md")))
    assert story_snapshot() == before


# Every combination of dateline parts, and parts the printed form cannot tell apart.
DATELINES = [
    ("", date(2013, 7, 9), ""), ("", date(2021, 5, 26), "TT"), ("Oslo", None, ""),
    ("", None, "TT"), ("Oslo", None, "NTB"), ("Oslo", date(2021, 5, 26), ""),
    ("", None, ""), ("Bosnia/Herzegovina", None, ""), ("14.03.23", None, "NTB"),
    ("Baku", date(1999, 1, 31), "Turan"), (" Baku ", None, "Turan:"),
]


def _stored_newsroom() -> dict[str, dict]:
    """Every stored field of every story, by slug, with its tags and their relations."""
    tags: dict[int, list] = {}
    for tag in ArticleTag.select(ArticleTag, Entity).join(Entity):
        tags.setdefault(tag.article_id, []).append(
            (tag.entity.kind, tag.entity.name, tag.relation))
    return {story.slug: {**{name: getattr(story, name) for name in EDITABLE_FIELDS},
                         "uuid": story.uuid, "created_at": story.created_at,
                         "published_at": story.published_at,
                         "tags": sorted(tags.get(story.id, []))}
            for story in Article.select().where(Article.deleted_at.is_null())}


def test_the_demo_newsroom_comes_back_whole_from_its_markdown_export(demo_db, tmp_path):
    for story, (place, day, source) in zip(Article.select().order_by(Article.id), DATELINES,
                                           strict=False):
        articles.save_article(story.id, {"dateline_place": place, "dateline_date": day,
                                         "dateline_source": source},
                              expected_version=story.version)
    before = _stored_newsroom()
    assert {(s["dateline_place"], s["dateline_date"], s["dateline_source"])
            for s in before.values()} >= set(DATELINES)
    out = tmp_path / "md"
    export(ExportOptions(out=out, format="markdown", statuses=ALL))
    open_database(str(tmp_path / "empty.sqlite3"), create=True)
    importer.import_files(sorted(out.glob("*.md")))
    after = _stored_newsroom()
    assert after.keys() == before.keys()
    for slug, fields in before.items():
        assert after[slug] == fields, slug


@pytest.mark.parametrize("line, place, day, source", [
    ("dateline: '09.07.13:'", "", date(2013, 7, 9), ""),
    ("dateline: '26.05.21/TT:'", "", date(2021, 5, 26), "TT"),
    ("dateline: 'Baku/14.03.23/Turan:'", "Baku", date(2023, 3, 14), "Turan"),
    ("dateline: Oslo/NTB", "Oslo", None, "NTB"),
    ("dateline: /TT", "", None, "TT"),
])
def test_datelines_as_earlier_exports_wrote_them_import(db, tmp_path, line, place, day,
                                                         source):
    path = tmp_path / "old.md"
    path.write_text(f"---\ntitle: A story\n{line}\n---\n\nText.\n", encoding="utf-8")
    importer.import_files([path])
    story = Article.get()
    assert (story.dateline_place, story.dateline_date, story.dateline_source) == (
        place, day, source)


# Any text an editor may store (no NUL, no lone surrogates: no database stores them).
TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)
NAME = TEXT.map(str.strip).filter(bool)


# Seven texts of any Unicode per example: slow to draw on a busy CI machine.
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headline=NAME, section=TEXT.map(str.strip), byline=TEXT.map(str.strip),
       place=TEXT, day=st.one_of(st.none(), st.dates()), source=TEXT,
       people=st.lists(NAME, max_size=3, unique=True))
# A source that is all YAML tag marks, found by a CI run.
@example(headline="0", section="", byline="", place="", day=None, source="!!", people=[])
def test_any_story_front_matter_reads_back(headline, section, byline, place, day, source,
                                           people):
    moment = datetime(2024, 5, 1, 9, 30)
    story = ExportStory(
        1, "4d6f1b5e-9a52-4c32-9a1e-0f4f3c1d2b7a", "a-story", headline, place, day, source,
        "Body.", "", "01/01A", byline, section, "en", 5, "ready", moment, moment, None, 1,
        tags=[StoryTag(n, "person", name, "about") for n, name in enumerate(people)])
    text = to_markdown(story)
    header = text.split("\n---\n", 1)[0].removeprefix("---\n")
    assert yaml_tags(header) == []
    assert all(PELICAN_LINE.match(line) for line in header.splitlines())
    data = yaml.safe_load(header)
    assert data["title"] == headline and data.get("tags", []) == people
    fields = parse_markdown(text, "a-story.md")[0].fields
    assert (fields["headline"], fields["section"], fields["byline"]) == (
        headline, section, byline)
    assert (fields.get("dateline_place", ""), fields.get("dateline_date"),
            fields.get("dateline_source", "")) == (place, day, source)


def test_hugo_style_file_imports(db, tmp_path):
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: \"A post\"\ndate: 2024-05-01\ntags: [x]\n"
                    "draft: true\n---\n\nSome *text*.\n")
    story = importer.read_story_file(path)[0]
    assert story.fields["headline"] == "A post" and story.fields["status"] == "draft"
    assert story.fields["body"] == "Some *text*."


@pytest.mark.parametrize("text, line, words", [
    ("---\ntitle: A\ndate: [unclosed\n---\nBody\n", 4, ["broken front matter"]),
    ("---\ntitle: A\npeople: Rauf\n---\nBody\n", 3, ["people", "list of names"]),
    ("---\ntitle: A\nbody text without end\n", 1, ["not closed"]),
    ("Just text\n", 1, ["no front matter"]),
    ("---\n- a\n- b\n---\nBody\n", 2, ["key: value"]),
    ("---\ntitle: A\ndate: someday\n---\nBody\n", 3, ["date", "not a date"]),
    ("---\ntitle: A\nurgency: 12\n---\nBody\n", 3, ["urgency"]),
    ("---\ntitle: A\ndateline: 'Baku/31.02.23/Turan:'\n---\nBody\n", 3, ["dateline"]),
    ("---\nslug: a\n---\nBody\n", 2, ["no title"]),
])
def test_broken_front_matter_is_refused(db, tmp_path, text, line, words):
    path = tmp_path / "bad.md"
    path.write_text(text)
    with pytest.raises(UserError) as caught:
        importer.import_files([path])
    assert caught.value.message.startswith(f"{path}:{line}:"), caught.value.message
    for word in words:
        assert word in caught.value.message
    assert story_snapshot() == {}

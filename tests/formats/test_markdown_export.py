"""Markdown with front matter: what generators read, and importing it back."""

from __future__ import annotations

import pytest
import yaml

from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.formats.markdown_export import FOOTNOTE_MARKER
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.store.db import open_database
from tests.publish_helpers import story_snapshot

ALL = ("draft", "edited", "ready", "published", "killed")


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
    assert data["dateline"] == "Baku/14.03.23/Turan:" and data["desk_code"] == "05/11K"
    assert data["status"] == "published" and data["workflow"] == "published"
    assert "Rauf Mammadov" in data["people"] and "Milli Majlis" in data["organisations"]
    # Hugo needs RFC 3339; Pelican reads the raw "key: value" line, so it is unquoted.
    assert "\ndate: 2023-03-14T12:50:00Z\n" in "\n" + header
    # One line per key (Pelican's reader), lists in flow style.
    assert all(line and not line.startswith(" ") for line in header.splitlines())
    assert FOOTNOTE_MARKER in text and text.rstrip().endswith("has not commented.")


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

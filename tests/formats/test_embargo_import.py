"""Embargoes read on import: a wire's "EMBARGOED until ..." line and ninjs ``embargoed``
(2.x) / ``embargoedUntil`` (3.x); ``show --json`` prints what was stored."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from newsdesk.formats.wirecopy import WireCopyError, parse_wire_copy

WIRE = """\
EMBARGOED until 10:00 Baku time 05.04.23

Central bank cuts rates

Baku/05.04.23/Turan: The Central Bank cut its refinancing rate to 8.5 percent.

Embargo on grain exports stays, the bank added. -05/11K-
"""


def test_wire_copy_embargo_line_is_read_in_its_zone_and_left_out_of_the_story():
    story = parse_wire_copy(WIRE)
    assert story.embargo_until == datetime(2023, 4, 5, 6, 0)  # Baku is UTC+4
    assert story.headline == "Central bank cuts rates"
    assert "EMBARGOED" not in story.body
    assert "Embargo on grain exports stays" in story.body  # a sentence, not a notice


@pytest.mark.parametrize(("line", "expected"), [
    ("EMBARGOED until 10:00 Moscow time 05.04.2023", datetime(2023, 4, 5, 7, 0)),
    ("EMBARGO: 23.30 GMT 31.12.23", datetime(2023, 12, 31, 23, 30)),
    ("Embargoed until 09:15 New York time 01.07.23", datetime(2023, 7, 1, 13, 15)),
])
def test_other_ways_agencies_write_the_embargo(line, expected):
    story = parse_wire_copy(f"Headline here\n\n{line}\n\nBaku/05.04.23/Turan: Text.\n")
    assert story.embargo_until == expected
    assert line not in story.body


@pytest.mark.parametrize(("line", "reason"), [
    ("EMBARGOED until 10:00 Atlantis time 05.04.23", "unknown time zone 'Atlantis'"),
    ("EMBARGOED until 25:00 Baku time 05.04.23", "not a time"),
    ("EMBARGOED until further notice", "not 'EMBARGOED until HH:MM"),
])
def test_a_bad_embargo_line_is_refused_naming_its_line(line, reason):
    with pytest.raises(WireCopyError, match=reason) as caught:
        parse_wire_copy(f"Headline here\n\n{line}\n\nBaku/05.04.23/Turan: Text.\n")
    assert caught.value.line == 3


def test_cli_imports_the_wire_embargo_and_show_json_prints_it(cli, tmp_path):
    database = tmp_path / "news.sqlite3"
    story = tmp_path / "story.txt"
    story.write_text(WIRE, encoding="utf-8")
    assert cli("import", str(story), "--db", str(database)).returncode == 0
    shown = cli("show", "central-bank-cuts-rates", "--json", "--db", str(database))
    assert json.loads(shown.stdout)["embargo_until"] == "2023-04-05T06:00:00Z"
    listed = json.loads(cli("list", "--json", "--db", str(database)).stdout)
    assert listed[0]["embargo_until"] == "2023-04-05T06:00:00Z"
    plain = cli("show", "central-bank-cuts-rates", "--db", str(database)).stdout
    assert "EMBARGOED until 2023-04-05T06:00:00Z" in plain


def test_cli_export_summary_names_the_held_story(cli, tmp_path):
    database = tmp_path / "news.sqlite3"
    story = tmp_path / "story.txt"
    story.write_text(WIRE.replace("05.04.23", "05.04.99", 1), encoding="utf-8")
    assert cli("import", str(story), "--db", str(database)).returncode == 0
    from newsdesk.store.db import open_database
    from newsdesk.stories import articles

    opened = open_database(str(database))
    try:
        article = articles.get_article("central-bank-cuts-rates")
        articles.set_status(article.id, "edited")
        articles.set_status(article.id, "ready")
    finally:
        opened.close()
    result = cli("export", "--out", str(tmp_path / "site"), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert "exported 0 stories" in result.stdout
    assert "1 story held under embargo until 2099-04-05 06:00 UTC" in result.stdout


@pytest.mark.parametrize(("version", "name"), [("2.1", "embargoed"), ("3.1", "embargoedUntil")])
def test_ninjs_import_reads_embargoed(db, tmp_path, version, name):
    from newsdesk.formats.importer import import_stories, read_story_file
    from newsdesk.stories import articles

    item = {"uri": "urn:agency:1", "standard": {"name": "ninjs", "version": version},
            name: "2023-04-05T10:00:00+04:00",
            "headlines": [{"role": "main", "value": "Rates cut"}],
            "bodies": [{"role": "main", "contentType": "text/plain", "value": "Text."}]
            if version == "3.1" else [{"role": "main", "contenttype": "text/plain",
                                        "value": "Text."}]}
    path = tmp_path / "item.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    import_stories(read_story_file(path, "ninjs"))
    assert articles.get_article("rates-cut").embargo_until == datetime(2023, 4, 5, 6, 0)


def test_markdown_import_reads_the_embargo_back(db, tmp_path):
    from newsdesk.formats.importer import import_stories, read_story_file
    from newsdesk.stories import articles

    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Rates cut\nembargo: 2023-04-05T06:00:00Z\n---\n\nText.\n",
                    encoding="utf-8")
    import_stories(read_story_file(path, "markdown"))
    assert articles.get_article("rates-cut").embargo_until == datetime(2023, 4, 5, 6, 0)

"""ninjs: every file written validates against the IPTC schema; agencies' files import."""

from __future__ import annotations

import json
import shutil

import pytest

from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.store.db import open_database
from tests.publish_helpers import NINJS_EXAMPLES, schema_errors, story_snapshot


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_every_ninjs_file_is_valid(demo_db, tmp_path, version):
    out = tmp_path / "ninjs"
    result = export(ExportOptions(out=out, format="ninjs", ninjs_version=version,
                                  statuses=("draft", "edited", "ready", "published",
                                            "killed")))
    files = sorted(out.glob("*.json"))
    assert len(files) == result.stories > 10
    for path in files:
        item = json.loads(path.read_text(encoding="utf-8"))
        assert schema_errors(item, version) == [], path.name
        assert item["standard"]["version"] == version


def test_ninjs_mapping(demo_db, tmp_path):
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs"))
    item = json.loads((out / "parliament-passes-amended-media-law.json").read_text())
    assert item["headlines"] == [{"role": "main", "value": "Parliament passes amended media law"}]
    html = next(b for b in item["bodies"] if b["contenttype"] == "text/html")
    assert html["role"] == "main" and "<strong>register of journalists</strong>" in html["value"]
    assert html["wordcount"] > 100 and html["charcount"] > 500
    assert item["by"] == "Aysel Nuriyeva"
    assert item["located"] == "Baku" and item["copyrightholder"] == "Turan"
    assert item["slugline"] == "parliament-passes-amended-media-law"
    assert item["pubstatus"] == "usable" and item["urgency"] == 2
    assert item["firstcreated"].endswith("Z") and item["versioncreated"].endswith("Z")
    assert {"role": "deskcode", "value": "05/11K"} in item["altids"]
    people = {p["name"]: p for p in item["people"]}
    assert people["Rauf Mammadov"]["rel"] == "about"
    assert people["Bakhtiyar Aliyev"]["rel"] == "mentioned"
    assert all("uri" in p or "literal" in p for p in item["people"] + item["organisations"])


def test_killed_story_is_canceled_in_3_1(demo_db, tmp_path):
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version="3.1", statuses=("killed",)))
    items = [json.loads(p.read_text()) for p in out.glob("*.json")]
    assert items and all(i["pubStatus"] == "canceled" for i in items)
    assert all("versionCreated" in i and "altIds" in i for i in items)


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_round_trip_through_ninjs(demo_db, tmp_path, version):
    before = story_snapshot()
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version,
                         statuses=("draft", "edited", "ready", "published", "killed")))
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files(sorted(out.glob("*.json")))
    assert story_snapshot() == before


@pytest.mark.parametrize("name, headline", [
    ("ninjsExSimpleText_2.json", "Captain of wrecked cruise ship on trial in Italy"),
    ("ninjsExSimpleText_3.json", "Captain of wrecked cruise ship on trial in Italy"),
    ("dpa_text.json", "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?"),
    ("ntb_text.json", "Google har kjøpt giganttomt i Skien"),
    ("tt_text_image_2.json", "Militärövning i jätteformat hålls 2023"),
])
def test_agency_examples_import(db, tmp_path, name, headline):
    path = tmp_path / name
    shutil.copy(NINJS_EXAMPLES / name, path)
    stories = importer.read_story_file(path)
    assert [s.fields["headline"] for s in stories] == [headline]
    assert stories[0].fields["body"].strip()
    assert "<" not in stories[0].fields["body"]  # HTML became Markdown
    ids = importer.store_stories(stories)
    assert len(ids) == 1


def test_examples_html_body_becomes_markdown(db, tmp_path):
    path = tmp_path / "simple.json"
    shutil.copy(NINJS_EXAMPLES / "ninjsExSimpleText_2.json", path)
    story = importer.read_story_file(path)[0]
    assert story.fields["body"].startswith("GROSSETO, Italy (AP)")
    assert story.fields["byline"] == "Paulo Santalucia and Frances d'Emilio"


def test_ninjs_1x_imports(db, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({
        "uri": "urn:example:1", "type": "text", "versioncreated": "2014-01-02T10:00:00Z",
        "headline": "Old style item", "byline": "Wire desk", "located": "Ganja",
        "body_html": "<p>First <b>bold</b> paragraph.</p><script>alert(1)</script><p>Two</p>",
        "person": [{"name": "Leyla Aliyeva", "rel": "about"}], "slugline": "old-style",
        "altids": {"deskcode": "01/02A"},
    }))
    story = importer.read_story_file(path)[0]
    assert story.fields["headline"] == "Old style item"
    assert story.fields["body"] == "First **bold** paragraph.\n\nTwo"
    assert story.fields["dateline_place"] == "Ganja" and story.fields["desk_code"] == "01/02A"
    assert story.tags == [("person", "Leyla Aliyeva", "about", None)]
    assert story.slug == "old-style"


def test_script_in_html_body_never_survives(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"uri": "urn:x:1", "headlines": [{"value": "X"}], "bodies": [
        {"contenttype": "text/html",
         "value": '<p onclick="evil()">Hi <a href="javascript:alert(1)">there</a></p>'
                  "<script>alert(2)</script><iframe src=x></iframe>"}]}))
    body = importer.read_story_file(path)[0].fields["body"]
    assert "alert" not in body and "javascript" not in body and "onclick" not in body
    assert "Hi" in body and "there" in body


@pytest.mark.parametrize("text, line, words", [
    ('{\n  "uri": "urn:x:1",\n  "colour": "red"\n}', 3, ["unknown field", "colour"]),
    ('{\n  "uri": "urn:x:1",\n  "headlines": [\n    {"value": 12}\n  ]\n}', 4,
     ["headlines[0].value", "not of type"]),
    ('{\n  "uri": "urn:x:1",\n  "urgency": "high"\n}', 3, ["urgency", "not of type"]),
    ('{\n  "uri": "urn:x:1",\n  "versionCreated": "2020-01-01T00:00:00Z",\n'
     '  "pubstatus": "usable"\n}', 4, ["unknown field", "pubstatus", "3.x"]),
    ('{\n  "uri": "urn:x:1",\n  "headline": "Old",\n  "body_html": 5\n}', 4,
     ["body_html", "must be a string"]),
    ('{\n  "uri": "urn:x:1",\n  "versioncreated": "yesterday"\n}', 3, ["versioncreated"]),
    ('{\n  "uri": "urn:x:1",\n  "bodies": [}\n}', 3, ["not valid JSON"]),
    ('[\n  {"uri": "urn:x:1"},\n  "text"\n]', 3, ["JSON object"]),
])
def test_bad_ninjs_is_refused_with_line(db, tmp_path, text, line, words):
    path = tmp_path / "bad.json"
    path.write_text(text)
    with pytest.raises(UserError) as caught:
        importer.import_files([path])
    message = caught.value.message
    assert message.startswith(f"{path}:{line}:"), message
    for word in words:
        assert word in message
    assert story_snapshot() == {}


def test_bad_ninjs_writes_nothing_from_the_cli(cli, tmp_path):
    good = tmp_path / "good.json"
    shutil.copy(NINJS_EXAMPLES / "ntb_text.json", good)
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": "urn:x:1", "headlines": "not a list"}')
    database = tmp_path / "db.sqlite3"
    result = cli("import", str(good), str(bad), "--db", str(database))
    assert result.returncode == 1
    assert f"{bad}:1: headlines" in result.stderr
    assert not database.exists()  # not even the empty database the import started

"""ninjs from agencies round-trips whole: identity, version and every field newsdesk does
not edit come back on export, in 2.1 and 3.1, and read back the same."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date
from zoneinfo import ZoneInfo

import pytest

from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.formats.ninjs import lower_case
from newsdesk.formats.ninjs_import import change_of
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.store.db import open_database
from newsdesk.store.models import Article, ArticleTag, Entity, Setting
from newsdesk.store.timestamps import utcnow
from newsdesk.stories import articles, locks
from newsdesk.stories.newsroom_zone import ZONE_SETTING
from tests.publish_helpers import NINJS_EXAMPLES, schema_errors

EVERY_STATUS = ("draft", "edited", "ready", "published", "killed")
EXAMPLES = ("dpa_text.json", "ntb_text.json", "tt_text_image_2.json",
            "ninjsExSimpleText_2.json", "ninjsExSimpleText_3.json")
# Every field the five IPTC examples use, and how newsdesk's export gives it back:
# "same" as it came, "more" (each entry as it came, with what newsdesk adds to it), or
# "ours" (newsdesk writes its own: bodies from the body it edits, pubstatus from its
# workflow status, standard naming the version written). A field not listed fails.
EXPORTED_BACK = {
    "uri": "same", "version": "same", "versioncreated": "same", "firstcreated": "same",
    "type": "same", "representationtype": "same", "profile": "same", "urgency": "same",
    "language": "same", "copyrightholder": "same", "copyrightnotice": "same",
    "usageterms": "same", "ednote": "same", "descriptions": "same", "headlines": "same",
    # Places are tags now (each with a relation, in the registry's order).
    "places": "more", "subjects": "same", "genres": "same", "expires": "same",
    "associations": "same", "by": "same", "slugline": "same",
    "people": "more", "organisations": "more", "altids": "more",
    "pubstatus": "ours", "bodies": "ours", "standard": "ours",
}
STORED = ("uuid", "slug", "headline", "dateline_place", "dateline_date", "dateline_source",
          "body", "footnote", "desk_code", "byline", "section", "language", "urgency",
          "status", "agency_uri", "agency_version", "agency_version_created",
          "change_kind", "change_note")


def stored_stories() -> dict[str, dict]:
    """Every stored field and every metadata field of every live story, by uuid."""
    result = {}
    for article in Article.select().where(Article.deleted_at.is_null()):
        row = {name: getattr(article, name) for name in STORED}
        row["created_at"] = article.created_at.replace(microsecond=0)
        row["published_at"] = (article.published_at.replace(microsecond=0)
                               if article.published_at else None)
        row["metadata"] = json.loads(article.agency_metadata or "{}")
        row["tags"] = sorted(
            (entity.kind, entity.name, tag.relation, entity.uri or "")
            for tag, entity in ((t, t.entity) for t in ArticleTag.select(ArticleTag, Entity)
                                .join(Entity).where(ArticleTag.article == article)))
        result[article.uuid] = row
    return result


def _copy(name, tmp_path):
    path = tmp_path / name
    shutil.copy(NINJS_EXAMPLES / name, path)
    return path


def _export(tmp_path, folder, version="2.1", statuses=EVERY_STATUS):
    out = tmp_path / folder
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version, statuses=statuses,
                         full=True))
    return sorted(out.glob("*.json"))


def _contains(big, small):
    """Whether ``big`` holds everything ``small`` says (entries of lists in order)."""
    if isinstance(small, dict):
        return isinstance(big, dict) and all(k in big and _contains(big[k], v)
                                             for k, v in small.items())
    if isinstance(small, list):
        return isinstance(big, list) and all(any(_contains(b, s) for b in big)
                                             for s in small)
    return big == small


@pytest.mark.parametrize("version", ["2.1", "3.1"])
@pytest.mark.parametrize("name", EXAMPLES)
def test_agency_example_round_trips_field_by_field(tmp_path, name, version):
    original = json.loads((NINJS_EXAMPLES / name).read_text(encoding="utf-8"))
    open_database(str(tmp_path / "first.sqlite3"), create=True)
    importer.import_files([_copy(name, tmp_path)])
    first = stored_stories()
    (exported,) = _export(tmp_path, "out", version)
    item = json.loads(exported.read_text(encoding="utf-8"))
    assert schema_errors(item, version) == []
    written = lower_case(item)
    for field, value in lower_case(original).items():
        how = EXPORTED_BACK[field]
        if how == "same":
            assert written[field] == value, field
        elif how == "more":
            assert _contains(written[field], value), field
    open_database(str(tmp_path / "second.sqlite3"), create=True)
    importer.import_files([exported])
    assert stored_stories() == first
    (again,) = _export(tmp_path, "again", version)
    assert json.loads(again.read_text(encoding="utf-8")) == item  # nothing lost twice


def test_identity_and_metadata_are_stored(db, tmp_path):
    importer.import_files([_copy(name, tmp_path) for name in
                           ("dpa_text.json", "ntb_text.json", "tt_text_image_2.json")])
    ntb = Article.get(Article.agency_uri == "urn:8d19cf88-b3ab-4972-8fec-1207599f2872")
    assert (ntb.agency_version, ntb.agency_version_created) == ("6", "2019-08-09T09:46:53Z")
    kept = json.loads(ntb.agency_metadata)
    assert kept["places"] == [{"name": "Telemark", "literal": "Telemark"}]
    assert [s["literal"] for s in kept["subjects"]] == [
        "Innenriks", "13010000", "04011000", "04005000"]
    assert (kept["ednote"], kept["usageterms"], kept["profile"]) == ("Noe utvidet.", "",
                                                                     "Standard")
    assert kept["copyrightnotice"] == "" and kept["descriptions"][0]["role"] == "text"
    dpa = Article.get(Article.agency_uri == "urn:newsml:dpa.com:20090101:190510-99-167362")
    assert json.loads(dpa.agency_metadata) == {
        "copyrightnotice": "Copyright 2019, dpa (www.dpa.de). Alle Rechte vorbehalten"}
    tt = json.loads(Article.get(Article.slug == "militarovning").agency_metadata)
    # A place's GeoJSON point becomes the place's coordinates, tagged on the story.
    assert "places" not in tt
    gotland = Entity.get((Entity.kind == "place") & (Entity.name == "Gotland"))
    assert (gotland.latitude, gotland.longitude) == (57.6381, 18.2979)
    assert {t.entity.name for t in ArticleTag.select().join(Article).where(
        Article.slug == "militarovning")} >= {"Sverige", "Gotland", "Finland"}
    assert tt["genres"][0]["literal"] == "INR" and tt["subjects"][0]["relevance"] == 98
    assert tt["altids"] == [{"role": "originaltransmissionreference",
                             "value": "a0f2d045-1058-46d1-9f9a-ad80ed1bc86f"}]
    assert tt["expires"] == "2023-05-31T00:00:00+02:00" and tt["slugline"] == "militärövning"
    assert tt["associations"][0]["renditions"][0]["sizeinbytes"] == 10326191
    assert tt["people"] == [{"name": "Jonas Svensson", "contactinfo": [
        {"type": "phone", "role": "work", "value": "+46 (0)8-7887500"}]}]


def test_tt_html_body_drops_the_repeated_headline_and_keeps_spacing(db, tmp_path):
    story = importer.read_story_file(_copy("tt_text_image_2.json", tmp_path))[0]
    body = story.fields["body"]
    assert not body.startswith("Militärövning") and "2023Försvar" not in body
    assert body.startswith("Försvar TT\n\nPandemin satte stopp")
    assert "FörsvarTT" not in body


def test_headline_in_an_html_body_is_dropped_only_when_it_repeats(db, tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"uri": "urn:x:1", "headlines": [{"value": "Storm  hits"}],
                                "bodies": [{"contenttype": "text/html", "value":
                                            "<h1>STORM hits</h1><p><span>A</span><span>B"
                                            "</span></p><h1>Later</h1>"}]}))
    body = importer.read_story_file(path)[0].fields["body"]
    assert body == "A B\n\n# Later"


def test_our_demo_export_imports_back_into_the_same_newsroom_unchanged(demo_db, tmp_path):
    before = stored_stories()
    files = _export(tmp_path, "ninjs", "3.1")
    report = importer.import_stories(
        [story for path in files for story in importer.read_story_file(path)])
    assert [o.action for o in report.outcomes] == ["skipped"] * len(files)
    assert stored_stories() == before and len(before) == len(files)


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_our_demo_export_round_trips_every_field(demo_db, tmp_path, version):
    before = stored_stories()
    assert any(row["section"] for row in before.values())
    assert any(row["published_at"] for row in before.values())
    files = _export(tmp_path, "ninjs", version)
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files(files)
    assert stored_stories() == before


def _ntb_version(tmp_path, version, *, ednote=None, headline=None, name=None):
    item = json.loads((NINJS_EXAMPLES / "ntb_text.json").read_text(encoding="utf-8"))
    item["version"] = version
    item["versioncreated"] = f"2019-08-09T{9 + int(version) - 6:02d}:46:53Z"
    if ednote is not None:
        item["ednote"] = ednote
    if headline is not None:
        item["headlines"][0]["value"] = headline
    path = tmp_path / (name or f"ntb-{version}.json")
    path.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_newer_version_updates_the_story_as_a_correction(db, tmp_path):
    (story_id,) = importer.import_files([_ntb_version(tmp_path, "6")])
    edited = articles.save_article(story_id, {"section": "Business", "desk_code": "01/02A"},
                                   expected_version=1)
    articles.set_status(story_id, "edited", expected_version=edited.version)
    report = importer.import_stories(importer.read_story_file(_ntb_version(
        tmp_path, "7", ednote="Korrigert: feil tall i tittelen.",
        headline="Google har kjøpt giganttomt i Skien og Porsgrunn")))
    [outcome] = report.outcomes
    assert outcome.action == "updated" and outcome.article_id == story_id
    assert "correction, agency version 7" in outcome.detail
    story = Article.get_by_id(story_id)
    assert Article.select().count() == 1
    assert story.headline == "Google har kjøpt giganttomt i Skien og Porsgrunn"
    assert (story.agency_version, story.change_kind) == ("7", "correction")
    assert story.change_note == "Korrigert: feil tall i tittelen."
    assert story.changed_at.isoformat() == "2019-08-09T10:46:53"
    # What the desk gave the story stays: the agency's file does not say it.
    assert (story.section, story.desk_code, story.status) == ("Business", "01/02A", "edited")
    revision = story.revisions.order_by(-story.revisions.model.id).first()
    assert (revision.reason, revision.agency_version) == ("correction", "7")
    assert revision.note == "Korrigert: feil tall i tittelen."


def test_same_and_older_versions_are_skipped_and_said(cli, tmp_path):
    database = str(tmp_path / "db.sqlite3")
    first = cli("import", str(_ntb_version(tmp_path, "7")), "--db", database)
    assert first.returncode == 0 and first.stdout.startswith("imported 1 story from 1 file")
    newer = _ntb_version(tmp_path, "8", ednote="Noe utvidet.", headline="Utvidet")
    same = _ntb_version(tmp_path, "7", name="same.json")
    older = _ntb_version(tmp_path, "6")
    result = cli("import", str(newer), str(same), str(older), "--db", database)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "imported 0 stories from 3 files"
    assert lines[1] == (f"updated story 'skien-google' from {newer}: update, agency "
                        "version 8: Noe utvidet.")
    assert lines[2] == f"skipped {same}: story 'skien-google' already has version 8 " \
                       "(this file is version 7, older)"
    assert lines[3] == f"skipped {older}: story 'skien-google' already has version 8 " \
                       "(this file is version 6, older)"
    again = cli("import", str(newer), "--db", database)
    assert again.stdout.splitlines()[1] == (f"skipped {newer}: story 'skien-google' "
                                            "already has version 8")
    shown = json.loads(cli("show", "skien-google", "--json", "--db", database).stdout)
    assert shown["agency"]["version"] == "8" and shown["change"]["kind"] == "update"
    assert json.loads(cli("list", "--json", "--db", database).stdout)[0]["headline"] == \
        "Utvidet"


def test_an_update_is_all_or_nothing_with_the_rest(db, tmp_path):
    importer.import_files([_ntb_version(tmp_path, "6")])
    bad = tmp_path / "bad.json"
    bad.write_text('{"uri": "urn:x:1", "headlines": "not a list"}')
    with pytest.raises(UserError, match="headlines"):
        importer.import_files([_ntb_version(tmp_path, "7", headline="Changed"), bad])
    assert Article.get().headline == "Google har kjøpt giganttomt i Skien"


def test_an_update_to_a_story_open_in_a_window_is_refused_with_the_rest(db, tmp_path):
    (story_id,) = importer.import_files([_ntb_version(tmp_path, "6")])
    locks.acquire(story_id, "Leyla", "window-1")
    newer = _ntb_version(tmp_path, "7", headline="Changed")
    with pytest.raises(UserError) as caught:
        importer.import_files([_copy("dpa_text.json", tmp_path), newer])
    assert caught.value.message.startswith(f"{newer}:1: ")
    assert "being edited by Leyla" in caught.value.message
    assert [a.headline for a in Article.select()] == ["Google har kjøpt giganttomt i Skien"]


@pytest.mark.parametrize("note, kind", [
    ("Corrects the spelling of the minister's name.", "correction"),
    ("Korrigert: feil tall i tittelen.", "correction"),
    ("Rättelse: fel datum.", "correction"),
    ("Berichtigung: Name korrigiert.", "correction"),
    ("Noe utvidet.", "update"),
    ("Adds the correct figure and a quote.", "update"),
    ("Story about a correctional facility.", "update"),
])
def test_the_editorial_note_says_whether_it_is_a_correction(note, kind):
    assert change_of({"ednote": f"  {note} "}) == (kind, note)


def test_signal_code_marks_a_correction(db, tmp_path):
    importer.import_files([_ntb_version(tmp_path, "6")])
    item = json.loads(_ntb_version(tmp_path, "7", ednote="").read_text(encoding="utf-8"))
    item["genres"] = [{"uri": "http://cv.iptc.org/newscodes/signal/correction",
                       "name": "Correction"}]
    path = tmp_path / "signal.json"
    path.write_text(json.dumps(item), encoding="utf-8")
    importer.import_files([path])
    assert Article.get().change_kind == "correction"


WIRE = """Milli Majlis approves 2024 budget

Baku/05.12.23/Turan: The Milli Majlis approved next year's state budget.

Finance minister Samir Rzayev said spending would grow. -07/12B-
"""


def test_wire_copy_again_updates_instead_of_duplicating(db, tmp_path):
    path = tmp_path / "budget.txt"
    path.write_text(WIRE, encoding="utf-8")
    (story_id,) = importer.import_files([path])
    again = importer.import_stories(importer.read_story_file(path))
    assert [o.action for o in again.outcomes] == ["skipped"]
    path.write_text(WIRE.replace("would grow", "would grow by 12 per cent"), encoding="utf-8")
    changed = importer.import_stories(importer.read_story_file(path))
    assert [(o.action, o.article_id) for o in changed.outcomes] == [("updated", story_id)]
    assert Article.select().count() == 1
    assert "12 per cent" in Article.get_by_id(story_id).body
    # The desk's own edits since are not overwritten by the same wire text again.
    story = Article.get_by_id(story_id)
    articles.save_article(story_id, {"body": "Edited by the desk."},
                          expected_version=story.version)
    assert importer.import_stories(importer.read_story_file(path)).outcomes[0].action == \
        "skipped"
    assert Article.get_by_id(story_id).body == "Edited by the desk."


def test_site_page_says_updated_and_escapes_the_correction_note(db, tmp_path):
    from newsdesk.publish.page import SITE_LINKS, render_story_page
    from newsdesk.publish.preview_process import render_in_child
    from newsdesk.publish.story_page import story_page_for
    from newsdesk.publish.surroundings import surroundings_for

    importer.import_files([_copy("tt_text_image_2.json", tmp_path)])
    item = json.loads((NINJS_EXAMPLES / "tt_text_image_2.json").read_text(encoding="utf-8"))
    # Updated just before it is published, so the time alone is printed.
    moment = utcnow().replace(microsecond=0, tzinfo=UTC)
    item.update(version="2", versioncreated=moment.astimezone(ZoneInfo("Europe/Stockholm"))
                .isoformat(),
                ednote="Correction: <script>alert(1)</script> name spelt wrong")
    newer = tmp_path / "tt-2.json"
    newer.write_text(json.dumps(item, ensure_ascii=False), encoding="utf-8")
    importer.import_files([newer])
    article = Article.get()
    articles.save_article(article.id, {"dateline_place": "Stockholm"},
                          expected_version=article.version)
    for status in ("edited", "ready", "published"):
        articles.set_status(article.id, status)
    site = tmp_path / "site"
    export(ExportOptions(out=site, format="site"))
    page = (site / "stories" / "militarovning.html").read_text(encoding="utf-8")
    # No newsroom zone is set: the time is printed in UTC.
    assert f'Updated <time datetime="{moment.isoformat()}">{moment:%H:%M}</time>' in page
    assert ("<strong>Correction:</strong> Correction: &lt;script&gt;alert(1)&lt;/script&gt;"
            " name spelt wrong") in page
    assert "<script>alert" not in page
    preview = render_story_page(story_page_for(Article.get()), links=SITE_LINKS)
    assert "Updated <time" in preview and "&lt;script&gt;" in preview
    # The window's preview renders in a child process: the marks travel there too.
    stored = Article.get()
    in_child = render_in_child(articles.editable_fields(stored), surroundings_for(stored.id))
    assert f">{moment:%H:%M}</time>" in in_child and "&lt;script&gt;" in in_child
    Setting.put(ZONE_SETTING, "Europe/Stockholm")
    export(ExportOptions(out=site, format="site"))
    page = (site / "stories" / "militarovning.html").read_text(encoding="utf-8")
    local = moment.astimezone(ZoneInfo("Europe/Stockholm"))
    assert f'<time datetime="{local.isoformat()}">{local:%H:%M}</time>' in page


def test_an_update_is_not_a_correction_on_the_page(db, tmp_path):
    from newsdesk.publish.page import SITE_LINKS, render_story_page
    from newsdesk.publish.story_page import story_page_for

    importer.import_files([_ntb_version(tmp_path, "6")])
    importer.import_files([_ntb_version(tmp_path, "7", ednote="Noe utvidet.")])
    html = render_story_page(story_page_for(Article.get()), links=SITE_LINKS)
    assert ">10:46</time>" in html and 'class="correction"' not in html
    story = Article.get()
    articles.save_article(story.id, {"dateline_place": "Skien"}, expected_version=story.version)
    for status in ("edited", "ready", "published"):  # published today: the date is printed
        articles.set_status(story.id, status)
    html = render_story_page(story_page_for(Article.get()), links=SITE_LINKS)
    assert ">09.08.19 10:46</time>" in html


def _oslo_story():
    return articles.create_article({
        "headline": "Storting votes", "body": "Text.", "dateline_place": "Oslo",
        "dateline_date": date(2023, 3, 14), "dateline_source": "NTB", "status": "ready"})


def test_date_only_dateline_claims_no_offset(db, tmp_path):
    story = _oslo_story()
    (path,) = _export(tmp_path, "plain")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert "contentcreated" not in item and "+04:00" not in path.read_text()
    assert {"role": "newsdesk-dateline-date", "value": "2023-03-14"} in item["altids"]
    Setting.put(ZONE_SETTING, "Europe/Oslo")
    (path,) = _export(tmp_path, "zoned", "3.1")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert item["contentCreated"] == "2023-03-14T00:00:00+01:00"
    assert schema_errors(item, "3.1") == []
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files([path])
    assert Article.get(Article.uuid == story.uuid).dateline_date == date(2023, 3, 14)


def test_section_and_publish_time_are_exported_and_read_back(db, tmp_path):
    story = _oslo_story()
    articles.save_article(story.id, {"section": "Politics"}, expected_version=1)
    published = articles.set_status(story.id, "published")  # from ready
    (path,) = _export(tmp_path, "out")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert {"name": "Politics", "literal": "newsdesk:section:Politics"} in item["subjects"]
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files([path])
    back = Article.get(Article.uuid == story.uuid)
    assert back.section == "Politics" and back.agency_metadata == ""
    assert back.published_at == published.published_at.replace(microsecond=0)


def test_agency_uri_is_kept_beside_our_uuid(db, tmp_path):
    importer.import_files([_copy("dpa_text.json", tmp_path)])
    story = Article.get()
    (path,) = _export(tmp_path, "out")
    item = json.loads(path.read_text(encoding="utf-8"))
    assert item["uri"] == "urn:newsml:dpa.com:20090101:190510-99-167362"
    assert item["version"] == "2" and item["versioncreated"] == "2019-05-10T16:02:28+02:00"
    assert {"role": "newsdesk-uuid", "value": story.uuid} in item["altids"]
    mine = articles.create_article({"headline": "Ours", "body": "Text."})
    _export(tmp_path, "again")
    mine_item = json.loads((tmp_path / "again" / "ours.json").read_text(encoding="utf-8"))
    assert mine_item["uri"] == f"urn:uuid:{mine.uuid}"
    assert mine_item["version"] == "1"
    assert not any(a["role"] == "newsdesk-uuid" for a in mine_item["altids"])


def test_what_one_ninjs_version_lacks_is_left_out_of_the_other(db, tmp_path):
    path = tmp_path / "v3.json"
    path.write_text(json.dumps({
        "uri": "urn:agency:42", "version": "3", "headlines": [{"value": "Made by a model"}],
        "bodies": [{"contentType": "text/plain", "value": "Text."}],
        "digitalSourceType": {"uri": "http://cv.iptc.org/newscodes/digitalsourcetype/"
                                     "trainedAlgorithmicMedia"},
        "events": [{"id": "e1", "name": "Summit"}]}))
    importer.import_files([path])
    (v2,) = _export(tmp_path, "v2", "2.1")
    (v3,) = _export(tmp_path, "v3", "3.1")
    two, three = (json.loads(p.read_text()) for p in (v2, v3))
    assert schema_errors(two, "2.1") == [] and schema_errors(three, "3.1") == []
    assert "digitalSourceType" not in two and two["events"] == [{"name": "Summit"}]
    assert three["digitalSourceType"]["uri"].endswith("trainedAlgorithmicMedia")
    assert three["events"] == [{"id": "e1", "name": "Summit"}]

"""Translation groups through ninjs: written in fields both schema versions accept (the
altid ``newsdesk-translation-group`` and one association per translation), and restored
when the files are imported again."""

from __future__ import annotations

import json
import random

import pytest

from newsdesk.formats import importer
from newsdesk.formats.outputs import export
from newsdesk.publish.export import ExportOptions
from newsdesk.store.db import open_database
from newsdesk.store.models import Article
from newsdesk.stories import articles, translations
from newsdesk.stories.translation_groups import translations_of
from tests.publish.test_export_incremental import _keys, _tree
from tests.publish_helpers import schema_errors, story_snapshot

ALL = ("draft", "edited", "ready", "published", "killed")


def _group() -> tuple[Article, Article, Article]:
    en = articles.create_article({"headline": "Parliament passes the budget",
                                  "body": "The Milli Majlis adopted the budget.",
                                  "language": "en", "status": "published"})
    az = articles.create_article({"headline": "Parlament büdcəni qəbul etdi",
                                  "body": "Milli Məclis büdcəni qəbul etdi.",
                                  "language": "az", "status": "ready"})
    ru = articles.create_article({"headline": "Парламент принял бюджет",
                                  "body": "Милли Меджлис принял бюджет.",
                                  "language": "ru", "status": "draft"})
    articles.create_article({"headline": "Flood relief", "body": "Aid arrives.",
                             "language": "en", "status": "published"})
    translations.link([en.id, az.id, ru.id])
    return en, az, ru


def _without_time(path) -> dict:
    item = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in item.items()
            if key not in ("versioncreated", "versionCreated")}


def _item(out, story: Article) -> dict:
    return json.loads((out / f"{story.slug}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_the_group_is_written_in_fields_both_versions_accept(db, tmp_path, version):
    en, az, ru = _group()
    group = articles.get_article(en.id).translation_group
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version, statuses=ALL))
    for path in out.glob("*.json"):
        assert schema_errors(json.loads(path.read_text()), version) == [], path.name
    item = _item(out, en)
    altids = item["altIds" if version == "3.1" else "altids"]
    assert {"role": "newsdesk-translation-group", "value": group} in altids
    expected = [{"name": f"translation-{language}", "uri": f"urn:uuid:{story.uuid}",
                 "type": "text", "language": language,
                 **({"rel": "translation"} if version == "3.1" else {})}
                for language, story in (("az", az), ("ru", ru))]
    assert item["associations"] == expected
    # A story in no group says nothing of translations.
    lonely = _item(out, articles.get_article("flood-relief"))
    assert "associations" not in lonely
    assert not [a for a in lonely["altIds" if version == "3.1" else "altids"]
                if a["role"] == "newsdesk-translation-group"]


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_round_trip_restores_the_group(db, tmp_path, version):
    _group()
    before = story_snapshot()
    assert before["parliament-passes-the-budget"]["translations"]
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", ninjs_version=version, statuses=ALL))
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    files = sorted(out.glob("*.json"))
    random.Random(4).shuffle(files)  # in any order
    report = importer.import_stories(
        [story for path in files for story in importer.read_story_file(path)])
    assert report.warnings == []
    assert story_snapshot() == before  # the same group id, the same members
    # The associations became the group, not metadata kept to be written a second time.
    again = tmp_path / "again"
    export(ExportOptions(out=again, format="ninjs", ninjs_version=version, statuses=ALL))
    for path in files:  # (an import is a new version here: its own version time)
        assert _without_time(again / path.name) == _without_time(path)
    # Imported again over stories that are the same but in no group: linked again.
    Article.update(translation_group=None).execute()
    report = importer.import_stories(
        [story for path in files for story in importer.read_story_file(path)])
    assert {outcome.action for outcome in report.outcomes} == {"skipped"}
    assert story_snapshot() == before


def test_an_item_imported_alone_joins_its_stored_translations_later(db, tmp_path):
    en, az, _ru = _group()
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", statuses=ALL))
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files([out / f"{en.slug}.json"])
    # Here it is linked to another story, in a group of this newsroom's own.
    tr = articles.create_article({"headline": "Meclis bütçeyi kabul etti",
                                  "language": "tr", "body": "Metin."})
    translations.unlink(en.slug)
    translations.link([en.slug, tr.id])
    here = articles.get_article(en.slug).translation_group
    # The Azerbaijani item names the English one by its uri: it joins that story's group.
    importer.import_files([out / f"{az.slug}.json"])
    assert articles.get_article(az.slug).translation_group == here
    assert [t["language"] for t in translations_of(articles.get_article(en.slug))] == [
        "az", "tr"]


def test_a_group_that_would_hold_two_stories_in_one_language_is_left_alone(db, tmp_path,
                                                                          cli):
    en, az, _ru = _group()
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", statuses=ALL))
    database = tmp_path / "fresh.sqlite3"
    open_database(str(database), create=True)
    importer.import_files([out / f"{en.slug}.json"])
    other = articles.create_article({"headline": "Başqa xəbər", "language": "az",
                                     "body": "Mətn."})
    translations.link([en.slug, other.id])
    result = cli("import", str(out / f"{az.slug}.json"), "--db", str(database))
    assert result.returncode == 0, result.stderr
    assert "translations not linked" in result.stdout and "both in 'az'" in result.stdout
    assert articles.get_article(az.slug).translation_group is None
    assert [t["id"] for t in translations_of(articles.get_article(en.slug))] == [other.id]


def test_a_too_long_group_is_refused_with_its_line(db, tmp_path):
    from newsdesk.errors import UserError

    en, _az, _ru = _group()
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", statuses=ALL))
    path = out / f"{en.slug}.json"
    item = json.loads(path.read_text())
    for altid in item["altids"]:
        if altid["role"] == "newsdesk-translation-group":
            altid["value"] = "x" * 300
    path.write_text(json.dumps(item, indent=2))
    open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    with pytest.raises(UserError, match="translation group is 300 characters") as raised:
        importer.read_story_file(path)
    assert raised.value.line > 1 and raised.value.field.startswith("altids[")


def test_a_re_export_follows_the_group_whoever_changes_it(db, tmp_path):
    en, az, ru = _group()
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", statuses=ALL))
    steps = [lambda: translations.unlink(ru.id), lambda: articles.move_to_trash([az.id]),
             lambda: articles.restore_from_trash([az.id]),
             lambda: translations.link([ru.id, az.id])]
    for number, step in enumerate(steps):
        step()
        result = export(ExportOptions(out=out, format="ninjs", statuses=ALL))
        fresh = tmp_path / f"fresh-{number}"
        export(ExportOptions(out=fresh, format="ninjs", statuses=ALL))
        assert _keys(out) == _keys(fresh), number
        assert _tree(out) == _tree(fresh), number
        assert result.skipped >= 1, number  # the bystander was carried over
    assert [a["language"] for a in _item(out, en)["associations"]] == ["az", "ru"]


@pytest.mark.postgres
def test_round_trip_restores_the_group_on_postgresql(tmp_path, pg_url):
    # Written from a newsroom on PostgreSQL, read back into one on SQLite, and the
    # other way round: the same stories, the same group.
    opened = open_database(pg_url, create=True)
    _group()
    before = story_snapshot()
    out = tmp_path / "from-pg"
    export(ExportOptions(out=out, format="ninjs", statuses=ALL))
    opened.close()
    opened = open_database(str(tmp_path / "fresh.sqlite3"), create=True)
    importer.import_files(sorted(out.glob("*.json")))
    assert story_snapshot() == before
    back = tmp_path / "from-sqlite"
    export(ExportOptions(out=back, format="ninjs", statuses=ALL))
    opened.close()
    opened = open_database(pg_url)
    try:
        Article.update(translation_group=None).execute()
        importer.import_files(sorted(back.glob("*.json")))  # same stories: links only
        assert story_snapshot() == before
    finally:
        opened.close()

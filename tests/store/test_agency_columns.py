"""Migration 10: a story's agency identity, metadata and last change from its source, on
SQLite and PostgreSQL; the export stamp watches them and ``db copy`` carries them."""

from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from newsdesk.formats import importer
from newsdesk.store import export_stamps
from newsdesk.store.db import open_database
from newsdesk.store.migrations import _AGENCY_COLUMNS, current_version, latest_version
from newsdesk.store.models import Article, ExportStamp, Revision, database_proxy
from newsdesk.stories import agency, articles
from tests.publish_helpers import NINJS_EXAMPLES

V7_TRIGGER_SQLITE = export_stamps._sqlite_article_update(export_stamps._MIGRATION_7_COLUMNS)
V7_TRIGGER_POSTGRES = export_stamps._postgres_article_trigger(
    export_stamps._MIGRATION_7_COLUMNS)


def _stamp(article_id: int) -> int:
    return ExportStamp.get_by_id(article_id).stamp


def _agency_story(tmp_path):
    path = tmp_path / "tt.json"
    shutil.copy(NINJS_EXAMPLES / "tt_text_image_2.json", path)
    (story_id,) = importer.import_files([path])
    return story_id


def _correct(story_id: int) -> None:
    agency.update_from_source(story_id, {"headline": "Militärövning hålls 2023"},
                              agency.SourceChange(kind="correction", note="Rubriken rättad.",
                                                  version=agency.SourceVersion("2", "")))


def test_an_older_sqlite_database_gets_the_columns_and_stamps_watch_them(tmp_path):
    path = tmp_path / "schema9.sqlite3"
    opened = open_database(str(path), create=True)
    story = articles.create_article({"headline": "Written before the upgrade", "body": "Text"})
    opened.close()
    with sqlite3.connect(path) as raw:  # as newsdesk left it at schema 9
        raw.execute("DROP INDEX article_agency_uri")
        raw.execute("DROP INDEX article_dateline_date_dateline_source")
        raw.execute("DROP TRIGGER export_stamp_article_update")
        raw.execute("DROP TRIGGER export_stamp_translation_siblings")  # migration 15's
        for table, column, _sqlite, _postgres in _AGENCY_COLUMNS:
            raw.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        raw.execute(V7_TRIGGER_SQLITE)
        raw.execute("UPDATE schema_info SET value = '9' WHERE key = 'schema_version'")
    opened = open_database(str(path))
    try:
        assert current_version(opened) == latest_version()
        indexes = {name for (name,) in database_proxy.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
        assert {"article_agency_uri", "article_dateline_date_dateline_source"} <= indexes
        old = Article.get_by_id(story.id)
        assert (old.agency_uri, old.agency_metadata, old.change_kind) == (None, "", "")
        before = _stamp(story.id)
        database_proxy.execute_sql(  # a script writing SQL moves it too
            f"UPDATE article SET change_note = 'x' WHERE id = {story.id}")
        assert _stamp(story.id) > before
        # A row written without the new columns (an older newsdesk, a script) goes in.
        database_proxy.execute_sql(
            "INSERT INTO revision (article_id, created_at, author, reason, version, status, "
            f"word_count, snapshot) VALUES ({story.id}, '2023-01-01', '', 'save', 1, "
            "'draft', 0, '{}')")
    finally:
        opened.close()


def _check_new_columns_move_the_stamp(tmp_path):
    story_id = _agency_story(tmp_path)
    before = _stamp(story_id)
    _correct(story_id)
    assert _stamp(story_id) > before
    for column, value in (("agency_metadata", "{}"), ("agency_version", "9"),
                          ("changed_at", "2024-01-01 10:00:00")):
        before = _stamp(story_id)
        Article.update({getattr(Article, column): value}).where(
            Article.id == story_id).execute()
        assert _stamp(story_id) > before, column
    before = _stamp(story_id)
    Article.update(import_digest="abc").where(Article.id == story_id).execute()
    assert _stamp(story_id) == before  # printed nowhere


def test_new_columns_move_the_stamp(db, tmp_path):
    _check_new_columns_move_the_stamp(tmp_path)


@pytest.mark.postgres
def test_new_columns_move_the_stamp_on_postgresql(pg_db, tmp_path):
    _check_new_columns_move_the_stamp(tmp_path)


@pytest.mark.postgres
def test_an_older_postgresql_database_gets_the_columns(pg_url, tmp_path):
    opened = open_database(pg_url)
    story = articles.create_article({"headline": "Written before the upgrade", "body": "Text"})
    database = opened.database
    database.execute_sql(V7_TRIGGER_POSTGRES)
    database.execute_sql("DROP TRIGGER newsdesk_stamp_translation_siblings ON article")
    database.execute_sql("DROP INDEX article_agency_uri")
    for table, column, _sqlite, _postgres in _AGENCY_COLUMNS:
        database.execute_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    database.execute_sql("UPDATE schema_info SET value = '9' WHERE key = 'schema_version'")
    opened.close()
    opened = open_database(pg_url)
    try:
        assert current_version(opened) == latest_version()
        assert Article.get_by_id(story.id).agency_metadata == ""
        before = _stamp(story.id)
        Article.update(change_kind="update").where(Article.id == story.id).execute()
        assert _stamp(story.id) > before
        story_id = _agency_story(tmp_path)
        _correct(story_id)
        assert Article.get_by_id(story_id).change_kind == "correction"
    finally:
        opened.close()


@pytest.mark.postgres
def test_db_copy_carries_identity_metadata_and_corrections(cli, tmp_path, pg_url):
    source = tmp_path / "source.sqlite3"
    opened = open_database(str(source), create=True)
    story_id = _agency_story(tmp_path)
    _correct(story_id)
    slug = Article.get_by_id(story_id).slug
    opened.close()
    there = cli("db", "copy", "--from", str(source), "--to", pg_url)
    assert there.returncode == 0, there.stderr
    back = tmp_path / "back.sqlite3"
    returned = cli("db", "copy", "--from", pg_url, "--to", str(back))
    assert returned.returncode == 0, returned.stderr
    shown = [json.loads(cli("show", slug, "--json", "--db", db).stdout)
             for db in (str(source), pg_url, str(back))]
    assert shown[0] == shown[1] == shown[2]
    assert shown[0]["agency"]["uri"] == "http://tt.se/media/text/210526-militarovning-a0f2d045"
    # The agency's places are tags (issue 21), carried like the others.
    assert any(tag["name"] == "Gotland" and tag["kind"] == "place" for tag in shown[0]["tags"])
    assert shown[0]["change"] == {"kind": "correction", "note": "Rubriken rättad.",
                                  "at": shown[0]["change"]["at"]}
    opened = open_database(str(back))
    try:
        revision = Revision.get(Revision.reason == "correction")
        assert (revision.note, revision.agency_version) == ("Rubriken rättad.", "2")
    finally:
        opened.close()

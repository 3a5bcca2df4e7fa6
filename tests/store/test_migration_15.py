"""Migration 15 on a database newsdesk left at schema 14: the export stamps start watching
translation groups (a story's own, and its group's other stories), on SQLite and
PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.store import export_stamps
from newsdesk.store.db import open_database
from newsdesk.store.migrations import current_version, latest_version
from newsdesk.store.models import ExportStamp
from newsdesk.stories import articles, translations
from tests.conftest import leave_at_schema


def _stamp(article_id: int) -> int:
    return ExportStamp.get_by_id(article_id).stamp


def _stories():
    return [articles.create_article({"headline": headline, "body": "Text.",
                                     "language": language})
            for language, headline in (("en", "Budget"), ("az", "Büdcə"), ("ru", "Бюджет"))]


def _check_upgraded(opened, en, az, ru) -> None:
    assert current_version(opened) == latest_version()
    before = {story.id: _stamp(story.id) for story in (en, az, ru)}
    translations.link([en.id, az.id])
    assert _stamp(en.id) > before[en.id] and _stamp(az.id) > before[az.id]
    assert _stamp(ru.id) == before[ru.id]
    before = _stamp(en.id)
    articles.move_to_trash([az.id])  # the group's other story: its ninjs named az
    assert _stamp(en.id) > before


def test_an_older_sqlite_database_gets_translation_stamps(tmp_path):
    path = tmp_path / "schema14.sqlite3"
    opened = open_database(str(path), create=True)
    stories = _stories()
    opened.close()
    with sqlite3.connect(path) as raw:
        leave_at_schema(
            raw.execute, 14, "DROP TRIGGER export_stamp_article_update",
            "DROP TRIGGER export_stamp_translation_siblings",
            export_stamps._sqlite_article_update(export_stamps.MIGRATION_14_COLUMNS))
    opened = open_database(str(path))
    try:
        _check_upgraded(opened, *stories)
    finally:
        opened.close()


@pytest.mark.postgres
def test_an_older_postgresql_database_gets_translation_stamps(pg_url):
    opened = open_database(pg_url, create=True)
    stories = _stories()
    leave_at_schema(
        opened.database.execute_sql, 14,
        "DROP TRIGGER newsdesk_stamp_translation_siblings ON article",
        "DROP FUNCTION newsdesk_stamp_translation_siblings()",
        export_stamps._postgres_article_trigger(export_stamps.MIGRATION_14_COLUMNS))
    opened.close()
    opened = open_database(pg_url)
    try:
        _check_upgraded(opened, *stories)
    finally:
        opened.close()

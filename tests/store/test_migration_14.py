"""Migration 14 on a database newsdesk left at schema 11: the embargo column and its sort
index, the picture tables, and export stamps that watch both."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from newsdesk.store.db import open_database
from newsdesk.store.export_stamps import MIGRATION_10_COLUMNS
from newsdesk.store.migrations import current_version, latest_version
from newsdesk.store.models import Article, ExportStamp, database_proxy
from newsdesk.stories import articles, pictures
from tests.picture_helpers import jpeg


def _stamp(article_id: int) -> int:
    return ExportStamp.get_by_id(article_id).stamp


def test_an_older_database_gets_embargoes_and_pictures(tmp_path):
    path = tmp_path / "schema11.sqlite3"
    opened = open_database(str(path), create=True)
    story = articles.create_article({"headline": "Written before the upgrade", "body": "x"})
    opened.close()
    with sqlite3.connect(path) as raw:  # as newsdesk left it at schema 11
        raw.execute("DROP INDEX article_embargo_sort")
        raw.execute("DROP TRIGGER export_stamp_article_update")
        for trigger in ("insert", "update", "delete"):
            raw.execute(f"DROP TRIGGER export_stamp_picture_{trigger}")
        raw.execute("DROP TABLE picture")
        raw.execute("DROP TABLE picture_blob")
        raw.execute("ALTER TABLE article DROP COLUMN embargo_until")
        raw.execute("CREATE TRIGGER export_stamp_article_update AFTER UPDATE OF "
                    f"{', '.join(MIGRATION_10_COLUMNS)} ON article BEGIN UPDATE export_stamp "
                    "SET stamp = (SELECT coalesce(max(stamp), 0) + 1 FROM export_stamp) "
                    "WHERE article_id = NEW.id; END")
        raw.execute("UPDATE schema_info SET value = '11' WHERE key = 'schema_version'")
    opened = open_database(str(path))
    try:
        assert current_version(opened) == latest_version()
        assert Article.get_by_id(story.id).embargo_until is None
        indexes = {name for (name,) in database_proxy.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()}
        assert "article_embargo_sort" in indexes
        before = _stamp(story.id)
        database_proxy.execute_sql(  # a script writing SQL moves the stamp too
            f"UPDATE article SET embargo_until = '2030-01-01 00:00:00' WHERE id = {story.id}")
        assert Article.get_by_id(story.id).embargo_until == datetime(2030, 1, 1)
        after_embargo = _stamp(story.id)
        assert after_embargo > before
        pictures.add_picture(story.id, jpeg(), "a.jpg")
        assert _stamp(story.id) > after_embargo
    finally:
        opened.close()
    assert list(tmp_path.glob("schema11.sqlite3.schema11-*.bak"))  # backed up first

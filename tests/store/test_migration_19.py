"""Migration 19 on a database newsdesk left at schema 18: the story locks held are read
through an index of their own (every sync reads them whole), on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk.store.db import open_database
from newsdesk.store.migrations import current_version, latest_version
from newsdesk.stories import articles, locks
from newsdesk.sync.pulled_locks import server_locks
from tests.conftest import leave_at_schema


def _story_locked() -> int:
    story = articles.create_article({"headline": "Budget", "body": "Text."})
    articles.create_article({"headline": "Flood", "body": "Text."})
    assert locks.acquire(story.id, "rashad", "newsroom-pc:4242:window") is None
    return story.id


def test_an_older_sqlite_database_gets_the_index_and_its_locks_read_through_it(tmp_path):
    path = tmp_path / "schema18.sqlite3"
    opened = open_database(str(path), create=True)
    locked = _story_locked()
    opened.close()
    with sqlite3.connect(path) as raw:
        leave_at_schema(raw.execute, 18, "DROP INDEX article_held_locks")
    opened = open_database(str(path))
    try:
        assert current_version(opened) == latest_version()
        assert list(server_locks()) == [locked]
        plan = opened.database.execute_sql(
            "EXPLAIN QUERY PLAN SELECT id FROM article WHERE locked_by IS NOT NULL "
            "AND locked_at >= '2000-01-01'").fetchall()
        assert "article_held_locks" in " ".join(str(row) for row in plan)
    finally:
        opened.close()


@pytest.mark.postgres
def test_an_older_postgresql_database_gets_the_index_and_its_locks_read_through_it(pg_url):
    opened = open_database(pg_url, create=True)
    locked = _story_locked()
    leave_at_schema(opened.database.execute_sql, 18, "DROP INDEX article_held_locks")
    opened.close()
    opened = open_database(pg_url)
    try:
        assert current_version(opened) == latest_version()
        assert list(server_locks()) == [locked]
        database = opened.database
        database.execute_sql("SET enable_seqscan = off")  # a few rows: make the choice show
        plan = database.execute_sql(
            "EXPLAIN SELECT id FROM article WHERE locked_by IS NOT NULL "
            "AND locked_at >= now() - interval '1 hour'").fetchall()
        assert "article_held_locks" in " ".join(str(row) for row in plan)
    finally:
        opened.close()

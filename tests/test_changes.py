"""Colleagues' changes are noticed: SQLite data_version and PostgreSQL LISTEN/NOTIFY."""

from __future__ import annotations

import sqlite3

import pytest

from newsdesk import articles
from newsdesk.store.changes import ChangeWatcher


def test_sqlite_notices_another_connections_commit(db):
    story = articles.create_article({"headline": "Watched"})
    watcher = ChangeWatcher(db)
    assert watcher.poll() == set()
    with sqlite3.connect(db.database.database) as other:
        other.execute("UPDATE article SET headline = 'Changed elsewhere' WHERE id = ?",
                      (story.id,))
    assert "article" in watcher.poll()
    assert watcher.poll() == set()


@pytest.mark.postgres
def test_postgres_notifies_listeners_of_committed_changes(pg_db):
    import psycopg2

    watcher = ChangeWatcher(pg_db)
    assert watcher.poll() == set()
    params = dict(pg_db.database.connect_params, dbname=pg_db.database.database)
    other = psycopg2.connect(**params)
    with other, other.cursor() as cursor:
        cursor.execute("INSERT INTO setting (key, value) VALUES ('x', 'y')")
    assert watcher.poll() == set()  # settings are not watched
    story = articles.create_article({"headline": "From a colleague"})
    with other, other.cursor() as cursor:
        cursor.execute("UPDATE article SET headline = 'Changed' WHERE id = %s", (story.id,))
    other.close()
    assert "article" in watcher.poll()
    watcher.close()

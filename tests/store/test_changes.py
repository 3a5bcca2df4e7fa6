"""Colleagues' changes are noticed: SQLite data_version and PostgreSQL LISTEN/NOTIFY."""

from __future__ import annotations

import sqlite3
import time

import pytest

from newsdesk.store.changes import ChangeWatcher
from newsdesk.stories import articles


def test_sqlite_notices_another_connections_commit(db):
    story = articles.create_article({"headline": "Watched"})
    watcher = ChangeWatcher(db)
    assert watcher.poll() == set()
    with sqlite3.connect(db.database.database) as other:
        other.execute("UPDATE article SET headline = 'Changed elsewhere' WHERE id = ?",
                      (story.id,))
    assert "article" in watcher.poll()
    assert watcher.poll() == set()


def changes_within(watcher: ChangeWatcher, seconds: float = 5.0) -> set[str]:
    """Notifications travel over a socket: give them a moment to arrive."""
    deadline = time.monotonic() + seconds
    while True:
        found = watcher.poll()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


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
    story = articles.create_article({"headline": "Our own story"})
    assert watcher.poll() == set()  # our own writes are not a colleague's news
    with other, other.cursor() as cursor:
        cursor.execute("UPDATE article SET headline = 'Changed' WHERE id = %s", (story.id,))
    other.close()
    assert "article" in changes_within(watcher)
    watcher.close()

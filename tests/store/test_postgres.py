"""Team mode on a real PostgreSQL server (NEWSDESK_TEST_PG_URL; started by .ci/run)."""

from __future__ import annotations

import json

import pytest

from newsdesk.errors import ConflictError, DatabaseUnavailable
from newsdesk.store.db import open_database
from newsdesk.store.migrations import current_version, latest_version
from newsdesk.store.models import Article, SchemaInfo
from newsdesk.stories import articles

pytestmark = pytest.mark.postgres


def test_migrates_and_stores_stories(pg_db):
    assert current_version(pg_db) == latest_version()
    article = articles.create_article({"headline": "Heydərov speaks", "body": "Text"})
    saved = articles.save_article(article.id, {"body": "New"}, expected_version=1)
    with pytest.raises(ConflictError):
        articles.save_article(article.id, {"body": "Stale"}, expected_version=1)
    assert Article.get_by_id(article.id).body == "New" == saved.body


def test_newer_schema_is_refused(pg_url):
    open_database(pg_url).close()
    opened = open_database(pg_url, migrate=False)
    SchemaInfo.update(value="999").execute()
    opened.close()
    with pytest.raises(DatabaseUnavailable, match="newer newsdesk"):
        open_database(pg_url)


def test_unreachable_server_and_wrong_database_are_clear(cli):
    result = cli("list", "--db", "postgresql://nobody@127.0.0.1:1/none")
    assert result.returncode == 1
    assert "cannot connect" in result.stderr and "Traceback" not in result.stderr


def test_copy_sqlite_to_postgres_and_back(cli, tmp_path, pg_url):
    source = tmp_path / "source.sqlite3"
    demo = cli("list", "--demo", "--json")
    assert demo.returncode == 0
    from newsdesk.commands.common import open_demo_database

    opened = open_demo_database(tmp_path)
    opened.close()
    (tmp_path / "newsdesk-demo.sqlite3").rename(source)
    there = cli("db", "copy", "--from", str(source), "--to", pg_url)
    assert there.returncode == 0, there.stderr
    assert "counts verified" in there.stdout
    again = cli("db", "copy", "--from", str(source), "--to", pg_url)
    assert again.returncode == 1 and "not empty" in again.stderr
    back = tmp_path / "back.sqlite3"
    returned = cli("db", "copy", "--from", pg_url, "--to", str(back))
    assert returned.returncode == 0, returned.stderr
    original = json.loads(cli("list", "--json", "--db", str(source)).stdout)
    on_server = json.loads(cli("list", "--json", "--db", pg_url).stdout)
    round_trip = json.loads(cli("list", "--json", "--db", str(back)).stdout)
    assert original == on_server == round_trip
    slug = original[0]["slug"]
    shown = [json.loads(cli("show", slug, "--json", "--db", db).stdout)
             for db in (str(source), pg_url, str(back))]
    assert shown[0] == shown[1] == shown[2]


def test_story_list_pages_and_counts(pg_db):
    from newsdesk import search

    for index in range(7):
        articles.create_article({"headline": f"Story {index}", "section": "politics",
                                 "dateline_date": None if index % 2 else f"2023-01-0{index + 1}"})
    listing = search.backend()
    for key in search.SORT_KEYS:
        first = listing.page(search.Filters(), search.Sort(key), limit=4)
        rest = listing.page(search.Filters(), search.Sort(key), after=first.next_after, limit=4)
        assert len({row[search.ID] for row in first.rows + rest.rows}) == 7, key
    assert listing.status_counts(search.Filters())["draft"] == 7
    assert len(articles.list_summaries()) == 7


def _drop_connection(opened) -> None:
    """What a server restart or a network cut does to newsdesk's open connection."""
    import os

    import psycopg2

    pid = opened.database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
    admin = psycopg2.connect(os.environ["NEWSDESK_TEST_PG_URL"])
    admin.autocommit = True
    admin.cursor().execute("SELECT pg_terminate_backend(%s)", (pid,))
    admin.close()


def test_a_dropped_connection_is_replaced(pg_db):
    story = articles.create_article({"headline": "Survives", "body": "one"})
    _drop_connection(pg_db)
    saved = articles.save_article(story.id, {"body": "two"}, expected_version=story.version)
    _drop_connection(pg_db)
    assert articles.get_article(story.id).body == "two" == saved.body


def test_editor_keeps_typing_through_a_dropped_connection(pg_db, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from newsdesk.stories.recovery import RecoveryJournal
    from newsdesk.ui.desk.editor import EditorPanel

    story = articles.create_article({"headline": "Typed through a cut", "body": "Start."})
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    editor = EditorPanel(settings, journal=RecoveryJournal(tmp_path / "journal"))
    qtbot.addWidget(editor)
    editor.open_article(story.id)
    editor.body.setPlainText("Start. Typed while the server dropped us.")
    _drop_connection(pg_db)
    assert editor.save_now()
    assert articles.get_article(story.id).body == "Start. Typed while the server dropped us."
    editor.cancel_timers()


def test_change_watcher_listens_again_after_a_drop(pg_db):
    import os
    import time

    import psycopg2

    from newsdesk.store.changes import ChangeWatcher

    watcher = ChangeWatcher(pg_db)
    first_pid = watcher._listener.get_backend_pid()
    admin = psycopg2.connect(os.environ["NEWSDESK_TEST_PG_URL"])
    admin.autocommit = True
    admin.cursor().execute("SELECT pg_terminate_backend(%s)", (first_pid,))
    admin.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        watcher.poll()  # never raises: a lost listener is dropped, then replaced
        if watcher._listener is not None and watcher._listener.get_backend_pid() != first_pid:
            break
        time.sleep(0.05)
    assert watcher._listener is not None
    assert watcher._listener.get_backend_pid() != first_pid
    watcher.close()


def test_settings_are_stored_and_replaced(pg_db):
    from newsdesk.publish.site import save_site_address, stored_site_address
    from newsdesk.store.models import Setting

    save_site_address("https://news.example.az/", "reviews@example.az")
    save_site_address("https://news.example.az/new/", "")
    assert stored_site_address() == ("https://news.example.az/new/", "")
    Setting.put("desk.motto", "first")
    Setting.put("desk.motto", "second")
    assert Setting.get_value("desk.motto") == "second"


def test_a_server_that_does_not_answer_is_waited_for_a_bounded_time(monkeypatch):
    """libpq waits for ever to connect by default: a window saving over a dropped Wi-Fi
    would hang instead of going on in its replica. A URL's own choice stays."""
    from playhouse.db_url import parse

    from newsdesk.store.postgres import CONNECT_TIMEOUT_S, NewsdeskPostgresqlDatabase

    database = NewsdeskPostgresqlDatabase(**parse("postgresql://u@192.0.2.1:5432/news"))
    assert database.connect_params["connect_timeout"] == CONNECT_TIMEOUT_S
    assert database.connect_params["keepalives"] == 1
    own = NewsdeskPostgresqlDatabase(
        **parse("postgresql://u@192.0.2.1:5432/news?connect_timeout=30"))
    assert int(own.connect_params["connect_timeout"]) == 30

"""Every working area on PostgreSQL, as on SQLite: the sample newsroom on a real server."""

from __future__ import annotations

import json

import pytest

from newsdesk import search
from newsdesk.moderation import reviews
from newsdesk.people import registry as entities
from newsdesk.people import suggest
from newsdesk.store.models import Article, Review

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_demo(pg_db):
    from newsdesk.sample import load_sample_content

    load_sample_content()
    return pg_db


def test_sample_newsroom_loads_with_rules_applied(pg_demo):
    assert Article.select().count() >= 12
    statuses = {r.status for r in Review.select(Review.status)}
    assert {"pending", "rejected"} <= statuses


def test_window_works_in_every_mode(pg_demo, settings, qtbot):
    # qtbot last: its teardown (closing the window) must run before the database is dropped.
    from newsdesk.ui.main_window import MainWindow

    window = MainWindow(pg_demo, settings)
    qtbot.addWidget(window)
    window.show()
    for mode in ("desk", "moderation", "entities", "desk"):
        window.show_mode(mode)
        assert window.current_mode() == mode
    assert window.desk.article_list.model.rowCount() >= 12
    window.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)  # background reads finish first


def test_moderation_queue_and_decisions(pg_demo):
    from newsdesk.moderation import queues as review_queue
    pending = review_queue.fetch_page(review_queue.QueueFilter("pending"))
    assert pending
    first = pending[0].id
    reviews.decide([first], "approved")
    assert Review.get_by_id(first).status == "approved"
    counts = review_queue.queue_counts(review_queue.QueueFilter("pending"))
    assert counts["approved"] >= 1


def test_registry_and_suggestions(pg_demo):
    story = Article.get(Article.slug == "parliament-passes-amended-media-law")
    found = suggest.suggest(suggest.story_parts(story.headline, story.body, story.footnote),
                            suggest.registry_index())
    known = {s.name for s in found if s.entity_id is not None}
    assert "Rauf Mammadov" in known
    assert entities.find_by_name("Рауф Мамедов").name == "Rauf Mammadov"


def test_search_and_cli_on_the_server(pg_demo, pg_url, cli):
    assert search.search("Mammadov")
    listed = json.loads(cli("list", "--search", "bank", "--json", "--db", pg_url).stdout)
    assert listed and "snippet" in listed[0]
    shown = cli("reviews", "list", "--status", "pending", "--json", "--db", pg_url)
    assert shown.returncode == 0, shown.stderr


def test_exports_from_the_server(pg_demo, pg_url, cli, tmp_path):
    for fmt in ("site", "ninjs", "markdown"):
        result = cli("export", "--out", str(tmp_path / fmt), "--format", fmt, "--db", pg_url)
        assert result.returncode == 0, result.stderr
        assert any((tmp_path / fmt).iterdir())

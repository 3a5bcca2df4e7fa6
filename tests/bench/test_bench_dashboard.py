"""The dashboard benchmark figure runs end to end on a small synthetic newsroom."""

from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

from newsdesk.bench.context import BenchContext
from newsdesk.bench.dashboard import (
    EXTRA_PER_STORY,
    add_desk_activity,
    measure_dashboard,
    raw_figures,
)
from newsdesk.bench.moderation import database_copy
from newsdesk.stats import dashboard
from newsdesk.stats.period import Period
from newsdesk.store.timestamps import stored_moment


def table_sizes(path) -> list[int]:
    with closing(sqlite3.connect(path)) as connection:
        return [connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("review", "review_flag", "article_tag")]


def test_dashboard_figure_leaves_the_cached_database_unchanged():
    context = BenchContext(articles=300)
    before = table_sizes(context.database_path)
    [figure] = measure_dashboard(context)
    assert figure.figure == "dashboard" and figure.unit == "s" and figure.n == 300
    assert figure.value > 0 and figure.floor and figure.ratio
    assert f"{300 * (EXTRA_PER_STORY + 1):,} reviews" in figure.note
    assert table_sizes(context.database_path) == before


def test_the_added_activity_fills_every_panel_and_the_floor_reads_the_same_rows():
    context = BenchContext(articles=300)
    with database_copy(context) as opened:
        (newest,) = opened.database.execute_sql("SELECT max(created_at) FROM article").fetchone()
        period = Period(stored_moment(newest), 0)
        add_desk_activity(opened, period.now)
        figures = dashboard.compute(period)
        raw = raw_figures(opened, period)
        # Every panel has something to draw...
        assert figures.pending and figures.flagged and figures.median_wait_seconds
        assert any(day.total for day in figures.published_per_day)
        assert any(day.received and day.decided for day in figures.reviews_per_day)
        assert {m.label for m in figures.decisions} >= {"Leyla", "automatic rules"}
        assert figures.flags and figures.tagged("person") and figures.tagged("organisation")
        # ... and the floor ran the very statements compute() did, row for row.
        assert sum(count for _status, count in raw[0]) == sum(
            figures.stories_by_status.values())
        assert raw[2][0][0] == figures.pending
        indexes = {name for (name,) in opened.database.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review'")}
        assert "review_moderated_at_moderated_by_status_submitted_at" in indexes


@pytest.mark.postgres
def test_dashboard_figure_on_postgres_gives_the_database_back(pg_url):
    import psycopg2

    def sizes() -> list[int]:
        with closing(psycopg2.connect(pg_url)) as connection, connection.cursor() as cursor:
            found = []
            for table in ("review", "review_flag", "article_tag"):
                cursor.execute(f"SELECT count(*) FROM {table}")
                found.append(cursor.fetchone()[0])
            return found

    context = BenchContext(articles=300, db_url=pg_url)
    context.target  # noqa: B018 (the synthetic newsroom copied in first)
    before = sizes()
    [figure] = measure_dashboard(context)
    assert figure.figure == "dashboard" and figure.floor and figure.n == 300
    assert sizes() == before

"""The moderation benchmark figures run end to end on a small synthetic database."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from newsdesk.bench.context import BenchContext
from newsdesk.bench.moderation import measure_moderation


def review_statuses(path) -> list[tuple[str, int]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(
            "SELECT status, count(*) FROM review GROUP BY status").fetchall()


def test_moderation_figure_leaves_the_cached_database_unchanged():
    context = BenchContext(articles=300)
    before = review_statuses(context.database_path)
    [figure] = measure_moderation(context)
    assert figure.figure == "moderation" and figure.floor and figure.n > 100
    assert review_statuses(context.database_path) == before

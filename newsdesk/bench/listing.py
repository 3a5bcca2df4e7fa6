"""The ``list``, ``search`` and ``list-memory`` benchmark figures.

``list`` and ``search`` time newsdesk's own path (the list model's first page; the search
API with snippets) against the same work as raw SQL on a bare ``sqlite3`` connection, query
by query, interleaved so machine drift hits both sides alike. ``list-memory`` runs a fresh
process that shows the list and scrolls to the last story (``newsdesk.ui.bench_probe``).
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure, median_time

# What a user types, and the FTS5 query a person would write by hand for it.
SEARCHES = [
    ("parliament", "parliament"),
    ("Aliyev", "aliyev"),
    ("Heydərov", "heydarov"),
    ("Heyderov", "heydarov"),  # ə typed as e: the index's spelling is the floor's
    ("Hajiy*", "hajiy*"),
    ('"press freedom"', '"press freedom"'),
    ("gas export", "gas AND export"),
    ("Mamedov court", "mamedov AND court"),
    ("journalists union", "journalists AND union"),
    ("flood relief", "flood AND relief"),
    ("pipeline", "pipeline"),
    ('"Rauf Mammadov"', '"rauf mammadov"'),
    ("constitutional appeal", "constitutional AND appeal"),
    ("inflation bank licence", "inflation AND bank AND licence"),
    ("Gadzhiev", "gadzhiev"),
    ("Quliyev protest", "quliyev AND protest"),
    ("Samira", "samira"),
    ("observers report", "observers AND report"),
    ('"peace talks" delegation', '"peace talks" AND delegation'),
    ("ref*", "ref*"),
    ("election", "election"),
]
RAW_SEARCH = ("SELECT rowid, snippet(article_fts, -1, char(2), char(3), '…', 14) "
              "FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT 50")
RAW_LIST = (
    "SELECT a.id, a.headline, a.status, a.dateline_place, a.dateline_date, a.desk_code, "
    "a.language, a.section, a.updated_at, (SELECT count(*) FROM review r "
    "WHERE r.article_id = a.id AND r.status = 'pending'), a.slug, a.dateline_source "
    "FROM article a WHERE +a.deleted_at IS NULL ORDER BY a.updated_at DESC, a.id DESC LIMIT 200")


def _open(context: BenchContext):
    from newsdesk.store.db import open_database

    return open_database(str(context.database_path))


def measure_list(context: BenchContext) -> list[Figure]:
    from newsdesk.ui.bench_probe import first_list_page

    opened = _open(context)
    raw = sqlite3.connect(context.database_path)
    try:
        first_list_page()  # warm both caches once
        raw.execute(RAW_LIST).fetchall()
        values, floors = [], []
        for _ in range(15):
            values.append(median_time(first_list_page, 3))
            floors.append(median_time(lambda: raw.execute(RAW_LIST).fetchall(), 3))
    finally:
        raw.close()
        opened.close()
    return [Figure("list", statistics.median(values), statistics.median(floors), "s",
                   context.articles)]


def measure_search(context: BenchContext) -> list[Figure]:
    from newsdesk import search

    opened = _open(context)
    raw = sqlite3.connect(context.database_path)
    try:
        values, floors = [], []
        for typed, fts in SEARCHES:
            search.search(typed, limit=50)  # warm the pages this query reads
            raw.execute(RAW_SEARCH, (fts,)).fetchall()
            # A default binds the loop value (mypy cannot type such a lambda).
            values.append(median_time(lambda t=typed: search.search(t, limit=50), 5))  # type: ignore[misc]
            floors.append(median_time(lambda f=fts: raw.execute(RAW_SEARCH, (f,)).fetchall(), 5))  # type: ignore[misc]
    finally:
        raw.close()
        opened.close()
    return [Figure("search", statistics.median(values), statistics.median(floors), "s",
                   context.articles, note=f"median of {len(SEARCHES)} searches, top 50")]


def measure_list_memory(context: BenchContext) -> list[Figure]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk.ui.bench_probe", "list-memory",
         str(context.database_path)], env=env, capture_output=True, text=True, timeout=900)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"list-memory probe failed: {result.stderr.strip()[-500:]}")
    data = json.loads(lines[-1])
    return [Figure("list-memory", data["mb"], None, "MB", data["rows"],
                   note="above an empty window; target < 150")]

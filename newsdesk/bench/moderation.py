"""The ``moderation`` and ``import-reviews`` benchmark figures.

Both work on a private copy of the cached synthetic database, so runs never change it.

- ``moderation``: approving 10,000 selected reviews of the 100,000 through
  ``reviews.decide`` (the window's and the CLI's path: previous states recorded for undo,
  one transaction), against one raw ``UPDATE ... WHERE id IN (...)`` of the same rows.
- ``import-reviews``: a 10,000-review JSON Lines file read, validated and imported with the
  moderation rules applied, in reviews per second (no floor; a raw INSERT of the same
  rows is given in the note for scale).

Each figure is the best of its runs (runs alternate between value and floor). With
``--db postgresql://...`` they run on that database and put back what they changed.
"""

from __future__ import annotations

import json
import random
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.bench.synthetic import WORDS
from newsdesk.store.db import open_database
from newsdesk.store.opened import OpenedDatabase

SELECTED = 10_000
IMPORTED = 10_000
RUNS = 5
SEED = 7
RULES = {"banned_words": ["scum", "vermin"], "suspect_words": ["idiot", "liar", "traitor"],
         "banned_authors": ["spam.bot@example.net"], "max_links": 2}


@contextmanager
def database_copy(context: BenchContext) -> Iterator[OpenedDatabase]:
    """A private copy of the synthetic SQLite database, opened and bound; with ``--db``,
    the PostgreSQL database itself (the figures put back what they change there)."""
    if context.db_url:
        opened = open_database(context.target)
        try:
            yield opened
        finally:
            opened.close()
        return
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as folder:
        target = Path(folder) / "copy.sqlite3"
        source = sqlite3.connect(context.database_path)
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
            source.close()
        opened = open_database(str(target))
        try:
            yield opened
        finally:
            opened.close()


def _marks(opened: OpenedDatabase, count: int) -> str:
    return ", ".join([opened.database.param] * count)


def _reset(opened: OpenedDatabase, ids: list[int]) -> None:
    with opened.database.atomic():
        opened.database.execute_sql(
            f"UPDATE review SET status = 'pending', moderated_at = NULL "
            f"WHERE id IN ({_marks(opened, len(ids))})", ids)


def _raw_approve(opened: OpenedDatabase, ids: list[int]) -> None:
    with opened.database.atomic():
        opened.database.execute_sql(
            f"UPDATE review SET status = 'approved', moderated_at = {opened.database.param} "
            f"WHERE id IN ({_marks(opened, len(ids))})", [time.strftime("%F %T"), *ids])


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure_moderation(context: BenchContext) -> list[Figure]:
    from newsdesk.moderation import reviews
    with database_copy(context) as opened:
        pending = [i for (i,) in opened.database.execute_sql(
            "SELECT id FROM review WHERE status = 'pending' ORDER BY id")]
        ids = sorted(random.Random(SEED).sample(pending, min(SELECTED, len(pending))))
        values, floors = [], []
        for _ in range(RUNS):  # alternate, so drift in machine speed hits both alike
            values.append(_timed(lambda: reviews.decide(ids, "approved")))
            _reset(opened, ids)
            floors.append(_timed(lambda: _raw_approve(opened, ids)))
            _reset(opened, ids)
    # The best run of each: on a shared machine the slower runs measure the neighbours.
    return [Figure("moderation", min(values), min(floors), "s", len(ids))]


def _records(count: int, prefix: str, articles: int, rng: random.Random) -> list[dict]:
    records = []
    for index in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(8, 80))]
        roll = rng.random()
        if roll < 0.05:
            words += [f"http://spam{n}.example/{index}" for n in range(3)]
        elif roll < 0.08:
            words.insert(0, rng.choice(["idiot", "liar", "scum"]))
        elif roll < 0.10:
            words = [w.upper() for w in words]
        reader = rng.randint(1, 5000)
        records.append({
            "id": f"{prefix}-{index}", "article": f"story-{rng.randint(1, articles)}",
            "author": f"Reader {reader}", "email": f"reader{reader}@example.org",
            "text": " ".join(words), "submitted": "2024-01-01T00:00:00Z",
            "rating": rng.choice([None, 1, 2, 3, 4, 5])})
    return records


def _raw_insert_rate(opened: OpenedDatabase, records: list[dict]) -> float:
    """Reviews per second for a bare executemany INSERT of the same rows (for scale)."""
    ids = {r["article"]: None for r in records}
    for article_id, slug in opened.database.execute_sql(
            f"SELECT id, slug FROM article WHERE slug IN ({_marks(opened, len(ids))})",
            list(ids)):
        ids[slug] = article_id
    rows = [(f"raw-{r['id']}", ids[r["article"]], r["author"], r["email"], r["text"], "h",
             r["rating"], "2024-01-01 00:00:00", "2024-01-01 00:00:00", "pending")
            for r in records]
    start = time.perf_counter()
    with opened.database.atomic():
        opened.database.cursor().executemany(
            "INSERT INTO review (external_id, article_id, author, email, text, text_hash, "
            f"rating, submitted_at, imported_at, status) VALUES ({_marks(opened, 10)})", rows)
    return len(rows) / (time.perf_counter() - start)


def _remove_bench_reviews(opened: OpenedDatabase) -> None:
    """On a shared PostgreSQL database: take out what the import figure added."""
    with opened.database.atomic():
        opened.database.execute_sql(
            "DELETE FROM review_flag WHERE review_id IN (SELECT id FROM review WHERE "
            "external_id LIKE 'bench%' OR external_id LIKE 'raw-bench%')")
        opened.database.execute_sql(
            "DELETE FROM review WHERE external_id LIKE 'bench%' "
            "OR external_id LIKE 'raw-bench%'")


def measure_import_reviews(context: BenchContext) -> list[Figure]:
    from newsdesk.moderation import review_files as review_import
    from newsdesk.moderation import reviews
    from newsdesk.moderation import rule_store as moderation_rules
    rng = random.Random(SEED)
    with database_copy(context) as opened, \
            tempfile.TemporaryDirectory(prefix="newsdesk-bench-") as folder:
        rules = moderation_rules.load_rules()
        moderation_rules.replace_rules(RULES)
        try:
            rates = []
            for run in range(3):
                records = _records(IMPORTED, f"bench{run}", context.articles, rng)
                path = Path(folder) / f"reviews-{run}.jsonl"
                path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
                start = time.perf_counter()
                result = reviews.import_records(review_import.read_review_file(path),
                                                str(path))
                rates.append(result.added / (time.perf_counter() - start))
            raw = _raw_insert_rate(opened, records)
        finally:
            if context.db_url:
                _remove_bench_reviews(opened)
                moderation_rules.replace_rules(rules.__dict__)
    return [Figure("import-reviews", max(rates), None, "reviews/s", IMPORTED,
                   note=f"raw INSERT of the same rows: {raw:,.0f} reviews/s")]

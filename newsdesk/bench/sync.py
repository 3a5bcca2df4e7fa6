"""The ``sync``, ``sync-first`` and ``sync-idle`` benchmark figures.

A team server of ``--articles`` stories (100,000 by default) is built in a PostgreSQL
database of the figure's own (``pg_server``) with one set-based INSERT, and a replica
holding every story's header (a laptop's default: full text only for the stories kept)
pulls it once (``sync-first``). Then, round by round, 1,000 stories change on the server
and one ``sync`` brings them in (``sync``), against a raw SELECT of the same rows and
columns on a bare psycopg2 connection (the floor, timed right after each round).
``sync-idle`` is a sync with nothing changed, opening both databases included (the goal:
under 100 ms). Each sync is the service ``newsdesk sync`` runs, without process start.

The server's search index is left empty (its trigger is off while the stories are
written: it costs ~0.7 ms a story, which would make the build last minutes, and no sync
reads it); it is on again for the rounds' changes, as on a newsroom's server.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.pg_server import Unavailable, postgres_for_bench
from newsdesk.bench.results import Figure

CHANGED = 1000
ROUNDS = 3
IDLE_RUNS = 5
SECTIONS = ("politics", "economy", "society", "culture", "sport", "world")
STATUSES = ("draft", "edited", "ready", "published")
LANGUAGES = ("en", "az", "ru")

_FILL = """
INSERT INTO article (uuid, slug, headline, dateline_place, dateline_date, dateline_source,
    body, footnote, desk_code, byline, section, language, urgency, status, created_at,
    updated_at, published_at, version, agency_version, agency_version_created,
    agency_metadata, import_digest, change_kind, change_note)
SELECT md5('bench-sync-' || i)::uuid::text, 'story-' || i,
    'Story ' || i || ': parliament debates the '
        || (%(topics)s::text[])[1 + i %% cardinality(%(topics)s::text[])] || ' in Baku',
    'Baku', DATE '2023-01-01' + (i %% 700), 'Turan',
    repeat('The Milli Majlis adopted the amended law on Tuesday after a long debate. ', 12),
    '', '-' || lpad((i %% 100)::text, 2, '0') || '/11K-', 'Desk',
    (%(sections)s::text[])[1 + i %% cardinality(%(sections)s::text[])],
    (%(languages)s::text[])[1 + i %% cardinality(%(languages)s::text[])], 1 + i %% 5,
    (%(statuses)s::text[])[1 + i %% cardinality(%(statuses)s::text[])],
    TIMESTAMP '2023-01-01' + i * INTERVAL '7 minutes',
    TIMESTAMP '2023-01-01' + i * INTERVAL '7 minutes',
    CASE WHEN i %% 4 = 3 THEN TIMESTAMP '2023-01-01' + i * INTERVAL '8 minutes' END,
    1, '', '', '', '', '', ''
FROM generate_series(1, %(articles)s) AS i
"""
TOPICS = ("budget", "media law", "gas export", "court reform", "flood relief")


def build_server(url: str, articles: int) -> float:
    """Fill the empty database at ``url`` with ``articles`` stories; seconds it took."""
    import psycopg2

    from newsdesk.store.db import open_database

    start = time.perf_counter()
    open_database(url).close()  # the schema, its triggers and the change sequence
    connection = psycopg2.connect(url)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute("ALTER TABLE article DISABLE TRIGGER newsdesk_search_article")
            cursor.execute(_FILL, {"articles": articles, "topics": list(TOPICS),
                                   "sections": list(SECTIONS), "languages": list(LANGUAGES),
                                   "statuses": list(STATUSES)})
            cursor.execute("ALTER TABLE article ENABLE TRIGGER newsdesk_search_article")
        connection.autocommit = True
        connection.cursor().execute("VACUUM ANALYZE article")
    finally:
        connection.close()
    return time.perf_counter() - start


def _sync(url: str, replica: Path) -> float:
    """Seconds of one sync, opening both databases included."""
    from newsdesk.store.db import create_database, open_database
    from newsdesk.sync.run import sync

    start = time.perf_counter()
    server = open_database(url)
    copy = create_database(replica)
    try:
        sync(server, copy)
    finally:
        copy.close()
        server.close()
    return time.perf_counter() - start


def _header_columns() -> str:
    from newsdesk.sync.tables import SPECS, pulled_fields

    return ", ".join(f.column_name for f in pulled_fields(SPECS["article"], text=False))


def measure_sync(context: BenchContext) -> list[Figure]:
    try:
        with postgres_for_bench(context.db_url) as url, \
                tempfile.TemporaryDirectory(prefix="newsdesk-bench-sync-") as folder:
            return _measure(url, Path(folder) / "replica.sqlite3", context.articles)
    except Unavailable as exc:
        print(f"sync: {exc}; figures skipped", file=sys.stderr)
        return []


def _measure(url: str, replica: Path, articles: int) -> list[Figure]:
    import psycopg2

    built = build_server(url, articles)
    first = _sync(url, replica)
    changed = min(CHANGED, articles)
    columns = _header_columns()
    connection = psycopg2.connect(url)
    connection.autocommit = True
    values, floors = [], []
    try:
        cursor = connection.cursor()
        for round_ in range(ROUNDS):
            ids = [(round_ * changed + k) % articles + 1 for k in range(changed)]
            cursor.execute("UPDATE article SET headline = headline || ' (updated)', "
                           "version = version + 1, updated_at = now() WHERE id = ANY(%s)",
                           (ids,))
            values.append(_sync(url, replica))
            start = time.perf_counter()
            cursor.execute(f"SELECT {columns} FROM article WHERE id = ANY(%s)", (ids,))
            cursor.fetchall()
            floors.append(time.perf_counter() - start)
    finally:
        connection.close()
    idle = statistics.median(_sync(url, replica) for _ in range(IDLE_RUNS))
    where = f"{articles:,}-story server"
    return [
        Figure("sync", statistics.median(values), statistics.median(floors), "s", changed,
               note=f"{changed:,} changed stories pulled from a {where}, headers"),
        Figure("sync-first", first, None, "s", articles,
               note=f"first pull of every header; server built in {built:.1f} s"),
        Figure("sync-idle", idle, None, "s", articles,
               note="nothing changed, opening both databases included; target < 0.1"),
    ]

"""The ``dashboard`` benchmark figure: every panel of the Dashboard computed at once.

The synthetic newsroom has one review per story; the Dashboard is meant for 10 per story.
On a private copy of the cached database (or, with ``--db``, on the PostgreSQL database,
which gets back what it had afterwards) this builds the rest with a few raw INSERT ...
SELECT statements: 9 more reviews per story, each submitted within three days of its
story, decided by one of six moderators or the rules within two days (those of the last
two days and one in a hundred still pending), one in twelve flagged, and three tags per
story. The figures' "now" is the newest story's time, so the 30 days hold a newsroom's
month. On the SQLite copy the review indexes are dropped while loading and built again
after (a sort each, instead of 900,000 scattered inserts into ten of them), and the
triggers keeping tables the Dashboard does not read (search index, export stamps, pending
counts) are dropped: the copy is thrown away.

Value: ``dashboard.compute`` (what the window runs on its worker thread, results
assembled into records); floor: the same aggregate statements run on the bare DB-API
cursor, every row fetched. Best of ``RUNS``, alternating.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from newsdesk.bench.context import BenchContext
from newsdesk.bench.moderation import database_copy
from newsdesk.bench.results import Figure
from newsdesk.stats import dashboard, queries
from newsdesk.stats.period import Period
from newsdesk.store import search_index
from newsdesk.store.dialect import in_param_style, is_postgres
from newsdesk.store.opened import OpenedDatabase
from newsdesk.store.timestamps import stored_moment

EXTRA_PER_STORY = 9  # with the synthetic newsroom's one: 10 reviews per story
TAGS_PER_STORY = 3
RUNS = 7
PREFIX = "dash-"
MODERATORS = ("Leyla", "Rauf", "Samira", "Tural", "Nigar", "Emin")

_SQLITE_SERIES = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                  "WHERE i < ?) ")


def _later(column: str, minutes: str, *, postgres: bool) -> str:
    if postgres:
        return f"({column} + ({minutes}) * interval '1 minute')"
    return f"datetime({column}, '+' || ({minutes}) || ' minutes')"


def _moderator_case() -> str:
    names = " ".join(f"WHEN {number} THEN '{name}'" for number, name in enumerate(MODERATORS))
    return f"CASE WHEN i % 13 = 0 THEN '(rules)' ELSE CASE i % {len(MODERATORS)} {names} END END"


def _reviews_sql(*, postgres: bool) -> str:
    series = ("WITH n(i) AS (SELECT generate_series(1, ?)) " if postgres else _SQLITE_SERIES)
    submitted = _later("a.created_at", "(b.i * 104729) % 4320", postgres=postgres)
    decided = _later("submitted", "30 + (i * 31) % 2880", postgres=postgres)
    return (
        f"{series}, picked AS (SELECT i, 1 + (i * 7919) % ? AS article_id FROM n), "
        f"dated AS (SELECT b.i AS i, b.article_id AS article_id, {submitted} AS submitted "
        "FROM picked b JOIN article a ON a.id = b.article_id), "
        "timed AS (SELECT i, article_id, submitted, (submitted >= ? OR i % 100 = 0) AS waiting "
        "FROM dated) "
        "INSERT INTO review (external_id, article_id, author, email, text, text_hash, rating, "
        "submitted_at, imported_at, status, moderated_at, moderated_by) "
        f"SELECT '{PREFIX}' || i, article_id, 'Reader ' || (i % 5000), "
        "'reader' || (i % 5000) || '@example.org', 'A reader''s view of the story.', "
        f"'{PREFIX}' || i, NULL, submitted, submitted, "
        "CASE WHEN waiting THEN 'pending' WHEN i % 10 < 7 THEN 'approved' "
        "WHEN i % 10 < 9 THEN 'rejected' ELSE 'spam' END, "
        f"CASE WHEN waiting THEN NULL ELSE {decided} END, "
        f"CASE WHEN waiting THEN '' ELSE {_moderator_case()} END FROM timed")


_FLAGS_SQL = (
    "INSERT INTO review_flag (review_id, code, reason) SELECT id, CASE (id / 12) % 5 "
    "WHEN 0 THEN 'links' WHEN 1 THEN 'suspect' WHEN 2 THEN 'repeat' WHEN 3 THEN 'shouting' "
    "ELSE 'hidden' END, 'benchmark' FROM review WHERE external_id LIKE ? AND id % 12 = 0")
_TAGS_SQL = (
    "INSERT INTO article_tag (article_id, entity_id, relation) SELECT a.id, "
    "? + (a.id * a.id + j.j * 677) % ?, 'about' FROM article a, "
    "(SELECT 1 AS j UNION ALL SELECT 2 UNION ALL SELECT 3) j")


# Triggers keeping what the Dashboard never reads: dropped on the private SQLite copy.
_UNREAD_TRIGGERS = ("export_stamp_review_insert", "review_pending_insert",
                    "export_stamp_tag_insert")


@contextmanager
def _loading(opened: OpenedDatabase) -> Iterator[None]:
    """SQLite: the review table's indexes out while rows go in, built again after."""
    if is_postgres():
        yield
        return
    database = opened.database
    indexes = [(name, sql) for name, sql in database.execute_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'review' "
        "AND sql IS NOT NULL")]
    search_index.drop_triggers(database.connection())
    for name in (*_UNREAD_TRIGGERS, *(name for name, _sql in indexes)):
        kind = "TRIGGER" if name in _UNREAD_TRIGGERS else "INDEX"
        database.execute_sql(f"DROP {kind} IF EXISTS {name}")
    yield
    for _name, sql in indexes:
        database.execute_sql(sql)


def _run(opened: OpenedDatabase, sql: str, params: tuple[object, ...]) -> None:
    """``sql`` written with ``?`` marks and ``%`` as modulo, on either database (psycopg2
    reads a bare ``%`` as the start of a parameter mark)."""
    if is_postgres():
        sql = sql.replace("%", "%%")
    opened.database.execute_sql(in_param_style(sql), params)


def _newest_story(opened: OpenedDatabase) -> datetime:
    (newest,) = opened.database.execute_sql("SELECT max(created_at) FROM article").fetchone()
    return stored_moment(newest)


def add_desk_activity(opened: OpenedDatabase, now: datetime) -> int:
    """The extra reviews, flags and tags (see the module's note); returns the reviews."""
    database = opened.database
    postgres = is_postgres()
    (articles,) = database.execute_sql("SELECT count(*) FROM article").fetchone()
    first_entity, last_entity = database.execute_sql(
        "SELECT min(id), max(id) FROM entity").fetchone()
    count = articles * EXTRA_PER_STORY
    with database.atomic(), _loading(opened):
        _run(opened, _reviews_sql(postgres=postgres),
             (count, articles, str(now - timedelta(days=2))))
        _run(opened, _FLAGS_SQL, (f"{PREFIX}%",))
        _run(opened, _TAGS_SQL, (first_entity, last_entity - first_entity + 1))
    return count


def remove_desk_activity(opened: OpenedDatabase, tags_before: int) -> None:
    """On a shared PostgreSQL database: take out what ``add_desk_activity`` added."""
    database = opened.database
    with database.atomic():
        database.execute_sql(in_param_style(
            "DELETE FROM review_flag WHERE review_id IN (SELECT id FROM review "
            "WHERE external_id LIKE ?)"), (f"{PREFIX}%",))
        database.execute_sql(in_param_style("DELETE FROM review WHERE external_id LIKE ?"),
                             (f"{PREFIX}%",))
        database.execute_sql(in_param_style("DELETE FROM article_tag WHERE id > ?"),
                             (tags_before,))


def raw_figures(opened: OpenedDatabase, period: Period) -> list[list[tuple]]:
    """The floor: the same statements on the bare DB-API cursor, every row fetched."""
    cursor = opened.database.connection().cursor()
    fetched = []
    for statement in queries.all_statements(period, postgres=is_postgres()).values():
        cursor.execute(in_param_style(statement.sql), statement.params)
        fetched.append(cursor.fetchall())
    return fetched


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure_dashboard(context: BenchContext) -> list[Figure]:
    with database_copy(context) as opened:
        (tags_before,) = opened.database.execute_sql(
            "SELECT coalesce(max(id), 0) FROM article_tag").fetchone()
        now = _newest_story(opened) + timedelta(hours=1)
        added = add_desk_activity(opened, now)
        try:
            (reviews,) = opened.database.execute_sql("SELECT count(*) FROM review").fetchone()
            period = Period(now, 0)
            values, floors = [], []
            for _ in range(RUNS):  # alternate, so drift in machine speed hits both alike
                values.append(_timed(lambda: dashboard.compute(period)))
                floors.append(_timed(lambda: raw_figures(opened, period)))
        finally:
            if context.db_url:
                remove_desk_activity(opened, tags_before)
    note = f"{reviews:,} reviews, {added:,} added for it"
    return [Figure("dashboard", min(values), min(floors), "s", context.articles, note=note)]

"""The dashboard's SQL: one aggregate statement per figure, for SQLite or PostgreSQL.

The statements are plain SQL text with ``?`` marks (``dashboard`` puts them in the open
database's parameter style), so the benchmark runs the very same aggregates on a bare
connection as its floor. What the two databases spell differently: a calendar day of a
stored UTC time on the user's clock, seconds between two times, and the median
(PostgreSQL's ``percentile_cont``; SQLite has none, so the middle rows are read with
LIMIT/OFFSET over the sorted waits).

Each statement reads through an index (migrations 6 and 11): the per-day figures through
the time indexes, the queue through (status, submitted_at), the tags through the stories
updated this week. SQLite's planner, which has no statistics here (nothing runs ANALYZE),
takes "deleted_at IS NULL" for a selective condition and would read every story through
it; ``_filter_only`` keeps it to the index that is.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsdesk.stats.period import Period
from newsdesk.store.models import RULES_MODERATOR

TOP_ENTITIES = 5  # the most-tagged entries shown per kind


@dataclass(frozen=True)
class Statement:
    sql: str
    params: tuple[object, ...] = ()


def local_day(column: str, offset_minutes: int, *, postgres: bool) -> str:
    """SQL for the user's calendar day of a stored UTC time, as ``YYYY-MM-DD`` text."""
    minutes = int(offset_minutes)  # an int from the clock, never user text: safe inline
    if postgres:
        return f"to_char({column} + interval '{minutes} minutes', 'YYYY-MM-DD')"
    return f"date({column}, '{minutes:+d} minutes')"


def seconds_between(earlier: str, later: str, *, postgres: bool) -> str:
    if postgres:
        return f"EXTRACT(EPOCH FROM ({later} - {earlier}))"
    return f"(julianday({later}) - julianday({earlier})) * 86400.0"


def _filter_only(column: str, *, postgres: bool) -> str:
    """``column`` in a condition that only filters rows (SQLite's unary plus: no index)."""
    return column if postgres else f"+{column}"


def _stored(moment: object) -> str:
    # Times are compared as stored text on SQLite ("YYYY-MM-DD HH:MM:SS[.ffffff]");
    # PostgreSQL reads the same text as a timestamp.
    return str(moment)


def stories_by_status() -> Statement:
    return Statement("SELECT status, count(*) FROM article WHERE deleted_at IS NULL "
                     "GROUP BY status")


def published_per_day(period: Period, *, postgres: bool) -> Statement:
    """Stories first published on each day (whatever their status since), per language."""
    day = local_day("published_at", period.utc_offset_minutes, postgres=postgres)
    deleted = _filter_only("deleted_at", postgres=postgres)
    return Statement(
        f"SELECT {day} AS day, language, count(*) FROM article "
        f"WHERE published_at >= ? AND {deleted} IS NULL GROUP BY day, language",
        (_stored(period.start),))


def review_queue() -> Statement:
    """Pending reviews, how many carry a flag, and when the oldest was submitted (a seek
    of its own: as an aggregate of the count's scan it read every pending review's time,
    a third of the statement's cost)."""
    return Statement(
        "SELECT count(*), sum(CASE WHEN r.id IN (SELECT review_id FROM review_flag) "
        "THEN 1 ELSE 0 END), (SELECT min(submitted_at) FROM review WHERE status = 'pending') "
        "FROM review r WHERE r.status = 'pending'")


def received_per_day(period: Period, *, postgres: bool) -> Statement:
    day = local_day("submitted_at", period.utc_offset_minutes, postgres=postgres)
    return Statement(f"SELECT {day} AS day, count(*) FROM review WHERE submitted_at >= ? "
                     f"GROUP BY day", (_stored(period.start),))


def decided_per_day(period: Period, *, postgres: bool) -> Statement:
    day = local_day("moderated_at", period.utc_offset_minutes, postgres=postgres)
    return Statement(f"SELECT {day} AS day, count(*) FROM review WHERE moderated_at >= ? "
                     f"AND status <> 'pending' GROUP BY day", (_stored(period.start),))


def decisions_by_moderator(period: Period) -> Statement:
    return Statement(
        "SELECT moderated_by, status, count(*) FROM review WHERE moderated_at >= ? "
        "AND status <> 'pending' GROUP BY moderated_by, status", (_stored(period.start),))


def median_wait(period: Period, *, postgres: bool) -> Statement:
    """Median seconds from submission to a decision, over the period's decisions made by
    people (the automatic rules decide on import: they would pull it towards nothing)."""
    wait = seconds_between("submitted_at", "moderated_at", postgres=postgres)
    where = "moderated_at >= ? AND status <> 'pending' AND moderated_by <> ?"
    params = (_stored(period.start), RULES_MODERATOR)
    if postgres:
        return Statement(f"SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY {wait}) "
                         f"FROM review WHERE {where}", params)
    return Statement(
        f"WITH waits AS MATERIALIZED (SELECT {wait} AS seconds FROM review WHERE {where}) "
        "SELECT avg(seconds) FROM (SELECT seconds FROM waits ORDER BY seconds "
        "LIMIT 2 - (SELECT count(*) FROM waits) % 2 "
        "OFFSET ((SELECT count(*) FROM waits) - 1) / 2) middle", params)


def flags_by_status(period: Period) -> Statement:
    """Reviews received in the period per flag code and per the status they have now."""
    return Statement(
        "SELECT f.code, r.status, count(DISTINCT r.id) FROM review r "
        "JOIN review_flag f ON f.review_id = r.id WHERE r.submitted_at >= ? "
        "GROUP BY f.code, r.status", (_stored(period.start),))


def most_tagged(period: Period, top: int = TOP_ENTITIES, *, postgres: bool) -> Statement:
    """The ``top`` entries of each kind tagged on the most stories updated this week."""
    deleted = _filter_only("a.deleted_at", postgres=postgres)
    merged = _filter_only("e.merged_into_id", postgres=postgres)
    return Statement(
        "SELECT kind, id, name, stories FROM (SELECT e.kind AS kind, e.id AS id, "
        "e.name AS name, count(*) AS stories, row_number() OVER (PARTITION BY e.kind "
        "ORDER BY count(*) DESC, e.name, e.id) AS place "
        "FROM article a JOIN article_tag t ON t.article_id = a.id "
        "JOIN entity e ON e.id = t.entity_id "
        f"WHERE a.updated_at >= ? AND {deleted} IS NULL AND {merged} IS NULL "
        "GROUP BY e.kind, e.id, e.name) ranked WHERE place <= ? ORDER BY kind, place",
        (_stored(period.week_start), top))


def all_statements(period: Period, *, postgres: bool) -> dict[str, Statement]:
    """Every figure's statement by name (what ``dashboard.compute`` runs, in this order)."""
    return {
        "stories_by_status": stories_by_status(),
        "published_per_day": published_per_day(period, postgres=postgres),
        "review_queue": review_queue(),
        "received_per_day": received_per_day(period, postgres=postgres),
        "decided_per_day": decided_per_day(period, postgres=postgres),
        "decisions_by_moderator": decisions_by_moderator(period),
        "median_wait": median_wait(period, postgres=postgres),
        "flags_by_status": flags_by_status(period),
        "most_tagged": most_tagged(period, postgres=postgres),
    }

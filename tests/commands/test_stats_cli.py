"""``newsdesk stats [--json]`` against counts taken straight from the database."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from contextlib import closing
from datetime import datetime, timedelta

import pytest

from newsdesk.store.timestamps import stored_moment, utcnow
from tests.dashboard_helpers import build_known_newsroom


def direct_counts(rows_of, figures: dict) -> dict:
    """What the figures should be, from plain SELECTs and Python counting (``rows_of``
    runs a query on a connection of the test's own)."""
    period = figures["period"]
    offset = timedelta(minutes=period["utc_offset_minutes"])
    start = datetime.fromisoformat(period["from"].removesuffix("Z"))
    week = datetime.fromisoformat(period["week_from"].removesuffix("Z"))

    def day(value) -> str:
        return (stored_moment(value) + offset).date().isoformat()

    stories = rows_of("SELECT status, published_at, language FROM article "
                      "WHERE deleted_at IS NULL")
    published = Counter((day(when), language) for _status, when, language in stories
                        if when is not None and stored_moment(when) >= start)
    reviews = rows_of("SELECT id, status, submitted_at, moderated_at, moderated_by "
                      "FROM review")
    flags = rows_of("SELECT review_id, code FROM review_flag")
    flagged_ids = {review_id for review_id, _code in flags}
    by_id = {row[0]: row for row in reviews}
    recent_flags = {(code, by_id[review_id][1], review_id) for review_id, code in flags
                    if stored_moment(by_id[review_id][2]) >= start}
    decided = [row for row in reviews if row[3] is not None and row[1] != "pending"
               and stored_moment(row[3]) >= start]
    tagged = rows_of("SELECT e.kind, e.name, a.updated_at FROM article_tag t "
                     "JOIN article a ON a.id = t.article_id JOIN entity e ON e.id = t.entity_id "
                     "WHERE a.deleted_at IS NULL AND e.merged_into_id IS NULL")
    return {
        "by_status": Counter(status for status, _when, _language in stories),
        "published": published,
        "pending": sum(1 for row in reviews if row[1] == "pending"),
        "flagged": sum(1 for row in reviews if row[1] == "pending" and row[0] in flagged_ids),
        "received": Counter(day(row[2]) for row in reviews if stored_moment(row[2]) >= start),
        "decided": Counter(day(row[3]) for row in decided),
        "by_moderator": Counter((row[4], row[1]) for row in decided),
        "flags": Counter((code, status) for code, status, _id in recent_flags),
        "tags": Counter((kind, name) for kind, name, updated in tagged
                        if stored_moment(updated) >= week),
    }


def check_against_direct_counts(figures: dict, direct: dict) -> None:
    stories, reviews = figures["stories"], figures["reviews"]
    assert {k: v for k, v in stories["by_status"].items() if v} == dict(direct["by_status"])
    assert {(d["day"], lang): n for d in stories["published_per_day"]
            for lang, n in d["by_language"].items()} == dict(direct["published"])
    assert (reviews["pending"], reviews["flagged"]) == (direct["pending"], direct["flagged"])
    assert {d["day"]: d["received"] for d in reviews["per_day"] if d["received"]} \
        == dict(direct["received"])
    assert {d["day"]: d["decided"] for d in reviews["per_day"] if d["decided"]} \
        == dict(direct["decided"])
    assert {(m["moderator"], kind): m[kind] for m in reviews["decisions_by_moderator"]
            for kind in ("approved", "rejected", "spam") if m[kind]} \
        == dict(direct["by_moderator"])
    assert {(f["code"], status): f[status] for f in reviews["flags"]
            for status in ("pending", "approved", "rejected", "spam") if f[status]} \
        == dict(direct["flags"])
    assert {(e["kind"], e["name"]): e["stories"] for e in figures["most_tagged"]} \
        == dict(direct["tags"])
    assert len(stories["published_per_day"]) == len(reviews["per_day"]) == 30


def test_stats_json_agrees_with_direct_counts(db, cli):
    build_known_newsroom(utcnow().replace(microsecond=0))
    result = cli("stats", "--json", "--db", db.target)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    with closing(sqlite3.connect(db.target)) as connection:
        direct = direct_counts(lambda sql: connection.execute(sql).fetchall(), figures)
    check_against_direct_counts(figures, direct)
    assert figures["reviews"]["median_seconds_to_decision"] == 4 * 3600
    assert figures["reviews"]["decisions_by_moderator"][0] == {
        "moderator": "Leyla", "label": "Leyla", "approved": 2, "rejected": 0, "spam": 0,
        "total": 2}


@pytest.mark.postgres
def test_stats_json_agrees_with_direct_counts_on_postgres(pg_db, pg_url, cli):
    import psycopg2

    build_known_newsroom(utcnow().replace(microsecond=0))
    result = cli("stats", "--json", "--db", pg_url)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    with closing(psycopg2.connect(pg_url)) as connection, connection.cursor() as cursor:
        def rows_of(sql):
            cursor.execute(sql)
            return cursor.fetchall()

        direct = direct_counts(rows_of, figures)
    check_against_direct_counts(figures, direct)


def test_stats_prints_tables_for_people(db, cli):
    build_known_newsroom(utcnow().replace(microsecond=0))
    result = cli("stats", "--db", db.target)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "published  4" in lines and "killed     1" in lines
    assert any(line.split() == ["pending", "4"] for line in lines)
    assert any(line.split() == ["median", "time", "to", "a", "decision", "4", "h"]
               for line in lines)
    assert any(line.split() == ["Leyla", "2", "0", "0", "2"] for line in lines)
    assert any(line.split() == ["person", "Rauf", "Mammadov", "3"] for line in lines)
    header = next(line for line in lines if line.startswith("DAY "))
    assert header.split()[:4] == ["DAY", "PUBLISHED", "PUBLISHED", "EN"]


def test_stats_on_an_empty_database_says_none(db, cli):
    result = cli("stats", "--db", db.target)
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("(none)") == 3  # decisions, flags, tags


def test_stats_on_a_missing_database_is_one_line_and_exit_1(cli, tmp_path):
    missing = tmp_path / "nothing.sqlite3"
    result = cli("stats", "--json", "--db", str(missing))
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and str(missing) in result.stderr
    assert cli("stats", "--bogus").returncode == 2

"""The sync benchmark figures run end to end on a small server of their own, next to the
database ``--db`` names (left as it was)."""

from __future__ import annotations

import json

import psycopg2
import pytest

from newsdesk.bench.__main__ import main


def databases(url: str) -> set[str]:
    with psycopg2.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database")
        names = {name for (name,) in cursor.fetchall()}
    connection.close()
    return names


@pytest.mark.postgres
def test_sync_figures_build_their_own_server_and_leave_the_given_one_alone(pg_url, capsys):
    before = databases(pg_url)
    assert main(["sync", "--articles", "300", "--json", "--db", pg_url]) == 0
    figures = {line["figure"]: line for line in map(json.loads,
                                                     capsys.readouterr().out.splitlines())}
    assert set(figures) == {"sync", "sync-first", "sync-idle"}
    changed = figures["sync"]
    assert changed["unit"] == "s" and changed["n"] == 300
    assert changed["value"] > 0 and changed["floor"] > 0 and changed["ratio"] > 0
    assert figures["sync-first"]["n"] == 300 and figures["sync-first"]["value"] > 0
    assert figures["sync-idle"]["value"] > 0 and figures["sync-idle"]["floor"] is None
    # The scratch database is gone, and --db's was not filled with the synthetic newsroom.
    assert databases(pg_url) == before
    with psycopg2.connect(pg_url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('article')")
        assert cursor.fetchone() == (None,)
    connection.close()


@pytest.mark.postgres
def test_only_the_named_sync_figure_is_printed(pg_url, capsys):
    assert main(["sync-idle", "--articles", "50", "--db", pg_url]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("sync-idle") and "target < 0.1" in lines[0]


def test_without_a_server_the_figures_are_skipped_with_the_reason(capsys):
    """No PostgreSQL to reach (a --db nothing listens at): no figure, and stderr says why."""
    assert main(["sync", "--articles", "50", "--db",
                 "postgresql://nobody@127.0.0.1:1/nothing"]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("sync: cannot connect to --db") \
        and captured.err.rstrip().endswith("figures skipped")

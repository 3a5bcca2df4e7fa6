"""The command line, run as a subprocess exactly as users and scripts run it."""

from __future__ import annotations

import json
from pathlib import Path

from newsdesk import __version__

DATA = Path(__file__).parents[1] / "data"


def test_version(cli):
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsdesk {__version__}"


def test_unknown_command_and_flag_are_usage_errors(cli):
    assert cli("frobnicate").returncode == 2
    result = cli("list", "--no-such-flag")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_import_then_list_and_show(cli, tmp_path):
    database = str(tmp_path / "news.sqlite3")
    result = cli("import", str(DATA / "budget.txt"), "--db", database)
    assert result.returncode == 0, result.stderr
    assert "imported 1 story" in result.stdout
    listed = json.loads(cli("list", "--json", "--db", database).stdout)
    assert [row["headline"] for row in listed] == ["Milli Majlis approves 2024 budget"]
    shown = cli("show", listed[0]["slug"], "--json", "--db", database)
    story = json.loads(shown.stdout)
    assert story["dateline"] == {"place": "Baku", "date": "2023-12-05", "source": "Turan"}
    assert story["desk_code"] == "07/12B"
    assert story["footnote"] == "The budget was first debated on 14 November."
    assert story["body"].startswith("The Milli Majlis approved next year's state budget")
    assert "Leave a review" not in story["body"]
    assert story["status"] == "draft" and story["version"] == 1
    assert story["reviews"] == {"pending": 0, "approved": 0, "rejected": 0, "spam": 0}
    for key in ("uuid", "byline", "section", "language", "urgency", "created_at",
                "updated_at", "published_at", "tags"):
        assert key in story


def test_failed_import_names_file_and_line_and_writes_nothing(cli, tmp_path):
    database = str(tmp_path / "news.sqlite3")
    good, bad = str(DATA / "budget.txt"), str(DATA / "bad-date.txt")
    result = cli("import", good, bad, "--db", database)
    assert result.returncode == 1
    assert f"{bad}:3:" in result.stderr
    assert "31.02.23" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    # The database this import would have started is not left behind, empty.
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_failed_import_into_an_existing_database_keeps_it(cli, tmp_path):
    database = tmp_path / "news.sqlite3"
    assert cli("import", str(DATA / "budget.txt"), "--db", str(database)).returncode == 0
    result = cli("import", str(DATA / "bad-date.txt"), "--db", str(database))
    assert result.returncode == 1 and "31.02.23" in result.stderr
    listed = json.loads(cli("list", "--json", "--db", str(database)).stdout)
    assert [row["headline"] for row in listed] == ["Milli Majlis approves 2024 budget"]


def test_failed_first_import_from_newsdesk_db_leaves_no_database(cli, tmp_path):
    database = tmp_path / "env.sqlite3"
    bad = tmp_path / "bad.txt"
    bad.write_text("Only a headline\n", encoding="utf-8")
    result = cli("import", str(bad), env={"NEWSDESK_DB": str(database)})
    assert result.returncode == 1 and f"{bad}:1:" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]
    assert "no database here" in cli("list", "--db", str(database)).stderr


def test_missing_and_corrupt_database_exit_1_with_one_line(cli, tmp_path):
    missing = cli("list", "--db", str(tmp_path / "nope.sqlite3"))
    assert missing.returncode == 1
    assert "nope.sqlite3" in missing.stderr and "Traceback" not in missing.stderr
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_text("garbage " * 200)
    result = cli("show", "x", "--db", str(corrupt))
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert corrupt.read_text() == "garbage " * 200


def test_newsdesk_db_environment_variable(cli, tmp_path):
    database = str(tmp_path / "env.sqlite3")
    assert cli("import", str(DATA / "budget.txt"), env={"NEWSDESK_DB": database}).returncode == 0
    listed = json.loads(cli("list", "--json", "--db", database).stdout)
    assert len(listed) == 1


def test_show_unknown_story(cli, tmp_path):
    database = str(tmp_path / "news.sqlite3")
    cli("import", str(DATA / "budget.txt"), "--db", database)
    result = cli("show", "no-such-story", "--db", database)
    assert result.returncode == 1
    assert "no-such-story" in result.stderr


def test_demo_list_covers_every_status(cli):
    result = cli("list", "--demo", "--json")
    assert result.returncode == 0, result.stderr
    statuses = {row["status"] for row in json.loads(result.stdout)}
    assert statuses == {"draft", "edited", "ready", "published", "killed"}


def test_screenshot_of_each_view(cli, tmp_path):
    for view in ("desk", "moderation", "entities", "dashboard"):
        png = tmp_path / f"{view}.png"
        result = cli("--demo", "--screenshot", str(png), "--view", view)
        assert result.returncode == 0, result.stderr
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert png.stat().st_size > 20_000


def test_list_search_ranks_with_snippets(cli):
    result = cli("list", "--demo", "--search", "Heydarov", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows, "Heydarov is tagged and named in the sample stories"
    assert all("[" in row["snippet"] and isinstance(row["rank"], float) for row in rows)
    assert [row["rank"] for row in rows] == sorted(row["rank"] for row in rows)
    assert "<b>" in rows[0]["snippet_html"]


def test_list_search_with_syntax_characters_and_status(cli):
    for text in ('"unbalanced', "NEAR(", "a:b -c *", "(", '"'):
        result = cli("list", "--demo", "--search", text)
        assert result.returncode == 0, (text, result.stderr)
        assert "Traceback" not in result.stderr
    result = cli("list", "--demo", "--search", "Əliyev", "--status", "published", "--json")
    rows = json.loads(result.stdout)
    assert rows and {row["status"] for row in rows} == {"published"}
    table = cli("list", "--demo", "--search", "aliyev")
    assert table.returncode == 0 and "SNIPPET" in table.stdout

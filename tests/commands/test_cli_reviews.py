"""``newsdesk reviews import|list|decide`` as scripts run them."""

from __future__ import annotations

import json

import pytest

from tests.review_helpers import record, write_json


@pytest.fixture
def newsroom(cli, tmp_path):
    """A database with stories (imported as wire copy) and no reviews."""
    from pathlib import Path

    database = str(tmp_path / "news.sqlite3")
    story = Path(__file__).parents[1] / "data" / "budget.txt"
    assert cli("import", str(story), "--db", database).returncode == 0
    slug = json.loads(cli("list", "--json", "--db", database).stdout)[0]["slug"]
    return database, slug


def test_import_list_decide(cli, tmp_path, newsroom):
    database, slug = newsroom
    path = write_json(tmp_path / "r.json", [
        record("a", article=slug), record("b", article=slug, text="Second <b>view</b>."),
        record("c", article=slug, text="ALL OF THIS IS SHOUTED AT YOU")])
    result = cli("reviews", "import", str(path), "--db", database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("imported 3 reviews (1 flagged, 0 rejected by rules); "
                                     "skipped 0 already imported")
    again = cli("reviews", "import", str(path), "--db", database)
    assert "imported 0 reviews" in again.stdout and "skipped 3" in again.stdout

    listed = json.loads(cli("reviews", "list", "--json", "--db", database).stdout)
    assert [r["external_id"] for r in listed] == ["a", "b", "c"]
    assert listed[2]["flags"] == [{"code": "shouting", "reason": "shouting (mostly capitals)"}]
    flagged = json.loads(cli("reviews", "list", "--status", "flagged", "--json",
                             "--db", database).stdout)
    assert [r["external_id"] for r in flagged] == ["c"]

    ids = [str(r["id"]) for r in listed]
    result = cli("reviews", "decide", "approve", ids[0], ids[1], "--db", database)
    assert result.returncode == 0 and result.stdout.strip() == "approved 2 reviews"
    approved = json.loads(cli("reviews", "list", "--status", "approved", "--story", slug,
                              "--json", "--db", database).stdout)
    assert [r["external_id"] for r in approved] == ["a", "b"]
    table = cli("reviews", "list", "--db", database)
    assert table.returncode == 0 and "Second <b>view</b>." in table.stdout


def test_decide_records_who_decided(cli, tmp_path, newsroom):
    database, slug = newsroom
    path = write_json(tmp_path / "r.json", [record("a", article=slug)])
    assert cli("reviews", "import", str(path), "--db", database).returncode == 0
    [review] = json.loads(cli("reviews", "list", "--json", "--db", database).stdout)
    assert review["moderated_by"] == ""
    result = cli("reviews", "decide", "approve", str(review["id"]), "--db", database,
                 env={"NEWSDESK_USER": "Samira Huseynova"})
    assert result.returncode == 0, result.stderr
    [review] = json.loads(cli("reviews", "list", "--json", "--db", database).stdout)
    assert (review["status"], review["moderated_by"]) == ("approved", "Samira Huseynova")


def test_decide_unknown_ids_exit_1_naming_them(cli, newsroom):
    database, _slug = newsroom
    result = cli("reviews", "decide", "spam", "41", "42", "--db", database)
    assert result.returncode == 1
    assert result.stderr.strip() == "newsdesk: error: id: no review with id 41, 42"
    assert cli("reviews", "decide", "publish", "1", "--db", database).returncode == 2


def test_import_error_is_one_line_with_file_line_field(cli, tmp_path, newsroom):
    database, slug = newsroom
    path = write_json(tmp_path / "r.json", [record("a", article=slug),
                                            record("b", article="nope")])
    result = cli("reviews", "import", str(path), "--db", database)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"newsdesk: error: {path}:11: article: no story 'nope' "
                                     "in this database")
    listed = json.loads(cli("reviews", "list", "--json", "--db", database).stdout)
    assert listed == []


def test_list_hides_nothing_in_a_terminal_table(cli, tmp_path, newsroom):
    database, slug = newsroom
    path = write_json(tmp_path / "r.json", [record("a", article=slug,
                                                   text="win \u202emoc.live\u202c now")])
    cli("reviews", "import", str(path), "--db", database)
    table = cli("reviews", "list", "--db", database).stdout
    assert "\u202e" not in table and "⟨RLO⟩" in table


def test_recheck_applies_rules_edited_after_the_import(cli, tmp_path, newsroom):
    from newsdesk.moderation import rule_store as moderation_rules
    from newsdesk.store.db import open_database

    database, slug = newsroom
    path = write_json(tmp_path / "r.json", [
        record("a", article=slug, text="The minister is a crook, plainly."),
        record("b", article=slug, text="A fair report on the budget.")])
    assert cli("reviews", "import", str(path), "--db", database).returncode == 0
    opened = open_database(database)
    moderation_rules.replace_rules({"banned_words": ["crook"], "suspect_words": ["budget"]})
    opened.close()
    result = cli("reviews", "recheck", "--db", database)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ("checked 2 pending reviews against the rules: "
                                     "1 rejected, 1 flagged")
    listed = {r["external_id"]: r for r in
              json.loads(cli("reviews", "list", "--json", "--db", database).stdout)}
    assert listed["a"]["status"] == "rejected"
    assert listed["b"]["flags"] == [{"code": "suspect", "reason": "suspect word: budget"}]


def _three_pending(cli, tmp_path, newsroom) -> tuple[str, list[str]]:
    database, slug = newsroom
    path = write_json(tmp_path / "r.json", [record(name, article=slug, text=f"View {name}.")
                                            for name in ("a", "b", "c")])
    assert cli("reviews", "import", str(path), "--db", database).returncode == 0
    listed = json.loads(cli("reviews", "list", "--json", "--db", database).stdout)
    return database, [str(r["id"]) for r in listed]


def test_decide_says_which_earlier_decisions_it_changed(cli, tmp_path, newsroom):
    database, (a, b, c) = _three_pending(cli, tmp_path, newsroom)
    assert cli("reviews", "decide", "approve", a, b, "--db", database).stdout == (
        "approved 2 reviews\n")
    result = cli("reviews", "decide", "reject", a, b, c, "--db", database)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"rejected 3 reviews\nreview {a}: approved -> rejected\n"
                             f"review {b}: approved -> rejected\n")
    again = cli("reviews", "decide", "reject", a, "--db", database)  # nothing overturned
    assert again.returncode == 0 and again.stdout == "rejected 1 review\n"


def test_decide_only_pending_skips_and_lists_reviews_already_decided(cli, tmp_path, newsroom):
    database, (a, b, c) = _three_pending(cli, tmp_path, newsroom)
    assert cli("reviews", "decide", "spam", b, "--db", database).returncode == 0
    result = cli("reviews", "decide", "approve", a, b, c, "--only-pending", "--db", database)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"approved 2 reviews; skipped 1 not pending\n"
                             f"review {b}: skipped, already spam\n")
    statuses = {str(r["id"]): r["status"] for r in
                json.loads(cli("reviews", "list", "--json", "--db", database).stdout)}
    assert statuses == {a: "approved", b: "spam", c: "approved"}  # the spam call stands
    none_left = cli("reviews", "decide", "reject", a, "--only-pending", "--db", database)
    assert none_left.returncode == 0
    assert none_left.stdout == (f"rejected 0 reviews; skipped 1 not pending\n"
                                f"review {a}: skipped, already approved\n")
    unknown = cli("reviews", "decide", "reject", c, "999", "--only-pending", "--db", database)
    assert unknown.returncode == 1
    assert unknown.stderr == "newsdesk: error: id: no review with id 999\n"
    assert "--only-pending" in cli("reviews", "decide", "--help").stdout


def test_two_moderators_overturning_each_other_are_told(cli, tmp_path, newsroom):
    database, ids = _three_pending(cli, tmp_path, newsroom)
    first = cli("reviews", "decide", "approve", *ids, "--db", database)
    second = cli("reviews", "decide", "reject", *ids, "--db", database)
    assert first.stdout == "approved 3 reviews\n"
    assert second.stdout.splitlines()[1:] == [f"review {i}: approved -> rejected" for i in ids]
    careful = cli("reviews", "decide", "approve", *ids, "--only-pending", "--db", database)
    assert careful.stdout.splitlines()[0] == "approved 0 reviews; skipped 3 not pending"

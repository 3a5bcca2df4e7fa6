"""Review files: JSON array, JSON Lines and CSV; every error names file, line and field."""

from __future__ import annotations

import json

import pytest

from newsdesk.errors import UserError
from newsdesk.moderation import reviews
from newsdesk.moderation.review_files import read_review_file
from newsdesk.store.models import Review
from tests.review_helpers import make_stories, record, write_json


@pytest.fixture
def stories(db):
    return make_stories()


def import_file(path):
    return reviews.import_records(read_review_file(path), source=str(path))


def error_of(path) -> UserError:
    with pytest.raises(UserError) as caught:
        import_file(path)
    return caught.value


def test_json_array_records_know_the_line_they_start_on(stories, tmp_path):
    path = write_json(tmp_path / "r.json", [record("a"), record("b")])
    records = read_review_file(path)
    lines = path.read_text().splitlines()
    assert [lines[r.line - 1].strip() for r in records] == ["{", "{"]
    assert [r.line for r in records] == [2, 11]
    assert import_file(path).added == 2


def test_json_array_on_one_line_and_compact(stories, tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps([record("a"), record("b")]))
    assert [r.line for r in read_review_file(path)] == [1, 1]
    path.write_text("[]")
    assert read_review_file(path) == []


def test_json_lines_and_detection_by_content(stories, tmp_path):
    path = tmp_path / "reviews.txt"
    path.write_text(json.dumps(record("a")) + "\n\n" + json.dumps(record("b")) + "\n")
    records = read_review_file(path)
    assert [r.line for r in records] == [1, 3]
    assert import_file(path).added == 2


def test_csv_with_embedded_newlines_quotes_and_commas(stories, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text(
        'id,article,author,email,text,submitted,rating\r\n'
        'c1,budget-approved,"Aliyev, Rauf",r@example.com,"He said ""no"",\nthen left.",'
        '2023-03-14T10:00:00Z,5\r\n'
        'c2,flood-relief,Leyla,,plain,2023-03-14T11:00:00Z,\r\n', encoding="utf-8")
    records = read_review_file(path)
    assert [r.line for r in records] == [2, 4]
    assert import_file(path).added == 2
    first = Review.get(Review.external_id == "c1")
    assert first.author == "Aliyev, Rauf"
    assert first.text == 'He said "no",\nthen left.'
    assert Review.get(Review.external_id == "c2").rating is None


def test_csv_missing_column_is_named(stories, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("id,article,author,submitted\nx,budget-approved,A,2023-01-01\n")
    error = error_of(path)
    assert error.message == f"{path}:1: text: missing column text"


def test_csv_short_row_and_unterminated_quote(stories, tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("id,article,author,text,submitted\n"
                    "a,budget-approved,A,fine,2023-01-01\n"
                    "b,budget-approved,A\n")
    assert error_of(path).message == f"{path}:3: 3 cells, the header has 5"
    path.write_text("id,article,author,text,submitted\n"
                    'a,budget-approved,A,"never closed,2023-01-01\n')
    error = error_of(path)
    assert error.line == 2 and "bad CSV" in error.reason


def test_invalid_utf8_names_the_line(stories, tmp_path):
    path = tmp_path / "r.jsonl"
    good = json.dumps(record("a")).encode()
    path.write_bytes(good + b"\n" + good.replace(b"fair", b"f\xffir") + b"\n")
    error = error_of(path)
    assert error.line == 2 and "not valid UTF-8" in error.reason


def test_bad_json_names_the_line(stories, tmp_path):
    path = tmp_path / "r.json"
    path.write_text('[\n  {"id": "a",\n   "text": oops}\n]')
    error = error_of(path)
    assert error.line == 3 and "bad JSON" in error.reason
    path.write_text("[1, 2]")
    assert "expected an object" in error_of(path).reason
    path.write_text('[\n  {"id": "a"}\n]\n\n]')
    error = error_of(path)
    assert error.line == 5 and error.reason == "bad JSON (extra data after the array)"
    lines = tmp_path / "r.jsonl"
    lines.write_text(json.dumps(record("a")) + "\n{broken\n")
    assert error_of(lines).line == 2


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("text", "", "missing"),
    ("author", None, "missing"),
    ("submitted", "yesterday", "not an ISO 8601 time: 'yesterday'"),
    ("rating", 9, "must be 1 to 5, not 9"),
    ("article", "no-such-story", "no story 'no-such-story' in this database"),
    ("text", {"nested": 1}, "expected text, found dict"),
])
def test_each_field_error_is_reported_and_nothing_is_written(stories, tmp_path, field,
                                                             value, reason):
    path = write_json(tmp_path / "r.json", [record("ok"), record("bad", **{field: value})])
    error = error_of(path)
    assert error.message == f"{path}:11: {field}: {reason}"
    assert Review.select().count() == 0


def test_duplicate_id_in_one_file(stories, tmp_path):
    path = write_json(tmp_path / "r.json", [record("a"), record("a")])
    assert "duplicate id 'a' (first on line 2)" in error_of(path).message


def test_reimport_adds_nothing(stories, tmp_path):
    path = write_json(tmp_path / "r.json", [record("a"), record("b", text="Another view.")])
    assert import_file(path).added == 2
    again = import_file(path)
    assert (again.added, again.skipped) == (0, 2)
    assert Review.select().count() == 2


def test_story_by_uuid_and_missing_file(stories, tmp_path):
    from newsdesk.store.models import Article

    uuid = Article.get_by_id(stories["flood-relief"]).uuid
    path = write_json(tmp_path / "r.json", [record("a", article=uuid)])
    assert import_file(path).added == 1
    with pytest.raises(UserError, match="no such file"):
        read_review_file(tmp_path / "absent.json")


def test_large_text_is_imported_and_flagged(stories, tmp_path):
    path = write_json(tmp_path / "r.json", [record("big", text="word " * 20_000)])
    assert import_file(path).flagged == 1
    assert len(Review.get(Review.external_id == "big").text) == 100_000


def test_cancelling_through_progress_keeps_nothing(stories, tmp_path):
    class Cancelled(Exception):
        pass

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    records = [reviews.ReviewRecord(record(f"c{n}", text=f"Review {n}."), n) for n in range(5)]
    with pytest.raises(Cancelled):
        reviews.import_records(records, source="t", progress=cancel)
    assert Review.select().count() == 0

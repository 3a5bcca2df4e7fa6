"""Every importer fed generated files: it ends in time, fails only with ``UserError``, and
a failed import writes nothing.

The files are built around what each format expects (a ninjs item with fields swapped for
odd values, front matter with odd dates, review records with odd cells) so the examples
reach the parsers' deeper paths, not only their first syntax check.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.moderation import reviews
from newsdesk.moderation.review_files import read_review_file
from newsdesk.store.models import database_proxy
from tests.review_helpers import make_stories

FUZZ = settings(max_examples=100, deadline=timedelta(seconds=2), database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# Text with what hostile files carry: controls, NUL, escapes, bidi marks, markup.
ODD_CHARS = st.sampled_from(["\x00", "\x1b[31m", "\r", "\t", "\u202e", "\ufeff", "<script>",
                             "javascript:", "---", "{", "[", '"', "\\", ":", "\n", "é", "😀"])
ODD_TEXT = st.lists(st.one_of(st.text(max_size=12), ODD_CHARS), max_size=8).map("".join)
PLAIN = st.text(st.characters(categories=["L", "N", "Zs", "Po"]), min_size=1, max_size=30)
# Half plain, so the examples also get past validation and are stored.
TEXT = st.one_of(PLAIN, ODD_TEXT)
ODD_TIMES = st.sampled_from(["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
                             "2023-02-30", "2023-01-01 25:00:00", "", "not a time",
                             "2023-03-14T12:50:00+99:00", "+10000-01-01"])
TIMES = st.one_of(st.just("2023-03-14T12:50:00Z"), ODD_TIMES)
NUMBERS = st.one_of(st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from(["NaN", "Infinity", "1e400", "9" * 5000]))
JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TEXT,
              TIMES),
    lambda children: st.one_of(st.lists(children, max_size=3),
                               st.dictionaries(TEXT, children, max_size=3)),
    max_leaves=12)


def table_counts() -> dict[str, int]:
    database = database_proxy.obj
    return {name: database.execute_sql(f'SELECT count(*) FROM "{name}"').fetchone()[0]
            for name in database.get_tables()}


def assert_all_or_nothing(action, path: Path) -> None:
    """``action()`` succeeds, or raises ``UserError`` naming the file, having written
    nothing."""
    before = table_counts()
    try:
        action()
    except UserError as exc:
        event("refused")
        assert exc.file == str(path), exc.message
        assert table_counts() == before
    else:
        event("imported")


@pytest.fixture
def newsroom(db, tmp_path):
    make_stories()
    return tmp_path


def _import_story_file(folder: Path, name: str, content: bytes) -> None:
    path = folder / name
    path.write_bytes(content)
    assert_all_or_nothing(lambda: importer.import_files([path]), path)


# -- wire copy ---------------------------------------------------------------------------
WIRE = st.tuples(TEXT, st.sampled_from(["", "BAKU/14.03.23/Turan: ", "Baku/31.02.23/X: ",
                                        "x/99.99.99/: "]),
                 st.lists(TEXT, max_size=4), st.sampled_from(["", "-05/11K-", "* note"]))


@given(WIRE, st.one_of(st.just(b""), st.binary(max_size=40)))
@FUZZ
def test_wire_copy(newsroom, parts, junk):
    headline, dateline, paragraphs, ending = parts
    text = "\n\n".join([headline, dateline + " ".join(paragraphs), ending])
    _import_story_file(newsroom, "story.txt", text.encode("utf-8", "surrogatepass") + junk)


# -- ninjs -------------------------------------------------------------------------------
NINJS_KEYS = st.sampled_from(["uri", "headlines", "bodies", "urgency", "firstcreated",
                              "versioncreated", "contentcreated", "people", "altids",
                              "slugline", "language", "by", "located", "standard",
                              "firstCreated", "headline", "body_text", "$standard"])


@given(st.dictionaries(NINJS_KEYS, st.one_of(JSON_VALUES, TIMES, NUMBERS), max_size=5),
       st.sampled_from(["object", "array", "raw"]), st.integers(0, 200))
@FUZZ
def test_ninjs(newsroom, changes, shape, depth):
    item = {"uri": "urn:x", "headlines": [{"role": "main", "value": "A headline"}],
            "bodies": [{"role": "main", "contenttype": "text/markdown", "value": "Body."}],
            "people": [{"name": "Rauf Mammadov", "uri": "https://example.org/rauf"}]}
    item.update(changes)
    text = json.dumps(item if shape == "object" else [item], ensure_ascii=False)
    for name in ("NaN", "Infinity", "1e400"):  # as bare numbers, not strings
        text = text.replace(f'"{name}"', name)
    if shape == "raw":
        text = "[" * depth + text + "]" * depth
    _import_story_file(newsroom, "story.json", text.encode("utf-8", "surrogatepass"))


# -- Markdown ----------------------------------------------------------------------------
FRONT_KEYS = st.sampled_from(["title", "date", "created", "slug", "workflow", "draft",
                              "urgency", "dateline", "people", "mentioned", "author", "lang"])
YAML_VALUES = st.one_of(TIMES, TEXT.map(json.dumps), st.integers().map(str),
                        st.sampled_from(["!!int abc", "!!float x", "&a [*a]", "[", "{",
                                         "!!binary '@@'", "!!timestamp x", "[[[[[[[[1]]]]]]]]",
                                         "- a", "|", ">", "'unclosed", "~", "yes", "0x1F"]))


@given(st.lists(st.tuples(FRONT_KEYS, YAML_VALUES), max_size=6), TEXT)
@FUZZ
def test_markdown(newsroom, front, body):
    lines = ["---", "title: A story"] + [f"{key}: {value}" for key, value in front]
    text = "\n".join([*lines, "---", "", body, ""])
    _import_story_file(newsroom, "story.md", text.encode("utf-8", "surrogatepass"))


# -- reviews -----------------------------------------------------------------------------
REVIEW_VALUES = st.one_of(st.integers(1, 5), TEXT, NUMBERS, st.none(),
                          st.lists(TEXT, max_size=2))
RECORDS = st.lists(st.fixed_dictionaries(
    {"id": st.one_of(st.sampled_from(["a", "b"]), TEXT),
     "article": st.sampled_from(["budget-approved", "flood-relief", "budget-approved",
                                 "nope", ""]),
     "author": TEXT, "text": TEXT, "submitted": TIMES},
    optional={"rating": REVIEW_VALUES, "email": TEXT, "extra": JSON_VALUES}),
    max_size=3)


def _import_reviews(folder: Path, name: str, content: str) -> None:
    path = folder / name
    path.write_bytes(content.encode("utf-8", "surrogatepass"))
    assert_all_or_nothing(
        lambda: reviews.import_records(read_review_file(path), source=str(path)), path)


def _as_json(records: list[dict]) -> str:
    text = json.dumps(records, ensure_ascii=False, indent=1)
    for name in ("NaN", "Infinity", "1e400"):
        text = text.replace(f'"{name}"', name)
    return text


@given(RECORDS)
@FUZZ
def test_review_json(newsroom, records):
    _import_reviews(newsroom, "reviews.json", _as_json(records))


@given(RECORDS)
@FUZZ
def test_review_json_lines(newsroom, records):
    lines = [_as_json([record])[1:-1].replace("\n", " ") for record in records]
    _import_reviews(newsroom, "reviews.jsonl", "\n".join(lines))


@given(RECORDS, st.lists(st.sampled_from(["id", "article", "author", "text", "submitted",
                                          "rating", "", "id"]), max_size=7))
@FUZZ
def test_review_csv(newsroom, records, header):
    out = io.StringIO()
    writer = csv.writer(out)
    columns = header or ["id", "article", "author", "text", "submitted"]
    writer.writerow(columns)
    for record in records:
        writer.writerow([str(record.get(column, "")) for column in columns])
    _import_reviews(newsroom, "reviews.csv", out.getvalue())

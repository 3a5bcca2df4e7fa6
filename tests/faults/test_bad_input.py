"""Hostile or broken files through the CLI, as users and scripts run it.

Every case must end the same way: exit code 1, exactly one line on stderr naming the file
(and the line and field where the file has them), no traceback, and the database exactly
as it was (imports are all or nothing).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import run_cli

DATA = Path(__file__).parents[1] / "data"
SLUG = "{slug}"  # replaced by the story the newsroom holds


@dataclass(frozen=True)
class Case:
    name: str
    command: tuple[str, ...]  # before FILE
    filename: str
    content: bytes | str
    line: int | None = None
    field: str | None = None


def _ninjs(*lines: str) -> str:
    return "\n".join(["{", ' "uri": "urn:x",', ' "headlines": [{"role": "main", "value": "Hi"}],',
                      *lines, "}"])


def _review(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {"id": "r1", "article": SLUG, "author": "Leyla",
                                 "text": "A fair report.", "submitted": "2023-03-14T18:02:11Z"}
    record.update(changes)
    return record


def _markdown(*front: str, body: str = "Body.") -> str:
    return "\n".join(["---", "title: A story", *front, "---", "", body, ""])


DEEP = "[" * 100_000 + "]" * 100_000
STORY = ("import",)
REVIEWS = ("reviews", "import")
CASES = [
    # JSON nested 100,000 deep: was a RecursionError.
    Case("ninjs nested 100,000 deep", STORY, "deep.json", DEEP, line=1),
    Case("ninjs object nested 100,000 deep", STORY, "deep-object.json",
         '{"uri": "x", "a": ' + '{"b": ' * 100_000 + "1" + "}" * 100_001, line=1),
    Case("review array nested 100,000 deep", REVIEWS, "deep.json", DEEP, line=1),
    Case("review JSON Lines nested 100,000 deep", REVIEWS, "deep.jsonl",
         json.dumps(_review()) + "\n" + '{"a": ' * 100_000 + "1" + "}" * 100_000, line=2),
    # Numbers JSON cannot hold: NaN was an OverflowError on urgency, 1e400 an infinity.
    Case("ninjs urgency NaN", STORY, "nan.json", _ninjs(' "urgency": NaN'), line=4),
    Case("ninjs urgency 1e400", STORY, "huge.json", _ninjs(' "urgency": 1e400'), line=4),
    Case("ninjs urgency Infinity", STORY, "inf.json", _ninjs(' "urgency": -Infinity'),
         line=4),
    Case("ninjs urgency with 5,000 digits", STORY, "digits.json",
         _ninjs(' "urgency": ' + "9" * 5000), line=4),
    Case("review rating 1e400", REVIEWS, "huge.json",
         "[\n" + json.dumps(_review())[:-1] + ',\n "rating": 1e400}\n]', line=3),
    # Times that exist in their zone but not in UTC: were OverflowError.
    Case("ninjs time in year 0 UTC", STORY, "year0.json",
         _ninjs(' "firstcreated": "0001-01-01T00:00:00+01:00"'), line=4,
         field="firstcreated"),
    Case("Markdown date in year 0 UTC", STORY, "year0.md",
         _markdown("date: 0001-01-01T00:00:00+01:00"), line=3, field="date"),
    Case("review submitted in year 0 UTC", REVIEWS, "year0.json",
         json.dumps([_review(submitted="0001-01-01T00:00:00+01:00")]), line=1,
         field="submitted"),
    Case("review CSV submitted in year 0 UTC", REVIEWS, "year0.csv",
         f"id,article,author,text,submitted\nr1,{SLUG},Leyla,Fine.,0001-01-01T00:00:00+01:00\n",
         line=2, field="submitted"),
    # Dates YAML recognises but that cannot exist: were ValueError.
    Case("Markdown date 2023-02-30", STORY, "feb30.md", _markdown("date: 2023-02-30"),
         line=3, field="date"),
    Case("Markdown time 25:00:00", STORY, "hour25.md",
         _markdown("author: Leyla", "date: 2023-01-01 25:00:00"), line=4, field="date"),
    Case("Markdown !!int abc", STORY, "tag.md", _markdown("urgency: !!int abc"), line=3,
         field="urgency"),
    # NUL characters: PostgreSQL cannot store them, so db copy failed later.
    Case("wire copy with a NUL byte", STORY, "nul.txt",
         "Headline\n\nBAKU/14.03.23/Turan: Body \x00 text.\n", line=3),
    Case("ninjs with \\u0000", STORY, "nul.json",
         '{\n "uri": "x",\n "headlines": [{"role": "main", "value": "A\\u0000B"}]\n}',
         line=3, field="headlines[0].value"),
    Case("Markdown title with a YAML \\0", STORY, "nul.md", '---\ntitle: "A\\0B"\n---\n\nB.\n',
         line=2, field="title"),
    # A lone surrogate in the slug: made into a slug without it, with the transliteration
    # library's warning about "a narrow Python build" on the terminal.
    Case("Markdown slug with a YAML \\udc00", STORY, "surrogate-slug.md",
         _markdown('slug: "x\\udc00y"'), line=3, field="slug"),
    Case("Markdown people with a YAML \\ud800", STORY, "surrogate-people.md",
         _markdown("draft: true", 'people: ["Rauf \\ud800"]'), line=4, field="people"),
    Case("review JSON with \\u0000", REVIEWS, "nul.json",
         json.dumps([_review(text="bad \x00 text")]), line=1, field="text"),
    Case("review CSV with a NUL byte", REVIEWS, "nul.csv",
         f"id,article,author,text,submitted\nr1,{SLUG},Leyla,bad \x00,2023-03-14T18:02:11Z\n",
         line=2),
    # Accepted before, but no newsroom wants them.
    Case("wire copy with a 1 MB headline", STORY, "long.txt",
         "A" * 1_000_000 + "\n\nBAKU/14.03.23/Turan: Body text.\n", line=1, field="headline"),
    Case("ninjs with a 1 MB headline", STORY, "long.json",
         '{\n "uri": "x",\n "headlines": [{"role": "main", "value": "' + "A" * 1_000_000
         + '"}]\n}', line=3, field="headlines"),
    Case("Markdown with a 1 MB title", STORY, "long.md",
         "---\ntitle: " + "A" * 1_000_000 + "\n---\n\nB.\n", line=2, field="title"),
    Case('ninjs {"uri": "x"}: no story at all', STORY, "empty-story.json", '{"uri": "x"}',
         line=1, field="headline"),
    Case("ninjs person with a javascript: URI", STORY, "js-uri.json",
         _ninjs(' "people": [{"name": "Rauf", "uri": "javascript:alert(1)"}]'), line=4,
         field="people[0].uri"),
    Case("ninjs place with a ' JavaScript:' URI", STORY, "js-place.json",
         _ninjs(' "places": [{"name": "Baku", "uri": " JavaScript:alert(1)"}]'), line=4,
         field="places[0].uri"),
    Case("ninjs subject with a java<TAB>script: URI", STORY, "js-subject.json",
         _ninjs(' "subjects": [{"name": "Economy", "uri": "java\\tscript:alert(1)"}]'),
         line=4, field="subjects[0].uri"),
    Case("review CSV header id,id", REVIEWS, "twice.csv",
         f"id,article,author,text,submitted,id\nr1,{SLUG},Leyla,Fine.,2023-03-14T18:02:11Z,r2\n",
         line=1, field="id"),
    # Empty review files: refused in every format alike ("[]" or a header row is the way
    # to say "no reviews"; an empty file is a failed export or a truncated download).
    Case("empty .jsonl", REVIEWS, "empty.jsonl", "", line=1),
    Case("empty .json", REVIEWS, "empty.json", "", line=1),
    Case("empty .csv", REVIEWS, "empty.csv", "\n", line=1),
]


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """A database with one story (wire copy) and one review, made once per module."""
    folder = tmp_path_factory.mktemp("newsroom")
    database = folder / "news.sqlite3"
    assert run_cli("import", str(DATA / "budget.txt"), "--db", str(database)).returncode == 0
    slug = json.loads(run_cli("list", "--json", "--db", str(database)).stdout)[0]["slug"]
    reviews = folder / "ok.json"
    reviews.write_text(json.dumps([_review(id="ok", article=slug)]), encoding="utf-8")
    assert run_cli("reviews", "import", str(reviews), "--db", str(database)).returncode == 0
    return database, slug


def dump(database: Path) -> list[str]:
    connection = sqlite3.connect(database)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def assert_one_clean_line(result, path: Path, line: int | None, field: str | None) -> None:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    expected = f"newsdesk: error: {path}" + (f":{line}" if line else "") + ": "
    if field:
        expected += f"{field}: "
    assert lines[0].startswith(expected), lines[0]


@dataclass(frozen=True)
class Outcome:
    result: subprocess.CompletedProcess[str]
    path: Path
    unchanged: bool


@pytest.fixture(scope="module")
def outcomes(newsroom, tmp_path_factory) -> dict[str, Outcome]:
    """Every case run once, a few at a time: each is a separate ``newsdesk`` process on
    its own copy of the newsroom, so they cannot disturb each other."""
    template, slug = newsroom

    def run(case: Case) -> Outcome:
        folder = tmp_path_factory.mktemp("case")
        database = folder / "news.sqlite3"
        shutil.copy(template, database)
        before = dump(database)
        path = folder / case.filename
        content = case.content
        if isinstance(content, str):
            content = content.replace(SLUG, slug).encode("utf-8")
        path.write_bytes(content)
        result = run_cli(*case.command, str(path), "--db", str(database))
        return Outcome(result, path, dump(database) == before)

    with ThreadPoolExecutor(max_workers=3) as pool:
        return dict(zip([case.name for case in CASES], pool.map(run, CASES), strict=True))


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_file_is_one_line_and_changes_nothing(case, outcomes):
    outcome = outcomes[case.name]
    assert_one_clean_line(outcome.result, outcome.path, case.line, case.field)
    assert outcome.unchanged


def test_empty_file_as_database_is_not_made_a_newsroom(tmp_path):
    database = tmp_path / "stray.sqlite3"
    database.touch()
    result = run_cli("list", "--db", str(database))
    assert_one_clean_line(result, database, None, None)
    assert "empty file" in result.stderr
    assert database.stat().st_size == 0


def test_schema_version_that_is_not_a_number(newsroom, tmp_path):
    database = tmp_path / "news.sqlite3"
    shutil.copy(newsroom[0], database)
    connection = sqlite3.connect(database)
    with connection:
        connection.execute("UPDATE schema_info SET value = 'abc' WHERE key = 'schema_version'")
    connection.close()
    before = dump(database)
    result = run_cli("list", "--db", str(database))
    assert_one_clean_line(result, database, None, "schema_version")
    assert dump(database) == before


def test_review_files_saying_no_reviews_import_nothing(newsroom, tmp_path):
    """The way to say "no reviews" is a structure without records, in every format."""
    database = tmp_path / "news.sqlite3"
    shutil.copy(newsroom[0], database)
    for name, text in (("none.json", "[]"), ("none.csv", "id,article,author,text,submitted\n")):
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run_cli("reviews", "import", str(tmp_path / name), "--db", str(database))
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("imported 0 reviews")


@pytest.mark.parametrize("date", ["0001-01-01", "0999-06-30T12:00:00Z"])
def test_a_story_dated_before_year_1000_exports_as_its_importers_read_it(tmp_path, date):
    """Year 1 is a date the importers accept; the exports wrote it "1-01-01T00:00:00Z"
    (strftime's %Y), which neither our importers nor any ISO 8601 reader take."""
    source, copy = tmp_path / "news.sqlite3", tmp_path / "copy.sqlite3"
    story = tmp_path / "old.md"
    story.write_text(_markdown(f"date: {date}"), encoding="utf-8")
    assert run_cli("import", str(story), "--db", str(source)).returncode == 0
    expected = (date if "T" in date else date + "T00:00:00Z")
    for fmt, name, line in (("ninjs", "a-story.json", f'"firstcreated": "{expected}"'),
                            ("markdown", "a-story.md", f"date: {expected}")):
        out = tmp_path / fmt
        result = run_cli("export", "--format", fmt, "--status", "draft", "--out", str(out),
                         "--db", str(source))
        assert result.returncode == 0, result.stderr
        assert line in (out / name).read_text(encoding="utf-8")
        again = run_cli("import", str(out / name), "--db", str(copy))
        assert again.returncode == 0, again.stderr
        assert again.stdout.startswith("imported 1 story"), again.stdout
        copy.unlink()

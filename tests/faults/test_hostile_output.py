"""Hostile text that was stored reaches no terminal, export or other generator as is."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from newsdesk.errors import UserError
from newsdesk.formats.outputs import export
from newsdesk.people import registry
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.safe_markdown import safe_markdown
from newsdesk.store.models import Article, ArticleTag, Entity
from newsdesk.stories import articles
from tests.conftest import run_cli

DATA = Path(__file__).parents[1] / "data"
ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m"
HOSTILE_BODY = """Read <script>alert(1)</script> and <img src=x onerror=alert(2)>.

[a link](javascript:alert(3)) ![an image](JaVa&#115;cript:alert(4)) [ref][r]
<javascript:alert(5)> and [fine](https://example.org/ok) <https://example.org/auto>
[not a link](<script>alert(8)</script>) <a href="javascript:alert(9)">a</a>

    indented code stays

```
<script>in a fence stays code</script>
```

[r]: javascript:alert(6)
"""


def test_list_and_show_print_escape_sequences_as_marks(tmp_path):
    database = str(tmp_path / "news.sqlite3")
    story = tmp_path / "story.txt"
    text = (DATA / "budget.txt").read_text(encoding="utf-8")
    story.write_text(f"Budget {ESCAPES}passes\n\n" + text.split("\n", 1)[1], encoding="utf-8")
    assert run_cli("import", str(story), "--db", database).returncode == 0

    listed = run_cli("list", "--db", database)
    shown = run_cli("show", "1", "--db", database)
    for result in (listed, shown):
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
        assert "\x9b" not in result.stdout
        assert "⟨U+001B⟩]0;owned⟨U+0007⟩" in result.stdout
    # JSON escapes them itself and stays valid, with the stored text intact.
    data = json.loads(run_cli("list", "--json", "--db", database).stdout)
    assert data[0]["headline"] == f"Budget {ESCAPES}passes"
    assert json.loads(run_cli("show", "1", "--json", "--db", database).stdout)[
        "headline"] == f"Budget {ESCAPES}passes"


def test_error_line_quoting_the_file_is_one_line_without_escapes(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text('---\ntitle: x\nworkflow: "\\e[31m\\nred"\n---\n\nB.\n', encoding="utf-8")
    result = run_cli("import", str(path), "--db", str(tmp_path / "news.sqlite3"))
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"newsdesk: error: {path}:3: workflow: unknown status")


def _hostile_story(db) -> Article:
    article = articles.create_article({"headline": "Hostile", "body": HOSTILE_BODY,
                                       "footnote": "<iframe src=x></iframe>",
                                       "status": "published"}, slug="hostile")
    # As a database from before links were checked could hold it.
    entity = Entity.create(kind="person", name="Rauf", normalized="rauf",
                           uri="javascript:alert(7)")
    ArticleTag.create(article=article, entity=entity, relation="about")
    # What a ninjs import kept for the export before every entity list's links were checked.
    Article.update(agency_metadata=json.dumps(KEPT_ENTITIES)).where(
        Article.id == article.id).execute()
    return article


KEPT_ENTITIES = {
    "places": [{"name": "Baku", "uri": " JavaScript:alert(10)"}],
    "subjects": [{"name": "Economy", "uri": "java\tscript:alert(11)"},
                 {"name": "Energy", "uri": "http://cv.iptc.org/newscodes/mediatopic/20000248"}],
    "events": [{"name": "Vote", "uri": "data:text/html,<script>alert(12)</script>"}],
}


class _Tags(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def assert_safe_html(html: str) -> None:
    parser = _Tags()
    parser.feed(html)
    for tag, attributes in parser.tags:
        assert tag not in ("script", "iframe", "object", "embed", "style"), html
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            plain = re.sub(r"[\x00-\x20]", "", unescape(value)).lower()
            assert not plain.startswith(("javascript:", "data:", "vbscript:")), (tag, value)


def assert_renders_safely(markdown_text: str) -> None:
    """What another generator (no sanitiser of its own) makes of it runs no script."""
    assert_safe_html(markdown.markdown(markdown_text, extensions=["extra"]))


def test_markdown_export_carries_only_sanitised_markdown(db, tmp_path):
    _hostile_story(db)
    export(ExportOptions(out=tmp_path / "md", format="markdown", statuses=("published",)))
    text = (tmp_path / "md" / "hostile.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert_renders_safely(body)
    assert "[fine](https://example.org/ok)" in body and "<https://example.org/auto>" in body
    assert "    indented code stays" in body
    assert "```\n<script>in a fence stays code</script>\n```" in body
    # Before: raw HTML and javascript: links reached the file as typed.
    assert_renders_safely_fails_on(HOSTILE_BODY)


def assert_renders_safely_fails_on(text: str) -> None:
    with pytest.raises(AssertionError):
        assert_renders_safely(text)


@pytest.mark.parametrize("version", ["2.1", "3.1"])
def test_ninjs_export_bodies_and_entity_links_are_safe(db, tmp_path, version):
    _hostile_story(db)
    out = tmp_path / "ninjs"
    export(ExportOptions(out=out, format="ninjs", statuses=("published",),
                         ninjs_version=version))
    item = json.loads(next(out.rglob("*hostile*.json")).read_text(encoding="utf-8"))
    for body in item["bodies"]:
        if (body.get("contenttype") or body.get("contentType")) == "text/html":
            assert_safe_html(body["value"])
        else:
            assert_renders_safely(body["value"])
    assert item["people"][0]["name"] == "Rauf" and "uri" not in item["people"][0]
    # The agency's other entities go out with their names, and with web links only.
    assert [e["name"] for e in item["places"]] == ["Baku"] and "uri" not in item["places"][0]
    assert [(e["name"], e.get("uri")) for e in item["subjects"]] == [
        ("Economy", None), ("Energy", "http://cv.iptc.org/newscodes/mediatopic/20000248")]
    assert item["events"] == [{"name": "Vote"}]


def test_registry_accepts_only_web_links(db):
    with pytest.raises(UserError, match="http:// or https://"):
        registry.create_entity("person", "Rauf", uri="javascript:alert(1)")
    with pytest.raises(UserError, match="http:// or https://"):
        registry.create_entity("person", "Rauf", uri="data:text/html,<script>")
    entity = registry.create_entity("person", "Rauf", uri=" https://example.org/rauf ")
    assert entity.uri == "https://example.org/rauf"
    with pytest.raises(UserError, match="http:// or https://"):
        registry.update_entity(entity.id, uri="vbscript:x")


def test_ordinary_markdown_passes_unchanged(demo_db):
    """Every story of the sample newsroom goes out exactly as written."""
    bodies = [a.body for a in Article.select()] + [a.footnote for a in Article.select()]
    assert bodies and all(safe_markdown(text) == text for text in bodies)
    typical = ("A *b* [c](https://x.org/a?b=1) ![d](/img/e.png) [f](#g) [h](mailto:i@j.k)\n\n"
               "| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n`<code>` x < y")
    assert safe_markdown(typical) == typical


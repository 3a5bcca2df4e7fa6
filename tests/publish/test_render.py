"""The shared renderer: sanitising, the render cache and source-line annotations."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import html5lib
import markdown
import pytest

from newsdesk.publish import render
from newsdesk.publish.fast_inline import SELF_CHECK_SAMPLE
from newsdesk.publish.render import MARKDOWN_EXTENSIONS, markdown_to_html, render_cache
from tests.conftest import REPO_ROOT

PAYLOADS = [line for line in
            (Path(__file__).parents[1] / "data" / "xss_payloads.txt").read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("# ")]
FORBIDDEN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                      "form", "input", "button", "textarea", "select", "style", "link",
                      "meta", "base", "svg", "math", "video", "audio", "source", "bgsound",
                      "isindex", "marquee", "details", "noscript", "body"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "dynsrc", "lowsrc",
                  "data", "code"}
SAFE_SCHEMES = {"http", "https", "mailto"}


def _problems(fragment: str) -> list[str]:
    """What in an HTML fragment could run script or load active content."""
    tree = html5lib.parseFragment(fragment, treebuilder="etree", namespaceHTMLElements=False)
    found = []
    for element in tree.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.lower() in FORBIDDEN_ELEMENTS:
            found.append(f"element <{tag}>")
        for name, value in element.attrib.items():
            lowered = name.lower()
            if lowered.startswith("on") or lowered == "style":
                found.append(f"attribute {name}")
            if lowered in URL_ATTRIBUTES:
                # What a browser's URL parser does first (WHATWG URL): trim C0 controls and
                # spaces at both ends, drop tabs and newlines anywhere.
                compact = re.sub(r"[\t\n\r]", "", value.strip("\x00\x20" + "".join(
                    chr(c) for c in range(1, 32)))).lower()
                scheme = re.match(r"([a-z][a-z0-9+.-]*):", compact)
                if scheme and scheme.group(1) not in SAFE_SCHEMES:
                    found.append(f"{name}={value!r}")
    return found


def test_payload_list_is_substantial():
    assert len(PAYLOADS) >= 60


@pytest.mark.parametrize("source_lines", [False, True], ids=["site", "preview"])
def test_no_payload_survives_the_renderer(source_lines):
    failures = {}
    for payload in PAYLOADS:
        for text in (payload, f"Intro paragraph.\n\n{payload}\n\nOutro *text*.",
                     f"- item {payload}", f"> {payload}"):
            problems = _problems(markdown_to_html(text, source_lines=source_lines))
            if problems:
                failures[text] = problems
    assert failures == {}


def test_safe_markup_is_kept():
    html = markdown_to_html('A [link](https://example.org "t") and <b>bold</b>.\n\n'
                            "![alt](https://example.org/a.png)")
    assert '<a href="https://example.org" title="t" rel="noopener noreferrer">link</a>' in html
    assert "<b>bold</b>" in html
    assert '<img alt="alt" src="https://example.org/a.png">' in html


def test_a_body_of_only_html_is_cleaned_not_dropped():
    html = markdown_to_html("<div><p>Kept text</p><script>gone()</script></div>")
    assert "Kept text" in html and "gone" not in html


@pytest.mark.parametrize("text", [
    "x" * 2_000_000,
    "**unclosed *emphasis [link(\n\n```\nunclosed fence",
    "مرحبا بالعالم — שלום — Salam 👋🏽 🇦🇿",
    "\ue000 12\ue001 stray marker characters",
])
def test_awkward_input_renders(text):
    html = markdown_to_html(text, source_lines=True)
    assert "\ue000" not in html and "\ue001" not in html
    assert _problems(html) == []


def test_unchanged_text_is_not_rendered_twice(monkeypatch):
    calls = []
    original = render.render_uncached
    monkeypatch.setattr(render, "render_uncached",
                        lambda text, **kw: calls.append(text) or original(text, **kw))
    render_cache.clear()
    first = markdown_to_html("Cached *once*")
    second = markdown_to_html("Cached *once*")
    assert first == second and calls == ["Cached *once*"]
    markdown_to_html("Cached *once*", source_lines=True)
    assert len(calls) == 2  # other options, other content address
    # The preview's render is checked against the site's, which comes from the cache.
    assert render_cache.hits == 2


SOURCE = """## A heading

First paragraph
runs over two lines.

- one
- two

| a | b |
|---|---|
| 1 | 2 |

```
code
```

> quoted

Setext heading
--------------
"""


def _lines(html: str) -> dict[str, int]:
    tree = html5lib.parseFragment(html, treebuilder="etree", namespaceHTMLElements=False)
    return {(element.text or "").strip() or element.tag: int(element.get("data-line"))
            for element in tree.iter() if element.get("data-line") is not None}


def test_source_lines_point_at_the_block_starts():
    lines = _lines(markdown_to_html(SOURCE, source_lines=True))
    assert lines["A heading"] == 0
    assert lines["First paragraph\nruns over two lines."] == 2
    assert lines["one"] == 5 and lines["two"] == 6
    assert lines["pre"] == 12  # the fence line
    assert lines["quoted"] == 16
    assert lines["Setext heading"] == 18
    assert lines["tr"] == 10  # the last table row (rows share the key "tr" here)


def test_source_lines_do_not_change_the_rendering():
    plain = markdown_to_html(SOURCE)
    annotated = markdown_to_html(SOURCE, source_lines=True)
    assert "data-line" not in plain
    assert re.sub(r' data-line="\d+"', "", annotated) == plain


def test_the_checker_itself_catches_active_content():
    found = _problems('<a href=" JaVa\tScript:x()" onclick="y()">a</a><iframe></iframe>')
    assert sorted(found) == ["attribute onclick", "element <iframe>",
                             "href=' JaVa\\tScript:x()'"]


EVERY_EXTENSION = SELF_CHECK_SAMPLE + """
Term
:   Its definition, with an ABBR.

*[ABBR]: An abbreviation

<div markdown="1">*Markdown* in HTML</div>

```python
fenced = "code"
```

1. sane
2. lists
* not the same list
"""


def test_the_extension_instances_render_as_the_extensions_named():
    """The renderer hands Python-Markdown its extensions, not their names (which it looks
    up among every installed package's entry points first): the same HTML either way."""
    named = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    made = markdown.Markdown(extensions=render.stock_extensions(), output_format="html")
    expected = named.convert(EVERY_EXTENSION)
    assert made.convert(EVERY_EXTENSION) == expected
    for feature in ("<dl>", "<abbr", "<table>", "footnote", "<em>Markdown</em>",
                    'class="language-python"', "&rsquo;"):
        assert feature in expected, feature
    # Each call makes new ones: a second document's footnotes are its own.
    again = markdown.Markdown(extensions=render.stock_extensions(), output_format="html")
    assert again.convert(EVERY_EXTENSION) == expected


def test_rendering_looks_up_no_installed_package():
    probe = ("import markdown.util\n"
             "from newsdesk.publish.render import markdown_to_html\n"
             "assert '<sup' in markdown_to_html('A note[^1].\\n\\n[^1]: The note.')\n"
             "print(markdown.util.get_installed_extensions.cache_info().misses)\n")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=str(REPO_ROOT),
                            env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)))
    assert result.stdout.strip() == "0"

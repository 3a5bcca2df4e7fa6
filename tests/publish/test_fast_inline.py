"""The inline-stage shortcut: it must never change what Python-Markdown produces."""

from __future__ import annotations

import json
import logging
import random
import re
import threading
from pathlib import Path

import markdown
import pytest
from markdown.treeprocessors import InlineProcessor

from newsdesk.assets import resource_path
from newsdesk.publish import fast_inline, render
from newsdesk.publish.fast_inline import (
    FastInlineExtension,
    SkippingInlineProcessor,
    available,
    required_texts,
)
from newsdesk.publish.render import MARKDOWN_EXTENSIONS

DATA = Path(__file__).parents[1] / "data"

# Pieces of inline and block syntax that the generated documents are put together from:
# every pattern Python-Markdown, extra and smarty know, plus near misses of each.
INLINE_PIECES = [
    "word", "Əliyev", "Мамедов", "Baku's", "'90s", "rock 'n' roll", '"quoted"', "'single'",
    "\"'mixed'\"", "'\"mixed\"'", "--", "---", "a--b", "...", "....", "*em*", "**strong**",
    "***both***", "_em_", "__strong__", "snake_case_word", "2*3*4", "* not em *", "`code`",
    "``co`de``", "\\`", "\\*", "\\\\", "\\[", "[link](http://example.com)",
    "[link](http://example.com \"title\")", "[ref][r1]", "[r1]", "[r1][]", "![img](i.png)",
    "![img][r1]", "![r1]", "[^1]", "[^missing]", "<http://example.com/a?b=c>",
    "<mail@example.com>", "<b>bold</b>", "<span class=\"x\">s</span>", "<br>", "&amp;",
    "&copy;", "&#8212;", "&#x2014;", "& alone", "<", ">", "[", "]", "(", ")", "!", "!!",
    "HTML", "*[HTML]: Hyper Text", "{: .cls }", "  \n", "\n", " ", " ", "  ", "<!-- c -->",
    "\ue000", "\u200b", "\u202e", "__init__", "http://bare.example.com", "www.example.com",
]
BLOCK_PREFIXES = ["", "", "", "# ", "## ", "> ", "- ", "1. ", "* ", "    ", "Term\n: ",
                  "| a | b |\n|---|---|\n| ", "```\n", "~~~\n"]
REFERENCES = "\n\n[r1]: http://example.com/ref \"Ref title\"\n[^1]: A footnote with *em*.\n"


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    documents = []
    for _ in range(count):
        blocks = []
        for _ in range(rng.randint(1, 5)):
            text = "".join(rng.choice(INLINE_PIECES) + rng.choice(["", " ", " ", "\n"])
                           for _ in range(rng.randint(1, 14)))
            blocks.append(rng.choice(BLOCK_PREFIXES) + text)
        documents.append("\n\n".join(blocks) + (REFERENCES if rng.random() < 0.5 else ""))
    return documents


def _sample_texts() -> list[str]:
    stories = json.loads((resource_path("sample") / "articles.json").read_text("utf-8"))
    texts = [story.get(field) or "" for story in stories for field in ("body", "footnote")]
    payloads = [line for line in (DATA / "xss_payloads.txt").read_text("utf-8").splitlines()
                if line.strip() and not line.startswith("# ")]
    return texts + payloads


def _converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    stock = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    fast = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, FastInlineExtension()],
                             output_format="html")
    return stock, fast


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_documents_render_exactly_as_stock_python_markdown(seed):
    stock, fast = _converters()
    for document in _generated(700, seed):
        assert fast.reset().convert(document) == stock.reset().convert(document), document


def test_sample_stories_and_attack_strings_render_exactly_as_stock():
    stock, fast = _converters()
    for text in _sample_texts():
        assert fast.reset().convert(text) == stock.reset().convert(text), text
        # The preview's line markers go through the same inline stage.
        marked = render.mark_source_lines(text)
        assert fast.reset().convert(marked) == stock.reset().convert(marked), text


def test_the_shared_renderer_uses_the_shortcut():
    # If a Python-Markdown release drops the private methods the shortcut needs, it turns
    # itself off (output stays right, rendering gets ~2x slower): this test says so.
    assert available(), "fast_inline cannot hook this Python-Markdown: re-check fast_inline.py"
    converter = render._converter()
    assert isinstance(converter.treeprocessors["inline"], SkippingInlineProcessor)
    assert isinstance(converter.treeprocessors["smarty"], SkippingInlineProcessor)
    assert render.render_uncached("Baku's *mayor* -- [site](https://x.az)...") == (
        '<p>Baku\u2019s <em>mayor</em> \u2013 '
        '<a href="https://x.az" rel="noopener noreferrer">site</a>\u2026</p>')


@pytest.mark.parametrize(("pattern", "needs"), [
    (r"\[", {"["}),
    (r"\!\[", {"!["}),
    (r"(?<!\!)\[", {"["}),  # a negative lookbehind asks nothing of the text
    (r"\*|_", {"*", "_"}),
    (r"(?<!\.)\.{3}(?!\.)", {"..."}),
    (r"  \n", {"  \n"}),
    (r"<([A-Za-z][A-Za-z0-9+.-]*://[^<>]*)>", {"://"}),  # the longest literal run wins
    (r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)`)", {"`", "\\\\"}),  # two backslashes
    (r"(\s|&nbsp;)'(?=\w)", {"'"}),
    (r"(?<=[ab])x", {"x"}),
    (r"(?=q)", {"q"}),  # what a lookahead looks at must be in the text too
])
def test_required_texts_of_patterns(pattern, needs):
    assert required_texts(pattern) == frozenset(needs)
    # Sanity: a text holding none of them has no match.
    assert re.search(pattern, "plain words only") is None


@pytest.mark.parametrize("pattern", [
    r"\w+", r"a*", r".", r"[^x]", r"(?!a)", r"^$", r"a?", r"(a|\w)", r"[a-z]",
])
def test_patterns_that_need_nothing_particular_are_always_tried(pattern):
    assert required_texts(pattern) is None


def test_case_insensitive_patterns_are_always_tried():
    assert required_texts("abc", re.IGNORECASE) is None
    assert required_texts("(?i:abc)") is None


def test_a_pattern_registered_after_a_render_is_applied():
    from markdown.inlinepatterns import SimpleTagInlineProcessor

    _stock, fast = _converters()
    assert fast.reset().convert("a ==mark== b") == "<p>a ==mark== b</p>"
    fast.inlinePatterns.register(SimpleTagInlineProcessor(r"()==(.+?)==", "mark"), "mark", 65)
    assert fast.reset().convert("a ==mark== b") == "<p>a <mark>mark</mark> b</p>"


def test_a_shortcut_that_disagrees_with_stock_is_turned_off(monkeypatch, caplog):
    # A Python-Markdown release whose private loop changed: here, every pattern is wrongly
    # judged unable to match. The first render's self-check sees the difference, and the
    # renderer falls back to stock Python-Markdown (same HTML, no shortcut).
    monkeypatch.setattr(fast_inline, "_test_form", lambda needs: "\x00 never in any text")
    monkeypatch.setattr(render, "_shortcut_ok", None)
    monkeypatch.setattr(render, "_local", threading.local())
    text = "Baku's *mayor* -- [site](https://x.az)..."
    with caplog.at_level(logging.WARNING, logger="newsdesk.publish.render"):
        html = render.render_uncached(text)
    assert html == (
        '<p>Baku\u2019s <em>mayor</em> \u2013 '
        '<a href="https://x.az" rel="noopener noreferrer">site</a>\u2026</p>')
    assert type(render._converter().treeprocessors["inline"]) is InlineProcessor
    assert "fast_inline disagrees" in caplog.text
    # The shortcut itself does render wrongly here: the check is what kept it out.
    fast = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, FastInlineExtension()])
    assert "<em>" not in fast.convert(text)


def test_the_self_check_passes_on_the_installed_python_markdown():
    assert fast_inline.agrees_with_stock(render.stock_extensions)
    assert fast_inline.agrees_with_stock(lambda: MARKDOWN_EXTENSIONS)
    assert render._use_shortcut()

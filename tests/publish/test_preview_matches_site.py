"""The preview shows what the site will: the same HTML but for its line attributes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.publish.render import render_uncached

_LINE_ATTR = re.compile(r' data-line="\d+"')

# Pieces of Markdown syntax, so that generated documents hit block and inline rules
# (quotes, lists, fences, tables, headings, hard breaks, references) rather than prose.
PIECES = ["", " ", "  ", "\t", ">", "> ", "- ", "* ", "+ ", "1. ", "#", "# ", "    ", "|",
          "---", "===", "```", "~~~", "a", "word", "*em*", "**b**", "[l](u)", "`c`", ":",
          "[^1]", "[^1]: note", "*[A]: b", "[r]: http://x.example", "<b>", "</b>", "&",
          "\\", "!", "_", "'", '"', "--", "..."]

lines = st.lists(st.sampled_from(PIECES), max_size=5).map("".join)
documents = st.lists(lines, min_size=1, max_size=8).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_preview_renders_as_the_site_does(text):
    preview = render_uncached(text, source_lines=True)
    assert _LINE_ATTR.sub("", preview) == render_uncached(text)


def test_an_empty_quote_renders_the_same_in_both():
    assert _LINE_ATTR.sub("", render_uncached(">", source_lines=True)) == \
        render_uncached(">") == "<blockquote></blockquote>"


def test_ordinary_stories_keep_their_line_numbers():
    text = "## Title\n\nFirst paragraph.\n\n> A quote\n\n- one\n- two\n"
    preview = render_uncached(text, source_lines=True)
    assert re.findall(r'<(\w+)[^>]*data-line="(\d+)"', preview) == [
        ("h2", "0"), ("p", "2"), ("p", "4"), ("li", "6"), ("li", "7")]

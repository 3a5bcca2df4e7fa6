"""Code spans through the index of backtick runs: the stock answer, in bounded time."""

from __future__ import annotations

import markdown
from hypothesis import given
from hypothesis import strategies as st
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor

from newsdesk.publish.code_spans import IndexedBacktickProcessor
from newsdesk.publish.render import MARKDOWN_EXTENSIONS, render_uncached
from tests.publish_helpers import render_cpu_seconds

# Backticks, escapes and the text between them: where code spans pair or do not.
TEXTS = st.text(alphabet="``` ab\\\n*", max_size=60)


@given(TEXTS)
def test_every_opener_pairs_as_stock_python_markdown_pairs_it(text):
    stock, indexed = BacktickInlineProcessor(BACKTICK_RE), IndexedBacktickProcessor(BACKTICK_RE)
    for start in range(len(text) + 1):
        assert indexed.find_code_spans(start, text) == stock.find_code_spans(start, text)


@given(TEXTS)
def test_documents_render_as_stock_python_markdown_renders_them(text):
    stock = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    ours = markdown.Markdown(extensions=[*MARKDOWN_EXTENSIONS, "newsdesk.publish.code_spans:"
                                         "CodeSpanExtension"], output_format="html")
    assert ours.convert(text) == stock.convert(text)


def test_unpaired_backtick_runs_render_in_linear_time():
    """16 KB of them took 8 s, each run walking to the end of the paragraph: four times the
    runs took sixteen times as long. Through the index four times the runs take four times
    as long (measured 3.9-4.2)."""
    assert render_uncached("``a`" * 16_000).startswith("<p>``a```a```a")
    quarter = render_cpu_seconds("``a`" * 4_000, tries=3)
    whole = render_cpu_seconds("``a`" * 16_000, tries=3)
    assert whole < 8 * quarter

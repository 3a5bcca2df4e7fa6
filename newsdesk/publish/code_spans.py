"""Python-Markdown's code spans found through an index of the backtick runs: same pairs,
bounded time.

Stock ``BacktickInlineProcessor.find_code_spans`` walks character by character from an
opening run of backticks to the closing run of the same length, or to the end of the
paragraph when there is none. Every unpaired run pays that walk, so a paragraph of many
(``\\`\\`a\\``` x 4,000, 16 KB) took 8 s to render, growing with the square of its size:
one such story would stop every export. Here the walk is a lookup in an index of the
paragraph's runs (their starts by length, and the longest run from each on), built once
per text the inline stage searches, so each opener costs a bisection. The answer is the
stock method's, case for case, including its fallback to the longest shorter run
(``tests/publish/test_code_spans.py`` compares them on generated text).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

import markdown
from markdown.inlinepatterns import BacktickInlineProcessor

_RUN = re.compile(r"`+")


class _Runs:
    """The maximal runs of backticks in one text."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        lengths: list[int] = []
        self.by_length: dict[int, list[int]] = {}  # length -> indexes of its runs
        for index, match in enumerate(_RUN.finditer(text)):
            self.starts.append(match.start())
            length = match.end() - match.start()
            lengths.append(length)
            self.by_length.setdefault(length, []).append(index)
        # From each run on: the longest length, and the first run that has it.
        self.longest = [0] * (len(lengths) + 1)
        self.first_longest = [0] * (len(lengths) + 1)
        for index in range(len(lengths) - 1, -1, -1):
            if lengths[index] >= self.longest[index + 1]:
                self.longest[index], self.first_longest[index] = lengths[index], index
            else:
                self.longest[index] = self.longest[index + 1]
                self.first_longest[index] = self.first_longest[index + 1]


class IndexedBacktickProcessor(BacktickInlineProcessor):
    """``find_code_spans`` answered from an index of the text's backtick runs."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self._text: str | None = None
        self._runs: _Runs | None = None

    def _runs_of(self, text: str) -> _Runs:
        # The inline stage asks about the same text object until a span is found in it.
        if self._runs is None or text is not self._text:
            self._text, self._runs = text, _Runs(text)
        return self._runs

    def find_code_spans(self, start: int, text: str) -> tuple[int, int | None]:
        opening = _RUN.match(text, start)
        max_ticks = opening.end() - start if opening else 0
        start += max_ticks
        runs = self._runs_of(text)
        first = bisect_left(runs.starts, start)  # the runs the stock walk would meet
        same = runs.by_length.get(max_ticks)
        if same:
            found = bisect_left(same, first)
            if found < len(same):
                return start, runs.starts[same[found]]
        longest = runs.longest[first]
        if 0 < longest < max_ticks:
            end = runs.starts[runs.first_longest[first]] + longest
            return start - (max_ticks - longest), end - longest
        return start + max_ticks, None


def available() -> bool:
    """Whether this Python-Markdown finds code spans the way this module mirrors."""
    return callable(getattr(BacktickInlineProcessor, "find_code_spans", None))


class CodeSpanExtension(markdown.Extension):
    """Puts ``IndexedBacktickProcessor`` where the stock backtick pattern is."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - the API's name
        if not available() or "backtick" not in md.inlinePatterns:
            return
        stock: Any = md.inlinePatterns["backtick"]
        priority = next(item.priority for item in md.inlinePatterns._priority
                        if item.name == "backtick")
        md.inlinePatterns.register(IndexedBacktickProcessor(stock.pattern),
                                   "backtick", priority)

"""The words of a story worth checking, with their offsets: Markdown syntax, code, links'
targets, URLs, e-mail addresses, numbers, desk codes and acronyms are left out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsdesk.people.suggest.tokens import WORD_RE, base_word

# Spans never checked, tried in this order at each position.
_SKIPPED_RE = re.compile(
    r"(?ms:^(?P<fence>```|~~~).*?(?:^(?P=fence)|\Z))"  # fenced code
    r"|`[^`\n]*`"  # inline code
    r"|\]\([^)\n]*\)"  # a link's or picture's target
    r"|(?m:^\s{0,3}\[[^\]\n]+\]:[^\n]*)"  # a reference definition
    r"|<[^>\n]*>"  # HTML tags and autolinks
    r"|\b(?:https?|ftp)://[^\s<>()\[\]]+|\bwww\.[^\s<>()\[\]]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|-\d+/\d+\w*-"  # desk codes: -03/06D-
    r"|\w*\d\w*",  # numbers and words with digits in them (06D, 3rd, COVID19)
)
MAX_ACRONYM = 5


@dataclass(frozen=True)
class Word:
    text: str  # as written, possessive dropped (``Hajiyev's`` -> ``Hajiyev``)
    start: int  # offsets in the checked text
    end: int


def words_to_check(text: str) -> Iterator[Word]:
    """Each word worth a dictionary look-up, in order."""
    for start, end in _checked_stretches(text):
        for match in WORD_RE.finditer(text, start, end):
            word = base_word(match.group(0))
            if len(word) < 2 or _acronym(word):
                continue
            yield Word(word, match.start(), match.start() + len(word))


def _checked_stretches(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for skipped in _SKIPPED_RE.finditer(text):
        if skipped.start() > position:
            yield position, skipped.start()
        position = max(position, skipped.end())
    if position < len(text):
        yield position, len(text)


def _acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) <= MAX_ACRONYM and all(c.isupper() for c in letters)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# A block with none of these has nothing ``words_to_check`` would skip but numbers, which
# no unknown word contains: its unknown words can be found by a plain search.
_SKIP_MARKERS_RE = re.compile(r"[`<@\[\]]|://|www\.|-\d")


class WordFinder:
    """Where the given words stand in a text, as ``words_to_check`` would find them, fast:
    one compiled search for the whole set (the editor re-colours a paragraph per keystroke,
    and tokenising it every time cost several milliseconds in a long one)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)
        alternatives = "|".join(re.escape(w) for w in sorted(self.words, key=len, reverse=True))
        # Whole tokens only, as WORD_RE cuts them: not inside a hyphenated or apostrophed
        # word, a possessive (up to three letters after an apostrophe) allowed after.
        token = (rf"(?<![^\W\d_])(?<![^\W\d_][-'’ʼ`])(?:{alternatives})"
                 rf"(?![^\W\d_])(?!-[^\W\d_])(?!['’ʼ`][^\W\d_]{{4}})")
        self._pattern = re.compile(token) if self.words else None

    def ranges(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each of the words in ``text``."""
        if self._pattern is None or not text:
            return []
        if _SKIP_MARKERS_RE.search(text):
            return [(w.start, w.end - w.start) for w in words_to_check(text)
                    if w.text in self.words]
        return [(m.start(), m.end() - m.start()) for m in self._pattern.finditer(text)]

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


# A text with none of these has no span ``_SKIPPED_RE`` would skip: its search tries every
# alternative at every position (0.3 ms for a paragraph), this one character class.
_MAY_SKIP_RE = re.compile(r"[`~<@\[\]\d]|://|www\.")


def _checked_stretches(text: str) -> Iterator[tuple[int, int]]:
    if not _MAY_SKIP_RE.search(text):
        if text:
            yield 0, len(text)
        return
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


# A block with none of these has nothing ``words_to_check`` would skip but words with
# digits in them (``06D``, ``3rd``), which the search below checks for itself.
_SKIP_MARKERS_RE = re.compile(r"[`<@\[\]]|://|www\.|-\d")
_APOSTROPHE_RE = re.compile(r"['’ʼ`]")
EAGER_CUT_CHARS = 4000  # a paragraph: its words are cut in one go


def word_texts(text: str) -> Iterator[str]:
    """What ``words_to_check`` yields, as plain strings: no ``Word`` made of every word
    (the story's count after a pause goes through thousands)."""
    for start, end in _checked_stretches(text):
        # A long stretch (a whole story, counted 100 words a turn) is cut as it is read:
        # cut at once, the first 100 words cost the whole story's cut, 1.2 ms.
        tokens: Iterable[str] = (
            WORD_RE.findall(text, start, end) if end - start <= EAGER_CUT_CHARS
            else (match.group() for match in WORD_RE.finditer(text, start, end)))
        for token in tokens:
            word = base_word(token) if _has_apostrophe(token) else token
            if len(word) >= 2 and not (word.isupper() and _acronym(word)):
                yield word


def distinct_words(text: str) -> set[str]:
    """The words ``words_to_check`` yields for ``text``, each once: what a look-up needs."""
    return set(word_texts(text))


def _has_apostrophe(token: str) -> bool:
    return "'" in token or "’" in token or "ʼ" in token or "`" in token


class WordFinder:
    """Where the given words stand in a text, as ``words_to_check`` would find them, fast
    (the editor re-colours a paragraph per keystroke, and tokenising it into ``Word``s
    every time cost several milliseconds in a long one).

    No search is compiled from the words: one of every unknown word of a session took
    2-3 ms to compile after each pause, growing all day as half-typed words joined it, and
    scanning with it was slower than cutting the text into tokens and looking them up."""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)

    def ranges(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each of the words in ``text``."""
        words = self.words
        if not words or not text or _SKIP_MARKERS_RE.search(text):
            return self._checked_ranges(text)
        possessives = _APOSTROPHE_RE.search(text) is not None
        found = []
        for match in WORD_RE.finditer(text):
            word = match.group()
            if word not in words:
                if not possessives:
                    continue
                word = base_word(word)
                if word not in words:
                    continue
            start, end = match.span()
            if _glued(text, start - 1) or _glued(text, end):
                # Part of a run with digits or underscores in it (``x2parliment``),
                # which the checker may skip whole: its own cut decides.
                return self._checked_ranges(text)
            found.append((start, len(word)))
        return found

    def _checked_ranges(self, text: str) -> list[tuple[int, int]]:
        if not self.words or not text:
            return []
        return [(w.start, w.end - w.start) for w in words_to_check(text)
                if w.text in self.words]


def _glued(text: str, index: int) -> bool:
    """A digit or an underscore at ``index``: a word next to it is part of a longer run."""
    return 0 <= index < len(text) and (text[index].isdigit() or text[index] == "_")

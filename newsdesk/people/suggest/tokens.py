"""Words of a story as tokens: offsets, capitals, sentence starts, and their variant keys."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.people.suggest.keys import folded, stems, variant_key
from newsdesk.people.suggest.lexicon import ABBREVIATIONS, MONTH_DAY_PREFIXES, MONTHS_AND_DAYS

WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*['’ʼ]?")
_APOSTROPHES = "'’ʼ`"
_SENTENCE_BREAK_RE = re.compile(r"[.!?…:;]|\n\s*\n")


@dataclass(eq=False)  # compared by identity: list.index() must not compare every field
class Token:
    text: str  # the word as written, possessive included
    base: str  # without a possessive/case clitic after an apostrophe
    part: int  # 0 headline, 1 body, 2 footnote
    start: int  # offsets in that part's text
    end: int
    cap: bool  # starts with a capital letter
    upper: bool  # written in capitals (an acronym, or all-caps text)
    initial: bool  # opens a sentence
    joined: bool  # nothing but spaces since the previous word (one name may continue)
    key: str = ""
    keys: tuple[str, ...] = ()  # key, then stems
    index: int = 0  # its place in its part's list of tokens


def base_word(word: str) -> str:
    """``Hajiyev's`` -> ``Hajiyev``; ``Jones'`` -> ``Jones``; ``O'Brien`` stays whole."""
    stripped = word.rstrip(_APOSTROPHES)
    for mark in _APOSTROPHES:
        head, found, tail = stripped.rpartition(mark)
        if found and len(head) >= 2 and len(tail) <= 3:
            return head
    return stripped


def word_keys(base: str) -> str:
    """A word's key; hyphenated words keep one key per part (``Jean-Pierre``)."""
    if "-" in base:
        return "-".join(variant_key(p) for p in base.split("-"))
    return variant_key(base)


def tokenize(text: str, part: int = 1) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    for match in WORD_RE.finditer(text):
        word = match.group(0)
        start = match.start()
        if tokens and text[previous_end:start] == " ":  # the common case, kept cheap
            initial, joined = False, True
        else:
            initial, joined = _boundary(text[previous_end:start], tokens)
        base = base_word(word) if word[-1] in _APOSTROPHES or "'" in word or "’" in word else word
        tokens.append(Token(
            text=word, base=base, part=part, start=start, end=match.end(),
            cap=base[:1].isupper(), upper=len(base) > 1 and base.isupper(),
            initial=initial, joined=joined, index=len(tokens)))
        previous_end = match.end()
    return tokens


def _boundary(between: str, tokens: list[Token]) -> tuple[bool, bool]:
    """(opens a sentence, continues the previous word's name) from the text between."""
    if not tokens:
        return True, False
    after_abbreviation = between.strip() == "." and folded(tokens[-1].base) in ABBREVIATIONS
    initial = bool(_SENTENCE_BREAK_RE.search(between)) and not after_abbreviation
    joined = (not between.strip() or after_abbreviation) and "\n\n" not in between
    return initial, bool(joined)


def with_keys(tokens: list[Token], known_words: set[str] | frozenset[str]) -> None:
    for token in tokens:
        token.key = word_keys(token.base)
        extra = [s for s in stems(token.key) if s in known_words]
        # Russian nouns in -а/-я take -и/-у/-ю in other cases: "Гянджи" is "Гянджа".
        # Not at a sentence's start, where a capital says nothing ("Грузы", cargo).
        if (not token.initial and token.key[-1:] in ("i", "u")
                and token.key[:-1] + "a" in known_words):
            extra.append(token.key[:-1] + "a")
        token.keys = (token.key, *extra)


def folded_word(token: Token) -> str:
    return folded(token.base)


def is_month_or_day(token: Token) -> bool:
    word = folded_word(token)
    return word in MONTHS_AND_DAYS or word.startswith(MONTH_DAY_PREFIXES)


def name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name."""
    return token.cap and not is_month_or_day(token) and len(token.base) > 1

"""Search query parsing: what the user typed, as words, "phrases" and prefix* terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdesk.search.folding import fold


@dataclass(frozen=True)
class Term:
    """One thing every match must contain: folded words in order, the last maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...] = ()
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.terms)


_PIECES = re.compile(r'"([^"]*)"(\*?)|(\S+)')
# Token characters as FTS5's unicode61 sees them: letters, digits, private use.
_WORD = re.compile(r"[^\W_]+")


def parse_query(text: str) -> ParsedQuery:
    """Words, ``"exact phrases"`` and ``prefix*``; every other character is just text.

    Unbalanced quotes, ``( ) : - ^ +``, ``AND``/``OR``/``NOT``/``NEAR`` carry no meaning:
    they are searched as words (or dropped, when they contain no letters or digits).
    """
    source = text or ""
    if source.count('"') % 2:
        # The last quote is unbalanced: treat it as a plain character.
        cut = source.rfind('"')
        source = source[:cut] + " " + source[cut + 1:]
    terms: list[Term] = []
    for match in _PIECES.finditer(source):
        phrase, star, bare = match.groups()
        if phrase is not None:
            words = tuple(_WORD.findall(fold(phrase)))
            if words:
                terms.append(Term(words, prefix=bool(star) or phrase.rstrip().endswith("*")))
            continue
        prefix = bare.endswith("*")
        words = tuple(_WORD.findall(fold(bare)))
        if words:
            # "05/11K" or "Heydərov-Əliyev" stay together as a phrase, as they were typed.
            terms.append(Term(words, prefix=prefix))
    return ParsedQuery(tuple(terms), text)



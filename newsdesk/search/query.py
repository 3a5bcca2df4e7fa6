"""Search query parsing: what the user typed, as words, "phrases" and prefix* terms."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection
from typing import NamedTuple

from newsdesk.search.folding import fold, schwa_variants

# A phrase of several words typed with ``e`` for ``ə`` can be read in many ways; past this
# many readings the rest of the words are kept as typed.
MAX_SPELLINGS = 32


class Term(NamedTuple):
    """One thing every match must contain: folded words in order, the last maybe a prefix.

    ``alternatives`` are other spellings of the same words (``ganca`` for a typed
    ``gence``) that the index holds; a match may contain any one of them instead.
    """

    words: tuple[str, ...]
    prefix: bool = False
    alternatives: tuple[tuple[str, ...], ...] = ()

    @property
    def spellings(self) -> tuple[tuple[str, ...], ...]:
        """The words as typed, then each alternative."""
        return (self.words, *self.alternatives)


class ParsedQuery(NamedTuple):
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




# (folded words, is_prefix) -> those of them the index holds (as words, or as prefixes)
KnownWords = Callable[[Collection[str], bool], set[str]]


def with_spellings(query: ParsedQuery, known: KnownWords) -> ParsedQuery:
    """``query`` with each word's other readings of ``e`` as ``ə`` that the index holds.

    Only readings the index actually contains are added, so a word typed as the index
    spells it searches exactly as before (same matches, same ranking), and ``Gence`` ranks
    its stories as ``Ganca`` does.
    """
    wanted: dict[bool, set[str]] = {False: set(), True: set()}
    for term in query.terms:
        for position, word in enumerate(term.words):
            is_prefix = term.prefix and position == len(term.words) - 1
            wanted[is_prefix].update(schwa_variants(word)[1:])
    held = {flag: known(words, flag) if words else set() for flag, words in wanted.items()}
    terms = []
    for term in query.terms:
        choices = []
        for position, word in enumerate(term.words):
            is_prefix = term.prefix and position == len(term.words) - 1
            others = [v for v in schwa_variants(word)[1:] if v in held[is_prefix]]
            choices.append((word, *others))
        readings = list(itertools.islice(itertools.product(*choices), MAX_SPELLINGS))
        terms.append(term._replace(alternatives=tuple(readings[1:])))
    return ParsedQuery(tuple(terms), query.text)

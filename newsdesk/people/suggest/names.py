"""Given names and the evidence that a capitalised run names a person, and when two
spellings of a given name are one name written two ways.

Agency copy drops or adds a letter or a syllable of a given name between languages
(``Gulnar``/``Gulnara``, ``Mahammad``/``Mammad`` as sources write them) while names that
are close in spelling may still be two people (``Elnur``/``Elnura``, ``Aziz``/``Aziza``):
the given-name list keeps each name on its own line, spellings of one name together, and
two listed names on different lines are never taken for one.
"""

from __future__ import annotations

from functools import cache

from newsdesk.people.suggest.keys import stems, transliterate, variant_key
from newsdesk.people.suggest.lexicon import (
    GIVEN_NAMES,
    ORGANISATION_STEMS,
    ORGANISATION_WORDS,
    PLACE_HEADS,
)

# Surname endings in Azerbaijani, Russian and their transliterations (variant keys: e->a,
# y->i, so "-yev" and "-ev" both end in "av").
SURNAME_ENDINGS = ("ov", "ova", "av", "ava", "zada", "shi", "anho", "ovic", "avic", "ovna",
                   "avna")
MIN_GIVEN = 4  # shorter names differ by one letter too easily (Ali, Alim)
MAX_DROP = 3  # a dropped syllable is at most this many letters of a variant key


@cache
def given_name_lines() -> dict[str, int]:
    """Variant key of each listed spelling -> its line (one line, one name)."""
    found: dict[str, int] = {}
    for line, spellings in enumerate(GIVEN_NAMES):
        for spelling in spellings:
            found.setdefault(variant_key(spelling), line)
    return found


def is_given_name(key: str) -> bool:
    return key in given_name_lines()


def has_surname_ending(key: str) -> bool:
    return len(key) >= 5 and key.endswith(SURNAME_ENDINGS)


def one_drop(longer: str, shorter: str) -> bool:
    """``shorter`` is ``longer`` with one letter or syllable (up to ``MAX_DROP`` letters in
    a row) left out."""
    difference = len(longer) - len(shorter)
    if not 1 <= difference <= MAX_DROP:
        return False
    return any(longer[:i] + longer[i + difference:] == shorter
               for i in range(len(longer) - difference + 1))


def same_given_name(first: str, second: str) -> bool:
    """Whether two given names' variant keys may be one name: equal, spellings on one line
    of the list, or (when the list does not tell them apart) one letter or syllable
    inserted or dropped."""
    if first == second:
        return True
    lines = given_name_lines()
    if first in lines and second in lines:
        return lines[first] == lines[second]
    longer, shorter = (first, second) if len(first) >= len(second) else (second, first)
    if len(shorter) < MIN_GIVEN:
        return False
    if shorter in lines and longer[:len(shorter)] == shorter and len(longer) - len(shorter) == 1:
        return False  # a listed name plus one letter at the end: its feminine (Aziz/Aziza)
    return one_drop(longer, shorter)


def is_given_name_word(key: str) -> bool:
    """A given name, or one in a case form (Russian "Джейхуном")."""
    return is_given_name(key) or any(is_given_name(s) for s in stems(key))


def has_surname_ending_word(key: str) -> bool:
    return has_surname_ending(key) or any(has_surname_ending(s) for s in stems(key))


MAX_ENDING = 6  # letters a case ending may add to a stem ("Nazirliyindən")


@cache
def is_organisation_word(word: str) -> bool:
    """A folded word that names a body: ``ministry``, ``Məhkəməsinə``, ``суде``."""
    if word in ORGANISATION_WORDS or transliterate(word) in ORGANISATION_WORDS:
        return True
    return any(word.startswith(stem) and len(word) - len(stem) <= MAX_ENDING
               for stem in ORGANISATION_STEMS)


@cache
def is_place_head(word: str) -> bool:
    """A folded word ending a region's name: ``Asia``, ``Asiyadan``, ``коридору``."""
    if word in PLACE_HEADS:
        return True
    # By stem only for heads long enough (or Cyrillic): "sea" must not be "season".
    return any(word.startswith(head) and len(word) - len(head) <= 4
               and (len(head) >= 5 or not head.isascii()) for head in PLACE_HEADS)

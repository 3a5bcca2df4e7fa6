"""Variant keys: the one form every spelling of a word shares.

A word is folded, Cyrillic transliterated, and the letters that transliteration swaps
collapsed into one class (kh/x/h/g/q/k, dzh/j/c/ch, y/i, e/a, doubled letters), so
``Mammadov``, ``Məmmədov``, ``Mamedov`` and ``Мамедов`` meet. ``stems`` drops the case
endings names take in Azerbaijani and Russian.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsdesk.people.suggest.lexicon import CASE_ENDINGS
from newsdesk.search.folding import fold

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ғ": "gh", "ҝ": "g", "ы\u0306": "y", "ө": "o", "ү": "u", "һ": "h", "ҹ": "j",
    "ј": "y", "і": "i", "ї": "yi", "є": "ye", "ў": "u",
}
_CYRILLIC_TABLE = str.maketrans({k: v for k, v in _CYRILLIC.items() if len(k) == 1})

# Letters transliteration swaps, each mapped to one class. Longest spellings first.
_SOUNDS = {
    "dzh": "c", "dj": "c", "zh": "c", "ch": "c", "j": "c",
    "kh": "h", "gh": "h", "x": "h", "q": "h", "g": "h", "k": "h",
    "sh": "s", "ph": "f", "w": "v", "y": "i", "e": "a",
}
_SOUND_RE = re.compile("|".join(sorted(_SOUNDS, key=len, reverse=True)))
_NOT_LETTER_RE = re.compile(r"[^a-z\u0400-\u04ff]+")
_DOUBLE_RE = re.compile(r"(.)\1+")
# y/i beside a vowel is a glide that one transliteration writes and another drops
# (Rzayev/Rzaev, Bakhtiyar/Bakhtiar, Nigyar/Nigar).
_GLIDE_RE = re.compile(r"(?<=[aou])i|i(?=[aou])")


@lru_cache(maxsize=200_000)
def folded(word: str) -> str:
    """``fold`` for single words, cached: a story repeats its words and names."""
    return fold(word)


def transliterate(text: str) -> str:
    """Folded Latin form of ``text``: ``Мамедов`` -> ``mamedov``, ``Əliyev`` -> ``aliyev``."""
    return folded(text).translate(_CYRILLIC_TABLE)


def clear_word_caches() -> None:
    """Forget cached word forms (the benchmark measures cold passes)."""
    folded.cache_clear()
    variant_key.cache_clear()
    stems.cache_clear()


@lru_cache(maxsize=200_000)
def variant_key(word: str) -> str:
    """The key all transliterations of one word share: ``Hajiyev``, ``Gadzhiev`` -> ``hacav``."""
    latin = _NOT_LETTER_RE.sub("", transliterate(word))
    if not latin:
        return ""
    sounded = _SOUND_RE.sub(lambda m: _SOUNDS[m.group(0)], latin)
    key = _DOUBLE_RE.sub(r"\1", _GLIDE_RE.sub("", _DOUBLE_RE.sub(r"\1", sounded)))
    return key or sounded[:1]


MIN_STEM = 3


@lru_cache(maxsize=1)
def _ending_keys() -> tuple[tuple[int, frozenset[str]], ...]:
    """The endings' keys grouped by length, longest first."""
    keys = {variant_key(ending) for ending in CASE_ENDINGS}
    keys.discard("")
    lengths = sorted({len(k) for k in keys}, reverse=True)
    return tuple((n, frozenset(k for k in keys if len(k) == n)) for n in lengths)


@lru_cache(maxsize=200_000)
def stems(key: str) -> tuple[str, ...]:
    """``key`` without each case ending it may carry (longest ending first); a word's stem is
    tried only when the stem is a word of some name."""
    return tuple(key[:-n] for n, endings in _ending_keys()
                 if len(key) - n >= MIN_STEM and key[-n:] in endings)

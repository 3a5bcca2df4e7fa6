"""Folding text for matching: case, diacritics and the Azerbaijani letters without them.

Used by search, the entity registry and review repeat detection, so that ``Aliyev``
matches ``Əliyev`` and ``Heydarov`` matches ``Heydərov`` everywhere in the same way.
Cyrillic stays Cyrillic (folded for case and ``ё`` only).
"""

from __future__ import annotations

import itertools
import unicodedata

from newsdesk.store.folding import FOLDED_LETTERS

# ə and ı have no Unicode decomposition, so NFKD alone would keep them.
_EXPLICIT = str.maketrans(dict(FOLDED_LETTERS))


def fold(text: str) -> str:
    """Lower-case, ASCII-fold Latin letters, keep other scripts: ``Əliyev`` -> ``aliyev``."""
    translated = text.translate(_EXPLICIT)
    kept: list[str] = []
    base_is_latin = False
    for ch in unicodedata.normalize("NFKD", translated):
        if unicodedata.combining(ch):
            if not base_is_latin:  # й, ї keep their marks: they are distinct letters
                kept.append(ch)
            continue
        base_is_latin = ch < "\u0250"
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).casefold()


# ``ə`` folds to ``a`` (the English transliteration: Heydar, Ganja), but readers and editors
# on Turkish keyboards or in older transliteration type it as ``e`` (Heyder, Gence). A
# folded word may therefore have been typed with ``e`` for any ``ə``: its spelling variants
# are every way of reading some of its ``e`` letters as ``a``. The first letters are varied
# and the rest kept, so a long word has at most 2**MAX_VARIED_LETTERS variants.
SCHWA_TYPED_AS = "e"
SCHWA_FOLDED_TO = "a"
MAX_VARIED_LETTERS = 6


def schwa_variants(folded_word: str) -> tuple[str, ...]:
    """``folded_word`` and its readings with ``e`` as ``ə``: ``gence`` -> ``gence``,
    ``gance``, ``genca``, ``ganca`` (the word itself first)."""
    positions = [i for i, ch in enumerate(folded_word) if ch == SCHWA_TYPED_AS]
    positions = positions[:MAX_VARIED_LETTERS]
    if not positions:
        return (folded_word,)
    variants = []
    for choice in itertools.product((SCHWA_TYPED_AS, SCHWA_FOLDED_TO), repeat=len(positions)):
        letters = list(folded_word)
        for position, letter in zip(positions, choice, strict=True):
            letters[position] = letter
        variants.append("".join(letters))
    return tuple(variants)

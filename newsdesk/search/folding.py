"""Folding text for matching: case, diacritics and the Azerbaijani letters without them.

Used by search, the entity registry and review repeat detection, so that ``Aliyev``
matches ``Əliyev`` and ``Heydarov`` matches ``Heydərov`` everywhere in the same way.
Cyrillic stays Cyrillic (folded for case and ``ё`` only).
"""

from __future__ import annotations

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

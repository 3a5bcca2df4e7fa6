"""ASCII URL slugs for stories, transliterating Azerbaijani before anything else.

python-slugify (via text-unidecode) turns Cyrillic and most scripts into ASCII, but it
reads the Azerbaijani letters badly ("ə" becomes a separator, "ş" a bare "s"), so those are
mapped first, the way Azerbaijani names are usually written in Latin ASCII.
"""

from __future__ import annotations

import re
from collections.abc import Callable

DEFAULT_SLUG = "story"

_AZERBAIJANI = {
    "ə": "e",
    "Ə": "e",
    "ş": "sh",
    "Ş": "sh",
    "ç": "ch",
    "Ç": "ch",
    "ğ": "gh",
    "Ğ": "gh",
    "ı": "i",
    "İ": "i",
    "ö": "o",
    "Ö": "o",
    "ü": "u",
    "Ü": "u",
}
# Apostrophes are dropped rather than turned into a separator: "Baku's" -> "bakus",
# not "baku-s".
_APOSTROPHES = {"'": "", "\u2019": "", "\u02bc": "", "`": ""}
_TRANSLATE = str.maketrans(_AZERBAIJANI | _APOSTROPHES)
# Text of only ASCII letters, digits, spaces and hyphens slugs to its lowercased words joined
# by hyphens; python-slugify's general path (transliteration, entities, numbers) costs
# ~10 us a name, which shows when a site export names thousands of pages.
_PLAIN_TEXT = re.compile(r"[A-Za-z0-9 -]*")
_WORD = re.compile(r"[a-z0-9]+")


def slugify(text: str, max_length: int = 80) -> str:
    """Lowercase ASCII slug with hyphens, at most ``max_length`` characters (0: no limit).

    Cut at a word boundary where possible; falls back to "story" when nothing is left.
    """
    if (max_length == 0 or len(text) <= max_length) and _PLAIN_TEXT.fullmatch(text):
        return "-".join(_WORD.findall(text.lower())) or DEFAULT_SLUG
    # Imported here: its regular expressions are compiled on import, a measured part of
    # the window's start, which never slugs anything but plain names.
    from slugify import slugify as _slugify

    # Transliterate before python-slugify lowercases: Python lowercases "İ" to "i" plus a
    # combining dot, which would otherwise leave a stray character behind.
    slug = _slugify(text.translate(_TRANSLATE), max_length=max_length, word_boundary=True)
    return slug or DEFAULT_SLUG


def unique_slug(base: str, exists: Callable[[str], bool], max_length: int = 80) -> str:
    """``base`` itself if free, else ``base-2``, ``base-3`` ... (the first free one).

    The suffix is kept within ``max_length`` by trimming the base, so the result still fits
    the slug column.
    """
    base = base or DEFAULT_SLUG
    if not exists(base):
        return base
    number = 2
    while exists(candidate := _with_suffix(base, number, max_length)):
        number += 1
    return candidate


def _with_suffix(base: str, number: int, max_length: int) -> str:
    suffix = f"-{number}"
    if max_length > 0:
        base = base[: max(max_length - len(suffix), 1)].rstrip("-")
    return base + suffix

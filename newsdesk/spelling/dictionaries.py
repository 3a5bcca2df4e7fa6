"""The word lists each story language is checked against, loaded once, on first use.

- English: pyspellchecker's frequency list (MIT; the list is derived from OpenSubtitles).
- Russian: pymorphy3 with its OpenCorpora dictionary (MIT), which knows every inflection
  (``парламента``, ``заявил``); suggestions are its known words one edit away, then
  pyspellchecker's Russian list.
- Azerbaijani, which has no well-kept free dictionary: the words of the newsroom's own
  published Azerbaijani stories (``spelling.archive``), with suggestions where the letters
  Azerbaijani keyboards and transliterations swap (e/ə, i/ı, g/ğ, o/ö, u/ü, s/ş, c/ç) count
  as near.
- Any language: the stems of a system Hunspell dictionary (``/usr/share/hunspell``) when
  one is installed for it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Protocol

LANGUAGES = ("en", "ru", "az")
HUNSPELL_FOLDERS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
_HUNSPELL_NAMES = {"en": ("en_US", "en_GB"), "ru": ("ru_RU",), "az": ("az_AZ", "az")}
_AZ_NEAR = str.maketrans("əığöüşç", "eigousc")
_LOCK = threading.Lock()  # the window checks on a worker while the CLI may not


class Dictionary(Protocol):
    def known(self, word: str) -> bool: ...

    def suggestions(self, word: str, limit: int) -> list[str]: ...


def lower(word: str, language: str) -> str:
    """Lower case as the language writes it: Azerbaijani ``I`` is ``ı``, ``İ`` is ``i``."""
    if language == "az":
        word = word.replace("I", "ı").replace("İ", "i")
    return word.lower()


def az_near(word: str) -> str:
    """An Azerbaijani word with its special letters written as their plain neighbours."""
    return word.translate(_AZ_NEAR)


class FrequencyDictionary:
    """pyspellchecker's list for one language."""

    def __init__(self, language: str) -> None:
        from spellchecker import SpellChecker

        self.checker = SpellChecker(language=language, distance=2)

    def known(self, word: str) -> bool:
        return word in self.checker.word_frequency

    def suggestions(self, word: str, limit: int) -> list[str]:
        found = self.checker.candidates(word) or set()
        frequency = self.checker.word_frequency
        ranked = sorted((w for w in found if w != word), key=lambda w: (-frequency[w], w))
        return ranked[:limit]


# British spellings the (American-leaning) English list lacks, as the American form it has:
# neighbouring/neighboring, organise/organize, centre/center, travelled/traveled.
_BRITISH = tuple((re.compile(pattern), american) for pattern, american in (
    (r"our(?=s?$|ing$|ed$|ite|ite?s$|able$|hood$|ly$|er$|ers$|ful$)", "or"),
    (r"is(?=e$|es$|ed$|ing$|ation|ations$|er$|ers$)", "iz"),
    (r"ys(?=e$|es$|ed$|ing$)", "yz"),
    (r"(?<=[bt])re(?=s?$)", "er"), (r"tred$", "tered"), (r"mme(?=s?$)", "m"),
    (r"ll(?=ed$|ing$|er$|ers$)", "l"),
    (r"ogue(?=s?$)", "og"), (r"ence$", "ense"), (r"ae", "e"), (r"oe", "e"),
))


class EnglishDictionary(FrequencyDictionary):
    """pyspellchecker's English list, which writes American English; a British spelling
    is known when its American form is."""

    def __init__(self) -> None:
        super().__init__("en")

    def known(self, word: str) -> bool:
        if super().known(word):
            return True
        for pattern, american in _BRITISH:
            changed = pattern.sub(american, word)
            if changed != word and super().known(changed):
                return True
        return False


class RussianDictionary:
    def __init__(self) -> None:
        import pymorphy3

        self.morph = pymorphy3.MorphAnalyzer(lang="ru")
        self.frequency = FrequencyDictionary("ru")

    def known(self, word: str) -> bool:
        return bool(self.morph.word_is_known(word))

    def suggestions(self, word: str, limit: int) -> list[str]:
        near = {w for w in self.frequency.checker.edit_distance_1(word)
                if w != word and self.known(w)}
        frequency = self.frequency.checker.word_frequency
        ranked = sorted(near, key=lambda w: (-frequency[w], w))
        for more in self.frequency.suggestions(word, limit):
            if more not in near:
                ranked.append(more)
        return ranked[:limit]


class WordListDictionary:
    """Known words with counts (the archive, the newsroom's dictionary, Hunspell stems);
    suggestions by edit distance, Azerbaijani near letters first."""

    def __init__(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._near: dict[str, list[str]] | None = None

    def known(self, word: str) -> bool:
        return word in self.counts

    def suggestions(self, word: str, limit: int) -> list[str]:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        if self._near is None:
            near: dict[str, list[str]] = {}
            for known in self.counts:
                near.setdefault(az_near(known), []).append(known)
            self._near = near
        matches = process.extract(az_near(word), list(self._near), scorer=Levenshtein.distance,
                                  score_cutoff=2, limit=50)
        candidates = [(distance, Levenshtein.distance(word, known), -self.counts[known], known)
                      for plain, distance, _ in matches for known in self._near[plain]
                      if known != word]
        return [known for *_, known in sorted(candidates)][:limit]


@cache
def base_dictionary(language: str) -> Dictionary | None:
    """The shipped dictionary of ``language`` (None for Azerbaijani: the archive is its)."""
    with _LOCK:
        if language == "en":
            return EnglishDictionary()
        if language == "ru":
            return RussianDictionary()
    return None


@cache
def hunspell_words(language: str) -> frozenset[str]:
    """The stems of the system's Hunspell dictionary for ``language``, if one is installed."""
    for folder in HUNSPELL_FOLDERS:
        for name in _HUNSPELL_NAMES.get(language, ()):
            path = folder / f"{name}.dic"
            if path.is_file():
                return frozenset(_dic_stems(path, language))
    return frozenset()


def _dic_stems(path: Path, language: str) -> Iterable[str]:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines[1:]:  # the first line is the word count
        stem = line.split("/", 1)[0].strip()
        if stem and not stem.startswith("#"):
            yield lower(stem, language)


def loaded(*languages: str) -> dict[str, Any]:
    """Load the dictionaries now (the window does it on a worker, before the first check)."""
    return {language: base_dictionary(language) for language in languages}

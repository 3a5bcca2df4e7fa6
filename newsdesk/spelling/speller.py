"""Spelling, checked against the story language's dictionary, the newsroom's own words and
everyone in the people and organisations registry (in every inflection the tag suggester
knows: ``Hajiyev's``, ``Heydarova``, ``Гейдарова``). No Qt: the CLI and the editor share it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from newsdesk.people.suggest.index import RegistryIndex, registry_index
from newsdesk.people.suggest.keys import stems
from newsdesk.people.suggest.tokens import word_keys
from newsdesk.spelling import archive, newsroom
from newsdesk.spelling.dictionaries import (
    LANGUAGES,
    Dictionary,
    WordListDictionary,
    base_dictionary,
    hunspell_words,
    lower,
)
from newsdesk.spelling.words import words_to_check

MAX_SUGGESTIONS = 5

__all__ = ["LANGUAGES", "Speller", "Unknown", "speller_for"]


@dataclass(frozen=True)
class Unknown:
    word: str
    start: int
    end: int


@dataclass
class Speller:
    """Everything one language's checks need, read once from the database."""

    language: str
    dictionary: Dictionary | None
    extra: set[str] = field(default_factory=set)  # newsroom, archive and Hunspell words
    registry: RegistryIndex | None = None
    _known: dict[str, bool] = field(default_factory=dict)
    # The unknown ones among ``_known``, kept as they are found: the editor asks for them
    # after every check, and a session's look-ups run to thousands of words.
    _unknown: set[str] = field(default_factory=set)
    unknown_changes: int = 0  # moves whenever the unknown words so far change
    forgets: int = 0  # moves when ``learn`` forgets the look-ups of unknown words
    _extra_list: WordListDictionary | None = None  # ``extra`` for suggestions

    def known(self, word: str) -> bool:
        cached = self._known.get(word)
        if cached is None:
            cached = self._known[word] = self._look_up(word)
            if not cached:
                self._unknown.add(word)
                self.unknown_changes += 1
        return cached

    def looked_up(self, word: str) -> bool | None:
        """Whether ``word`` is known, if it was looked up before (None: not yet)."""
        return self._known.get(word)

    def unknown_so_far(self) -> frozenset[str]:
        """The words looked up so far and not known."""
        return frozenset(self._unknown)

    def learn(self, word: str) -> None:
        """Count ``word`` as known from now on (added to the newsroom's dictionary)."""
        self.extra.add(lower(word, self.language))
        self._known = {w: known for w, known in self._known.items() if known}
        self._unknown.clear()
        self.unknown_changes += 1
        self.forgets += 1
        self._extra_list = None

    def _look_up(self, word: str) -> bool:
        if self._in_lists(lower(word, self.language)):
            return True
        if "-" in word and all(self.known(part) for part in word.split("-") if part):
            return True
        return word[:1].isupper() and self._registry_word(word)

    def _in_lists(self, lowered: str) -> bool:
        if lowered in self.extra:
            return True
        return self.dictionary is not None and self.dictionary.known(lowered)

    def _registry_word(self, word: str) -> bool:
        """A capitalised word of a registry name, in any inflection of it."""
        if self.registry is None:
            return False
        key = word_keys(word)
        words = self.registry.words
        return bool(key) and (key in words or any(stem in words for stem in stems(key)))

    def check(self, text: str, ignored: Iterable[str] = ()) -> list[Unknown]:
        """The unknown words of ``text`` in order (``ignored``: words to pass in this story)."""
        skip = {lower(w, self.language) for w in ignored}
        return [Unknown(w.text, w.start, w.end) for w in words_to_check(text)
                if not self.known(w.text) and lower(w.text, self.language) not in skip]

    def suggestions(self, word: str, limit: int = MAX_SUGGESTIONS) -> list[str]:
        """Likely meant words, best first, written with the typed word's capitals."""
        lowered = lower(word, self.language)
        found: list[str] = []
        if self.dictionary is not None:
            found.extend(self.dictionary.suggestions(lowered, limit))
        if self.extra:
            if self._extra_list is None:  # built once: the archive can hold 100,000 words
                self._extra_list = WordListDictionary(dict.fromkeys(self.extra, 1))
            found.extend(self._extra_list.suggestions(lowered, limit))
        unique = list(dict.fromkeys(w for w in found if w != lowered))
        return [_as_typed(word, s) for s in unique[:limit]]


def _as_typed(typed: str, suggestion: str) -> str:
    if typed.isupper() and len(typed) > 1:
        return suggestion.upper()
    if typed[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def speller_for(language: str) -> Speller:
    """A speller for ``language`` over the open database (its archive counted up to now).
    Languages without a shipped dictionary use the archive of their published stories."""
    dictionary = base_dictionary(language)
    extra = set(newsroom.words(language)) | hunspell_words(language)
    if dictionary is None:
        archive.refresh(language)
        counts = archive.word_counts(language)
        extra |= counts.keys()
    return Speller(language, dictionary, extra, registry_index())

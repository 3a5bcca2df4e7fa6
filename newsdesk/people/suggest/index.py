"""The registry index: a trie of variant keys over every name and alias, built once per
registry state (``registry_index``) and rebuilt when the registry changes, so one pass over
a story costs a few dictionary lookups per word whatever the size of the registry."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdesk.people.registry_state import registry_rows, registry_stamp
from newsdesk.people.suggest.gazetteer import Place, places
from newsdesk.people.suggest.keys import folded, transliterate
from newsdesk.people.suggest.tokens import WORD_RE, base_word, tokenize, word_keys


@dataclass(frozen=True)
class KnownEntity:
    id: int
    kind: str
    name: str
    spellings: tuple[str, ...]  # name first, then aliases


@dataclass
class RegistryIndex:
    """Everything one suggestion pass needs, built once per registry state."""

    entities: dict[int, KnownEntity] = field(default_factory=dict)
    trie: dict = field(default_factory=dict)  # key -> child; None -> {entity ids}
    acronyms: dict[str, set[int]] = field(default_factory=dict)  # "MSK" -> {id}
    surnames: dict[str, set[int]] = field(default_factory=dict)  # person's last-word key
    words: set[str] = field(default_factory=set)  # every key of every name word
    by_word: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # fuzzy lookups
    owners: dict[str, set[int]] = field(default_factory=dict)  # word key -> entity ids
    folded_spellings: dict[int, set[str]] = field(default_factory=dict)  # transliterated
    recorded: dict[int, set[str]] = field(default_factory=dict)  # as normalize_name has them
    max_words: int = 0
    gazetteer: dict[int, Place] = field(default_factory=dict)  # negative id -> place

    def add(self, entity: KnownEntity) -> None:
        self.entities[entity.id] = entity
        self.folded_spellings[entity.id] = {_folded_name(s) for s in entity.spellings}
        self.recorded[entity.id] = {recorded_form(s) for s in entity.spellings}
        for spelling in entity.spellings:
            self._add_spelling(entity, spelling)

    def _add_spelling(self, entity: KnownEntity, spelling: str) -> None:
        words = [base_word(w) for w in WORD_RE.findall(spelling)]
        if not words:
            return
        if len(words) == 1 and _is_acronym(spelling.strip()):
            self.acronyms.setdefault(spelling.strip(), set()).add(entity.id)
            return
        keys = [word_keys(w) for w in words]
        node = self.trie
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(None, set()).add(entity.id)
        self.words.update(keys)
        for key in keys:
            self.owners.setdefault(key, set()).add(entity.id)
        self.max_words = max(self.max_words, len(keys))
        joined = " ".join(keys)
        self.by_word.setdefault(keys[-1], []).append((joined, entity.id))
        if entity.kind == "person" and len(keys) >= 2:
            self.surnames.setdefault(keys[-1], set()).add(entity.id)


    def variant_matches(self, text: str) -> set[int]:
        """Entities having every typed word, as a spelling variant; the last word may be
        unfinished (``Mamedo`` -> Rauf Mammadov)."""
        words = [word_keys(t.base) for t in tokenize(text)]
        if not words or not words[-1]:
            return set()
        *whole, last = words
        found: set[int] | None = None
        for key in whole:
            owners = self.owners.get(key, set())
            found = owners if found is None else found & owners
        if len(last) < 3 and not whole:
            return set()
        started: set[int] = set()
        for key in self.words:
            if key.startswith(last):
                started |= self.owners[key]
        return started if found is None else found & started


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in word


def recorded_form(text: str) -> str:
    """A spelling as the registry compares aliases (folded, not transliterated)."""
    return " ".join(folded(base_word(w)) for w in WORD_RE.findall(text))


def _folded_name(text: str) -> str:
    return " ".join(transliterate(base_word(w)) for w in WORD_RE.findall(text))


def build_index(rows: Iterable[tuple[int, str, str, Sequence[str]]], *,
                gazetteer: bool = False) -> RegistryIndex:
    """An index from ``(id, kind, name, aliases)`` rows, and the gazetteer's places when
    asked (those the rows do not already name as places)."""
    index = RegistryIndex()
    for entity_id, kind, name, aliases in rows:
        index.add(KnownEntity(entity_id, kind, name, (name, *aliases)))
    if gazetteer:
        add_gazetteer(index)
    return index


def add_gazetteer(index: RegistryIndex) -> None:
    """The shipped places under negative ids; a place the registry has (any of its names
    recorded for a registry place) stays the registry's."""
    known = {spelling for entity_id, entity in index.entities.items() if entity.kind == "place"
             for spelling in index.recorded[entity_id]}
    for number, place in enumerate(places(), start=1):
        if any(recorded_form(s) in known for s in place.spellings):
            continue
        entity_id = -number
        index.gazetteer[entity_id] = place
        index.add(KnownEntity(entity_id, "place", place.en, place.spellings))


_CACHE: dict[str, Any] = {"stamp": None, "index": None}
# The window builds the index on a worker thread while the completer may ask for it.
_CACHE_LOCK = threading.Lock()


def registry_index(*, build: bool = True) -> RegistryIndex | None:
    """The index of the open database's registry; rebuilt only when the registry changed.

    With ``build=False`` a stale or missing index gives None instead of a rebuild (about a
    second for 10,000 entities), for callers on the GUI thread that can do without it.
    """
    stamp = registry_stamp()
    if not build and (_CACHE["stamp"] != stamp or _CACHE["index"] is None):
        return None
    with _CACHE_LOCK:
        if _CACHE["stamp"] != stamp or _CACHE["index"] is None:
            _CACHE["index"] = build_index(registry_rows(), gazetteer=True)
            _CACHE["stamp"] = stamp
        return _CACHE["index"]


def forget_index() -> None:
    _CACHE.update(stamp=None, index=None)


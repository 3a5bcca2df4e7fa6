"""Known names: registry people and organisations found in a story, word by word through
the index's trie, confirmed by a fuzzy look at the letters; lone surnames of people named
in the story (or of the one registry person carrying them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from newsdesk.people.suggest.index import KnownEntity, RegistryIndex, recorded_form
from newsdesk.people.suggest.keys import transliterate
from newsdesk.people.suggest.tokens import Token, is_month_or_day, tokenize, with_keys


@dataclass
class Suggestion:
    kind: str  # person | organisation | place
    name: str  # canonical name of a known entity, else the best spelling seen
    spellings: dict[str, int]  # spelling as written -> times seen
    entity_id: int | None
    count: int
    why: str
    key: str  # stable per story: what a dismissal remembers
    new_spellings: list[str] = field(default_factory=list)  # worth recording as aliases
    reasons: list[str] = field(default_factory=list)
    relation: str = ""  # "located" for the dateline's place; else the tagger decides
    # A gazetteer place (entity_id None until accepted): what its registry entry gets.
    place: Any = None  # gazetteer.Place

    def as_dict(self) -> dict[str, Any]:
        spellings = sorted(self.spellings, key=lambda s: -self.spellings[s])
        data = {"kind": self.kind, "name": self.name, "spellings": spellings,
                "entity_id": self.entity_id, "count": self.count, "why": self.why,
                "new_spellings": self.new_spellings, "key": self.key}
        if self.relation:
            data["relation"] = self.relation
        if self.place is not None:
            data.update(uri=self.place.uri, latitude=self.place.latitude,
                        longitude=self.place.longitude)
        return data


@dataclass
class Found:
    entity_ids: set[int]
    tokens: list[Token]
    how: str  # exact | variant | inflected | surname | fuzzy | acronym

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


@dataclass
class Mention:
    """Where a known entity is written in one text (for highlighting)."""

    entity_id: int
    start: int
    end: int


def mentions(text: str, entity_ids: Iterable[int], index: RegistryIndex) -> list[Mention]:
    """Spans of ``text`` naming any of ``entity_ids`` (full names, variants, surnames)."""
    wanted = set(entity_ids)
    if not wanted or not text:
        return []
    tokens = tokenize(text)
    with_keys(tokens, index.words)
    found, used = find_known(tokens, index)
    found += find_surnames(tokens, used, index, found, restrict=wanted)
    spans = []
    for item in found:
        for entity_id in item.entity_ids & wanted:
            spans.append(Mention(entity_id, item.tokens[0].start, item.tokens[-1].end))
    return sorted(spans, key=lambda m: m.start)


def find_known(tokens: list[Token], index: RegistryIndex) -> tuple[list[Found], set[int]]:
    """Longest registry names starting at each word, left to right."""
    found: list[Found] = []
    used: set[int] = set()
    position = 0
    while position < len(tokens):
        match = _longest_at(tokens, position, index)
        if match is None:
            position += 1
            continue
        end, entity_ids, inflected = match
        span = tokens[position:end]
        how = _how(span, entity_ids, index, inflected)
        if how:
            found.append(Found(entity_ids, span, how))
            used.update(range(position, end))
            position = end
        else:
            position += 1
    return found, used


def _longest_at(tokens: list[Token], start: int,
                index: RegistryIndex) -> tuple[int, set[int], bool] | None:
    first = tokens[start]
    if first.upper and first.base in index.acronyms:
        return start + 1, set(index.acronyms[first.base]), False
    best: tuple[int, set[int], bool] | None = None
    # Each frontier entry: (trie node, used a stem so far)
    frontier: list[tuple[dict, bool]] = [(index.trie, False)]
    position = start
    while frontier and position < len(tokens) and position - start < index.max_words:
        token = tokens[position]
        if position > start and not token.joined:
            break
        following: list[tuple[dict, bool]] = []
        for node, inflected in frontier:
            for number, key in enumerate(token.keys):
                child = node.get(key)
                if child is not None:
                    following.append((child, inflected or number > 0))
        position += 1
        for node, inflected in following:
            ids = node.get(None)
            if ids and (best is None or best[0] < position or not inflected):
                if best is None or best[0] < position:
                    best = (position, set(ids), inflected)
        frontier = following
    return best


def _how(span: list[Token], entity_ids: set[int], index: RegistryIndex,
         inflected: bool) -> str:
    """How ``span`` names the entities, or "" when it should not count."""
    if len(span) == 1 and span[0].base in index.acronyms and span[0].upper:
        return "acronym"
    if not any(t.cap for t in span) and any(
            any(w[:1].isupper() for w in index.entities[i].name.split()) for i in entity_ids):
        return ""  # "the press council" in running text is not the Press Council
    folded = " ".join(transliterate(t.base) for t in span)
    if any(folded in index.folded_spellings[i] for i in entity_ids):
        return "exact"
    if not _confirmed(folded, entity_ids, index):
        return ""
    return "inflected" if inflected else "variant"


def _confirmed(folded: str, entity_ids: set[int], index: RegistryIndex) -> bool:
    """Variant keys are generous; a fuzzy look at the letters confirms the match."""
    for entity_id in entity_ids:
        best = process.extractOne(folded, index.folded_spellings[entity_id],
                                  scorer=fuzz.ratio, score_cutoff=55)
        if best is not None:
            return True
    return False


def find_surnames(tokens: list[Token], used: set[int], index: RegistryIndex,
                   found: list[Found], restrict: set[int] | None = None) -> list[Found]:
    """Lone surnames (``Mammadov's``, ``Geydarov``) of people named in full in the story,
    or of the one person in the registry with that surname."""
    named = {i for item in found for i in item.entity_ids
             if index.entities[i].kind == "person"}
    extra = []
    for position, token in enumerate(tokens):
        if position in used or not token.cap or is_month_or_day(token):
            continue
        for number, key in enumerate(token.keys):
            owners = index.surnames.get(key)
            if not owners:
                continue
            in_story = owners & named
            # Alone, a surname names the one registry person carrying it, and only as
            # written: a case ending may also be a feminine form (Huseynov/Huseynova).
            alone = owners if len(owners) == 1 and number == 0 else None
            chosen = in_story if len(in_story) == 1 else alone
            if restrict is not None and chosen:
                chosen = chosen & restrict
            if chosen:
                extra.append(Found(set(chosen), [token], "surname"))
                used.add(position)
                break
    return extra


def known_suggestions(found: list[Found], index: RegistryIndex) -> list[Suggestion]:
    grouped: dict[int, list[Found]] = {}
    for item in found:
        if len(item.entity_ids) == 1:
            grouped.setdefault(next(iter(item.entity_ids)), []).append(item)
        else:  # an ambiguous name: credit each entity it may be
            for entity_id in item.entity_ids:
                grouped.setdefault(entity_id, []).append(item)
    suggestions = []
    for entity_id, items in grouped.items():
        if all(i.how == "surname" for i in items) and not _surname_alone_ok(items, index):
            continue
        suggestions.append(known_suggestion(index.entities[entity_id], items, index))
    return suggestions


def _surname_alone_ok(items: list[Found], index: RegistryIndex) -> bool:
    # A surname alone is enough only when one registry person carries it.
    return all(len(i.entity_ids) == 1 for i in items)


def known_suggestion(entity: KnownEntity, items: list[Found],
                      index: RegistryIndex) -> Suggestion:
    spellings = Counter(i.text for i in items)
    hows: dict[str, str] = {}
    for item in items:
        hows.setdefault(item.text, item.how)
    recorded = index.recorded.get(entity.id, set())
    new = [s for s, _ in spellings.most_common()
           if hows[s] in ("exact", "variant", "fuzzy") and recorded_form(s) not in recorded]
    parts = [f"{s!r} x{n}" + ("" if hows[s] == "exact" else f" ({_HOW_LABELS[hows[s]]})")
             for s, n in spellings.most_common()]
    count = sum(spellings.values())
    return Suggestion(kind=entity.kind, name=entity.name, spellings=dict(spellings),
                      entity_id=entity.id, count=count, why=known_why(entity.kind, count, parts),
                      key=f"entity:{entity.id}", new_spellings=new, reasons=parts)


def known_why(kind: str, count: int, parts: list[str]) -> str:
    return f"known {kind}, {count} mention{'s' if count != 1 else ''}: " + ", ".join(parts)


_HOW_LABELS = {"variant": "spelling variant", "inflected": "inflected form",
               "surname": "surname", "fuzzy": "close spelling", "acronym": "abbreviation",
               "exact": "exact", "shortened": "shortened name"}

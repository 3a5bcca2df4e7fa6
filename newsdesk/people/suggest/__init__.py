"""Tag suggestions: known people, organisations and places found in a story, and new
candidates. The gazetteer (``gazetteer``) adds the world's countries and capitals and
Azerbaijan's places to the registry's index under negative ids; such a place is offered
as new until accepted, when it joins the registry with its names, URI and coordinates.

Names reach the agency through Azerbaijani, Russian and English, so one person is spelt
``Mammadov``, ``Məmmədov``, ``Mamedov`` and ``Мамедов``. Every word is reduced to a
variant key (``keys``) and names are matched word by word through a trie of those keys
(``index``, cached per registry state): registry names in ``known``, new names in
``candidates``. The word lists behind the rules are text files in ``resources/lexicon/``
(``lexicon``); ``tokens`` cuts a story into words.

No Qt here: the CLI, the tag panel and the benchmark share this package.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from newsdesk.people.suggest import keys, names
from newsdesk.people.suggest.candidates import candidate_suggestions
from newsdesk.people.suggest.index import (
    KnownEntity,
    RegistryIndex,
    build_index,
    forget_index,
    registry_index,
)
from newsdesk.people.suggest.keys import transliterate, variant_key
from newsdesk.people.suggest.known import (
    Found,
    Mention,
    Suggestion,
    find_known,
    find_surnames,
    known_suggestions,
    mentions,
)
from newsdesk.people.suggest.lexicon import CONNECTORS, PLACE_WORDS
from newsdesk.people.suggest.names import (
    is_given_name_word,
    is_organisation_word,
)
from newsdesk.people.suggest.tokens import Token, folded_word, tokenize, with_keys

__all__ = [
    "KnownEntity", "Mention", "RegistryIndex", "Suggestion", "build_index",
    "clear_word_caches", "forget_index", "mentions", "registry_index", "story_parts",
    "suggest", "transliterate", "variant_key",
]


def clear_word_caches() -> None:
    """Forget every cached word form and word class (the benchmark measures cold passes)."""
    keys.clear_word_caches()
    names.is_organisation_word.cache_clear()
    names.is_place_head.cache_clear()


def story_parts(headline: str, body: str, footnote: str) -> list[str]:
    return [headline or "", body or "", footnote or ""]


def suggest(parts: Sequence[str], index: RegistryIndex | None = None, *,
            language: str = "", dateline: str = "") -> list[Suggestion]:
    """Suggestions for a story's texts (headline, body, footnote), best first; the
    dateline's place is suggested with the relation ``located``."""
    index = index if index is not None else RegistryIndex()
    tokens_by_part = [tokenize(text, number) for number, text in enumerate(parts)]
    tokens = [t for part in tokens_by_part for t in part]
    with_keys(tokens, index.words)
    found, used = find_known(tokens, index)
    found = _checked_places(found, used, tokens, index, language)
    found += find_surnames(tokens, used, index, found)
    known = known_suggestions(found, index)
    candidates = candidate_suggestions(parts, tokens_by_part, used, index, known)
    known = [_from_gazetteer(s, index) for s in known]
    results = _ordered(known) + _ordered(candidates)
    if dateline.strip():
        _locate(results, dateline, index)
    return results


def _ordered(suggestions: list[Suggestion]) -> list[Suggestion]:
    return sorted(suggestions, key=lambda s: (-s.count, s.name.casefold()))


def _checked_places(found: list[Found], used: set[int], tokens: list[Token],
                    index: RegistryIndex, language: str) -> list[Found]:
    """Registry entries win over the gazetteer's; a place inside the name of a body
    ("Ganja City Executive Authority", "Горсовет Гянджи") is part of that name; in English
    copy "Azerbaijani" is not an inflected "Azerbaijan"."""
    position = {id(t): n for n, t in enumerate(tokens)}
    kept = []
    for item in found:
        if len(item.entity_ids) > 1 and any(i > 0 for i in item.entity_ids):
            item.entity_ids = {i for i in item.entity_ids if i > 0}
        places = all(index.entities[i].kind == "place" for i in item.entity_ids)
        start, end = position[id(item.tokens[0])], position[id(item.tokens[-1])] + 1
        if len(item.entity_ids) > 1 and all(i < 0 for i in item.entity_ids):
            after = folded_word(tokens[end]) if end < len(tokens) else ""
            item.entity_ids = {_one_place(item.entity_ids, index, after in PLACE_WORDS)}
        drop = places and (
            _in_organisation_name(tokens, start, end, item.how == "exact")
            or (all(i < 0 for i in item.entity_ids) and _in_person_name(tokens, start, end))
            or (item.how in ("variant", "inflected") and all(i < 0 for i in item.entity_ids)
                and not _close_to_place(item, index))
            or (language == "en" and item.how == "inflected"
                and any(i < 0 for i in item.entity_ids)))
        if drop:
            used.difference_update(range(start, end))
        else:
            kept.append(item)
    return kept


CLOSE_TO_PLACE = 75  # a variant of a gazetteer name must be this close to one of its names


def _close_to_place(item: Found, index: RegistryIndex) -> bool:
    """Variant keys are generous, and the gazetteer has hundreds of short names: its
    places take a closer look at the letters than the newsroom's own entries ("Bankı" is
    no "Bangui")."""
    written = " ".join(transliterate(t.base) for t in item.tokens)
    return any(fuzz.ratio(written, spelling) >= CLOSE_TO_PLACE
               for i in item.entity_ids for spelling in index.folded_spellings[i])


_PLACE_ORDER = ("city", "capital", "country", "region", "district")


def _one_place(entity_ids: set[int], index: RegistryIndex, district: bool) -> int:
    """Of gazetteer places sharing a name (Tovuz the town, Tovuz the district), the one
    meant: the district when "district" or "rayonu" follows, else the town."""
    def rank(entity_id: int) -> tuple[int, int]:
        place = index.gazetteer[entity_id]
        order = _PLACE_ORDER.index(place.type) if place.type in _PLACE_ORDER else 9
        return (0 if district and place.type == "district" else 1, order)
    return min(entity_ids, key=lambda i: (*rank(i), -i))


def _in_person_name(tokens: list[Token], start: int, end: int) -> bool:
    """A place's name that is a given name before a surname ("Sabir Mammadli"; Sabir is
    also a town's old name) names a person."""
    if end - start != 1 or end >= len(tokens):
        return False
    following = tokens[end]
    return (following.joined and following.cap and following.part == tokens[start].part
            and is_given_name_word(tokens[start].key))


def _in_organisation_name(tokens: list[Token], start: int, end: int, exact: bool) -> bool:
    """Whether the words around a place make it part of a body's name: words of a name
    right after it ("Ganja City Executive Authority"), or a body's word before it joined by
    "of" or in a case form ("Central Bank of Azerbaijan", "Горсовет Гянджи"); "Avropa
    Komissiyası Qəbələ və İsmayıllı üçün" names two things."""
    part = tokens[start].part
    after = end
    while (after < len(tokens) and tokens[after].joined and tokens[after].cap
           and tokens[after].part == part):
        if is_organisation_word(folded_word(tokens[after])):
            return True
        after += 1
    before = start
    linked = not exact
    while before > 0 and tokens[before].joined and tokens[before - 1].part == part:
        previous = tokens[before - 1]
        word = folded_word(previous)
        if word in CONNECTORS:
            linked = True
        elif is_organisation_word(word):
            return linked
        elif not previous.cap:
            return False
        before -= 1
    return False


def _from_gazetteer(suggestion: Suggestion, index: RegistryIndex) -> Suggestion:
    """A gazetteer place found in the story: offered as new until accepted."""
    if suggestion.entity_id is None or suggestion.entity_id > 0:
        return suggestion
    place = index.gazetteer[suggestion.entity_id]
    suggestion.entity_id = None
    suggestion.place = place
    suggestion.key = f"place:{place.uri}"
    suggestion.new_spellings = []
    seen = ", ".join(suggestion.reasons)
    suggestion.why = (f"place in the gazetteer ({place.type}, {place.country}), "
                      f"{suggestion.count} mention{'s' if suggestion.count != 1 else ''}: "
                      f"{seen}")
    return suggestion


def _normalized(text: str) -> str:
    return " ".join(transliterate(w) for w in text.split())


def _locate(results: list[Suggestion], dateline: str, index: RegistryIndex) -> None:
    """The dateline's place, if the registry or the gazetteer knows it, is ``located``."""
    tokens = tokenize(dateline, 3)
    with_keys(tokens, index.words)
    found, _ = find_known(tokens, index)
    places = [f for f in found if all(index.entities[i].kind == "place" for i in f.entity_ids)]
    if not places:
        return
    item = places[0]
    positive = [i for i in item.entity_ids if i > 0]
    entity_id = min(positive) if positive else _one_place(item.entity_ids, index, False)
    entity = index.entities[entity_id]
    key = (f"entity:{entity_id}" if entity_id > 0
           else f"place:{index.gazetteer[entity_id].uri}")
    written = {_normalized(item.text), _normalized(entity.name)}
    for suggestion in results:
        if suggestion.kind == "place" and (suggestion.key == key or written & {
                _normalized(s) for s in (*suggestion.spellings, suggestion.name)}):
            suggestion.spellings.setdefault(dateline.strip(), 0)
            suggestion.relation = "located"
            suggestion.reasons.append("the dateline's place")
            suggestion.why += "; the dateline's place"
            return
    reason = f"the dateline's place ({dateline.strip()!r})"
    suggestion = Suggestion(kind="place", name=entity.name, spellings={item.text: 1},
                            entity_id=entity_id, count=1, why=f"known place, {reason}",
                            key=key, reasons=[reason], relation="located")
    results.insert(0, _from_gazetteer(suggestion, index))

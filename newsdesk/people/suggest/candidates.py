"""New-name candidates: capitalised word runs not in the registry.

Person names are two or more capitalised words with evidence of a person (a known given
name, a title such as "President", a verb of saying, a surname ending), or one word after a
title; organisations are a run containing a word such as Ministry, Court, Union, or a short
quoted name; places are a run followed by "district", "rayonu", "район", one ending in
"Asia", "Corridor", or a lone word after "in". Spellings of a new person's given name that
differ by a letter or a syllable join when the surname is the same. Sentence-initial common words, months and weekdays never start a candidate. Spellings
of one name inside a story are grouped and offered for recording as aliases; a run that is
a shortened or near spelling of a registry name joins that name instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from newsdesk.people.suggest.index import RegistryIndex
from newsdesk.people.suggest.keys import stems, transliterate
from newsdesk.people.suggest.known import Found, Suggestion, known_suggestion, known_why
from newsdesk.people.suggest.lexicon import (
    COMMON_WORDS,
    CONNECTORS,
    ORGANISATION_WORDS,
    PLACE_PREPOSITIONS,
    PLACE_WORDS,
    SAYING_VERBS,
    TITLE_PHRASES,
    TITLES,
)
from newsdesk.people.suggest.names import (
    has_surname_ending_word,
    is_given_name_word,
    is_organisation_word,
    is_place_head,
    same_given_name,
)
from newsdesk.people.suggest.tokens import Token, folded_word, name_word


@dataclass
class _Run:
    tokens: list[Token]
    reasons: list[str]
    kind: str


def candidate_suggestions(parts: Sequence[str], tokens_by_part: list[list[Token]],
                           used: set[int],
                           index: RegistryIndex, known: list[Suggestion]) -> list[Suggestion]:
    runs: list[_Run] = []
    offset = 0
    # Words the story also writes in lower case are ordinary words, not names.
    ordinary = {folded_word(t) for part in tokens_by_part for t in part if not t.cap}
    for part_number, part in enumerate(tokens_by_part):
        positions = range(offset, offset + len(part))
        if not (part_number == 0 and _title_case(part)):
            runs.extend(_runs(part, {p - offset for p in positions if p in used}, ordinary))
        offset += len(part)
    runs.extend(_quoted_runs(parts, tokens_by_part, used))
    groups: dict[tuple[str, ...], list[_Run]] = {}
    for run in runs:
        groups.setdefault(tuple(t.key for t in run.tokens), []).append(run)
    groups = _fold_surname_runs(groups)
    groups = _group_given_name_variants(groups)
    _count_lone_surnames(tokens_by_part, used, runs, groups)
    suggestions = []
    for keys, members in groups.items():
        suggestion = (_shortened_known(keys, members, index)
                      or _fuzzy_known(keys, members, index) or _candidate(keys, members))
        suggestions.append(suggestion)
    return _merge_into_known(suggestions, known)


def _title_case(part: list[Token]) -> bool:
    """A headline in Title Case says nothing about which words are names."""
    words = [t for t in part if folded_word(t) not in COMMON_WORDS]
    return len(words) >= 3 and sum(t.cap for t in words) >= 0.8 * len(words)


def _shouting(part: list[Token], position: int) -> bool:
    token = part[position]
    return token.upper and (position == 0 or part[position - 1].upper) and (
        position + 1 >= len(part) or part[position + 1].upper)


def _runs(part: list[Token], used: set[int], ordinary: set[str]) -> list[_Run]:
    """Capitalised word runs in one text, trimmed and classified."""
    runs: list[_Run] = []
    current: list[int] = []
    position, length = 0, len(part)
    while position < length:
        token = part[position]
        starts_new = not token.joined or position in used
        if current and starts_new:
            runs.extend(_classify(part, current, ordinary))
            current = []
        if position in used or _shouting(part, position):
            position += 1
            continue
        if name_word(token) or (current and folded_word(token) in CONNECTORS):
            current.append(position)
        elif current:
            current = _lower_case_name(part, current, used)
            runs.extend(_classify(part, current, ordinary))
            position = current[-1] + 1
            current = []
            continue
        position += 1
    if current:
        runs.extend(_classify(part, current, ordinary))
    return [r for r in runs if r is not None]


_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_VERB_ENDINGS = ("ла", "ло", "ли", "ет", "ит", "ют", "ят", "ать", "ить", "ся", "ал", "ил",
                 "ял", "ел")
_CLAUSE_WORDS = frozenset({"в", "во", "на", "с", "со", "за", "из", "и", "что", "как"})
MAX_LOWER = 3


def _lower_case_name(part: list[Token], positions: list[int], used: set[int]) -> list[int]:
    """Russian writes a body's name with one capital: "Государственный таможенный
    комитет", "Министерство по чрезвычайным ситуациям", "Центральный банк Азербайджана".
    A Cyrillic run takes the lower-case words up to a body's word, or, ending in one, the
    words after it up to the end of the clause; then a capitalised word right after."""
    first = folded_word(part[positions[0]])
    if not _CYRILLIC_LETTER.search(first) or first in TITLES:
        return positions
    end = positions[-1]
    following = []
    for position in range(end + 1, min(len(part), end + 1 + MAX_LOWER)):
        token = part[position]
        if token.cap or not token.joined or position in used:
            break
        following.append(position)
    words = [folded_word(part[p]) for p in following]
    named = [n for n, w in enumerate(words) if is_organisation_word(w) or is_place_head(w)]
    if named:
        extended = positions + following[:named[0] + 1]
    elif len(positions) == 1 and is_organisation_word(first) and following:
        taken = []  # "Министерство по чрезвычайным ситуациям", up to the clause's end
        for position, word in zip(following, words, strict=True):
            if word.endswith(_VERB_ENDINGS) or word in _CLAUSE_WORDS:
                break
            taken.append(position)
        extended = positions + taken
    else:
        return positions
    after = extended[-1] + 1
    if (after < len(part) and part[after].cap and part[after].joined and after not in used
            and len(extended) > len(positions) and not is_given_name_word(part[after].key)):
        extended.append(after)  # "Центральный банк Азербайджана"
    return extended


def _classify(part: list[Token], positions: list[int], ordinary: set[str]) -> list[_Run]:
    tokens = [part[p] for p in positions]
    while tokens and folded_word(tokens[-1]) in CONNECTORS:
        tokens.pop()
    reasons: list[str] = []
    # A common word opening a sentence ("Later Rauf Mamedov") is not part of the name.
    while tokens and (folded_word(tokens[0]) in COMMON_WORDS or
                      folded_word(tokens[0]) in CONNECTORS or
                      (tokens[0].initial and _ordinary_opening(tokens[0], ordinary))):
        tokens.pop(0)
    if not tokens:
        return []
    folded = [folded_word(t) for t in tokens]
    if any(_names_body(w, n, len(folded)) for n, w in enumerate(folded)):
        bodies = _split_bodies(part, tokens)
        if len(bodies) > 1:  # "the Ganja City Executive Authority and the District Court"
            return [run for body in bodies for run in _classify(part, body, ordinary)]
        if len(tokens) < 2:
            return []  # "the Court", "Parliament": a common noun, not a name
        word = next(t.base for n, (t, w) in enumerate(zip(tokens, folded, strict=True))
                    if _names_body(w, n, len(folded)))
        return [_Run(tokens, [f"organisation word {word!r}"], "organisation")]
    if any(folded_word(t) in CONNECTORS for t in tokens):
        # No organisation word: "Walsh and Səadət Hüseynova" is two names, not one.
        pieces: list[list[int]] = [[]]
        for token in tokens:
            if folded_word(token) in CONNECTORS:
                pieces.append([])
            else:
                pieces[-1].append(token.index)
        return [run for piece in pieces if piece
                for run in _classify(part, piece, ordinary)]
    place = _place_reason(part, tokens)
    if place:
        return [_Run(tokens, [place], "place")]
    tokens, role = _without_role(tokens)
    if role:
        reasons.append(f"{role!r} before it")
    title = None
    while tokens and folded_word(tokens[0]) in TITLES:
        title = tokens.pop(0).base
    if title and tokens:
        reasons.append(f"title {title!r} before it")
    elif tokens and tokens[0].joined and tokens[0].index > 0:
        before = part[tokens[0].index - 1]
        if folded_word(before) in TITLES:
            reasons.append(f"title {before.base!r} before it")
    if len(tokens) < 2 and not reasons:
        return []  # a lone capitalised word: a sentence start, a place, an adjective
    if len(tokens) > 4:
        return []
    context = _title_after(part, tokens[-1].index)
    if context:
        reasons.append(f"{context!r} after it")
    reasons += _person_evidence(part, tokens)
    if not reasons:
        return []  # two capitalised words and nothing that says a person: "Central Bank"
    reasons.insert(0, f"{len(tokens)} capitalised word{'s' if len(tokens) > 1 else ''}")
    return [_Run(tokens, reasons, "person")]


_AND = frozenset({"and", "va", "и", "or"})


def _split_bodies(part: list[Token], tokens: list[Token]) -> list[list[int]]:
    """Positions of each body's name in a run naming two joined by "and", when each side
    has a word of a body's name; one piece otherwise ("Ministry of Youth and Sport")."""
    def body_word(token: Token) -> bool:
        word = folded_word(token)
        return is_organisation_word(word)
    pieces: list[list[Token]] = [[]]
    for token in tokens:
        if folded_word(token) in _AND:
            pieces.append([])
        else:
            pieces[-1].append(token)
    if len(pieces) < 2 or not all(any(body_word(t) for t in piece) for piece in pieces):
        return [[t.index for t in tokens]]
    return [[t.index for t in piece] for piece in pieces if piece]


def _names_body(word: str, position: int, length: int) -> bool:
    """A word of a body's name at this place of a run. Opening a longer run, an
    Azerbaijani case form is an adjective ("Mərkəzi Asiya", Central Asia), while
    "Mərkəzi" closing one is the noun (İqtisadi Tədqiqatlar Mərkəzi)."""
    if not is_organisation_word(word):
        return False
    if position == 0 and length > 1 and word.isascii():
        return word in ORGANISATION_WORDS or transliterate(word) in ORGANISATION_WORDS
    return True


def _without_role(tokens: list[Token]) -> tuple[list[Token], str]:
    """"Farmer Gulnar Aliyeva", "Sonra Rauf Mamedov": the words before a known given name
    followed by a surname are a role or a sentence's opening, not part of the name."""
    if len(tokens) < 3 or is_given_name_word(tokens[0].key):
        return tokens, ""
    for position in range(1, len(tokens) - 1):
        if is_given_name_word(tokens[position].key):
            return tokens[position:], " ".join(t.base for t in tokens[:position])
    return tokens, ""


def _place_reason(part: list[Token], tokens: list[Token]) -> str:
    """Why the run names a place ("" when nothing says so)."""
    first, last = tokens[0].index, tokens[-1].index
    if last + 1 < len(part) and not part[last + 1].cap:
        after = folded_word(part[last + 1])
        if after in PLACE_WORDS:
            return f"{part[last + 1].base!r} after it"
    if is_place_head(folded_word(tokens[-1])):
        return f"{tokens[-1].base!r} names a region"
    if (len(tokens) == 1 and first > 0 and not part[first - 1].cap and tokens[0].joined
            and not tokens[0].initial and not tokens[0].upper and folded_word(part[first - 1]) in PLACE_PREPOSITIONS
            and not is_given_name_word(tokens[0].key)
            and not has_surname_ending_word(tokens[0].key)):
        return f"{part[first - 1].base!r} before it"
    return ""


def _person_evidence(part: list[Token], tokens: list[Token]) -> list[str]:
    """What says a run of capitalised words names a person."""
    evidence = []
    if is_given_name_word(tokens[0].key):
        evidence.append(f"given name {tokens[0].base!r}")
    first, last = tokens[0].index, tokens[-1].index
    nearby = part[max(0, first - 2):first] + part[last + 1:last + 4]
    verb = next((t.base for t in nearby if folded_word(t) in SAYING_VERBS), None)
    if verb:
        evidence.append(f"{verb!r} beside it")
    if len(tokens) >= 2 and has_surname_ending_word(tokens[-1].key):
        evidence.append(f"surname ending ({tokens[-1].base!r})")
    return evidence


def _ordinary_opening(token: Token, ordinary: set[str]) -> bool:
    """A sentence's first word that is plainly not a name ("Speaking", "Reportedly")."""
    word = folded_word(token)
    return word in ordinary or (len(word) > 5 and word.endswith(("ing", "ly", "ed")))


def _title_after(part: list[Token], last: int) -> str | None:
    following = " ".join(folded_word(t) for t in part[last + 1: last + 4])
    for phrase in TITLE_PHRASES:
        if following.startswith(phrase):
            return phrase
    if last + 1 < len(part) and folded_word(part[last + 1]) in TITLES:
        return part[last + 1].base
    return None


_QUOTED_RE = re.compile(r"[\"“«„]([^\"“”«»„\n]{2,60})[\"”»“]")


def _quoted_runs(parts: Sequence[str], tokens_by_part: list[list[Token]],
                 used: set[int]) -> list[_Run]:
    """Short quoted names such as "Defence Line": every word capitalised (or a connector)."""
    runs = []
    offset = 0
    for text, part in zip(parts, tokens_by_part, strict=True):
        for match in _QUOTED_RE.finditer(text):
            inside = [(offset + n, t) for n, t in enumerate(part)
                      if match.start(1) <= t.start and t.end <= match.end(1)]
            tokens = [t for _, t in inside]
            if not 1 <= len(tokens) <= 5 or any(n in used for n, _ in inside):
                continue
            if not tokens[0].cap or not all(
                    name_word(t) or folded_word(t) in CONNECTORS for t in tokens):
                continue
            runs.append(_Run(tokens, ["quoted name"], "organisation"))
        offset += len(part)
    return runs


def _fold_surname_runs(groups: dict[tuple[str, ...], list[_Run]]
                       ) -> dict[tuple[str, ...], list[_Run]]:
    """A one-word person run whose word is the surname of a longer run joins that run."""
    longer = {keys[-1]: keys for keys, runs in groups.items()
              if len(keys) >= 2 and runs[0].kind == "person"}
    merged: dict[tuple[str, ...], list[_Run]] = {}
    for keys, runs in groups.items():
        target = longer.get(keys[0]) if len(keys) == 1 and runs[0].kind == "person" else None
        merged.setdefault(target or keys, []).extend(runs)
    return merged


def _group_given_name_variants(groups: dict[tuple[str, ...], list[_Run]]
                               ) -> dict[tuple[str, ...], list[_Run]]:
    """New people with the same surname key whose given names differ by one inserted or
    dropped letter or syllable (``Gulnar``/``Gulnara Aliyeva``) are one person; listed
    names that are different names (``Elnur``/``Elnura``) never join."""
    merged: dict[tuple[str, ...], list[_Run]] = {}
    for keys, runs in sorted(groups.items(), key=lambda item: -len(item[1])):
        target = None
        if runs[0].kind == "person" and len(keys) >= 2:
            target = next((other for other, members in merged.items()
                           if members[0].kind == "person" and len(other) == len(keys)
                           and other[-1] == keys[-1]
                           and all(same_given_name(a, b)
                                   for a, b in zip(other[:-1], keys[:-1], strict=True))),
                          None)
        merged.setdefault(target or keys, []).extend(runs)
    return merged


def _count_lone_surnames(tokens_by_part: list[list[Token]], used: set[int], runs: list[_Run],
                         groups: dict[tuple[str, ...], list[_Run]]) -> None:
    """"The Quliyev group": a lone capitalised surname of a new person counts for them."""
    by_surname = {keys[-1]: keys for keys, members in groups.items()
                  if len(keys) >= 2 and members[0].kind == "person"}
    if not by_surname:
        return
    in_runs = {id(t) for run in runs for t in run.tokens}
    flat = [t for part in tokens_by_part for t in part]
    for position, token in enumerate(flat):
        if position in used or id(token) in in_runs or not token.cap:
            continue
        for key in token.keys[:1] + stems(token.key):
            if key in by_surname:
                groups[by_surname[key]].append(_Run([token], ["surname alone"], "person"))
                break


def _shortened_known(keys: tuple[str, ...], members: list[_Run],
                     index: RegistryIndex) -> Suggestion | None:
    """"Central Bank" when the registry has exactly one "Central Bank of ..." organisation."""
    if members[0].kind != "organisation" or len(keys) < 2:
        return None
    node: Any = index.trie
    for key in keys:
        node = node.get(key)
        if node is None:
            return None
    found: set[int] = set()
    _terminals(node, found, depth=3)
    organisations = {i for i in found if index.entities[i].kind == "organisation"}
    if len(organisations) != 1:
        return None
    entity = index.entities[organisations.pop()]
    items = [Found({entity.id}, run.tokens, "shortened") for run in members]
    return known_suggestion(entity, items, index)


def _terminals(node: dict, found: set[int], depth: int) -> None:
    for key, child in node.items():
        if key is None:
            found.update(child)
        elif depth > 0 and len(found) < 2:
            _terminals(child, found, depth - 1)


def _fuzzy_known(keys: tuple[str, ...], members: list[_Run],
                 index: RegistryIndex) -> Suggestion | None:
    """A candidate that is a near spelling of a registry name (a typo, a rare variant)."""
    if len(keys) < 2 or not index.by_word or members[0].kind == "place":
        return None
    joined = " ".join(keys)
    choices: list[tuple[str, int]] = []
    for key in set(keys):
        choices.extend(index.by_word.get(key, ()))
    if not choices:
        return None
    best = process.extractOne(joined, [c[0] for c in choices], scorer=fuzz.ratio,
                              score_cutoff=86)
    if best is None:
        return None
    entity = index.entities[choices[best[2]][1]]
    if entity.id < 0 or entity.kind != members[0].kind:
        return None  # a person's name close to a place's is still a person
    items = [Found({entity.id}, run.tokens, "fuzzy") for run in members]
    suggestion = known_suggestion(entity, items, index)
    suggestion.reasons.append(f"close to a registry spelling (score {best[1]:.0f})")
    suggestion.why = known_why(suggestion.kind, suggestion.count, suggestion.reasons)
    return suggestion


def _candidate(keys: tuple[str, ...], members: list[_Run]) -> Suggestion:
    spellings = Counter(" ".join(t.base for t in run.tokens) for run in members)
    full = [s for s in spellings if len(s.split()) >= len(keys)] or list(spellings)
    best = max(full, key=lambda s: (spellings[s], -full.index(s)))
    # A quoted run ("Defence Line") names an organisation even if it looks like a person.
    kinds = {r.kind for r in members}
    kind = next(k for k in ("organisation", "place", "person") if k in kinds)
    reasons: list[str] = []
    for run in members:
        for reason in run.reasons:
            if reason not in reasons:
                reasons.append(reason)
    count = sum(spellings.values())
    seen = ", ".join(f"{s!r} x{n}" for s, n in spellings.most_common())
    why = f"new {kind}: {'; '.join(reasons)}; seen {count}x: {seen}"
    others = [s for s in spellings if s != best and len(s.split()) >= 2]
    return Suggestion(kind=kind, name=best, spellings=dict(spellings), entity_id=None,
                      count=count, why=why, key=f"new:{kind}:{' '.join(keys)}",
                      new_spellings=others, reasons=reasons)


def _merge_into_known(suggestions: list[Suggestion], known: list[Suggestion]
                      ) -> list[Suggestion]:
    """Fuzzy hits on known entities join the known suggestion list (one per entity)."""
    by_entity = {s.entity_id: s for s in known}
    remaining = []
    for suggestion in suggestions:
        if suggestion.entity_id is None:
            remaining.append(suggestion)
            continue
        existing = by_entity.get(suggestion.entity_id)
        if existing is None:
            known.append(suggestion)
            by_entity[suggestion.entity_id] = suggestion
            continue
        for spelling, count in suggestion.spellings.items():
            existing.spellings[spelling] = existing.spellings.get(spelling, 0) + count
        existing.new_spellings += [s for s in suggestion.new_spellings
                                   if s not in existing.new_spellings]
        existing.count += suggestion.count
        existing.reasons += suggestion.reasons
        existing.why = known_why(existing.kind, existing.count, existing.reasons)
    return remaining

"""Tag suggestions: known people and organisations found in a story, and new candidates.

Names reach the agency through Azerbaijani, Russian and English, so one person is spelt
``Mammadov``, ``Məmmədov``, ``Mamedov`` and ``Мамедов``. Every word is reduced to a
*variant key* (``variant_key``): folded, Cyrillic transliterated, and the letters that
transliteration swaps collapsed into one class (kh/x/h/g/q/k, dzh/j/c/ch, y/i, e/a, doubled
letters). Names are matched word by word through a trie of those keys, so one pass over a
story costs a few dictionary lookups per word whatever the size of the registry. The trie
is built once per registry state (``registry_index``) and rebuilt when the registry changes.

New candidates come from capitalised word runs: person names (two or more capitalised
words, or one after a title such as "President"), organisations (a run containing a word
such as Ministry, Court, Union; or a short quoted name). Sentence-initial common words,
months and weekdays never start a candidate. Spellings of one name inside a story are
grouped and offered for recording as aliases.

No Qt here: the CLI, the tag panel and the benchmark share this module.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from newsdesk.people.registry_state import registry_rows, registry_stamp
from newsdesk.search.folding import fold

# -- variant keys ------------------------------------------------------------------------

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


# Case and possessive endings (Azerbaijani, Russian) as they look after folding and
# transliteration; a word's stem is tried only when the stem is a word of some name.
_ENDINGS_SOURCE = (
    # Azerbaijani: genitive, dative, accusative, locative, ablative, instrumental
    "nin", "nun", "in", "un", "ya", "na", "a", "yi", "yu", "ni", "nu", "i", "u",
    "da", "nda", "dan", "ndan", "la", "yla", "si", "su", "sinin", "sina", "sini",
    "sinda", "sindan", "lar", "lari",
    # Russian (transliterated): singular cases of names, masculine and feminine
    "om", "ym", "im", "e", "oy", "oyu", "ey", "y", "ogo", "omu", "uyu", "aya", "iy",
)
MIN_STEM = 3


@lru_cache(maxsize=1)
def _ending_keys() -> tuple[tuple[int, frozenset[str]], ...]:
    """The endings' keys grouped by length, longest first."""
    keys = {variant_key(ending) for ending in _ENDINGS_SOURCE}
    keys.discard("")
    lengths = sorted({len(k) for k in keys}, reverse=True)
    return tuple((n, frozenset(k for k in keys if len(k) == n)) for n in lengths)


@lru_cache(maxsize=200_000)
def stems(key: str) -> tuple[str, ...]:
    """``key`` without each case ending it may carry (longest ending first)."""
    return tuple(key[:-n] for n, endings in _ending_keys()
                 if len(key) - n >= MIN_STEM and key[-n:] in endings)


# -- tokens ------------------------------------------------------------------------------

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’ʼ`\-][^\W\d_]+)*['’ʼ]?")
_APOSTROPHES = "'’ʼ`"
_SENTENCE_BREAK_RE = re.compile(r"[.!?…:;]|\n\s*\n")
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt",
                            "jr", "sr", "mt", "gov", "sen", "rep", "no"})


@dataclass(eq=False)  # compared by identity: list.index() must not compare every field
class Token:
    text: str  # the word as written, possessive included
    base: str  # without a possessive/case clitic after an apostrophe
    part: int  # 0 headline, 1 body, 2 footnote
    start: int  # offsets in that part's text
    end: int
    cap: bool  # starts with a capital letter
    upper: bool  # written in capitals (an acronym, or all-caps text)
    initial: bool  # opens a sentence
    joined: bool  # nothing but spaces since the previous word (one name may continue)
    key: str = ""
    keys: tuple[str, ...] = ()  # key, then stems


def _base(word: str) -> str:
    """``Hajiyev's`` -> ``Hajiyev``; ``Jones'`` -> ``Jones``; ``O'Brien`` stays whole."""
    stripped = word.rstrip(_APOSTROPHES)
    for mark in _APOSTROPHES:
        head, found, tail = stripped.rpartition(mark)
        if found and len(head) >= 2 and len(tail) <= 3:
            return head
    return stripped


def word_keys(base: str) -> str:
    """A word's key; hyphenated words keep one key per part (``Jean-Pierre``)."""
    if "-" in base:
        return "-".join(variant_key(p) for p in base.split("-"))
    return variant_key(base)


def tokenize(text: str, part: int = 1) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    for match in _WORD_RE.finditer(text):
        word = match.group(0)
        start = match.start()
        if tokens and text[previous_end:start] == " ":  # the common case, kept cheap
            initial, joined = False, True
        else:
            initial, joined = _boundary(text[previous_end:start], tokens)
        base = _base(word) if word[-1] in _APOSTROPHES or "'" in word or "’" in word else word
        tokens.append(Token(
            text=word, base=base, part=part, start=start, end=match.end(),
            cap=base[:1].isupper(), upper=len(base) > 1 and base.isupper(),
            initial=initial, joined=joined))
        previous_end = match.end()
    return tokens


def _boundary(between: str, tokens: list[Token]) -> tuple[bool, bool]:
    """(opens a sentence, continues the previous word's name) from the text between."""
    if not tokens:
        return True, False
    after_abbreviation = between.strip() == "." and folded(tokens[-1].base) in _ABBREVIATIONS
    initial = bool(_SENTENCE_BREAK_RE.search(between)) and not after_abbreviation
    joined = (not between.strip() or after_abbreviation) and "\n\n" not in between
    return initial, bool(joined)


def _with_keys(tokens: list[Token], known_words: set[str] | frozenset[str]) -> None:
    for token in tokens:
        token.key = word_keys(token.base)
        extra = [s for s in stems(token.key) if s in known_words]
        token.keys = (token.key, *extra)


# -- the registry index ------------------------------------------------------------------

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

    def add(self, entity: KnownEntity) -> None:
        self.entities[entity.id] = entity
        self.folded_spellings[entity.id] = {_folded_name(s) for s in entity.spellings}
        self.recorded[entity.id] = {_recorded_form(s) for s in entity.spellings}
        for spelling in entity.spellings:
            self._add_spelling(entity, spelling)

    def _add_spelling(self, entity: KnownEntity, spelling: str) -> None:
        words = [_base(w) for w in _WORD_RE.findall(spelling)]
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


def _recorded_form(text: str) -> str:
    """A spelling as the registry compares aliases (folded, not transliterated)."""
    return " ".join(folded(_base(w)) for w in _WORD_RE.findall(text))


def _folded_name(text: str) -> str:
    return " ".join(transliterate(_base(w)) for w in _WORD_RE.findall(text))


def build_index(rows: Iterable[tuple[int, str, str, Sequence[str]]]) -> RegistryIndex:
    """An index from ``(id, kind, name, aliases)`` rows."""
    index = RegistryIndex()
    for entity_id, kind, name, aliases in rows:
        index.add(KnownEntity(entity_id, kind, name, (name, *aliases)))
    return index


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
            _CACHE["index"] = build_index(registry_rows())
            _CACHE["stamp"] = stamp
        return _CACHE["index"]


def forget_index() -> None:
    _CACHE.update(stamp=None, index=None)


# -- words that never start or make a candidate -------------------------------------------

MONTHS_AND_DAYS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday
yanvar fevral mart aprel may iyun iyul avqust sentyabr oktyabr noyabr dekabr
bazar ertasi carsanba axsami cuma sanba
""".split())
_RU_MONTH_DAY_PREFIXES = ("январ", "феврал", "март", "апрел", "мая", "май", "июн", "июл",
                          "август", "сентябр", "октябр", "ноябр", "декабр", "понедельник",
                          "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен")

# Words that open sentences or sit capitalised in headlines without naming anyone.
COMMON_WORDS = frozenset("""
a an the and but or nor so yet for of in on at to by from with without into onto over under
about after before during since despite against between among through across until upon
this that these those there here then than when while where why how what who whom whose which
he she it they we i you his her its their our your my me him them us
later earlier meanwhile however also still yesterday today tomorrow last next first second
third some many several few one two three four five six seven eight nine ten all both each
every no nobody none neither either another other such as if because although though unless
according mr mrs ms dr said says told asked added new old former acting deputy
o bu ki ve va ilə amma lakin isə da də bir iki uc
он она оно они мы я вы его ее её их в во на по с со к ко о об от до из за для при
но и а или что как когда где это этот эта эти тот та те также однако позже ранее
""".split())

TITLES = frozenset("""
president minister prime deputy chairman chairwoman chair head judge prosecutor ambassador
spokesman spokeswoman spokesperson director mayor governor general colonel officer lawyer
journalist editor economist analyst leader mp senator mr mrs ms dr prof professor sheikh
prezident nazir sadr sadri mudir hakim jurnalist vakil
президент министр премьер председатель глава судья прокурор посол директор мэр
журналист адвокат депутат
""".split())
TITLE_PHRASES = ("head of", "chairman of", "chair of", "leader of", "director of",
                 "spokesman for", "spokeswoman for", "minister of", "member of", "deputy chair")

ORGANISATION_WORDS = frozenset("""
ministry service court union council party agency network bank commission committee office
assembly parliament institute institution company corporation association foundation fund
university academy authority administration department bureau centre center federation
front movement society chamber group coalition alliance league organisation organization
majlis mejlis tribunal prosecution police army navy guard corps exchange newspaper
magazine radio television channel
nazirliyi xidmati mahkamasi mahkama ittifaqi surasi partiyasi agentliyi sabakasi banki
komissiyasi komitasi idarasi institutu sirkati birliyi fondu universiteti akademiyasi
maclis maclisi cabhasi harakati
министерство служба суд союз совет партия агентство сеть банк комиссия комитет управление
ассамблея парламент институт компания ассоциация фонд университет академия центр движение
меджлис прокуратура
""".split())
CONNECTORS = frozenset({"of", "for", "the", "and", "on", "de", "del", "la", "al", "der",
                        "von", "van", "&"})


def _folded_word(token: Token) -> str:
    return folded(token.base)


def is_month_or_day(token: Token) -> bool:
    word = _folded_word(token)
    return word in MONTHS_AND_DAYS or word.startswith(_RU_MONTH_DAY_PREFIXES)


def _name_word(token: Token) -> bool:
    """A capitalised word that can be part of a name."""
    return token.cap and not is_month_or_day(token) and len(token.base) > 1


# -- suggestions -------------------------------------------------------------------------

@dataclass
class Suggestion:
    kind: str  # person | organisation
    name: str  # canonical name of a known entity, else the best spelling seen
    spellings: dict[str, int]  # spelling as written -> times seen
    entity_id: int | None
    count: int
    why: str
    key: str  # stable per story: what a dismissal remembers
    new_spellings: list[str] = field(default_factory=list)  # worth recording as aliases
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        spellings = sorted(self.spellings, key=lambda s: -self.spellings[s])
        return {"kind": self.kind, "name": self.name, "spellings": spellings,
                "entity_id": self.entity_id, "count": self.count, "why": self.why,
                "new_spellings": self.new_spellings, "key": self.key}


@dataclass
class _Found:
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


def story_parts(headline: str, body: str, footnote: str) -> list[str]:
    return [headline or "", body or "", footnote or ""]


def suggest(parts: Sequence[str], index: RegistryIndex | None = None, *,
            language: str = "") -> list[Suggestion]:
    """Suggestions for a story's texts (headline, body, footnote), best first."""
    index = index if index is not None else RegistryIndex()
    tokens_by_part = [tokenize(text, number) for number, text in enumerate(parts)]
    tokens = [t for part in tokens_by_part for t in part]
    _with_keys(tokens, index.words)
    found, used = _find_known(tokens, index)
    found += _find_surnames(tokens, used, index, found)
    known = _known_suggestions(found, index)
    candidates = _candidate_suggestions(parts, tokens_by_part, used, index, known)
    return _ordered(known) + _ordered(candidates)


def mentions(text: str, entity_ids: Iterable[int], index: RegistryIndex) -> list[Mention]:
    """Spans of ``text`` naming any of ``entity_ids`` (full names, variants, surnames)."""
    wanted = set(entity_ids)
    if not wanted or not text:
        return []
    tokens = tokenize(text)
    _with_keys(tokens, index.words)
    found, used = _find_known(tokens, index)
    found += _find_surnames(tokens, used, index, found, restrict=wanted)
    spans = []
    for item in found:
        for entity_id in item.entity_ids & wanted:
            spans.append(Mention(entity_id, item.tokens[0].start, item.tokens[-1].end))
    return sorted(spans, key=lambda m: m.start)


def _find_known(tokens: list[Token], index: RegistryIndex) -> tuple[list[_Found], set[int]]:
    """Longest registry names starting at each word, left to right."""
    found: list[_Found] = []
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
            found.append(_Found(entity_ids, span, how))
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


def _find_surnames(tokens: list[Token], used: set[int], index: RegistryIndex,
                   found: list[_Found], restrict: set[int] | None = None) -> list[_Found]:
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
                extra.append(_Found(set(chosen), [token], "surname"))
                used.add(position)
                break
    return extra


def _known_suggestions(found: list[_Found], index: RegistryIndex) -> list[Suggestion]:
    grouped: dict[int, list[_Found]] = {}
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
        suggestions.append(_known_suggestion(index.entities[entity_id], items, index))
    return suggestions


def _surname_alone_ok(items: list[_Found], index: RegistryIndex) -> bool:
    # A surname alone is enough only when one registry person carries it.
    return all(len(i.entity_ids) == 1 for i in items)


def _known_suggestion(entity: KnownEntity, items: list[_Found],
                      index: RegistryIndex) -> Suggestion:
    spellings = Counter(i.text for i in items)
    hows: dict[str, str] = {}
    for item in items:
        hows.setdefault(item.text, item.how)
    recorded = index.recorded.get(entity.id, set())
    new = [s for s, _ in spellings.most_common()
           if hows[s] in ("exact", "variant", "fuzzy") and _recorded_form(s) not in recorded]
    parts = [f"{s!r} x{n}" + ("" if hows[s] == "exact" else f" ({_HOW_LABELS[hows[s]]})")
             for s, n in spellings.most_common()]
    count = sum(spellings.values())
    return Suggestion(kind=entity.kind, name=entity.name, spellings=dict(spellings),
                      entity_id=entity.id, count=count, why=_known_why(entity.kind, count, parts),
                      key=f"entity:{entity.id}", new_spellings=new, reasons=parts)


def _known_why(kind: str, count: int, parts: list[str]) -> str:
    return f"known {kind}, {count} mention{'s' if count != 1 else ''}: " + ", ".join(parts)


_HOW_LABELS = {"variant": "spelling variant", "inflected": "inflected form",
               "surname": "surname", "fuzzy": "close spelling", "acronym": "abbreviation",
               "exact": "exact", "shortened": "shortened name"}


# -- new candidates ----------------------------------------------------------------------

@dataclass
class _Run:
    tokens: list[Token]
    reasons: list[str]
    kind: str


def _candidate_suggestions(parts: Sequence[str], tokens_by_part: list[list[Token]],
                           used: set[int],
                           index: RegistryIndex, known: list[Suggestion]) -> list[Suggestion]:
    runs: list[_Run] = []
    offset = 0
    # Words the story also writes in lower case are ordinary words, not names.
    ordinary = {_folded_word(t) for part in tokens_by_part for t in part if not t.cap}
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
    _count_lone_surnames(tokens_by_part, used, runs, groups)
    suggestions = []
    for keys, members in groups.items():
        suggestion = (_shortened_known(keys, members, index)
                      or _fuzzy_known(keys, members, index) or _candidate(keys, members))
        suggestions.append(suggestion)
    return _merge_into_known(suggestions, known)


def _title_case(part: list[Token]) -> bool:
    """A headline in Title Case says nothing about which words are names."""
    words = [t for t in part if _folded_word(t) not in COMMON_WORDS]
    return len(words) >= 3 and sum(t.cap for t in words) >= 0.8 * len(words)


def _shouting(part: list[Token], position: int) -> bool:
    token = part[position]
    return token.upper and (position == 0 or part[position - 1].upper) and (
        position + 1 >= len(part) or part[position + 1].upper)


def _runs(part: list[Token], used: set[int], ordinary: set[str]) -> list[_Run]:
    """Capitalised word runs in one text, trimmed and classified."""
    runs: list[_Run] = []
    current: list[int] = []
    for position, token in enumerate(part):
        starts_new = not token.joined or position in used
        if current and starts_new:
            runs.extend(_classify(part, current, ordinary))
            current = []
        if position in used or _shouting(part, position):
            continue
        if _name_word(token) or (current and _folded_word(token) in CONNECTORS):
            current.append(position)
        elif current:
            runs.extend(_classify(part, current, ordinary))
            current = []
    if current:
        runs.extend(_classify(part, current, ordinary))
    return [r for r in runs if r is not None]


def _classify(part: list[Token], positions: list[int], ordinary: set[str]) -> list[_Run]:
    tokens = [part[p] for p in positions]
    while tokens and _folded_word(tokens[-1]) in CONNECTORS:
        tokens.pop()
    reasons: list[str] = []
    # A common word opening a sentence ("Later Rauf Mamedov") is not part of the name.
    while tokens and (_folded_word(tokens[0]) in COMMON_WORDS or
                      _folded_word(tokens[0]) in CONNECTORS or
                      (tokens[0].initial and _ordinary_opening(tokens[0], ordinary))):
        tokens.pop(0)
    if not tokens:
        return []
    folded = [_folded_word(t) for t in tokens]
    if any(w in ORGANISATION_WORDS or transliterate(w) in ORGANISATION_WORDS for w in folded):
        if len(tokens) < 2:
            return []  # "the Court", "Parliament": a common noun, not a name
        word = next(t.base for t, w in zip(tokens, folded, strict=True)
                    if w in ORGANISATION_WORDS or transliterate(w) in ORGANISATION_WORDS)
        return [_Run(tokens, [f"organisation word {word!r}"], "organisation")]
    if any(_folded_word(t) in CONNECTORS for t in tokens):
        # No organisation word: "Walsh and Səadət Hüseynova" is two names, not one.
        pieces: list[list[int]] = [[]]
        for token in tokens:
            if _folded_word(token) in CONNECTORS:
                pieces.append([])
            else:
                pieces[-1].append(part.index(token))
        return [run for piece in pieces if piece
                for run in _classify(part, piece, ordinary)]
    title = None
    while tokens and _folded_word(tokens[0]) in TITLES:
        title = tokens.pop(0).base
    if title and tokens:
        reasons.append(f"title {title!r} before it")
    elif tokens and tokens[0].joined and part.index(tokens[0]) > 0:
        before = part[part.index(tokens[0]) - 1]
        if _folded_word(before) in TITLES:
            reasons.append(f"title {before.base!r} before it")
    if len(tokens) < 2 and not reasons:
        return []  # a lone capitalised word: a sentence start, a place, an adjective
    if len(tokens) > 4:
        return []
    context = _title_after(part, part.index(tokens[-1]))
    if context:
        reasons.append(f"{context!r} after it")
    reasons.insert(0, f"{len(tokens)} capitalised word{'s' if len(tokens) > 1 else ''}")
    return [_Run(tokens, reasons, "person")]


def _ordinary_opening(token: Token, ordinary: set[str]) -> bool:
    """A sentence's first word that is plainly not a name ("Speaking", "Reportedly")."""
    word = _folded_word(token)
    return word in ordinary or (len(word) > 5 and word.endswith(("ing", "ly", "ed")))


def _title_after(part: list[Token], last: int) -> str | None:
    following = " ".join(_folded_word(t) for t in part[last + 1: last + 4])
    for phrase in TITLE_PHRASES:
        if following.startswith(phrase):
            return phrase
    if last + 1 < len(part) and _folded_word(part[last + 1]) in TITLES:
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
                    _name_word(t) or _folded_word(t) in CONNECTORS for t in tokens):
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
    node = index.trie
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
    items = [_Found({entity.id}, run.tokens, "shortened") for run in members]
    return _known_suggestion(entity, items, index)


def _terminals(node: dict, found: set[int], depth: int) -> None:
    for key, child in node.items():
        if key is None:
            found.update(child)
        elif depth > 0 and len(found) < 2:
            _terminals(child, found, depth - 1)


def _fuzzy_known(keys: tuple[str, ...], members: list[_Run],
                 index: RegistryIndex) -> Suggestion | None:
    """A candidate that is a near spelling of a registry name (a typo, a rare variant)."""
    if len(keys) < 2 or not index.by_word:
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
    items = [_Found({entity.id}, run.tokens, "fuzzy") for run in members]
    suggestion = _known_suggestion(entity, items, index)
    suggestion.reasons.append(f"close to a registry spelling (score {best[1]:.0f})")
    suggestion.why = _known_why(suggestion.kind, suggestion.count, suggestion.reasons)
    return suggestion


def _candidate(keys: tuple[str, ...], members: list[_Run]) -> Suggestion:
    spellings = Counter(" ".join(t.base for t in run.tokens) for run in members)
    full = [s for s in spellings if len(s.split()) >= len(keys)] or list(spellings)
    best = max(full, key=lambda s: (spellings[s], -full.index(s)))
    # A quoted run ("Defence Line") names an organisation even if it looks like a person.
    kind = "organisation" if any(r.kind == "organisation" for r in members) else "person"
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
        existing.why = _known_why(existing.kind, existing.count, existing.reasons)
    return remaining


def _ordered(suggestions: list[Suggestion]) -> list[Suggestion]:
    return sorted(suggestions, key=lambda s: (-s.count, s.name.casefold()))

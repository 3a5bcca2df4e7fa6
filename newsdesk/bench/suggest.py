"""The ``suggest`` figure: tag suggestions for a 1,000-word story against a registry of
10,000 entities with 3 aliases each, against the naive way (one search per spelling).

The registry lives in its own small SQLite file (fixed seed, cached beside the synthetic
newsroom) so the measured pass includes everything the window does: the registry-state
check, the (cached) index and the pass itself. The word-key cache is emptied before each
run so every run starts cold.
"""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure, median_time
from newsdesk.bench.synthetic import bench_folder
from newsdesk.people.registry import normalize_name
from newsdesk.store.db import open_database
from newsdesk.store.migrations import latest_version

SEED = 20231214
ENTITIES = 10_000
ALIASES = 3
STORY_WORDS = 1_000
GENERATOR_VERSION = 1

_ONSETS = ["b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "r", "s", "t", "v", "z", "sh",
           "kh", "ch", "q", "x"]
_VOWELS = ["a", "e", "i", "o", "u", "ə", "ü"]
_ENDINGS = ["ov", "ev", "yev", "li", "zade", "ova", "eva", "yeva"]
_ORG_HEADS = ["Ministry of", "Union of", "Council for", "Agency for", "Court of", "Network of",
              "Institute of", "Committee on", "Service for", "Party of"]
_ORG_TOPICS = ["Economy", "Journalists", "Justice", "Energy", "Ecology", "Reform", "Culture",
               "Transport", "Education", "Health", "Defence", "Youth", "Trade", "Water",
               "Mining", "Science", "Tourism", "Sport", "Labour", "Veterans"]
_FILLER = ("the a of and in on for with to by from at that which was were has have will "
           "parliament government minister said opposition court hearing journalists union "
           "budget gas export pipeline election municipal council protest police released "
           "detained statement press freedom reform law amendment session deputy chairman "
           "ministry decision appeal economy inflation bank licence flood relief region "
           "village road negotiations peace talks delegation agreement observers report").split()
_CYRILLIC = {"a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "г", "i": "и",
             "j": "дж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "r": "р", "s": "с",
             "t": "т", "u": "у", "v": "в", "z": "з", "q": "г", "x": "х", "y": "й", "ə": "а",
             "ü": "ю", "c": "ц", "p": "п", "w": "в"}


def _syllables(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(count))


def _person(rng: random.Random) -> str:
    first = _syllables(rng, rng.randint(2, 3)).capitalize()
    last = (_syllables(rng, rng.randint(2, 3)) + rng.choice(_ENDINGS)).capitalize()
    return f"{first} {last}"


def _variants(name: str) -> list[str]:
    """Three other spellings, as Azerbaijani, Russian and English copy would write them."""
    english = (name.replace("ə", "a").replace("ü", "u").replace("x", "kh").replace("q", "g")
               .replace("yev", "iev"))
    azerbaijani = name.replace("sh", "ş").replace("kh", "x").replace("ch", "ç")
    russian = "".join(_CYRILLIC.get(c.lower(), c) if c.isalpha() else c for c in
                      name.replace("sh", "ш").replace("kh", "х").replace("ch", "ч"))
    russian = " ".join(w[:1].upper() + w[1:] for w in russian.split())
    out = []
    for spelling in (english, azerbaijani, russian):
        if spelling != name and spelling not in out:
            out.append(spelling)
    while len(out) < ALIASES:
        out.append(f"{name} ({len(out) + 1})")
    return out[:ALIASES]


def registry(rng: random.Random) -> list[tuple[str, str, list[str]]]:
    rows = []
    for number in range(ENTITIES):
        if number % 4 == 3:
            name = f"{rng.choice(_ORG_HEADS)} {rng.choice(_ORG_TOPICS)} {_syllables(rng, 2).capitalize()}"
            rows.append(("organisation", name, _variants(name)))
        else:
            name = _person(rng)
            rows.append(("person", name, _variants(name)))
    return rows


def story(rng: random.Random, rows: list[tuple[str, str, list[str]]]) -> list[str]:
    """Headline, a 1,000-word body naming 20 registry entries (some as variants) and a few
    new names, and a footnote."""
    words = [rng.choice(_FILLER) for _ in range(STORY_WORDS - 80)]
    for _ in range(20):
        kind, name, aliases = rng.choice(rows)
        spelling = rng.choice([name, name, *aliases])
        words.insert(rng.randrange(len(words)), spelling + ",")
    for _ in range(5):
        words.insert(rng.randrange(len(words)), _person(rng))
    sentences, current = [], []
    for word in words:
        current.append(word)
        if len(current) >= 18:
            sentence = " ".join(current)
            sentences.append(sentence[:1].upper() + sentence[1:] + ".")
            current = []
    sentences.append(" ".join(current) + ".")
    body = "\n\n".join(" ".join(sentences[i:i + 4]) for i in range(0, len(sentences), 4))
    return ["Parliament debates the budget", body, "The law was first debated in May."]


def registry_database() -> Path:
    path = bench_folder() / f"registry-{ENTITIES}x{ALIASES}-g{GENERATOR_VERSION}-s{latest_version()}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    if partial.exists():
        partial.unlink()
    open_database(str(partial), create=True).close()
    rows = registry(random.Random(SEED))
    with sqlite3.connect(partial) as connection:
        for kind, name, aliases in rows:
            cursor = connection.execute(
                "INSERT INTO entity (kind, name, normalized, description, created_at) "
                "VALUES (?, ?, ?, '', ?)", (kind, name, normalize_name(name),
                                           str(datetime(2020, 1, 1))))
            connection.executemany(
                "INSERT INTO alias (entity_id, name, normalized) VALUES (?, ?, ?)",
                [(cursor.lastrowid, a, normalize_name(a)) for a in aliases])
    partial.rename(path)
    return path


def naive_pass(needles: list[tuple[int, str]], folded: str) -> list[int]:
    """One search per spelling (a plain substring search, the cheapest kind): what a
    tagger without an index does. It finds exact spellings only."""
    return [entity_id for entity_id, needle in needles if needle in folded]


def measure_suggest(context: BenchContext, repeat: int = 15) -> list[Figure]:
    from newsdesk.people import suggest
    from newsdesk.search.folding import fold

    opened = open_database(str(registry_database()))
    try:
        rows = registry(random.Random(SEED))
        parts = story(random.Random(SEED + 1), rows)
        suggest.forget_index()
        suggest.registry_index()  # built once per registry state, as in the window

        def ours() -> object:
            suggest.clear_word_caches()
            return suggest.suggest(parts, suggest.registry_index())

        spellings = [(entity_id, spelling) for entity_id, (_, name, aliases)
                     in enumerate(rows, 1) for spelling in (name, *aliases)]
        folded = fold("\n".join(parts))
        needles = [(entity_id, fold(s)) for entity_id, s in spellings]
        ours()
        value = median_time(ours, repeat)
        floor = median_time(lambda: naive_pass(needles, folded), repeat)
    finally:
        opened.close()
        suggest.forget_index()
    return [Figure("suggest", value, floor, "s", ENTITIES,
                   note=f"{STORY_WORDS}-word story, {ALIASES} aliases each")]

"""The ``spell`` figure: a 2,000-word English story checked as the editor checks it (the
newsroom's words, the registry of the ``suggest`` figure: 10,000 people and organisations
with their aliases), against the library's bare check of the same words
(pyspellchecker's ``unknown``). Each run starts with an empty word cache."""

from __future__ import annotations

import random

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure, median_time
from newsdesk.bench.suggest import _FILLER, SEED, registry, registry_database
from newsdesk.store.db import open_database

STORY_WORDS = 2_000
TYPOS = ("parliment", "goverment", "minster", "oppositon", "jounalists", "budjet")


def spell_story(rng: random.Random) -> str:
    """Filler prose with registry names and a typo now and then, in paragraphs."""
    names = [name for _, name, _ in registry(random.Random(SEED))]
    words: list[str] = []
    while len(words) < STORY_WORDS:
        roll = rng.random()
        if roll < 0.05:
            words.extend(rng.choice(names).split())
        elif roll < 0.07:
            words.append(rng.choice(TYPOS))
        else:
            words.append(rng.choice(_FILLER))
    paragraphs = [" ".join(words[i:i + 80]) + "." for i in range(0, STORY_WORDS, 80)]
    paragraphs = [p[:1].upper() + p[1:] for p in paragraphs]
    return "\n\n".join(paragraphs)


def measure_spell(context: BenchContext, repeat: int = 7) -> list[Figure]:
    from newsdesk.people.suggest import forget_index
    from newsdesk.spelling.dictionaries import base_dictionary
    from newsdesk.spelling.speller import speller_for
    from newsdesk.spelling.words import words_to_check

    opened = open_database(str(registry_database()))
    try:
        text = spell_story(random.Random(SEED + 2))
        forget_index()
        speller_for("en")  # dictionaries and the registry index load once, as in the window
        bare = base_dictionary("en").checker  # type: ignore[union-attr]
        words = [w.text for w in words_to_check(text)]

        def ours() -> object:
            return speller_for("en").check(text)

        ours()
        value = median_time(ours, repeat)
        floor = median_time(lambda: bare.unknown(words), repeat)
    finally:
        opened.close()
        forget_index()
    return [Figure("spell", value, floor, "s", len(words),
                   note=f"{STORY_WORDS}-word story, registry of the suggest figure")]

"""The spell benchmark figure checks the story it says, and finds its typos."""

from __future__ import annotations

import random

from newsdesk.bench.context import BenchContext
from newsdesk.bench.spell import STORY_WORDS, TYPOS, measure_spell, spell_story
from newsdesk.bench.suggest import SEED, registry_database
from newsdesk.spelling.speller import speller_for
from newsdesk.store.db import open_database


def test_the_story_has_the_words_and_only_its_typos_are_unknown():
    text = spell_story(random.Random(SEED + 2))
    opened = open_database(str(registry_database()))
    try:
        found = {u.word.lower() for u in speller_for("en").check(text)}
    finally:
        opened.close()
    assert len(text.split()) >= STORY_WORDS
    assert found and found <= set(TYPOS)


def test_spell_figure_has_a_floor_and_the_word_count():
    [figure] = measure_spell(BenchContext(articles=50), repeat=1)
    assert figure.figure == "spell" and figure.unit == "s"
    assert figure.value > 0 and figure.floor and figure.n and figure.n >= STORY_WORDS * 0.9

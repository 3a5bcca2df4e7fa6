"""The suggester's word lists, shipped as text files in ``resources/lexicon/``.

Read once, when the suggester is first imported (a few milliseconds for all of them), so the
matching loops test plain frozensets. Editors of the lists need no Python: one entry per
line, ``#`` starts a comment line.
"""

from __future__ import annotations

from newsdesk.assets import read_text
from newsdesk.search.folding import fold


def entries(name: str) -> tuple[str, ...]:
    """The entries of ``resources/lexicon/<name>.txt``, in file order."""
    lines = (line.strip() for line in read_text("lexicon", f"{name}.txt").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


MONTHS_AND_DAYS = frozenset(entries("months_and_days"))
# Russian names change their ending with the case; the stem is enough to know them.
MONTH_DAY_PREFIXES = entries("month_day_prefixes")
COMMON_WORDS = frozenset(entries("common_words"))
TITLE_PHRASES = entries("title_phrases")  # tried in file order
ORGANISATION_WORDS = frozenset(entries("organisation_words"))
CONNECTORS = frozenset(entries("connectors"))
ABBREVIATIONS = frozenset(entries("abbreviations"))
CASE_ENDINGS = entries("case_endings")


def folded_entries(name: str) -> frozenset[str]:
    """The entries folded as story words are (``şəhəri`` -> ``sahari``)."""
    return frozenset(fold(entry) for entry in entries(name))


PLACE_WORDS = folded_entries("place_words")  # "Tovuz district", "Ağdam rayonu"
PLACE_HEADS = folded_entries("place_heads")  # "Central Asia", "Middle Corridor"
PLACE_PREPOSITIONS = folded_entries("place_prepositions")  # "in Davos"
SAYING_VERBS = folded_entries("saying_verbs")  # "said Rauf Mammadov"
# Each line one given name, its spellings comma-separated.
GIVEN_NAMES = tuple(tuple(s.strip() for s in line.split(",") if s.strip())
                    for line in entries("given_names"))
TITLES = folded_entries("titles")
# Azerbaijani and Russian words of bodies' names by stem ("Nazirliyindən", "суде").
ORGANISATION_STEMS = tuple(sorted(folded_entries("organisation_stems"), key=len, reverse=True))

"""The ``suggest-quality`` figures: precision and recall of the suggester per kind (person,
organisation, place) and of its variant groups, over the labelled paragraphs in
``tests/data/suggest/`` (en, az, ru; see the README there), with the shipped gazetteer and an
empty registry, as a newsroom has on its first day.

A suggestion is right when one of its spellings is a spelling of an expected entity of its
kind not already found in that paragraph; a second suggestion for the same entity counts
against precision. A variant group (an entity with two or more spellings) is found when one
suggestion carries all of them; a suggestion carrying two or more spellings is a right
group when they all belong to one expected entity.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.errors import UserError
from newsdesk.people.suggest import Suggestion, build_index, suggest
from newsdesk.search.folding import fold

KINDS = ("person", "organisation", "place")
_EXPECTED_KEYS = {"person": "people", "organisation": "organisations", "place": "places"}
LANGUAGES = ("en", "az", "ru")


def labelled_folder() -> Path:
    """``tests/data/suggest`` of the checkout this newsdesk runs from."""
    return Path(__file__).resolve().parents[2] / "tests" / "data" / "suggest"


def _norm(text: str) -> str:
    return " ".join(fold(text).split())


@dataclass
class Tally:
    """Counts for one kind (or the variant groups) in one language, or all together."""

    right: int = 0  # suggestions that were right
    suggested: int = 0
    found: int = 0  # expected entities found
    expected: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.right += other.right
        self.suggested += other.suggested
        self.found += other.found
        self.expected += other.expected

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0


def _spellings(suggestion: Suggestion) -> set[str]:
    return {_norm(s) for s in suggestion.spellings} | {_norm(suggestion.name)}


def _belongs(spelling: str, entity: list[str]) -> bool:
    """A spelling of the entity, or the surname alone of one of its spellings."""
    return any(spelling == s or (len(s.split()) > 1 and spelling == s.split()[-1])
               for s in (_norm(e) for e in entity))


def score_item(item: dict[str, Any], results: list[Suggestion]) -> dict[str, Tally]:
    tallies = {kind: Tally() for kind in (*KINDS, "group")}
    for kind in KINDS:
        expected: list[list[str]] = item.get(_EXPECTED_KEYS[kind], [])
        tally = tallies[kind]
        tally.expected = len(expected)
        found: set[int] = set()
        for suggestion in (s for s in results if s.kind == kind):
            tally.suggested += 1
            spellings = _spellings(suggestion)
            match = next((n for n, entity in enumerate(expected) if n not in found
                          and any(_norm(e) in spellings for e in entity)), None)
            if match is None:
                tally.wrong.append(f"{item['id']}: {suggestion.name!r}")
            else:
                found.add(match)
                tally.right += 1
        tally.found = len(found)
        tally.misses += [f"{item['id']}: {e[0]!r}" for n, e in enumerate(expected)
                         if n not in found]
    _score_groups(item, results, tallies["group"])
    return tallies


def _score_groups(item: dict[str, Any], results: list[Suggestion], tally: Tally) -> None:
    entities = [(kind, entity) for kind in KINDS
                for entity in item.get(_EXPECTED_KEYS[kind], [])]
    groups = [(kind, e) for kind, e in entities if len({_norm(s) for s in e}) > 1]
    tally.expected = len(groups)
    for kind, entity in groups:
        wanted = {_norm(s) for s in entity}
        if any(s.kind == kind and wanted <= _spellings(s) for s in results):
            tally.found += 1
        else:
            tally.misses.append(f"{item['id']}: {' / '.join(entity)}")
    for suggestion in results:
        written = {_norm(s) for s in suggestion.spellings}
        if len(written) < 2:
            continue
        tally.suggested += 1
        if any(all(_belongs(s, entity) for s in written) for _, entity in entities):
            tally.right += 1
        else:
            tally.wrong.append(f"{item['id']}: {sorted(suggestion.spellings)}")


def load_language(language: str, folder: Path | None = None) -> list[dict[str, Any]]:
    path = (folder or labelled_folder()) / f"{language}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UserError("the labelled set is missing (it lives in a source checkout)",
                        file=str(path)) from exc


def evaluate(languages: Iterable[str] = LANGUAGES, folder: Path | None = None
             ) -> dict[str, dict[str, Tally]]:
    """Tallies per language and kind, and under ``"all"`` for all languages together."""
    index = build_index([], gazetteer=True)
    report: dict[str, dict[str, Tally]] = {"all": {k: Tally() for k in (*KINDS, "group")}}
    for language in languages:
        per_kind = {k: Tally() for k in (*KINDS, "group")}
        for item in load_language(language, folder):
            results = suggest(["", item["text"], ""], index, language=language,
                              dateline=item.get("dateline", ""))
            for kind, tally in score_item(item, results).items():
                per_kind[kind].add(tally)
                per_kind[kind].misses += tally.misses
                per_kind[kind].wrong += tally.wrong
        report[language] = per_kind
        for kind, tally in per_kind.items():
            report["all"][kind].add(tally)
    return report


def measure_suggest_quality(context: BenchContext) -> list[Figure]:
    report = evaluate()
    figures = []
    for language, per_kind in report.items():
        scope = "" if language == "all" else f"-{language}"
        for kind, tally in per_kind.items():
            for measure in ("precision", "recall"):
                figures.append(Figure(
                    f"suggest-quality{scope}-{kind}-{measure}",
                    round(getattr(tally, measure), 3), None, "ratio",
                    tally.suggested if measure == "precision" else tally.expected))
    return figures

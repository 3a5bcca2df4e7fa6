"""``python -m newsdesk.bench suggest-quality``: precision and recall over the labelled set,
and the scoring that makes them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsdesk.bench.suggest_quality import (
    KINDS,
    LANGUAGES,
    evaluate,
    labelled_folder,
    load_language,
    score_item,
)
from newsdesk.people.suggest import Suggestion

ROOT = Path(__file__).resolve().parents[2]


def test_the_labelled_set_has_forty_paragraphs_in_three_languages():
    items = {language: load_language(language) for language in LANGUAGES}
    assert sum(len(v) for v in items.values()) >= 40
    assert all(len(v) >= 13 for v in items.values())
    ids = [item["id"] for v in items.values() for item in v]
    assert len(ids) == len(set(ids))
    for item in (i for v in items.values() for i in v):
        for key in ("people", "organisations", "places"):
            for entity in item[key]:
                assert entity and all(s in item["text"] or s == item["dateline"]
                                      for s in entity), (item["id"], entity)


def test_figures_meet_the_targets_per_kind_and_language():
    report = evaluate()
    for language in (*LANGUAGES, "all"):
        for kind in KINDS:
            tally = report[language][kind]
            assert tally.precision >= 0.9, (language, kind, tally.wrong)
            assert tally.recall >= 0.85, (language, kind, tally.misses)
        groups = report[language]["group"]
        assert groups.precision >= 0.9 and groups.recall >= 0.9, (language, groups.misses)


def _suggestion(kind: str, *spellings: str) -> Suggestion:
    return Suggestion(kind=kind, name=spellings[0], spellings=dict.fromkeys(spellings, 1),
                      entity_id=None, count=len(spellings), why="", key=spellings[0])


def test_scoring_counts_a_second_suggestion_and_a_wrong_kind_against_precision():
    item = {"id": "x", "people": [["Gulnar Aliyeva", "Gulnara Aliyeva"]],
            "organisations": [], "places": [["Baku"]]}
    split = score_item(item, [_suggestion("person", "Gulnar Aliyeva"),
                              _suggestion("person", "Gulnara Aliyeva"),
                              _suggestion("person", "Baku")])
    assert (split["person"].right, split["person"].suggested) == (1, 3)
    assert split["person"].found == 1 and split["place"].found == 0
    assert split["group"].found == 0 and split["group"].expected == 1
    grouped = score_item(item, [_suggestion("person", "Gulnar Aliyeva", "Gulnara Aliyeva",
                                            "Aliyeva"),
                                _suggestion("place", "Baku")])
    assert grouped["person"].precision == grouped["place"].recall == 1.0
    assert (grouped["group"].found, grouped["group"].right, grouped["group"].suggested) == (
        1, 1, 1)
    # Two people merged into one suggestion: a wrong group.
    item["people"].append(["Elnur Hasanli"])
    merged = score_item(item, [_suggestion("person", "Elnur Hasanli", "Gulnar Aliyeva")])
    assert merged["group"].right == 0 and merged["group"].suggested == 1


def test_bench_prints_each_figure_as_json():
    result = subprocess.run(
        [sys.executable, "-m", "newsdesk.bench", "suggest-quality", "--json"],
        capture_output=True, text=True, cwd=ROOT, check=True, timeout=300)
    figures = {json.loads(line)["figure"]: json.loads(line)
               for line in result.stdout.splitlines()}
    for kind in (*KINDS, "group"):
        for measure in ("precision", "recall"):
            assert f"suggest-quality-{kind}-{measure}" in figures
            assert f"suggest-quality-ru-{kind}-{measure}" in figures
    place = figures["suggest-quality-place-recall"]
    assert place["unit"] == "ratio" and 0 < place["value"] <= 1 and place["floor"] is None
    assert labelled_folder().is_dir()

"""The export figures run end to end at the size ``--export-stories`` asks for (speed
itself is not tested)."""

from __future__ import annotations

import json

import pytest

from newsdesk.bench.__main__ import main
from newsdesk.bench.context import BenchContext
from newsdesk.bench.export import export_stories


def test_export_figures_run_at_the_asked_number_of_stories(capsys):
    assert main(["export", "reexport", "--export-stories", "30", "--articles", "300",
                 "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["figure"] for row in rows] == ["export", "reexport"]  # pelican not asked
    for row in rows:
        assert set(row) == {"figure", "value", "floor", "ratio", "unit", "n"}
        assert row["n"] == 30 and row["unit"] == "s" and row["value"] > 0
    export, reexport = rows
    assert reexport["floor"] == export["value"]  # measured against the full export


def test_export_stories_default_to_1000_or_fewer_articles():
    assert export_stories(BenchContext()) == 1000
    assert export_stories(BenchContext(articles=300)) == 300
    assert export_stories(BenchContext(articles=300, options={"export_stories": "5000"})) == 5000


@pytest.mark.parametrize("value", ["0", "-3", "many"])
def test_export_stories_must_be_a_positive_number(value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--export-stories", value])
    assert exit_info.value.code == 2
    assert "--export-stories" in capsys.readouterr().err

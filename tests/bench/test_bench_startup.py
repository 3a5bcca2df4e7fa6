"""The start-up figures run and report in the bench's shape (speed itself is not tested)."""

from __future__ import annotations

import json
import shutil

import pytest

from newsdesk.bench.__main__ import DEFAULT_FIGURES, FIGURES
from newsdesk.bench.context import BenchContext
from newsdesk.bench.startup import measure_startup
from newsdesk.bench.startup_instructions import measure_startup_instructions


def test_startup_figures_time_the_window_and_the_preview_against_one_floor():
    startup, preview = measure_startup(BenchContext(articles=50), runs=1)
    assert (startup.figure, preview.figure) == ("startup", "startup-preview")
    assert startup.floor == preview.floor and startup.floor and startup.floor > 0
    assert 0 < startup.value < preview.value  # the preview paints after the window
    assert startup.n == preview.n == 50
    shape = json.loads(preview.as_json())
    assert set(shape) == {"figure", "value", "floor", "ratio", "unit", "n"}
    assert shape["unit"] == "s" and shape["ratio"] is not None


def test_both_names_are_figures_of_the_bench():
    assert FIGURES["startup"] is FIGURES["startup-preview"] is measure_startup


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="needs valgrind")
def test_startup_instructions_count_the_start_against_the_empty_window():
    """Counted, not timed: the same database gives the same count to 0.1%."""
    first, = measure_startup_instructions(BenchContext(articles=50))
    assert first.figure == "startup-instructions" and first.unit == "M" and first.n == 50
    # An empty window runs ~0.5 G instructions here; the start at least that again.
    assert 100 < first.floor < first.value
    second, = measure_startup_instructions(BenchContext(articles=50))
    assert second.floor == pytest.approx(first.floor, rel=0.01)
    assert second.value == pytest.approx(first.value, rel=0.01)


def test_the_instruction_count_runs_only_when_named():
    assert FIGURES["startup-instructions"] is measure_startup_instructions
    assert "startup-instructions" not in DEFAULT_FIGURES


def test_without_valgrind_the_instruction_count_is_skipped_with_the_reason(monkeypatch,
                                                                          capsys):
    monkeypatch.setenv("PATH", "/nonexistent")
    assert measure_startup_instructions(BenchContext(articles=50)) == []
    assert "needs valgrind" in capsys.readouterr().err

"""The start-up figures run and report in the bench's shape (speed itself is not tested)."""

from __future__ import annotations

import json

from newsdesk.bench.__main__ import FIGURES
from newsdesk.bench.context import BenchContext
from newsdesk.bench.startup import measure_startup


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

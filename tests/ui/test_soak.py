"""A whole working day in the window, compressed to minutes.

The soak driver (``newsdesk.ui.soak``) types thousands of keystrokes with autosave,
switches and tags stories, moderates hundreds of reviews from the keyboard and exports
twice, in the real window over a real SQLite file (the demo newsroom plus imported
reviews), with the preview on screen. Afterwards every keystroke and decision must be in
the database, the window alive, and resident memory grown by less than 50 MB. The first
fresh install aborted after a minute of typing (PySide6 6.12.0, ``bool_dealloc``);
nothing had run the window for minutes before.
"""

from __future__ import annotations

import json

import pytest

from newsdesk.bench.__main__ import DEFAULT_FIGURES, FIGURES
from newsdesk.bench.soak import Session
from tests.conftest import REPO_ROOT

SOAK_S = 180
MAX_GROWTH_MB = 50


@pytest.mark.slow
@pytest.mark.timeout(SOAK_S + 600)
def test_a_working_day_in_the_window(main_window, tmp_path, capsys):
    from newsdesk.ui.soak import SoakDriver

    report = SoakDriver(main_window, tmp_path).run(SOAK_S)

    with capsys.disabled():
        print(f"\nsoak: {report.elapsed_s:.0f} s, {report.rounds} rounds, "
              f"{report.keystrokes} keystrokes, {report.autosaves} saves, "
              f"{report.decisions} decisions ({report.undos} undone), {report.exports} "
              f"exports; resident memory {report.rss_start_mb:.1f} -> "
              f"{report.rss_end_mb:.1f} MB, growth {report.growth_mb:+.1f} MB")
    assert report.problems == []
    assert report.elapsed_s >= SOAK_S
    assert main_window.isVisible() and main_window.current_mode() == "desk"
    assert report.keystrokes >= 2000
    assert report.autosaves >= report.rounds  # every round's paragraph was autosaved
    assert report.switches >= report.rounds >= 10
    assert report.tags_accepted >= 1 and report.tags_added >= 1
    assert report.decisions >= 200 and report.undos >= 1 and report.imports >= 1
    assert report.exports == 3  # the warm-up's and two in the measured part
    assert report.growth_mb < MAX_GROWTH_MB


def test_soak_runs_only_when_named():
    assert "soak" in FIGURES and "soak-memory" in FIGURES
    assert "soak" not in DEFAULT_FIGURES and "soak-memory" not in DEFAULT_FIGURES


def test_a_session_that_died_keeps_its_last_heartbeat():
    session = Session(planned_s=600)
    session.read("\n".join([
        json.dumps({"heartbeat": {"elapsed_s": 12.5, "rss_mb": 350.0, "rss_start_mb": 340.0}}),
        "Fatal Python error: bool_dealloc",
        json.dumps({"heartbeat": {"elapsed_s": 30.0, "rss_mb": 351.5, "rss_start_mb": 340.0}}),
    ]))
    assert session.report is None
    assert (session.elapsed_s, session.rss_end_mb - session.rss_start_mb) == (30.0, 11.5)


@pytest.mark.slow
def test_bench_soak_prints_both_figures():
    """The bench's short form end to end: a child process runs the session."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "newsdesk.bench", "soak", "--soak-minutes",
                             "0.1", "--json"], capture_output=True, text=True, timeout=300,
                            cwd=str(REPO_ROOT))
    assert result.returncode == 0, result.stderr[-2000:]
    figures = {line["figure"]: line for line in map(json.loads, result.stdout.splitlines())}
    assert set(figures) == {"soak", "soak-memory"}
    assert figures["soak"]["n"] == 6 and figures["soak"]["value"] >= 6
    assert figures["soak"]["floor"] is None and figures["soak-memory"]["unit"] == "MB"
    assert "soak:" not in result.stderr  # no check failed in the session

"""The export figures run end to end at the size ``--export-stories`` asks for (speed
itself is not tested)."""

from __future__ import annotations

import json
import os
import shutil

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


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
                    reason="one core, or no CPU affinity here")
def test_the_one_core_comparison_pins_both_sides_and_gives_the_cores_back(capsys):
    cores = os.sched_getaffinity(0)
    assert main(["pelican-one-core", "--export-stories", "20", "--articles", "300",
                 "--json"]) == 0
    # Every line of --json output is JSON: Pelican's own summary goes to stderr.
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["figure"] for row in rows] == ["pelican-one-core"]
    assert rows[0]["n"] == 20 and rows[0]["value"] > 0 and rows[0]["floor"] > 0
    assert os.sched_getaffinity(0) == cores


def test_the_export_figures_write_where_scratch_says(tmp_path, capsys):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    assert main(["export", "--export-stories", "10", "--articles", "300",
                 "--scratch", str(scratch)]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assert line.startswith("export") and f"(files in {scratch})" in line
    assert list(scratch.iterdir()) == []  # the figures' temp folder went with them


def test_a_scratch_folder_that_does_not_exist_is_refused(tmp_path, capsys):
    assert main(["export", "--scratch", str(tmp_path / "nowhere")]) == 2
    assert f"--scratch {tmp_path / 'nowhere'}: no such folder" in capsys.readouterr().err


def test_the_default_scratch_is_a_ram_folder_with_room_else_the_temp_folder(tmp_path,
                                                                            monkeypatch):
    from newsdesk.bench import scratch

    monkeypatch.setattr(scratch, "RAM_FOLDERS", (tmp_path / "absent", tmp_path))
    assert scratch.scratch_parent(1000) == tmp_path
    free = shutil.disk_usage(tmp_path).free
    too_many = free // scratch.BYTES_PER_STORY + 1
    assert scratch.scratch_parent(too_many) is None
    assert scratch.scratch_parent(too_many, str(tmp_path)) == tmp_path  # as asked


def test_export_pictures_reuses_the_picture_files_against_the_text_only_reexport(capsys):
    assert main(["export-pictures", "--export-stories", "12", "--articles", "300",
                 "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["figure"] == "export-pictures" and row["n"] == 12
    assert row["value"] > 0 and row["floor"] > 0 and row["ratio"] is not None


def test_the_bench_pictures_are_distinct_jpegs():
    from newsdesk.bench.export_pictures import picture_bytes
    from newsdesk.stories.images import inspect

    first, second = picture_bytes(1), picture_bytes(2)
    assert first != second
    assert (inspect(first, "1.jpg").width, inspect(first, "1.jpg").content_type) == (
        1000, "image/jpeg")

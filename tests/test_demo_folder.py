"""A demo's throwaway folder, and the sweep of those that killed or crashed runs left."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from newsdesk.demo_folder import OWNER_FILE, PREFIX, demo_folder, remove_abandoned
from tests.conftest import run_cli


def ended_process() -> int:
    """The number of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def left_behind(root, name: str, owner: int | None):
    folder = root / f"{PREFIX}{name}"
    folder.mkdir()
    (folder / "newsdesk-demo.sqlite3").write_bytes(b"SQLite format 3\x00")
    if owner is not None:
        (folder / OWNER_FILE).write_text(str(owner))
    return folder


def test_only_the_folders_of_ended_demos_are_removed(tmp_path):
    ended = left_behind(tmp_path, "ended", ended_process())
    running = left_behind(tmp_path, "running", os.getpid())
    unowned = left_behind(tmp_path, "older", None)  # an older newsdesk's, or being made
    other = tmp_path / "newsdesk-other"
    other.mkdir()
    assert remove_abandoned(tmp_path) == [ended]
    assert not ended.exists()
    assert running.exists() and unowned.exists() and other.exists()


def test_a_demo_folder_names_its_process_and_goes_with_it(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ended = left_behind(tmp_path, "ended", ended_process())
    with demo_folder() as folder:
        assert folder.parent == tmp_path and folder.name.startswith(PREFIX)
        assert (folder / OWNER_FILE).read_text() == str(os.getpid())
        assert not ended.exists()  # swept as the demo began
    assert not folder.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_demo_command_removes_what_a_killed_demo_left(tmp_path):
    ended = left_behind(tmp_path, "killed", ended_process())
    result = run_cli("list", "--demo", env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "Flood relief" in result.stdout
    assert list(tmp_path.iterdir()) == []  # the killed demo's, and its own
    assert not ended.exists()

"""End to end, the editor's day: create, type, autosave, crash (kill -9), reopen, restore a
revision, move to ready. The typing happens in a real ``newsdesk --db FILE`` process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from newsdesk.store.db import open_database
from newsdesk.store.models import Article
from newsdesk.stories import articles
from tests.conftest import REPO_ROOT

TYPED = ("Baku hosted the talks on Tuesday. " * 20).strip()
INTERVAL_MS = 15
# The promise under test: at most the last 2 seconds of typing are missing after a crash.
MAX_LOSS_S = 2.0


def start_typing(db_file, text_file):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=str(REPO_ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen(
        [sys.executable, str(REPO_ROOT / "tests" / "editor_driver.py"), str(db_file),
         str(text_file), str(INTERVAL_MS)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
        cwd=str(REPO_ROOT))


def type_then_kill(process, kill_after_chars: int) -> tuple[float, dict[int, float]]:
    """Let the process type, kill -9 it mid-burst; returns the kill time and when each
    character was typed (time.monotonic() is one clock for every process)."""
    typed_at: dict[int, float] = {}
    for line in process.stdout:
        if line.startswith("typed "):
            _, count, stamp = line.split()
            typed_at[int(count)] = float(stamp)
            if int(count) >= kill_after_chars:
                break
    killed_at = time.monotonic()
    os.kill(process.pid, signal.SIGKILL)
    for line in process.stdout.read().splitlines():  # typed just before the kill
        if line.startswith("typed "):
            _, count, stamp = line.split()
            typed_at[int(count)] = float(stamp)
    process.wait(timeout=30)
    return killed_at, typed_at


@pytest.mark.slow
def test_the_editors_story_survives_kill_9(qtbot, tmp_path, settings):
    db_file = tmp_path / "desk.sqlite3"
    opened = open_database(str(db_file), create=True)
    story = articles.create_article({"headline": "Talks in Baku", "dateline_place": "",
                                     "body": "Start."})
    opened.close()
    text_file = tmp_path / "typed.txt"
    text_file.write_text(" " + TYPED, encoding="utf-8")
    process = start_typing(db_file, text_file)
    try:
        killed_at, typed_at = type_then_kill(process, kill_after_chars=300)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL

    # Reopen as the user would: a new window on the same file.
    from newsdesk.ui.main_window import MainWindow

    opened = open_database(str(db_file))
    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    editor = window.desk.editor
    assert editor.article_id == story.id
    body = editor.body.toPlainText()
    full = "Start. " + TYPED
    assert full.startswith(body), "the recovered text is exactly what was typed, in order"
    kept = len(body) - len("Start.")
    first_missing = kept + 1
    if first_missing in typed_at:
        assert typed_at[first_missing] >= killed_at - MAX_LOSS_S, (
            f"lost {len(typed_at) - kept} characters typed more than {MAX_LOSS_S} s "
            "before the kill")
    assert Article.get_by_id(story.id).body == body  # and it is back in the database

    # Restore the first revision, then move the story to ready.
    editor.revisions_panel.select_row(editor.revisions_panel.tree.topLevelItemCount() - 1)
    editor.revisions_panel.restore_button.click()
    assert editor.body.toPlainText() == "Start."
    assert not editor.change_status("ready")
    assert "dateline place" in editor.status_hint.text()
    qtbot.keyClicks(editor.place, "Baku")
    assert editor.change_status("ready")
    article = Article.get_by_id(story.id)
    assert (article.status, article.dateline_place, article.body) == ("ready", "Baku", "Start.")
    window.close()
    opened.close()

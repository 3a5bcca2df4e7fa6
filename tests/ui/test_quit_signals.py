"""SIGTERM, SIGINT and SIGHUP close the window as its Close button does
(``newsdesk.ui.quit_signals``): the story stored, its lock released, a demo's folder
removed, and the process ending with 128 plus the signal's number."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsdesk.stories import articles, locks
from newsdesk.ui.quit_signals import QuitOnSignals
from tests.conftest import REPO_ROOT, unmeasured
from tests.ui.test_editor import save_from_another_process, type_at_end

# Once the window is shown, a sentence is typed into the open story, and "typed" said.
TYPIST = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from newsdesk.ui import main_window\n"
    "real_show = main_window.MainWindow.show\n"
    "def show(self):\n"
    "    real_show(self)\n"
    "    def type_and_say():\n"
    "        self.desk.editor.body.moveCursor(self.desk.editor.body.textCursor().MoveOperation.End)\n"
    "        self.desk.editor.body.insertPlainText(' Typed just before the signal.')\n"
    "        print('typed', flush=True)\n"
    "    QTimer.singleShot(0, type_and_say)\n"
    "main_window.MainWindow.show = show\n"
    "from newsdesk.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n")


def _window_until_signalled(args: list[str], number: int, tmp_path: Path
                            ) -> subprocess.CompletedProcess[str]:
    """The window started with ``args``; once it said "typed", signal ``number`` to its
    process group."""
    env = unmeasured(dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "config"),
                          TMPDIR=str(tmp_path / "tmp")))
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    (tmp_path / "tmp").mkdir(exist_ok=True)
    with subprocess.Popen([sys.executable, "-c", TYPIST, *args], env=env, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(REPO_ROOT),
                          start_new_session=True) as child:
        assert child.stdout is not None
        said = child.stdout.readline().strip()
        assert said == "typed", child.communicate(timeout=60)
        # To the whole process group, as a terminal's Ctrl+C or a session's end sends it:
        # the preview's renderer and WebEngine's processes get it too.
        os.killpg(child.pid, number)
        try:
            out, err = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            raise
    return subprocess.CompletedProcess(child.args, child.returncode, out, err)


QUIT = [signal.SIGTERM, signal.SIGINT, signal.SIGHUP]


@pytest.mark.parametrize("number", QUIT, ids=[s.name for s in QUIT])
def test_a_quit_signal_stores_the_story_releases_its_lock_and_ends(db, tmp_path, number):
    story = articles.create_article({"headline": "Budget approved",
                                     "body": "Parliament approved the budget."})
    result = _window_until_signalled(["--db", str(tmp_path / "test.sqlite3")], number,
                                     tmp_path)
    assert result.returncode == 128 + number, result.stderr[-2000:]
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert articles.get_article(story.id).body == ("Parliament approved the budget. Typed just "
                                                   "before the signal.")
    assert locks.current_lock(story.id) is None  # colleagues may edit it at once


def test_a_demo_killed_leaves_no_folder_behind(tmp_path):
    result = _window_until_signalled(["--demo"], signal.SIGTERM, tmp_path)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr[-2000:]
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.fixture
def window(db, window):
    """The shared window (tests/ui/conftest.py) with a story open."""
    story = articles.create_article({"headline": "Budget approved",
                                     "body": "Parliament approved the budget."})
    window.desk.open_article(story.id)
    return window


def test_a_window_choosing_between_versions_keeps_the_text_in_the_journal(qtbot, db, window):
    """While the user chooses between their version and a colleague's, the window does not
    close: the signal still ends the process, the unsaved text kept in the journal."""
    editor = window.desk.editor
    story_id = editor.article_id
    save_from_another_process(db, story_id)
    type_at_end(qtbot, editor.body, " Mine.")
    qtbot.waitUntil(lambda: editor.conflict_dialog is not None, timeout=4000)
    dialog = editor.conflict_dialog
    type_at_end(qtbot, editor.body, " Typed while choosing.")
    ended: list[int] = []
    quitting = QuitOnSignals(window, end=ended.append)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: ended != [])
    finally:
        quitting.uninstall()
    try:
        assert ended == [128 + signal.SIGTERM]
        assert window.isVisible()  # refused: the choice is the user's
        assert editor.conflict_dialog is dialog and dialog.isVisible()
        entry = editor.journal.read(story_id)
        assert entry is not None
        assert entry.fields["body"].endswith("Mine. Typed while choosing.")
        assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # as before
        assert signal.set_wakeup_fd(-1) == -1  # no wakeup left behind
    finally:
        dialog.keep_mine_button.click()  # no modal dialog left for the tests after this one

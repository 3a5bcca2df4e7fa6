"""Work that falls due together (after a pause in typing, or anything that held the GUI
thread) runs one piece per turn of the event loop: a key pressed meanwhile waits for one
piece, not for all of them, and every piece still runs."""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtWidgets import QApplication

from newsdesk.ui.turns import TurnQueue, turn_queue
from tests.ui import test_editor
from tests.ui.test_editor import stored, type_at_end, wait_saved

# The editor's own fixtures: the window with a story open.
story, window, editor = test_editor.story, test_editor.window, test_editor.editor


def test_the_journal_autosave_and_spell_check_due_together_run_a_turn_each(qtbot, editor,
                                                                           story):
    qtbot.waitUntil(lambda: editor.spelling.speller is not None, timeout=10_000)
    type_at_end(qtbot, editor.body, " Journalists objected.")
    time.sleep(editor.SAVE_IDLE_MS / 1000 + 0.2)  # the GUI thread held past every delay
    housekeeping = [editor.journal_timer, editor.reference_timer, editor.spelling,
                    editor.save_timer]
    QApplication.processEvents()  # every timer falls due in this one pass

    def waiting() -> int:
        return sum(turn_queue().queued(owner) for owner in housekeeping)

    assert waiting() == len(housekeeping)
    turns = 0
    while waiting():
        before = waiting()
        QApplication.processEvents()
        turns += 1
        assert waiting() >= before - 1  # one piece per turn at most
    assert turns >= len(housekeeping)
    wait_saved(qtbot, editor)
    assert stored(story.id).body.endswith(" Journalists objected.")


def test_leaving_the_story_drops_its_queued_autosave_and_saves(qtbot, editor, story):
    type_at_end(qtbot, editor.body, " Saved on leaving.")
    time.sleep(editor.SAVE_IDLE_MS / 1000 + 0.2)
    QApplication.processEvents()
    assert editor.save_timer.pending() and turn_queue().queued(editor.save_timer)
    assert editor.flush()  # what opening another story or closing the window does first
    assert not editor.save_timer.pending()
    assert stored(story.id).body.endswith(" Saved on leaving.")


def test_a_call_whose_owner_was_deleted_before_its_turn_is_skipped(qtbot):
    queue = TurnQueue()
    ran = []
    gone, kept = TurnQueue(), TurnQueue()  # any QObject will do as an owner
    queue.call_soon(gone, lambda: ran.append("gone"))
    queue.call_soon(kept, lambda: ran.append("kept"))
    queue.call_soon(kept, lambda: ran.append("kept twice"))  # one call per owner
    shiboken6.delete(gone)  # (deleteLater would wait for the test's own event loop)
    qtbot.waitUntil(lambda: ran == ["kept"], timeout=2000)
    qtbot.wait(50)
    assert ran == ["kept"]


def test_a_call_left_in_a_closed_window_is_skipped(qtbot):
    """A closed window's queued autosave or spell check would act on whatever database is
    open next (the next test's, the next story's window)."""
    from PySide6.QtCore import QObject

    from newsdesk.ui.workers import shut_down_jobs

    queue = TurnQueue()
    ran = []
    closed_window, open_window = QObject(), QObject()
    in_closed, in_open = QObject(closed_window), QObject(open_window)
    queue.call_soon(in_closed, lambda: ran.append("closed"))
    queue.call_soon(in_open, lambda: ran.append("open"))
    shut_down_jobs(closed_window)  # what closing the window does
    qtbot.waitUntil(lambda: ran == ["open"], timeout=2000)
    qtbot.wait(50)
    assert ran == ["open"] and not queue.queued(in_closed)

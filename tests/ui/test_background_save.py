"""The editor's timed autosave stores on a worker thread: typing goes on while the
database is slow (here: held by another program's write), nothing typed meanwhile is lost,
and whatever reads the stored story first waits for the store in flight."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest

from newsdesk.stories import articles
from tests.ui import test_editor
from tests.ui.test_desk import trash_elsewhere
from tests.ui.test_editor import READY_FIELDS, stored, type_at_end, wait_saved

# The editor's own fixtures: the window with a story open.
story, window, editor = test_editor.story, test_editor.window, test_editor.editor


class OtherProgram:
    """Another program's write transaction on the same file: every write waits for it."""

    def __init__(self, path: str) -> None:
        self.connection = sqlite3.connect(path, check_same_thread=False,
                                          isolation_level=None)

    def hold(self) -> None:
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.connection.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()


@pytest.fixture
def other_program(qtbot, db, window, story):
    # The tag panel's first pass tags the dateline's place, a write of its own: done
    # before the other program starts, so that only the autosave waits for it.
    qtbot.waitUntil(lambda: any(tag["relation"] == "located"
                                for tag in articles.tags_of(story.id)), timeout=10_000)
    other = OtherProgram(db.target)
    yield other
    if other.connection.in_transaction:
        other.release()
    other.close()


def test_typing_goes_on_while_the_autosave_waits_for_the_database(qtbot, editor, story,
                                                                  other_program):
    type_at_end(qtbot, editor.body, " Journalists objected.")
    other_program.hold()  # (for less than the 5 s a write waits, even on a slow machine)
    # The pause: the store starts and waits for the other program's write.
    qtbot.waitUntil(lambda: editor.save_state == "Saving...", timeout=3000)
    qtbot.wait(100)  # the window's event loop runs on meanwhile: this returns
    type_at_end(qtbot, editor.body, " Yes.")
    assert editor.body.toPlainText().endswith("Journalists objected. Yes.")
    assert editor.save_state == "Unsaved"
    assert "Journalists" not in stored(story.id).body
    other_program.release()
    # The store in flight had the first sentence; the next one saves the second.
    qtbot.waitUntil(lambda: "Journalists objected." in stored(story.id).body, timeout=5000)
    wait_saved(qtbot, editor, timeout=5000)
    assert stored(story.id).body.endswith("Journalists objected. Yes.")
    assert editor.version == stored(story.id).version
    assert editor.journal.read(story.id) is None
    assert not editor.problem.isVisible()


def test_text_typed_during_a_store_is_journalled_until_it_is_saved(qtbot, editor, story,
                                                                   other_program):
    type_at_end(qtbot, editor.body, " First.")
    other_program.hold()
    qtbot.waitUntil(lambda: editor.save_state == "Saving...", timeout=3000)
    type_at_end(qtbot, editor.body, " 2nd.")
    other_program.release()
    editor.settle()
    # Stored up to " First."; " 2nd." is on screen, still to be saved, and reaches
    # the recovery journal (written against the version just stored).
    assert stored(story.id).body.endswith(" First.")
    assert editor.dirty and editor.save_state == "Unsaved"
    qtbot.waitUntil(lambda: (entry := editor.journal.read(story.id)) is not None
                    and entry.fields["body"].endswith(" 2nd.")
                    and entry.base_version == stored(story.id).version, timeout=3000)
    wait_saved(qtbot, editor, timeout=5000)
    assert stored(story.id).body.endswith(" First. 2nd.")


def test_ctrl_s_and_leaving_the_story_wait_for_the_store_in_flight(qtbot, window, editor,
                                                                   story, other_program):
    other = articles.create_article(dict(READY_FIELDS, headline="Another story"))
    window.desk.article_list.refresh()
    type_at_end(qtbot, editor.body, " Waited for.")
    other_program.hold()
    qtbot.waitUntil(lambda: editor.save_state == "Saving...", timeout=3000)
    version = stored(story.id).version
    threading.Timer(0.3, other_program.release).start()
    assert editor.save_now()  # waits for the store, then saves on from its version
    assert stored(story.id).body.endswith(" Waited for.")
    assert stored(story.id).version == version + 2  # the autosave, then Ctrl+S
    assert editor.conflict_dialog is None and editor.save_state == "Saved"
    # Leaving a story while its store waits: the store lands, the next story opens.
    type_at_end(qtbot, editor.body, " And left.")
    other_program.hold()
    qtbot.waitUntil(lambda: editor.save_state == "Saving...", timeout=3000)
    threading.Timer(0.3, other_program.release).start()
    window.desk.open_article(other.id)
    assert editor.article_id == other.id
    assert stored(story.id).body.endswith(" Waited for. And left.")
    assert editor.journal.read(story.id) is None


def test_colleagues_changes_are_checked_after_the_store_in_flight_not_waited_for(
        qtbot, db, window, editor, story, other_program):
    # The window's change timer (every 2 s) asks whether the open story went to the
    # trash. It used to wait for the store in flight first, and a store waiting for a
    # locked file held the window with it, for up to the 5 s busy wait (CI saw the
    # test above miss "Saving..." that way).
    type_at_end(qtbot, editor.body, " Held up.")
    other_program.hold()
    qtbot.waitUntil(lambda: editor.save_state == "Saving...", timeout=3000)
    window.desk.colleagues_changed_stories()  # what the change timer calls
    assert editor.background_save.busy() and editor.save_state == "Saving..."  # no wait
    other_program.release()
    # The store lands on its worker; a colleague then trashes the story before the
    # window has heard of either (no event runs until the wait below).
    deadline = time.monotonic() + 5
    while "Held up." not in stored(story.id).body:
        assert time.monotonic() < deadline, "the store never landed"
        time.sleep(0.01)
    trash_elsewhere(db, story.id)
    # The check put off above runs once the store's outcome is in.
    qtbot.waitUntil(lambda: editor.in_trash, timeout=3000)
    assert editor.read_only and editor.trash_banner.isVisible()
    assert editor.save_state == "Saved"  # the store before the trash was whole


def test_a_database_held_longer_than_the_busy_wait_is_retried_on_the_worker(
        qtbot, db, editor, story, other_program):
    # Another program (a long import) holds the file past the busy wait: the store
    # fails, the text waits in the journal, and each retry waits on the worker again,
    # never in the window (a retry on the GUI thread froze it for every busy wait).
    db.database.pragma("busy_timeout", 300, permanent=True)  # the 5 s wait, shortened
    editor.RETRY_MS = 300
    editor.retry_timer.setInterval(300)
    type_at_end(qtbot, editor.body, " Held for long.")
    other_program.hold()
    qtbot.waitUntil(lambda: editor.problem.isVisible(), timeout=4000)
    assert "locked by another program" in editor.problem.text()
    assert editor.journal.read(story.id).fields["body"].endswith(" Held for long.")
    # The retry: on the worker, the window free meanwhile.
    qtbot.waitUntil(lambda: editor.background_save.busy(), timeout=3000)
    assert editor.save_state == "Saving..."
    other_program.release()
    wait_saved(qtbot, editor, timeout=5000)
    assert stored(story.id).body.endswith(" Held for long.")
    assert not editor.problem.isVisible() and editor.journal.read(story.id) is None


def test_a_store_refused_by_a_status_move_saves_on_from_the_moved_version(qtbot, editor,
                                                                          story):
    type_at_end(qtbot, editor.body, " Typed before the move.")
    # A colleague (the list, another window) moves the story meanwhile: the store the
    # pause starts meets a newer version whose text is still the one edited from.
    articles.set_status(story.id, "ready")
    wait_saved(qtbot, editor)
    assert editor.conflict_dialog is None
    assert stored(story.id).body.endswith(" Typed before the move.")
    assert stored(story.id).status == "ready"
    assert editor.status.currentData() == "ready"


def test_a_read_only_disk_met_by_the_worker_keeps_the_text_and_retries(qtbot, db, editor,
                                                                       story):
    editor.RETRY_MS = 300
    editor.retry_timer.setInterval(300)
    db.database.pragma("query_only", 1, permanent=True)
    type_at_end(qtbot, editor.body, " Kept.")
    qtbot.waitUntil(lambda: editor.problem.isVisible(), timeout=4000)
    assert "read-only" in editor.problem.text()
    assert editor.journal.read(story.id).fields["body"].endswith(" Kept.")
    db.database.pragma("query_only", 0, permanent=True)
    wait_saved(qtbot, editor, timeout=3000)
    assert stored(story.id).body.endswith(" Kept.")


def test_the_autosave_worker_keeps_its_connection_to_the_file_between_stores(qtbot, db,
                                                                            editor, story):
    """Each store opened a connection: the connect, its pragmas and a read of the schema
    cost the worker 3-4 ms, beside the keystroke the autosave lands on."""
    connected_on = []
    connect = db.database._connect

    def counted_connect():
        connected_on.append(threading.current_thread().name)
        return connect()

    db.database._connect = counted_connect
    try:
        for words in (" One.", " Two.", " Three."):
            type_at_end(qtbot, editor.body, words)
            wait_saved(qtbot, editor, timeout=5000)
    finally:
        del db.database._connect
    assert stored(story.id).body.endswith(" One. Two. Three.")
    assert [name for name in connected_on if name.startswith("autosave")] == ["autosave_0"]


def test_a_closed_window_stores_nothing_typed_after_its_close(qtbot, window, editor, story):
    """Closing saves; anything after it (a late edit, a timer already due) must not
    store into the database, which by then may be another window's or another test's."""
    type_at_end(qtbot, editor.body, " Before closing.")
    window.close()
    assert stored(story.id).body.endswith(" Before closing.")
    before = stored(story.id).version
    type_at_end(qtbot, editor.body, " After closing.")
    qtbot.wait(editor.SAVE_IDLE_MS + 300)
    editor.settle()  # what any later read of the stored story does first
    assert not editor.background_save.busy()
    assert stored(story.id).version == before
    assert not stored(story.id).body.endswith(" After closing.")

"""The window's background jobs when the database fails under them (issue 15).

A job runs on the runner's thread with a connection of its own; a database locked by
another program, damaged on disk or deleted while the window is open ends the job with
the line the command line prints for it, where the job's outcome is shown (the export
dialog's summary, the review import's warning), never "unexpected error".
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from newsdesk.store.failures import BUSY_WAIT_S
from newsdesk.store.models import Review
from tests.review_helpers import record, write_json

EXPORT_TIMEOUT_MS = 30_000


def _database_file(main_window) -> Path:
    return Path(main_window.opened.target)


def _export_from_the_dialog(main_window, qtbot, out: Path) -> str:
    """File > Export into ``out``; what the dialog says when the job has ended."""
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = main_window.export_dialog
    qtbot.addWidget(dialog)
    dialog.folder_edit.clear()
    qtbot.keyClicks(dialog.folder_edit, str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=EXPORT_TIMEOUT_MS)
    return dialog.summary_label.text()


@contextmanager
def story_table_damaged(path: Path) -> Iterator[str]:
    """The story table's root page overwritten in the file (everything checkpointed into
    it first, so no page is read from the write-ahead log instead), and put back after
    the block (the window, closing, reads stories on its own thread); yields the damaged
    file's digest."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'article'").fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        page = handle.read(page_size)
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    try:
        yield hashlib.sha256(path.read_bytes()).hexdigest()
    finally:
        with path.open("r+b") as handle:
            handle.seek((root - 1) * page_size)
            handle.write(page)


def test_an_export_from_a_damaged_database_says_so_in_the_dialog(main_window, qtbot,
                                                                 tmp_path):
    path = _database_file(main_window)
    # The side panels read the story as they are built, after the first frame: built
    # before the damage, so the window's own connection caches no damaged page (the damage
    # is done behind SQLite's back, and put back after the block).
    desk = main_window.desk
    assert desk.tag_panel and desk.pictures_panel and desk.translations_panel
    with story_table_damaged(path) as damaged:
        summary = _export_from_the_dialog(main_window, qtbot, tmp_path / "site")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == damaged  # nothing written
    assert summary == (f"Export failed: {path}: the database file is damaged; restore it "
                       "from a backup (database disk image is malformed)")
    assert not (tmp_path / "site").exists()


def test_an_export_after_the_database_was_deleted_says_so_and_makes_no_new_file(
        main_window, qtbot, tmp_path):
    path = _database_file(main_window)
    path.unlink()  # the window's own connection still holds the deleted file
    summary = _export_from_the_dialog(main_window, qtbot, tmp_path / "site")
    assert summary == (f"Export failed: {path}: cannot open the database file; was it moved "
                       "or deleted? (unable to open database file)")
    assert not path.exists()  # the job did not start an empty newsroom in its place
    assert not (tmp_path / "site").exists()


def test_a_review_import_while_another_program_holds_the_database(main_window, qtbot,
                                                                  tmp_path):
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    panel = main_window.moderation
    assert panel.isVisible()
    reviews_file = write_json(tmp_path / "reviews.json", [
        record("held-1", article="parliament-passes-amended-media-law")])
    before = Review.select().count()
    holder = sqlite3.connect(_database_file(main_window), isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE setting SET value = value")
        with qtbot.waitSignal(panel.import_finished,
                              timeout=(BUSY_WAIT_S + 20) * 1000) as finished:
            panel.import_file(reviews_file)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    line = (f"{_database_file(main_window)}: the database is locked by another program "
            f"(waited {BUSY_WAIT_S} s); try again when it is done")
    assert finished.args == [False, line]
    [box] = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QMessageBox) and w.isVisible()]
    assert box.text() == line
    box.close()
    assert Review.select().count() == before

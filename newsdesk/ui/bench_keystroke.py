"""Drives the editor for the ``keystroke`` benchmark (Qt code, so it lives in ``ui/``).

Types a burst of keystrokes at a steady pace into the middle of a long story and times how
long the GUI thread is busy for each one: the key event itself plus every event and timer it
leads to (highlighting, counts, the recovery journal, autosave, and in the full window the
preview's body swap, the tag panel's pass, the story list's row update), measured by processing the
event queue to empty after each key. The floor is the same burst into a bare
QPlainTextEdit holding the same text.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from newsdesk.store.db import open_database
from newsdesk.stories import articles
from newsdesk.ui.settings import LAST_STORY, ini_settings

PHRASE = "the minister said on tuesday that talks would resume in baku "


@dataclass(frozen=True)
class Burst:
    times: list[float]  # seconds of GUI-thread work per keystroke

    @property
    def longest(self) -> float:
        return max(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def type_burst(editor: QPlainTextEdit, keystrokes: int, pace_s: float,
               warmup: int = 10, pause_s: float = 0.0) -> Burst:
    """Type ``keystrokes`` characters into the middle of ``editor``, one every ``pace_s``,
    with one pause of ``pause_s`` halfway, long enough for autosave to fall due. Work that
    fell due while waiting runs at the start of the next key's measured time, so the
    autosave is counted against the key after the pause (the user pressing a key just as
    the save starts: the worst case)."""
    app = QApplication.instance()
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().characterCount() // 2)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    app.processEvents()
    times = []
    next_key = time.perf_counter()
    for index in range(warmup + keystrokes):
        if index == warmup + keystrokes // 2:
            # The pause counts from the last key, not from the schedule: keys that ran late
            # (a loaded machine) would otherwise eat into it, and autosave would not fall due.
            next_key = max(next_key, time.perf_counter()) + pause_s
        next_key += pace_s
        pause = next_key - time.perf_counter()
        if pause > 0:
            time.sleep(pause)  # the user's pause; timers that fell due run with the next key
        start = time.perf_counter()
        app.processEvents()  # timers that fell due in the pause (autosave) delay this key
        QTest.keyClicks(editor, PHRASE[index % len(PHRASE)])
        app.processEvents()
        elapsed = time.perf_counter() - start
        if index >= warmup:
            times.append(elapsed)
    return Burst(times)


def measure(body: str, workdir: Path, keystrokes: int = 200, pace_s: float = 0.012,
            rounds: int = 3, pause_s: float = 1.2) -> tuple[Burst, Burst]:
    """(editor, bare QPlainTextEdit) bursts; each figure is the median of ``rounds``.

    The editor is the real window's, with everything a keystroke reaches attached: the
    live preview, the tag panel, the story list and the status bar."""
    from newsdesk.ui.main_window import MainWindow

    opened = open_database(str(workdir / "keystroke.sqlite3"), create=True)
    try:
        story = articles.create_article({"headline": "Keystroke benchmark", "body": body})
        settings = ini_settings(workdir / "settings.ini")
        LAST_STORY.write(settings, story.id)
        window = MainWindow(opened, settings)
        bare = QPlainTextEdit()
        try:
            return _bursts(window, bare, story.id, body, keystrokes, pace_s, rounds, pause_s)
        finally:
            window.desk.editor.cancel_timers()
            window.change_timer.stop()
            window.change_watcher.close()
            for widget in (window, bare):
                widget.hide()
                widget.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        opened.close()


def _bursts(window, bare: QPlainTextEdit, article_id: int, body: str, keystrokes: int,
            pace_s: float, rounds: int, pause_s: float) -> tuple[Burst, Burst]:
    panel = window.desk.editor
    window.resize(1400, 900)
    window.show()
    bare.resize(900, 1000)
    bare.show()
    if panel.article_id != article_id:
        window.desk.open_article(article_id)
    _settle(window)
    editor_runs, floor_runs = [], []
    for _ in range(rounds):
        bare.setPlainText(body)
        floor_runs.append(type_burst(bare, keystrokes, pace_s, pause_s=pause_s))
        saves = panel.version
        editor_runs.append(type_burst(panel.body, keystrokes, pace_s, pause_s=pause_s))
        panel.settle()  # the autosave the pause started may still be storing on its worker
        if pause_s > panel.SAVE_IDLE_MS / 1000 and panel.version == saves:
            raise RuntimeError("keystroke bench: no autosave happened during the burst")
        panel.autosave()
        _settle(window)
    if articles.get_article(article_id).body != panel.body.toPlainText():
        raise RuntimeError("keystroke bench: autosave did not store the typed text")
    return _median_run(editor_runs), _median_run(floor_runs)


def _settle(window, timeout_s: float = 15.0) -> None:
    """Wait until the preview shows the latest text (the window as a user sees it before
    typing: page loaded, first render done), so a burst never measures the first load."""
    preview = window.desk.preview
    deadline = time.perf_counter() + timeout_s
    app = QApplication.instance()
    while not preview.is_current() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    app.processEvents()


def _median_run(runs: list[Burst], key: Callable[[Burst], float] = lambda b: b.longest) -> Burst:
    return sorted(runs, key=key)[len(runs) // 2]

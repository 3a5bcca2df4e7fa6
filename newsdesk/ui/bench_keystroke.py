"""Drives the editor for the ``keystroke`` benchmark (Qt code, so it lives in ``ui/``).

Types a burst of keystrokes at a steady pace into the middle of a long story and times how
long the GUI thread is busy for each one: the key event itself plus every event and timer it
leads to (highlighting, counts, the recovery journal, autosave), measured by processing the
event queue to empty after each key. The floor is the same burst into a bare
QPlainTextEdit holding the same text.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from newsdesk import articles
from newsdesk.recovery import RecoveryJournal
from newsdesk.store.db import open_database

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
               warmup: int = 10) -> Burst:
    """Type ``keystrokes`` characters into the middle of ``editor``, one every ``pace_s``."""
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
        next_key += pace_s
        pause = next_key - time.perf_counter()
        if pause > 0:
            time.sleep(pause)  # the user's pause; timers that fell due run with the next key
        start = time.perf_counter()
        QTest.keyClicks(editor, PHRASE[index % len(PHRASE)])
        app.processEvents()
        elapsed = time.perf_counter() - start
        if index >= warmup:
            times.append(elapsed)
    return Burst(times)


def measure(body: str, workdir: Path, keystrokes: int = 200, pace_s: float = 0.012,
            rounds: int = 3) -> tuple[Burst, Burst]:
    """(editor, bare QPlainTextEdit) bursts; each figure is the median of ``rounds``."""
    from newsdesk.ui.editor import EditorPanel

    opened = open_database(str(workdir / "keystroke.sqlite3"), create=True)
    try:
        story = articles.create_article({"headline": "Keystroke benchmark", "body": body})
        settings = QSettings(str(workdir / "settings.ini"), QSettings.Format.IniFormat)
        panel = EditorPanel(settings, journal=RecoveryJournal(workdir / "journal"))
        panel.counts_changed.connect(lambda words, chars: f"{words} words · {chars}")
        panel.resize(900, 1000)
        panel.show()
        panel.open_article(story.id)
        bare = QPlainTextEdit()
        bare.resize(900, 1000)
        bare.show()
        editor_runs, floor_runs = [], []
        for _ in range(rounds):
            bare.setPlainText(body)
            floor_runs.append(type_burst(bare, keystrokes, pace_s))
            editor_runs.append(type_burst(panel.body, keystrokes, pace_s))
            panel.autosave()
        saved = articles.get_article(story.id).body
        if saved != panel.body.toPlainText():
            raise RuntimeError("keystroke bench: autosave did not store the typed text")
        panel.close()
        bare.close()
        return _median_run(editor_runs), _median_run(floor_runs)
    finally:
        opened.close()


def _median_run(runs: list[Burst], key: Callable[[Burst], float] = lambda b: b.longest) -> Burst:
    return sorted(runs, key=key)[len(runs) // 2]

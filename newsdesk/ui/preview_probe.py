"""Drives the real window for the ``preview-latency`` benchmark (Qt lives in ui/ only)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

WAIT_S = 30.0


def _spin_until(condition, timeout: float = WAIT_S) -> None:
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("the preview did not show the edit in time")
        QApplication.processEvents()
        time.sleep(0.0005)


def _idle(seconds: float) -> None:
    end = time.perf_counter() + seconds
    _spin_until(lambda: time.perf_counter() >= end)


def keystroke_latencies(fields: Mapping[str, Any], runs: int = 15) -> list[float]:
    """Seconds from each of ``runs`` keystrokes (typed into the story body of the real
    window, off-screen) to the preview page reporting that it shows the edit."""
    from newsdesk.ui.app import create_application, prepare_environment

    prepare_environment(offscreen=True)
    create_application()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from newsdesk.store.db import open_database
    from newsdesk.stories import articles
    from newsdesk.ui.main_window import MainWindow
    from newsdesk.ui.settings import ini_settings

    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-preview-") as folder:
        opened = open_database(str(Path(folder) / "bench.sqlite3"), create=True)
        try:
            article = articles.create_article(dict(fields))
            settings = ini_settings(Path(folder) / "settings.ini")
            window = MainWindow(opened, settings)
            window.resize(1400, 900)
            window.show()
            desk = window.desk
            desk.open_article(article.id)
            preview, body = desk.preview, desk.editor.body
            _spin_until(lambda: preview.shows_body(body.toPlainText()))
            body.setFocus()
            body.moveCursor(QTextCursor.MoveOperation.End)
            latencies = []
            for _ in range(runs + 2):
                _idle(0.25)
                start = time.perf_counter()
                QTest.keyClick(body, Qt.Key.Key_X)
                typed = body.toPlainText()
                _spin_until(lambda typed=typed: preview.shows_body(typed))
                latencies.append(time.perf_counter() - start)
            window.close()
            window.deleteLater()
        finally:
            opened.close()
    return latencies[2:]  # the first keystrokes warm caches up

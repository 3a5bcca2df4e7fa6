"""Resize the real window as a user's screen would have it, and let the layouts settle."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QMainWindow


def at_size(qtbot, window: QMainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.size() == QSize(width, height))
    # Splitters and headers lay out in posted events; a few rounds settle them.
    for _ in range(3):
        QApplication.processEvents()

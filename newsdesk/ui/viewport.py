"""A scroll area's viewport, without the cost of asking for it.

Asked with ``viewport()`` for the first time, PySide6 must find out the Python type of a
widget Qt made (a plain ``QWidget``), and on the way builds every widget class of
QtWidgets it has not built yet, with their enums: ~6 ms, once, at the window's start.
Found by its name among the area's children it comes typed as asked, at no such cost (and
``viewport()`` returns the same object from then on).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"  # what Qt names the viewport it makes


def viewport_of(area: QAbstractScrollArea) -> QWidget:
    found = area.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    if found is not None and found is area.viewport():
        return found
    return area.viewport()  # one set by setViewport(), or another Qt's naming

"""What the editor and the Desk need of pictures before the Pictures tab's panel is
built (``pictures_panel``, after the window's first frame): the formats a drop or paste
brings, and the Add picture and Insert in body actions with their shortcuts (in the File
menu and live in the whole Desk from the start)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from newsdesk.ui.i18n import tr
from newsdesk.ui.icons import icon_later

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
# A picture dragged from the strip: its reference, which the body puts where it is dropped.
REFERENCE_MIME = "application/x-newsdesk-picture-reference"


class Incoming(NamedTuple):
    """An image to add: its bytes (read on the worker when None) and its name."""

    name: str
    data: bytes | None = None


def images_in(mime: QMimeData) -> list[Incoming]:
    """The images a drop or paste brings: local image files, else an image itself
    (a screenshot, a picture copied from a browser) as PNG."""
    files = [Incoming(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()
             and Path(url.toLocalFile()).suffix.lower() in IMAGE_SUFFIXES]
    if files:
        return files
    if mime.hasImage():
        # Here, not at the top: PySide6 builds a type's enums when it is first imported,
        # and these three cost the window's start ~2 ms for a paste that may never come.
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtGui import QImage

        image = QImage(mime.imageData())
        if not image.isNull():
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            image.save(buffer, "PNG")
            return [Incoming(tr("pasted picture.png"), bytes(buffer.data().data()))]
    return []


class PictureActions:
    """Add picture (``Ctrl+Shift+I``) and Insert in body (``Ctrl+Shift+B``); whoever
    makes them connects their ``triggered``."""

    def __init__(self, parent: QObject) -> None:
        # Not on screen at the start (a menu's, a hidden tab's): icons after the first frame.
        self.add = QAction(tr("Add &picture..."), parent)
        icon_later(self.add, "mdi6.image-plus")
        self.add.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.add.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.insert = QAction(tr("&Insert in body"), parent)
        icon_later(self.insert, "mdi6.image-move")
        self.insert.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.insert.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.insert.setToolTip(tr("Place the selected picture in the body at the cursor "
                                  "(Ctrl+Shift+B); or drag its thumbnail onto the text"))
        self.insert.setEnabled(False)  # nothing selected yet

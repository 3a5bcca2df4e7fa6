"""Icons drawn from the icon font, kept as PNG files in the user's cache folder.

Drawing an icon means loading qtawesome's 1.3 MB font into Qt and painting the glyph at
each size: ~0.4 ms an icon, ~5 ms of every start for the dozen on screen. The drawn
pixmaps are written once; later starts give Qt the files, which it reads when an icon is
first painted. A folder per font file and text colour: another qtawesome or palette
draws its own.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from newsdesk.user_folders import cache_folder

# Glyph names as qtawesome's charmap has them; anything else is drawn, never kept.
_GLYPH = re.compile(r"[a-z0-9][a-z0-9-]*")


class DrawnIcons:
    """The kept icons of one font file and colour, at ``sizes``."""

    def __init__(self, folder: Path, sizes: tuple[int, ...]) -> None:
        self.folder = folder
        self.sizes = sizes
        self._names: set[str] | None = None  # the folder's files, listed once

    @classmethod
    def for_font(cls, font_file: Path, colour: int, sizes: tuple[int, ...]) -> DrawnIcons:
        """The store in the user's cache folder for icons drawn from ``font_file`` in
        ``colour`` (``QColor.rgba()``)."""
        root = cache_folder("icons")
        return cls(root / f"{font_file.stem}-{colour:08x}", sizes)

    def icon(self, glyph: str) -> QIcon | None:
        """The kept icon of ``glyph`` at every size, or None if it was never kept."""
        if not _GLYPH.fullmatch(glyph):
            return None
        if self._names is None:
            try:
                self._names = set(os.listdir(self.folder))
            except OSError:
                self._names = set()
        files = [self._file_name(glyph, size) for size in self.sizes]
        if not all(name in self._names for name in files):
            return None
        kept = QIcon()
        for size, name in zip(self.sizes, files, strict=True):
            kept.addFile(str(self.folder / name), QSize(size, size))
        return kept

    def keep(self, glyph: str, drawn: QIcon) -> None:
        """Write ``drawn``'s pixmaps (one per size); a folder that cannot be written to
        keeps nothing, and the icon is drawn again at the next start."""
        if not _GLYPH.fullmatch(glyph):
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for size in self.sizes:
                name = self._file_name(glyph, size)
                # Written aside, then renamed: another window starting meanwhile reads a
                # whole file or none.
                partial = self.folder / f".{name}.{os.getpid()}.part"
                if not drawn.pixmap(size, size).save(str(partial), "PNG"):
                    partial.unlink(missing_ok=True)
                    return
                os.replace(partial, self.folder / name)
                if self._names is not None:
                    self._names.add(name)
        except OSError:
            return

    @staticmethod
    def _file_name(glyph: str, size: int) -> str:
        return f"{glyph}-{size}.png"

"""Icons: qtawesome for actions, the shipped SVG for the application."""

from __future__ import annotations

import qtawesome
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from newsdesk.assets import resource_path

# The sizes Qt asks for in menus, tabs, buttons and toolbars (it scales from the nearest).
BAKED_SIZES = (16, 24, 32)
_baked: dict[str, QIcon] = {}


def icon(name: str, **options) -> QIcon:
    """A qtawesome icon (``"mdi6.newspaper"``) in the palette's text colour, as pixmaps.

    Baked once into plain pixmaps: qtawesome's own icon paints through a Python
    QIconEngine on every repaint, which costs GUI-thread time on each keystroke's repaint
    and, with PySide6 on Python 3.11, drops a reference to ``None`` per paint until the
    interpreter aborts ("none_dealloc") after a long session of repaints.
    """
    key = f"{name}|{sorted(options.items())!r}"
    baked = _baked.get(key)
    if baked is None:
        source = qtawesome.icon(name, **options)
        baked = QIcon()
        for size in BAKED_SIZES:  # Qt derives the disabled look from these
            baked.addPixmap(source.pixmap(QSize(size, size)))
        _baked[key] = baked
    return QIcon(baked)


def app_icon() -> QIcon:
    """The application icon from its rendered PNG sizes (the SVG where they are missing).

    PNGs rather than the SVG (``packaging/render_icons.py`` renders them): X11 taskbars ask
    for small pixmaps, and a Qt without its SVG plugins would show no icon at all.
    """
    folder = resource_path("icons")
    sized = sorted(folder.glob("newsdesk-*.png")) if folder.is_dir() else []
    svg = folder / "newsdesk.svg"
    if not sized:
        return QIcon(str(svg)) if svg.exists() else icon("mdi6.newspaper-variant-outline")
    result = QIcon()
    for path in sized:
        result.addFile(str(path))
    return result

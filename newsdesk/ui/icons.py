"""Icons: qtawesome for actions, the shipped SVG for the application."""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QIcon

from newsdesk.assets import resource_path


def icon(name: str, **options) -> QIcon:
    """A qtawesome icon (``"mdi6.newspaper"``) that follows the palette's text colour."""
    return qtawesome.icon(name, **options)


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

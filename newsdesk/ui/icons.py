"""Icons: qtawesome for actions, the shipped SVG for the application."""

from __future__ import annotations

import qtawesome
from PySide6.QtGui import QIcon

from newsdesk.assets import resource_path


def icon(name: str, **options) -> QIcon:
    """A qtawesome icon (``"mdi6.newspaper"``) that follows the palette's text colour."""
    return qtawesome.icon(name, **options)


def app_icon() -> QIcon:
    path = resource_path("icons", "newsdesk.svg")
    return QIcon(str(path)) if path.exists() else icon("mdi6.newspaper-variant-outline")

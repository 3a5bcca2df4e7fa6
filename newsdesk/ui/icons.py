"""Icons: qtawesome's for actions (kept by ``icon_store``, drawn by ``icon_font``), the
shipped PNGs for the application."""

from __future__ import annotations

import importlib.util
import weakref
from functools import cache
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from newsdesk.assets import resource_path
from newsdesk.ui.icon_store import DrawnIcons

# The sizes Qt asks for in menus, tabs, buttons and toolbars (it scales from the nearest).
BAKED_SIZES = (16, 24, 32)
_baked: dict[str, QIcon] = {}


class HasIcon(Protocol):
    def setIcon(self, icon: QIcon, /) -> None: ...  # noqa: N802 (Qt's name)


# Icons of actions and buttons off screen at the start, baked after the first frame.
_later: list[tuple[weakref.ref[HasIcon], str]] = []
_on_screen = False


def icon(name: str, **options) -> QIcon:
    """A Material Design icon (``"mdi6.newspaper"``) in the palette's text colour, as
    pixmaps.

    Baked once into plain pixmaps: qtawesome's own icon paints through a Python
    QIconEngine on every repaint, which costs GUI-thread time on each keystroke's repaint
    and, with PySide6 on Python 3.11, drops a reference to ``None`` per paint until the
    interpreter aborts ("none_dealloc") after a long session of repaints. Plain ``mdi6``
    icons are drawn here from qtawesome's font file without importing qtawesome (its
    import, through qtpy, costs about 0.3 s of startup); anything else goes through it.
    """
    key = f"{name}|{sorted(options.items())!r}"
    baked = _baked.get(key)
    if baked is None:
        baked = _mdi6_icon(name) if not options else None
        if baked is None:
            baked = _qtawesome_icon(name, **options)
        _baked[key] = baked
    return QIcon(baked)


def icon_later(target: HasIcon, name: str) -> None:
    """Give ``target`` (an action, button or menu not on screen at the start: a menu's, a
    hidden tab's, a context menu's) its icon once the window has painted its first frame
    (``bake_later_icons``), or at once after that. Each icon costs about 0.3 ms to bake;
    a third of the window's were baked at start for nothing on screen."""
    if _on_screen:
        target.setIcon(icon(name))
    else:
        _later.append((weakref.ref(target), name))


def bake_later_icons() -> None:
    """The window is on screen: the icons put off by ``icon_later`` now (the window calls
    this after its first frame; before anyone can open a menu)."""
    global _on_screen
    _on_screen = True
    pending = list(_later)
    _later.clear()
    for target_ref, name in pending:
        target = target_ref()
        if target is None:
            continue
        try:
            target.setIcon(icon(name))
        except RuntimeError:
            pass  # its widget was deleted meanwhile


def _qtawesome_icon(name: str, **options) -> QIcon:
    import qtawesome

    source = qtawesome.icon(name, **options)
    baked = QIcon()
    for size in BAKED_SIZES:  # Qt derives the disabled look from these
        baked.addPixmap(source.pixmap(QSize(size, size)))
    return baked


@cache
def _mdi6_files() -> tuple[Path, Path] | None:
    """(font file, charmap file) of qtawesome's Material Design font, its newest."""
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    font_files = sorted(fonts.glob("materialdesignicons6-webfont-[0-9]*.ttf"))
    charmaps = sorted(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))
    if not font_files or not charmaps:
        return None
    return font_files[-1], charmaps[-1]


def _mdi6_icon(name: str) -> QIcon | None:
    """A Material Design icon as kept by an earlier start, else drawn (and kept)."""
    prefix, _, glyph = name.partition(".")
    files = _mdi6_files() if prefix == "mdi6" else None
    if files is None:
        return None
    colour = QGuiApplication.palette().color(QPalette.ColorGroup.Normal,
                                             QPalette.ColorRole.WindowText)
    store = _drawn_icons(files[0], colour.rgba())
    kept = store.icon(glyph)
    if kept is not None:
        return kept
    from newsdesk.ui.icon_font import draw_glyph

    drawn = draw_glyph(files, glyph, colour, BAKED_SIZES)
    if drawn is not None:
        store.keep(glyph, drawn)
    return drawn


@cache
def _drawn_icons(font_file: Path, colour: int) -> DrawnIcons:
    return DrawnIcons.for_font(font_file, colour, BAKED_SIZES)


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

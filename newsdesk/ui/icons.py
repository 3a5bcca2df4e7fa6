"""Icons: qtawesome for actions, the shipped SVG for the application."""

from __future__ import annotations

import importlib.util
import json
import weakref
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)

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


class _Codes(Mapping[str, str]):
    """Icon name -> character code in hex, found by name in the text of qtawesome's
    charmap (JSON): parsing its 7,000 entries cost each start ~3 ms for the dozen icons
    on screen."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, str | None] = {}

    def __getitem__(self, name: str) -> str:
        if name not in self._found:
            self._found[name] = self._look_up(name)
        code = self._found[name]
        if code is None:
            raise KeyError(name)
        return code

    def _look_up(self, name: str) -> str | None:
        key = json.dumps(name)  # quoted (and escaped) as the file has it
        at = self.text.find(key)
        while at >= 0:
            rest = self.text[at + len(key):at + len(key) + 64].lstrip()
            if rest.startswith(":"):  # a key, not a value that happens to match
                value = rest[1:].lstrip()
                if value.startswith('"'):
                    return str(json.loads(value[:value.index('"', 1) + 1]))
            at = self.text.find(key, at + 1)
        return None

    def __iter__(self) -> Iterator[str]:
        return iter(json.loads(self.text))

    def __len__(self) -> int:
        return len(json.loads(self.text))


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


@cache
def _mdi6_font() -> tuple[str, Mapping[str, str]] | None:
    """(font family, icon name -> character code in hex) of qtawesome's Material Design
    font (the codes turned into characters only for the icons asked for: 7,000 of them
    at each start showed in its profile)."""
    files = _mdi6_files()
    if files is None:
        return None
    font_file, charmap = files
    font_id = QFontDatabase.addApplicationFont(str(font_file))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    return families[0], _Codes(charmap.read_text(encoding="utf-8"))


@cache
def _glyph_font(family: str, size: int) -> tuple[QFont, QFontMetricsF]:
    font = QFont(family)
    font.setPixelSize(round(size * 0.875))  # qtawesome's proportion
    return font, QFontMetricsF(font)


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
    drawn = _draw_mdi6(glyph, colour)
    if drawn is not None:
        store.keep(glyph, drawn)
    return drawn


@cache
def _drawn_icons(font_file: Path, colour: int) -> DrawnIcons:
    return DrawnIcons.for_font(font_file, colour, BAKED_SIZES)


def _draw_mdi6(glyph: str, colour: QColor) -> QIcon | None:
    font = _mdi6_font()
    code = font[1].get(glyph) if font else None
    if font is None or code is None:
        return None
    char = chr(int(code, 16))
    baked = QIcon()
    for size in BAKED_SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        qfont, metrics = _glyph_font(font[0], size)
        painter.setFont(qfont)
        painter.setPen(colour)
        # Centred by hand at a point: the same pixels as drawText into a rectangle with
        # AlignCenter, at half the cost (no text layout for one glyph; 49 icons at start).
        painter.drawText(QPointF((size - metrics.horizontalAdvance(char)) / 2,
                                 (size - metrics.height()) / 2 + metrics.ascent()), char)
        painter.end()
        baked.addPixmap(pixmap)
    return baked


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

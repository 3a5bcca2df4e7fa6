"""Every setting the window remembers, declared once: stored key, type, default, meaning.

The settings live in a ``QSettings`` store: the platform's own for the user, an ini file
for the demo, the benchmarks and the tests. The window is built with one store and hands
it to its panels; they read and write it only through the options below, so a key is
spelled once and every value comes back in its declared type, whatever the store held
(an ini file gives back strings: ``"42"`` for 42, ``["p", "q"]`` for ``p, q``).

Nothing here touches a store at import time: an option is a declaration until it is
handed the store to read or write.

The stored keys are what existing users' settings hold: never rename one.

The newsroom's shared settings (site address, review e-mail, moderation limits) are not
here: they belong to the database (``store``'s ``Setting`` table), not to one user.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Generic, NamedTuple, TypeVar

from PySide6.QtCore import QByteArray, QSettings

from newsdesk.stories.identity import default_user_name

T = TypeVar("T")


def _as_text(raw: object) -> str | None:
    if isinstance(raw, str):
        return raw
    if isinstance(raw, list):  # an ini value with a comma, written by hand, comes back split
        return ", ".join(str(part) for part in raw)
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return str(raw)
    return None


def _as_whole_number(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str):
        try:
            return int(raw.strip())
        except ValueError:
            return None
    return None


def _as_state(raw: object) -> QByteArray | None:
    """A widget's ``saveState()``/``saveGeometry()`` blob; anything else is not one."""
    if isinstance(raw, QByteArray):
        return raw
    if isinstance(raw, bytes):
        return QByteArray(raw)
    return None


class Option(NamedTuple, Generic[T]):
    """One remembered setting. ``coerce`` turns what the store holds into ``T``, or
    ``None`` when it cannot (a hand-edited or damaged value), which reads as the default."""

    key: str
    default: T
    coerce: Callable[[object], T | None]
    description: str

    def read(self, store: QSettings) -> T:
        raw = store.value(self.key)
        if raw is None:
            return self.default
        value = self.coerce(raw)
        return self.default if value is None else value

    def write(self, store: QSettings, value: T) -> None:
        store.setValue(self.key, value)


def text(key: str, default: str, description: str) -> Option[str]:
    return Option(key, default, _as_text, description)


def whole_number(key: str, description: str) -> Option[int | None]:
    """An optional number: ``None`` until one was saved."""
    return Option(key, None, _as_whole_number, description)


def state(key: str, description: str) -> Option[QByteArray | None]:
    """A layout blob Qt saves and restores; ``None`` (first run) until one was saved."""
    return Option(key, None, _as_state, description)


# -- the main window ---------------------------------------------------------------------
WINDOW_GEOMETRY = state("window/geometry", "The window's size and place on the screen.")
WINDOW_STATE = state("window/state", "The window's toolbars and docks.")
WINDOW_MODE = text("window/mode", "desk",
                   "The view shown at start: desk, moderation, entities or dashboard.")

# -- the desk ------------------------------------------------------------------------------
DESK_SPLITTER = state("desk/splitter", "Widths of the story list, the editor and the preview.")
LAST_STORY = whole_number("desk/last_article", "The story open when the window closed, "
                                               "reopened at start.")
EDITOR_SPLITTER = state("editor/splitter", "Heights of the body, footnote and side tabs.")
LIST_SORT = text("list/sort", "updated:desc",
                 "The story list's sort, as column key and direction (\"updated:desc\").")
# Was "list/header": states saved under it hold fixed widths that starved the headline.
LIST_COLUMNS = state("list/columns", "The story list's visible columns, order and widths.")

# -- moderation ----------------------------------------------------------------------------
MODERATION_SPLITTER = state("moderation/splitter", "Sizes of the review queue and its detail.")
MODERATION_QUEUE = text("moderation/queue", "pending", "The review queue last shown.")

# -- the export dialog ------------------------------------------------------------------------
EXPORT_FOLDER = text("export/folder", "", "The folder of the last export.")
EXPORT_FORMAT = text("export/format", "site", "The format of the last export.")

# -- preferences -----------------------------------------------------------------------------
USER_NAME = text("team/user_name", "",
                 "The name colleagues see on locks, revisions and review decisions; "
                 "empty: the login name.")
DEFAULT_AGENCY = text("editor/default_agency", "Turan",
                      "The agency (dateline source) a new story starts with.")
WINDOW_LANGUAGE = text("window/language", "",
                       "The window's language (az, ru or en); empty: the system's.")

OPTIONS: tuple[Option, ...] = (
    WINDOW_GEOMETRY, WINDOW_STATE, WINDOW_MODE, DESK_SPLITTER, LAST_STORY, EDITOR_SPLITTER,
    LIST_SORT, LIST_COLUMNS, MODERATION_SPLITTER, MODERATION_QUEUE, EXPORT_FOLDER,
    EXPORT_FORMAT, USER_NAME, DEFAULT_AGENCY, WINDOW_LANGUAGE,
)


def user_name(store: QSettings) -> str:
    """The name colleagues see on locks, revisions and review decisions; the login name
    until set."""
    return USER_NAME.read(store).strip() or default_user_name()


# -- stores --------------------------------------------------------------------------------
def user_settings() -> QSettings:
    """The user's own store, under the application's organisation and name (set on the
    QApplication first)."""
    return QSettings()


def ini_settings(path: Path | str) -> QSettings:
    """A store in one ini file: the demo's (which never changes the user's), a benchmark's."""
    return QSettings(str(path), QSettings.Format.IniFormat)


def emptied_user_ini(name: str) -> QSettings:
    """A user-scope ini store of its own, ``name``, emptied: a probe starts from first run."""
    store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, name)
    store.clear()
    return store

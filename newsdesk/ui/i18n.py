"""The window's language: Qt's translators for newsdesk's texts and for Qt's own dialogs.

Every text the window shows goes through ``tr()`` (``QCoreApplication.translate`` in one
context for all of newsdesk, so ``pyside6-lupdate`` finds the calls wherever they are and
plural forms work from any class; PySide6's ``self.tr`` loses them in subclasses). A text
kept in a module-level table is marked with ``QT_TR_NOOP`` and passed to ``tr()`` where it
is shown. Plurals are Qt's ``%n`` forms; English has its own catalogue of them
(``newsdesk_en.ts``, plural forms only), so English is installed like any language.

The language is the system's (``LANGUAGE``, ``LC_ALL``, ``LANG`` through
``QLocale.system()``) unless Preferences name one; it is chosen once, when the window
starts (``install_translations``): a change in Preferences takes effect at the next start.
The catalogues are ``resources/translations/*.qm``, built from the ``.ts`` files by
``pyside6-lrelease`` when the package is built (``packaging/translations.py``). Qt's own
texts (standard buttons, dialogs) come from Qt's ``qtbase_*.qm``; Qt ships none for
Azerbaijani, so newsdesk carries ``qtbase_az.ts`` for the ones its windows show.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QSettings,
    QThread,
    QTranslator,
)

from newsdesk.assets import resource_path
from newsdesk.ui.settings import WINDOW_LANGUAGE

log = logging.getLogger(__name__)

LANGUAGES = ("az", "ru", "en")
FALLBACK = "en"
# Each language named in itself: a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"az": "Azərbaycanca", "ru": "Русский", "en": "English"}
CONTEXT = ""  # one context for all of newsdesk's texts (see the module docstring)

_installed: list[QTranslator] = []
_language: str | None = None


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the window's language; ``n`` picks the plural form of a ``%n`` text."""
    app = QCoreApplication.instance()
    if _language is None and app is not None and QThread.currentThread() is app.thread():
        # Nothing chose a language (a test builds a panel on its own): English, whose
        # catalogue holds the plural forms.
        install_translations(FALLBACK)
    return QCoreApplication.translate(CONTEXT, text, disambiguation, n)


def translations_folder() -> Path:
    return resource_path("translations")


def system_language() -> str:
    """The first of the system's interface languages newsdesk speaks; English if none."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
        if code in ("c", "posix"):
            continue
    return FALLBACK


def chosen_language(settings: QSettings) -> str:
    """The language set in Preferences, else the system's."""
    chosen = WINDOW_LANGUAGE.read(settings).strip().lower()
    return chosen if chosen in LANGUAGES else system_language()


def current_language() -> str:
    return _language or FALLBACK


def install_translations(language: str) -> str:
    """Make ``language`` the window's (replacing the one before); returns it, or English
    when it is not one newsdesk speaks. Windows built afterwards show it."""
    global _language
    app = QCoreApplication.instance()
    if language not in LANGUAGES:
        language = FALLBACK
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
        _installed.clear()
        for translator in _load(language):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    _language = language
    return language


def _load(language: str) -> list[QTranslator]:
    """newsdesk's catalogue, then Qt's own texts (ours for a language Qt lacks)."""
    wanted = [translations_folder() / f"newsdesk_{language}.qm"]
    if language != "en":
        wanted.append(_qtbase_catalogue(language))
    found = []
    for path in wanted:
        translator = QTranslator()
        if translator.load(str(path)):
            found.append(translator)
        else:
            log.warning("no %s translations at %s (packaging/translations.py builds them)",
                        language, path)
    return found


def _qtbase_catalogue(language: str) -> Path:
    """Qt's own texts: newsdesk's catalogue for a language Qt lacks, else Qt's (where Qt
    says its translations are, else inside the PySide6 package, as a bundle has them)."""
    name = f"qtbase_{language}.qm"
    own = translations_folder() / name
    if own.is_file():
        return own
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    packaged = Path(PySide6.__file__).parent / "Qt" / "translations"
    return next((folder / name for folder in (qt_folder, packaged)
                 if (folder / name).is_file()), qt_folder / name)


def number_text(value: int) -> str:
    """A whole number as the window's language writes it (1,234 / 1.234 / 1 234)."""
    return QLocale(current_language()).toString(value)


def date_text(day: date, pattern: str = "d MMM") -> str:
    """A day as the window's language writes it (``pattern`` in QLocale's format: "d MMM"
    is 3 May, 3 may, 3 мая)."""
    return QLocale(current_language()).toString(QDate(day.year, day.month, day.day), pattern)


def lower(text: str) -> str:
    """Lower case by the window's language's rules (Azerbaijani "I" is "ı")."""
    return QLocale(current_language()).toLower(text)

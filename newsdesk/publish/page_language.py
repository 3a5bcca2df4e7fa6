"""The language a published page speaks: its labels, dates and numbers (no Qt).

- Labels come from gettext catalogues, one per language:
  ``resources/locale/<language>/LC_MESSAGES/pages.po``. English is the catalogues' source
  language (the msgids), so it needs none; adding a language is adding its catalogue
  (``packaging/update-page-catalogues.sh`` extracts the labels of the templates and of
  ``publish/``). A story in a language without a catalogue gets English labels.
- The catalogues are read from their ``.po`` text with Babel and compiled in memory once
  per process: the source checkout, the editable install the tests use, the wheel and the
  bundle all read the same files, and there is no compiled ``.mo`` to forget to rebuild.
  Fuzzy entries are left out (English shows until a translator confirms them);
  ``tests/publish/test_page_catalogues.py`` fails on any fuzzy or untranslated entry.
- Dates and numbers are formatted by Babel (CLDR) in the page's language.
"""

from __future__ import annotations

import gettext
import io
import re
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel import __version__ as babel_version
from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from newsdesk.assets import resource_path

SOURCE_LANGUAGE = "en"
DOMAIN = "pages"
_SUBTAG = re.compile(r"[-_]")


def catalogue_path(language: str) -> Path:
    return resource_path("locale", language, "LC_MESSAGES", f"{DOMAIN}.po")


@cache
def page_languages() -> tuple[str, ...]:
    """English first, then every language with a catalogue, e.g. ``("en", "az", "ru")``."""
    folder = resource_path("locale")
    found = sorted(path.parents[1].name for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *(name for name in found if name != SOURCE_LANGUAGE))


def page_language(tag: str | None) -> str:
    """The language of the labels for a page in ``tag`` (a story's BCP 47 language, e.g.
    ``az``, ``az-Latn``, ``ru-RU``): the catalogue of the whole tag or of its first part,
    else English."""
    text = (tag or "").strip()
    languages = page_languages()
    for candidate in (text.replace("-", "_"), _SUBTAG.split(text, maxsplit=1)[0].lower()):
        if candidate in languages:
            return candidate
    return SOURCE_LANGUAGE


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The labels of ``language`` (English, the msgids themselves, without a catalogue)."""
    if language == SOURCE_LANGUAGE or language not in page_languages():
        return gettext.NullTranslations()
    with catalogue_path(language).open("rb") as source:
        catalogue = read_po(source, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def babel_locale(language: str) -> Locale:
    """Babel's locale for ``language``; English for one CLDR does not know."""
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse(SOURCE_LANGUAGE)


def language_name(language: str) -> str:
    """The language's name in itself ("Azərbaycan", "Русский", "English"), for choosers."""
    name = babel_locale(language).get_display_name(babel_locale(language)) or language
    return name[:1].upper() + name[1:]


@cache
def own_language_name(tag: str) -> str:
    """The name a language has in itself, for a link to a page in it: "Azərbaycan" for
    ``az`` or ``az-Latn``, "Русский" for ``ru-RU``; the tag itself for one CLDR does not
    know."""
    text = tag.strip()
    for candidate in (text.replace("-", "_"), _SUBTAG.split(text, maxsplit=1)[0]):
        try:
            locale = Locale.parse(candidate)
        except (UnknownLocaleError, ValueError, TypeError):
            continue
        name = locale.get_language_name(locale) or ""
        if name:
            return name[:1].upper() + name[1:]
    return text


def format_day(value: date | datetime, language: str) -> str:
    """A day as the language writes it in full: "14 mart 2023", "14 марта 2023 г."."""
    return _format_day(value.date() if isinstance(value, datetime) else value, language)


@lru_cache(maxsize=4096)
def _format_day(value: date, language: str) -> str:
    # Cached: a site export prints the same few hundred days on thousands of pages.
    return format_date(value, format="long", locale=babel_locale(language))


def format_number(value: int | float, language: str) -> str:
    return format_decimal(value, locale=babel_locale(language))


def catalogues_key() -> str:
    """Everything the printed labels, dates and numbers depend on besides the code: the
    catalogues' text and Babel's version (its CLDR data), for an export's settings key."""
    parts = [babel_version]
    for language in page_languages()[1:]:
        parts += [language, catalogue_path(language).read_text(encoding="utf-8")]
    return "\0".join(parts)

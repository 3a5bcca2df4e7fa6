"""The published pages' catalogues are complete: every label of the templates and of
newsdesk/publish (found as packaging/update-page-catalogues.sh finds them) is translated,
not fuzzy, with the same placeholders, in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from newsdesk.publish.page_language import catalogue_path, page_languages, translations

REPO = Path(__file__).resolve().parents[2]
MAPPING = REPO / "packaging" / "babel-pages.cfg"
PLACEHOLDER = re.compile(r"%\(\w+\)s")
CATALOGUED = [language for language in page_languages() if language != "en"]


def page_labels() -> dict[str, str]:
    """Every label the pages print, with where it is used first (file:line)."""
    with MAPPING.open(encoding="utf-8") as mapping:
        method_map, options_map = parse_mapping_cfg(mapping, str(MAPPING))
    labels: dict[str, str] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            str(REPO), method_map, options_map):
        msgid = message if isinstance(message, str) else message[0]  # plural: (one, many)
        labels.setdefault(msgid, f"{filename}:{line}")
    return labels


def catalogue_problems(language: str, labels: dict[str, str]) -> list[str]:
    path = catalogue_path(language)
    with path.open("rb") as source:
        catalogue = read_po(source, locale=language)
    problems = [f"{language}: {msgid!r} ({where}) is missing from "
                f"{path.relative_to(REPO)}: run packaging/update-page-catalogues.sh"
                for msgid, where in labels.items() if msgid not in catalogue]
    for message in catalogue:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"{language}: {msgid!r} is fuzzy (check it, then remove the flag)")
        elif not all(strings):
            problems.append(f"{language}: {msgid!r} is untranslated")
        elif any(sorted(PLACEHOLDER.findall(s)) != sorted(PLACEHOLDER.findall(msgid))
                 for s in strings):
            problems.append(f"{language}: {msgid!r} has other placeholders: {strings}")
        if msgid not in labels:
            problems.append(f"{language}: {msgid!r} is no longer used by any page")
    return problems


def test_azerbaijani_and_russian_have_catalogues():
    assert {"az", "ru"} <= set(CATALOGUED)


def test_the_labels_are_found_in_templates_and_code():
    labels = page_labels()
    assert {"Leave a review", "News Line", "Email", "Stories about or mentioning %(name)s."
            } <= labels.keys()
    assert any(where.startswith("newsdesk/publish/") for where in labels.values())


@pytest.mark.parametrize("language", CATALOGUED)
def test_every_label_is_translated(language):
    labels = page_labels()
    problems = catalogue_problems(language, labels)
    assert not problems, "\n".join(problems)
    # And the pages get them: the catalogue as loaded at run time.
    loaded = translations(language)
    assert [msgid for msgid in labels if loaded.gettext(msgid) == msgid] == []

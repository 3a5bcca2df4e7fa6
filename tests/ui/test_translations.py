"""The window's catalogues: complete, in step with the code, placeholders intact; the
domain's phrases all translatable; the language chosen from the system or Preferences."""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

import newsdesk
from newsdesk import texts
from newsdesk.stories import workflow
from tests.conftest import REPO_ROOT

FOLDER = REPO_ROOT / "resources" / "translations"
UPDATE = "packaging/update-translations.sh"
# Plural forms per language, as Qt counts them (Russian: one, few, many).
PLURAL_FORMS = {"az": 2, "ru": 3, "en": 2}


def packaging_translations():
    """``packaging/translations.py`` (not importable by name: ``packaging`` is a library)."""
    spec = importlib.util.spec_from_file_location(
        "newsdesk_packaging_translations", REPO_ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def catalogue(language: str) -> Path:
    return FOLDER / f"newsdesk_{language}.ts"


def messages(path: Path) -> list[ElementTree.Element]:
    return [message for message in ElementTree.parse(path).getroot().iter("message")
            if message.find("translation").get("type") not in ("obsolete", "vanished")]


def forms(message: ElementTree.Element) -> list[str]:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.findall("numerusform")]
    return [translation.text or ""]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("path", sorted(FOLDER.glob("*.ts")), ids=lambda path: path.name)
def test_every_entry_is_translated(path):
    unfinished = [message.findtext("source") for message in messages(path)
                  if message.find("translation").get("type") == "unfinished"
                  or not all(forms(message))]
    assert not unfinished, f"{path.name}: {len(unfinished)} unfinished: {unfinished}"


@pytest.mark.parametrize("language", sorted(PLURAL_FORMS))
def test_plurals_have_the_language_s_forms(language):
    plural = [message for message in messages(catalogue(language))
              if message.get("numerus") == "yes"]
    assert plural
    wrong = [(message.findtext("source"), len(forms(message))) for message in plural
             if len(forms(message)) != PLURAL_FORMS[language]]
    assert not wrong, wrong
    # Every plural form says the number where the English does.
    assert all(re.search("%L?n", form) for message in plural for form in forms(message)
               if re.search("%L?n", message.findtext("source")))


@pytest.mark.parametrize("language", ["az", "ru"])
def test_translations_keep_their_placeholders_and_accelerators(language):
    for message in messages(catalogue(language)):
        source = message.findtext("source")
        for form in forms(message):
            assert fields(form) == fields(source), (source, form)
            assert ("%Ln" in form) == ("%Ln" in source), (source, form)
            if re.search(r"&[^&\s]", source.replace("&&", "")):  # a keyboard accelerator
                assert re.search(r"&[^&\s]", form.replace("&&", "")), (source, form)
            for template in (source, form):  # well-formed, as the window fills them
                texts.fill(template, dict.fromkeys(fields(template), "x"), str, str.lower)


def test_catalogues_hold_every_text_of_the_window(tmp_path):
    """A text added to the window without running the update script fails here, named."""
    tool = packaging_translations().tool
    extracted = tmp_path / "now.ts"
    subprocess.run([tool("lupdate"), "-silent", "-extensions", "py",
                    str(REPO_ROOT / "newsdesk" / "ui"), "-ts", str(extracted)],
                   check=True, cwd=REPO_ROOT, timeout=120)
    found = messages(extracted)
    in_code = {(m.findtext("source"), m.findtext("comment")) for m in found}
    plural = {(m.findtext("source"), m.findtext("comment")) for m in found
              if m.get("numerus") == "yes"}
    for language in PLURAL_FORMS:
        kept = {(m.findtext("source"), m.findtext("comment"))
                for m in messages(catalogue(language))}
        in_code_here = plural if language == "en" else in_code  # English: plural forms only
        missing = sorted(in_code_here - kept, key=str)
        assert not missing, f"run {UPDATE}, then translate: {missing}"
        stale = sorted(kept - in_code_here, key=str)
        assert not stale, f"run {UPDATE}: no longer in the code: {stale}"


# -- the domain's phrases ---------------------------------------------------------------
def import_every_module() -> None:
    """Every phrase is declared at import: load all of newsdesk but the window."""
    for module in pkgutil.walk_packages(newsdesk.__path__, "newsdesk."):
        if not module.name.startswith(("newsdesk.ui", "newsdesk.bench", "newsdesk.__main__")):
            importlib.import_module(module.name)


def sample(phrase: texts.Phrase, count: int) -> texts.Text:
    values = {name: (count if name == "count" else f"<{name}>") for name in phrase.fields()}
    if phrase.english_one is not None:
        values["count"] = count  # picks the form even where the sentence does not say it
    return phrase(**values)


def test_every_domain_phrase_has_a_translation_and_says_the_same_english(qapp):
    from newsdesk.ui import domain_texts
    from newsdesk.ui.i18n import install_translations

    import_every_module()
    declared, listed = set(texts.PHRASES), set(domain_texts.TEMPLATES)
    assert declared == listed, (f"missing from newsdesk/ui/domain_texts.py: "
                                f"{sorted(declared - listed)}; not declared: "
                                f"{sorted(listed - declared)}")
    install_translations("en")
    for phrase in texts.PHRASES.values():
        for count in (1, 5):
            text = sample(phrase, count)
            assert domain_texts.translated(text) == str(text), phrase.id


def test_domain_phrases_in_azerbaijani_and_russian(qapp):
    from newsdesk.ui.domain_texts import translated
    from newsdesk.ui.i18n import install_translations

    refusal = workflow.refusal("draft", "published", {})
    needs = workflow.refusal("draft", "ready", {"headline": "x"})
    assert str(refusal) == "a draft story cannot become published directly"
    try:
        install_translations("az")
        assert translated(refusal) == "«qaralama» statuslu xəbər birbaşa «dərc olunub» ola bilməz"
        assert translated(needs) == "«hazır» üçün lazımdır: yer (datlayn), mətn"
        install_translations("ru")
        assert translated(needs) == "для статуса «готов» нужны: место в дейтлайне, текст"
    finally:
        install_translations("en")
    assert translated(needs) == "ready needs a dateline place, a body"


def test_stored_flag_reasons_read_back_as_their_phrases(qapp):
    from newsdesk.moderation.rules import FLAG_REASONS, flag_reason
    from newsdesk.ui.domain_texts import shown
    from newsdesk.ui.i18n import install_translations

    assert flag_reason("links", "12 links") == FLAG_REASONS["links"](count=12)
    assert flag_reason("links", "written by hand") == "written by hand"
    try:
        install_translations("ru")
        assert shown(flag_reason("links", "12 links")) == "12 ссылок"
        assert shown(flag_reason("links", "1 link")) == "1 ссылка"
        assert shown(flag_reason("long", "very long (5,001 characters)")) == (
            "очень длинный (5\u00a0001 символ)")
    finally:
        install_translations("en")


def test_plural_forms_follow_the_number(qapp):
    from newsdesk.ui.i18n import install_translations, tr

    try:
        install_translations("ru")
        said = [tr("Moved %Ln story(s) to the trash", "", n) for n in (1, 3, 5, 21, 1000)]
        assert said == ["1 материал перемещён в корзину", "3 материала перемещено в корзину",
                        "5 материалов перемещено в корзину", "21 материал перемещён в корзину",
                        "1\u00a0000 материалов перемещено в корзину"]  # Russian: no-break space
        install_translations("az")
        assert tr("Moved %Ln story(s) to the trash", "", 3) == "3 xəbər zibil qutusuna atıldı"
    finally:
        install_translations("en")
    assert tr("Moved %Ln story(s) to the trash", "", 1) == "Moved 1 story to the trash"
    assert tr("Moved %Ln story(s) to the trash", "", 1234) == "Moved 1,234 stories to the trash"


def test_qt_s_own_buttons_speak_the_language(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from newsdesk.ui.i18n import install_translations

    def texts_of(language: str) -> list[str]:
        install_translations(language)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        return sorted(button.text() for button in box.buttons())

    try:
        assert texts_of("az") == ["OK", "İmtina"]
        assert texts_of("ru") == ["OK", "Отмена"]
    finally:
        install_translations("en")
    assert texts_of("en") == ["Cancel", "OK"]


# -- choosing the language --------------------------------------------------------------
@pytest.mark.parametrize(("environment", "expected"), [
    ({"LANG": "az_AZ.UTF-8"}, "az"),
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LANG": "C.UTF-8", "LANGUAGE": "ru:en"}, "ru"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C"}, "en"),
])
def test_the_system_language_comes_from_the_environment(environment, expected):
    env = {key: value for key, value in os.environ.items()
           if key not in ("LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(environment, PYTHONPATH=str(REPO_ROOT))
    probe = subprocess.run(
        [sys.executable, "-c", "from newsdesk.ui.app import create_application;"
         "create_application(); from newsdesk.ui.i18n import system_language;"
         "print(system_language())"],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO_ROOT)
    assert probe.returncode == 0, probe.stderr[-2000:]
    assert probe.stdout.strip() == expected


def test_preferences_choose_the_language_for_the_next_start(qtbot, settings, demo_db):
    from newsdesk.ui.dialogs.preferences import PreferencesDialog
    from newsdesk.ui.i18n import chosen_language, install_translations, system_language
    from newsdesk.ui.main_window import MainWindow

    assert chosen_language(settings) == system_language()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == ""  # the system's, until one is chosen
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    dialog.accept()
    assert chosen_language(settings) == "ru"
    try:
        install_translations(chosen_language(settings))  # what the next start does
        window = MainWindow(demo_db, settings)
        qtbot.addWidget(window)
        assert window.menuBar().actions()[0].text() == "&Файл"
        assert window.mode_actions["desk"].text() == "Отдел"
        window.close()
    finally:
        install_translations("en")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "ru"
    dialog.language.setCurrentIndex(0)
    dialog.accept()
    assert chosen_language(settings) == system_language()

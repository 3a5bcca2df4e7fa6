"""The window's translation catalogues: ``resources/translations/*.ts`` (kept in the
repository, edited by translators) and the ``*.qm`` files Qt loads (built, never committed).

    python packaging/translations.py update    # pyside6-lupdate over newsdesk/ui
    python packaging/translations.py build     # pyside6-lrelease: every .ts to its .qm
    python packaging/translations.py check     # list unfinished entries; exit 1 if any

``update`` adds the texts new code brings (marked unfinished until translated) and keeps
the translations of the others; ``newsdesk_en.ts`` holds only plural forms (English
source texts are written "%n story(s)"). ``qtbase_az.ts`` is hand-kept: Qt's own texts
(standard buttons...) that Qt ships no Azerbaijani for.

The wheel's build hook (``hatch_build.py``), the desktop bundle's spec and the tests'
editable install all call ``build``. No Qt import here: the tools are PySide6's programs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
SOURCES = ROOT / "newsdesk" / "ui"
# newsdesk's own catalogues, by language; English keeps only the plural forms.
CATALOGUES = {"az": "newsdesk_az.ts", "ru": "newsdesk_ru.ts", "en": "newsdesk_en.ts"}


def tool(name: str) -> str:
    """PySide6's ``lupdate``/``lrelease``: beside the installed PySide6 package, else on
    the PATH (``pyside6-lrelease``, then Qt's own ``lrelease``)."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin:
        suffix = ".exe" if sys.platform == "win32" else ""
        beside = Path(spec.origin).parent / f"{name}{suffix}"
        if beside.is_file():
            return str(beside)
    for candidate in (f"pyside6-{name}", name):
        found = shutil.which(candidate)
        if found:
            return found
    raise SystemExit(f"translations: {name} not found: install PySide6 (pyside6-essentials) "
                     "in the Python that builds newsdesk")


def update() -> None:
    """Extract the window's texts into every catalogue (new ones unfinished)."""
    for language, name in CATALOGUES.items():
        command = [tool("lupdate"), "-extensions", "py", "-locations", "relative",
                   "-source-language", "en", "-target-language", language,
                   str(SOURCES), "-ts", str(FOLDER / name)]
        if language == "en":
            command.insert(1, "-pluralonly")
        subprocess.run(command, check=True, cwd=ROOT)


def build(out: Path = FOLDER) -> list[Path]:
    """Every ``.ts`` in the translations folder compiled to ``out/<name>.qm``."""
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for source in sorted(FOLDER.glob("*.ts")):
        target = out / source.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(source), "-qm", str(target)],
                       check=True, cwd=ROOT)
        built.append(target)
    return built


def unfinished(path: Path) -> list[str]:
    """The source texts of ``path`` still to be translated (unfinished or empty)."""
    missing = []
    for message in ElementTree.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        forms = ([form.text for form in translation.findall("numerusform")]
                 if message.get("numerus") == "yes" else [translation.text])
        if translation.get("type") == "unfinished" or not all(forms):
            missing.append(message.findtext("source") or "")
    return missing


def check() -> int:
    problems = 0
    for source in sorted(FOLDER.glob("*.ts")):
        for text in unfinished(source):
            print(f"{source.relative_to(ROOT)}: unfinished: {text!r}")
            problems += 1
    return 1 if problems else 0


if __name__ == "__main__":
    action = sys.argv[1] if len(sys.argv) > 1 else ""
    if action == "update":
        update()
        sys.exit(check())
    elif action == "build":
        for path in build():
            print(path.relative_to(ROOT))
    elif action == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)

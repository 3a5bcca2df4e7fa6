"""Packaging: the wheel and sdist, the desktop files, the icons, the app's identity."""

from __future__ import annotations

import ast
import configparser
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import pytest

from newsdesk import __version__
from tests.conftest import REPO_ROOT

LINUX = REPO_ROOT / "packaging" / "linux"
ICONS = REPO_ROOT / "resources" / "icons"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def app_id() -> str:
    from newsdesk.ui.app import APP_ID

    return APP_ID


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    parser.read(LINUX / f"{app_id()}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_file_and_metainfo_name_the_app_id():
    entry = desktop_entry()
    assert entry["Exec"] == "newsdesk"
    assert entry["Icon"] == app_id()
    assert entry["Categories"] == "Office;News;"
    assert entry["StartupWMClass"] == "newsdesk"  # Qt's X11 class: the application name
    metainfo = ElementTree.parse(LINUX / f"{app_id()}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == app_id()
    assert metainfo.findtext("launchable") == f"{app_id()}.desktop"
    assert metainfo.findtext("icon") == app_id()


def test_metainfo_lists_the_current_version_as_newest_release():
    metainfo = ElementTree.parse(LINUX / f"{app_id()}.metainfo.xml").getroot()
    releases = metainfo.findall("releases/release")
    assert releases and releases[0].get("version") == __version__


def test_icon_pngs_have_their_sizes():
    from PySide6.QtGui import QImage

    for size in ICON_SIZES:
        image = QImage(str(ICONS / f"newsdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # not a blank render


def test_application_carries_the_desktop_id_icon_and_version(qapp):
    from newsdesk.ui.app import create_application

    app = create_application()
    assert app is qapp
    assert app.desktopFileName() == app_id()
    assert app.applicationDisplayName() == "newsdesk"
    assert app.applicationVersion() == __version__
    icon = app.windowIcon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(ICON_SIZES)


def test_install_script_places_launcher_metainfo_and_icons(tmp_path):
    prefix = tmp_path / "prefix"
    script = LINUX / "install.sh"
    result = subprocess.run(["bash", str(script), "--prefix", str(prefix)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    share = prefix / "share"
    desktop = share / "applications" / f"{app_id()}.desktop"
    assert (share / "metainfo" / f"{app_id()}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id()}.svg").is_file()
    for size in ICON_SIZES:
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id()}.png").is_file()
    exec_line = next(line for line in desktop.read_text().splitlines() if line.startswith("Exec="))
    assert exec_line.endswith("newsdesk")
    if shutil.which("desktop-file-validate"):
        checked = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                                 text=True, timeout=60)
        assert checked.returncode == 0, checked.stdout + checked.stderr
    removed = subprocess.run(["bash", str(script), "--prefix", str(prefix), "--uninstall"],
                             capture_output=True, text=True, timeout=60)
    assert removed.returncode == 0, removed.stderr
    assert not desktop.exists()
    assert not list(share.rglob(f"{app_id()}.*"))


def test_install_script_refuses_a_missing_bundle(tmp_path):
    result = subprocess.run(["bash", str(LINUX / "install.sh"), "--prefix", str(tmp_path),
                             "--bundle", str(tmp_path / "nothing")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "no bundled executable" in result.stderr


def canonical(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def requirement_name(requirement: str) -> str:
    return canonical(re.match(r"[A-Za-z0-9._-]+", requirement)[0])


# Standard modules of a later Python than the one running, which newsdesk imports there
# (the interpreter's own SHA-256 is _sha256 in 3.11, _sha2 from 3.12: stories/recovery.py).
LATER_STANDARD_MODULES = {"_sha2"}


def imported_top_level_modules() -> set[str]:
    names = set()
    for source in (REPO_ROOT / "newsdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - LATER_STANDARD_MODULES - {"newsdesk"}


def requirements_closure(names: set[str]) -> set[str]:
    """The installed distributions that ``names`` require, directly or not (extras aside)."""
    seen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue
        pending.extend(requirement_name(item) for item in requires if "extra ==" not in item)
    return seen


def test_every_imported_library_is_a_declared_dependency():
    """A wheel installs only what pyproject declares: a missing entry breaks installed apps."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    declared = {requirement_name(item) for item in project["dependencies"]}
    # Optional groups whose libraries newsdesk imports only when that feature is used.
    optional = {requirement_name(item) for group in ("postgres", "bench")
                for item in project["optional-dependencies"].get(group, [])}
    # Libraries that come with a declared one (shiboken6 with PySide6, MarkupSafe with Jinja2).
    brought = requirements_closure(declared)
    providers = importlib.metadata.packages_distributions()
    for module in sorted(imported_top_level_modules()):
        # Not installed here (an optional extra such as bench's pelican): judge it by name.
        distributions = ({canonical(name) for name in providers.get(module, [])}
                         or {canonical(module)})
        assert distributions & (declared | optional | brought), (
            f"newsdesk imports {module} (from {distributions or 'nowhere'}), "
            "which pyproject.toml's dependencies do not list")


# -- the wheel, installed as a user would ---------------------------------------------------
def shipped_files(folder: str) -> list[str]:
    """Files under a top-level folder that a release must carry (tracked ones in a clone)."""
    if (REPO_ROOT / ".git").exists() and shutil.which("git"):
        listed = subprocess.run(["git", "ls-files", "-z", folder], cwd=REPO_ROOT,
                                capture_output=True, text=True, check=True).stdout
        return sorted(name for name in listed.split("\0") if name)
    root = REPO_ROOT / folder
    return sorted(str(path.relative_to(REPO_ROOT)) for path in root.rglob("*")
                  if path.is_file() and "__pycache__" not in path.parts)


def clean_environment() -> dict[str, str]:
    """The environment without anything pointing Python at this checkout."""
    return {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """``python -m build``: the sdist, then the wheel built from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO_ROOT)],
                            capture_output=True, text=True, timeout=600, env=clean_environment())
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    wheels = list(out.glob("newsdesk-*.whl"))
    sdists = list(out.glob("newsdesk-*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


@pytest.mark.slow
def test_wheel_and_sdist_carry_code_and_every_resource(built):
    with zipfile.ZipFile(built["wheel"]) as wheel:
        in_wheel = set(wheel.namelist())
        metadata = next(name for name in in_wheel if name.endswith(".dist-info/METADATA"))
        assert f"Version: {__version__}\n" in wheel.read(metadata).decode()
    with tarfile.open(built["sdist"]) as sdist:
        in_sdist = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    resources = shipped_files("resources")
    # Templates, styles, icons and sample content as they exist now (others add more).
    assert any(name.startswith("resources/icons/") for name in resources)
    assert any(name.startswith("resources/sample/") for name in resources)
    for name in resources:
        assert "newsdesk/" + name in in_wheel, f"{name} missing from the wheel"
        assert name in in_sdist, f"{name} missing from the sdist"
    for name in shipped_files("newsdesk"):
        assert name in in_wheel and name in in_sdist, f"{name} missing"
    for name in shipped_files("packaging"):
        assert name in in_sdist, f"{name} missing from the sdist"
    # The window's catalogues: built from the .ts files into the wheel, never shipped
    # in the sdist (build output; the wheel built from it makes them again).
    catalogues = [name for name in resources if name.endswith(".ts")]
    assert {"resources/translations/newsdesk_az.ts",
            "resources/translations/newsdesk_ru.ts"} <= set(catalogues)
    for name in catalogues:
        built_name = "newsdesk/" + name.removesuffix(".ts") + ".qm"
        assert built_name in in_wheel, f"{built_name} missing from the wheel"
        assert name.removesuffix(".ts") + ".qm" not in in_sdist


@pytest.mark.slow
def lend_site_packages(python: Path) -> None:
    """Let a new venv import what the running interpreter has, after its own packages.

    ``--system-site-packages`` is not enough: it lends the base interpreter's folder, so
    when the tests themselves run in a venv (as the README's command does) the new venv
    would not see PySide6 & co. A ``.pth`` file naming this interpreter's folders works in a
    venv and on a bare interpreter alike; plain folder lines, so the editable install of
    this checkout (a ``.pth`` file inside them) is not picked up.
    """
    import site

    folders = [*site.getsitepackages()]
    if site.ENABLE_USER_SITE:
        folders.append(site.getusersitepackages())
    found = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           capture_output=True, text=True, check=True, timeout=60)
    own = Path(found.stdout.strip())
    (own / "_newsdesk_test_lender.pth").write_text(
        "".join(f"{folder}\n" for folder in folders if Path(folder).is_dir()), encoding="utf-8")


def test_installed_wheel_runs_from_its_own_files(built, tmp_path):
    """A venv with the wheel: newsdesk and its resources come from it, not this checkout.

    The venv borrows PySide6 & co. from the interpreter running the tests, so nothing is
    downloaded again; newsdesk itself is installed with --ignore-installed so the venv gets
    its own copy.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True,
                   timeout=120)
    python = venv / "bin" / "python"
    lend_site_packages(python)
    env = clean_environment()
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--ignore-installed", "--no-index", str(built["wheel"])],
        capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert install.returncode == 0, install.stdout + install.stderr

    probe = subprocess.run(
        [str(python), "-c", "import importlib.metadata, newsdesk, newsdesk.assets as a;"
         "print(newsdesk.__file__); print(a.resources_root());"
         "print(importlib.metadata.version('newsdesk'))"],
        capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)
    assert probe.returncode == 0, probe.stderr
    module_file, resources_root, metadata_version = probe.stdout.split("\n")[:3]
    site_packages = venv.resolve()
    assert Path(module_file).resolve().is_relative_to(site_packages), module_file
    assert Path(resources_root).resolve().is_relative_to(site_packages), resources_root
    assert metadata_version == __version__

    command = venv / "bin" / "newsdesk"
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True,
                             timeout=120, env=env, cwd=tmp_path)
    assert version.stdout.strip() == f"newsdesk {metadata_version}", version.stderr[-3000:]

    speaks = subprocess.run(
        [str(python), "-c", "from newsdesk.ui.app import create_application;"
         "create_application(); from newsdesk.ui.i18n import install_translations, tr;"
         "install_translations('az'); print(tr('&File'))"],
        capture_output=True, text=True, timeout=120, env={**env, "QT_QPA_PLATFORM": "offscreen"},
        cwd=tmp_path)
    assert speaks.stdout.strip() == "&Fayl", speaks.stderr[-3000:]

    shot = tmp_path / "x.png"
    result = subprocess.run([str(command), "--demo", "--screenshot", str(shot)],
                            capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 900)

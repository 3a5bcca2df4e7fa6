"""Test configuration: headless Qt, isolated user folders, a fresh database per test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

# Qt must be told before any QApplication exists (pytest-qt creates it lazily).
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu")
# Nothing a test does may touch the real user's data, settings or database.
_ISOLATED_HOME = Path(tempfile.mkdtemp(prefix="newsdesk-tests-home-"))
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                  "XDG_RUNTIME_DIR"):
    os.environ[_variable] = str(_ISOLATED_HOME / _variable.lower())
    Path(os.environ[_variable]).mkdir(mode=0o700, exist_ok=True)
os.environ.pop("NEWSDESK_DB", None)

try:  # WebEngine must be imported before the QApplication is created.
    import PySide6.QtWebEngineWidgets  # noqa: F401, E402
except ImportError:  # pragma: no cover - WebEngine is a dependency, but stay usable
    pass

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

from tests import qt_messages  # noqa: E402

qt_messages.install()  # before any test; see tests/qt_messages.py

# No wall-clock limits on generated examples: on a loaded 2-core CI machine a fast example
# can take a second, and a deadline then fails a correct test. Speed is the benchmark's
# business (python -m newsdesk.bench); tests that bound rendering time say so themselves.
settings.register_profile("newsdesk", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("newsdesk")

REPO_ROOT = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session) -> None:
    """The window's .qm catalogues as the .ts files say now: an editable install builds
    them once, and a catalogue translated or updated since would be tested stale."""
    import importlib.util

    folder = REPO_ROOT / "resources" / "translations"
    stale = [source for source in folder.glob("*.ts")
             if not source.with_suffix(".qm").is_file()
             or source.with_suffix(".qm").stat().st_mtime < source.stat().st_mtime]
    if stale:
        spec = importlib.util.spec_from_file_location(
            "newsdesk_packaging_translations", REPO_ROOT / "packaging" / "translations.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.build()


def open_handles(path: Path) -> int:
    """How many files this process holds open at ``path`` or beside it with a suffix
    (an SQLite connection holds the database, ``-wal`` and ``-shm``)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed meanwhile (the listing's own handle)
        count += target.startswith(str(path))
    return count


@pytest.fixture(autouse=True)
def _qt_criticals_fail_the_test() -> Iterator[None]:
    """A critical Qt message logged while a test runs fails it (the handler that
    catches them is ``qt_messages``, set once for the whole run)."""
    qt_messages.take_criticals()  # logged between tests: nobody's
    yield
    found = qt_messages.take_criticals()
    if found:
        pytest.fail("Qt logged critical messages: " + " | ".join(found), pytrace=False)


@pytest.fixture
def db(tmp_path):
    """An empty, migrated SQLite database bound to the models."""
    from newsdesk.store.db import open_database

    opened = open_database(str(tmp_path / "test.sqlite3"), create=True)
    yield opened
    opened.close()


@pytest.fixture
def demo_db(tmp_path):
    """A database filled with the shipped sample content, as ``--demo`` has it."""
    from newsdesk.commands.common import open_demo_database

    opened = open_demo_database(tmp_path)
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def three_hours_east():
    """The user's clock at UTC+3, in a zone named TST (a POSIX TZ needs no tz database)."""
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "TST-3"
    time.tzset()
    yield timedelta(hours=3)
    if saved is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = saved
    time.tzset()


def show_window(qtbot, opened, settings):
    """A main window on ``opened``, shown and exposed as a user's is (qtbot closes it)."""
    from newsdesk.ui.main_window import MainWindow

    window = MainWindow(opened, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def main_window(qtbot, demo_db, settings):
    return show_window(qtbot, demo_db, settings)


def run_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run ``python -m newsdesk ARGS`` as a user would, from this checkout."""
    full_env = dict(os.environ)
    full_env["PYTHONPATH"] = str(REPO_ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "newsdesk", *args], capture_output=True,
                          text=True, env=full_env, input=input, timeout=timeout,
                          cwd=str(REPO_ROOT))


def unmeasured(env: dict[str, str]) -> dict[str, str]:
    """``env`` for a child process that coverage leaves alone. Measured (``patch =
    subprocess``), a child imports json, hashlib, pickle and the like for coverage before
    its own code runs: a test of what a start imports runs the start as a user's."""
    return {name: value for name, value in env.items()
            if name not in ("COVERAGE_PROCESS_CONFIG", "COVERAGE_PROCESS_START")}


def run_window_start(probe: str, database: Path, config_home: Path, *, measured: bool = True
                     ) -> subprocess.CompletedProcess[str]:
    """``probe`` (Python code; ``sys.argv[1]`` is ``database``) in a process of its own, as
    the window starts: its own settings folder, this checkout importable, WebEngine
    allowed to run as root (and coverage left out, unless ``measured``)."""
    env = dict(os.environ, XDG_CONFIG_HOME=str(config_home))
    if not measured:
        env = unmeasured(env)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return subprocess.run([sys.executable, "-c", probe, str(database)], capture_output=True,
                          text=True, env=env, timeout=180, cwd=str(REPO_ROOT))


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database for one test (skipped without a server)."""
    admin_url = os.environ.get("NEWSDESK_TEST_PG_URL")
    if not admin_url:
        pytest.skip("NEWSDESK_TEST_PG_URL is not set (see README: PostgreSQL tests)")
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    import psycopg2

    name = f"newsdesk_t_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(admin_url)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    parts = urlsplit(admin_url)
    yield urlunsplit(parts._replace(path=f"/{name}"))
    from newsdesk.store.models import database_proxy

    if database_proxy.obj is not None and not database_proxy.obj.is_closed():
        database_proxy.obj.close()
    admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.close()


@pytest.fixture
def pg_db(pg_url):
    from newsdesk.store.db import open_database

    opened = open_database(pg_url)
    yield opened
    opened.close()


@pytest.fixture
def own_server() -> Iterator[tuple[str, Path]]:
    """A PostgreSQL server of the test's own, to stop outright and start again (the
    shared test server, NEWSDESK_TEST_PG_URL, keeps running for every other test): its
    URL and folder (``stop_own_server``, ``start_own_server``)."""
    if not list(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.skip("PostgreSQL's server programs are not installed")
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
    folder.chmod(0o755)  # the server runs as "postgres" when we are root
    try:
        started = subprocess.run(["bash", str(REPO_ROOT / ".ci" / "start-postgres"),
                                  str(folder)], capture_output=True, text=True, timeout=120)
        if started.returncode != 0:
            pytest.skip(f"cannot start a PostgreSQL server: {started.stderr.strip()[-300:]}")
        yield started.stdout.strip(), folder
    finally:
        subprocess.run(["bash", str(REPO_ROOT / ".ci" / "stop-postgres"), str(folder)],
                       capture_output=True, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)


def _pg_ctl(folder: Path, *args: str) -> None:
    binary = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*run_as, str(binary), "-D", str(folder / "data"), *args],
                   capture_output=True, check=True, timeout=120)


def stop_own_server(folder: Path) -> None:
    """``own_server`` gone at once, as a crash or a pulled cable leaves it."""
    _pg_ctl(folder, "stop", "-m", "immediate")


def start_own_server(url: str, folder: Path) -> None:
    """``own_server`` back on its port, after ``stop_own_server``."""
    port = url.rsplit(":", 1)[1].split("/")[0]
    _pg_ctl(folder, "-l", str(folder / "server.log"), "-w", "-o",
            f"-h 127.0.0.1 -p {port} -k {folder}", "start")


@pytest.fixture(autouse=True)
def _no_modifier_held_from_an_earlier_test():
    """QTest delivers widget key events straight to QApplication.notify, which records each
    event's modifiers as the keyboard's state; the release of Ctrl in a Ctrl+key click
    carries ControlModifier, so Qt believes Ctrl is still held until the next input event.
    The next test's selectRow() then toggled instead of selecting (two stories selected).
    Release every modifier, as a user's keyboard has, before each test."""
    if "PySide6.QtWidgets" not in sys.modules:  # no Qt in this test run yet
        yield
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None and QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QWidget

        receiver = QWidget()
        QTest.keyRelease(receiver, Qt.Key.Key_Control, Qt.KeyboardModifier.NoModifier)
        receiver.deleteLater()
    yield


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test():
    """A dialog left open (a progress dialog appears after a delay, and is modal) would
    take the keyboard from the next test's window; close whatever a test left behind."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test():
    """A main window a test left open (one it made itself, and a failure stopped it before
    it closed it) goes on working: its timers, jobs and replica sync would act on the
    databases of the tests that follow. Close it as its user would, after the test."""
    yield
    if "newsdesk.ui.main_window" not in sys.modules:
        return
    from PySide6.QtWidgets import QApplication

    from newsdesk.ui.main_window import MainWindow
    from newsdesk.ui.workers import jobs_shut_down, shut_down_jobs

    app = QApplication.instance()
    if app is None:
        return
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and not jobs_shut_down(widget):
            widget.close()
            if not jobs_shut_down(widget):  # it refused (a story it could not store)
                shut_down_jobs(widget)
                if widget.offline is not None:
                    widget.offline.stop()


def leave_at_schema(execute: Callable[[str], object], version: int, *undo: str) -> None:
    """Make a database as an older newsdesk left it: ``undo`` the newer migrations'
    statements (through ``execute``: a raw SQLite connection's, or a database's
    ``execute_sql``), then record ``version`` as its schema."""
    for statement in undo:
        execute(statement)
    execute(f"UPDATE schema_info SET value = '{version}' WHERE key = 'schema_version'")

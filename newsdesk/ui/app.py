"""Starting the window: QApplication, the database (or a dialog saying why not), screenshots."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from newsdesk import __version__
from newsdesk.errors import DatabaseMissing, ServerUnreachable, UserError
from newsdesk.store.db import create_database, open_database, resolve_target
from newsdesk.store.opened import OpenedDatabase

APP_NAME = "newsdesk"
ORGANISATION = "newsdesk"
# The reverse-DNS id of packaging/linux/*.desktop and the AppStream metainfo: Wayland
# compositors and taskbars match the window to the launcher (name, icon) through it.
APP_ID = "io.github.newsdesk.Newsdesk"
# How long a worker thread running Python (the tag suggestions, the autosave's store) may
# keep the interpreter from the GUI thread once it asks: Python's 5 ms default made keys
# typed during a suggestion pass wait (95th percentile 5.6-9.8 ms, against 3.6-3.9 ms).
GUI_SWITCH_INTERVAL_S = 0.001


def prepare_environment(*, offscreen: bool) -> None:
    """Settings that must be in place before Qt starts."""
    if offscreen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium (QtWebEngine) refuses to start as root without this.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


def create_application(argv: list[str] | None = None):
    """The QApplication with newsdesk's name and icon; reused if one exists (tests)."""
    prepare_environment(offscreen=False)
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QApplication

    from newsdesk.ui.icons import app_icon

    if QApplication.instance() is None:
        # What importing QtWebEngine before the QApplication would do: the preview's web
        # view is created after the window's first paint (and its module imported then).
        QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName("newsdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


@contextmanager
def _demo_folder(args: argparse.Namespace) -> Iterator[Path | None]:
    """A temporary folder for the demo's database and settings, removed with the window;
    None for any other start, which makes (and removes) no folder."""
    if not args.demo:
        yield None
        return
    from newsdesk.demo_folder import demo_folder

    with demo_folder() as folder:
        yield folder


def open_for_window(args: argparse.Namespace, workdir: Path | None) -> OpenedDatabase:
    """The database the window works on; a path named with ``--db`` or ``NEWSDESK_DB``
    where there is no database yet is created if the user agrees (a screenshot asks
    nothing). Raises ``UserError``; ``DatabaseMissing`` once the user has declined."""
    if args.demo:
        from newsdesk.commands.common import open_demo_database

        assert workdir is not None, "a demo opens in a folder of its own"
        return open_demo_database(workdir)
    target = resolve_target(args.db)
    if not args.db and not os.environ.get("NEWSDESK_DB"):
        return create_database(Path(target))
    try:
        return open_database(target, create=False)
    except ServerUnreachable:
        from newsdesk.sync.offline import open_replica_instead

        replica = open_replica_instead(target, getattr(args, "replica", None))
        if replica is None:
            raise
        return replica
    except DatabaseMissing:
        if args.screenshot or not ask_to_create(target):
            raise
    return create_database(Path(target))


def ask_to_create(path: str) -> bool:
    """Whether the user wants a new, empty database at ``path``."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from newsdesk.ui.i18n import tr

    box = QMessageBox(QMessageBox.Icon.Question, tr("New database"),
                      tr("There is no newsdesk database at {path}. Create a new, empty "
                         "one?").format(path=path))
    box.setTextFormat(Qt.TextFormat.PlainText)  # a path is text, never markup
    create = box.addButton(tr("&Create"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(create)
    box.exec()
    return box.clickedButton() is create


def run_window(args: argparse.Namespace) -> NoReturn:
    """Open the window (or take a screenshot) and end the process with its exit code."""
    # An ordinary exit: the window is disposed of while Qt is alive (``_dispose``), and
    # the teardown aborts earlier notes blamed on exit were PySide6 6.12.0's reference
    # fault (excluded in pyproject.toml; test_signal_refcounts.py).
    raise SystemExit(_run_window(args))


def _run_window(args: argparse.Namespace) -> int:
    from newsdesk.ui.collector import release_cycle_collector
    from newsdesk.ui.feature_scan import spare_source_reads
    from newsdesk.ui.kept_regexes import stop_keeping_regexes
    from newsdesk.ui.support_bytecode import kept_support_bytecode

    with kept_support_bytecode():
        from newsdesk.ui.startup import StartupTrace  # the first import of PySide6
    spare_source_reads()
    trace = StartupTrace(getattr(args, "startup_trace", False))
    from newsdesk.ui.internal_errors import InternalErrors

    errors = InternalErrors()
    errors.install()
    try:
        return _start_window(args, trace, errors)
    finally:
        errors.uninstall()
        # The start may end before a frame (a refused database).
        release_cycle_collector()
        stop_keeping_regexes()


def _start_window(args: argparse.Namespace, trace, errors) -> int:
    if args.screenshot:
        prepare_environment(offscreen=True)
    app = create_application()
    trace.mark("QApplication created")
    with _demo_folder(args) as workdir:
        settings = _settings_for(args, workdir)
        from newsdesk.ui.i18n import chosen_language, install_translations

        install_translations(chosen_language(settings))
        try:
            opened = open_for_window(args, workdir)
        except UserError as exc:
            # A missing database that gets here was declined: no second dialog about it.
            quiet = bool(args.screenshot) or isinstance(exc, DatabaseMissing)
            return _report_open_failure(exc, quiet=quiet)
        trace.mark("database opened")
        from newsdesk.ui.main_window import MainWindow

        trace.mark("window modules imported")
        window = MainWindow(opened, settings)
        window.report_internal_errors(errors)
        if opened.offline_of:
            window.work_offline(resolve_target(args.db), getattr(args, "replica", None))
        elif not opened.is_sqlite and not args.screenshot:
            window.keep_replica(resolve_target(args.db), getattr(args, "replica", None))
        view = args.view or ("desk" if args.screenshot else None)
        if view:
            window.show_mode(view)
        trace.mark("window built (story list and story loaded)")
        _follow_start(window, trace, args, app)
        if args.screenshot:
            code = take_screenshot(window, Path(args.screenshot), args.size)
            close_window(window)
            return code
        from newsdesk.ui.quit_signals import QuitOnSignals

        quit_signals = QuitOnSignals(window)
        window.show()
        trace.mark("window shown")
        if args.bench_exit_when_shown:
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
        code = app.exec()
        quit_signals.uninstall()
        close_window(window)
        return code


def _follow_start(window, trace, args: argparse.Namespace, app) -> None:
    """Trace the first frame and the preview's first page; the cycle collector resumes
    and ``re`` compiles as before at the first frame; the benchmark's exit at the
    preview's first page."""
    from newsdesk.ui.collector import release_cycle_collector
    from newsdesk.ui.kept_regexes import stop_keeping_regexes
    from newsdesk.ui.startup import FirstPaint

    def first_frame() -> None:
        trace.mark("first frame painted")
        release_cycle_collector()
        stop_keeping_regexes()

    window._first_paint = FirstPaint(window, first_frame)
    preview = window.desk.preview
    preview.view_created.connect(lambda: trace.mark("preview web view created"))
    shown: list[int] = []

    def preview_painted(_generation: int) -> None:
        if shown:
            return
        shown.append(1)
        trace.mark("preview painted")
        if args.bench_exit_when_preview_painted:
            print("preview-painted", flush=True)
            app.quit()

    preview.shown.connect(preview_painted)


def close_window(window) -> None:
    """Dispose of the window, then close the database it holds at the end: a team
    window that moved between the server and its replica holds another than the one
    it was opened on (and closed the one it left when it moved)."""
    opened = window.opened
    _dispose(window)
    opened.close()


def _dispose(window) -> None:
    """Destroy the window while Qt is still fully alive.

    Left to the interpreter's final garbage collection, the web view and its profile are
    torn down in an arbitrary order and the process aborts on exit.
    """
    from PySide6.QtCore import QCoreApplication, QEvent

    window.close()
    window.settings.sync()  # the process ends without destructors: write settings now
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _settings_for(args: argparse.Namespace, workdir: Path | None):
    """The user's own settings, except that a demo never changes them."""
    from newsdesk.ui.settings import ini_settings, user_settings

    if args.demo:
        assert workdir is not None, "a demo opens in a folder of its own"
        return ini_settings(workdir / "demo-settings.ini")
    return user_settings()


def _report_open_failure(exc: UserError, *, quiet: bool) -> int:
    print(f"newsdesk: error: {exc.message}", file=sys.stderr)
    if not quiet:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from newsdesk.ui.domain_texts import error_text
        from newsdesk.ui.i18n import tr

        box = QMessageBox(QMessageBox.Icon.Critical, tr("newsdesk cannot open the database"),
                          error_text(exc), QMessageBox.StandardButton.Ok)
        box.setTextFormat(Qt.TextFormat.PlainText)  # a path is text, never markup
        box.exec()
    return 1


def take_screenshot(window, path: Path, size: str) -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    width, height = (int(v) for v in size.lower().split("x"))
    window.resize(width, height)
    window.show()
    # Let layouts settle and the preview finish loading before grabbing.
    loop = QEventLoop()
    QTimer.singleShot(window.screenshot_delay_ms(), loop.quit)
    loop.exec()
    window.finish_background_figures()
    QApplication.processEvents()
    if not window.grab().save(str(path), "PNG"):
        print(f"newsdesk: error: {path}: cannot write the PNG", file=sys.stderr)
        return 1
    window.close()
    return 0

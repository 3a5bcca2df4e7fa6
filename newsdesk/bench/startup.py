"""The ``startup`` figures, against an empty PySide6 window: process start to the window
shown with the story list and the last story (``startup``), and to the preview painted
(``startup-preview``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.bench.synthetic import cache_path

# Both probes run in a child process (python -c), so this module itself stays Qt-free.
EMPTY_WINDOW = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
    app.exec()
""")

NEWSDESK_WINDOW = textwrap.dedent("""
    import sys
    from newsdesk.cli import main
    sys.exit(main(["--db", sys.argv[1], "--bench-exit-when-shown"]))
""")

NEWSDESK_PREVIEW = textwrap.dedent("""
    import sys
    from newsdesk.cli import main
    sys.exit(main(["--db", sys.argv[1], "--bench-exit-when-preview-painted"]))
""")


def probe_pycache(context: BenchContext) -> str:
    """Where the start probes keep their bytecode: beside the synthetic database, kept
    between runs, as an installed newsdesk keeps its own."""
    return str(cache_path(context.articles).parent / "pycache")


def probe_environment(folders: tuple[str, str]) -> dict[str, str]:
    """The environment a start probe runs in, given (settings folder, bytecode folder)."""
    config_home, pycache = folders
    # A settings folder of its own: the figure is a first start, not whichever mode and
    # story the user had open last. A bytecode folder of its own, written even where the
    # caller's environment says not to write bytecode: else every start compiles every
    # module, which no installed newsdesk does.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config_home,
               PYTHONPYCACHEPREFIX=pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return env


def _time_process(code: str, *args: str, folders: tuple[str, str], said: str = "shown"
                  ) -> float:
    env = probe_environment(folders)
    # Timed to the moment the child says it got there, not to its exit: taking QtWebEngine
    # down again is no part of a start.
    # (stderr goes to a file: WebEngine's chatter must not fill a pipe nobody reads yet.)
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        with subprocess.Popen([sys.executable, "-c", code, *args], env=env, text=True,
                              stdout=subprocess.PIPE, stderr=errors,
                              start_new_session=True) as child:
            assert child.stdout is not None
            elapsed = None
            for line in child.stdout:
                if line.strip() == said:
                    elapsed = time.perf_counter() - start
                    break
            try:
                child.communicate(timeout=120)
            except subprocess.TimeoutExpired:
                child.kill()
                raise RuntimeError("startup probe did not end") from None
            _wait_for_descendants(child.pid)
        if child.returncode != 0 or elapsed is None:
            errors.seek(0)
            raise RuntimeError(f"startup probe failed: {errors.read().strip()[-500:]}")
    return elapsed


def _wait_for_descendants(group: int, timeout: float = 20.0) -> None:
    """Until every process the probe started is gone (the preview's renderer process and
    QtWebEngine's own outlive the probe by a moment): measured in their wake, the next
    probe, often the floor, was up to twice as slow."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    os.killpg(group, signal.SIGKILL)


def measure_startup(context: BenchContext, runs: int = 5) -> list[Figure]:
    target = context.target
    # (The preview's renderer process may still be writing bytecode there when a probe
    # has ended.)
    pycache = probe_pycache(context)
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-config-") as config_home:
        folders = (config_home, pycache)
        # Once to warm the file cache and write the .pyc files.
        _time_process(NEWSDESK_PREVIEW, target, folders=folders, said="preview-painted")
        floors, values, previews = [], [], []
        for _ in range(runs):
            floors.append(_time_process(EMPTY_WINDOW, folders=folders))
            values.append(_time_process(NEWSDESK_WINDOW, target, folders=folders))
            previews.append(_time_process(NEWSDESK_PREVIEW, target, folders=folders,
                                          said="preview-painted"))
    floor = sorted(floors)[runs // 2]
    return [Figure("startup", sorted(values)[runs // 2], floor, "s", context.articles),
            Figure("startup-preview", sorted(previews)[runs // 2], floor, "s",
                   context.articles)]

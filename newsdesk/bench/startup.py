"""The ``startup`` figures, against an empty PySide6 window: process start to the window
shown with the story list and the last story (``startup``), and to the preview painted
(``startup-preview``)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import textwrap
import time

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure

# Both probes run in a child process (python -c), so this module itself stays Qt-free.
EMPTY_WINDOW = textwrap.dedent("""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    QTimer.singleShot(0, app.quit)
    app.exec()
    print("shown", flush=True)
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


def _time_process(code: str, *args: str, folders: tuple[str, str], said: str = "shown"
                  ) -> float:
    config_home, pycache = folders
    # A settings folder of its own: the figure is a first start, not whichever mode and
    # story the user had open last. A bytecode folder of its own, written even where the
    # caller's environment says not to write bytecode: else every start compiles every
    # module, which no installed newsdesk does.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config_home,
               PYTHONPYCACHEPREFIX=pycache)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                            text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or said not in result.stdout:
        raise RuntimeError(f"startup probe failed: {result.stderr.strip()[-500:]}")
    return elapsed


def measure_startup(context: BenchContext, runs: int = 5) -> list[Figure]:
    target = context.target
    with (tempfile.TemporaryDirectory(prefix="newsdesk-bench-config-") as config_home,
          tempfile.TemporaryDirectory(prefix="newsdesk-bench-pycache-") as pycache):
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

"""The ``startup`` figure: process start to window shown, against an empty PySide6 window."""

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


def _time_process(code: str, *args: str, config_home: str) -> float:
    # A settings folder of its own: the figure is a first start, not whichever mode and
    # story the user had open last.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=config_home)
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                            text=True, timeout=120)
    elapsed = time.perf_counter() - start
    if result.returncode != 0 or "shown" not in result.stdout:
        raise RuntimeError(f"startup probe failed: {result.stderr.strip()[-500:]}")
    return elapsed


def measure_startup(context: BenchContext, runs: int = 5) -> list[Figure]:
    target = context.target
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-config-") as config_home:
        # Once to warm the file cache and .pyc files.
        _time_process(NEWSDESK_WINDOW, target, config_home=config_home)
        floors, values = [], []
        for _ in range(runs):
            floors.append(_time_process(EMPTY_WINDOW, config_home=config_home))
            values.append(_time_process(NEWSDESK_WINDOW, target, config_home=config_home))
    floors.sort()
    values.sort()
    return [Figure("startup", values[runs // 2], floors[runs // 2], "s", context.articles)]

"""The ``startup-instructions`` figure: the CPU instructions of the window's start, to the
moment the ``startup`` figure stops its clock, against an empty PySide6 window's, both
counted by valgrind's callgrind (run only when named: it takes about half a minute).

On a shared machine the wall-clock ``startup`` figure moves by a third between runs (its
floor too), so a change worth 2-5 ms cannot be told from noise in fewer than ~40 runs. The
instruction count is the same to 0.1% on every run: it says at once what a change to the
start costs or saves (it does not see waiting: disk, locks, a busy second core).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.bench.startup import probe_environment, probe_pycache

# Each probe ends its process where the startup figure stops its clock, so what follows
# (taking Qt down) is not counted.
EMPTY_WINDOW = textwrap.dedent("""
    import os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    QTimer.singleShot(0, lambda: (sys.stdout.flush(), os._exit(0)))
    app.exec()
""")

NEWSDESK_WINDOW = textwrap.dedent("""
    import builtins, os, sys
    _print = builtins.print
    def _shown_ends_it(*values, **options):
        if values and values[0] == "shown":
            sys.stdout.flush()
            os._exit(0)
        return _print(*values, **options)
    builtins.print = _shown_ends_it
    from newsdesk.cli import main
    sys.exit(main(["--db", sys.argv[1], "--bench-exit-when-shown"]))
""")

_COLLECTED = re.compile(r"Collected\s*:\s*([\d,]+)")


def count_instructions(code: str, *args: str, env: dict[str, str]) -> int:
    """Instructions ``python -c code args`` runs (callgrind's total), after one run
    outside valgrind that writes its bytecode."""
    command = [sys.executable, "-c", code, *args]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=120)
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-callgrind-") as folder:
        counted = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={folder}/out",
             *command], env=env, capture_output=True, text=True, timeout=600)
    found = _COLLECTED.search(counted.stderr)
    if counted.returncode != 0 or found is None:
        raise RuntimeError(f"callgrind failed: {counted.stderr.strip()[-500:]}")
    return int(found.group(1).replace(",", ""))


def measure_startup_instructions(context: BenchContext) -> list[Figure]:
    if shutil.which("valgrind") is None:
        print("startup-instructions: skipped (needs valgrind: apt-get install valgrind)",
              file=sys.stderr)
        return []
    target = context.target
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-config-") as config_home:
        # As the startup figure starts them, with one hash seed: the count then repeats
        # to the last 0.1%.
        env = dict(probe_environment((config_home, probe_pycache(context))),
                   PYTHONHASHSEED="0")
        # The start's instructions, not a coverage tool's tracing them (under the tests).
        for variable in ("COVERAGE_PROCESS_START", "COVERAGE_PROCESS_CONFIG"):
            env.pop(variable, None)
        floor = count_instructions(EMPTY_WINDOW, env=env)
        value = count_instructions(NEWSDESK_WINDOW, target, env=env)
    return [Figure("startup-instructions", value / 1e6, floor / 1e6, "M", context.articles,
                   note="CPU instructions, callgrind")]

"""Runs the real newsdesk window (``newsdesk.cli.main``) and types into the story body.

Used by the crash-recovery test, which kills this process with SIGKILL while it types.
Usage: python tests/editor_driver.py DB_FILE TEXT_FILE INTERVAL_MS
Prints ``typed N T`` after each character (T = time.monotonic(), shared across processes).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    db_file, text_file, interval_ms = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = Path(text_file).read_text(encoding="utf-8")
    from newsdesk.ui.app import create_application

    app = create_application()
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from newsdesk.cli import main as newsdesk_main
    from newsdesk.ui.main_window import MainWindow

    state = {"typed": 0}
    timer = QTimer(app)

    def type_next() -> None:
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        body = window.desk.editor.body
        if state["typed"] == 0:
            body.setFocus()
            body.moveCursor(QTextCursor.MoveOperation.End)
            print("ready", flush=True)
        if state["typed"] >= len(text):
            timer.stop()
            return
        QTest.keyClicks(body, text[state["typed"]])
        state["typed"] += 1
        print(f"typed {state['typed']} {time.monotonic()}", flush=True)

    timer.setInterval(interval_ms)
    timer.timeout.connect(type_next)
    QTimer.singleShot(0, timer.start)
    return newsdesk_main(["--db", db_file])


if __name__ == "__main__":
    raise SystemExit(main())

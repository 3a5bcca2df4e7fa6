"""Benchmark probes that need widgets (imported lazily by ``newsdesk.bench``).

``python -m newsdesk.ui.bench_probe list-memory DB`` prints one JSON line: the memory the
story list adds to an empty window once scrolled to the last story.
"""

from __future__ import annotations

import json
import resource
import sys


def first_list_page() -> int:
    """The list model's first page (200 rows by updated), as the window loads it."""
    from newsdesk.ui.desk.article_list import ArticleTableModel

    model = ArticleTableModel()
    model.load()
    return model.rowCount()


def rss_mb() -> float:
    """This process's resident memory (VmRSS) in MB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def _peak_mb() -> float:
    """This process's own peak resident memory. Not ``getrusage``'s ``ru_maxrss``: Linux
    carries that across fork and exec, so a probe started by a large bench process (one
    that had QtWebEngine loaded) reported the parent's peak, ~200 MB too much."""
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1e3  # kB
    return rss_mb()


def list_memory(database: str) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([sys.argv[0]])
    window = QMainWindow()
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    from newsdesk.store.db import open_database
    from newsdesk.ui.desk.article_list import ArticleListPanel
    from newsdesk.ui.settings import emptied_user_ini

    opened = open_database(database)
    app.processEvents()
    empty = rss_mb()  # an empty window (and the modules a list needs) on the database
    panel = ArticleListPanel(emptied_user_ini("newsdesk-bench"))
    window.setCentralWidget(panel)
    app.processEvents()
    model = panel.model
    while model.canFetchMore():
        model.fetchMore()
    panel.table.scrollToBottom()
    app.processEvents()
    last = model.article_id(model.rowCount() - 1)
    rows = model.rowCount()
    opened.close()
    return {"mb": round(max(_peak_mb(), rss_mb()) - empty, 1), "rows": rows, "last": last,
            "empty_mb": round(empty, 1)}


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "list-memory":
        print(json.dumps(list_memory(argv[1])), flush=True)
        return 0
    print("usage: python -m newsdesk.ui.bench_probe list-memory DATABASE", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

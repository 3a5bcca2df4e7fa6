"""The ``export-pictures`` benchmark figure: what pictures add to a re-export.

The same synthetic stories as ``export`` (1,000, or ``--export-stories N``), once text
only and once with one picture each (a different JPEG per story, 1000 x 600 px: six
files, WebP and JPEG at 480, 960 and 1000 px).
Each newsroom is exported once (untimed: that is when the renditions are made), then
every story is changed and the folder re-exported: every page is rendered again, and the
picture files are reused, not made again. The figure is that re-export with pictures,
against the text-only re-export measured in the same run (the goal: a ratio under 1.5).
Best of three runs each, alternating (each side first in turn).
"""

from __future__ import annotations

import io
import sqlite3
import tempfile
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.export import RUNS, _best, _export, _timed, _working_copy, export_stories
from newsdesk.bench.results import Figure
from newsdesk.bench.scratch import scratch_parent

PICTURE_SIZE = (1000, 600)


def picture_bytes(number: int) -> bytes:
    """A distinct JPEG for each story (colours and a block placed by ``number``)."""
    from PIL import Image

    width, height = PICTURE_SIZE
    image = Image.new("RGB", PICTURE_SIZE, (number * 37 % 256, number * 91 % 256, 120))
    left = number * 13 % (width - 200)
    image.paste((255 - number % 256, 40, number * 7 % 256), (left, 100, left + 200, 400))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def _add_pictures(database: Path) -> None:
    from newsdesk.store.db import open_database
    from newsdesk.stories import pictures

    opened = open_database(str(database))
    try:
        with sqlite3.connect(database) as connection:
            ids = [row[0] for row in connection.execute("SELECT id FROM article ORDER BY id")]
        for number, article_id in enumerate(ids):
            pictures.add_picture(article_id, picture_bytes(number), f"picture-{number}.jpg",
                                 caption=f"Picture {number}", credit="Bench",
                                 alt=f"What picture {number} shows")
    finally:
        opened.close()


def _copy(source: Path, target: Path) -> None:
    """A whole copy, what is still in the write-ahead log included (a file copy would
    leave out the tags ``_working_copy`` just added)."""
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    original.close()
    copy.close()


def _touch_every_story(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE article SET body = body || ' Corrected.', "
                           "version = version + 1, updated_at = datetime('now')")


def _reexport(database: Path, out: Path) -> float:
    from newsdesk.store.db import open_database

    _touch_every_story(database)
    opened = open_database(str(database))
    try:
        return _timed(lambda: _export(out, full=False))
    finally:
        opened.close()


def _first_export(database: Path, out: Path) -> None:
    from newsdesk.store.db import open_database

    opened = open_database(str(database))
    try:
        _export(out)
    finally:
        opened.close()


def measure_export_pictures(context: BenchContext) -> list[Figure]:
    stories = export_stories(context)
    parent = scratch_parent(stories, context.options.get("scratch"))  # as the export's
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-pictures-", dir=parent) as name:
        folder = Path(name)
        # Both sides fresh copies of one newsroom (the working copy's tags are still in
        # its write-ahead log, which would slow only the side that reads it there).
        working = _working_copy(folder, stories)
        text, with_pictures = folder / "text.sqlite3", folder / "pictures.sqlite3"
        _copy(working, text)
        _copy(working, with_pictures)
        _add_pictures(with_pictures)
        for database, out in ((text, folder / "text"), (with_pictures, folder / "site")):
            _first_export(database, out)
        floors: list[float] = []
        values: list[float] = []
        sides = [(text, folder / "text", floors), (with_pictures, folder / "site", values)]
        for run in range(RUNS):
            # Each side first in turn: what the one before leaves behind (dirty pages to
            # write back, a busy neighbour) falls on both.
            for database, out, times in (sides if run % 2 == 0 else sides[::-1]):
                times.append(_reexport(database, out))
    return [Figure("export-pictures", _best(values), _best(floors), "s", stories,
                   note="re-export, every story changed, one picture each")]

"""The ``export``, ``reexport`` and ``pelican`` benchmark figures.

- ``export``: a full site export of 1,000 synthetic stories (or ``--export-stories N``;
  tags and approved reviews included), against the floor: the same stories fetched with raw SQL, rendered with
  Python-Markdown (one reused converter) and written through a bare template.
- ``reexport``: re-exporting the same folder after one story changed, against the full
  export measured in the same run (target: under 5%).
- ``pelican``: Pelican building the same stories from our Markdown export (when Pelican
  is installed: the ``bench`` extra), against our site export (newsdesk should be >= 3x
  faster, a ratio >= 3).
- ``pelican-one-core``: the same, with the process pinned to one core (as ``taskset -c 0``):
  our export renders in-process, Pelican as always; the goal there is a ratio >= 2.

The renderer's in-process caches (renders, name slugs) are emptied before every timed
export, so each run renders cold, as a cron job's fresh process would. The files go to a
RAM folder when one has room (``scratch.py`` says why: the disk made consecutive runs
differ by 1.8x). Each figure is the best of three runs, value and floor alike (runs
alternate): on a busy machine the slower runs mostly measure the neighbours (above
``SINGLE_RUN_FROM`` stories one run of each: a full export of 100,000 stories takes
minutes, and the neighbours' share of it is small). A full export renders on all cores
(forked workers); the floor is one loop.
"""

from __future__ import annotations

import contextlib
import html
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from newsdesk.bench.context import BenchContext
from newsdesk.bench.results import Figure
from newsdesk.bench.scratch import scratch_label, scratch_parent
from newsdesk.bench.synthetic import synthetic_database
from newsdesk.store.models import STATUSES

STORIES = 1_000
TAGS_PER_STORY = (1, 4)
SEED = 20240101
RUNS = 3
SINGLE_RUN_FROM = 10_000


def _working_copy(folder: Path, stories: int) -> Path:
    """A copy of the cached synthetic newsroom with tags added (it has none of its own)."""
    target = folder / "export-bench.sqlite3"
    shutil.copy(synthetic_database(stories), target)
    rng = random.Random(SEED)
    with sqlite3.connect(target) as connection:
        entity_ids = [row[0] for row in connection.execute("SELECT id FROM entity")]
        rows = []
        for (article_id,) in connection.execute("SELECT id FROM article").fetchall():
            for entity_id in rng.sample(entity_ids, rng.randint(*TAGS_PER_STORY)):
                rows.append((article_id, entity_id, rng.choice(["about", "mentioned"])))
        connection.executemany(
            "INSERT INTO article_tag (article_id, entity_id, relation) VALUES (?, ?, ?)", rows)
    return target


def _timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _best(values: list[float]) -> float:
    """The fastest run: on a shared machine the slower runs measure the neighbours."""
    return min(values)


def bare_export(database: Path, out: Path) -> int:
    """The floor: raw rows, one reused Python-Markdown converter, a bare template."""
    import markdown

    from newsdesk.publish.render import MARKDOWN_EXTENSIONS

    converter = markdown.Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")
    (out / "stories").mkdir(parents=True)
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT slug, headline, body, footnote, language, desk_code FROM article "
            "WHERE deleted_at IS NULL").fetchall()
    for slug, headline, body, footnote, language, desk_code in rows:
        body_html = converter.reset().convert(body or "")
        foot_html = converter.reset().convert(footnote or "") if footnote else ""
        page = (f'<!doctype html>\n<html lang="{language}"><head><meta charset="utf-8">'
                f"<title>{html.escape(headline)}</title></head><body><h1>"
                f"{html.escape(headline)}</h1>{body_html}<small>{foot_html}</small>"
                f"<p>-{html.escape(desk_code)}-</p></body></html>\n")
        (out / "stories" / f"{slug}.html").write_text(page, encoding="utf-8")
    return len(rows)


def _export(out: Path, fmt: str = "site", *, full: bool = True):
    from newsdesk.formats.outputs import export
    from newsdesk.publish.export import ExportOptions
    from newsdesk.publish.page import name_slug
    from newsdesk.publish.render import render_cache

    render_cache.clear()
    name_slug.cache_clear()
    return export(ExportOptions(out=out, format=fmt, statuses=STATUSES, full=full))


def _touch_one_story(database: Path, number: int) -> None:
    with sqlite3.connect(database) as connection:
        article_id = connection.execute(
            "SELECT id FROM article ORDER BY id LIMIT 1 OFFSET ?", (number,)).fetchone()[0]
        connection.execute(
            "UPDATE article SET body = body || ' Corrected.', version = version + 1, "
            "updated_at = datetime('now') WHERE id = ?", (article_id,))


def _pelican_time(folder: Path) -> float | None:
    try:
        from pelican import Pelican
        from pelican.settings import read_settings
    except ImportError:
        print("pelican: not installed (pip install 'newsdesk[bench]'); figure skipped",
              file=sys.stderr)
        return None
    content = folder / "pelican-content"
    _export(content, "markdown")
    times = []
    for run in range(2):
        output = folder / f"pelican-output-{run}"
        settings = read_settings(override={
            "PATH": str(content), "OUTPUT_PATH": str(output), "SITEURL": "",
            "TIMEZONE": "UTC", "DEFAULT_LANG": "en", "RELATIVE_URLS": True,
            "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False})
        # Pelican prints its summary on stdout, which is the bench's --json output.
        with contextlib.redirect_stdout(sys.stderr):
            times.append(_timed(Pelican(settings).run))
    return min(times)


def _can_pin() -> bool:
    return hasattr(os, "sched_setaffinity") and len(os.sched_getaffinity(0)) > 1


@contextlib.contextmanager
def _one_core() -> Iterator[None]:
    """This process (and the workers it would fork) on one of its cores, as ``taskset -c``."""
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        yield
    finally:
        os.sched_setaffinity(0, cores)


def export_stories(context: BenchContext) -> int:
    """How many stories the figures export: ``--export-stories``, else 1,000 or
    ``--articles`` if fewer."""
    if "export_stories" in context.options:
        return int(context.options["export_stories"])
    return min(context.articles, STORIES)


def _wanted(context: BenchContext, figure: str) -> bool:
    """Whether the run asked for ``figure`` (a direct call measures all three)."""
    names = context.options.get("figures")
    return names is None or figure in names.split(",")


def measure_export(context: BenchContext) -> list[Figure]:
    from newsdesk.store.db import open_database

    stories = export_stories(context)
    runs = RUNS if stories < SINGLE_RUN_FROM else 1
    parent = scratch_parent(stories, context.options.get("scratch"))
    with tempfile.TemporaryDirectory(prefix="newsdesk-bench-export-", dir=parent) as name:
        folder = Path(name)
        database = _working_copy(folder, stories)
        opened = open_database(str(database))
        try:
            floors, values = [], []
            for run in range(runs):
                floors.append(_timed(lambda r=run: bare_export(database, folder / f"bare{r}")))
                values.append(_timed(lambda r=run: _export(folder / f"site{r}")))
            full = _best(values)
            site = folder / "site0"
            re_values = []
            for run in range(RUNS):
                _touch_one_story(database, (100 + run * 37) % stories)
                re_values.append(_timed(lambda: _export(site, full=False)))
            figures = [Figure("export", full, _best(floors), "s", stories,
                              note=scratch_label(parent)),
                       Figure("reexport", _best(re_values), full, "s", stories)]
            # Pelican takes minutes where our export takes seconds: only when it is asked for.
            pelican = _pelican_time(folder) if _wanted(context, "pelican") else None
            if pelican is not None:
                figures.append(Figure("pelican", pelican, full, "s", stories))
            if _wanted(context, "pelican-one-core") and _can_pin():
                with _one_core():  # both sides on one core: no workers, no second core
                    ours = _best([_timed(lambda r=run: _export(folder / f"one-core{r}"))
                                  for run in range(runs)])
                    theirs = _pelican_time(folder)
                if theirs is not None:
                    figures.append(Figure("pelican-one-core", theirs, ours, "s", stories,
                                          note="pinned to one core"))
        finally:
            opened.close()
    return figures

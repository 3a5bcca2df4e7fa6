"""``python -m newsdesk.bench [FIGURE...] [--articles N] [--export-stories N] [--json]
[--db URL]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from newsdesk.bench.context import BenchContext
from newsdesk.bench.dashboard import measure_dashboard
from newsdesk.bench.export import STORIES as EXPORT_STORIES
from newsdesk.bench.export import measure_export
from newsdesk.bench.export_pictures import measure_export_pictures
from newsdesk.bench.keystroke import measure_keystroke
from newsdesk.bench.listing import measure_list, measure_list_memory, measure_search
from newsdesk.bench.moderation import measure_import_reviews, measure_moderation
from newsdesk.bench.preview import measure_preview, measure_preview_latency
from newsdesk.bench.results import Figure
from newsdesk.bench.soak import DEFAULT_MINUTES, measure_soak
from newsdesk.bench.spell import measure_spell
from newsdesk.bench.startup import measure_startup
from newsdesk.bench.startup_instructions import measure_startup_instructions
from newsdesk.bench.suggest import measure_suggest
from newsdesk.bench.suggest_quality import measure_suggest_quality
from newsdesk.bench.sync import measure_sync

Measure = Callable[[BenchContext], list[Figure]]

# Figure name -> the function that measures it (several names may share one function).
FIGURES: dict[str, Measure] = {
    "startup": measure_startup,
    "startup-preview": measure_startup,
    "startup-instructions": measure_startup_instructions,
    "export": measure_export,
    "reexport": measure_export,
    "pelican": measure_export,
    "pelican-one-core": measure_export,
    "export-pictures": measure_export_pictures,
    "suggest": measure_suggest,
    "spell": measure_spell,
    "suggest-quality": measure_suggest_quality,
    "preview": measure_preview,
    "preview-latency": measure_preview_latency,
    "keystroke": measure_keystroke,
    "moderation": measure_moderation,
    "import-reviews": measure_import_reviews,
    "dashboard": measure_dashboard,
    "list": measure_list,
    "search": measure_search,
    "list-memory": measure_list_memory,
    "soak": measure_soak,
    "soak-memory": measure_soak,
    "sync": measure_sync,
    "sync-first": measure_sync,
    "sync-idle": measure_sync,
}
# Figures that build a PostgreSQL server of their own (not --db's synthetic newsroom).
OWN_SERVER = ("sync", "sync-first", "sync-idle")
# Run only when named: a session lasts half an hour, which the default run should not.
# Naming either prints both (one session measures them).
ON_REQUEST = ("soak", "soak-memory")
# Run only when named, alone: it needs valgrind, and counts rather than times.
WHEN_NAMED = ("startup-instructions",)
DEFAULT_FIGURES = [name for name in FIGURES if name not in (*ON_REQUEST, *WHEN_NAMED)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m newsdesk.bench",
                                     description="Measure newsdesk against floors in one run.")
    parser.add_argument("figures", nargs="*", metavar="FIGURE",
                        help=f"which figures (default all but "
                             f"{', '.join((*ON_REQUEST, *WHEN_NAMED))}): "
                             f"{', '.join(FIGURES)}")
    parser.add_argument("--articles", type=int, default=100_000,
                        help="stories in the synthetic database (default 100000)")
    parser.add_argument("--export-stories", type=_whole, default=None, metavar="N",
                        help=f"stories the export, reexport and pelican figures run at "
                             f"(default {EXPORT_STORIES}, or --articles if fewer)")
    parser.add_argument("--scratch", metavar="DIR",
                        help="where the export figures write their files (default: a RAM "
                             "folder with room, else the system's temp folder)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--db", metavar="URL", help="benchmark a postgresql:// database")
    parser.add_argument("--soak-minutes", type=_positive, default=DEFAULT_MINUTES,
                        metavar="N", help=f"length of the soak session "
                                          f"(default {DEFAULT_MINUTES:g})")
    return parser


def _positive(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0: {text}")
    return value


def _whole(text: str) -> int:
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0: {text}")
    return value


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    unknown = [name for name in args.figures if name not in FIGURES]
    if unknown:
        print(f"unknown figure {unknown[0]!r}; known: {', '.join(FIGURES)}", file=sys.stderr)
        return 2
    wanted = args.figures or DEFAULT_FIGURES
    if set(wanted) & set(ON_REQUEST):
        wanted = [*wanted, *ON_REQUEST]
    options = {"soak_minutes": str(args.soak_minutes), "figures": ",".join(wanted)}
    if args.export_stories is not None:
        options["export_stories"] = str(args.export_stories)
    if args.scratch is not None:
        if not os.path.isdir(args.scratch):
            print(f"newsdesk.bench: error: --scratch {args.scratch}: no such folder",
                  file=sys.stderr)
            return 2
        options["scratch"] = args.scratch
    context = BenchContext(articles=args.articles, db_url=args.db, options=options)
    if args.db and not set(wanted) <= set(OWN_SERVER):
        from newsdesk.errors import UserError

        try:
            context.target  # noqa: B018 (fill the server before timing anything)
        except UserError as exc:
            print(f"newsdesk.bench: error: {exc.message}", file=sys.stderr)
            return 1
    done: set[Measure] = set()
    for name in wanted:
        measure = FIGURES[name]
        if measure in done:
            continue
        done.add(measure)
        for figure in measure(context):
            if (figure.figure in wanted or not args.figures
                    or figure.figure.startswith(tuple(f"{w}-" for w in wanted))):
                print(figure.as_json() if args.json else figure.as_line(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

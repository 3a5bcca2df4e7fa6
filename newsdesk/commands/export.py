"""``newsdesk export``: finished stories to a site, ninjs or Markdown folder."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from newsdesk.commands.common import add_database_options, database_for
from newsdesk.errors import UserError
from newsdesk.publish.export import FORMATS, ExportOptions, export
from newsdesk.publish.ninjs import NINJS_VERSIONS
from newsdesk.workflow import EXPORTED_BY_DEFAULT


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "export", help="export finished stories (site, ninjs or Markdown)",
        description="Export stories to a folder. The export is built beside the folder and "
                    "replaces it only when complete; re-exporting rewrites only what changed.")
    parser.add_argument("--out", required=True, type=Path, metavar="DIR",
                        help="the output folder (created, or replaced if it holds an export)")
    parser.add_argument("--format", default="site", choices=FORMATS)
    parser.add_argument("--status", default=",".join(EXPORTED_BY_DEFAULT),
                        help="comma-separated statuses (default: ready,published)")
    parser.add_argument("--ninjs-version", default="2.1", choices=NINJS_VERSIONS)
    parser.add_argument("--since", metavar="DATE",
                        help="only stories updated on or after this day (YYYY-MM-DD)")
    parser.add_argument("--full", action="store_true",
                        help="rebuild everything instead of only what changed")
    add_database_options(parser)
    parser.set_defaults(handler=run_export)


def parse_since(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"not a date (YYYY-MM-DD): {text!r}", field="--since") from None


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int, _: str) -> None:
        filled = int(30 * done / max(total, 1))
        sys.stderr.write(f"\rExporting [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def run_export(args: argparse.Namespace) -> int:
    from newsdesk.commands.stories import parse_statuses

    statuses = tuple(parse_statuses(args.status)) or EXPORTED_BY_DEFAULT
    options = ExportOptions(out=args.out, format=args.format, statuses=statuses,
                            ninjs_version=args.ninjs_version, since=parse_since(args.since),
                            full=args.full)
    with database_for(args):
        result = export(options, progress=_progress_printer())
    print(result.summary())
    return 0

"""``newsdesk export``: finished stories to a site, ninjs or Markdown folder."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from newsdesk.commands.common import add_database_options, database_for
from newsdesk.errors import UserError
from newsdesk.formats.ninjs import NINJS_VERSIONS
from newsdesk.formats.outputs import FORMATS, export
from newsdesk.publish.export import ExportOptions
from newsdesk.publish.page_items import SHARE_NETWORKS
from newsdesk.publish.page_language import page_languages
from newsdesk.stories.workflow import EXPORTED_BY_DEFAULT


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
    site = parser.add_argument_group(
        "site", "for --format site; each defaults to what File > Export last saved")
    site.add_argument("--site-url", metavar="URL",
                      help="the site's public address, for share links and feeds (without "
                           "it the feeds' links are relative, and a warning says so)")
    site.add_argument("--reviews-email", metavar="ADDRESS",
                      help="where readers send reviews (the 'Leave a review' section)")
    site.add_argument("--share", metavar="NETWORKS",
                      help="share links on story pages: comma-separated from "
                           f"{','.join(SHARE_NETWORKS)}, or 'none'")
    site.add_argument("--language", metavar="|".join(page_languages()),
                      help="the language of the index, people's and organisations' pages "
                           "and feeds (story pages speak their story's language)")
    add_database_options(parser)
    parser.set_defaults(handler=run_export)


def parse_since(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"not a date (YYYY-MM-DD): {text!r}", field="--since") from None


def parse_share(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    names = tuple(name.strip().lower() for name in text.split(",") if name.strip())
    if names == ("none",):
        return ()
    unknown = [name for name in names if name not in SHARE_NETWORKS]
    if unknown:
        raise UserError(f"unknown network {unknown[0]!r} (choose from "
                        f"{', '.join(SHARE_NETWORKS)}, or none)", field="--share")
    return names


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
                            full=args.full, share_networks=parse_share(args.share),
                            site_url=args.site_url, review_email=args.reviews_email,
                            language=args.language)
    with database_for(args):
        result = export(options, progress=_progress_printer())
    print(result.summary())
    for warning in result.warnings:  # the export is made: said, but still a success
        print(f"newsdesk: warning: {warning}", file=sys.stderr)
    return 0

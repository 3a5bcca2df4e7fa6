"""``newsdesk import``, ``newsdesk list`` and ``newsdesk show``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk.commands.common import (
    add_database_options,
    database_for,
    print_json,
    print_table,
    progress,
    shown,
)
from newsdesk.errors import UserError
from newsdesk.formats import importer
from newsdesk.formats.imported import ImportedStory
from newsdesk.stories import articles, workflow


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("import", help="import story files (wire copy and others)")
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--format", default="auto",
                        choices=["auto", "agency", "markdown", "ninjs"])
    add_database_options(parser)
    parser.set_defaults(handler=run_import)

    parser = commands.add_parser("list", help="list stories as a table or JSON")
    parser.add_argument("--status", help="comma-separated statuses, e.g. ready,published")
    parser.add_argument("--search", metavar="QUERY",
                        help='full-text search: words, "exact phrase", prefix*; best first')
    parser.add_argument("--limit", type=int, default=None, help="at most this many stories")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_options(parser)
    parser.set_defaults(handler=run_list)

    parser = commands.add_parser("show", help="one story with every field")
    parser.add_argument("ref", metavar="SLUG_OR_ID")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_options(parser)
    parser.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    with database_for(args, create=True):
        parsed: list[ImportedStory] = []
        for path in progress(list(args.files), "Reading"):
            parsed.extend(importer.read_story_file(path, args.format))
        report = importer.import_stories(parsed)
    created = report.of("created")
    print(f"imported {len(created)} stor{'y' if len(created) == 1 else 'ies'} "
          f"from {len(args.files)} file{'s' if len(args.files) != 1 else ''}")
    # A story already stored is updated (a newer version) or skipped (the same or older);
    # either is said, one line each, and neither is a failure.
    for outcome in report.of("updated"):
        print(shown(f"updated story {outcome.slug!r} from {outcome.source}: "
                    f"{outcome.detail}"))
    for outcome in report.of("skipped"):
        print(shown(f"skipped {outcome.source}: {outcome.detail}"))
    for warning in report.warnings:
        print(shown(warning))
    return 0


def parse_statuses(text: str | None) -> list[str]:
    if not text:
        return []
    statuses = [s.strip() for s in text.split(",") if s.strip()]
    unknown = [s for s in statuses if s not in workflow.STATUS_LABELS]
    if unknown:
        raise UserError(f"unknown status {unknown[0]!r} (choose from "
                        f"{', '.join(workflow.STATUS_LABELS)})", field="--status")
    return statuses


def run_list(args: argparse.Namespace) -> int:
    statuses = parse_statuses(args.status)
    with database_for(args):
        rows = articles.list_summaries(statuses, args.search, args.limit)
    if args.json:
        print_json(rows)
        return 0
    headers = ["ID", "STATUS", "UPDATED", "DATELINE", "DESK", "HEADLINE"]
    searched = bool(rows) and "snippet" in rows[0]
    print_table(headers + (["SNIPPET"] if searched else []), [
        [r["id"], r["status"], r["updated_at"][:16].replace("T", " "),
         " ".join(filter(None, [r["dateline"]["place"], r["dateline"]["date"] or ""])),
         r["desk_code"], r["headline"]] + ([r["snippet"]] if searched else []) for r in rows])
    if not rows:
        print("(no stories)", file=sys.stderr)
    return 0


def run_show(args: argparse.Namespace) -> int:
    with database_for(args):
        data = articles.article_to_dict(articles.get_article(args.ref))
    if args.json:
        print_json(data)
        return 0
    dateline = data["dateline"]
    lines = [data["headline"],
             f"{data['status']} · {data['language']} · {data['section'] or '-'} · "
             f"version {data['version']} · {data['slug']}",
             f"{dateline['place']}/{dateline['date'] or '-'}/{dateline['source']}"]
    if data["embargo_until"]:
        lines.append(f"EMBARGOED until {data['embargo_until']}")
    lines += ["", data["body"]]
    if data["footnote"]:
        lines += ["", "* " + data["footnote"]]
    if data["desk_code"]:
        lines.append(f"-{data['desk_code']}-")
    if data["tags"]:
        lines += ["", "Tags: " + ", ".join(f"{t['name']} ({t['relation']})"
                                           for t in data["tags"])]
    for line in lines:
        print(shown(line))
    return 0

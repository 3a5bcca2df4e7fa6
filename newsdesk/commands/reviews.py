"""``newsdesk reviews import|list|decide|recheck``: readers' reviews from scripts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsdesk.commands.common import add_database_options, database_for, print_json, print_table
from newsdesk.moderation import queues as review_queue
from newsdesk.moderation import review_files as review_import
from newsdesk.moderation import reviews
from newsdesk.moderation.rules import visible_text
from newsdesk.stories.identity import default_user_name


def register(commands: argparse._SubParsersAction) -> None:
    group = commands.add_parser("reviews", help="import, list and moderate readers' reviews")
    actions = group.add_subparsers(dest="reviews_command", metavar="ACTION", required=True)

    parser = actions.add_parser("import", help="import a JSON, JSON Lines or CSV file")
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--format", default="auto",
                        choices=["auto", *review_import.FORMATS])
    add_database_options(parser)
    parser.set_defaults(handler=run_import)

    parser = actions.add_parser("list", help="list reviews as a table or JSON")
    parser.add_argument("--status", choices=review_queue.QUEUES,
                        help="one queue (flagged = pending with a flag)")
    parser.add_argument("--story", metavar="SLUG", help="only this story's reviews")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_options(parser)
    parser.set_defaults(handler=run_list)

    parser = actions.add_parser(
        "decide", help="approve, reject or mark reviews as spam",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Decide reviews in one transaction. Prints \"approved N reviews\", then "
                    "one line per\nreview whose earlier decision this changed, e.g. "
                    "\"review 7: approved -> rejected\".",
        epilog="exit status: 0 done (with --only-pending also when reviews were skipped: "
               "each is\nlisted as \"review 7: skipped, already rejected\"); 1 an unknown "
               "id (nothing\nis decided) or the database stayed locked; 2 bad usage.")
    parser.add_argument("decision", choices=["approve", "reject", "spam"])
    parser.add_argument("ids", nargs="+", type=int, metavar="ID")
    parser.add_argument("--only-pending", action="store_true",
                        help="decide only reviews still pending; leave (and list) the ones "
                             "someone already decided")
    add_database_options(parser)
    parser.set_defaults(handler=run_decide)

    parser = actions.add_parser(
        "recheck", help="apply the current moderation rules to every pending review",
        description="Banned words and authors reject pending reviews; every pending "
                    "review's flags are worked out again.")
    add_database_options(parser)
    parser.set_defaults(handler=run_recheck)


def run_import(args: argparse.Namespace) -> int:
    with database_for(args):
        records = review_import.read_review_file(args.file, args.format)
        result = reviews.import_records(records, source=str(args.file),
                                        progress=_terminal_progress())
    print(result.summary())
    return 0


def _terminal_progress(doing: str = "Importing") -> reviews.Progress | None:
    """A progress bar on stderr when it is a terminal; nothing when piped."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        filled = int(30 * done / max(total, 1))
        sys.stderr.write(f"\r{doing} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def run_list(args: argparse.Namespace) -> int:
    with database_for(args):
        rows = review_queue.list_reviews(args.status, args.story)
    if args.json:
        print_json(rows)
        return 0
    # Hidden characters are made visible so a terminal cannot be tricked either.
    print_table(["ID", "STATUS", "SUBMITTED", "STORY", "AUTHOR", "FLAGS", "TEXT"], [
        [r["id"], r["status"], r["submitted"][:16].replace("T", " "), r["story"],
         visible_text(r["author"]), "; ".join(f["reason"] for f in r["flags"]),
         visible_text(r["text"])] for r in rows])
    if not rows:
        print("(no reviews)", file=sys.stderr)
    return 0


def run_decide(args: argparse.Namespace) -> int:
    status = reviews.decision_status(args.decision)
    with database_for(args):
        # Recorded as who decided: NEWSDESK_USER, else the login name.
        group = reviews.decide(args.ids, status,
                               seen_status="pending" if args.only_pending else None,
                               moderator=default_user_name())
    summary = f"{status} {group.count} review{'s' if group.count != 1 else ''}"
    if args.only_pending:
        summary += f"; skipped {len(group.stale)} not pending"
    print(summary)
    for prior in group.overturned:
        print(f"review {prior.review_id}: {prior.status} -> {status}")
    for review_id in group.stale:
        print(f"review {review_id}: skipped, already {group.stale_status[review_id]}")
    return 0


def run_recheck(args: argparse.Namespace) -> int:
    with database_for(args):
        result = reviews.recheck_pending(progress=_terminal_progress("Checking"))
    print(result.summary())
    return 0

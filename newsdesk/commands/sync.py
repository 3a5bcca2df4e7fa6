"""``newsdesk sync``: an offline copy (replica) of the team server: push, pull, report."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdesk.commands.options import add_database_options
from newsdesk.errors import UserError
from newsdesk.store.db import create_database, is_postgres_url, open_database, resolve_target
from newsdesk.store.failures import database_failures
from newsdesk.stories.identity import default_user_name
from newsdesk.sync.run import default_replica_path, sync

CONFLICTS_LEFT = 3  # design.md section 5: finished, but a person must resolve conflicts


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "sync", help="offline copy of the team server: pull, push, report conflicts",
        description="Send the changes made in the replica (stories created or edited, "
                    "tags, review decisions) to the team server, then bring the replica up "
                    "to date. Every story's header is copied; the full text, tags, "
                    "revisions, reviews and pictures of the stories made here, named with "
                    "--keep (the window names those opened in it), or of all with --keep-all. Work offline by "
                    "pointing any command (or the window) at the replica with --db.",
        epilog="exit status: 0 done; 1 a server or replica problem (one line on stderr); "
               "2 bad usage; 3 done, but stories edited on both sides wait for a person "
               "(the server kept its version; yours is a revision marked \"offline edit\"; "
               "'show --json' lists it under needs_look; --looked REF once settled).")
    add_database_options(parser)
    parser.add_argument("--replica", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="the replica file (default: one named after the server in the "
                             "user data folder)")
    parser.add_argument("--keep", action="append", default=[], metavar="REF",
                        help="keep this story's full text offline from now on (slug, id or "
                             "uuid on the server; repeatable)")
    parser.add_argument("--looked", action="append", default=[], metavar="REF",
                        help="a story whose offline edit a person has looked at (taken in "
                             "or left): it no longer needs a look (repeatable)")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--keep-all", dest="keep_all", action="store_true", default=None,
                        help="keep every story's full text offline from now on")
    choice.add_argument("--headers-only", dest="keep_all", action="store_false",
                        help="stop keeping every story in full (kept ones stay)")
    parser.set_defaults(handler=run_sync)


def run_sync(args: argparse.Namespace) -> int:
    if getattr(args, "demo", False):
        raise UserError("sync needs the team server: give --db postgresql://...", field="--db")
    target = resolve_target(getattr(args, "db", None))
    if not is_postgres_url(target):
        raise UserError("sync copies a PostgreSQL team server: give --db postgresql://...",
                        file=target, field="--db")
    replica_path = getattr(args, "replica", None) or default_replica_path(target)
    server = open_database(target)
    try:
        replica = create_database(replica_path)
        try:
            with database_failures(server.target):
                report = sync(server, replica, keep=args.keep, keep_all=args.keep_all,
                              looked=args.looked, author=default_user_name())
        finally:
            replica.close()
    finally:
        server.close()
    print(f"synced {replica.target} with {server.target}")
    for line in report.lines():
        print(line)
    return CONFLICTS_LEFT if report.open_conflicts else 0

"""``newsdesk db copy``: move a whole newsroom between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse

from newsdesk.store.copy import copy_database
from newsdesk.store.db import database_in_use, is_postgres_url, open_database


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("db", help="database tools")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy", help="copy every story, tag, review and rule into an empty database")
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
    copy.set_defaults(handler=run_copy)


def run_copy(args: argparse.Namespace) -> int:
    source = open_database(args.source)
    try:
        # A new SQLite file made for the copy is removed again if the copy fails.
        with database_in_use(args.target, create=not is_postgres_url(args.target)) as target:
            report = copy_database(source, target)
    finally:
        source.close()
    summary = ", ".join(f"{count} {table}" for table, count in report.counts.items() if count)
    print(f"copied {report.total} rows ({summary or 'nothing'}) from {source.target} "
          f"to {target.target}; counts verified")
    return 0

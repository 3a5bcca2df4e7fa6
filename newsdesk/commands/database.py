"""``newsdesk db copy``: move a whole newsroom between SQLite and PostgreSQL."""

from __future__ import annotations

import argparse

from newsdesk.commands.common import add_database_options, database_for
from newsdesk.errors import UserError
from newsdesk.store.copy import copy_database
from newsdesk.store.db import (
    damaged_file,
    database_in_use,
    first_damage,
    is_postgres_url,
    open_database,
)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("db", help="database tools")
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    copy = actions.add_parser(
        "copy", help="copy every story, tag, review and rule into an empty database")
    copy.add_argument("--from", dest="source", required=True, metavar="PATH_OR_URL")
    copy.add_argument("--to", dest="target", required=True, metavar="PATH_OR_URL")
    copy.set_defaults(handler=run_copy)
    check = actions.add_parser(
        "check", help="check every page of a SQLite database file for damage",
        description="Opening a database checks all of a small file but only the small "
                    "tables of a large one (over 16 MB); this checks every page.")
    add_database_options(check)
    check.set_defaults(handler=run_check)


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


def run_check(args: argparse.Namespace) -> int:
    with database_for(args) as opened:
        if not opened.is_sqlite:
            raise UserError("only SQLite files are checked here (PostgreSQL checks its own "
                            "pages)", file=opened.target)
        problem = first_damage(opened.database.connection(), whole=True)
    if problem:
        raise damaged_file(opened.target, problem)
    print(f"{opened.target}: every page checked, no damage found")
    return 0

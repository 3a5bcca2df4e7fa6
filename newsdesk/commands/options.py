"""The database options every command (and the window) accepts; argparse only, so the
window's start does not import the commands' areas to parse its arguments."""

from __future__ import annotations

import argparse


def add_database_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--db`` and ``--demo``, accepted before or after the command name."""
    default = None if top_level else argparse.SUPPRESS
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", metavar="PATH_OR_URL", default=default,
                       help="SQLite file or postgresql:// URL (default: NEWSDESK_DB, "
                            "else newsdesk.sqlite3 in the user data folder)")
    group.add_argument("--demo", action="store_true", default=False if top_level else
                       argparse.SUPPRESS,
                       help="use a fresh temporary database filled with sample content")

"""The ``newsdesk`` command line: a stable contract that users' scripts rely on.

Exit codes: 0 success; 1 a user error, one line on stderr naming file, line and field;
2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from newsdesk import __version__
from newsdesk.commands import command_modules
from newsdesk.commands.options import add_database_options
from newsdesk.errors import UserError

VIEWS = ("desk", "moderation", "entities", "dashboard")


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; given ``argv``, only the command it names is registered
    (none for the window; every one when it names none it knows, so help and mistakes
    list them all)."""
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Offline newsroom editor. Without a command, opens the window.")
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    _add_top_level_options(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in _modules_for(argv):
        module.register(commands)
    return parser


def _add_top_level_options(parser: argparse.ArgumentParser) -> None:
    add_database_options(parser, top_level=True)
    parser.add_argument("--replica", type=Path, metavar="PATH", default=None,
                        help="with a postgresql:// --db: the offline copy (newsdesk sync) to "
                             "work in when the server cannot be reached (default: the one "
                             "named after the server in the user data folder)")
    parser.add_argument("--screenshot", metavar="PNG",
                        help="render the window off-screen to this PNG file and exit")
    parser.add_argument("--view", choices=VIEWS, default=None,
                        help="which mode to show (with --screenshot, or on opening)")
    parser.add_argument("--size", default="1400x900", help=argparse.SUPPRESS)
    parser.add_argument("--startup-trace", action="store_true",
                        help="print how long each phase of the window's start took (stderr)")
    # For the startup benchmark: print "shown" once the window is on screen (or
    # "preview-painted" once the preview shows the story), then quit.
    parser.add_argument("--bench-exit-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bench-exit-when-preview-painted", action="store_true",
                        help=argparse.SUPPRESS)


class _Scout(argparse.ArgumentParser):
    """Reads the command's name the way the whole parser will (an option's value such as
    ``--db list`` is no command); says nothing on a mistake: the whole parser reports it."""

    def error(self, message: str) -> NoReturn:
        raise LookupError(message)


def _modules_for(argv: Sequence[str] | None) -> list[ModuleType]:
    """The command modules ``argv`` needs: the one its command names, none for the window
    (they pull in every area of the product, about half of the window's start)."""
    if argv is None:
        return command_modules()
    scout = _Scout(add_help=False)
    _add_top_level_options(scout)
    scout.add_argument("command", nargs="?")
    scout.add_argument("rest", nargs=argparse.REMAINDER)
    try:
        named, unknown = scout.parse_known_args(list(argv))
    except LookupError:
        return command_modules()
    if named.command is None and not named.rest and not unknown:
        return []  # the window
    return command_modules(named.command)


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(argv).parse_args(argv)
    try:
        if args.command is None:
            from newsdesk.ui.collector import hold_cycle_collector

            hold_cycle_collector()  # resumed at the window's first frame (ui/app.py)
            from newsdesk.ui.kept_regexes import keep_regexes

            keep_regexes()  # until the first frame, too: before PySide6 compiles its own
            from newsdesk.publish.preview_process import start_for_window

            start_for_window()  # first: its imports run beside the window's start
            from newsdesk.store.lean_peewee import import_peewee_for_window

            import_peewee_for_window()  # its driver comes if a PostgreSQL database opens
            # Before Qt: PySide6 reads the source of every module imported after it (to
            # look for its __feature__ imports), 0.1-0.2 ms each.
            from newsdesk.ui.app import run_window

            return run_window(args)
        return int(args.handler(args) or 0)
    except UserError as exc:
        from newsdesk.commands.common import shown

        # The message may quote the file: one line, and nothing a terminal would obey.
        message = shown(exc.message).replace("\n", "\u23ce")
        print(f"newsdesk: error: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("newsdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The ``newsdesk`` command line: a stable contract that users' scripts rely on.

Exit codes: 0 success; 1 a user error, one line on stderr naming file, line and field;
2 bad usage (argparse).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from newsdesk import __version__
from newsdesk.commands import COMMANDS, all_command_modules, command_module
from newsdesk.commands.options import add_database_options
from newsdesk.errors import UserError

VIEWS = ("desk", "moderation", "entities", "dashboard")


class _ProbeFailed(Exception):
    """The quick look at the arguments could not tell the command; the full parser will."""


class _ProbeParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # raises, never exits
        raise _ProbeFailed(message)


def _top_level(parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
               **kwargs) -> argparse.ArgumentParser:
    parser = parser_class(
        prog="newsdesk",
        description="Offline newsroom editor. Without a command, opens the window.", **kwargs)
    if kwargs.get("add_help", True):
        parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    add_database_options(parser, top_level=True)
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
    return parser


def build_parser(commands: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line; ``commands`` limits the command modules registered (and so
    imported) to those owning the commands named; ``None`` registers all."""
    parser = _top_level()
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = (all_command_modules() if commands is None
               else list({id(m): m for m in map(command_module, commands)}.values()))
    for module in modules:
        module.register(subparsers)
    return parser


def parser_for(argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser ``argv`` needs, importing only the command module it names (none for
    the window); help, ``--version`` and mistakes get the full parser and its messages."""
    probe = _top_level(_ProbeParser, add_help=False)
    subparsers = probe.add_subparsers(dest="command")
    for name in COMMANDS:
        subparsers.add_parser(name, add_help=False)
    try:
        args, extra = probe.parse_known_args(list(argv))
    except _ProbeFailed:
        return build_parser()
    if args.command is not None:
        return build_parser([args.command])
    if extra:
        return build_parser()
    return build_parser([])


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser_for(argv).parse_args(argv)
    try:
        if args.command is None:
            from newsdesk.ui.startup import hold_cycle_collector

            hold_cycle_collector()  # resumed at the window's first frame (ui/startup.py)
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

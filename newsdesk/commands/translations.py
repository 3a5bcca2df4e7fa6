"""``newsdesk translations link|unlink``: one story told in several languages."""

from __future__ import annotations

import argparse

from newsdesk.commands.common import add_database_options, database_for, shown
from newsdesk.stories import translations


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "translations", help="link stories that tell the same event in other languages",
        description="A translation group holds one story per language; `show --json` lists "
                    "a story's translations.")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    link = actions.add_parser("link", help="link stories (and those linked to them already)")
    link.add_argument("refs", nargs="+", metavar="REF", help="slug, id or uuid")
    add_database_options(link)
    link.set_defaults(handler=run_link)
    unlink = actions.add_parser("unlink", help="take a story out of its group")
    unlink.add_argument("ref", metavar="REF")
    add_database_options(unlink)
    unlink.set_defaults(handler=run_unlink)


def run_link(args: argparse.Namespace) -> int:
    with database_for(args):
        members = translations.link(args.refs)
    print(f"linked {len(members)} stories:")
    for member in members:
        print(shown(f"  {member.language}  {member.slug}"))
    return 0


def run_unlink(args: argparse.Namespace) -> int:
    with database_for(args):
        translations.unlink(args.ref)
    print(shown(f"unlinked {args.ref}"))
    return 0

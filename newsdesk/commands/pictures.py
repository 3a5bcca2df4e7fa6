"""``newsdesk pictures add REF IMAGE``: a picture into a story, with caption, credit and
alt text (caption and credit default to what the file's IPTC/XMP metadata says)."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdesk.commands.common import add_database_options, database_for
from newsdesk.stories import articles, pictures


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("pictures", help="pictures in stories")
    actions = parser.add_subparsers(dest="pictures_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add a JPEG, PNG or WebP picture to a story",
        description="Add a picture to a story. Without --caption or --credit they are "
                    "taken from the file's IPTC or XMP metadata when it has them. A story "
                    "can be marked ready only when each of its pictures has alt text.")
    add.add_argument("ref", metavar="REF", help="the story's slug, id or uuid")
    add.add_argument("image", type=Path, metavar="IMAGE")
    add.add_argument("--caption", metavar="T")
    add.add_argument("--credit", metavar="T")
    add.add_argument("--alt", metavar="T", help="what the picture shows, for readers who "
                                                "cannot see it")
    add.add_argument("--lead", action="store_true",
                     help="make it the story's lead picture (the first one always is)")
    add_database_options(add)
    add.set_defaults(handler=run_add)


def run_add(args: argparse.Namespace) -> int:
    data = pictures.read_image_file(args.image)
    with database_for(args):
        article = articles.get_article(args.ref)
        added = pictures.add_picture(article.id, data, str(args.image), caption=args.caption,
                                     credit=args.credit, alt=args.alt, lead=args.lead)
    lead = ", the lead picture" if added.lead else ""
    print(f"added picture {added.id} to story {article.slug!r} ({added.width}x{added.height} "
          f"{added.content_type}{lead}); place it in the body with {added.reference}")
    if not added.alt:
        print(f"story {article.slug!r}: picture {added.id} has no alt text yet (needed "
              "before the story is ready)")
    return 0

"""``newsdesk entities suggest FILE``: the tags the tagger would suggest, as JSON."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsdesk.commands.common import add_database_options, database_for, print_json
from newsdesk.formats import importer
from newsdesk.people import suggest


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("entities", help="people, organisations and places")
    actions = parser.add_subparsers(dest="entities_command", metavar="ACTION", required=True)
    suggest_parser = actions.add_parser(
        "suggest", help="suggested tags for a wire-copy or Markdown story, as JSON")
    suggest_parser.add_argument("file", type=Path, metavar="FILE")
    suggest_parser.add_argument("--format", default="auto",
                                choices=["auto", "agency", "markdown", "ninjs"])
    add_database_options(suggest_parser)
    suggest_parser.set_defaults(handler=run_suggest)


def run_suggest(args: argparse.Namespace) -> int:
    stories = importer.read_story_file(args.file, args.format)
    with database_for(args, create=False):
        index = suggest.registry_index()
        results = []
        for story in stories:
            fields = story.fields
            parts = suggest.story_parts(fields.get("headline", ""), fields.get("body", ""),
                                        fields.get("footnote", ""))
            found = suggest.suggest(parts, index, language=str(fields.get("language") or ""),
                                    dateline=str(fields.get("dateline_place") or ""))
            results.append([_public(s) for s in found])
    print_json(results[0] if len(results) == 1 else results)
    return 0


def _public(suggestion: suggest.Suggestion) -> dict:
    data = suggestion.as_dict()
    data.pop("key")
    return data

"""``newsdesk spell FILE``: the words of a story file no dictionary knows, with suggestions."""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsdesk.commands.common import add_database_options, database_for, print_json, shown
from newsdesk.errors import DatabaseMissing, UserError

CHECKED_FIELDS = ("headline", "body", "footnote")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "spell", help="unknown words in a story file, with suggestions",
        description="Check the spelling of a story file (wire copy, ninjs or Markdown): each "
                    "unknown word with its line, column and up to five suggestions. Words of "
                    "the newsroom's dictionary and of the people and organisations registry "
                    "count as known. Exit 0 either way.")
    parser.add_argument("file", type=Path, help="the story file")
    parser.add_argument("--language", choices=("en", "ru", "az"),
                        help="check in this language (default: the story's own)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_database_options(parser)
    parser.set_defaults(handler=run_spell)


def run_spell(args: argparse.Namespace) -> int:
    from newsdesk.formats.importer import read_story_file

    stories = read_story_file(args.file)
    text = args.file.read_text(encoding="utf-8-sig")
    spellers: dict[str, Any] = {}  # one per language, however many stories the file holds
    with _newsroom(args) as has_database:
        found = [entry for story in stories
                 for entry in _story_entries(story, text, args.language, has_database,
                                             spellers)]
    if args.json:
        print_json(found)
    else:
        for entry in found:
            where = f"{args.file}:{entry['line']}:{entry['column']}"
            if entry["field"] != "file":
                where += f" ({entry['field']})"
            offered = ", ".join(entry["suggestions"]) or "no suggestions"
            print(f"{shown(where)}: {shown(entry['word'])} -> {shown(offered)}")
        print(f"{len(found)} unknown word{'s' if len(found) != 1 else ''}")
    return 0


@contextlib.contextmanager
def _newsroom(args: argparse.Namespace) -> Iterator[bool]:
    """The newsroom's database when there is one; without one (no --db and no default
    database yet) the shipped dictionaries alone."""
    with contextlib.ExitStack() as stack:
        try:
            stack.enter_context(database_for(args))
        except DatabaseMissing:
            if getattr(args, "db", None):
                raise
            yield False
        else:
            yield True


def _story_entries(story: Any, text: str, language: str | None, has_database: bool,
                   spellers: dict[str, Any]) -> list[dict[str, Any]]:
    from newsdesk.spelling.dictionaries import base_dictionary, hunspell_words
    from newsdesk.spelling.speller import Speller, speller_for
    from newsdesk.spelling.words import line_and_column

    chosen = language or str(story.fields.get("language") or "en")
    if chosen not in spellers:
        spellers[chosen] = (
            speller_for(chosen) if has_database
            else Speller(chosen, base_dictionary(chosen), set(hunspell_words(chosen))))
    speller = spellers[chosen]
    if speller.dictionary is None and not speller.extra:
        raise UserError(f"no dictionary for {chosen!r} yet: it is learnt from the newsroom's "
                        "published stories in that language, and this database has none",
                        file=story.source, field="language")
    entries = []
    for name in CHECKED_FIELDS:
        value = str(story.fields.get(name) or "")
        offset = text.find(value) if value else -1
        within = text if offset >= 0 else value
        for unknown in speller.check(value):
            line, column = line_and_column(within, unknown.start + max(offset, 0))
            entries.append({"word": unknown.word, "line": line, "column": column,
                            "field": "file" if offset >= 0 else name,
                            "suggestions": speller.suggestions(unknown.word)})
    return entries

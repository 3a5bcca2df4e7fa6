"""Pieces every command shares: database options, opening the database, output helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from newsdesk.commands.options import add_database_options
from newsdesk.demo_folder import demo_folder
from newsdesk.moderation.rules import visible_text
from newsdesk.store.db import database_in_use, open_database, resolve_target
from newsdesk.store.opened import OpenedDatabase

T = TypeVar("T")

__all__ = ["add_database_options", "database_for", "open_demo_database", "print_json",
           "print_table", "progress", "shown"]


@contextmanager
def database_for(args: argparse.Namespace, *, create: bool = False) -> Iterator[OpenedDatabase]:
    """Open the database the arguments name (a fresh demo copy with ``--demo``)."""
    if getattr(args, "demo", False):
        with demo_folder() as folder:
            opened = open_demo_database(folder)
            try:
                yield opened
            finally:
                opened.close()
        return
    target = resolve_target(getattr(args, "db", None))
    if create and not getattr(args, "db", None):
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    with database_in_use(target, create=create) as opened:
        yield opened


def open_demo_database(folder: Path) -> OpenedDatabase:
    from newsdesk.sample import load_sample_content

    opened = open_database(str(folder / "newsdesk-demo.sqlite3"), create=True)
    load_sample_content()
    return opened


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def shown(text: str) -> str:
    """Stored text made safe to print: control characters (the escape sequences that
    would recolour, retitle or rewrite a terminal), carriage returns and hidden
    direction marks become visible marks; newlines and tabs stay. Used for every
    plain-text output, piped or not (a pipe often ends in a terminal: ``| less -R``)."""
    return visible_text(text).replace("\r", "\u27e8CR\u27e9")


def print_table(headers: list[str], rows: Iterable[list[str]]) -> None:
    """A plain aligned table; the widest columns are clipped so lines stay readable."""
    rows = [[shown(str(c)) for c in row] for row in rows]
    widths = [min(60, max([len(h)] + [len(r[i]) for r in rows])) for i, h in enumerate(headers)]

    def line(cells: list[str]) -> str:
        return "  ".join(_clip(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    print(line([shown(h) for h in headers]))
    for row in rows:
        print(line(row))


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def progress(items: list[T], label: str) -> Iterator[T]:
    """Yield ``items``, drawing a progress bar on a terminal and staying quiet when piped."""
    show = sys.stderr.isatty() and len(items) > 1
    for index, item in enumerate(items, 1):
        yield item
        if show:
            filled = int(30 * index / len(items))
            sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (30 - filled)}] "
                             f"{index}/{len(items)}")
            sys.stderr.flush()
    if show:
        sys.stderr.write("\n")

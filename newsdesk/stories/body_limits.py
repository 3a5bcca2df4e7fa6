"""What a story body may be: limits that keep rendering it bounded.

Python-Markdown recurses once per level of nesting (a few hundred nested list items
exhaust Python's stack) and scans from every unclosed ``[``, ``(`` or ``<`` to the end of
its paragraph (thousands of them take seconds, growing with the square of their number).
One such story would stop every export, so a body past these limits is refused when it is
saved or imported, with the reason. Within them a body of 1 MB renders in under a second
(plain text renders in linear time; length alone is no reason to refuse: the editor keeps
and saves a 5 MB paste). The checks are a few linear passes, mostly in ``re``.
"""

from __future__ import annotations

import re

from newsdesk.texts import Phrase, Text

MAX_NESTING = 40
# Sum over paragraphs of (unclosed openers x paragraph length): about 0.2 s of rendering.
MAX_SCAN_COST = 1_000_000

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")
_CONTAINER = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
_INDENT = re.compile(r"[ \t]*")
# A line nested more than MAX_NESTING deep starts with more than MAX_NESTING of these
# characters (a level takes at least one: ">>>"), so only such lines are looked at.
_DEEP_CANDIDATE = re.compile(rf"^[ \t>*+\-.)0-9]{{{MAX_NESTING + 1},}}", re.M)

# Inline markup characters a body may hold of each kind. Unpaired runs of them cost the
# inline parser about 10-20 microseconds each (linear, but a megabyte of them took 5-9 s);
# 20,000 render in about a third of a second. No story needs more.
MAX_MARKS = 20_000
_MARKS = ("`", "*", "_")

TOO_DEEP = Phrase("body.too_deep",
                  "line {line} nests lists or quotes more than {levels} levels deep")
TOO_MANY_OPENERS = Phrase("body.too_many_openers",
                          "the body has too many unclosed '[', '(' or '<' (each makes "
                          "rendering read on to the end of its paragraph); close or remove "
                          "them")


TOO_MUCH_MARKUP = Phrase("body.too_much_markup",
                         "the body has {count} '{mark}' characters (at most {limit}): so "
                         "many make rendering slow; remove them")


def body_refusal(body: str) -> Text | None:
    """Why ``body`` cannot be a story body, or None if it can."""
    line_number = _too_deep(body)
    if line_number is not None:
        return TOO_DEEP(line=str(line_number), levels=str(MAX_NESTING))
    for mark in _MARKS:
        count = body.count(mark)
        if count > MAX_MARKS:
            return TOO_MUCH_MARKUP(count=f"{count:,}", mark=mark, limit=f"{MAX_MARKS:,}")
    cost = 0
    for block in _BLOCK_SPLIT.split(body):
        if "[" in block or "(" in block or "<" in block:
            cost += _unclosed(block) * len(block)
    if cost > MAX_SCAN_COST:
        return TOO_MANY_OPENERS()
    return None


def _too_deep(body: str) -> int | None:
    """The 1-based number of the first line nested more than ``MAX_NESTING`` deep."""
    for candidate in _DEEP_CANDIDATE.finditer(body):
        line_start = candidate.start()
        line_end = body.find("\n", line_start)
        line = body[line_start:] if line_end < 0 else body[line_start:line_end]
        indent = _INDENT.match(line)
        depth = len(indent.group(0).expandtabs(4)) // 4 if indent else 0
        position = 0
        while (match := _CONTAINER.match(line, position)) is not None:
            depth += 1
            position = match.end()
        if depth > MAX_NESTING:
            return body.count("\n", 0, line_start) + 1
    return None


def _unclosed(block: str) -> int:
    """How many ``[`` and ``(`` are never closed in ``block``, plus ``<`` after its last
    ``>``: each one sends the renderer to the end of the block."""
    count = 0
    for opener, closer in (("[", "]"), ("(", ")")):
        if opener not in block:
            continue
        depth = 0
        for char in re.findall(rf"[\{opener}\{closer}]", block):
            if char == opener:
                depth += 1
            elif depth:
                depth -= 1
        count += depth
    last_close = block.rfind(">")
    count += block.count("<", last_close + 1)
    return count

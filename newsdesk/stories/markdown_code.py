"""Where a Markdown text is code: what every renderer newsdesk's Markdown goes to shows
as typed (fenced and indented blocks, inline code spans), and what one of them might.

What counts as code is decided conservatively (``code_spans``), because the sanitiser
of exported Markdown (``publish.safe_markdown``) escapes everything else, and a mistake
the other way is a hole: a line is kept as typed only where both kinds of renderer
(CommonMark ones such as Hugo and markdown-it, and Python-Markdown with its ``extra``
extensions, as Pelican has it) certainly read it as code. Kept are

- fenced blocks that open at the start of a line and close where both kinds agree (an
  unclosed fence is code to CommonMark but text to Python-Markdown);
- indented blocks (four spaces or a tab) after a blank line that follow the start of the
  text, a code block, or a paragraph starting at the margin with no list item, quote,
  footnote or definition in it (after a list, an indented line continues the list item);
- inline code spans on one line without ``|`` or ``)`` (a table cell or link target
  could end there), as long as every backtick before them in their paragraph belongs to
  such a span (one unmatched backtick changes how all later ones pair up).

Picture references go the other way (``maybe_code``): one that might be code is left as
typed by the exports and the imports, and is no reference for the ``ready`` check or
the editor's marks either.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

Span = tuple[int, int]  # [start, end) in the text
LineRange = tuple[int, int]  # first and last line

_TAB = 4
_BREAK_RE = re.compile(r"\r\n|\r|\n")  # what ends a line for every renderer
# CommonMark: a fence at the margin opens a block (a backtick fence only without backticks
# after it); it closes at a run as long, indented up to three spaces.
_CM_OPENER_RE = re.compile(r"^(?:`{3,}[^`\n]*|~{3,}.*)$", re.MULTILINE)
# A fence behind indentation or a list or quote marker opens a block inside that
# container: how far it reaches depends on the container, so nothing after it is kept.
_NESTED_FENCE_RE = re.compile(r"^[ \t>*+\-0-9.)]+(?:`{3}|~{3})", re.MULTILINE)
# Lines after which an indented line belongs to a container (list item, quote, footnote,
# definition), not to a code block.
_CONTAINER_RE = re.compile(r"^ {0,3}(?:[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|>|:(?:[ \t]|$)"
                           r"|\[\^[^\]\n]*\]:|\*\[)", re.MULTILINE)
# Python-Markdown's fenced_code opening line (FencedBlockPreprocessor.FENCED_BLOCK_RE);
# a block with {attrs} is one only if they parse, which is not worked out here.
_PM_FENCE_LINE_RE = re.compile(r"^[`~]{3}.*$", re.MULTILINE)
_PM_OPENER_RE = re.compile(r"(?P<fence>~{3,}|`{3,})[ ]*(?:(?P<attrs>\{[^\n]*\})|"
                           r"(?:\.?[\w#.+-]*[ ]*)?(?:hl_lines=(?P<quot>\"|').*?(?P=quot)[ ]*)?)")
_PM_FENCE_RE = re.compile(r"~{3,}|`{3,}")
_CLEAN_SPAN_RE = re.compile(r"(`+)([^`\r\n|)]+)\1(?!`)")
_BACKTICKS_RE = re.compile(r"(?<!`)`+")
_AUTOLINK_RE = re.compile(r"<(?:(?:https?://|mailto:)[^\s<>]*|[^\s<>@]+@[^\s<>]+)>",
                          re.IGNORECASE)
# Links are read before code spans: a backtick in a link target opens none.
_INLINE_LINK_RE = re.compile(r"(\]\(\s*)(<[^>\n]*>|[^\s)]*)")
# A link reference definition: Python-Markdown reads one wherever a block starts, also
# inside block quotes and list items, with its target on the same line or the next
# (found by hypothesis: "> [r]: javascript:..." kept its target). Taken broadly: a
# definition's target is read before code spans, and a script target becomes "#".
_CONTAINERS = r"(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)]))*"  # (one way to split the spaces)
_REFERENCE_RE = re.compile(rf"^({_CONTAINERS}[ \t]*\[[^\[\]]*\]:[ \t]*\n?"
                           rf"(?:[ \t]*>)*[ \t]*)(<[^>\n]*>|\S+)", re.MULTILINE)
# Any backtick span on one line: ``code_spans`` leaves out those a renderer might read
# otherwise (the sanitiser must escape in doubt); ``maybe_code`` counts them as code.
_ANY_CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")


def code_spans(text: str) -> list[Span]:
    """Where ``text`` is code for every renderer (what ``safe_markdown`` keeps as typed)."""
    return find_code_spans(text, link_targets(text), autolinks(text))


def in_code(text: str) -> Callable[[int], bool]:
    """Whether a position of ``text`` is in code (``code_spans``)."""
    return Intervals(code_spans(text)).covers


def maybe_code(text: str) -> Callable[[int], bool]:
    """Whether a position of ``text`` may be code for some renderer: in ``code_spans``,
    or in any backtick span on one line."""
    code = in_code(text)
    if "`" not in text:
        return code
    spans = Intervals([m.span() for m in _ANY_CODE_SPAN_RE.finditer(text)])
    return lambda position: code(position) or spans.covers(position)


def autolinks(text: str) -> list[Span]:
    """``<https://...>`` and ``<name@host>``: read before code spans."""
    return [m.span() for m in _AUTOLINK_RE.finditer(text)]


def find_code_spans(text: str, links: list[Span], autolink_spans: list[Span]) -> list[Span]:
    """``code_spans``, given the text's link targets and autolinks (found once by a
    caller that needs them too)."""
    lines = _Lines(text)
    block_code = _common(_cm_code_lines(lines), _pm_code_lines(lines))
    kept = [(lines.starts[first], lines.starts[last + 1]) for first, last in block_code]
    kept += _clean_spans(text, lines, block_code, Intervals(links + autolink_spans))
    return kept


class Intervals:
    """Spans of the text (they may overlap), asked whether they cover a position."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        self._reach = []  # the furthest end among the spans starting up to here
        furthest = 0
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def covers(self, position: int) -> bool:
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and self._reach[index] > position


class _Lines:
    """The text's lines: where each starts, and (from whole-text searches, so a long
    text costs little per line) which are blank, start a container or hold a fence."""

    def __init__(self, text: str) -> None:
        # One "\n" per line break, as in the text, so a match's line is the same.
        self.normal = text.replace("\r\n", "\n").replace("\r", "\n")
        self.contents = self.normal.split("\n")
        self.count = len(self.contents)
        self._normal_starts = list(itertools.accumulate(
            (len(line) + 1 for line in self.contents[:-1]), initial=0))
        self.starts = (self._normal_starts if "\r" not in text  # where they start in text
                       else [0] + [m.end() for m in _BREAK_RE.finditer(text)]) + [len(text)]
        self.blank = {index for index, line in enumerate(self.contents)
                      if not line.strip(" \t")}
        self.containers = self.lines_of(_CONTAINER_RE)

    def line_of(self, position: int) -> int:
        """The line of a position in ``normal``."""
        return bisect.bisect_right(self._normal_starts, position) - 1

    def start_in_normal(self, index: int) -> int:
        return self._normal_starts[index] if index < self.count else len(self.normal)

    def lines_of(self, pattern: re.Pattern[str]) -> set[int]:
        """The lines where ``pattern`` (anchored at line starts) matches."""
        found, line, counted_to = set(), 0, 0
        for match in pattern.finditer(self.normal):
            line += self.normal.count("\n", counted_to, match.start())
            counted_to = match.start()
            found.add(line)
        return found

    def indent(self, index: int) -> int:
        columns = 0
        for char in self.contents[index]:
            if char == " ":
                columns += 1
            elif char == "\t":
                columns += _TAB - columns % _TAB
            else:
                break
        return columns


# -- which lines are code ------------------------------------------------------------------
def _cm_code_lines(lines: _Lines) -> list[LineRange]:
    """Lines a CommonMark renderer certainly shows as code."""
    openers = lines.lines_of(_CM_OPENER_RE)
    closers: dict[str, re.Pattern[str]] = {}

    def fence_at(index: int) -> int | None:
        if index not in openers:
            return None
        run = re.match(r"`+|~+", lines.contents[index])
        assert run is not None
        if run.group(0) not in closers:
            closers[run.group(0)] = re.compile(
                rf"^ {{0,3}}{re.escape(run.group(0)[0])}{{{len(run.group(0))},}}[ \t]*$",
                re.MULTILINE)
        found = closers[run.group(0)].search(lines.normal, lines.start_in_normal(index + 1))
        return lines.line_of(found.start()) if found else lines.count - 1  # unclosed: to the end

    return _code_lines(lines, fence_at, lines.lines_of(_NESTED_FENCE_RE))


def _pm_code_lines(lines: _Lines) -> list[LineRange]:
    """Lines Python-Markdown (with ``extra``) certainly shows as code.

    Its fenced_code extension finds a block with one pattern over the whole text: an
    opening line, then the first line that is exactly the same fence (spaces after it
    allowed); an opener without one is text, and a later line may open a block. The same
    is found here line by line (its pattern takes seconds on a few thousand unclosed
    fences), on the lines as its preprocessors see them.
    """
    seen = lines.normal.replace("\x02", "").replace("\x03", "")  # it drops these first
    if seen != lines.normal:
        lines = _Lines(seen)  # the same lines, without those characters
    normal = {index: _pm_normal(lines.contents[index])
              for index in lines.lines_of(_PM_FENCE_LINE_RE)}
    closers: dict[str, list[int]] = {}
    for index in sorted(normal):
        if _PM_FENCE_RE.fullmatch(normal[index].rstrip(" ")):
            closers.setdefault(normal[index].rstrip(" "), []).append(index)
    fences: dict[int, int] = {}
    position = -1
    for index in sorted(normal):
        opener = _PM_OPENER_RE.fullmatch(normal[index]) if index > position else None
        if opener is None:
            continue
        if opener.group("attrs") is not None:
            return _code_lines(lines, fences.get, set(), stop=index)
        same = closers.get(opener.group("fence"), [])
        after = bisect.bisect_right(same, index)
        if after < len(same):
            fences[index] = position = same[after]
    return _code_lines(lines, fences.get, set())


def _pm_normal(line: str) -> str:
    """A line as Python-Markdown's preprocessors see it."""
    line = line.expandtabs(_TAB)
    return "" if not line.strip(" ") else line


def _code_lines(lines: _Lines, fence_at: Callable[[int], int | None],
                unsure: set[int], stop: int | None = None) -> list[LineRange]:
    """Fenced blocks (``fence_at``: the last line of the block opening at a line) and
    indented blocks that are certainly not inside a list, quote or footnote; from the
    first ``unsure`` line (or ``stop``) on, nothing more."""
    code: list[LineRange] = []
    index, after_blank, top_level = 0, True, True
    end_of_lines = lines.count if stop is None else stop
    while index < end_of_lines:
        if index in lines.blank:
            after_blank = True
            index += 1
            continue
        end = fence_at(index)
        if end is None and after_blank and top_level and lines.indent(index) >= _TAB:
            end = _indented_block_end(lines, index)
        if end is not None:
            code.append((index, end))
            index, after_blank, top_level = end + 1, False, True
            continue
        if index in unsure:
            break
        if after_blank:
            top_level = index not in lines.containers and lines.indent(index) == 0
        elif index in lines.containers:
            top_level = False
        after_blank = False
        index += 1
    return code


def _common(ours: list[LineRange], theirs: list[LineRange]) -> list[LineRange]:
    """The lines in both lists of ranges (each in order, not overlapping)."""
    both, i, j = [], 0, 0
    while i < len(ours) and j < len(theirs):
        first, last = max(ours[i][0], theirs[j][0]), min(ours[i][1], theirs[j][1])
        if first <= last:
            both.append((first, last))
        if ours[i][1] < theirs[j][1]:
            i += 1
        else:
            j += 1
    return both


def _indented_block_end(lines: _Lines, first: int) -> int:
    last = first
    for index in range(first + 1, lines.count):
        if index in lines.blank:
            continue
        if lines.indent(index) < _TAB:
            break
        last = index
    return last


# -- inline code -----------------------------------------------------------------------
def _clean_spans(text: str, lines: _Lines, block_code: list[LineRange],
                 read_first: Intervals) -> list[Span]:
    """The code spans every renderer reads as code: in each paragraph (a run of lines
    between blank lines and block code, which no paragraph reaches past), in order, up
    to the first backtick that is not part of a clean span (one in a link target or
    autolink is not: those are read before code spans)."""
    blank = sorted(lines.blank)
    code_starts = [first for first, _ in block_code]
    spans: list[Span] = []
    position = 0
    while (run := _BACKTICKS_RE.search(text, position)) is not None:
        line = bisect.bisect_right(lines.starts, run.start()) - 1
        code = bisect.bisect_right(code_starts, line) - 1
        if code >= 0 and block_code[code][1] >= line:
            position = lines.starts[block_code[code][1] + 1]
            continue
        after = [found[bisect.bisect_left(found, line)] for found in (blank, code_starts)
                 if found and found[-1] >= line]
        paragraph_end = lines.starts[min(after)] if after else len(text)
        span = _CLEAN_SPAN_RE.match(text, run.start(), paragraph_end)
        if (span is None or (run.start() and text[run.start() - 1] == "\\")
                or read_first.covers(run.start())):
            position = paragraph_end  # the rest of this paragraph stays escaped
            continue
        spans.append(span.span())
        position = span.end()
    return spans


def link_targets(text: str) -> list[Span]:
    """The targets of inline links and link reference definitions."""
    return [m.span(2) for pattern in (_INLINE_LINK_RE, _REFERENCE_RE)
            for m in pattern.finditer(text)]

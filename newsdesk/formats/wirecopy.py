"""Read the agency's plain-text wire copy (dateline, headline, body) into a WireStory.

Pure Python, no Qt and no database. The importer turns the result into an Article; errors
carry the 1-based line number so the CLI can say where the file is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from newsdesk.stories.dateline import Dateline, DatelineError, parse_dateline

# The desk's sign-off, e.g. "-05/11K-". Letters may be Cyrillic in Russian copy; the
# look-behind keeps a hyphenated word such as "covid-19/20A-" from counting as one.
DESK_CODE_RE = re.compile(r"(?<![\w-])-(?P<code>\d+/\d+[^\W\d_]*)-$")

# Lines the agency's web page puts after the story; the first one ends the story.
PAGE_FURNITURE = frozenset(
    {"leave a review", "social", "follow us on social networks", "news line"}
)

FOOTNOTE_MARK = "* "

# The agency's release time on a line of its own, before or after the headline:
# "EMBARGOED until 10:00 Baku time 05.04.23" (time, the place whose clock it is, date).
EMBARGO_RE = re.compile(
    r"^embargo(?:ed)?\s*(?:until|till|to)?\s*:?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s+"
    r"(?P<zone>[^\W\d][\w /+-]*?)(?:\s+time)?\s*,?\s+(?P<day>\d{1,2})[./](?P<month>\d{1,2})"
    r"[./](?P<year>\d{2}|\d{4})\.?$", re.IGNORECASE)
# Zones agencies name that are not the last part of an IANA name.
_ZONE_WORDS = {"utc": "UTC", "gmt": "UTC", "local": "", "msk": "Europe/Moscow",
               "azt": "Asia/Baku"}

# Paragraph openings that Markdown would read as a heading, list, quote, code fence,
# thematic break or HTML block instead of as text.
_BLOCK_START_RE = re.compile(
    r"#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|`{3}|~{3}|<[A-Za-z/!?]"
    r"|([-*_])(?:[ \t]*\1){2,}[ \t]*$"
)
_ORDERED_ITEM_RE = re.compile(r"(\d{1,9})([.)])(?=\s|$)")


@dataclass
class WireStory:
    headline: str
    dateline: Dateline | None
    body: str  # Markdown: paragraphs joined by blank lines, dateline removed
    footnote: str  # Markdown, without the leading "* "
    desk_code: str  # without the surrounding dashes, e.g. "05/11K"
    source_line: int  # 1-based line of the headline
    # The release time of an "EMBARGOED until ..." line (naive UTC), None without one.
    embargo_until: datetime | None = None


class WireCopyError(ValueError):
    """Wire copy that cannot be read; ``str()`` is ``"line N: reason"``."""

    def __init__(self, line: int, reason: str) -> None:
        # The parts go to ValueError (not a formatted message) so the error stays
        # picklable when raised in a worker process.
        super().__init__(line, reason)
        self.line = line
        self.reason = reason

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class _Line:
    number: int  # 1-based
    text: str  # stripped; "" for a blank line


@dataclass
class _Paragraph:
    number: int  # line of its first line
    text: str  # its lines joined with single spaces


def parse_wire_copy(text: str) -> WireStory:
    """Parse one story of agency wire copy; raises WireCopyError naming the line."""
    lines, embargo = _take_embargo(_split_lines(text))
    headline = _headline(lines)
    rest = _drop_repeated_headline(lines[headline.number :], headline.text)
    rest = _cut_page_furniture(rest)
    rest, desk_code = _cut_desk_code(rest)
    body, notes = _split_footnotes(_paragraphs(rest))
    dateline, body = _take_dateline(body)
    if not body:
        raise WireCopyError(headline.number, "no story body after the headline")
    return WireStory(
        headline=headline.text,
        dateline=dateline,
        body=_markdown([p.text for p in body]),
        footnote=_markdown(notes),
        desk_code=desk_code,
        source_line=headline.number,
        embargo_until=embargo,
    )


def escape_paragraph_start(paragraph: str) -> str:
    """Backslash-escape an opening that Markdown would not render as plain text.

    Only the start of a paragraph is touched: wire copy is plain text, and this keeps a
    line such as "1. The law..." or "- 5 degrees" from becoming a list.
    """
    ordered = _ORDERED_ITEM_RE.match(paragraph)
    if ordered:
        return f"{ordered[1]}\\{ordered[2]}{paragraph[ordered.end() :]}"
    if _BLOCK_START_RE.match(paragraph):
        return "\\" + paragraph
    return paragraph


def _split_lines(text: str) -> list[_Line]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Tabs are layout left over from the wire terminal; as text they are plain spaces.
    return [
        _Line(number, line.replace("\t", " ").strip())
        for number, line in enumerate(text.split("\n"), start=1)
    ]


def _take_embargo(lines: list[_Line]) -> tuple[list[_Line], datetime | None]:
    """The lines without the embargo line, and its release time (naive UTC). A time
    of "local time" is the newsroom's, which wire copy cannot know: refused."""
    for index, line in enumerate(lines):
        match = EMBARGO_RE.match(line.text)
        if match is None:
            # Capitals mark the agency's notice; "Embargo on oil..." is a sentence.
            if line.text.startswith("EMBARGO"):
                raise WireCopyError(line.number, "an embargo line that is not "
                                    "'EMBARGOED until HH:MM PLACE time DD.MM.YY'")
            continue
        zone = zone_named(match["zone"])
        if zone is None:
            raise WireCopyError(line.number, f"unknown time zone {match['zone']!r} in the "
                                "embargo (name a city, e.g. Baku time, or UTC)")
        year = int(match["year"])
        try:
            local = datetime(year + 2000 if year < 100 else year, int(match["month"]),
                             int(match["day"]), int(match["hour"]), int(match["minute"]),
                             tzinfo=zone)
        except ValueError as exc:
            raise WireCopyError(line.number, f"the embargo's time is not a time ({exc})") \
                from None
        kept = [*lines[:index], _Line(line.number, ""), *lines[index + 1:]]
        return kept, local.astimezone(UTC).replace(tzinfo=None)
    return lines, None


def zone_named(words: str) -> tzinfo | None:
    """The zone a wire names by a city (``Baku``, ``New York``) or ``UTC``/``GMT``."""
    key = " ".join(words.split()).casefold()
    if key in _ZONE_WORDS:
        return ZoneInfo(_ZONE_WORDS[key]) if _ZONE_WORDS[key] else None
    name = _cities().get(key.replace(" ", "_"))
    return ZoneInfo(name) if name else None


@cache
def _cities() -> dict[str, str]:
    """IANA zones by their city, folded (``baku`` -> ``Asia/Baku``)."""
    return {name.rsplit("/", 1)[-1].casefold(): name for name in sorted(available_timezones())
            if "/" in name and not name.startswith(("Etc/", "SystemV/"))}


def _headline(lines: list[_Line]) -> _Line:
    for line in lines:
        if line.text:
            return line
    raise WireCopyError(1, "empty file: no headline")


def _drop_repeated_headline(lines: list[_Line], headline: str) -> list[_Line]:
    for index, line in enumerate(lines):
        if not line.text:
            continue
        if _same_text(line.text, headline):
            return lines[index + 1 :]
        break
    return lines


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _cut_page_furniture(lines: list[_Line]) -> list[_Line]:
    for index, line in enumerate(lines):
        if " ".join(line.text.split()).casefold() in PAGE_FURNITURE:
            return lines[:index]
    return lines


def _cut_desk_code(lines: list[_Line]) -> tuple[list[_Line], str]:
    """Find the desk code that ends the story; drop it and everything after it."""
    for index, line in enumerate(lines):
        match = DESK_CODE_RE.search(line.text)
        if match and (match.start() == 0 or _ends_paragraph(lines, index)):
            kept = lines[:index] + [_Line(line.number, line.text[: match.start()].rstrip())]
            return kept, match["code"]
    return lines, ""


def _ends_paragraph(lines: list[_Line], index: int) -> bool:
    # A code at the end of a hard-wrapped line in mid-paragraph is text, not the sign-off.
    return index + 1 == len(lines) or not lines[index + 1].text


def _paragraphs(lines: list[_Line]) -> list[_Paragraph]:
    paragraphs: list[_Paragraph] = []
    current: list[_Line] = []
    for line in [*lines, _Line(0, "")]:  # the sentinel closes the last paragraph
        if line.text:
            current.append(line)
        elif current:
            paragraphs.append(_Paragraph(current[0].number, _join(current)))
            current = []
    return paragraphs


def _split_footnotes(paragraphs: list[_Paragraph]) -> tuple[list[_Paragraph], list[str]]:
    body: list[_Paragraph] = []
    notes: list[str] = []
    for paragraph in paragraphs:
        if paragraph.text.startswith(FOOTNOTE_MARK):
            notes.append(paragraph.text[len(FOOTNOTE_MARK) :].strip())
        else:
            body.append(paragraph)
    return body, notes


def _join(lines: list[_Line]) -> str:
    # Wire copy hard-wraps; a paragraph is one line of running text.
    return " ".join(line.text for line in lines)


def _take_dateline(body: list[_Paragraph]) -> tuple[Dateline | None, list[_Paragraph]]:
    if not body:
        return None, body
    first = body[0]
    try:
        found = parse_dateline(first.text)
    except DatelineError as exc:
        raise WireCopyError(first.number, str(exc)) from exc
    if found is None:
        return None, body
    dateline, rest = found
    # A dateline standing alone in its paragraph leaves nothing behind it to keep.
    kept = [_Paragraph(first.number, rest)] if rest else []
    return dateline, kept + body[1:]


def _markdown(paragraphs: list[str]) -> str:
    return "\n\n".join(escape_paragraph_start(p) for p in paragraphs if p)

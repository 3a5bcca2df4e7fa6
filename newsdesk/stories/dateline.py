"""Agency datelines: ``Place/DD.MM.YY/Agency:``, as the wire copy prints them.

Pure Python, no Qt and no database: the wire-copy importer, the editor fields and the
exporters all share this one reading and printing of a dateline.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# The place is greedy so that it runs up to the *last* ``/date/`` (a place may itself contain
# a slash). Place and agency are length-capped and may not contain a colon, so an ordinary
# sentence that happens to hold a date is not mistaken for a dateline.
_DATELINE_RE = re.compile(
    r"(?P<place>[^:\n]{1,80})/\s*"
    r"(?P<date>(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2}))"
    r"\s*/(?P<source>[^:/\n]{1,40}):"
)
_DATE_PART = re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4}|\d{2})")


class DatelineError(ValueError):
    """A dateline whose date does not exist, e.g. ``31.02.23``."""

    def __init__(self, date_text: str, detail: str) -> None:
        # Passing the parts (not a formatted message) to ValueError keeps the error
        # picklable, so it survives being sent back from a worker process.
        super().__init__(date_text, detail)
        self.date_text = date_text
        self.detail = detail

    def __str__(self) -> str:
        return f"invalid dateline date {self.date_text!r}: {self.detail}"


@dataclass(frozen=True)
class Dateline:
    place: str
    date: datetime.date | None
    source: str

    def printed(self) -> str:
        """The dateline as the agency prints it, e.g. ``Baku/28.12.22/Turan:``.

        Missing parts are left out (``Baku/Turan:``, ``28.12.22/Turan:``, ``Baku:``), but
        an agency alone keeps its slash (``/Turan:``) so that it does not read back as a
        place; an empty dateline prints as "". ``read_dateline`` reads every form back.
        """
        if self.source and not self.place and self.date is None:
            return f"/{self.source}:"
        date_text = _printed_date(self.date) if self.date else ""
        parts = [part for part in (self.place, date_text, self.source) if part]
        return "/".join(parts) + ":" if parts else ""


def format_date_short(d: datetime.date) -> str:
    """``DD.MM.YY`` with a two-digit year, the agency's form."""
    return f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}"


def _printed_date(d: datetime.date) -> str:
    # Two-digit years read back as this century; any other year is printed whole.
    return format_date_short(d) if 2000 <= d.year <= 2099 else (
        f"{d.day:02d}.{d.month:02d}.{d.year:04d}")


def read_dateline(text: str) -> Dateline:
    """A dateline standing alone, as ``Dateline.printed`` writes it (the closing colon
    may be left out): ``Baku/14.03.23/Turan``, ``Baku/Turan``, ``14.03.23/Turan``,
    ``14.03.23``, ``Baku/14.03.23``, ``Baku``, ``/Turan`` or "".

    The date is the last or next-to-last part; without one, the agency is what follows
    the last slash and the place may itself hold slashes. Raises DatelineError when the
    date does not exist.
    """
    text = text.strip().removesuffix(":")
    if not text.strip():
        return Dateline("", None, "")
    parts = text.split("/")
    for index in (len(parts) - 1, len(parts) - 2):
        found = _DATE_PART.fullmatch(parts[index].strip()) if index >= 0 else None
        if found:
            date = _make_date(found[0], found["day"], found["month"], found["year"])
            return Dateline("/".join(parts[:index]).strip(), date,
                            "/".join(parts[index + 1:]).strip())
    if len(parts) == 1:
        return Dateline(text.strip(), None, "")
    return Dateline("/".join(parts[:-1]).strip(), None, parts[-1].strip())


def parse_dateline(text: str) -> tuple[Dateline, str] | None:
    """Split a leading dateline off a paragraph.

    Returns the dateline and the rest of the paragraph (leading whitespace stripped), or
    None when the paragraph does not open with one. Raises DatelineError when it does but
    the date does not exist.
    """
    match = _DATELINE_RE.match(text.lstrip())
    if match is None:
        return None
    place, source = match["place"].strip(), match["source"].strip()
    if not place or not source:
        return None
    date = _make_date(match["date"], match["day"], match["month"], match["year"])
    rest = text.lstrip()[match.end() :].lstrip()
    return Dateline(place=place, date=date, source=source), rest


def _make_date(date_text: str, day: str, month: str, year: str) -> datetime.date:
    # The agency files with two-digit years; all of its archive is from this century.
    full_year = 2000 + int(year) if len(year) == 2 else int(year)
    try:
        return datetime.date(full_year, int(month), int(day))
    except ValueError as exc:
        raise DatelineError(date_text, str(exc)) from None

"""Reading and writing times the one way: stored times are naive UTC.

peewee's SQLite ``DateTimeField`` cannot read an offset back, and one convention everywhere
keeps ordering by text right, so every time is stored without a zone, in UTC. Raw rows
come back from SQLite as text and from PostgreSQL as ``datetime``/``date``; the readers
below take either. It sits in the store because the store's own field defaults use it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Now, as stored: naive UTC."""
    return datetime.now(UTC).replace(tzinfo=None)


def local_time(stored: datetime) -> datetime:
    """A stored timestamp (naive UTC) in the user's time zone, to show people; the
    result's ``%Z`` names that zone."""
    return stored.replace(tzinfo=UTC).astimezone()


def as_utc(moment: datetime) -> datetime:
    """A time with its zone, in UTC (a naive one is taken as stored, i.e. UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 with the zone, to the second: ``2023-03-14T12:50:00Z``. The year always
    has four digits (``strftime("%Y")`` writes year 1 as ``1``, which no reader takes)."""
    utc = as_utc(moment)
    return f"{utc.year:04d}-{utc:%m-%dT%H:%M:%S}Z"


def parse_time(text: str) -> datetime:
    """An ISO 8601 time as written by people or other systems (``Z`` or an offset, or
    none, meaning UTC), as stored: naive UTC. Raises ``ValueError`` on anything else,
    including a time that exists in its own zone but not in UTC (``0001-01-01T00:00+01:00``
    is in year 0)."""
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            raise ValueError(f"{text!r} is outside the years 1 to 9999 in UTC") from None
    return moment


def stored_moment(value: object) -> datetime:
    """``stored_time`` for a column that is never NULL."""
    moment = stored_time(value)
    if moment is None:
        raise ValueError("a required time is missing")
    return moment


def stored_time(value: object) -> datetime | None:
    """A timestamp column read raw (SQLite's text or a ``datetime``), as a ``datetime``."""
    if type(value) is str:  # SQLite's stored text: the common case, tested first
        return datetime.fromisoformat(value)
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def as_date(value: object) -> date | None:
    """A calendar date from a ``date``, or from text starting ``YYYY-MM-DD`` (the rest,
    such as a time of day, is ignored: the date as written, not converted to UTC)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])

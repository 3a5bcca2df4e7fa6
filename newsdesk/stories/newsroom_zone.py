"""The newsroom's time zone (setting ``newsroom_time_zone``, an IANA name such as
``Asia/Baku``), for what is printed as local time: a dateline date as a moment in ninjs,
the time of an update on the site. Unset, nothing invents an offset: dates stay dates and
times are printed in UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

from newsdesk.store.timestamps import as_utc

ZONE_SETTING = "newsroom_time_zone"


def zone_name() -> str:
    """The zone the newsroom set, if it names one this system knows; else ""."""
    # Imported here: the preview's renderer process prints times in a zone it is given,
    # without a database.
    from newsdesk.store.models import Setting

    name = (Setting.get_value(ZONE_SETTING) or "").strip()
    return name if zone_of(name) is not None else ""


def zone_of(name: str) -> tzinfo | None:
    """The zone an IANA name stands for (None for "" or a name the system lacks)."""
    if not name:
        return None
    # Imported with the first zone asked for: zoneinfo (with sysconfig, for where the
    # zone files are) costs a newsroom that sets none ~3 ms of the window's start.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def start_of_day(day: date, name: str) -> str | None:
    """Midnight of ``day`` in zone ``name``, ISO 8601 with that day's offset (None
    without a zone: a date alone is not a moment)."""
    zone = zone_of(name)
    if zone is None:
        return None
    return datetime.combine(day, time.min, tzinfo=zone).isoformat()


def local_moment(stored: datetime, name: str) -> datetime:
    """A stored time (naive UTC) in zone ``name``, or in UTC without one."""
    return as_utc(stored).astimezone(zone_of(name) or UTC)

"""The time the figures cover: the last N calendar days of the user's clock, ending today.

Times are stored in UTC, but "yesterday" is the user's yesterday: a day starts at the
user's midnight. The offset from UTC is the one in force now; a daylight-saving change
inside the window shifts the days before it by that hour, which a daily count can bear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from newsdesk.store.timestamps import local_time, utcnow

DAYS = 30  # the per-day charts and the moderation figures
WEEK_DAYS = 7  # "this week": the most-tagged people and organisations


@dataclass(frozen=True)
class Period:
    now: datetime  # naive UTC, as stored
    utc_offset_minutes: int  # the user's clock minus UTC
    days: int = DAYS
    week_days: int = WEEK_DAYS

    @property
    def today(self) -> date:
        return (self.now + timedelta(minutes=self.utc_offset_minutes)).date()

    @property
    def day_list(self) -> list[date]:
        """Every day covered, oldest first (today last)."""
        return [self.today - timedelta(days=back) for back in range(self.days - 1, -1, -1)]

    def midnight(self, day: date) -> datetime:
        """The start of the user's ``day``, as a stored (UTC) time."""
        return (datetime.combine(day, datetime.min.time())
                - timedelta(minutes=self.utc_offset_minutes))

    @property
    def start(self) -> datetime:
        """The start of the first day covered (stored UTC)."""
        return self.midnight(self.day_list[0])

    @property
    def week_start(self) -> datetime:
        """The start of the first of the last ``week_days`` days (stored UTC)."""
        return self.midnight(self.today - timedelta(days=self.week_days - 1))


def period_for(now: datetime | None = None, days: int = DAYS) -> Period:
    """The period ending at ``now`` (stored UTC; default: now) on this computer's clock."""
    moment = now if now is not None else utcnow()
    offset = local_time(moment).utcoffset() or timedelta(0)
    return Period(moment, round(offset.total_seconds() / 60), days)

"""The Dashboard's figures: computed in one go from the aggregates in ``queries``.

``compute`` runs each statement once and arranges the few rows that come back (a row per
day and language, per moderator and decision, per flag and status...) into records the
window draws and ``newsdesk stats`` prints. It reads the open database on the calling
thread: the window calls it from its worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from newsdesk.moderation.queues import decider_label
from newsdesk.moderation.reviews import DECISIONS
from newsdesk.moderation.rules import flag_label
from newsdesk.stats.period import Period, period_for
from newsdesk.stats.queries import all_statements
from newsdesk.store.dialect import in_param_style, is_postgres
from newsdesk.store.models import REVIEW_STATUSES, STATUSES, database_proxy
from newsdesk.store.timestamps import iso_utc, stored_time
from newsdesk.texts import Phrase, Text

Rows = list[tuple[Any, ...]]


@dataclass(frozen=True)
class DayStories:
    day: date
    by_language: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.by_language.values())


@dataclass(frozen=True)
class DayReviews:
    day: date
    received: int
    decided: int


@dataclass(frozen=True)
class ModeratorDecisions:
    moderator: str  # as stored: a name, RULES_MODERATOR, or "" (not recorded)
    by_kind: dict[str, int]  # approved, rejected, spam

    @property
    def label(self) -> str:
        return decider_label(self.moderator)

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


@dataclass(frozen=True)
class FlagCount:
    code: str
    by_status: dict[str, int]  # reviews with the flag, per the status they have now

    @property
    def label(self) -> str:
        return flag_label(self.code)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass(frozen=True)
class TaggedEntity:
    kind: str
    entity_id: int
    name: str
    stories: int  # stories updated this week that carry the tag


@dataclass(frozen=True)
class Dashboard:
    period: Period
    stories_by_status: dict[str, int]
    published_per_day: list[DayStories]  # every day of the period, oldest first
    pending: int
    flagged: int
    oldest_pending: datetime | None  # stored UTC
    median_wait_seconds: float | None  # submission to a person's decision
    reviews_per_day: list[DayReviews]  # every day of the period, oldest first
    decisions: list[ModeratorDecisions]  # most decisions first
    flags: list[FlagCount]  # most flagged reviews first
    most_tagged: list[TaggedEntity] = field(default_factory=list)  # by kind, most first

    @property
    def languages(self) -> list[str]:
        """The languages published in the period, most stories first."""
        totals: dict[str, int] = {}
        for day in self.published_per_day:
            for language, count in day.by_language.items():
                totals[language] = totals.get(language, 0) + count
        return sorted(totals, key=lambda language: (-totals[language], language))

    @property
    def oldest_pending_age(self) -> timedelta | None:
        if self.oldest_pending is None:
            return None
        return max(timedelta(0), self.period.now - self.oldest_pending)

    def tagged(self, kind: str) -> list[TaggedEntity]:
        return [entity for entity in self.most_tagged if entity.kind == kind]

    def as_dict(self) -> dict[str, Any]:
        """The figures as JSON data (``newsdesk stats --json``)."""
        period = self.period
        age = self.oldest_pending_age
        return {
            "period": {
                "now": iso_utc(period.now), "days": period.days,
                "first_day": period.day_list[0].isoformat(),
                "last_day": period.today.isoformat(), "from": iso_utc(period.start),
                "week_from": iso_utc(period.week_start),
                "utc_offset_minutes": period.utc_offset_minutes,
            },
            "stories": {
                "by_status": self.stories_by_status,
                "total": sum(self.stories_by_status.values()),
                "published_per_day": [
                    {"day": d.day.isoformat(), "total": d.total, "by_language": d.by_language}
                    for d in self.published_per_day],
            },
            "reviews": {
                "pending": self.pending, "flagged": self.flagged,
                "oldest_pending": iso_utc(self.oldest_pending) if self.oldest_pending else None,
                "oldest_pending_age_seconds": int(age.total_seconds()) if age else None,
                "median_seconds_to_decision": (round(self.median_wait_seconds, 1)
                                               if self.median_wait_seconds is not None
                                               else None),
                "per_day": [{"day": d.day.isoformat(), "received": d.received,
                             "decided": d.decided} for d in self.reviews_per_day],
                "decisions_by_moderator": [
                    {"moderator": m.moderator, "label": m.label, **m.by_kind, "total": m.total}
                    for m in self.decisions],
                "flags": [{"code": f.code, "label": f.label, **f.by_status, "total": f.total}
                          for f in self.flags],
            },
            "most_tagged": [{"kind": e.kind, "id": e.entity_id, "name": e.name,
                             "stories": e.stories} for e in self.most_tagged],
        }


# A wait, to two units at most.
DURATIONS = {
    "days_hours": Phrase("duration.days_hours", "{days} d {hours} h"),
    "days": Phrase("duration.days", "{days} d"),
    "hours_minutes": Phrase("duration.hours_minutes", "{hours} h {minutes} min"),
    "hours": Phrase("duration.hours", "{hours} h"),
    "minutes": Phrase("duration.minutes", "{minutes} min"),
    "seconds": Phrase("duration.seconds", "{seconds} s"),
}


def duration(seconds: float) -> Text:
    """A wait as people say it, to two units at most: ``40 s``, ``12 min``, ``5 h 12 min``,
    ``3 d 4 h``."""
    whole = max(0, round(seconds))
    days, rest = divmod(whole, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return (DURATIONS["days_hours"](days=days, hours=hours) if hours
                else DURATIONS["days"](days=days))
    if hours:
        return (DURATIONS["hours_minutes"](hours=hours, minutes=minutes) if minutes
                else DURATIONS["hours"](hours=hours))
    if minutes:
        return DURATIONS["minutes"](minutes=minutes)
    return DURATIONS["seconds"](seconds=secs)


def duration_text(seconds: float) -> str:
    """``duration`` in English (the command line's)."""
    return str(duration(seconds))


def _run(sql: str, params: tuple[object, ...]) -> Rows:
    return list(database_proxy.obj.execute_sql(in_param_style(sql), params).fetchall())


def _count(value: Any) -> int:
    return int(value or 0)  # PostgreSQL's sum() is NULL over no rows, and may be Decimal


def _day(value: object) -> date:
    return date.fromisoformat(str(value))


def _published(period: Period, rows: Rows) -> list[DayStories]:
    by_day: dict[date, dict[str, int]] = {day: {} for day in period.day_list}
    for day, language, count in rows:
        if _day(day) in by_day:  # a time stamped later than now is nobody's day yet
            by_day[_day(day)][language] = _count(count)
    return [DayStories(day, languages) for day, languages in by_day.items()]


def _per_day(period: Period, received: Rows, decided: Rows) -> list[DayReviews]:
    got = {_day(day): _count(count) for day, count in received}
    done = {_day(day): _count(count) for day, count in decided}
    return [DayReviews(day, got.get(day, 0), done.get(day, 0)) for day in period.day_list]


def _decisions(rows: Rows) -> list[ModeratorDecisions]:
    by_moderator: dict[str, dict[str, int]] = {}
    for moderator, status, count in rows:
        kinds = by_moderator.setdefault(moderator or "", dict.fromkeys(DECISIONS, 0))
        kinds[status] = kinds.get(status, 0) + _count(count)
    found = [ModeratorDecisions(moderator, kinds) for moderator, kinds in by_moderator.items()]
    return sorted(found, key=lambda m: (-m.total, m.label.casefold()))


def _flags(rows: Rows) -> list[FlagCount]:
    by_code: dict[str, dict[str, int]] = {}
    for code, status, count in rows:
        by_code.setdefault(code, dict.fromkeys(REVIEW_STATUSES, 0))[status] = _count(count)
    found = [FlagCount(code, statuses) for code, statuses in by_code.items()]
    return sorted(found, key=lambda f: (-f.total, f.code))


def compute(period: Period | None = None) -> Dashboard:
    """Every figure of the Dashboard for ``period`` (default: the 30 days up to now)."""
    period = period or period_for()
    found = {name: _run(statement.sql, statement.params) for name, statement
             in all_statements(period, postgres=is_postgres()).items()}
    by_status = dict.fromkeys(STATUSES, 0)
    by_status.update({status: _count(count) for status, count in found["stories_by_status"]})
    [(pending, flagged, oldest)] = found["review_queue"]
    [(median,)] = found["median_wait"]
    return Dashboard(
        period=period, stories_by_status=by_status,
        published_per_day=_published(period, found["published_per_day"]),
        pending=_count(pending), flagged=_count(flagged), oldest_pending=stored_time(oldest),
        median_wait_seconds=float(median) if median is not None else None,
        reviews_per_day=_per_day(period, found["received_per_day"], found["decided_per_day"]),
        decisions=_decisions(found["decisions_by_moderator"]),
        flags=_flags(found["flags_by_status"]),
        most_tagged=[TaggedEntity(kind, entity_id, name, _count(stories))
                     for kind, entity_id, name, stories in found["most_tagged"]])

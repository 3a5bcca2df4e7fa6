"""The dashboard's figures for a newsroom whose numbers are known (SQLite; PostgreSQL
in the test marked ``postgres``), and the queues its bars open."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from newsdesk.moderation.queues import QueueFilter, queue_counts
from newsdesk.stats import dashboard
from newsdesk.stats.period import Period, period_for
from newsdesk.store.models import RULES_MODERATOR, Article
from newsdesk.store.timestamps import utcnow
from newsdesk.stories import articles
from tests.dashboard_helpers import DAY, HOUR, build_known_newsroom


def this_second() -> datetime:
    return utcnow().replace(microsecond=0)  # review files give times to the second


def local_day(period: Period, moment: datetime):
    return (moment + timedelta(minutes=period.utc_offset_minutes)).date()


def check_known_figures(now: datetime) -> None:
    build_known_newsroom(now)
    period = period_for(now)
    figures = dashboard.compute(period)

    assert figures.stories_by_status == {"draft": 2, "edited": 1, "ready": 1,
                                         "published": 4, "killed": 1}
    published = {day.day: day.by_language for day in figures.published_per_day if day.total}
    expected: dict = {}
    for moment, language in ((now - 3 * HOUR, "en"), (now - DAY - 3 * HOUR, "en"),
                             (now - DAY - 4 * HOUR, "az"), (now - 2 * DAY - 5 * HOUR, "en")):
        expected.setdefault(local_day(period, moment), Counter())[language] += 1
    assert published == {day: dict(counts) for day, counts in expected.items()}
    assert [day.day for day in figures.published_per_day] == period.day_list
    assert figures.languages == ["en", "az"]

    assert (figures.pending, figures.flagged) == (4, 2)
    assert figures.oldest_pending == now - 10 * DAY
    assert figures.median_wait_seconds == pytest.approx(4 * 3600)
    received = Counter(local_day(period, now - wait) for wait in (
        10 * DAY, 5 * HOUR, 6 * HOUR, 7 * HOUR, 2 * HOUR, 4 * HOUR, 6 * HOUR, 8 * HOUR))
    decided = Counter([local_day(period, now)] * 3 + [local_day(period, now - 8 * HOUR)])
    assert {d.day: (d.received, d.decided) for d in figures.reviews_per_day
            if d.received or d.decided} == {
        day: (received[day], decided[day]) for day in set(received) | set(decided)}

    assert [(m.label, m.by_kind) for m in figures.decisions] == [
        ("Leyla", {"approved": 2, "rejected": 0, "spam": 0}),
        ("automatic rules", {"approved": 0, "rejected": 1, "spam": 0}),
        ("Rauf", {"approved": 0, "rejected": 0, "spam": 1})]
    assert [(f.code, {k: v for k, v in f.by_status.items() if v}) for f in figures.flags] == [
        ("banned_word", {"rejected": 1}), ("links", {"pending": 1}),
        ("suspect", {"pending": 1})]
    assert [(e.kind, e.name, e.stories) for e in figures.most_tagged] == [
        ("organisation", "Press Freedom Union", 2),
        ("person", "Rauf Mammadov", 3), ("person", "Leyla Aliyeva", 1)]


def test_figures_of_a_known_newsroom(db):
    check_known_figures(this_second())


@pytest.mark.postgres
def test_figures_of_a_known_newsroom_on_postgres(pg_db):
    check_known_figures(this_second())


def test_every_bar_opens_a_queue_holding_what_it_counted(db):
    build_known_newsroom(this_second())
    figures = dashboard.compute()
    start = figures.period.start
    for moderator in figures.decisions:
        for kind, count in moderator.by_kind.items():
            spec = QueueFilter(queue=kind, decided_by=moderator.moderator, decided_since=start)
            assert queue_counts(spec)[kind] == count, (moderator.label, kind)
    for flag in figures.flags:
        counts = queue_counts(QueueFilter(flag_code=flag.code, received_since=start))
        assert {status: counts[status] for status in flag.by_status} == flag.by_status
        assert counts["flagged"] == flag.by_status["pending"]
    rules = next(m for m in figures.decisions if m.moderator == RULES_MODERATOR)
    assert rules.total == 1


def test_days_are_the_users_calendar_days(db):
    now = datetime(2026, 3, 10, 12, 0)
    story = articles.create_article({"headline": "Late night vote", "status": "draft"})
    # 22:30 UTC on the 9th is 01:30 on the 10th at UTC+3.
    Article.update(status="published", published_at=datetime(2026, 3, 9, 22, 30)).where(
        Article.id == story.id).execute()
    in_utc = dashboard.compute(Period(now, 0))
    east = dashboard.compute(Period(now, 180))
    assert [d.day.isoformat() for d in in_utc.published_per_day if d.total] == ["2026-03-09"]
    assert [d.day.isoformat() for d in east.published_per_day if d.total] == ["2026-03-10"]
    assert east.period.start == datetime(2026, 2, 8, 21, 0)  # midnight at UTC+3, 30 days


def test_an_empty_newsroom_has_zeros_and_no_median(db):
    figures = dashboard.compute()
    assert sum(figures.stories_by_status.values()) == 0
    assert (figures.pending, figures.flagged, figures.oldest_pending) == (0, 0, None)
    assert figures.median_wait_seconds is None
    assert len(figures.published_per_day) == len(figures.reviews_per_day) == 30
    assert figures.decisions == figures.flags == figures.most_tagged == []
    assert figures.as_dict()["reviews"]["oldest_pending_age_seconds"] is None


def test_median_of_an_even_count_is_the_mean_of_the_middle_two(db):
    now = this_second()
    build_known_newsroom(now)
    from newsdesk.store.models import Review

    Review.update(moderated_by="Emin", moderated_at=now).where(
        Review.external_id == "banned").execute()
    # Now four decisions by people: 2 h, 4 h, 6 h and 8 h.
    assert dashboard.compute().median_wait_seconds == pytest.approx(5 * 3600)


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 s"), (42, "42 s"), (125, "2 min"), (3600, "1 h"), (5 * 3600 + 12 * 60, "5 h 12 min"),
    (3 * 86400, "3 d"), (3 * 86400 + 4 * 3600 + 59, "3 d 4 h"), (1500 * 86400, "1,500 d")])
def test_waits_read_as_people_say_them(seconds, text):
    assert dashboard.duration_text(seconds) == text

"""The one way times are read and written: naive UTC in the database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from newsdesk.store.timestamps import as_date, iso_utc, parse_time, stored_time


def test_times_written_with_a_zone_are_stored_as_naive_utc():
    stored = datetime(2023, 3, 14, 9, 5)
    assert parse_time("2023-03-14T13:05:00+04:00") == stored
    assert parse_time("2023-03-14T09:05:00Z") == stored
    assert parse_time("2023-03-14T09:05:00") == stored  # no zone: already UTC
    with pytest.raises(ValueError):
        parse_time("yesterday")


def test_stored_times_read_back_from_text_or_datetime():
    moment = datetime(2023, 3, 14, 9, 5, 30, 120000)
    assert stored_time(str(moment)) == stored_time(moment) == moment
    assert stored_time(None) is None
    assert iso_utc(moment) == "2023-03-14T09:05:30Z"
    east = datetime(2023, 3, 14, 13, 5, 30, tzinfo=timezone(timedelta(hours=4)))
    assert iso_utc(east) == "2023-03-14T09:05:30Z"
    assert iso_utc(east.astimezone(UTC)) == iso_utc(east)


def test_dates_keep_the_calendar_day_as_written():
    assert as_date("2023-03-14T23:30:00+04:00") == date(2023, 3, 14)
    assert as_date(date(2023, 3, 14)) == date(2023, 3, 14)
    assert as_date("") is None and as_date(None) is None

"""Digest times: daily and weekly slots in a chat's own zone, DST, one catch-up after downtime."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.digest.schedule import Schedule, next_due

UTC = dt.UTC


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "after", "expected"),
    [
        # Almaty is UTC+5 since March 2024: 09:00 there is 04:00 UTC.
        ("Asia/Almaty", "2026-11-21T03:59:59", "2026-11-21T04:00:00"),
        ("Asia/Almaty", "2026-11-21T04:00:00", "2026-11-22T04:00:00"),  # strictly after
        ("Europe/Moscow", "2026-11-21T05:00:00", "2026-11-21T06:00:00"),  # UTC+3
        ("Asia/Omsk", "2026-11-21T02:00:00", "2026-11-21T03:00:00"),  # UTC+6
        ("Asia/Omsk", "2026-11-21T03:30:00", "2026-11-22T03:00:00"),
    ],
)
def test_daily_at_nine_in_the_chats_zone(zone: str, after: str, expected: str) -> None:
    schedule = Schedule("daily", 9, 0, tz=zone)
    assert next_due(schedule, at(after)) == at(expected)


def test_daily_slot_crosses_midnight_in_utc() -> None:
    # 01:30 in Omsk (UTC+6) is 19:30 UTC of the day before.
    schedule = Schedule("daily", 1, 30, tz="Asia/Omsk")
    assert next_due(schedule, at("2026-11-21T12:00:00")) == at("2026-11-21T19:30:00")


def test_weekly_on_a_weekday() -> None:
    # 2026-11-21 is a Saturday; weekday 0 is Monday.
    schedule = Schedule("weekly", 8, 15, weekday=0, tz="Europe/Moscow")
    assert next_due(schedule, at("2026-11-21T12:00:00")) == at("2026-11-23T05:15:00")
    # On the Monday itself, after the slot: a week later.
    assert next_due(schedule, at("2026-11-23T05:15:00")) == at("2026-11-30T05:15:00")


def test_weekly_later_the_same_day() -> None:
    schedule = Schedule("weekly", 18, 0, weekday=5, tz="Asia/Almaty")
    assert next_due(schedule, at("2026-11-21T12:00:00")) == at("2026-11-21T13:00:00")


def test_instant_has_no_slot() -> None:
    assert next_due(Schedule("instant"), at("2026-11-21T12:00:00")) is None


def test_a_dst_zone_keeps_local_wall_clock_time() -> None:
    schedule = Schedule("daily", 9, 0, tz="Europe/Berlin")
    winter = next_due(schedule, at("2026-03-27T12:00:00"))  # CET, UTC+1
    summer = next_due(schedule, at("2026-03-29T12:00:00"))  # CEST, UTC+2 since that night
    assert winter == at("2026-03-28T08:00:00")
    assert summer == at("2026-03-30T07:00:00")


def test_a_time_skipped_by_dst_comes_an_hour_later_that_day() -> None:
    # 02:30 does not exist in Berlin on 2026-03-29; the digest comes at 03:30 CEST (01:30 UTC).
    schedule = Schedule("daily", 2, 30, tz="Europe/Berlin")
    due = next_due(schedule, at("2026-03-28T12:00:00"))
    assert due == at("2026-03-29T01:30:00")
    assert next_due(schedule, due) == at("2026-03-30T00:30:00")  # then 02:30 CEST again


def test_a_repeated_time_goes_out_once() -> None:
    # 02:30 happens twice in Berlin on 2026-10-25; only the first one is a slot.
    schedule = Schedule("daily", 2, 30, tz="Europe/Berlin")
    first = next_due(schedule, at("2026-10-24T12:00:00"))
    assert first == at("2026-10-25T00:30:00")
    assert next_due(schedule, first) == at("2026-10-26T01:30:00")


def test_catch_up_after_downtime_sends_each_missed_digest_once() -> None:
    """Three days down: the chat's one stored slot is due once, the next is computed from now."""
    schedule = Schedule("daily", 9, 0, tz="Asia/Almaty")
    due_at: dt.datetime | None = at("2026-11-18T04:00:00")
    back = at("2026-11-21T10:17:00")
    sent = 0
    now = back
    for _ in range(10):  # the scheduler ticks ten times after the restart
        assert due_at is not None  # daily: there is always a next slot
        if due_at <= now:  # as the scheduler asks the database (DUE_CHATS)
            sent += 1
            due_at = next_due(schedule, now)
        now += dt.timedelta(seconds=5)
    assert sent == 1
    assert due_at == at("2026-11-22T04:00:00")


def test_bad_schedules_are_refused() -> None:
    with pytest.raises(ValueError, match="out of range"):
        Schedule("daily", 24, 0)
    with pytest.raises(ValueError, match="mode"):
        Schedule("hourly", 9, 0)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="aware"):
        next_due(Schedule("daily"), dt.datetime(2026, 11, 21))

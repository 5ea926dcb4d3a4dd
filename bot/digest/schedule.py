"""When a chat's next digest is due: instant, daily at HH:MM, or weekly, in its own time zone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from storage.subscriptions import MODES, ChatSettings, Mode


@dataclass(frozen=True, slots=True)
class Schedule:
    """A chat's digest schedule; `weekday` is 0 for Monday (used by weekly only)."""

    mode: Mode = "instant"
    hour: int = 9
    minute: int = 0
    weekday: int = 0
    tz: str = "Asia/Almaty"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"unknown digest mode {self.mode!r}")
        if not (0 <= self.hour < 24 and 0 <= self.minute < 60 and 0 <= self.weekday < 7):
            raise ValueError("hour, minute or weekday out of range")
        ZoneInfo(self.tz)  # raises for an unknown zone


def schedule_of(chat: ChatSettings) -> Schedule:
    return Schedule(chat.mode, chat.hour, chat.minute, chat.weekday, chat.tz)


def next_due(schedule: Schedule, after: dt.datetime) -> dt.datetime | None:
    """The first digest time strictly after `after` (tz-aware, UTC result); None for instant.

    A wall-clock time that a DST change skips is taken in the offset before the change (so the
    digest comes an hour later that day); a repeated one is taken at its first occurrence.
    """
    if after.tzinfo is None:
        raise ValueError("after must be timezone-aware")
    if schedule.mode == "instant":
        return None
    zone = ZoneInfo(schedule.tz)
    local_day = after.astimezone(zone).date()
    for offset in range(9):
        day = local_day + dt.timedelta(days=offset)
        if schedule.mode == "weekly" and day.weekday() != schedule.weekday:
            continue
        slot = _at(day, schedule, zone)
        if slot > after:
            return slot
    raise AssertionError("a slot exists within eight days")  # pragma: no cover


def _at(day: dt.date, schedule: Schedule, zone: ZoneInfo) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(schedule.hour, schedule.minute), tzinfo=zone)
    return local.astimezone(dt.UTC)

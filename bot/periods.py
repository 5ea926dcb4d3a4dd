"""A period of days (both ends included) and its compact form for buttons; what people type is
read by bot.typed_periods, the one date grammar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_YEAR = 1990
MAX_YEAR = 2100


class PeriodError(ValueError):
    """A button's period key that names no period."""


@dataclass(frozen=True, slots=True)
class Period:
    """Both ends included."""

    since: dt.date
    until: dt.date

    @property
    def key(self) -> str:
        """A compact form for callback data: "YYYYMMDD-YYYYMMDD"."""
        return f"{self.since:%Y%m%d}-{self.until:%Y%m%d}"

    @classmethod
    def from_key(cls, key: str) -> Period:
        since, _, until = key.partition("-")
        try:
            period = cls(_compact(since), _compact(until))
        except ValueError as error:
            raise PeriodError(key) from error
        return period


def _compact(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%Y%m%d").date()

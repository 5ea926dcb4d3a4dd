"""Parsing of /date expressions (a year, a month, a day or a range) into (since, until)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "январь января january jan қаңтар",
        "февраль февраля february feb ақпан",
        "март марта march mar наурыз",
        "апрель апреля april apr сәуір",
        "май мая may мамыр",
        "июнь июня june jun маусым",
        "июль июля july jul шілде",
        "август августа august aug тамыз",
        "сентябрь сентября september sep sept қыркүйек",
        "октябрь октября october oct қазан",
        "ноябрь ноября november nov қараша",
        "декабрь декабря december dec желтоқсан",
    ),
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))

_RANGE = re.compile(r"\s*(?:\.\.|–|—)\s*")
_YEAR = re.compile(r"(\d{4})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DOTTED_MONTH = re.compile(r"(\d{1,2})[./](\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_DOTTED_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_NAMED_MONTH = re.compile(r"([^\W\d_]+)\.?\s+(\d{4})(?:\s*(?:г\.?|года?|жыл|year))?")
_YEAR_FIRST_MONTH = re.compile(r"(\d{4})\s*(?:жылғы|жылдың|ж\.)?\s+([^\W\d_]+)")
_NAMED_DAY = re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})(?:\s*(?:г\.?|года?|жыл))?")

MIN_YEAR = 1990
MAX_YEAR = 2100


class PeriodError(ValueError):
    """The expression is not a period this bot understands."""


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


def parse_period(text: str) -> Period:
    """(since, until) for `2022`, `2022-11`, `11.2022`, `ноябрь 2022`, `07.03.2022`, `a..b`."""
    parts = _RANGE.split(text.strip().lower())
    if len(parts) == 1:
        return _parse_single(parts[0])
    if len(parts) == 2:
        start, end = _parse_single(parts[0]), _parse_single(parts[1])
        if start.since > end.until:
            raise PeriodError(text)
        return Period(start.since, end.until)
    raise PeriodError(text)


def _parse_single(text: str) -> Period:
    text = " ".join(text.split())
    try:
        if match := _YEAR.fullmatch(text):
            return _year(int(match[1]))
        if match := _ISO_MONTH.fullmatch(text):
            return _month(int(match[1]), int(match[2]))
        if match := _DOTTED_MONTH.fullmatch(text):
            return _month(int(match[2]), int(match[1]))
        if match := _ISO_DAY.fullmatch(text):
            return _day(int(match[1]), int(match[2]), int(match[3]))
        if match := _DOTTED_DAY.fullmatch(text):
            return _day(int(match[3]), int(match[2]), int(match[1]))
        if match := _NAMED_MONTH.fullmatch(text):
            return _month(int(match[2]), _month_number(match[1]))
        if match := _YEAR_FIRST_MONTH.fullmatch(text):
            return _month(int(match[1]), _month_number(match[2]))
        if match := _NAMED_DAY.fullmatch(text):
            return _day(int(match[3]), _month_number(match[2]), int(match[1]))
    except ValueError as error:  # day 31 of a 30-day month, month 13...
        raise PeriodError(text) from error
    raise PeriodError(text)


def _month_number(name: str) -> int:
    number = _MONTHS.get(name)
    if number is None:
        raise PeriodError(name)
    return number


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(str(year))


def _year(year: int) -> Period:
    _check_year(year)
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


def _month(year: int, month: int) -> Period:
    _check_year(year)
    if not 1 <= month <= 12:
        raise PeriodError(f"{month}.{year}")
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last))


def _day(year: int, month: int, day: int) -> Period:
    _check_year(year)
    date = dt.date(year, month, day)
    return Period(date, date)

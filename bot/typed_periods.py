"""Periods in what people type: dates, months, years, ranges of them, and relative words.

`01.03.2022-30.06.2022`, `2022-03-01 - 2022-06-30`, `с марта по июнь 2022`, `март–июнь 2022`,
`вчера`, `на этой неделе`, `за месяц`, `last month`, `this year`, `өткен ай`. A reversed range is
swapped; an impossible date is named precisely (`31.02.2022`: no such day). `today` is passed in.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.periods import MAX_YEAR, MIN_YEAR, Period

# Month names by prefix, longest first where prefixes share a start (маусым before ма[йя]).
_MONTH_PREFIXES = (
    ("январ", 1), ("феврал", 2), ("март", 3), ("апрел", 4), ("июн", 6), ("июл", 7),
    ("август", 8), ("сентябр", 9), ("октябр", 10), ("ноябр", 11), ("декабр", 12),
    ("қаңтар", 1), ("ақпан", 2), ("наурыз", 3), ("сәуір", 4), ("мамыр", 5), ("маусым", 6),
    ("шілде", 7), ("тамыз", 8), ("қыркүйек", 9), ("қазан", 10), ("қараша", 11),
    ("желтоқсан", 12), ("ма", 5),
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
)  # fmt: skip
_MONTH = (
    r"(?:январ\w*|феврал\w*|март\w*|апрел\w*|ма[йяе]|июн\w*|июл\w*|август\w*|сентябр\w*"
    r"|октябр\w*|ноябр\w*|декабр\w*|қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*"
    r"|маусым\w*|шілде\w*|тамыз\w*|қыркүйек\w*|қазан\w*|қараша\w*|желтоқсан\w*"
    r"|january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?!\w)"
)
_YEAR = r"(?:19|20)\d\d"
_YEAR_WORD = r"(?:\s*(?:г\.|г(?!\w)|года|году|год|жылы|жылғы|жыл|year))?"
_POINT = (
    rf"(?:\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+{_YEAR}{_YEAR_WORD}|{_MONTH}\s+{_YEAR}{_YEAR_WORD}"
    rf"|{_YEAR}\s*(?:жылғы|жылдың|ж\.)?\s+{_MONTH}"
    rf"|\d{{4}}-\d{{1,2}}(?!\d)|\d{{1,2}}[./]\d{{4}}|{_YEAR}{_YEAR_WORD})"
)
_RANGE_START = rf"(?:{_POINT}|{_MONTH})"
_BETWEEN = r"(?:\s*(?:-|–|—|\.\.)\s*|\s+(?:по|до|to|until|till|and|дейін)\s+)"
_RELATIVE: dict[str, str] = {
    "today": r"сегодня|today|бүгін",
    "yesterday": r"вчера|yesterday|кеше",
    "this_week": r"на этой неделе|эта неделя|этой недели|this week|осы аптада|осы апта",
    "last_week": r"на прошлой неделе|прошлая неделя|прошлой недели|last week|өткен аптада"
    r"|өткен апта",
    "past_week": r"за последнюю неделю|за неделю|past week|соңғы апта",
    "this_month": r"в этом месяце|этот месяц|этого месяца|this month|осы айда|осы ай",
    "last_month": r"в прошлом месяце|прошлый месяц|прошлого месяца|last month|өткен айда"
    r"|өткен ай",
    "past_month": r"за последний месяц|за месяц|past month|соңғы ай",
    "this_year": r"в этом году|этот год|этого года|this year|биыл|осы жылы|осы жыл",
    "last_year": r"в прошлом году|прошлый год|прошлого года|last year|өткен жылы|өткен жыл",
    "past_year": r"за последний год|за год|past year|соңғы жыл",
}
_FINDER = re.compile(
    r"(?<![\w.])(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _RELATIVE.items())
    + rf"|(?:(?:с|from|since|between)\s+)?(?P<first>{_RANGE_START}){_BETWEEN}(?P<last>{_POINT})"
    + rf"|(?P<single>{_POINT})"
    + r")(?![\w])",
    re.IGNORECASE,
)
_DOTTED_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NAMED_DAY = re.compile(rf"(\d{{1,2}})\s+({_MONTH})\s+({_YEAR})")
_NAMED_MONTH = re.compile(rf"({_MONTH})\s+({_YEAR})")
_YEAR_FIRST = re.compile(rf"({_YEAR})\D+?({_MONTH})")
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DOTTED_MONTH = re.compile(r"(\d{1,2})[./](\d{4})")
_BARE_YEAR = re.compile(rf"({_YEAR})")


class TypedPeriodError(ValueError):
    """A date that looks like one but cannot be: `problem` is "day", "month" or "year"."""

    def __init__(self, typed: str, problem: str) -> None:
        super().__init__(typed)
        self.typed = typed
        self.problem = problem


@dataclass(frozen=True, slots=True)
class PeriodFound:
    """A period found in typed text (or why the date found there cannot be)."""

    start: int
    end: int
    period: Period | None
    error: TypedPeriodError | None = None


def find_period(text: str, today: dt.date) -> PeriodFound | None:
    """The first period named in `text`, or None when it names none."""
    match = _FINDER.search(text)
    if match is None:
        return None
    try:
        period = _period(match, today)
    except TypedPeriodError as error:
        return PeriodFound(match.start(), match.end(), None, error)
    return PeriodFound(match.start(), match.end(), period)


def _period(match: re.Match[str], today: dt.date) -> Period:
    for name in _RELATIVE:
        if match[name]:
            return _RELATIVE_PERIODS[name](today)
    if match["single"]:
        return _point(match["single"], None)
    last = _point(match["last"], None)
    first = _point(match["first"], last.until.year)
    if first.since > last.until:  # typed the other way round
        first, last = last, first
    return Period(first.since, last.until)


def _point(typed: str, default_year: int | None) -> Period:
    """One date, month or year as typed; a bare month takes `default_year`."""
    text = typed.lower()
    if found := _DOTTED_DAY.match(text):
        return _day(typed, int(found[3]), int(found[2]), int(found[1]))
    if found := _ISO_DAY.match(text):
        return _day(typed, int(found[1]), int(found[2]), int(found[3]))
    if found := _NAMED_DAY.match(text):
        return _day(typed, int(found[3]), _month_number(found[2]), int(found[1]))
    if found := _NAMED_MONTH.match(text):
        return _month(typed, int(found[2]), _month_number(found[1]))
    if found := _YEAR_FIRST.match(text):
        return _month(typed, int(found[1]), _month_number(found[2]))
    if found := _ISO_MONTH.match(text):
        return _month(typed, int(found[1]), int(found[2]))
    if found := _DOTTED_MONTH.match(text):
        return _month(typed, int(found[2]), int(found[1]))
    if found := _BARE_YEAR.match(text):
        year = _checked_year(typed, int(found[1]))
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if default_year is None:
        raise TypedPeriodError(typed, "year")
    return _month(typed, default_year, _month_number(text))


def _month_number(name: str) -> int:
    name = name.lower()
    return next(number for prefix, number in _MONTH_PREFIXES if name.startswith(prefix))


def _checked_year(typed: str, year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise TypedPeriodError(typed, "year")
    return year


def _month(typed: str, year: int, month: int) -> Period:
    _checked_year(typed, year)
    if not 1 <= month <= 12:
        raise TypedPeriodError(typed, "month")
    last = calendar.monthrange(year, month)[1]
    return Period(dt.date(year, month, 1), dt.date(year, month, last))


def _day(typed: str, year: int, month: int, day: int) -> Period:
    _month(typed, year, month)
    try:
        date = dt.date(year, month, day)
    except ValueError as error:
        raise TypedPeriodError(typed, "day") from error
    return Period(date, date)


def _month_before(today: dt.date) -> Period:
    last = today.replace(day=1) - dt.timedelta(days=1)
    return Period(last.replace(day=1), last)


def _week_before(today: dt.date) -> Period:
    monday = today - dt.timedelta(days=today.weekday() + 7)
    return Period(monday, monday + dt.timedelta(days=6))


_RELATIVE_PERIODS: dict[str, Callable[[dt.date], Period]] = {
    "today": lambda today: Period(today, today),
    "yesterday": lambda today: Period(today - dt.timedelta(days=1), today - dt.timedelta(days=1)),
    "this_week": lambda today: Period(today - dt.timedelta(days=today.weekday()), today),
    "last_week": _week_before,
    "past_week": lambda today: Period(today - dt.timedelta(days=6), today),
    "this_month": lambda today: Period(today.replace(day=1), today),
    "last_month": _month_before,
    "past_month": lambda today: Period(today - dt.timedelta(days=29), today),
    "this_year": lambda today: Period(today.replace(month=1, day=1), today),
    "last_year": lambda today: Period(
        dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    ),
    "past_year": lambda today: Period(today - dt.timedelta(days=364), today),
}

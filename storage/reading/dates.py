"""Dates written in ru/kk/en article headers and web addresses (never dates of body events).

Which lines form the header is decided by what they are (storage.reading.cleaning); this module
only reads a date out of one line or one address.
"""

from __future__ import annotations

import datetime as dt
import re

LINE_MAX_CHARS = 200  # longer lines are body paragraphs, whose dates are events
_MONTH_STEMS = {
    # Russian
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    # Kazakh
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    # English
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MAY = frozenset(["мая", "май", "маю", "мае", "may"])
_MONTH = r"(?P<month>[^\W\d_]{3,12})"
_DAY = r"(?P<day>\d{1,2})"
_YEAR = r"(?P<year>\d{4})"
_PATTERNS = (
    re.compile(rf"(?<![\d.\-/]){_DAY}([./-])(?P<month>\d{{1,2}})\2{_YEAR}(?![\d.\-/]\d)"),
    re.compile(rf"(?<!\d){_YEAR}-(?P<month>\d{{2}})-(?P<day>\d{{2}})(?!\d)"),
    re.compile(rf"(?<!\d){_YEAR}\s+жыл\w{{0,4}}\s+{_DAY}\s+{_MONTH}"),
    re.compile(rf"(?<!\d){_DAY}(?:-?(?:го|е))?\s+{_MONTH}\.?,?\s+{_YEAR}(?!\d)"),
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY}(?:st|nd|rd|th|-?го|-?е)?,?\s+{_YEAR}(?!\d)", re.I),
)
_URL_DATES = (
    re.compile(r"/(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"[/_-](?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:/|$|[-_.])"),
    re.compile(r"/(?P<year>20\d{2})(?P<month>[01]\d)(?P<day>[0-3]\d)(?:/|$|[-_])"),
)
_WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|"
    r"четверг|пятница|суббота|воскресенье|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)"
)
_FOUR_DIGITS = re.compile(r"\d{4}")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?")
_DATE_WORDS = re.compile(rf"^(?:{_WEEKDAYS}|г|года|год|жыл\w*|в|at|of)$", re.IGNORECASE)


def _month_number(word: str) -> int | None:
    word = word.lower()
    if word in _MAY:
        return 5
    for stem, number in _MONTH_STEMS.items():
        if word.startswith(stem):
            return number
    return None


def _date_from(match: re.Match[str]) -> dt.date | None:
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _month_number(month_text)
    if month is None:
        return None
    year = int(match.group("year"))
    if not 1990 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, int(match.group("day")))
    except ValueError:
        return None


def _found(line: str) -> tuple[dt.date, re.Match[str]] | None:
    if not _FOUR_DIGITS.search(line):  # every date written out has its year
        return None
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            found = _date_from(match)
            if found:
                return found, match
    return None


def date_in_line(line: str) -> dt.date | None:
    """The first full date written in a line (a header line: at most LINE_MAX_CHARS long)."""
    if len(line) > LINE_MAX_CHARS:
        return None
    found = _found(line)
    return found[0] if found else None


def is_date_line(line: str) -> bool:
    """True for a line that holds only a date (maybe a weekday and a time): `27.11.2022 00:00`."""
    if len(line) > 60:
        return False
    found = _found(line)
    if found is None:
        return False
    _, match = found
    rest = _TIME.sub(" ", line[: match.start()] + " " + line[match.end() :])
    words = re.findall(r"[^\W\d_]+", rest)
    return all(_DATE_WORDS.match(word) for word in words) and not re.search(r"\d", rest)


def date_in_url(url: str) -> dt.date | None:
    """The date a web address holds in its path (`/2025/04/14/`, `-2025-04-14`), if any."""
    path = url.split("?", 1)[0][:500]
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            found = _date_from(match)
            if found:
                return found
    return None

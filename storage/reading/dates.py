"""The publication date of an article, read only from its header zone (never from body events)."""

from __future__ import annotations

import datetime as dt
import re

HEADER_LINES = 6  # the header zone: the first non-empty raw lines
HEADER_LINE_MAX_CHARS = 120  # longer lines are body paragraphs, whose dates are events

_MONTH_STEMS = {
    # Russian
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6,
    "июл": 7, "август": 8, "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    # Kazakh
    "қаңтар": 1, "ақпан": 2, "наурыз": 3, "сәуір": 4, "мамыр": 5, "маусым": 6,
    "шілде": 7, "тамыз": 8, "қыркүйек": 9, "қазан": 10, "қараша": 11, "желтоқсан": 12,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH = r"(?P<month>[^\W\d_]{3,12})"
_TIME = r"(?:,?\s*(?:в\s*)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?"
_PATTERNS = (
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(rf"\b(?P<year>\d{{4}})\s+жыл\w*\s+(?P<day>\d{{1,2}})\s+{_MONTH}"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\.?,?\s+(?P<year>\d{{4}})\b"),
)
_WEEKDAYS = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|понедельник|вторник|среда|"
    r"четверг|пятница|суббота|воскресенье|дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)"
)
_DATE_LINE = re.compile(
    rf"^(?:{_WEEKDAYS},?\s*)?(?:"
    rf"\d{{1,2}}\.\d{{1,2}}\.\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}\s+[^\W\d_]+\.?,?\s+\d{{4}}(?:\s+(?:г\.|года|жыл\w*))?|"
    rf"\d{{4}}\s+жыл\w*\s+\d{{1,2}}\s+[^\W\d_]+"
    rf"){_TIME}\s*$",
    re.IGNORECASE,
)


def is_date_line(line: str) -> bool:
    """True for a line that holds only a date (and maybe a time), such as `27.11.2022 00:00`."""
    return len(line) <= 60 and bool(_DATE_LINE.match(line.strip()))


def _month_number(word: str) -> int | None:
    word = word.lower()
    if word in ("мая", "май", "маю"):
        return 5
    for stem, number in _MONTH_STEMS.items():
        if len(stem) >= 3 and word.startswith(stem):
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


def _date_in_line(line: str) -> dt.date | None:
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            found = _date_from(match)
            if found:
                return found
    return None


def find_publication_date(lines: list[str]) -> dt.date | None:
    """The first full date in the header zone of the raw non-empty lines, or None."""
    for line in lines[:HEADER_LINES]:
        if len(line) > HEADER_LINE_MAX_CHARS:
            continue
        found = _date_in_line(line)
        if found:
            return found
    return None

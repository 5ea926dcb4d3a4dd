"""Turnover figures: money amounts whose sentence says what they measure, and for which year.

A figure is a value with its currency, the measure it belongs to (trade turnover, investment,
export, import), how exact it is ("more than", "almost", a range) and the year the sentence
names. A sentence without a measure word gives no figure; a year is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Measure = Literal["turnover", "investment", "export", "import"]
Bound = Literal["exact", "more", "less", "about", "range"]

MAX_SENTENCE_CHARS = 2000
MAX_FIGURE_CHARS = 300

_NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"трлн|триллион\w*|млрд|миллиард\w*|млн|миллион\w*|тыс|тысяч\w*|мың\w*"
_CURRENCY = (
    r"АҚШ\s+доллар\w*|долл\w*|доллар\w*|\$|USD|руб\w*|₽|RUB|тенге\w*|теңге\w*|₸|KZT|евро|€|EUR"
    r"|юан\w*|CNY"
)
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?:(?P<from>от|from)\s+)?(?P<dollar>\$\s?)?(?P<low>{_NUMBER})"
    rf"(?:\s*(?P<sep>-|–|—|до)\s*(?P<high>{_NUMBER}))?"
    rf"(?:\s*(?P<scale>{_SCALE})\.?)?(?:\s*(?P<currency>{_CURRENCY}))?(?!\w)",
    re.IGNORECASE,
)
_SCALES: tuple[tuple[str, float], ...] = (
    ("трлн", 1e12), ("трил", 1e12), ("млрд", 1e9), ("миллиард", 1e9), ("млн", 1e6),
    ("миллион", 1e6), ("тыс", 1e3), ("мың", 1e3),
)  # fmt: skip
_CURRENCIES = (
    ("USD", ("долл", "доллар", "$", "usd", "ақш")),
    ("RUB", ("руб", "₽", "rub")),
    ("KZT", ("тенге", "теңге", "₸", "kzt")),
    ("EUR", ("евро", "€", "eur")),
    ("CNY", ("юан", "cny")),
)
_MEASURES: tuple[tuple[Measure, re.Pattern[str]], ...] = (
    (
        "turnover",
        re.compile(
            r"товарооборот\w*|торгов\w*\s+оборот\w*|оборот\w*\s+торговл\w*"
            r"|(?:тауар|сауда)\s+айналым\w*",
            re.IGNORECASE,
        ),
    ),
    ("investment", re.compile(r"инвестици\w*|инвестиция\w*|капиталовложени\w*", re.IGNORECASE)),
    ("export", re.compile(r"экспорт\w*", re.IGNORECASE)),
    ("import", re.compile(r"импорт\w*", re.IGNORECASE)),
)
_MEASURE_STEMS = (
    "товарооборот", "оборот", "айналым", "инвестиц", "капиталовлож", "экспорт", "импорт",
)  # fmt: skip
# "более 1 млрд", "свыше", "превысил 1 млрд"; Kazakh puts it after: "1 млрд доллардан асты".
_MORE_BEFORE = re.compile(r"(?:более|свыше|больше|превы\w+|не\s+менее|более\s+чем)\s*$", re.I)
_LESS_BEFORE = re.compile(r"(?:менее|меньше|не\s+более|до)\s*$", re.IGNORECASE)
_ALMOST_BEFORE = re.compile(r"(?:почти|около|порядка|примерно|приблизительно|шамамен)\s*$", re.I)
_MORE_AFTER = re.compile(r"^\w*\s*(?:астам|асты\w*|асып|асқан|артық)", re.IGNORECASE)
_ALMOST_AFTER = re.compile(r"^\w*\s*(?:жуық|шамасында|таяу)", re.IGNORECASE)
_YEAR = re.compile(
    r"(?<!\d)((?:19|20)\d\d)(\s*[-–]\s*(?:19|20)\d\d)?\s*(?:-?\s*(?:год\w*|г\.|гг\.|жыл\w*|ж\.))",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")


@dataclass(frozen=True, slots=True)
class Figure:
    """One reported money figure. `value` is in units of `currency` (1.2 bn is 1.2e9)."""

    measure: Measure
    value: float
    currency: str  # USD, RUB, KZT, EUR, CNY
    bound: Bound
    year: int | None  # the year the sentence names; None when it names none
    text: str  # the sentence, shortened around the amount
    value_high: float | None = None  # the upper end of a range


def find_figures(text: str) -> tuple[Figure, ...]:
    """Every figure in an article body, in order, each (measure, value, year) once."""
    lowered = text.lower()
    if not any(stem in lowered for stem in _MEASURE_STEMS):
        return ()
    found: dict[tuple[str, float, int | None], Figure] = {}
    for sentence in _SENTENCE_END.split(text):
        for figure in figures_in_sentence(sentence):
            found.setdefault((figure.measure, figure.value, figure.year), figure)
    return tuple(found.values())


def figures_in_sentence(sentence: str) -> list[Figure]:
    """The figures of one sentence: each amount with a currency, given its nearest measure."""
    if len(sentence) > MAX_SENTENCE_CHARS or not _DIGIT.search(sentence):
        return []
    lowered = sentence.lower()
    if not any(stem in lowered for stem in _MEASURE_STEMS):  # cheap tests before the patterns
        return []
    sentence = " ".join(sentence.split())
    measures = [
        (m.start(), m.end(), kind) for kind, rx in _MEASURES for m in rx.finditer(sentence)
    ]
    if not measures:
        return []
    figures = []
    for amount in _AMOUNT.finditer(sentence):
        currency = _currency(amount)
        if currency is None:
            continue
        measure = _nearest_measure(measures, amount.start(), amount.end())
        low, high = _values(amount)
        figures.append(
            Figure(
                measure=measure,
                value=low,
                currency=currency,
                bound="range" if high is not None else _bound(sentence, amount),
                year=_year(sentence, amount.start()),
                text=_shortened(sentence, amount.start()),
                value_high=high,
            )
        )
    return figures


def _currency(amount: re.Match[str]) -> str | None:
    marker = (amount.group("currency") or amount.group("dollar") or "").strip().lower()
    if not marker:
        return None
    for code, stems in _CURRENCIES:
        if any(marker.startswith(stem) for stem in stems):
            return code
    return None


def _number(text: str) -> float:
    return float(text.replace(" ", "").replace("\u00a0", "").replace(",", "."))


def _values(amount: re.Match[str]) -> tuple[float, float | None]:
    scale_word = (amount.group("scale") or "").lower()
    scale = next((factor for stem, factor in _SCALES if scale_word.startswith(stem)), 1.0)
    low = _number(amount.group("low")) * scale
    high = amount.group("high")
    if high is None:
        return round(low, 2), None
    if amount.group("sep") == "до" and not amount.group("from"):  # "с 1 до 2 млрд": a change
        return round(_number(high) * scale, 2), None
    return round(low, 2), round(_number(high) * scale, 2)


def _bound(sentence: str, amount: re.Match[str]) -> Bound:
    before, after = sentence[: amount.start()], sentence[amount.end() :]
    if _MORE_BEFORE.search(before) or _MORE_AFTER.search(after):
        return "more"
    if _ALMOST_BEFORE.search(before) or _ALMOST_AFTER.search(after):
        return "about"
    if _LESS_BEFORE.search(before):
        return "less"
    return "exact"


def _nearest_measure(measures: list[tuple[int, int, Measure]], start: int, end: int) -> Measure:
    """The closest measure word before the amount (it is the subject), else the first after."""
    before = [(m_end, kind) for _, m_end, kind in measures if m_end <= start]
    if before:
        return max(before)[1]
    return min((m_start, kind) for m_start, _, kind in measures if m_start >= end)[1]


def _year(sentence: str, anchor: int) -> int | None:
    """The year the sentence names next to the amount (the nearest), None if it names none."""
    years = [(abs(m.start() - anchor), m) for m in _YEAR.finditer(sentence)]
    if not years:
        return None
    nearest = min(years, key=lambda item: item[0])[1]
    return None if nearest.group(2) else int(nearest.group(1))  # a span of years names none


def _shortened(sentence: str, anchor: int) -> str:
    if len(sentence) <= MAX_FIGURE_CHARS:
        return sentence
    start = max(0, anchor - MAX_FIGURE_CHARS // 2)
    window = sentence[start : start + MAX_FIGURE_CHARS]
    if start:
        window = "…" + window.split(" ", 1)[-1]
    return window.rsplit(" ", 1)[0] + "…"

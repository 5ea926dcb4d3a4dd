"""What typed words mean: regions or a pair, a country, a sector, a period, and the rest.

One pure parser for /region, /sector, /date, /search, /subscribe and plain text: the parts may
come in any order and any UI language; what names nothing is kept, in order, as `words` (a search
for /search and plain text, "not understood" for the other commands). `today` is passed in.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.periods import Period
from bot.typed_periods import TypedPeriodError, find_period
from storage.models import Selection
from storage.naming import find_names

MAX_TYPED_CHARS = 300  # longer input is cut before parsing: linear time, bounded work
# A word, a "quoted phrase", either with a leading minus (search syntax is kept for /search).
_WORD = re.compile(r"(?<![\w-])-?(?:\"[^\"]*\"|[^\W_]+(?:[-'][^\W_]+)*)")
# Words that join or frame the parts (in ru, kk, en) and name nothing by themselves.
_STOP_WORDS = """и в во на за с со по до от из для о об про между а также новости новость статьи
    обл обл. область области регион региона регионе регионы край края республика год года году
    мен бен пен және туралы жаңалықтар облысы облыс өңір
    and in on for of the news about articles article from to between region oblast year"""
STOP_WORDS = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True, slots=True)
class Understood:
    """The parts of a typed text; empty parts were not named."""

    region_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sector: str | None = None
    period: Period | None = None
    period_error: TypedPeriodError | None = None
    words: tuple[str, ...] = ()
    period_typed: str = ""  # the period as typed, to name it where a period means nothing

    def selection(self, *, with_words: bool) -> Selection:
        """The articles meant; `with_words` makes the remaining words a full-text filter."""
        return Selection(
            region_ids=self.region_ids,
            sector=self.sector,
            since=self.period.since if self.period else None,
            until=self.period.until if self.period else None,
            query=" ".join(self.words) if with_words and self.words else None,
        )


_SEARCH_SYNTAX = re.compile(r'"|(?<![\w-])-\w|\bOR\b')


def has_search_syntax(text: str) -> bool:
    """True when `text` uses search operators (`"phrase"`, `-word`, `A OR B`): then every word
    of it is a search word, names included, so the operators keep their operands."""
    return _SEARCH_SYNTAX.search(text) is not None


def understand(text: str, today: dt.date) -> Understood:
    """The region(s), country, sector, period and remaining words of `text`."""
    text = text[:MAX_TYPED_CHARS]
    claimed: list[tuple[int, int]] = []
    found = find_period(text, today)
    if found is not None:
        claimed.append((found.start, found.end))
    masked = _masked(text, claimed)
    regions: list[str] = []
    countries: list[str] = []
    sectors: list[str] = []
    for hit in find_names(masked):
        target = {"region": regions, "country": countries, "sector": sectors}[hit.kind]
        if hit.value in target or (hit.kind == "sector" and sectors):
            continue  # a second sector stays among the words: a selection has one
        target.append(hit.value)
        claimed.append((hit.start, hit.end))
    return Understood(
        region_ids=tuple(regions),
        countries=tuple(countries),
        sector=sectors[0] if sectors else None,
        period=found.period if found else None,
        period_error=found.error if found else None,
        words=leftover_words(_masked(text, claimed)),
        period_typed=text[found.start : found.end] if found else "",
    )


def names_only_a_period(understood: Understood) -> bool:
    """True when a period (or an impossible date) is all the text names, joining words aside:
    what /map accepts."""
    named = understood.region_ids or understood.countries or understood.sector
    has_period = understood.period is not None or understood.period_error is not None
    return has_period and not named and not understood.words


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the claimed spans blanked out (positions kept)."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def leftover_words(text: str) -> tuple[str, ...]:
    """The words of `text` that are not joining words, in order, as typed."""
    return tuple(w for w in _WORD.findall(text) if w.lower().strip('"-') not in STOP_WORDS)

"""Mentions of a region that do not make it a party: the venue of a forum, a city congratulated on
its anniversary; and heads of a region who are not named (`аким области`, `губернатор региона`),
who stand for the region the rest of the text points to."""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.models import Country

# An event held somewhere, then "в/во" right before the region: `Форума … в Оренбурге`,
# `форум пройдёт в Омске`. Talks and visits are not events here: their host is a party.
_EVENT_BEFORE = re.compile(
    r"(?:форум|выставк|ярмарк|конференци|саммит|съезд|фестивал|чемпионат|турнир|соревновани|"
    r"спартакиад|олимпиад|конгресс|биеннале|экспо)\w*[^.;!?«»]{0,70}\s(?:во?|в\s+городе)\s+$",
    re.IGNORECASE,
)
_EVENT_STEMS = (
    "форум", "выставк", "ярмарк", "конференц", "саммит", "съезд", "фестивал", "чемпионат",
    "турнир", "соревнов", "спартакиад", "олимпиад", "конгресс", "биеннале", "экспо",
)  # fmt: skip
# Kazakh: `Орынборда өткен форум`, `Омбыда өтетін көрме`.
_HELD_AFTER = re.compile(r"^\s+(?:қаласында\s+)?(?:өткен|өтетін|өтеді|өтті|өткізіл)\w*", re.I)
_ANNIVERSARY = re.compile(
    r"(?:летие|летия|летием|летию|юбиле|годовщин|мерейто|жылдығ)\w*", re.IGNORECASE
)
_ANNIVERSARY_AFTER = re.compile(
    r"^[^.;!?]{0,30}?(?:\d+\s*-?\s*(?:летие|летия|летием|летию|жылдық)|юбиле|мерейто)",
    re.IGNORECASE,
)
# Heads of a region named by their office only.
_UNNAMED_HEAD = re.compile(
    r"\b(?P<head>аким|акима|акиму|акимом|губернатор\w*|глав[аеуы]|главой|руководител\w*)"
    r"\s+(?:области|региона|края|республики)\b"
    r"|(?<![\w-])(?P<kk>облыс|өңір)\s+(?:әкім|басшы)\w*",
    re.IGNORECASE,
)


def is_venue(before: str, after: str) -> bool:
    """Whether a region mentioned between `before` and `after` only hosts an event."""
    if _HELD_AFTER.match(after):
        return True
    lowered = before.lower()
    return any(stem in lowered for stem in _EVENT_STEMS) and bool(_EVENT_BEFORE.search(before))


def is_anniversary(before: str, after: str) -> bool:
    """Whether the mention congratulates a city on its anniversary (`с 300-летием Оренбурга`)."""
    return bool(_ANNIVERSARY.search(before[-25:]) or _ANNIVERSARY_AFTER.match(after))


def unnamed_heads(text: str, named_at: Callable[[int], bool]) -> list[tuple[int, Country | None]]:
    """(position, country) of every head of a region named by office only; country is None when
    the office does not tell (a "глава региона"). `named_at(position)` says whether a region's
    name starts at a position (then the head is named: `аким области Абай`)."""
    found: list[tuple[int, Country | None]] = []
    for match in _UNNAMED_HEAD.finditer(text):
        if named_at(match.end() + 1):
            continue
        head = (match.group("head") or "").lower()
        country: Country | None = None
        if match.group("kk") or head.startswith("аким"):
            country = "KZ"
        elif head.startswith("губернатор"):
            country = "RU"
        found.append((match.start(), country))
    return found

"""Mentions of a region that do not make it a party: the venue of a forum, a city congratulated on
its anniversary; and heads of a region who are not named (`аким области`, `губернатор региона`),
who stand for the region the rest of the text points to."""

from __future__ import annotations

import re
from collections.abc import Callable

from storage.matching import lower_same_length
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
# Matched on lower-cased text: case-insensitive matching of Cyrillic is several times slower.
_UNNAMED_HEAD = re.compile(
    r"\b(?P<head>аким|акима|акиму|акимом|губернатор\w*|глав[аеуы]|главой|руководител\w*)"
    r"\s+(?:области|региона|края|республики)\b"
    r"|(?<![\w-])(?P<kk>облыс|өңір)\s+(?:әкім|басшы)\w*"
)


# Any stem of a venue or an anniversary, on lower-cased text: most mentions have none near.
_PASSING_STEM = re.compile("|".join([*_EVENT_STEMS, "өт", "лети", "юбиле", "годовщин", "мерейто"]))


def may_be_passing(near_lower: str) -> bool:
    """A quick check before is_venue and is_anniversary, on the lower-cased words around."""
    return bool(_PASSING_STEM.search(near_lower))


def is_venue(before: str, after: str) -> bool:
    """Whether a region mentioned between `before` and `after` only hosts an event."""
    if "өт" in after[:30] and _HELD_AFTER.match(after):
        return True
    lowered = before.lower()
    return any(stem in lowered for stem in _EVENT_STEMS) and bool(_EVENT_BEFORE.search(before))


_ANNIVERSARY_STEMS = ("лети", "юбиле", "годовщин", "мерейто", "жылд")


def is_anniversary(before: str, after: str) -> bool:
    """Whether the mention congratulates a city on its anniversary (`с 300-летием Оренбурга`)."""
    near = f"{before[-25:]} {after[:40]}".lower()
    if not any(stem in near for stem in _ANNIVERSARY_STEMS):
        return False
    return bool(_ANNIVERSARY.search(before[-25:]) or _ANNIVERSARY_AFTER.match(after))


_HEAD_STEMS = (
    "аким", "губернатор", "глава ", "главы ", "главе ", "главу ", "главой ", "руководител",
    "облыс әкім", "облыс басшы", "өңір әкім", "өңір басшы",
)  # fmt: skip


def _head_matches(lowered: str) -> list[re.Match[str]]:
    """Matches of _UNNAMED_HEAD, tried only where a head's stem starts a word (a scan of the
    whole text by the pattern is several times slower)."""
    matches = []
    for stem in _HEAD_STEMS:
        at = lowered.find(stem)
        while at >= 0:
            if at == 0 or not lowered[at - 1].isalnum():
                match = _UNNAMED_HEAD.match(lowered, at)
                if match:
                    matches.append(match)
            at = lowered.find(stem, at + 1)
    return sorted(matches, key=lambda match: match.start())


def unnamed_heads(text: str, named_at: Callable[[int], bool]) -> list[tuple[int, Country | None]]:
    """(position, country) of every head of a region named by office only; country is None when
    the office does not tell (a "глава региона"). `named_at(position)` says whether a region's
    name starts at a position (then the head is named: `аким области Абай`)."""
    found: list[tuple[int, Country | None]] = []
    lowered = lower_same_length(text)
    for match in _head_matches(lowered):
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

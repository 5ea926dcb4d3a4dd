"""Which regions are parties to the cooperation reported and which are merely mentioned.

score(r) = 3·[r in title] + 2·[r in the lead] + min(counted body mentions, 5)
         + 2·[a mention is governed by a head-of-region title (губернатор, аким, әкімі…)];
a mention right after "консульство/посольство … в" is not counted (a consulate's city is no
party), nor a venue of an event or a city congratulated on its anniversary (reading.venues); an
unnamed head (`аким области`) counts for the region the text points to most.
A region is a partner when its score reaches PARTNER_SCORE.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from storage.matching import Hit
from storage.models import Country, RegionMention
from storage.reading.venues import is_anniversary, is_venue, may_be_passing, unnamed_heads
from storage.regions import find_region_hits, get_region

PARTNER_SCORE = 3
TITLE_POINTS = 3
LEAD_POINTS = 2
LEAD_SENTENCES = 2
MAX_BODY_POINTS = 5
HEAD_POINTS = 2

_UNIT_WORD = r"(?:республик\w*|област\w*|кра[яюейм]\w*|город\w*|округ\w*|регион\w*)"
_HEAD_BEFORE = re.compile(
    r"(?:губернатор\w*|глав[аеуыо]\w*|мэр\w*|аким\w*|замаким\w*|председател\w*\s+правительства|"
    r"министр\w*(?:\s+[\w-]+){0,3}|руководител\w*|врио)\s+"
    rf"(?:{_UNIT_WORD}\s+)?$",
    re.IGNORECASE,
)
_HEAD_AFTER = re.compile(
    r"^(?:[\s-]*(?:облыс|өлке|қала)\w*)?\s+(?:губернатор|әкім|басшы)\w*", re.IGNORECASE
)
_MISSION_BEFORE = re.compile(
    r"(?:консул|посол|посольств|представительств|дипмисси|генконсул)\w*(?:\s+[\w-]+){0,3}"
    r"\s+во?\s+$",
    re.IGNORECASE,
)
_MISSION_AFTER = re.compile(r"^\w*\s+(?:\w+\s+)?(?:консулдығ|елшілі|өкілдігі)\w*", re.IGNORECASE)
_WINDOW = 80
_MISSION_STEMS = (
    "консул", "посол", "посольств", "представительств", "дипмисси", "консулдығ", "елшілі",
    "өкілдігі",
)  # fmt: skip
_HEAD_STEMS = (
    "губернатор", "глав", "мэр", "аким", "председател", "министр", "руководител", "врио", "әкім",
    "басшы",
)  # fmt: skip


@dataclass
class _Tally:
    first_seen: int
    hits: int = 0  # every mention, counted or not
    in_title: bool = False
    in_lead: bool = False
    mentions: int = 0
    headed: bool = False

    @property
    def score(self) -> int:
        return (
            TITLE_POINTS * self.in_title
            + LEAD_POINTS * self.in_lead
            + min(self.mentions, MAX_BODY_POINTS)
            + HEAD_POINTS * self.headed
        )


def _window_before(text: str, start: int, floor: int) -> str:
    return text[max(floor, start - _WINDOW) : start]


def _is_at_mission(before: str, after: str) -> bool:
    lowered = f"{before} {after[:40]}".lower()
    if not any(stem in lowered for stem in _MISSION_STEMS):
        return False
    return bool(_MISSION_BEFORE.search(before) or _MISSION_AFTER.match(after))


def _is_headed(before: str, after: str) -> bool:
    lowered = f"{before[-45:]} {after[:45]}".lower()
    if not any(stem in lowered for stem in _HEAD_STEMS):
        return False
    return bool(_HEAD_BEFORE.search(before) or _HEAD_AFTER.match(after))


def _is_passing(before: str, after: str) -> bool:
    """A mention that does not make a region a party: a mission's seat, a venue, an anniversary."""
    if _is_at_mission(before, after):
        return True
    if not may_be_passing(f"{before} {after[:40]}".lower()):
        return False
    return is_venue(before, after) or is_anniversary(before, after)


def _tally(title: str, sentences: list[str]) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    title_hits = find_region_hits(title)
    for hit in title_hits:
        tally = tallies.setdefault(hit.value, _Tally(first_seen=-1))
        before, after = _window_before(title, hit.start, 0), title[hit.end : hit.end + _WINDOW]
        tally.hits += 1
        tally.in_title = tally.in_title or not _is_passing(before, after)
    body = "\n".join(sentences)
    starts = list(accumulate((len(s) + 1 for s in sentences[:-1]), initial=0))
    body_hits = find_region_hits(body)
    for hit in body_hits:
        index = bisect_right(starts, hit.start) - 1
        tally = tallies.setdefault(hit.value, _Tally(first_seen=index))
        tally.hits += 1
        before = _window_before(body, hit.start, starts[index])
        after = body[hit.end : hit.end + _WINDOW].split("\n", 1)[0]
        if _is_passing(before, after):
            continue
        tally.mentions += 1
        tally.in_lead = tally.in_lead or index < LEAD_SENTENCES
        tally.headed = tally.headed or _is_headed(before, after)
    _credit_unnamed_heads(tallies, title, title_hits, in_title=True)
    _credit_unnamed_heads(tallies, body, body_hits, in_title=False)
    return tallies


def _credit_unnamed_heads(
    tallies: dict[str, _Tally], text: str, hits: list[Hit], *, in_title: bool
) -> None:
    """`Аким области …` without a name speaks for the region the text points to most."""
    named = {hit.start for hit in hits}
    for _, country in unnamed_heads(text, named.__contains__):
        region = _pointed_to(tallies, country)
        if region is None:
            continue
        tally = tallies[region]
        tally.headed = True
        tally.mentions += 1
        tally.in_title = tally.in_title or in_title


def _pointed_to(tallies: dict[str, _Tally], country: Country | None) -> str | None:
    candidates = [
        (tally.hits, tally.score, region_id)
        for region_id, tally in tallies.items()
        if country is None or _country(region_id) == country
    ]
    return max(candidates)[2] if candidates else None


def _country(region_id: str) -> str | None:
    region = get_region(region_id)
    return region.country if region else None


def assign_roles(title: str, sentences: list[str]) -> tuple[RegionMention, ...]:
    """Every region the article names, partners first, each ordered by score then first mention."""
    tallies = _tally(title, sentences)
    ranked = sorted(
        tallies.items(),
        key=lambda item: (item[1].score < PARTNER_SCORE, -item[1].score, item[1].first_seen),
    )
    return tuple(
        RegionMention(
            region_id,
            "partner" if tally.score >= PARTNER_SCORE else "mentioned",
            float(tally.score),
        )
        for region_id, tally in ranked
    )


def partner_countries(mentions: tuple[RegionMention, ...]) -> set[str]:
    countries: set[str] = set()
    for mention in mentions:
        region = get_region(mention.region_id)
        if region and mention.role == "partner":
            countries.add(region.country)
    return countries

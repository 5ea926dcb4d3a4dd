"""Write side of the overview counts: what each article adds per subject and per day and month."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

import aiosqlite

Key = tuple[str, str, str]  # (subject, facet, value)
PeriodKey = tuple[str, str, str, str]  # (grain, first day of the period, facet, value)

UPSERT_COUNT = """
INSERT INTO facet_counts (subject, facet, value, count) VALUES (?, ?, ?, ?)
ON CONFLICT (subject, facet, value) DO UPDATE SET count = count + excluded.count
"""
DELETE_ZERO_COUNTS = "DELETE FROM facet_counts WHERE count <= 0"
UPSERT_PERIOD_COUNT = """
INSERT INTO period_counts (grain, start, facet, value, count) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (grain, start, facet, value) DO UPDATE SET count = count + excluded.count
"""
DELETE_ZERO_PERIOD_COUNT = """
DELETE FROM period_counts
WHERE grain = ? AND start = ? AND facet = ? AND value = ? AND count <= 0
"""
SELECT_STORED_LINKS = """
SELECT a.id, a.date, a.national_level,
    (SELECT json_group_array(json_array(r.region_id, r.role))
     FROM article_regions AS r WHERE r.article_id = a.id),
    (SELECT json_group_array(s.sector_id) FROM article_sectors AS s WHERE s.article_id = a.id)
FROM articles AS a WHERE a.id IN (SELECT value FROM json_each(?))
"""


def article_keys(
    regions: Iterable[tuple[str, str]], sectors: Sequence[str], national: Sequence[str]
) -> Iterator[Key]:
    """What one article adds (one each): for each of its subjects (everything, each of its
    regions, each of its sectors) one article, one per region, partner, sector and side; and
    for each partner region its fellow partners and sides (`partner_keys`)."""
    regions = list(regions)
    subjects = ["*", *(f"r:{region}" for region, _ in regions), *(f"s:{s}" for s in sectors)]
    facets = _facets(regions, sectors, national)
    yield from ((subject, facet, value) for subject in subjects for facet, value in facets)
    yield from partner_keys(regions, national)


def partner_keys(regions: Sequence[tuple[str, str]], national: Sequence[str]) -> Iterator[Key]:
    """Under 'p:<region>' for each partner region: its fellow partners and national sides, so
    a region's partners are counted where it is a partner itself (not a venue it hosts)."""
    partners = [region for region, role in regions if role == "partner"]
    for region in partners:
        yield from ((f"p:{region}", "partner", other) for other in partners if other != region)
        yield from ((f"p:{region}", "national", country) for country in national)


def _facets(
    regions: Sequence[tuple[str, str]], sectors: Sequence[str], national: Sequence[str]
) -> list[tuple[str, str]]:
    """(facet, value) of one article: one article, each region, partner, sector and side."""
    facets = [("articles", ""), *(("region", region) for region, _ in regions)]
    facets += [("partner", region) for region, role in regions if role == "partner"]
    facets += [("sector", sector) for sector in sectors]
    facets += [("national", country) for country in national]
    return facets


def period_keys(
    date: dt.date | None,
    regions: Iterable[tuple[str, str]],
    sectors: Sequence[str],
    national: Sequence[str],
) -> Iterator[PeriodKey]:
    """What one article adds to its day and its month: the facets of subject '*' but 'region'
    (nothing when it is undated)."""
    if date is None:
        return iter(())
    periods = [("day", date.isoformat()), ("month", date.replace(day=1).isoformat())]
    facets = [item for item in _facets(list(regions), sectors, national) if item[0] != "region"]
    return ((grain, start, facet, value) for grain, start in periods for facet, value in facets)


@dataclasses.dataclass(slots=True)
class Counts:
    """What some articles contribute: to the subjects' counts and to their periods' counts."""

    subjects: Counter[Key] = dataclasses.field(default_factory=Counter)
    periods: Counter[PeriodKey] = dataclasses.field(default_factory=Counter)

    def add_article(
        self,
        date: dt.date | None,
        regions: Sequence[tuple[str, str]],
        sectors: Sequence[str],
        national: Sequence[str],
    ) -> None:
        self.subjects.update(article_keys(regions, sectors, national))
        self.periods.update(period_keys(date, regions, sectors, national))


async def add_counts(db: aiosqlite.Connection, counts: Counts, sign: int = 1) -> None:
    """Add (sign 1) or take away (sign -1) article counts."""
    await db.executemany(UPSERT_COUNT, [(*k, sign * n) for k, n in counts.subjects.items()])
    await db.executemany(UPSERT_PERIOD_COUNT, [(*k, sign * n) for k, n in counts.periods.items()])
    if sign < 0:
        await db.execute(DELETE_ZERO_COUNTS)
        # only the keys touched: the day and month counts are many
        await db.executemany(DELETE_ZERO_PERIOD_COUNT, list(counts.periods))


async def stored_counts(db: aiosqlite.Connection, article_ids: Sequence[int]) -> Counts:
    """What these stored articles contribute, read from their current links."""
    total = Counts()
    async with db.execute(SELECT_STORED_LINKS, (json.dumps(list(article_ids)),)) as cursor:
        for _, date, national, regions, sectors in await cursor.fetchall():
            countries = national.split(",") if national else []
            links = [(region, role) for region, role in json.loads(regions)]
            day = dt.date.fromisoformat(date) if date else None
            total.add_article(day, links, json.loads(sectors), countries)
    return total

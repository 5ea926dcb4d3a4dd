"""The numbers behind the pictures equal what the articles say, counted one by one."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.chart_data import cooperation_web, timeline
from storage.db import Database
from storage.models import ArticleCard, ArticleRecord, RegionMention, Role, Selection
from storage.repository import Archive
from tests.analyst_fixtures import analyst_archive
from tests.archive_fixtures import store_records


@pytest.fixture
async def archive_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await analyst_archive(tmp_path / "analyst.sqlite3", count=120)
    await store_records(database, [_forum_in_turkestan(day) for day in (3, 4, 5)])
    yield database
    await database.close()


def _forum_in_turkestan(day: int) -> ArticleRecord:
    """Atyrau and Omsk sign; the forum's venue, Turkestan, is only mentioned."""
    regions: tuple[tuple[str, Role], ...] = (
        ("kz-atyrau", "partner"),
        ("ru-omsk", "partner"),
        ("kz-turkistan", "mentioned"),
    )
    return ArticleRecord(
        title=f"Форум в Туркестане, день {day}",
        date=dt.date(2022, 5, day),
        lang="ru",
        source="Казинформ",
        regions=tuple(RegionMention(region, role) for region, role in regions),
        national_level=(),
        sectors=("trade",),
        summary="Атырау и Омск подписали соглашение на форуме в Туркестане.",
        facts=(),
        body="Атырау и Омск подписали соглашение на форуме в Туркестане.",
        url=None,
        mentioned_sectors=(),
    )


async def _cards(database: Database, selection: Selection) -> list[ArticleCard]:
    return list((await Archive(database.reader).articles(selection, limit=1000)).items)


def _pairs(cards: list[ArticleCard]) -> Counter[tuple[str, str]]:
    """A Kazakhstan and a Russian region, both partners, one article each."""
    pairs: Counter[tuple[str, str]] = Counter()
    for card in cards:
        partners = {m.region_id for m in card.regions if m.role == "partner"}
        kz = {region for region in partners if region.startswith("kz-")}
        ru = {region for region in partners if region.startswith("ru-")}
        pairs.update((a, b) for a in kz for b in ru)
    return pairs


def _venue_lines(cards: list[ArticleCard]) -> int:
    """Articles where a Kazakhstan region is only mentioned beside a Russian partner."""
    return sum(
        1
        for card in cards
        if any(m.region_id.startswith("kz-") and m.role != "partner" for m in card.regions)
        and any(m.region_id.startswith("ru-") and m.role == "partner" for m in card.regions)
    )


async def test_web_of_the_archive_and_of_a_period(archive_db: Database) -> None:
    everything = await _cards(archive_db, Selection())
    assert _venue_lines(everything) > 0  # the rule below is tested where it matters
    web = await cooperation_web(archive_db.reader)
    assert {(a, b): n for a, b, n in web.pairs} == _pairs(everything)
    since, until = dt.date(2022, 1, 1), dt.date(2022, 12, 31)
    in_2022 = [c for c in everything if c.date and since <= c.date <= until]
    period = await cooperation_web(archive_db.reader, since, until)
    assert {(a, b): n for a, b, n in period.pairs} == _pairs(in_2022)
    for pairs in (web.pairs, period.pairs):  # a forum's venue draws no line
        assert not [pair for pair in pairs if pair[0] == "kz-turkistan"]
    assert [n for *_, n in web.pairs] == sorted((n for *_, n in web.pairs), reverse=True)


async def test_timeline_counts_dated_articles_per_month_without_gaps(
    archive_db: Database,
) -> None:
    selection = Selection(region_ids=("kz-atyrau",))
    cards = await _cards(archive_db, selection)
    months = Counter(c.date.replace(day=1) for c in cards if c.date)
    line = await timeline(archive_db.reader, selection)
    assert {m: n for m, n in line.months if n} == months
    assert line.months[0][0] == min(months)
    assert line.months[-1][0] == max(months)
    assert sum(n for _, n in line.by_year()) == sum(months.values())
    assert (await timeline(archive_db.reader, Selection(query="zzzz"))).months == ()

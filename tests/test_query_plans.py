"""The hot queries walk an index in newest-first order: no temporary B-tree sort, FTS drives."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.db import Database
from storage.models import Selection
from storage.overview import (
    LIVE_COUNTS,
    SELECT_PERIOD_FACETS,
    SELECT_RECENT_FACTS,
    SELECT_SUBJECT_FACETS,
)
from storage.queries import filtered

SELECTIONS = {
    "region": Selection(region_ids=("ru-astrakhan",)),
    "region_role": Selection(region_ids=("ru-astrakhan",), role="partner"),
    "region_dates": Selection(region_ids=("ru-astrakhan",), since=dt.date(2020, 1, 1)),
    "pair": Selection(region_ids=("kz-atyrau", "ru-astrakhan")),
    "sector": Selection(sector="trade"),
    "sector_dates": Selection(sector="trade", until=dt.date(2021, 1, 1)),
    "dates": Selection(since=dt.date(2020, 1, 1), until=dt.date(2021, 1, 1)),
    "latest": Selection(),
    "search": Selection(query="Астрахань"),
    "search_region": Selection(query="Астрахань", region_ids=("kz-atyrau",)),
    "search_sector_dates": Selection(
        query="губернатор", sector="trade", since=dt.date(2020, 1, 1)
    ),
}


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


async def _plan(database: Database, selection: Selection, *, cards: bool = False) -> list[str]:
    parts = filtered(selection)
    assert parts is not None
    sql = parts.cards_sql(f"({parts.count_sql()})") if cards else parts.page_sql()
    params = [*parts.params, 10, 0, *parts.params] if cards else [*parts.params, 10, 0]
    async with database.reader.execute(f"EXPLAIN QUERY PLAN {sql}", params) as cursor:
        return [row[3] for row in await cursor.fetchall()]


@pytest.mark.parametrize("name", sorted(SELECTIONS))
async def test_no_temporary_sort(database: Database, name: str) -> None:
    for cards in (False, True):
        plan = await _plan(database, SELECTIONS[name], cards=cards)
        assert not [step for step in plan if "TEMP B-TREE" in step], plan


@pytest.mark.parametrize("name", sorted(SELECTIONS))
async def test_cards_are_fetched_by_primary_key_for_the_page_only(
    database: Database, name: str
) -> None:
    plan = await _plan(database, SELECTIONS[name], cards=True)
    assert plan[0] == "MATERIALIZE page", plan
    assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan


@pytest.mark.parametrize("name", ["search", "search_region", "search_sector_dates", "pair"])
async def test_search_and_pairs_are_driven_by_the_full_text_index(
    database: Database, name: str
) -> None:
    plan = await _plan(database, SELECTIONS[name])
    assert plan[0].startswith("SCAN articles_fts VIRTUAL TABLE"), plan


@pytest.mark.parametrize(
    ("name", "index"),
    [
        ("region", "article_regions_by_region"),
        ("region_role", "article_regions_by_region_role"),
        ("sector", "article_sectors_by_sector"),
        ("dates", "sqlite_autoindex_articles"),
    ],
)
async def test_listings_walk_their_index(database: Database, name: str, index: str) -> None:
    plan = await _plan(database, SELECTIONS[name])
    assert index in plan[0], plan


@pytest.mark.parametrize("facet", ["partner", "sector", "national"])
@pytest.mark.parametrize("name", ["dates", "region_role", "search"])
async def test_live_overview_counts_start_from_the_selection(
    database: Database, name: str, facet: str
) -> None:
    parts = filtered(SELECTIONS[name])
    assert parts is not None
    sql = LIVE_COUNTS[facet].format(ids=parts.ids_sql())
    async with database.reader.execute(
        f"EXPLAIN QUERY PLAN {sql}", [*parts.params, "[]", 10]
    ) as cursor:
        plan = [row[3] for row in await cursor.fetchall()]
    assert plan[0].startswith(("SEARCH d ", "SCAN articles_fts")), plan


async def _plan_of(database: Database, sql: str, params: list[object]) -> list[str]:
    async with database.reader.execute(f"EXPLAIN QUERY PLAN {sql}", params) as cursor:
        return [row[3] for row in await cursor.fetchall()]


async def test_period_overview_reads_only_its_months_and_edge_days(database: Database) -> None:
    ranges = ["month", "2020-02-01", "2020-11-01", "day", "2020-01-15", "2020-01-31"]
    ranges += ["day", "2020-12-01", "2020-12-10"]
    plan = await _plan_of(database, SELECT_PERIOD_FACETS, [*ranges, 10])
    searches = [step for step in plan if "period_counts" in step]
    assert len(searches) == 3, plan
    assert all(
        step.startswith("SEARCH period_counts USING PRIMARY KEY (grain=? AND start>? AND start<?)")
        for step in searches
    ), plan


async def test_subject_overview_reads_only_its_subject(database: Database) -> None:
    plan = await _plan_of(database, SELECT_SUBJECT_FACETS, ["r:ru-astrakhan", "[]", 10])
    steps = [step for step in plan if "facet_counts" in step]
    assert steps, plan
    assert all(
        step.startswith("SEARCH facet_counts USING PRIMARY KEY (subject=?") for step in steps
    )


@pytest.mark.parametrize("name", ["region", "dates", "sector", "search"])
async def test_recent_facts_are_read_by_primary_key(database: Database, name: str) -> None:
    parts = filtered(SELECTIONS[name])
    assert parts is not None
    sql = SELECT_RECENT_FACTS.format(page=parts.page_sql())
    plan = await _plan_of(database, sql, [*parts.params, 20, 0, 5])
    assert "SEARCH facts USING PRIMARY KEY (article_id=?)" in plan, plan
    assert not [step for step in plan if step.startswith("SCAN facts")], plan

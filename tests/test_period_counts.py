"""Stored day and month counts: date-range overviews equal live counting, writes keep them."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import overview
from storage.db import Database
from storage.facets import stored_counts
from storage.models import ArticleRecord, Role, Selection
from storage.overview import period_ranges
from storage.repository import Archive
from storage.store import NewArticle, delete_articles, known_catalogue, update_article
from tests.archive_fixtures import record, store_records

D = dt.date


def _records() -> list[ArticleRecord]:
    spread: list[tuple[dt.date | None, tuple[tuple[str, Role], ...], tuple[str, ...]]] = [
        (D(2023, 12, 31), (("kz-atyrau", "partner"), ("ru-astrakhan", "partner")), ("trade",)),
        (D(2024, 1, 1), (("kz-atyrau", "partner"), ("ru-omsk", "mentioned")), ("culture",)),
        (D(2024, 1, 15), (("kz-uralsk", "partner"), ("ru-samara", "partner")), ("trade",)),
        (D(2024, 1, 31), (("ru-omsk", "partner"), ("kz-atyrau", "partner")), ()),
        (D(2024, 2, 10), (("ru-astrakhan", "partner"),), ("trade", "culture")),
        (D(2024, 2, 29), (("kz-atyrau", "mentioned"), ("ru-orenburg", "partner")), ("trade",)),
        (D(2024, 3, 1), (("ru-astrakhan", "partner"), ("kz-uralsk", "partner")), ("culture",)),
        (D(2024, 4, 30), (("kz-atyrau", "partner"),), ("trade",)),
        (None, (("kz-atyrau", "partner"), ("ru-astrakhan", "partner")), ("trade",)),
    ]
    return [
        record(f"Статья {i}", f"Текст {i}.", date=date, regions=regions, sectors=sectors)
        for i, (date, regions, sectors) in enumerate(spread)
    ]


RANGES = [
    (D(2024, 1, 1), D(2024, 1, 31)),  # one whole month
    (D(2024, 1, 15), D(2024, 3, 1)),  # a whole month and days on both sides
    (D(2023, 12, 31), D(2024, 12, 31)),
    (D(2024, 2, 29), D(2024, 2, 29)),
    (D(2024, 1, 2), D(2024, 1, 30)),  # days only
    (D(2024, 2, 1), None),
    (None, D(2024, 1, 15)),
    (D(2024, 3, 2), D(2024, 4, 29)),  # nothing
]


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


def _stored_periods(path: Path) -> dict[tuple[str, str, str, str], int]:
    with contextlib.closing(sqlite3.connect(path)) as connection:
        rows = connection.execute("SELECT grain, start, facet, value, count FROM period_counts")
        return {(g, s, f, v): c for g, s, f, v, c in rows}


async def _all_ids(database: Database) -> list[int]:
    async with database.reader.execute("SELECT id FROM articles") as cursor:
        return [row[0] for row in await cursor.fetchall()]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (D(2024, 1, 1), D(2024, 1, 31), [("month", "2024-01-01", "2024-01-01")]),
        (
            D(2024, 1, 15),
            D(2024, 3, 1),
            [
                ("month", "2024-02-01", "2024-02-01"),
                ("day", "2024-01-15", "2024-01-31"),
                ("day", "2024-03-01", "2024-03-01"),
            ],
        ),
        (D(2024, 1, 2), D(2024, 2, 28), [("day", "2024-01-02", "2024-02-28")]),
        (D(2023, 11, 1), D(2024, 2, 29), [("month", "2023-11-01", "2024-02-01")]),
        (dt.date.min, dt.date.max, [("month", "0001-01-01", "9999-12-01")]),
        (D(9999, 12, 5), dt.date.max, [("day", "9999-12-05", "9999-12-31")]),
    ],
)
def test_period_ranges_are_whole_months_and_edge_days(
    since: dt.date, until: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    assert period_ranges(since, until) == expected


@pytest.mark.parametrize(("since", "until"), RANGES)
async def test_period_overview_equals_live_counting(
    database: Database, monkeypatch: pytest.MonkeyPatch, since: D | None, until: D | None
) -> None:
    await store_records(database, _records())
    archive = Archive(database.reader)
    selection = Selection(since=since, until=until)
    stored = await archive.overview(selection)
    monkeypatch.setattr(overview, "period_of", lambda selection: None)
    live = await Archive(database.reader).overview(selection)  # a fresh one: nothing remembered
    assert stored == live
    assert stored.count == (await archive.articles(selection)).total


async def test_period_overview_counts_exactly(database: Database) -> None:
    await store_records(database, _records())
    selection = Selection(since=D(2024, 1, 15), until=D(2024, 3, 1))
    overview = await Archive(database.reader).overview(selection)
    assert (overview.count, overview.dated_count) == (5, 5)
    assert (overview.first_date, overview.last_date) == (D(2024, 1, 15), D(2024, 3, 1))
    assert overview.sectors == (("trade", 3), ("culture", 2))
    assert overview.partners[:2] == (("ru-astrakhan", 2), ("kz-atyrau", 1))


async def test_period_counts_follow_updates_and_deletes(database: Database) -> None:
    ids = await store_records(database, _records())
    moved = record("Перенесена", "Новый текст.", date=D(2025, 5, 5), sectors=("culture",),
                   regions=(("ru-samara", "partner"),))  # fmt: skip
    async with database.transaction() as writer:
        catalogue = await known_catalogue(writer)
        await update_article(
            writer, NewArticle(ids[2], f"made-{ids[2]}.txt", "h", moved), catalogue
        )
        await delete_articles(writer, [f"made-{ids[5]}.txt", f"made-{ids[8]}.txt"])
    stored = _stored_periods(database.path)
    assert stored == dict((await stored_counts(database.reader, await _all_ids(database))).periods)
    assert stored[("month", "2025-05-01", "partner", "ru-samara")] == 1
    assert ("day", "2024-01-15", "articles", "") not in stored
    assert ("day", "2024-02-29", "partner", "ru-orenburg") not in stored


async def test_an_upgraded_archive_gets_the_same_counts(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    database = await Database.open(path)
    await store_records(database, _records())
    fresh = _stored_periods(path)
    await database.close()
    with contextlib.closing(sqlite3.connect(path)) as connection:  # back to before 0005
        connection.execute("DROP TABLE period_counts")
        connection.execute("DELETE FROM schema_migrations WHERE name = '0005_period_counts'")
        connection.commit()
    upgraded = await Database.open(path)
    await upgraded.close()
    assert _stored_periods(path) == fresh
    assert len(fresh) > 20


async def test_a_remembered_overview_follows_every_write(database: Database) -> None:
    archive = Archive(database.reader)
    selection = Selection(since=D(2024, 1, 1), until=D(2024, 12, 31))
    assert (await archive.overview(selection)).count == 0
    ids = await store_records(database, _records())
    assert (await archive.overview(selection)).count == 7
    async with database.transaction() as writer:
        await delete_articles(writer, [f"made-{ids[1]}.txt"])
    overview = await archive.overview(selection)
    assert overview.count == 6
    assert overview == await Archive(database.reader).overview(selection)

"""Queries over the five seeds (and a few hand-made records): order, filters, search, overview."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest

from storage import repository
from storage.db import Database
from storage.loader import load_directory
from storage.models import Fact, Overview, Selection
from storage.overview import plan_overview
from storage.repository import Archive
from storage.users import Users
from tests.archive_fixtures import copy_seeds, record, seed_named, store_records


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    await load_directory(database, copy_seeds(tmp_path / "seeds"))
    yield database
    await database.close()


@pytest.fixture
async def archive(database: Database) -> Archive:
    return Archive(database.reader)


@pytest.fixture
async def ids(database: Database) -> dict[str, int]:
    """Seed prefix ("000".."004") -> article id."""
    async with database.reader.execute("SELECT file, id FROM articles") as cursor:
        return {file[:3]: article_id for file, article_id in await cursor.fetchall()}


async def test_by_region_lists_astrakhan_newest_first_undated_last(
    archive: Archive, ids: dict[str, int]
) -> None:
    page = await archive.articles(Selection(region_ids=("ru-astrakhan",)))
    assert [card.id for card in page.items] == [ids["004"], ids["003"]]
    assert page.total == 2
    assert page.items[0].date == dt.date(2022, 11, 27)
    assert page.items[1].date is None
    assert "ru-astrakhan" in {mention.region_id for mention in page.items[0].regions}


async def test_pagination_keeps_the_order(archive: Archive, ids: dict[str, int]) -> None:
    second = await archive.articles(Selection(region_ids=("ru-astrakhan",)), limit=1, offset=1)
    assert [card.id for card in second.items] == [ids["003"]]
    assert (second.total, second.offset, second.limit) == (2, 1, 1)


async def test_by_pair_needs_both_regions(archive: Archive, ids: dict[str, int]) -> None:
    page = await archive.articles(Selection(region_ids=("kz-atyrau", "ru-astrakhan")))
    assert ids["003"] in [card.id for card in page.items]
    for card in page.items:
        assert {"kz-atyrau", "ru-astrakhan"} <= {m.region_id for m in card.regions}
    reversed_pair = await archive.articles(Selection(region_ids=("ru-astrakhan", "kz-atyrau")))
    assert reversed_pair.items == page.items


async def test_by_sector_filters_and_orders(archive: Archive, ids: dict[str, int]) -> None:
    page = await archive.articles(Selection(sector="tourism"))
    assert ids["000"] in [card.id for card in page.items]
    assert all("tourism" in card.sectors for card in page.items)
    keys = [(card.date is not None, card.date or dt.date.min) for card in page.items]
    assert keys == sorted(keys, reverse=True)


async def test_date_range_excludes_undated_articles(archive: Archive, ids: dict[str, int]) -> None:
    page = await archive.articles(
        Selection(since=dt.date(2018, 1, 1), until=dt.date(2022, 12, 31))
    )
    assert [card.id for card in page.items] == [ids["004"], ids["001"], ids["002"]]
    only_2022 = await archive.articles(Selection(since=dt.date(2022, 1, 1), until=None))
    assert [card.id for card in only_2022.items] == [ids["004"], ids["001"]]
    one_day = await archive.articles(
        Selection(since=dt.date(2018, 11, 7), until=dt.date(2018, 11, 7))
    )
    assert [card.id for card in one_day.items] == [ids["002"]]


async def test_latest_puts_dated_articles_first(archive: Archive, ids: dict[str, int]) -> None:
    page = await archive.articles(Selection())
    assert [card.id for card in page.items][:3] == [ids["004"], ids["001"], ids["002"]]
    assert page.total == 5


@pytest.mark.parametrize("text", ["Астрахань", "астрахани", "АСТРАХАНСКОЙ", "Астраханға"])
async def test_search_finds_word_forms(archive: Archive, ids: dict[str, int], text: str) -> None:
    page = await archive.articles(Selection(query=text))
    found = [card.id for card in page.items]
    assert ids["003"] in found
    assert ids["004"] in found


async def test_search_finds_kazakh_forms_of_a_russian_query(database: Database) -> None:
    (kazakh,) = await store_records(
        database,
        [record("Делегация Астраханға барды", "БҚО делегациясы Астраханға барды.", lang="kk")],
    )
    page = await Archive(database.reader).articles(Selection(query="Астрахань"))
    assert kazakh in [card.id for card in page.items]


async def test_search_in_kazakh(archive: Archive, ids: dict[str, int]) -> None:
    page = await archive.articles(Selection(query="Самара облысы"))
    assert [card.id for card in page.items] == [ids["002"]]


async def test_search_filtered_by_region(archive: Archive, ids: dict[str, int]) -> None:
    page = await archive.articles(Selection(query="губернатор", region_ids=("kz-atyrau",)))
    assert [card.id for card in page.items] == [ids["003"]]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        '"',
        '"Астрахань',
        "Астрахань AND",
        "OR",
        "NOT Атырау",
        "NEAR(Астрахань Атырау, 2)",
        "*",
        "Астр*",
        "(Атырау",
        "Атырау)",
        "title:Астрахань",
        "^Астрахань",
        "🚀🇰🇿",
        "-- ; DROP TABLE articles",
        "a" * 500,
        "и в на",
    ],
)
async def test_any_user_text_is_safe_to_search(archive: Archive, text: str) -> None:
    page = await archive.articles(Selection(query=text))
    assert page.total >= len(page.items)
    assert all(card.id > 0 for card in page.items)


async def test_search_without_words_finds_nothing(archive: Archive) -> None:
    page = await archive.articles(Selection(query="🚀 ?!"))
    assert (page.items, page.total) == ((), 0)


async def test_overview_of_a_region(archive: Archive, ids: dict[str, int]) -> None:
    overview = await archive.overview(Selection(region_ids=("ru-astrakhan",)))
    assert (overview.count, overview.dated_count) == (2, 1)
    assert overview.first_date == overview.last_date == dt.date(2022, 11, 27)
    partners = dict(overview.partners)
    assert "ru-astrakhan" not in partners
    assert partners.get("kz-atyrau") == 1
    assert overview.sectors
    assert overview.sectors == tuple(sorted(overview.sectors, key=lambda item: -item[1]))
    assert overview.facts
    assert {article_id for article_id, _ in overview.facts} <= {ids["003"], ids["004"]}
    newest_first = [article_id for article_id, _ in overview.facts]
    assert newest_first == sorted(newest_first, key=[ids["004"], ids["003"]].index)


async def test_overview_of_everything(archive: Archive) -> None:
    overview = await archive.overview(Selection())
    assert (overview.count, overview.dated_count) == (5, 3)
    assert (overview.first_date, overview.last_date) == (
        dt.date(2018, 11, 7),
        dt.date(2022, 11, 27),
    )


async def test_overview_of_hand_made_records_counts_exactly(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "made.sqlite3")
    try:
        await store_records(
            database,
            [
                record("Первая", "Текст один.", date=dt.date(2024, 1, 5),
                       regions=(("kz-atyrau", "partner"), ("ru-astrakhan", "partner")),
                       sectors=("trade", "culture"), facts=(Fact("money", "$5 млн"),)),
                record("Вторая", "Текст два.", date=dt.date(2024, 3, 1),
                       regions=(("kz-atyrau", "partner"), ("ru-omsk", "mentioned")),
                       sectors=("trade",), facts=(Fact("event", "форум"),)),
                record("Третья", "Текст три.",
                       regions=(("kz-atyrau", "partner"), ("ru-orenburg", "partner"))),
            ],
        )  # fmt: skip
        overview = await Archive(database.reader).overview(Selection(region_ids=("kz-atyrau",)))
    finally:
        await database.close()
    assert (overview.count, overview.dated_count) == (3, 2)
    assert (overview.first_date, overview.last_date) == (dt.date(2024, 1, 5), dt.date(2024, 3, 1))
    assert overview.partners == (("ru-astrakhan", 1), ("ru-orenburg", 1))
    assert overview.sectors == (("trade", 2), ("culture", 1))
    assert [fact for _, fact in overview.facts] == [
        Fact("event", "форум"),
        Fact("money", "$5 млн"),
    ]


async def test_article_in_full(archive: Archive, ids: dict[str, int]) -> None:
    detail = await archive.article(ids["004"])
    assert detail is not None
    assert detail.file == seed_named("004")
    assert detail.card.id == ids["004"]
    assert "Астраханской" in detail.body
    assert await archive.article(999_999) is None


async def test_counts_and_coverage(archive: Archive) -> None:
    regions = dict(await archive.region_counts())
    assert regions["ru-astrakhan"] == 2
    sectors = await archive.sector_counts()
    assert sectors == sorted(sectors, key=lambda item: (-item[1], item[0]))
    coverage = await archive.coverage()
    assert coverage.articles == 5
    assert coverage.regions == len(regions)
    assert (coverage.first_date, coverage.last_date) == (
        dt.date(2018, 11, 7),
        dt.date(2022, 11, 27),
    )


async def test_pairs_roles_and_sectors_in_the_full_text_index(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "made.sqlite3")
    try:
        both, mention, other = await store_records(
            database,
            [
                record("Обе", "Договор подписан.", date=dt.date(2024, 1, 5), sectors=("trade",),
                       regions=(("kz-atyrau", "partner"), ("ru-astrakhan", "partner"))),
                record("Упоминание", "Договор обсуждён.", date=dt.date(2024, 2, 5),
                       regions=(("kz-atyrau", "partner"), ("ru-astrakhan", "mentioned"))),
                record("Другая", "Договор подписан.", date=dt.date(2024, 3, 5), sectors=("trade",),
                       regions=(("kz-west", "partner"), ("ru-samara", "partner"))),
            ],
        )  # fmt: skip
        archive = Archive(database.reader)
        pair = await archive.articles(Selection(region_ids=("kz-atyrau", "ru-astrakhan")))
        partners = await archive.articles(
            Selection(region_ids=("kz-atyrau", "ru-astrakhan"), role="partner")
        )
        search = await archive.articles(Selection(query="договор", sector="trade"))
        in_pair = await archive.articles(
            Selection(query="договор", region_ids=("kz-atyrau", "ru-astrakhan"))
        )
        dated = await archive.articles(
            Selection(query="договор", since=dt.date(2024, 2, 1), until=dt.date(2024, 2, 29))
        )
    finally:
        await database.close()
    assert [card.id for card in pair.items] == [mention, both]
    assert pair.total == 2
    assert [card.id for card in partners.items] == [both]
    assert partners.total == 1
    assert [card.id for card in search.items] == [other, both]
    assert (in_pair.total, [card.id for card in dated.items]) == (2, [mention])


async def test_search_total_stops_at_the_cap(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (await archive.articles(Selection(query="Казахстан"))).total >= 3
    monkeypatch.setattr(repository, "SEARCH_TOTAL_CAP", 2)
    page = await archive.articles(Selection(query="Казахстан"))
    assert page.total == len(page.items) >= 3
    page = await archive.articles(Selection(query="Казахстан"), limit=1)
    assert page.total == 2


async def test_an_overview_is_kept_across_writes_that_change_no_article(
    database: Database, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned: list[Selection] = []

    async def counting_plan(db: aiosqlite.Connection, selection: Selection) -> Overview:
        planned.append(selection)
        return await plan_overview(db, selection)

    monkeypatch.setattr(repository, "plan_overview", counting_plan)
    astrakhan = Selection(region_ids=("ru-astrakhan",))
    first = await archive.overview(astrakhan)
    await Users(database).set_lang(7, "kk", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert await archive.overview(astrakhan) == first
    assert planned == [astrakhan]  # a user's write left the archive as it was

    ferry = record(
        "Астрахань и Атырау: новый паром",
        "Астраханская и Атырауская области открыли паромную линию.",
        regions=(("ru-astrakhan", "partner"), ("kz-atyrau", "partner")),
    )
    await store_records(database, [ferry])
    changed = await archive.overview(astrakhan)
    assert planned == [astrakhan, astrakhan]  # a new article is counted at once
    assert changed.count == first.count + 1

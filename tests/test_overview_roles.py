"""Overviews name as partners only the regions that are partners: a forum's venue or a
consulate's seat (Omsk in seed 000) is listed apart, labelled; top sectors are ranked by count,
then by the newest article, then by that article's order, never alphabetically."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram.methods import EditMessageText

from storage.db import Database
from storage.facets import stored_counts
from storage.models import Selection
from storage.repository import Archive
from tests.support import BotClient, Feed, keyboard, texts

MIGRATIONS = Path(__file__).resolve().parent.parent / "storage" / "migrations"


def header(text: str) -> str:
    """The overview of a summary page: everything before the first listed article."""
    return text.split("\n\n", 1)[0]


# (command, language, lines the overview must have, words it must not have)
CASES = [
    (
        "/region Омбы",
        "ru",
        ["Из них регион лишь упомянут (площадка, консульство): 1"],
        ["Партнёры", "Туркестанская"],
    ),
    (
        "/region Omsk",
        "en",
        ["Of these, the region is only mentioned (a venue, a consulate): 1"],
        ["Partners", "Turkestan"],
    ),
    (
        "/region Омбы",
        "kk",
        ["Оның ішінде өңір тек аталған (өтетін орны, консулдық): 1"],
        ["әріптестер:", "Түркістан"],
    ),
    (
        "/region Туркестан Челябинск",
        "ru",
        [
            "Ведущие отрасли: Туризм (1), Космос (1), Машиностроение (1)",
            "Также упомянуты (не партнёры): Омская область (1)",
        ],
        ["лишь упомянут"],
    ),
    (
        "/region Turkestan Chelyabinsk",
        "en",
        [
            "Top sectors: Tourism (1), Space (1), Machine building (1)",
            "Also mentioned (not partners): Omsk Oblast (1)",
        ],
        [],
    ),
    (
        "/region Астрахань",
        "ru",
        [
            "Партнёры по ту сторону границы: Атырауская область (1), Казахстан (1)",
            "Также упомянуты (не партнёры): Оренбургская область (1)",
        ],
        ["лишь упомянут"],
    ),
    (
        "/region Атырау",
        "ru",
        ["Партнёры по ту сторону границы: Астраханская область (1)"],
        ["лишь упомянут"],
    ),
]


@pytest.mark.parametrize(("command", "lang", "present", "absent"), CASES)
async def test_overview_partners_and_mentions(
    feed: Feed, command: str, lang: str, present: list[str], absent: list[str]
) -> None:
    [text] = texts(await feed(command, lang=lang))
    lines = header(text).split("\n")
    for line in present:
        assert line in lines
    for word in absent:
        assert word not in header(text)


async def test_region_browser_counts_partners_only(client: BotClient) -> None:
    await client.send("/regions")
    [edit] = [c for c in await client.click("br:RU:0") if isinstance(c, EditMessageText)]
    labels = [b.text for row in keyboard(edit.reply_markup) for b in row]
    assert "Челябинская область (1)" in labels
    assert not any(label.startswith("Омская") for label in labels)  # a consulate's seat


async def test_stored_and_live_partners_agree(database: Database) -> None:
    """A plain region (stored counts) and a pair (counted live)."""
    archive = Archive(database.reader)
    plain = await archive.overview(Selection(region_ids=("ru-omsk",)))
    assert (plain.partners, plain.home_mentioned, plain.count) == ((), 1, 1)
    pair = await archive.overview(Selection(region_ids=("kz-turkistan", "ru-chelyabinsk")))
    assert pair.mentioned == (("ru-omsk", 1),)
    assert [sector for sector, _ in pair.sectors] == ["tourism", "space", "machine_building"]


async def test_migration_counts_partners_as_the_loader_does(database: Database) -> None:
    """An archive stored before 0012b gets the same 'p:' counts the loader keeps."""
    ids = [row[0] for row in await database.reader.execute_fetchall("SELECT id FROM articles")]
    expected = {
        key: count
        for key, count in (await stored_counts(database.reader, ids)).subjects.items()
        if key[0].startswith("p:")
    }
    assert expected[("p:kz-atyrau", "partner", "ru-astrakhan")] == 1
    assert ("p:ru-omsk", "partner", "kz-turkistan") not in expected  # only a consulate's seat
    migration = MIGRATIONS / "0012b_partner_counts.sql"
    async with database.transaction() as writer:
        await writer.execute("DELETE FROM facet_counts WHERE subject LIKE 'p:%'")
        for statement in migration.read_text(encoding="utf-8").split(";\n"):
            if "INSERT" in statement:
                await writer.execute(statement)
    rows = await database.reader.execute_fetchall(
        "SELECT subject, facet, value, count FROM facet_counts WHERE subject LIKE 'p:%'"
    )
    assert {(s, f, v): c for s, f, v, c in rows} == expected

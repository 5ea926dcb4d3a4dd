"""A fixture archive for pictures and exports: three years of articles between a few regions,
Kazakh and Russian titles, turnover sentences, titles a spreadsheet would take for formulas, and
web addresses and sectors named in passing on every other article."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from storage.db import Database
from storage.figures_store import sync_figures
from storage.models import ArticleRecord, RegionMention, Role
from tests.archive_fixtures import store_records

KZ = ("kz-atyrau", "kz-west", "kz-kostanay", "kz-aktobe", "kz-mangystau")
RU = ("ru-astrakhan", "ru-orenburg", "ru-samara", "ru-omsk", "ru-chelyabinsk", "ru-tomsk")
SECTORS = ("trade", "transport_logistics", "tourism", "education", "energy", "agriculture")
FORMULA_TITLES = (
    '=HYPERLINK("http://example.com";"Нажми")',
    "+7 новых маршрутов между Атырау и Астраханью",
    "-15% пошлин: Қостанай мен Омбы келісті",
    "@astrakhan_gov: делегация Атырау",
)
TURNOVER = {
    2021: "Товарооборот между Атырауской и Астраханской областями в 2021 году составил "
    "1,1 млрд долларов.",
    2022: "Атырау мен Астрахан облыстары арасындағы тауар айналымы 2022 жылы 1,4 млрд АҚШ "
    "долларынан асты.",
    2023: "По итогам 2023 года товарооборот Атырауской и Астраханской областей превысил "
    "1,9 млрд долларов.",
}


def analyst_records(count: int = 60, seed: int = 7) -> list[ArticleRecord]:
    """`count` records over 2021-2023; the first ones carry the turnover and formula titles."""
    rng = random.Random(seed)
    records = []
    for index in range(count):
        kz, ru = rng.choice(KZ), rng.choice(RU)
        if index < 12:  # the pair the turnover figures are about
            kz, ru = "kz-atyrau", "ru-astrakhan"
        date = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        year = 2021 + index % 3
        body = f"Делегации {kz} и {ru} обсудили сотрудничество."
        if index < 3:
            date = dt.date(year, 6, 1 + index)
            body += " " + TURNOVER[year]
        kazakh = index % 4 == 1
        title = (
            FORMULA_TITLES[index // 3 % 4]
            if index % 3 == 2 and index < 12
            else ("Өңірлер ынтымақтастығы: әғқңөұүһі" if kazakh else f"Встреча №{index}")
        )
        regions: tuple[tuple[str, Role], ...] = ((kz, "partner"), (ru, "partner"))
        sectors = rng.sample(SECTORS, 3)  # two main ones; every other article names a third
        if index % 5 == 0:
            regions += (("ru-omsk" if ru != "ru-omsk" else "ru-tomsk", "mentioned"),)
        records.append(
            ArticleRecord(
                title=title,
                date=None if index % 17 == 16 else date,
                lang="kk" if kazakh else "ru",
                source="Казинформ" if index % 2 else "=cmd|' /C calc'!A0",
                regions=tuple(RegionMention(region, role) for region, role in regions),
                national_level=(),
                sectors=tuple(sectors[:2]),
                summary=f"Краткое содержание №{index}: стороны договорились.",
                facts=(),
                body=body,
                url=f"https://example.kz/news/{index}" if index % 2 else None,
                mentioned_sectors=tuple(sectors[2:]) if index % 2 else (),
            )
        )
    return records


async def analyst_archive(path: Path, count: int = 60) -> Database:
    """A fresh archive file with the analyst records and their figures."""
    database = await Database.open(path)
    await store_records(database, analyst_records(count))
    async with database.transaction() as writer:
        await sync_figures(writer)
    return database

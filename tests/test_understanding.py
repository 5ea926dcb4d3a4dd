"""Typed inputs → what they mean: names in any script, countries, sectors, periods, leftovers."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.understanding import understand
from storage.translit import spelling_key, to_cyrillic, to_latin

TODAY = dt.date(2026, 12, 1)  # a Tuesday
D = dt.date


@pytest.mark.parametrize(
    ("typed", "regions"),
    [
        # Latin spellings, by transliteration rule
        ("Oral", ["kz-west"]),
        ("Uralsk", ["kz-west"]),
        ("Petropavl", ["kz-north"]),
        ("Qostanay", ["kz-kostanay"]),
        ("Kostanai", ["kz-kostanay"]),
        ("Aqtobe", ["kz-aktobe"]),
        ("Shymkent", ["kz-shymkent"]),
        ("Astrakhan", ["ru-astrakhan"]),
        ("Ust-Kamenogorsk", ["kz-east"]),
        ("Öskemen", ["kz-east"]),
        ("Yekaterinburg", ["ru-sverdlovsk"]),
        ("Zhetysu", ["kz-jetisu"]),
        # ISO codes, current and before 2022
        ("KZ-ATY", ["kz-atyrau"]),
        ("KZ-23", ["kz-atyrau"]),
        ("RU-AST", ["ru-astrakhan"]),
        # bare Kazakh names of the new regions
        ("Абай", ["kz-abai"]),
        ("Жетісу", ["kz-jetisu"]),
        ("Ұлытау", ["kz-ulytau"]),
        # old spellings
        ("Кустанай", ["kz-kostanay"]),
        ("Гурьев", ["kz-atyrau"]),
        ("Чимкент", ["kz-shymkent"]),
        # pairs, in any script, in any order
        ("Oral Samara", ["kz-west", "ru-samara"]),
        ("Samara Oral", ["ru-samara", "kz-west"]),
        ("Туркестан Челябинск", ["kz-turkistan", "ru-chelyabinsk"]),
    ],
)
def test_region_spellings(typed: str, regions: list[str]) -> None:
    understood = understand(typed, TODAY)
    assert list(understood.region_ids) == regions
    assert understood.words == ()


@pytest.mark.parametrize(
    ("typed", "country"),
    [("Казахстан", "KZ"), ("Қазақстан", "KZ"), ("Kazakhstan", "KZ"), ("Россия", "RU")],
)
def test_countries_are_named_not_refused(typed: str, country: str) -> None:
    understood = understand(typed, TODAY)
    assert understood.countries == (country,)
    assert understood.region_ids == ()


@pytest.mark.parametrize(
    ("typed", "sector"),
    [
        ("tourism", "tourism"),
        ("trade", "trade"),
        ("торговля", "trade"),
        ("торговли", "trade"),
        ("сауда", "trade"),
        ("туризм", "tourism"),
        ("сельское хозяйство", "agriculture"),
        ("machine building", "machine_building"),
    ],
)
def test_sector_names_in_every_language(typed: str, sector: str) -> None:
    understood = understand(typed, TODAY)
    assert understood.sector == sector
    assert understood.words == ()


@pytest.mark.parametrize(
    ("typed", "since", "until"),
    [
        ("01.03.2022-30.06.2022", D(2022, 3, 1), D(2022, 6, 30)),
        ("2022-03-01 - 2022-06-30", D(2022, 3, 1), D(2022, 6, 30)),
        ("2022-03-01..2022-06-30", D(2022, 3, 1), D(2022, 6, 30)),
        ("с марта по июнь 2022", D(2022, 3, 1), D(2022, 6, 30)),
        ("март–июнь 2022", D(2022, 3, 1), D(2022, 6, 30)),
        ("30.06.2022-01.03.2022", D(2022, 3, 1), D(2022, 6, 30)),  # reversed: swapped
        ("2022", D(2022, 1, 1), D(2022, 12, 31)),
        ("в 2022 году", D(2022, 1, 1), D(2022, 12, 31)),
        ("ноябрь 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("November 2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("2022 жылғы наурыз", D(2022, 3, 1), D(2022, 3, 31)),
        ("2022-11", D(2022, 11, 1), D(2022, 11, 30)),
        ("11.2022", D(2022, 11, 1), D(2022, 11, 30)),
        ("07.03.2022", D(2022, 3, 7), D(2022, 3, 7)),
        ("5 марта 2022 года", D(2022, 3, 5), D(2022, 3, 5)),
        ("вчера", D(2026, 11, 30), D(2026, 11, 30)),
        ("сегодня", TODAY, TODAY),
        ("на этой неделе", D(2026, 11, 30), TODAY),
        ("на прошлой неделе", D(2026, 11, 23), D(2026, 11, 29)),
        ("за месяц", D(2026, 11, 2), TODAY),
        ("last month", D(2026, 11, 1), D(2026, 11, 30)),
        ("this year", D(2026, 1, 1), TODAY),
        ("өткен ай", D(2026, 11, 1), D(2026, 11, 30)),
        ("биыл", D(2026, 1, 1), TODAY),
        ("в прошлом году", D(2025, 1, 1), D(2025, 12, 31)),
    ],
)
def test_periods_people_type(typed: str, since: dt.date, until: dt.date) -> None:
    understood = understand(typed, TODAY)
    assert understood.period is not None
    assert (understood.period.since, understood.period.until) == (since, until)
    assert understood.words == ()


@pytest.mark.parametrize(
    ("typed", "problem"),
    [("31.02.2022", "day"), ("2022-02-30", "day"), ("13.2022", "month"), ("1950", "year")],
)
def test_impossible_dates_are_named_precisely(typed: str, problem: str) -> None:
    understood = understand(typed, TODAY)
    assert understood.period is None
    assert understood.period_error is not None
    assert (understood.period_error.typed, understood.period_error.problem) == (typed, problem)


@pytest.mark.parametrize(
    ("typed", "regions", "sector", "year", "words"),
    [
        ("туризм Атырау", ["kz-atyrau"], "tourism", None, []),
        ("Атырау 2023", ["kz-atyrau"], None, 2023, []),
        ("торговля Костанай", ["kz-kostanay"], "trade", None, []),
        ("2022 Kostanay trade", ["kz-kostanay"], "trade", 2022, []),
        ("Атырау туризм 2022 нефть", ["kz-atyrau"], "tourism", 2022, ["нефть"]),
        ("товарооборот Астрахань", ["ru-astrakhan"], None, None, ["товарооборот"]),
        ("Атырау и Астрахань в 2023 году", ["kz-atyrau", "ru-astrakhan"], None, 2023, []),
        ("Байконур", [], None, None, ["Байконур"]),
        ("туризм торговля", [], "tourism", None, ["торговля"]),  # one sector a selection
        ('"газовый контракт" -нефть', [], None, None, ['"газовый контракт"', "-нефть"]),
    ],
)
def test_combined_filters_in_any_order(
    typed: str, regions: list[str], sector: str | None, year: int | None, words: list[str]
) -> None:
    understood = understand(typed, TODAY)
    assert list(understood.region_ids) == regions
    assert understood.sector == sector
    assert (understood.period.since.year if understood.period else None) == year
    assert list(understood.words) == words


def test_selection_carries_every_part() -> None:
    selection = understand("Атырау туризм 2022 нефть", TODAY).selection(with_words=True)
    assert selection.region_ids == ("kz-atyrau",)
    assert selection.sector == "tourism"
    assert (selection.since, selection.until) == (D(2022, 1, 1), D(2022, 12, 31))
    assert selection.query == "нефть"
    assert understand("Атырау нефть", TODAY).selection(with_words=False).query is None


def test_long_input_is_cut_and_parsed_quickly() -> None:
    understood = understand("Атырау " + "слово " * 10_000, TODAY)
    assert understood.region_ids == ("kz-atyrau",)
    assert len(understood.words) < 60


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [("Щучинск", "Shchuchinsk"), ("Қостанай", "Qostanay"), ("Жетісу", "Zhetisu")],
)
def test_romanisation(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic) == latin


def test_latin_read_as_cyrillic() -> None:
    assert to_cyrillic("Baikonur") == "байконур"
    assert to_cyrillic("Shymkent") == "шымкент"


@pytest.mark.parametrize(
    "spellings",
    [
        ["Qostanay", "Kostanai", "Kostanay", "Қостанай", "Костанай"],
        ["Uralsk", "Уральск"],
        ["Guryev", "Гурьев"],
        ["Mangystau", "Маңғыстау", "Mangistau", "Мангистау"],
    ],
)
def test_spellings_meet_on_one_key(spellings: list[str]) -> None:
    assert len({spelling_key(spelling) for spelling in spellings}) == 1

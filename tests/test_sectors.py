"""The sector catalogue, its ru + kk lexicon on the pitfalls of sectors.md, and resolution."""

from __future__ import annotations

import pytest

from storage.sectors import (
    all_sectors,
    get_sector,
    resolve_sector,
    score_sectors,
    suggest_sectors,
)

SECTOR_IDS = {
    "trade", "industry", "machine_building", "transport_logistics", "energy", "agriculture",
    "investment", "tourism", "culture", "education", "science", "healthcare", "ecology",
    "sport", "space", "shipbuilding", "construction", "border", "digital", "finance", "emergency",
}  # fmt: skip


def scores(text: str) -> dict[str, float]:
    return dict(score_sectors(text))


@pytest.mark.parametrize(
    ("word", "sectors"),
    [
        ("торгово-экономическое", {"trade"}),
        ("научно-техническое", {"science"}),
        ("культурно-гуманитарное", {"culture"}),
        ("сауда-экономикалық", {"trade"}),
        ("научно-образовательный", {"science", "education"}),
        ("сельхозтехника", {"agriculture", "machine_building"}),
    ],
)
def test_compound_words_count_for_each_part(word: str, sectors: set[str]) -> None:
    assert set(scores(word)) == sectors


def test_the_21_fixed_ids_with_labels() -> None:
    assert {s.id for s in all_sectors()} == SECTOR_IDS
    assert all(s.label_ru and s.label_kk and s.label_en for s in all_sectors())
    tourism = get_sector("tourism")
    assert tourism is not None
    assert tourism.label("kk") == "Туризм"
    assert get_sector("nothing") is None


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Товарооборот вырос на 15%.", "trade"),
        ("Экспорт зерна и импорт техники", "trade"),
        ("тауар айналымы 600 млн. АҚШ долларынан асқан", "trade"),
        ("жеңіл өнеркәсіп саласында", "industry"),
        ("сборка грузовых машин и спецтехники", "machine_building"),
        ("әуе қатынасын ұйымдастыру", "transport_logistics"),
        ("строительство газопровода", "energy"),
        ("табиғи газ өндірісі", "energy"),
        ("ауыл шаруашылығы саласында", "agriculture"),
        ("инвестициялық әлеуетін дамыту", "investment"),
        ("развитие медицинского туризма", "tourism"),
        ("мәдени-гуманитарлық салалардағы", "culture"),
        ("в астраханских вузах учатся студенты", "education"),
        ("ғылыми зертхана", "science"),
        ("денсаулық сақтау саласы", "healthcare"),
        ("экологического состояния рек", "ecology"),
        ("соревнования по борьбе", "sport"),
        ("комплекс «Байконур»", "space"),
        ("сотрудничество в сфере судостроения", "shipbuilding"),
        ("тұрғын үй құрылысы", "construction"),
        ("новые образовательные программы", "education"),
        ("теміржол тасымалы", "transport_logistics"),
        ("бидай егіні", "agriculture"),
        ("облыстық тарихи мұражай", "culture"),
        ("модернизация пункта пропуска на границе", "border"),
        ("шекарадағы өткізу бекетінің жұмысы", "border"),
        ("цифровизация государственных услуг", "digital"),
        ("расчёты в национальных валютах через банки", "finance"),
        ("защита сёл от паводков", "emergency"),
        ("су тасқынының алдын алу", "emergency"),
        ("поставки грузовиков и вагонов", "machine_building"),
        ("экспорт говядины и свинины", "agriculture"),
        ("разработка газоконденсатного месторождения", "energy"),
        ("строительство линии электропередачи", "energy"),
        ("логистический центр на границе", "transport_logistics"),
    ],
)
def test_lexicon_finds_the_sector(text: str, sector: str) -> None:
    assert score_sectors(text)[0][0] == sector


def test_kazakh_art_is_not_industry_and_industry_is_not_art() -> None:
    assert set(scores("өнеркәсіп кәсіпорындары")) == {"industry"}
    assert "industry" not in scores("халық өнері фестивалі")
    assert "culture" in scores("халық өнері фестивалі")


def test_kazakh_newspaper_is_not_gas() -> None:
    assert "energy" not in scores("Облыстық газет жазды. Газеттің тілшісі хабарлады.")
    assert "energy" in scores("Табиғи газ құбыры салынады.")


def test_torgovo_ekonomicheskiy_is_counted_once_and_weakly() -> None:
    assert scores("торгово-экономического сотрудничества") == {"trade": 0.5}
    assert scores("торговля") == {"trade": 1.0}


def test_medical_tourism_is_tourism_not_healthcare() -> None:
    assert scores("развитие медицинского туризма") == {"tourism": 1.5}


def test_order_is_strongest_first() -> None:
    ranked = score_sectors("туризм туризм торговля")
    assert [sid for sid, _ in ranked] == ["tourism", "trade"]


@pytest.mark.parametrize(
    ("query", "sector"),
    [
        ("туризм", "tourism"),
        ("Tourism", "tourism"),
        ("сауда", "trade"),
        ("ТОРГОВЛЯ", "trade"),
        ("machine_building", "machine_building"),
        ("Ғарыш", "space"),
        ("образование", "education"),
        ("судостроение", "shipbuilding"),
    ],
)
def test_resolve_sector(query: str, sector: str) -> None:
    found = resolve_sector(query)
    assert found is not None
    assert found.id == sector


def test_resolve_and_suggest_unknown() -> None:
    assert resolve_sector("погода") is None
    assert resolve_sector("  ") is None
    assert suggest_sectors("турзим")[0].id == "tourism"
    assert suggest_sectors("") == []

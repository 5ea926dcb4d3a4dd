"""The expected reading of each of the five seed articles (written after reading them by hand)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storage.models import ArticleRecord
from storage.reading import decode_article_file, read_article, record_to_json

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
BOILERPLATE = (
    "Популярное", "Читайте также", "Архив", "[[", "Оқылды", "4168", "Добавить комментарий",
    "фото РСК", "Серик Кабдулов", "аким Каз. РФ", "Instagram", "zhaikpress.kz", "Автор",
)  # fmt: skip


def read_seed(prefix: str) -> ArticleRecord:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_article(decode_article_file(path.read_bytes()))


def roles(record: ArticleRecord) -> dict[str, str]:
    return {mention.region_id: mention.role for mention in record.regions}


def named_sectors(record: ArticleRecord) -> set[str]:
    return {sector for sector, _ in record.sector_roles}


def fact_texts(record: ArticleRecord, kind: str) -> list[str]:
    return [fact.text for fact in record.facts if fact.kind == kind]


def test_000_turkistan_and_chelyabinsk_with_the_consulate_in_omsk() -> None:
    record = read_seed("000")
    assert record.title == "Туркестанская и Челябинская области сотрудничают в сфере туризма"
    assert record.date is None
    assert record.lang == "ru"
    assert roles(record) == {
        "kz-turkistan": "partner",
        "ru-chelyabinsk": "partner",
        "ru-omsk": "mentioned",
    }
    assert record.national_level == ()
    assert record.sectors[0] == "tourism"  # the headline's subject, among at most three
    assert len(record.sectors) <= 3
    assert {"machine_building", "space", "investment", "culture"} <= named_sectors(record)
    assert record.summary.startswith("После визита делегации Туркестанской области")
    assert "Одна из них" not in record.summary


def test_001_siberian_regions_met_by_the_ambassador() -> None:
    record = read_seed("001")
    assert record.title == "Казахстан укрепляет сотрудничество с сибирскими регионами России"
    assert record.date == dt.date(2022, 3, 7)
    assert record.lang == "ru"
    assert roles(record) == {
        "ru-krasnoyarsk": "partner",
        "ru-khakassia": "partner",
        "ru-tyva": "partner",
    }
    assert record.partners[0] == "ru-krasnoyarsk"
    assert record.national_level == ("KZ",)
    assert len(record.sectors) <= 3
    assert {"trade", "investment", "culture", "science", "sport", "tourism"} <= named_sectors(
        record
    )
    (money,) = fact_texts(record, "money")
    assert "торговый оборот" in money
    assert "$100 млн" in money
    assert any("Красноярского экономического форума" in e for e in fact_texts(record, "event"))
    assert record.body.count("Казахстан укрепляет сотрудничество") == 0  # repeated title dropped


def test_002_kazakh_west_kazakhstan_and_samara() -> None:
    record = read_seed("002")
    assert record.title == "БҚО делегациясы шекаралық серіктестік аясында Самара облысында болды"
    assert record.date == dt.date(2018, 11, 7)
    assert record.lang == "kk"
    assert roles(record) == {
        "kz-west": "partner",
        "ru-samara": "partner",
        "ru-moscow": "mentioned",
        "ru-saratov": "mentioned",
        "ru-orenburg": "mentioned",
    }  # Алтай Көлгінов is a person; ЮНЕСКО holds no СКО
    assert record.national_level == ()
    assert "tourism" in record.sectors
    assert len(record.sectors) <= 3
    assert {"agriculture", "industry", "trade", "healthcare"} <= named_sectors(record)
    assert record.summary.startswith("Батыс Қазақстан облысы Ресей Федерациясының Самара")
    assert any("600 млн. АҚШ долларынан асқан" in m for m in fact_texts(record, "money"))
    assert any("келісімге қол қойылды" in a for a in fact_texts(record, "agreement"))
    assert record.source == "zhaikpress.kz"


def test_003_atyrau_and_astrakhan_without_the_popular_list() -> None:
    record = read_seed("003")
    assert record.title == "Заинтересованы в новых контактах"
    assert record.date is None  # only the plan's 2023–2026 and a view counter
    assert record.lang == "ru"
    assert roles(record) == {"kz-atyrau": "partner", "ru-astrakhan": "partner"}
    assert record.national_level == ()
    assert record.sectors[:2] == ("trade", "agriculture")
    assert len(record.sectors) <= 3
    assert {"shipbuilding", "culture", "healthcare", "ecology"} <= named_sectors(record)
    assert "Гурьевская" not in record.body
    assert "Популярное" not in record.body
    (plan, *_) = fact_texts(record, "agreement")
    assert "план мероприятий" in plan
    assert "2023–2026" in plan


def test_004_astrakhan_and_the_consul_general_forum_in_orenburg() -> None:
    record = read_seed("004")
    assert record.title.startswith("Казахстан является одним из основных зарубежных партнеров")
    assert record.date == dt.date(2022, 11, 27)  # not the meeting (22.11) nor the forum (28.11)
    assert record.lang == "ru"
    assert roles(record) == {"ru-astrakhan": "partner", "ru-orenburg": "mentioned"}
    assert record.national_level == ("KZ",)
    assert record.sectors == ("trade",)  # the rest are named in one sentence each, in passing
    assert {"shipbuilding", "tourism", "culture"} <= named_sectors(record)
    assert "healthcare" not in named_sectors(record)  # "медицинский туризм" is tourism
    assert record.source == "Деловой Казахстан"
    events = fact_texts(record, "event")
    assert any("Форума" in e and "Оренбурге" in e for e in events)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_summaries_are_short_extracts_without_boilerplate(prefix: str) -> None:
    record = read_seed(prefix)
    assert 40 <= len(record.summary) <= 460
    assert not any(marker in record.summary for marker in BOILERPLATE)
    assert not any(marker in record.body for marker in BOILERPLATE)
    first_sentence = record.summary.split(". ")[0]
    assert first_sentence[:30] in record.body


def test_record_to_json_has_exactly_the_documented_keys() -> None:
    data = record_to_json(read_seed("004"), "004.txt")
    assert list(data) == [
        "file", "title", "date", "lang", "source", "url", "regions", "national_level", "sectors",
        "sector_roles", "summary", "facts",
    ]  # fmt: skip
    assert data["date"] == "2022-11-27"
    assert data["regions"][0] == {
        "id": "ru-astrakhan",
        "iso": "RU-AST",
        "country": "RU",
        "name_en": "Astrakhan Oblast",
        "role": "partner",
    }
    assert data["national_level"] == ["KZ"]
    assert data["sectors"][0] == "trade"
    assert data["sector_roles"][0] == {"id": "trade", "role": "main"}
    assert {"role": "mentioned", "id": "shipbuilding"} in data["sector_roles"]
    assert data["url"] is None
    assert all(set(fact) == {"kind", "text"} for fact in data["facts"])

"""The region catalogue, the gazetteer on tricky sentences (ru and kk), and query resolution."""

from __future__ import annotations

import pycountry
import pytest

from storage.models import Region
from storage.regions import (
    all_regions,
    find_region_hits,
    get_region,
    resolve_regions,
    suggest_regions,
)


def found(text: str) -> list[str]:
    return [hit.value for hit in find_region_hits(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Russian declension of region adjectives and city nouns
        ("Делегация Челябинской области прибыла.", ["ru-chelyabinsk"]),
        ("Визит в Челябинскую область состоялся.", ["ru-chelyabinsk"]),
        ("Челябинская область и партнёры", ["ru-chelyabinsk"]),
        ("Губернатор Красноярского края Александр Усс", ["ru-krasnoyarsk"]),
        ("Атырау закупает в Астрахани рыбу.", ["kz-atyrau", "ru-astrakhan"]),
        ("Рейсы между Астраханью и Атырау отменены.", ["ru-astrakhan", "kz-atyrau"]),
        # Kazakh suffixes
        ("БҚО делегациясы Самара облысына барды.", ["kz-west", "ru-samara"]),
        ("Батыс Қазақстан облысының әкімі", ["kz-west"]),
        ("Самара облысымен ынтымақтастық", ["ru-samara"]),
        ("БҚО-да шетелдік 86 фирма жұмыс жасауда.", ["kz-west"]),
        ("Оралдан Ресейге дейін жол салынады.", ["kz-west"]),
        ("Орынбор облысының шекарасына дейін", ["ru-orenburg"]),
        ("Мәскеу мен Франкфуртқа рейстер бар.", ["ru-moscow"]),
        ("Омбы облысындағы қазақтар", ["ru-omsk"]),
        # abbreviations, and СКО inside ЮНЕСКО
        ("В ЗКО открылся завод.", ["kz-west"]),
        ("Аким ВКО встретился с губернатором.", ["kz-east"]),
        ("СКО и Курганская область подписали план.", ["kz-north", "ru-kurgan"]),
        ("Центр имеет статус клуба ЮНЕСКО.", []),
        ("балалар туризмі орталығы ЮНЕСКО клубының мәртебесіне ие", []),
        ("Делегация ХМАО посетила Павлодар.", ["ru-khmao", "kz-pavlodar"]),
        ("ШҚО әкімі СҚО-ның әкімімен кездесті.", ["kz-east", "kz-north"]),
        ("Делегация Астраханға барып, Ақтөбеде кездесті.", ["ru-astrakhan", "kz-aktobe"]),
        ("Форум Нұр-Сұлтанда өтті.", ["kz-astana"]),
        # former names
        ("В 1940-е Гурьевская область была на военном положении.", ["kz-atyrau"]),
        ("Город Гурьев основан в 1640 году.", ["kz-atyrau"]),
        ("Полигон под Семипалатинском закрыт.", ["kz-abai"]),
        ("Форум прошёл в Нур-Султане.", ["kz-astana"]),
        ("Встреча в Семее прошла успешно.", ["kz-abai"]),
        # cities standing for their region
        ("Завод в городе Миасс выпускает грузовики.", ["ru-chelyabinsk"]),
        ("Форум состоится в Абакане 27-29 апреля.", ["ru-khakassia"]),
        ("Делегация из Уральска прибыла в Саратов.", ["kz-west", "ru-saratov"]),
        ("Орал-Саратов тасжолының құрылысы аяқталды.", ["kz-west", "ru-saratov"]),
        ("Рейс Петропавловск-Камчатский отменён.", ["ru-kamchatka"]),
        ("Делегация из Петропавловска прибыла в Курган.", ["kz-north", "ru-kurgan"]),
        ("Ямало-Ненецкий автономный округ", ["ru-yamal"]),
        ("Московская область и Москва", ["ru-moscow-oblast", "ru-moscow"]),
        ("Алматинская область и Алматы", ["kz-almaty-region", "kz-almaty"]),
        # pitfalls: a person named Алтай, the plant «УРАЛ», rivers, Қазан meaning October
        ("- деп атап өтті Алтай Көлгінов.", []),
        ("Делегация посетила автомобильный завод «УРАЛ».", []),
        ("экологического состояния рек Волги и Жайыка (Урала)", []),
        ("Қазан айында форум өтеді.", []),
        ("Археологи раскопали древний курган в степи.", []),
        ("хоральный концерт и моральный дух", []),
        ("Республика Алтай и Алтайский край", ["ru-altai-rep", "ru-altai-krai"]),
        ("В Казани прошла ярмарка.", ["ru-tatarstan"]),
        # ambiguous short forms, people's names, Baikonur and macro-regions are not regions
        ("Послом РК в РФ, делегации РБ и РТ, министр обороны МО", []),
        ("Губернатор Владимир Владимиров прибыл.", []),
        ("Владимирская область", ["ru-vladimir"]),
        ("Комплекс «Байконур» и город Байконыр", []),
        ("Сибирь, Урал, Поволжье и Каспий", []),
    ],
)
def test_gazetteer_on_tricky_sentences(sentence: str, expected: list[str]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Астрахань", ["ru-astrakhan"]),
        ("астраханская обл", ["ru-astrakhan"]),
        ("Астраханской области", ["ru-astrakhan"]),
        ("Astrakhan", ["ru-astrakhan"]),
        ("astrakhan oblast", ["ru-astrakhan"]),
        ("Атырау", ["kz-atyrau"]),
        ("БҚО", ["kz-west"]),
        ("ЗКО", ["kz-west"]),
        ("зко", ["kz-west"]),
        ("Орал", ["kz-west"]),
        ("орал", ["kz-west"]),
        ("Уральск", ["kz-west"]),
        ("RU-AST", ["ru-astrakhan"]),
        ("kz-27", ["kz-west"]),
        ("kz-west", ["kz-west"]),
        ("Атырау Астрахань", ["kz-atyrau", "ru-astrakhan"]),
        ("West Kazakhstan", ["kz-west"]),
        ("Moscow", ["ru-moscow"]),
        ("Moscow Oblast", ["ru-moscow-oblast"]),
        ("Kuzbass", ["ru-kemerovo"]),
        ("Казань", ["ru-tatarstan"]),
        ("Петропавловск", ["kz-north"]),
        ("Петропавловск-Камчатский", ["ru-kamchatka"]),
        ("Samara", ["ru-samara"]),
        ("самара облысы", ["ru-samara"]),
        ("Челябинск", ["ru-chelyabinsk"]),
        ("", []),
        ("погода", []),
    ],
)
def test_resolve_regions(query: str, expected: list[str]) -> None:
    assert [region.id for region in resolve_regions(query)] == expected


def test_suggest_regions_for_misspellings() -> None:
    assert suggest_regions("Астрхань")[0].id == "ru-astrakhan"
    assert suggest_regions("челяб")[0].id == "ru-chelyabinsk"
    assert len(suggest_regions("Астр", limit=2)) <= 2
    assert suggest_regions("") == []


def test_all_109_regions_are_present_with_unique_ids() -> None:
    regions = all_regions()
    assert len(regions) == 109
    assert len({r.id for r in regions}) == 109
    assert sum(r.country == "KZ" for r in regions) == 20
    assert sum(r.country == "RU" for r in regions) == 89
    assert all(r.name_ru and r.name_kk and r.name_en for r in regions)


def test_every_iso_code_exists() -> None:
    codes = [r.iso for r in all_regions() if r.iso]
    assert len(codes) == 109 - 6  # six subjects have no RU code in ISO 3166-2
    for code in codes:
        assert pycountry.subdivisions.get(code=code) is not None, code  # type: ignore[no-untyped-call]


def test_regions_without_iso_code_are_the_six_disputed_subjects() -> None:
    without = {r.id for r in all_regions() if r.iso is None}
    assert without == {
        "ru-dnr", "ru-lnr", "ru-crimea", "ru-zaporozhye", "ru-kherson", "ru-sevastopol",
    }  # fmt: skip


def known_region(region_id: str) -> Region:
    region = get_region(region_id)
    assert region is not None, region_id
    return region


def test_kazakh_names() -> None:
    assert known_region("kz-west").name_kk == "Батыс Қазақстан облысы"
    assert known_region("ru-samara").name("kk") == "Самара облысы"
    assert known_region("ru-omsk").name("kk") == "Омбы облысы"
    assert get_region("nowhere") is None


@pytest.mark.parametrize("region", all_regions(), ids=lambda region: region.id)
def test_every_name_of_a_region_names_it_alone(region: Region) -> None:
    for name in (region.name_ru, region.name_kk, region.name_en):
        assert resolve_regions(name) == [region], name
    assert {hit.value for hit in find_region_hits(region.name_ru)} == {region.id}

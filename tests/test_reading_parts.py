"""Tables of cases for each step of reading: header date, language, sentences, cleaning, roles."""

from __future__ import annotations

import datetime as dt

import pytest

from storage.reading import read_article
from storage.reading.cleaning import clean_article
from storage.reading.language import detect_language
from storage.reading.lines import raw_lines
from storage.reading.sentences import split_sentences
from storage.reading.summary import is_self_contained


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("7.11.2018, 12:10", dt.date(2018, 11, 7)),
        ("Автор Olga_Gafurova Monday, 07 March 2022 3:13 PM", dt.date(2022, 3, 7)),
        ("27.11.2022 00:00", dt.date(2022, 11, 27)),
        ("2023-05-04 10:00", dt.date(2023, 5, 4)),
        ("Опубликовано: 2023-03-12T10:00:00+05:00", dt.date(2023, 3, 12)),
        ("5 мая 2021, 09:15", dt.date(2021, 5, 5)),
        ("12 декабря 2020 г.", dt.date(2020, 12, 12)),
        ("2018 жылғы 7 қараша", dt.date(2018, 11, 7)),
        ("7 қазан 2019", dt.date(2019, 10, 7)),
        ("03.04.2021", dt.date(2021, 4, 3)),  # day first
        ("31.02.2021", None),  # no such day
        ("4168", None),  # a view counter
        ("на 2023–2026 годы", None),
        ("13-11-2025", dt.date(2025, 11, 13)),
        ("13/11/2025", dt.date(2025, 11, 13)),
        ("6 марта 2019 г.", dt.date(2019, 3, 6)),
        ("Март 6th, 2019", dt.date(2019, 3, 6)),
        ("March 6, 2019", dt.date(2019, 3, 6)),
        ("2019 жылғы 6 наурыз", dt.date(2019, 3, 6)),
        ("06 наурыз 2019", dt.date(2019, 3, 6)),
        ("Опубликовано 06.03.2019 | Редакция", dt.date(2019, 3, 6)),
    ],
)
def test_header_dates(header: str, expected: dt.date | None) -> None:
    lines = ["Заголовок статьи из трёх слов", header, BODY]
    assert clean_article(lines).date == expected


BODY = "Делегация Атырауской области прибыла в Астрахань. Стороны обсудили торговлю."


def header_date(*lines: str) -> dt.date | None:
    return clean_article(raw_lines("\n".join(lines))).date


def test_body_dates_are_never_the_publication_date() -> None:
    body = "Встреча состоялась 22 ноября 2022 года в Астрахани, " * 5
    assert header_date("Заголовок статьи из трёх слов", body) is None
    assert header_date("Заголовок статьи из трёх слов", BODY, "7.11.2018", BODY) is None


def test_the_header_zone_is_found_by_what_its_lines_are() -> None:
    lines = ["Курс USD 512,3 | EUR 540,1", "+12°C Астана", "Погода: ясно", "Новости регионов"]
    assert header_date(*lines, "Заголовок статьи из трёх слов", "14.04.2025", BODY) == dt.date(
        2025, 4, 14
    )


def test_a_today_strip_gives_way_to_the_byline() -> None:
    strip = "Вторник, 20 мая 2025 | Курс USD 512,3 | +12°C"
    byline = "Опубликовано 14.04.2025 | Редакция"
    assert header_date(strip, "Заголовок статьи из трёх слов", byline, BODY) == dt.date(
        2025, 4, 14
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Батыс Қазақстан облысы Самара облысымен ынтымақтастықты дамытып келеді.", "kk"),
        ("Губернатор Астраханской области встретился с консулом.", "ru"),
        ("В Семее открылась выставка «Ерлік – елге мұра»" + " и другие новости" * 20, "ru"),
        ("", "ru"),
    ],
)
def test_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("paragraph", "count"),
    [
        ("встреча Генерального консула Мадиева А.Е. с губернатором области.", 1),
        ("центра им. Курмангазы в сохранении языка.", 1),
        ("составил порядка $100 млн. Глава региона подчеркнул интерес.", 2),
        ("заседании “Сибирь. Экономика будущего” в рамках форума.", 1),
        ("тауар айналымы 600 млн. АҚШ долларынан асқан. Келесі сөйлем.", 2),
        ("с губернатором Бабушкиным И.Ю. Губернатор поздравил коллег.", 2),
    ],
)
def test_sentence_split_and_repairs(paragraph: str, count: int) -> None:
    assert len(split_sentences(paragraph)) == count


def test_cleaning_drops_boilerplate_and_keeps_the_body() -> None:
    raw = (
        "Главная / Новости / Регионы\n7.11.2018, 12:10\nОқылды: 60\n\n"
        "Заголовок новости про два региона\n4168\nСерик Кабдулов\n"
        "фото РСК\nЗаголовок новости про два региона\nПервый абзац статьи, который остаётся.\n"
        "аким Каз. РФ (6) аким Каз. РФ (7)\nzhaikpress.kz\nПодписывайтесь на наш Telegram-канал!\n"
        "Добавить комментарий\nПопулярное\nВ Семее открылась выставка\n• [[year]]"
    )
    clean = clean_article(raw_lines(raw))
    assert clean.title == "Заголовок новости про два региона"
    assert clean.body_lines == ("Первый абзац статьи, который остаётся.",)
    assert clean.source == "zhaikpress.kz"


@pytest.mark.parametrize(
    "sentence",
    [
        "Одна из них – туризм.",
        "– Члены комиссии также рассмотрели вопрос создания свободной экономической зоны.",
        "«Мы крайне заинтересованы в сотрудничестве и новых контрактах», – сказал он вчера.",
        "Также достигнута договоренность о наращивании работы по расширению ассортимента.",
        "образование», – сообщили в Посольстве Казахстана в России по итогам визита делегации.",
    ],
)
def test_summary_skips_sentences_that_need_their_neighbours(sentence: str) -> None:
    assert not is_self_contained(sentence)


def test_russian_national_level_when_the_russian_side_is_the_embassy() -> None:
    record = read_article(
        "Посол России встретился с акимом Атырауской области\n"
        "Посол Российской Федерации в Казахстане Алексей Бородавкин встретился с акимом "
        "Атырауской области Серикам Шапкеновым. Стороны обсудили торговлю и туризм."
    )
    assert record.partners == ("kz-atyrau",)
    assert record.national_level == ("RU",)


def test_consulate_city_is_mentioned_not_partner() -> None:
    record = read_article(
        "Генконсульство Казахстана в Омске встретило делегацию из Павлодара\n"
        "Руководитель Консульства Республики Казахстан в Омске провёл встречу с делегацией "
        "Павлодарской области. Аким Павлодарской области рассказал о торговле."
    )
    roles = [(m.region_id, m.role) for m in record.regions]
    assert roles == [("kz-pavlodar", "partner"), ("ru-omsk", "mentioned")]
    assert record.national_level == ()


def test_cleaning_keeps_body_lines_that_merely_name_a_social_network() -> None:
    news = "Министерство открыло Telegram-канал для предпринимателей региона."
    raw = f"Заголовок новости про два региона\n{news}\nв Instagram и нашем Telegram - канале\n"
    clean = clean_article(raw_lines(raw + "Комментарии (0)\nЧто-то ещё"))
    assert clean.body_lines == (news,)


def facts_of(text: str) -> dict[str, list[str]]:
    record = read_article(text)
    found: dict[str, list[str]] = {}
    for fact in record.facts:
        found.setdefault(fact.kind, []).append(fact.text)
    return found


def test_a_signing_is_a_whole_sentence_with_its_period_and_one_fact_only() -> None:
    long_list = ", ".join(["торговли", "промышленности", "транспорта", "логистики"] * 8)
    signing = (
        f"Аким Атырауской области и губернатор Астраханской области подписали соглашение "
        f"о сотрудничестве в сферах {long_list} на 2023–2025 годы на сумму 5 млрд рублей."
    )
    facts = facts_of(f"Атырау и Астрахань подписали соглашение\n{signing}")
    (agreement,) = facts["agreement"]
    assert "на 2023–2025 годы" in agreement
    assert agreement.startswith("Аким Атырауской области")
    assert "money" not in facts  # the same sentence is not also a money fact


def test_facts_are_never_cut_at_an_initial_nor_bare_event_names() -> None:
    facts = facts_of(
        "Атырау принял гостей из Астрахани\n"
        "Помощник главы государства Н. Назарбаева открыл Астраханскую ярмарку в Атырау.\n"
        "Губернатор считает, что международный форум станет площадкой для бизнеса.\n"
        "XIX Форум межрегионального сотрудничества прошёл в Оренбурге."
    )
    assert facts["event"] == ["XIX Форум межрегионального сотрудничества прошёл в Оренбурге."]


def test_hard_wrapped_lines_are_joined_and_short_ones_kept() -> None:
    raw = (
        "Заголовок статьи о сотрудничестве\n\n"
        "Аким Карагандинской области и губернатор Свердловской области подписали\n"
        "меморандум о сотрудничестве в металлургии и машиностроении на 2025–2027\n"
        "годы.\n"
    )
    lines = raw_lines(raw)
    assert lines[1].endswith("на 2025–2027 годы.")
    assert len(lines) == 2


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Опубликовано 06.03.2019 | Редакция\nОмск и Павлодар обсудили энергетику\nТекст.",
            "Омск и Павлодар обсудили энергетику",
        ),
        (
            "Атырау и Астрахань запустят авиарейс — Хабар 24\nТекст.",
            "Атырау и Астрахань запустят авиарейс",
        ),
        (
            "Атырау и Астрахань запустят авиарейс | Tengrinews\nТекст.",
            "Атырау и Астрахань запустят авиарейс",
        ),
        (
            "«Мы откроем представительство», — заявил аким.\n"
            "Актобе и Оренбург создадут центр\nТекст.",
            "Актобе и Оренбург создадут центр",
        ),
        (
            "Делегация Атырауской области провела переговоры в Астрахани о поставках рыбы и "
            "строительстве судов на верфях, сообщает пресс-служба. Стороны довольны.",
            "Делегация Атырауской области провела переговоры в Астрахани о поставках рыбы и "
            "строительстве судов на верфях, сообщает пресс-служба",
        ),
    ],
)
def test_titles_are_headlines_never_bylines_quotes_or_outlets(text: str, title: str) -> None:
    assert read_article(text).title == title


def test_a_text_with_a_body_and_no_headline_is_never_refused() -> None:
    body = "слово " * 200
    record = read_article(body)
    assert record.title.endswith("…")
    assert len(record.title) <= 160


def test_unnamed_akim_belongs_to_the_region_the_text_points_to() -> None:
    record = read_article(
        "Аким области встретился с губернатором Курганской области\n"
        "Аким области провёл переговоры с губернатором Курганской области о поставках зерна.\n"
        "Костанайская область и Курганская область связаны автодорогой."
    )
    assert set(record.partners) == {"kz-kostanay", "ru-kurgan"}


@pytest.mark.parametrize(
    "venue",
    [
        "В рамках XIX Форума межрегионального сотрудничества в Оренбурге стороны подписали план.",
        "Форум пройдёт в Оренбурге в сентябре, сообщили в акимате.",
        "Аким поздравил жителей Оренбурга с 280-летием города.",
        "Встречу организовало Генеральное консульство РК в Оренбурге.",
    ],
)
def test_a_venue_a_consulate_seat_or_an_anniversary_is_only_mentioned(venue: str) -> None:
    record = read_article(
        "Атырау и Астрахань расширяют сотрудничество\n"
        f"Аким Атырауской области и губернатор Астраханской области встретились. {venue}"
    )
    roles = {m.region_id: m.role for m in record.regions}
    assert roles["ru-orenburg"] == "mentioned"
    assert {"kz-atyrau", "ru-astrakhan"} <= set(record.partners)


def test_a_signing_is_shown_with_its_period_stated_in_the_next_sentence() -> None:
    facts = facts_of(
        "Челябинск и Костанай подписали соглашение\n"
        "Губернатор Челябинской области и аким Костанайской области подписали соглашение. "
        "Документ рассчитан на 2024–2026 годы. Товарооборот составил 5 млрд рублей."
    )
    assert facts["agreement"] == [
        "Губернатор Челябинской области и аким Костанайской области подписали соглашение. "
        "Документ рассчитан на 2024–2026 годы."
    ]
    assert facts["money"] == ["Товарооборот составил 5 млрд рублей."]

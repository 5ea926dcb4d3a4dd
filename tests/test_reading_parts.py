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

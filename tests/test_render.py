"""Article cards, overview headers, full articles and message splitting."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.callbacks import PageCallback, SubscribeCallback, fits, search_key
from bot.html import escape
from bot.views.article import article_full, split_messages
from bot.views.lists import Entry, cards_page, list_page
from bot.views.render import (
    MESSAGE_LIMIT,
    article_card,
    overview_header,
    region_pair,
    shorten,
)
from storage.models import ArticleCard, ArticleDetail, Fact, Overview, RegionMention

ASTRAKHAN_CARD = ArticleCard(
    id=4,
    title="Атырау и Астрахань подписали план",
    date=dt.date(2022, 11, 27),
    lang="ru",
    summary="Стороны подписали план мероприятий на 2023–2026 годы.",
    sectors=("trade", "culture"),
    regions=(
        RegionMention("ru-astrakhan", "partner", 9.0),
        RegionMention("kz-atyrau", "partner", 8.0),
        RegionMention("ru-orenburg", "mentioned", 1.0),
    ),
)


def test_card_shows_title_date_pair_sectors_summary_and_command() -> None:
    assert article_card(ASTRAKHAN_CARD, "ru") == (
        "<b>Атырау и Астрахань подписали план</b>\n"
        "27.11.2022 · Атырауская область ⇄ Астраханская область\n"
        "🏷 Торговля, Культура и гуманитарные связи\n"
        "Стороны подписали план мероприятий на 2023–2026 годы.\n"
        "Подробнее: /a4"
    )


def test_card_in_english_with_unknown_date_and_national_level() -> None:
    card = ArticleCard(
        id=7,
        title="Kazakhstan and Astrakhan",
        date=None,
        lang="ru",
        summary="",
        sectors=(),
        regions=(RegionMention("ru-astrakhan", "partner"),),
        national_level=("KZ",),
    )
    assert article_card(card, "en") == (
        "<b>Kazakhstan and Astrakhan</b>\ndate unknown · Kazakhstan ⇄ Astrakhan Oblast\nMore: /a7"
    )


def test_pair_uses_partners_only_kazakhstan_first() -> None:
    assert region_pair(ASTRAKHAN_CARD.regions, (), "kk") == "Атырау облысы ⇄ Астрахан облысы"


def test_html_special_characters_are_escaped() -> None:
    card = ArticleCard(
        id=1,
        title="<script>alert(1)</script> & *bold* _it_",
        date=None,
        lang="ru",
        summary='Цена < 5 & > 3, "кавычки" и <b>не жирный</b>',
        sectors=(),
        regions=(),
    )
    text = article_card(card, "ru")
    assert "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; *bold* _it_</b>" in text
    assert "Цена &lt; 5 &amp; &gt; 3, &quot;кавычки&quot; и &lt;b&gt;не жирный&lt;/b&gt;" in text


def test_shorten_cuts_between_words() -> None:
    assert shorten("один два три четыре", 12) == "один два…"
    assert shorten("коротко", 50) == "коротко"


def test_overview_header_names_partners_across_the_border() -> None:
    overview = Overview(
        count=2,
        dated_count=1,
        first_date=dt.date(2022, 11, 27),
        last_date=dt.date(2022, 11, 27),
        partners=(("kz-atyrau", 1), ("ru-orenburg", 1)),
        sectors=(("trade", 2), ("shipbuilding", 1)),
        facts=((4, Fact("agreement", "подписан план на 2023–2026 годы")),),
        national_level=(("KZ", 1),),
    )
    header = overview_header(escape("Астраханская область"), overview, "ru", ("ru-astrakhan",))
    assert header == (
        "<b>Астраханская область</b>\n"
        "Статей: <b>2</b> · 27.11.2022 · без даты: 1\n"
        "Партнёры по ту сторону границы: Атырауская область (1), Казахстан (1)\n"
        "Ведущие отрасли: Торговля (2), Судостроение (1)\n"
        "Ключевые факты:\n"
        "📝 подписан план на 2023–2026 годы (/a4)"
    )


def _huge_card(article_id: int) -> ArticleCard:
    return ArticleCard(
        id=article_id,
        title="&<>" * 400,
        date=None,
        lang="ru",
        summary="слово&<> " * 2000,
        sectors=("trade", "industry", "energy", "tourism", "sport"),
        regions=tuple(RegionMention(f"kz-{n}", "partner") for n in ("west", "atyrau", "east")),
    )


def test_summary_page_stays_within_the_limit_with_huge_articles() -> None:
    overview = Overview(
        count=99,
        dated_count=99,
        first_date=dt.date(2020, 1, 1),
        last_date=dt.date(2022, 1, 1),
        partners=tuple((f"ru-{n}", 5) for n in ("astrakhan", "omsk", "samara", "orenburg")),
        sectors=(("trade", 9),) * 10,
        facts=tuple((n, Fact("money", "&" * 900)) for n in range(10)),
    )
    header = overview_header(escape("<>" * 300), overview, "ru", ("kz-atyrau",))
    entries = [Entry(_huge_card(n), tuple(range(100, 140))) for n in range(1, 4)]
    page = cards_page(header, entries, 0, 33, "ru")
    assert len(page) <= MESSAGE_LIMIT
    assert page.count("<b>") == page.count("</b>")
    assert "Страница 1 из 33" in page
    entries = [Entry(_huge_card(n), tuple(range(100, 140))) for n in range(1, 11)]
    page = list_page(header, entries, 0, 33, "ru")
    assert len(page) <= MESSAGE_LIMIT
    assert page.count("<b>") == page.count("</b>")
    assert page.count("+40 источников — /a") == 10
    assert "Страница 1 из 33" in page


def test_full_article_is_split_into_messages_within_the_limit() -> None:
    body = "\n".join(f"Абзац {n}: " + "слово & <тег> " * 120 for n in range(40))
    detail = ArticleDetail(
        card=_huge_card(5), file="x.txt", source="zhaikpress.kz", facts=(), body=body
    )
    messages = article_full(detail, "ru")
    assert len(messages) > 1
    for message in messages:
        assert len(message) <= MESSAGE_LIMIT
        assert message.count("<b>") == message.count("</b>")
        assert "&amp" not in message[-4:]  # never ends inside an entity
    joined = " ".join(messages)
    assert "Абзац 39:" in joined
    assert "&lt;тег&gt;" in joined


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=20_000))
def test_any_body_splits_within_the_limit(body: str) -> None:
    detail = ArticleDetail(card=_huge_card(1), file="f", source=None, facts=(), body=body)
    assert all(len(m) <= MESSAGE_LIMIT for m in article_full(detail, "en"))


def test_split_messages_keeps_blocks_whole() -> None:
    blocks = [escape("a" * 3000), escape("b" * 3000), escape("c" * 10)]
    assert split_messages(blocks) == ["a" * 3000, "b" * 3000 + "\n\n" + "c" * 10]


def test_callback_data_fits_64_bytes() -> None:
    pair = SubscribeCallback(action="add", kind="pair", key="kz-west+ru-bashkortostan")
    assert fits(pair)
    assert pair.pack() == "sub:add:pair:kz-west+ru-bashkortostan"
    assert fits(PageCallback(kind="r", key="kz-atyrau+ru-astrakhan", page=123))


def test_search_key_drops_queries_that_do_not_fit() -> None:
    assert search_key("торговля: Астрахань") == "торговля Астрахань"
    assert search_key("товарооборот " * 10) is None
    assert search_key("   ") is None

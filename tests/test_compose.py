"""Digest text: grouping by subscription, pairs, escaping, and splitting of long digests."""

from __future__ import annotations

import datetime as dt
import re

from bot.views.digest import MAX_MESSAGES, compose_digest, group_by_subscription, more_command
from bot.views.render import MESSAGE_LIMIT
from storage.models import ArticleCard, RegionMention
from storage.regions import resolve_regions
from storage.sectors import resolve_sector
from storage.subscriptions import Subscription

ATYRAU = Subscription("region", "kz-atyrau")
TOURISM = Subscription("sector", "tourism")
PAIR = Subscription("pair", "kz-kostanay+ru-chelyabinsk")


def card(
    article_id: int,
    regions: tuple[str, ...] = ("kz-atyrau", "ru-astrakhan"),
    sectors: tuple[str, ...] = ("trade",),
    *,
    title: str | None = None,
    summary: str = "Стороны обсудили сотрудничество.",
) -> ArticleCard:
    return ArticleCard(
        id=article_id,
        title=title or f"Статья {article_id}",
        date=dt.date(2026, 11, 20),
        lang="ru",
        summary=summary,
        sectors=sectors,
        regions=tuple(RegionMention(r, "partner") for r in regions),
    )


def test_each_article_goes_under_the_first_subscription_it_matches() -> None:
    cards = [card(1), card(2, ("kz-kostanay",), ("tourism",)), card(3, ("ru-omsk",), ("energy",))]
    groups = group_by_subscription(cards, [ATYRAU, TOURISM])
    assert [(s, [c.id for c in found]) for s, found in groups] == [
        (ATYRAU, [1]),
        (TOURISM, [2]),
        (None, [3]),  # matches nothing the chat still follows: shown under "Other"
    ]


def test_a_pair_needs_both_regions() -> None:
    both = card(1, ("kz-kostanay", "ru-chelyabinsk"))
    one = card(2, ("kz-kostanay", "ru-omsk"))
    groups = group_by_subscription([both, one], [PAIR])
    assert [(s, [c.id for c in found]) for s, found in groups] == [(PAIR, [1]), (None, [2])]


def test_a_short_digest_is_one_message_with_headings_and_cards() -> None:
    cards = [card(1), card(2, ("kz-kostanay", "ru-chelyabinsk"), ("tourism",))]
    messages = compose_digest(cards, [ATYRAU, PAIR], "ru")
    assert len(messages) == 1
    text = messages[0].text
    assert messages[0].article_ids == (1, 2)
    assert text.startswith("📬 <b>Новое по вашим подпискам</b>: 2")
    assert "📍 <b>Атырауская область</b>" in text
    assert "📍 <b>Костанайская область ⇄ Челябинская область</b>" in text
    assert "Атырауская область ⇄ Астраханская область" in text  # the card's region pair
    assert "Подробнее: /a1" in text
    assert "Подробнее: /a2" in text
    assert text.index("Статья 1") < text.index("Костанайская область ⇄ Челябинская область</b>")


def test_article_text_is_escaped() -> None:
    messages = compose_digest(
        [card(1, title="<b>Tom & Jerry</b>", summary="a < b")], [ATYRAU], "en"
    )
    assert "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;" in messages[0].text
    assert "a &lt; b" in messages[0].text


def test_a_long_digest_is_split_then_summed_up() -> None:
    summary = "Очень длинное резюме статьи о сотрудничестве регионов. " * 8
    cards = [card(i, summary=summary) for i in range(1, 41)]
    messages = compose_digest(cards, [ATYRAU], "ru")
    assert len(messages) == MAX_MESSAGES
    assert all(len(m.text) <= MESSAGE_LIMIT for m in messages)
    ids = [i for m in messages for i in m.article_ids]
    assert sorted(ids) == list(range(1, 41))  # every article accounted for exactly once
    shown = sum(m.text.count("Подробнее: /a") for m in messages)
    assert 3 < shown < 40
    assert f"…и ещё {40 - shown} — /region Атырауская область" in messages[-1].text


def test_with_the_bot_name_every_open_is_a_deep_link() -> None:
    summary = "Резюме. " * 50
    cards = [card(i, summary=summary) for i in range(1, 31)]
    cards += [card(i, ("kz-kostanay", "ru-chelyabinsk"), summary=summary) for i in range(31, 61)]
    messages = compose_digest(cards, [ATYRAU, PAIR], "ru", username="kzru_bot")
    text = "\n".join(m.text for m in messages)
    assert 'Подробнее: <a href="https://t.me/kzru_bot?start=a30">/a30</a>' in text
    assert '<a href="https://t.me/kzru_bot?start=r-kz-atyrau">открыть все</a>' in text
    pair = "https://t.me/kzru_bot?start=p-kz-kostanay_ru-chelyabinsk"
    assert f'<a href="{pair}">открыть все</a>' in text
    assert "/region" not in text


def test_the_more_line_names_each_group_with_leftovers() -> None:
    summary = "Резюме. " * 50
    cards = [card(i, summary=summary) for i in range(1, 31)]
    cards += [card(i, ("kz-kostanay", "ru-chelyabinsk"), summary=summary) for i in range(31, 61)]
    messages = compose_digest(cards, [ATYRAU, PAIR], "en")
    footer = messages[-1].text
    assert "/region Atyrau Region" in footer
    assert "/region Kostanay Region Chelyabinsk Oblast" in footer
    assert len({i for m in messages for i in m.article_ids}) == 60


def test_each_subscription_gets_a_fair_share_newest_first() -> None:
    summary = "Резюме. " * 50
    cards = [card(i, summary=summary) for i in range(1, 31)]
    cards += [card(i, ("kz-kostanay", "ru-chelyabinsk"), summary=summary) for i in range(31, 61)]
    messages = compose_digest(cards, [ATYRAU, PAIR], "ru")
    text = "\n".join(m.text for m in messages)
    atyrau = [int(n) for n in re.findall(r"Подробнее: /a(\d+)", text) if int(n) <= 30]
    pair = [int(n) for n in re.findall(r"Подробнее: /a(\d+)", text) if int(n) > 30]
    assert abs(len(atyrau) - len(pair)) <= 1  # one subscription does not crowd out the other
    assert atyrau == sorted(atyrau, reverse=True)  # newest first
    assert atyrau[0] == 30
    assert pair[0] == 60


def test_no_articles_no_digest() -> None:
    assert compose_digest([], [ATYRAU], "ru") == []


def test_many_groups_keep_the_last_message_within_the_limit() -> None:
    summary = "Резюме. " * 50
    regions = ["kz-atyrau", "kz-west", "kz-aktobe", "kz-kostanay", "kz-north", "kz-pavlodar"]
    regions += ["kz-east", "kz-abai", "kz-mangystau", "kz-akmola", "kz-karaganda", "kz-turkistan"]
    follows = [Subscription("region", r) for r in regions]
    cards = [card(i, (regions[i % len(regions)],), summary=summary) for i in range(1, 121)]
    messages = compose_digest(cards, follows, "kk")
    assert len(messages) == MAX_MESSAGES
    assert all(len(m.text) <= MESSAGE_LIMIT for m in messages)
    assert sorted(i for m in messages for i in m.article_ids) == list(range(1, 121))


def test_the_more_command_finds_the_same_subscription_again() -> None:
    for lang in ("ru", "kk", "en"):
        for subscription in (ATYRAU, PAIR):
            command = more_command(subscription, lang)
            found = resolve_regions(command.removeprefix("/region "))
            assert tuple(sorted(r.id for r in found)) == subscription.region_ids
        assert resolve_sector(more_command(TOURISM, lang).removeprefix("/sector ")) is not None

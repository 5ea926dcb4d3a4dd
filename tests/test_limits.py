"""Telegram's limits with the longest names in all three languages: 4096 characters a message,
200 a callback answer, 64 bytes of callback data; and the Subscribe button that turns into
"✅ Subscribed · Unsubscribe" with a short answer."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.answers import CALLBACK_ANSWER_LIMIT, fit_answer
from bot.callbacks import MAX_CALLBACK_BYTES, SubscribeCallback
from bot.html import escape
from bot.texts import LANGUAGES
from bot.typed_summary import combined_title, selection_key, typed_summary
from bot.views.digest import compose_digest
from bot.views.lists import CARDS_PAGE, LIST_PAGE, Entry, cards_page, list_page, view_toggle
from bot.views.render import MESSAGE_LIMIT, article_card, overview_header
from bot.views.subscriptions import COMMON_ZONES
from storage import subscriptions
from storage.chats import ChatPlace, Chats
from storage.db import Database
from storage.models import (
    ArticleCard,
    Fact,
    Lang,
    Overview,
    RegionMention,
    Selection,
    Snippet,
)
from storage.regions import all_regions
from storage.sectors import all_sectors
from tests.fakes import BOT_ID, make_callback, make_chat, make_message, make_user
from tests.support import Feed


def longest_pair(lang: Lang) -> tuple[str, str]:
    """The longest-named region of each country in `lang`."""
    regions = all_regions()
    kz = max((r for r in regions if r.country == "KZ"), key=lambda r: len(r.name(lang)))
    ru = max((r for r in regions if r.country == "RU"), key=lambda r: len(r.name(lang)))
    return kz.id, ru.id


def longest_sector(lang: Lang) -> str:
    return max(all_sectors(), key=lambda s: len(s.label(lang))).id


def press(data: str, markup: InlineKeyboardMarkup | None = None, lang: Lang = "ru") -> Any:
    bot_message = make_message(
        "…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(111), reply_markup=markup
    )
    return make_callback(data, user=make_user(111, lang), message=bot_message)


def answers(calls: list[Any]) -> list[str]:
    return [str(c.text or "") for c in calls if isinstance(c, AnswerCallbackQuery)]


@pytest.mark.parametrize("lang", LANGUAGES)
async def test_subscribe_answers_fit_with_the_longest_pair_weekly(
    feed: Feed, database: Database, lang: Lang
) -> None:
    kz, ru = longest_pair(lang)
    data = SubscribeCallback(action="add", kind="pair", key=f"{kz}+{ru}").pack()
    assert len(data.encode()) <= MAX_CALLBACK_BYTES
    await feed("/start", lang=lang)
    chats = Chats(database, default_tz="UTC")
    chat = await chats.ensure(ChatPlace(111, "private", lang))
    zone = max(COMMON_ZONES, key=len)
    weekly = replace(chat, mode="weekly", hour=9, minute=0, weekday=2, tz=zone)
    await chats.save_settings(weekly, None)
    button = InlineKeyboardButton(text="🔔", callback_data=data)
    markup = InlineKeyboardMarkup(inline_keyboard=[[button]])
    added = answers(await feed(press(data, markup, lang), lang=lang))
    again = answers(await feed(press(data, markup, lang), lang=lang))
    off = data.replace("sub:add:", "sub:off:")
    removed = answers(await feed(press(off, markup, lang), lang=lang))
    assert [len(added), len(again), len(removed)] == [1, 1, 1]
    for text in [*added, *again, *removed]:
        assert 0 < len(text) <= CALLBACK_ANSWER_LIMIT
        assert "&amp;" not in text
        assert "&lt;" not in text


async def test_subscribe_button_turns_into_subscribed_and_back(feed: Feed) -> None:
    data = "sub:add:region:kz-atyrau"
    markup = InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text="▶", callback_data="pg:r:kz-atyrau:1")],
            [InlineKeyboardButton(text="🔔 Подписаться", callback_data=data)],
        ]
    )
    calls = await feed(press(data, markup))
    [answer] = answers(calls)
    assert answer.startswith("🔔 Подписка оформлена: Атырауская область.\nДайджест:")
    assert "/settings" not in answer  # a pop-up cannot be tapped
    [edit] = [c for c in calls if isinstance(c, EditMessageReplyMarkup)]
    assert isinstance(edit.reply_markup, InlineKeyboardMarkup)
    [[pages], [toggled]] = edit.reply_markup.inline_keyboard
    assert pages.callback_data == "pg:r:kz-atyrau:1"
    assert (toggled.text, toggled.callback_data) == (
        "✅ Подписаны · Отписаться",
        "sub:off:region:kz-atyrau",
    )
    calls = await feed(press("sub:off:region:kz-atyrau", edit.reply_markup))
    assert answers(calls) == ["🔕 Подписка отменена: Атырауская область."]
    [edit] = [c for c in calls if isinstance(c, EditMessageReplyMarkup)]
    assert isinstance(edit.reply_markup, InlineKeyboardMarkup)
    assert edit.reply_markup.inline_keyboard[1][0].callback_data == data


def test_fit_answer_cuts_between_words() -> None:
    text = fit_answer(escape("слово " * 100))
    assert len(text) <= CALLBACK_ANSWER_LIMIT
    assert text.endswith("слово…")


def long_card(lang: Lang, article_id: int = 10**9) -> ArticleCard:
    kz, ru = longest_pair(lang)
    regions = tuple(RegionMention(r.id, "partner", 1.0) for r in all_regions()[:6])
    return ArticleCard(
        id=article_id,
        title="Ж" * 2000,
        date=dt.date(2022, 11, 27),
        lang="kk",
        summary="<&> " * 2000,
        sectors=tuple(s.id for s in all_sectors()),
        regions=(RegionMention(kz, "partner", 1.0), RegionMention(ru, "partner", 1.0), *regions),
        national_level=("KZ", "RU"),
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_cards_digests_and_titles_fit_with_the_longest_names(lang: Lang) -> None:
    card = long_card(lang)
    assert len(article_card(card, lang, "a" * 32)) < MESSAGE_LIMIT // 3
    follows = [
        subscriptions.Subscription("pair", "+".join(sorted(longest_pair(lang)))),
        subscriptions.Subscription("sector", longest_sector(lang)),
    ]
    cards = [long_card(lang, i) for i in range(1, 60)]
    for message in compose_digest(cards, follows, lang, username="a" * 32):
        assert len(message.text) <= MESSAGE_LIMIT
    selection = Selection(
        region_ids=longest_pair(lang),
        sector=longest_sector(lang),
        since=dt.date(2022, 3, 1),
        until=dt.date(2022, 6, 30),
        query="слово " * 40,
    )
    assert len(combined_title(selection, lang)) < 600
    summary = typed_summary(selection, lang)
    assert summary.key is None or len(f"pg:x:{summary.key}:99999".encode()) <= 64
    assert selection_key(Selection(region_ids=longest_pair(lang), sector="construction"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compact_lists_and_cards_fit_with_the_longest_names(lang: Lang) -> None:
    kz, ru = longest_pair(lang)
    regions = [r.id for r in all_regions()]
    overview = Overview(
        count=10**6,
        dated_count=10**6 - 1,
        first_date=dt.date(2001, 1, 1),
        last_date=dt.date(2022, 11, 27),
        partners=tuple((region, 10**5) for region in regions[:10]),
        sectors=tuple((s.id, 10**5) for s in all_sectors()),
        facts=tuple((10**9, Fact("money", "<&>" * 300)) for _ in range(5)),
        national_level=(("KZ", 10**5), ("RU", 10**5)),
        mentioned=tuple((region, 10**5) for region in regions[10:20]),
        home_mentioned=10**5,
    )
    title = combined_title(
        Selection(region_ids=(kz, ru), sector=longest_sector(lang), query="Ж" * 200), lang
    )
    header = overview_header(title, overview, lang, (kz,))
    entries = [
        Entry(long_card(lang, 10**9 + n), tuple(range(10**9, 10**9 + 30))) for n in range(10)
    ]
    as_list = list_page(header, entries, 99_999, 100_000, lang)
    assert len(as_list) <= MESSAGE_LIMIT
    assert as_list.count(" — /a") == LIST_PAGE  # every line fits: none is dropped
    as_cards = cards_page(header, entries[:CARDS_PAGE], 99_999, 100_000, lang)
    assert len(as_cards) <= MESSAGE_LIMIT
    pair = "+".join(sorted(longest_pair(lang)))
    for shown in ("list", "cards"):
        toggle = view_toggle(shown, "r", pair, 99_999, lang)
        assert toggle is not None
        assert toggle.callback_data is not None
        assert len(toggle.callback_data.encode()) <= MAX_CALLBACK_BYTES
        assert view_toggle(shown, "q", "ж" * 48, 99_999, lang) is None


def test_search_lists_drop_passages_rather_than_lines() -> None:
    hostile = Snippet("&" * 240, ((0, 240),), cut_before=True, cut_after=True)
    entries = [Entry(replace(long_card("ru", 10**9 + n), snippet=hostile)) for n in range(10)]
    page = list_page(escape("Ж" * 200), entries, 0, 2, "ru")
    assert len(page) <= MESSAGE_LIMIT
    assert page.count(" — /a") == LIST_PAGE

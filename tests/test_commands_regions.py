"""/regions and /region through the real dispatcher, on the five seed articles."""

from __future__ import annotations

import pytest
from aiogram.methods import EditMessageText, SendMessage

from tests.fakes import BOT_ID, make_callback, make_chat, make_message, make_user
from tests.support import Feed, keyboard, texts

ASTRAKHAN_RU = (
    "<b>Астраханская область</b>\n"
    "Статей: <b>2</b> · 27.11.2022 · без даты: 1\n"
    "Партнёры по ту сторону границы: Атырауская область (1), Казахстан (1)\n"
)


@pytest.mark.parametrize(
    "name",
    ["Астрахань", "астраханская обл", "Астраханской области", "Astrakhan", "RU-AST"],
)
async def test_region_in_any_form_lists_the_two_astrakhan_articles(feed: Feed, name: str) -> None:
    calls = await feed(f"/region {name}")
    [text] = texts(calls)
    assert text.startswith(ASTRAKHAN_RU)
    assert (
        "<b>Казахстан является одним из основных зарубежных партнеров Астраханской области</b>"
        in text
    )
    assert "<b>Заинтересованы в новых контактах</b>" in text
    # 2 key facts: the plan signed in 003, the forum ahead in 004 (one fact per sentence)
    assert text.count("/a") == text.count("Подробнее: /a") + 2  # one tap each
    assert "/article" not in text  # "/article 5" would send a bare /article
    assert "27.11.2022 · Казахстан ⇄ Астраханская область" in text
    assert "дата неизвестна · Атырауская область ⇄ Астраханская область" in text


async def test_region_summary_in_english_with_subscribe_button(feed: Feed) -> None:
    calls = await feed("/region Astrakhan", lang="en")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert str(message.text).startswith(
        "<b>Astrakhan Oblast</b>\n"
        "Articles: <b>2</b> · 27.11.2022 · undated: 1\n"
        "Partners across the border: Atyrau Region (1), Kazakhstan (1)\n"
    )
    assert "date unknown · Atyrau Region ⇄ Astrakhan Oblast" in str(message.text)
    assert message.reply_markup is not None
    [[button], analysis] = keyboard(message.reply_markup)
    assert (button.text, button.callback_data) == ("🔔 Subscribe", "sub:add:region:ru-astrakhan")
    assert [b.text for b in analysis] == ["📊 Chart", "⬇️ CSV", "⬇️ XLSX"]


async def test_two_regions_show_their_shared_article(feed: Feed) -> None:
    calls = await feed("/region Атырау Астрахань")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    text = str(message.text)
    assert text.startswith(
        "<b>Атырауская область ⇄ Астраханская область</b>\nСтатей: <b>1</b> · без даты: 1\n"
    )
    assert "Заинтересованы в новых контактах" in text
    assert "Казахстан является" not in text
    [[button], analysis] = keyboard(message.reply_markup)
    assert button.callback_data == "sub:add:pair:kz-atyrau+ru-astrakhan"
    assert analysis[0].callback_data == "ch:r:kz-atyrau+ru-astrakhan"


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("ЗКО", "Западно-Казахстанская"),
        ("БҚО", "Западно-Казахстанская"),
        ("Орал", "Западно-Казахстанская"),
    ],
)
async def test_abbreviations_and_cities(feed: Feed, name: str, region: str) -> None:
    [text] = texts(await feed(f"/region {name}"))
    assert text.startswith(f"<b>{region} область</b>\nСтатей: <b>1</b> · 07.11.2018\n")
    assert "Самарская область (1)" in text


async def test_unknown_region_gets_suggestions_as_buttons(feed: Feed) -> None:
    calls = await feed("/region Астрахн")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert message.text == "Не нашёл регион «Астрахн».\nВозможно, вы имели в виду один из этих:"
    buttons = [row[0] for row in keyboard(message.reply_markup)]
    assert (buttons[0].text, buttons[0].callback_data) == (
        "Астраханская область",
        "op:r:ru-astrakhan",
    )


async def test_unknown_region_without_suggestions_in_english(feed: Feed) -> None:
    [text] = texts(await feed("/region <zzz> & co", lang="en"))
    assert text == "I could not find the region “&lt;zzz&gt; &amp; co”.\nAll regions: /regions"


@pytest.mark.parametrize(("lang", "usage"), [("ru", "Укажите регион"), ("en", "Name a region")])
async def test_bare_region_opens_the_picker_and_explains_usage(
    feed: Feed, lang: str, usage: str
) -> None:
    [message] = [c for c in await feed("/region", lang=lang) if isinstance(c, SendMessage)]
    assert usage in str(message.text)
    [[kazakhstan, russia], [cooperation_map]] = keyboard(message.reply_markup)
    assert (kazakhstan.callback_data, russia.callback_data) == ("br:KZ:0", "br:RU:0")
    assert cooperation_map.callback_data == "mp:-"


async def test_region_without_articles(feed: Feed) -> None:
    [text] = texts(await feed("/region Камчатка"))
    assert text == "О регионе «Камчатский край» статей пока нет. Все регионы со статьями: /regions"


async def test_suggestion_button_opens_the_region(feed: Feed) -> None:
    calls = await feed(make_callback("op:r:ru-astrakhan"))
    assert texts(calls)[0].startswith(ASTRAKHAN_RU)
    assert calls[-1].__api_method__ == "answerCallbackQuery"


async def test_regions_browse_by_country_with_counts(feed: Feed) -> None:
    [text] = texts(await feed("/regions"))
    assert text == "Выберите страну, затем регион. В скобках — число статей."
    calls = await feed(make_callback("br:KZ:0"))
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert edit.text == "<b>Казахстан</b>: регионы со статьями (3). Страница 1 из 1."
    labels = [b.text for row in keyboard(edit.reply_markup) for b in row]
    assert labels == [
        "Атырауская область (1)",
        "Туркестанская область (1)",
        "Западно-Казахстанская область (1)",
        "🇷🇺 Россия",
    ]


async def test_regions_browse_in_english(feed: Feed) -> None:
    calls = await feed(make_callback("br:RU:0", user=make_user(111, "en")))
    [edit] = [c for c in calls if isinstance(c, EditMessageText)]
    assert str(edit.text).startswith("<b>Russia</b>: regions with articles (")
    labels = [b.text for row in keyboard(edit.reply_markup) for b in row]
    assert "Astrakhan Oblast (2)" in labels
    assert labels[-1] == "🇰🇿 Kazakhstan"


async def test_command_with_bot_mention_works_in_groups(feed: Feed) -> None:
    group = make_chat(-100123, "supergroup", title="Аналитики")
    calls = await feed(make_message("/region@kzru_test_bot Астрахань", chat=group))
    [text] = texts(calls)
    assert text.startswith(ASTRAKHAN_RU)
    assert all(getattr(c, "chat_id", -100123) == -100123 for c in calls)


async def test_command_for_another_bot_is_ignored_in_groups(feed: Feed) -> None:
    group = make_chat(-100123, "supergroup", title="Аналитики")
    assert texts(await feed(make_message("/region@other_bot Астрахань", chat=group))) == []
    assert texts(await feed(make_message("/unknown@other_bot", chat=group))) == []
    assert texts(await feed(make_message("просто разговор", chat=group))) == []


async def test_region_button_opens_the_region_summary(feed: Feed) -> None:
    # a callback on a message the bot sent earlier in a private chat
    message = make_message("…", user=make_user(BOT_ID, is_bot=True), chat=make_chat(111))
    calls = await feed(make_callback("op:r:kz-atyrau", message=message))
    assert texts(calls)[0].startswith("<b>Атырауская область</b>\nСтатей: <b>1</b>")

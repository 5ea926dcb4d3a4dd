"""/start, /help, /lang, /article, inline mode, plain text, unknown commands, the command menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerInlineQuery, SendMessage, SetMyCommands
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Sticker,
    Update,
)

from bot.views.render import MESSAGE_LIMIT
from storage.db import Database
from storage.loader import load_directory
from storage.users import Users
from tests.fakes import RecordingSession, make_callback, make_message, make_user
from tests.support import Feed, keyboard, texts

WELCOME_RU = (
    "Здравствуйте! Здесь собраны новости о сотрудничестве регионов Казахстана и России.\n\n"
    # 9 regions are partners somewhere (Omsk, Moscow, Saratov, Orenburg are only mentioned)
    "Статей в архиве: <b>5</b> · регионов: 9 · период: 07.11.2018 — 27.11.2022\n\n"
    "Напишите название региона, отрасли или слово для поиска — или выберите действие ниже. "
    "Все команды: /help"
)


async def test_start_welcomes_with_coverage_and_main_actions(feed: Feed) -> None:
    calls = await feed("/start")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert message.text == WELCOME_RU
    buttons = [b.callback_data for row in keyboard(message.reply_markup) for b in row]
    assert buttons == ["mn:regions", "mn:sectors", "mn:latest", "mn:help"]


@pytest.mark.parametrize(
    ("lang", "start"),
    [
        ("en", "Hello! This bot collects"),
        ("kk", "Сәлеметсіз бе!"),
        ("de", "Здравствуйте!"),
        (None, "Здравствуйте!"),
    ],
)
async def test_start_speaks_the_telegram_language(
    feed: Feed, lang: str | None, start: str
) -> None:
    [text] = texts(await feed("/start", lang=lang))
    assert text.startswith(start)


async def test_start_deep_links_open_a_region_or_a_sector(feed: Feed) -> None:
    [region] = texts(await feed("/start r-ru-astrakhan"))
    assert region.startswith("<b>Астраханская область</b>\nСтатей: <b>2</b>")
    [sector] = texts(await feed("/start s-tourism", lang="en"))
    assert sector.startswith("<b>Tourism</b>\nArticles: <b>2</b>")  # the main subject of 2


async def test_start_with_a_stale_link_gets_the_menu(feed: Feed) -> None:
    [text] = texts(await feed("/start r-ru-atlantis"))
    assert text == "Эта ссылка устарела. Вот главное меню.\n\n" + WELCOME_RU


async def test_start_on_an_empty_archive(feed: Feed, database: Database) -> None:
    async with database.transaction() as writer:
        await writer.execute("DELETE FROM articles")
    [text] = texts(await feed("/start", lang="en"))
    assert "The archive is empty for now" in text


async def test_help_lists_every_command_with_an_example(feed: Feed) -> None:
    [text] = texts(await feed("/help", lang="en"))
    for example in (
        "/region Astrakhan",
        "/regions",
        "/sector tourism",
        "/sectors",
        "/date November 2022",
        "/search trade",
        "/latest",
        "/article 3",
        "/map 2023",
        "/figures Atyrau",
        "/export xlsx",
        "/lang",
        "@kzru_test_bot astrakhan",
    ):
        assert example in text


@pytest.mark.parametrize(
    ("action", "start"),
    [
        ("regions", "Выберите страну"),
        ("sectors", "Выберите отрасль"),
        ("latest", "<b>Свежие статьи</b>"),
        ("help", "<b>Что я умею</b>"),
    ],
)
async def test_main_action_buttons(feed: Feed, action: str, start: str) -> None:
    [text] = texts(await feed(make_callback(f"mn:{action}")))
    assert text.startswith(start)


async def test_lang_is_remembered_in_the_database(feed: Feed, database: Database) -> None:
    [text] = texts(await feed("/lang"))
    assert text == "Выберите язык интерфейса:"
    calls = await feed(make_callback("lg:en"))
    assert texts(calls) == ["Done: the language is English."]
    assert await Users(database).get_lang(111) == "en"
    [help_text] = texts(await feed("/help", lang="ru"))  # Telegram still says ru
    assert help_text.startswith("<b>What I can do</b>")
    await feed(make_callback("lg:kk"))
    assert texts(await feed("/regions", lang="en")) == [
        "Елді, содан кейін өңірді таңдаңыз. Жақшада — мақала саны."
    ]


async def test_article_in_full(feed: Feed) -> None:
    [text, *_] = texts(await feed("/article 4"))
    assert text.startswith(
        "<b>Заинтересованы в новых контактах</b>\nдата неизвестна · #4\n\n<b>Регионы</b>\n"
        "• Атырауская область — партнёр\n• Астраханская область — партнёр\n"
    )
    assert "<b>Текст статьи</b>" in text


async def test_article_in_english_names_national_level(feed: Feed) -> None:
    messages = texts(await feed("/article 5", lang="en"))
    title = "Казахстан является одним из основных зарубежных партнеров Астраханской области"
    assert messages[0].startswith(f"<b>{title}</b>\n27.11.2022")
    assert "• Kazakhstan — national level" in messages[0]
    assert "• Astrakhan Oblast — partner" in messages[0]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("/article", "ru", "Укажите номер статьи, например: /article 3"),
        ("/article abc", "en", "Give an article number, e.g. /article 3"),
        ("/article -1", "en", "Give an article number, e.g. /article 3"),
        ("/article 99999999999999999999999", "en", "Give an article number, e.g. /article 3"),
        ("/article 999", "ru", "Статьи №999 нет в архиве. Свежие статьи: /latest"),
        (
            "/article 999",
            "en",
            "There is no article #999 in the archive. Latest articles: /latest",
        ),
    ],
)
async def test_article_bad_input(feed: Feed, text: str, lang: str, expected: str) -> None:
    assert texts(await feed(text, lang=lang)) == [expected]


async def _load_extra(database: Database, seeds_dir: Path, name: str, text: str) -> int:
    (seeds_dir / name).write_text(text, encoding="utf-8")
    report = await load_directory(database, seeds_dir)
    assert report.added == [name], report.rejected
    return report.new_article_ids[0]


HOSTILE = (
    "Астрахань & Атырау: <b>договор</b> *подписан* _сегодня_ <script>\n"
    "27.11.2022 00:00\n"
    "Губернатор Астраханской области и аким Атырауской области подписали соглашение "
    "о торговле <i>на</i> сумму > 100 & < 200 млн долларов, а также о *туризме* и _логистике_. "
    "Стороны договорились развивать сотрудничество в сфере торговли и транспорта.\n"
)


async def test_html_special_characters_in_articles_never_break_messages(
    feed: Feed, database: Database, seeds_dir: Path
) -> None:
    article_id = await _load_extra(database, seeds_dir, "900_hostile.txt", HOSTILE)
    for command in (f"/article {article_id}", "/region Атырау Астрахань", "/search договор"):
        for text in texts(await feed(command)):
            assert "<script>" not in text
            assert "<i>" not in text
            assert text.count("<b>") == text.count("</b>")
    [full, *_] = texts(await feed(f"/article {article_id}"))
    assert "&lt;b&gt;договор&lt;/b&gt; *подписан* _сегодня_ &lt;script&gt;" in full


async def test_a_very_long_article_is_split_between_words(
    feed: Feed, database: Database, seeds_dir: Path
) -> None:
    paragraph = (
        "Губернатор Астраханской области обсудил с акимом Атырауской области торговлю. " * 30
    )
    paragraphs = [f"{number}. {paragraph}" for number in range(12)]
    text = "Очень длинная статья об Астрахани и Атырау\n" + "\n".join(paragraphs)
    article_id = await _load_extra(database, seeds_dir, "901_long.txt", text)
    messages = texts(await feed(f"/article {article_id}"))
    assert len(messages) >= 3
    assert all(len(m) <= MESSAGE_LIMIT for m in messages)
    assert all(
        m.endswith(("торговлю.", "</b>")) or m[-1].isalpha() or m[-1] in ".»" for m in messages
    )


async def test_plain_text_is_a_search_with_a_hint(feed: Feed) -> None:
    found = texts(await feed("товарооборот", lang="en"))
    assert found[0].startswith("<b>Search: “товарооборот”</b>\nArticles: <b>1</b>")
    assert found[1] == "This is a search by words. Commands: /help"
    assert texts(await feed("qwertyuiop")) == [
        "По запросу «qwertyuiop» ничего не нашлось. Попробуйте другое слово или /regions."
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ru", "Не знаю такой команды. Список команд: /help"),
        ("en", "I do not know that command. All commands: /help"),
    ],
)
async def test_unknown_command(feed: Feed, lang: str, expected: str) -> None:
    assert texts(await feed("/frobnicate now", lang=lang)) == [expected]


async def test_a_sticker_gets_a_hint(feed: Feed) -> None:
    sticker = Sticker(
        file_id="s",
        file_unique_id="u",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    message = make_message("", user=make_user(111, "en")).model_copy(
        update={"text": None, "sticker": sticker}
    )
    assert texts(await feed(message)) == ["I only understand text. Commands: /help"]


async def test_inline_mode_offers_region_articles(feed: Feed) -> None:
    query = InlineQuery(id="q1", from_user=make_user(111, "ru"), query="астрахань", offset="")
    calls = await feed(Update(update_id=900001, inline_query=query))
    [answer] = [c for c in calls if isinstance(c, AnswerInlineQuery)]
    results = [r for r in answer.results if isinstance(r, InlineQueryResultArticle)]
    titles = [r.title for r in results]
    assert titles == [
        "Казахстан является одним из основных зарубежных партнеров Астраханской области",
        "Заинтересованы в новых контактах",
    ]
    first = results[0]
    assert first.description == "27.11.2022 · Казахстан ⇄ Астраханская область"
    assert isinstance(first.input_message_content, InputTextMessageContent)
    link = 'Подробнее: <a href="https://t.me/kzru_test_bot?start=a5">/a5</a>'
    assert first.input_message_content.message_text.endswith(link)
    assert answer.next_offset == ""


async def test_inline_mode_with_a_search_word_and_empty_query(feed: Feed) -> None:
    search = InlineQuery(id="q2", from_user=make_user(111, "en"), query="товарооборот", offset="")
    [answer] = [
        c
        for c in await feed(Update(update_id=900002, inline_query=search))
        if isinstance(c, AnswerInlineQuery)
    ]
    assert len(answer.results) == 1
    empty = InlineQuery(id="q3", from_user=make_user(111, "en"), query="", offset="")
    [latest] = [
        c
        for c in await feed(Update(update_id=900003, inline_query=empty))
        if isinstance(c, AnswerInlineQuery)
    ]
    assert len(latest.results) == 5


async def test_command_menu_is_registered_at_startup_for_each_language(
    dispatcher: Dispatcher, bot: Bot, session: RecordingSession
) -> None:
    await dispatcher.emit_startup(bot=bot, **dispatcher.workflow_data)
    await dispatcher.emit_shutdown(bot=bot, **dispatcher.workflow_data)
    menus = [c for c in session.requests if isinstance(c, SetMyCommands)]
    assert [m.language_code for m in menus] == [None, "ru", "kk", "en"]
    english = {c.command: c.description for c in menus[-1].commands}
    assert english["region"] == "A region's summary: /region Astrakhan"
    assert english["subscribe"] == "Follow a region, a pair or a sector"
    assert len(english) == 19
    kazakh = {c.command: c.description for c in menus[2].commands}
    assert kazakh["lang"] == "Интерфейс тілі"


async def test_inline_mode_understands_latin_names(feed: Feed) -> None:
    query = InlineQuery(id="q9", from_user=make_user(111, "en"), query="Oral", offset="")
    calls = await feed(Update(update_id=900009, inline_query=query))
    [answer] = [c for c in calls if isinstance(c, AnswerInlineQuery)]
    titles = [r.title for r in answer.results]  # type: ignore[union-attr]
    assert titles == ["БҚО делегациясы шекаралық серіктестік аясында Самара облысында болды"]

"""Commands over the Bot API emulator: /start, /region with pages, /search, /lang."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from bot.html import escape, plain
from bot.texts import label, t
from tests.e2e.client import Emulator, TelegramUser
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e

# Three more Astrakhan articles, so that /region Астрахань has two pages (the seeds give two).
EXTRA_ARTICLE = """Астраханская область и Атырауская область: рабочая встреча номер {n}
1{n}.03.2023 10:00
В Астрахани прошла {n}-я рабочая встреча делегаций Астраханской области и Атырауской области. \
Стороны обсудили развитие судоходства по Каспийскому морю и поставки зерна.
Губернатор Астраханской области отметил, что товарооборот между регионами в прошлом году вырос \
на {n}0 процентов. Аким Атырауской области предложил открыть новый паромный маршрут.
По итогам встречи подписано соглашение о сотрудничестве в сфере логистики.
"""

_user_ids = itertools.count(2001)


def first_line(text: str) -> str:
    return plain(text).splitlines()[0]


@pytest.fixture(scope="module")
def bot(module_bot_process: BotProcess) -> BotProcess:
    seeds = module_bot_process.env["SEEDS_DIR"]
    for n in (1, 2, 3):
        with open(f"{seeds}/90{n}_extra.txt", "w", encoding="utf-8") as file:
            file.write(EXTRA_ARTICLE.format(n=n))
    module_bot_process.start()
    return module_bot_process


@pytest.fixture
def emulator(module_emulator: Emulator, bot: BotProcess) -> Iterator[Emulator]:
    yield module_emulator
    assert bot.running, f"the bot died:\n{bot.log_tail()}"


@pytest.fixture
def user(emulator: Emulator) -> TelegramUser:
    """A new Russian-speaking user for each test (the bot is shared by the module)."""
    return emulator.user(next(_user_ids), "ru")


def test_start_speaks_the_users_language_and_covers_the_archive(emulator: Emulator) -> None:
    russian, english = emulator.user(next(_user_ids), "ru"), emulator.user(next(_user_ids), "en")

    russian.send("/start")
    english.send("/start")

    welcome = russian.wait_reply()
    assert first_line(t("ru", "start.welcome", coverage=escape(""))) in welcome.text
    assert "Статей в архиве: 8" in welcome.text
    assert welcome.flat_buttons[0].text == t("ru", "menu.regions")
    assert first_line(t("en", "start.welcome", coverage=escape(""))) in english.wait_reply().text


def test_start_with_a_deep_link_opens_the_region(user: TelegramUser) -> None:
    user.send("/start r-ru-astrakhan")

    summary = user.wait_reply()
    assert summary.text.startswith("Астраханская область")
    assert "рабочая встреча номер 3" in summary.text


def test_region_pages_forward_and_back_by_buttons(user: TelegramUser) -> None:
    user.send("/region Астраханской области")
    listed = user.wait_reply()  # the compact list: every article on one page
    user.press(listed, label("ru", "list.as_cards"))
    first = user.wait_edit(listed)

    user.press(first, "▶")
    second = user.wait_edit(first)
    user.press(second, "◀")
    back = user.wait_edit(second)
    user.press(back, label("ru", "list.as_list"))
    relisted = user.wait_edit(back)

    assert "Заинтересованы в новых контактах" in listed.text
    assert plain(t("ru", "page.of", page=1, pages=2)) in first.text
    assert "рабочая встреча номер 3" in first.text
    assert plain(t("ru", "page.of", page=2, pages=2)) in second.text
    assert "Заинтересованы в новых контактах" in second.text
    assert "рабочая встреча номер 3" not in second.text
    assert back.text == first.text
    assert second.button(t("ru", "summary.subscribe"))
    assert relisted.text == listed.text


def test_search_finds_words_and_survives_hostile_input(user: TelegramUser) -> None:
    user.send("/search товарооборот")
    found = user.wait_reply()
    user.send('/search "AND * <b>NEAR( 🙂')
    nothing = user.wait_reply()

    assert plain(t("ru", "search.title", query=escape("товарооборот"))) in found.text
    assert "рабочая встреча номер" in found.text
    assert '"AND * <b>NEAR( 🙂' in nothing.text


def test_lang_switches_the_interface_for_later_commands(
    emulator: Emulator, user: TelegramUser
) -> None:
    user.send("/lang")
    choice = user.wait_reply()

    user.press(choice, "Қазақша")
    done = user.wait_edit(choice)
    user.send("/help")

    assert plain(t("kk", "lang.set")) in done.text
    assert first_line(t("kk", "help.text", bot=escape("bot"))) in user.wait_reply().text
    assert emulator.calls("answerCallbackQuery")


def test_inline_mode_offers_articles_to_share(emulator: Emulator, user: TelegramUser) -> None:
    query_id = user.inline_query("астрахань")

    results = emulator.inline_results(query_id)

    assert any("рабочая встреча номер 3" in result["title"] for result in results)

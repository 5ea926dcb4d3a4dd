"""One tap to an article over the Bot API emulator, in a private chat and in a group: from a
card, a key fact, a digest, a digest's overflow line and an inline result shared elsewhere.

A tap on a command without arguments (`/a4`) sends exactly that command to the chat it is in;
a tap on a `t.me/<bot>?start=<payload>` link opens the private chat and sends `/start <payload>`.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.client import BotMessage, Emulator, TelegramUser
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e

DIGEST_TIMEOUT = 40.0
ARTICLE_4 = "Заинтересованы в новых контактах"
GROUP_ID = -1001234
# The flight's number between most words keeps the articles apart as stories (a digest shows
# one story once): they share few three-word runs.
NEW_ARTICLE = """Атырауская и Астраханская области: паромная линия, рейс номер {n}

2{d}.11.2022 10:0{d}

Атырауская область Казахстана и Астраханская область России обсудили рейс номер {n} новой \
паромной линии через Каспийское море, расписание стоянок {n} в порту Атырау {n} и тарифы {n} для \
грузов. Стороны рассчитывают, что рейс {n} увеличит {n} товарооборот {n} между регионами {n} на \
{n} процентов, а перевозки {n} зерна {n}, рыбы {n} и строительных {n} материалов {n} станут {n} \
дешевле {n} для предприятий {n} двух регионов. В акимате {n} Атырауской области {n} сообщили {n}, \
что к рейсу {n} подготовлены {n} новые {n} причалы {n}.
"""
_COMMAND = re.compile(r"(?<![\w/])(/a\d+)(?![\w@])")
_DEEP_LINK = re.compile(r'href="https://t\.me/\w+\?start=([\w-]+)"')


def tap_command(user: TelegramUser, message_html: str, after: str = "") -> str:
    """Tap the first `/aN` in the message (after the text `after`): send it to the chat."""
    found = _COMMAND.search(message_html, message_html.index(after) if after else 0)
    assert found, f"nothing tappable in {message_html[:300]!r}"
    user.send(found[1])
    return found[1]


def tap_link(user_in_private: TelegramUser, html: str, payload_start: str = "a") -> str:
    """Tap the first deep link whose payload starts with `payload_start`: /start <payload>."""
    found: list[str] = _DEEP_LINK.findall(html)
    payload = next((p for p in found if p.startswith(payload_start)), None)
    assert payload, f"no t.me link to {payload_start}… in {html[:300]!r}"
    user_in_private.send(f"/start {payload}")
    return payload


@pytest.fixture(scope="module")
def bot(module_bot_process: BotProcess) -> BotProcess:
    module_bot_process.start()
    return module_bot_process


@pytest.fixture
def emulator(module_emulator: Emulator, bot: BotProcess) -> Iterator[Emulator]:
    yield module_emulator
    assert bot.running, f"the bot died:\n{bot.log_tail()}"


def group_member(emulator: Emulator, user_id: int, group_id: int = GROUP_ID) -> TelegramUser:
    """A user in a group of their own (a fresh chat: its first reply is the next one)."""
    emulator.set_chat_member(group_id, user_id, "creator")  # may subscribe the group
    return emulator.user(user_id, "ru", id=group_id, type="supergroup", title="Аналитики")


@pytest.mark.parametrize("where", ["private", "group"])
def test_card_and_key_fact_open_the_article_in_one_tap(emulator: Emulator, where: str) -> None:
    user = emulator.user(3001, "ru") if where == "private" else group_member(emulator, 3002)
    user.send("/region Атырау")
    summary = user.wait_for("Атырауская область")

    tap_command(user, summary.html, after="Ключевые факты")  # a key fact's (/a4)
    assert user.wait_for(ARTICLE_4).text.startswith(ARTICLE_4)  # the article, in full

    tap_command(user, summary.html, after="Подробнее")  # the card's "Подробнее: /a4"
    assert user.wait_for(ARTICLE_4).text.startswith(ARTICLE_4)


@pytest.mark.parametrize(
    ("user_id", "where", "lang"),
    [(3010, "private", "ru"), (3011, "group", "ru"), (3012, "private", "en")],
)
def test_compact_list_entry_opens_in_one_tap(
    emulator: Emulator, user_id: int, where: str, lang: str
) -> None:
    if where == "private":
        user = emulator.user(user_id, lang)
    else:
        user = group_member(emulator, user_id, GROUP_ID - 2)
    user.send("/latest")
    listing = user.wait_reply()
    lines = [line for line in listing.html.split("\n") if _COMMAND.search(line)]
    assert len(lines) >= 5  # one line per article: date · title · partner pair — /aN
    assert re.match(r"\d\d\.\d\d\.\d{4} · <b>", lines[0]), lines[0]
    title = re.sub(r"<[^>]+>", "", lines[0].split(" · ")[1])
    command = tap_command(user, listing.html, after=" — /a")
    opened = user.wait_for(f"#{command[2:]}")
    assert opened.text.startswith(title.rstrip("…"))  # the entry's own article, in full

    user.press(listing, "🗂 Cards" if lang == "en" else "🗂 Карточки")  # cards on demand
    cards = user.wait_edit(listing)
    assert ("More: /a" if lang == "en" else "Подробнее: /a") in cards.text


def test_inline_result_shared_elsewhere_opens_in_one_tap(emulator: Emulator) -> None:
    user = emulator.user(3003, "ru")
    results = emulator.inline_results(user.inline_query("астрахань"))
    shared = results[0]["input_message_content"]["message_text"]
    assert "/article" not in shared
    payload = tap_link(user, shared)
    assert user.wait_for(results[0]["title"]).text.startswith(results[0]["title"])
    assert payload.startswith("a")


def add_articles(bot: BotProcess, count: int) -> None:
    seeds = Path(bot.env["SEEDS_DIR"])
    for n in range(1, count + 1):
        text = NEW_ARTICLE.format(n=n * 7, d=n % 9)
        (seeds / f"ferry_{n:02}.txt").write_text(text, encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "storage", "load"],
        env=bot.env,
        check=True,
        timeout=120,
        capture_output=True,
    )


def digest_messages(user: TelegramUser) -> list[BotMessage]:
    first = user.wait_for("Новое по вашим подпискам", timeout=DIGEST_TIMEOUT)
    messages = [first]
    while "открыть все" not in messages[-1].html:
        messages.append(user.wait_reply(timeout=DIGEST_TIMEOUT))
    return messages


def test_digest_article_and_overflow_line_open_in_one_tap(
    bot: BotProcess, emulator: Emulator
) -> None:
    private = emulator.user(3004, "ru")
    group = group_member(emulator, 3004, GROUP_ID - 1)
    for chat in (private, group):
        chat.send("/subscribe Атырау")
        reply = chat.wait_reply()
        assert "Подписка оформлена" in reply.text, reply.text
    add_articles(bot, 30)

    for chat in (private, group):
        digest = digest_messages(chat)
        assert all("/article" not in message.html for message in digest)
        payload = tap_link(private, digest[0].html)  # a card of the digest
        opened = private.wait_for(f"#{payload[1:]}")
        assert opened.text.startswith("Атырауская и Астраханская области: паромная линия")

        tap_link(private, digest[-1].html, payload_start="r-")  # "…и ещё N: открыть все"
        listing = private.wait_for("Атырауская область")
        assert _COMMAND.search(listing.html)  # its entries are one tap each
        command = tap_command(private, listing.html, after=" — /a")  # a line of the list
        assert private.wait_for(f"#{command[2:]}").text.startswith("Атырауская и Астраханская")

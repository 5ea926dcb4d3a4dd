"""Digests over the Bot API emulator: subscribe with a button, a load brings exactly one digest,
429s delay but lose nothing, 403 pauses a chat until /start, and a killed process resumes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.client import Emulator, TelegramUser, wait_until
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e

DIGEST_TIMEOUT = 30.0
LOAD_TIMEOUT = 60.0
NEW_TITLE = "Атырауская и Астраханская области открыли паромную линию через Каспий"
NEW_ARTICLE = """{title}

24.11.2022 10:00

Атырауская область Казахстана и Астраханская область России открыли паромную линию. Первый
рейс прошёл из Астрахани в Атырау, сообщили в акимате Атырауской области.

Стороны рассчитывают увеличить товарооборот между регионами и перевозки грузов по Каспию.
"""


def add_article(bot: BotProcess, name: str, title: str = NEW_TITLE) -> None:
    seeds = Path(bot.env["SEEDS_DIR"])
    (seeds / name).write_text(NEW_ARTICLE.format(title=title), encoding="utf-8")


def load_archive(bot: BotProcess) -> None:
    """`python -m storage load` into the running bot's database: another process writes it."""
    subprocess.run(
        [sys.executable, "-m", "storage", "load"],
        env=bot.env,
        check=True,
        timeout=LOAD_TIMEOUT,
        capture_output=True,
    )


def subscribe(user: TelegramUser, name: str = "Атырау") -> None:
    user.send(f"/subscribe {name}")
    user.wait_for("Подписка оформлена")


def delivered(emulator: Emulator, chat_id: int) -> list[str]:
    """Texts of digests that reached a chat (answered with success by the emulator)."""
    return [
        call["params"]["text"]
        for call in emulator.calls("sendMessage")
        if str(call["params"].get("chat_id")) == str(chat_id)
        and call.get("status") == 200
        and NEW_TITLE in call["params"].get("text", "")
    ]


def chat_active(bot: BotProcess, chat_id: int) -> bool:
    uri = f"file:{bot.env['DATABASE_PATH']}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        row = connection.execute("SELECT active FROM chats WHERE id = ?", (chat_id,)).fetchone()
    return bool(row[0])


def test_subscribe_with_a_button_and_a_load_brings_exactly_one_digest(
    bot: BotProcess, emulator: Emulator, user: TelegramUser
) -> None:
    user.send("/region Атырау")
    summary = user.wait_for("Атырау")
    after = emulator.last_call_seq()
    user.press(summary, "Подписаться")
    answer = emulator.wait_for_call("answerCallbackQuery", after=after)
    assert "Подписка оформлена" in answer["params"]["text"]

    add_article(bot, "ferry.txt")
    load_archive(bot)

    digest = user.wait_for(NEW_TITLE, timeout=DIGEST_TIMEOUT)
    assert "Новое по вашим подпискам" in digest.text
    user.expect_no_reply(7.0)  # longer than a tick: no second digest
    assert len(delivered(emulator, user.chat_id)) == 1


def test_a_429_during_fan_out_delays_but_loses_nothing(
    bot: BotProcess, emulator: Emulator
) -> None:
    users = [emulator.user(2001 + i, "ru") for i in range(4)]
    for user in users:
        subscribe(user)
    emulator.inject_fault(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 2",
        retry_after=2,
    )
    add_article(bot, "ferry.txt")
    load_archive(bot)
    for user in users:
        user.wait_for(NEW_TITLE, timeout=DIGEST_TIMEOUT)
    assert any(call.get("status") == 429 for call in emulator.calls("sendMessage"))
    users[0].expect_no_reply(2.0)
    assert [len(delivered(emulator, u.chat_id)) for u in users] == [1, 1, 1, 1]


def test_a_403_pauses_the_chat_and_start_resumes_it(
    bot: BotProcess, emulator: Emulator, user: TelegramUser
) -> None:
    subscribe(user)
    emulator.inject_fault(
        "sendMessage",
        error_code=403,
        description="Forbidden: bot was blocked by the user",
        chat_id=user.chat_id,
    )
    add_article(bot, "ferry.txt")
    load_archive(bot)
    wait_until(
        lambda: True if not chat_active(bot, user.chat_id) else None,
        DIGEST_TIMEOUT,
        "the chat was not marked inactive",
    )
    assert bot.running

    user.send("/start")
    user.wait_reply()
    assert chat_active(bot, user.chat_id)
    add_article(bot, "ferry-2.txt", "Второй паромный рейс связал Атырау и Астрахань")
    load_archive(bot)
    digest = user.wait_for("Второй паромный рейс", timeout=DIGEST_TIMEOUT)
    assert NEW_TITLE not in digest.text  # what came while it was blocked is not sent later


def refused_delivery_put_back(bot: BotProcess, chat_id: int) -> bool | None:
    """True once the chat's refused delivery is back in the outbox as pending."""
    uri = f"file:{bot.env['DATABASE_PATH']}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        row = connection.execute(
            "SELECT count(*) FROM outbox WHERE chat_id = ? AND status = 'pending'", (chat_id,)
        ).fetchone()
    return True if row[0] else None


def test_a_process_killed_mid_fan_out_delivers_the_rest_once_restarted(
    bot: BotProcess, emulator: Emulator
) -> None:
    users = [emulator.user(3001 + i, "ru") for i in range(6)]
    for user in users:
        subscribe(user)
    # One chat is refused with a long flood wait: every sender pauses, and the bot is killed
    # while some digests are out and the others are still in the outbox.
    emulator.inject_fault(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 60",
        retry_after=60,
        chat_id=users[3].chat_id,
    )
    add_article(bot, "ferry.txt")
    load_archive(bot)
    emulator.wait_for_call(
        "sendMessage", match=lambda call: call.get("status") == 429, timeout=DIGEST_TIMEOUT
    )
    # Kill once the refused digest is back in the outbox: a kill while a request is in flight
    # leaves that one delivery failed (visible to admins), never sent twice.
    wait_until(
        lambda: refused_delivery_put_back(bot, users[3].chat_id), 10, "429'd digest not put back"
    )
    bot.kill()
    before = [len(delivered(emulator, u.chat_id)) for u in users]
    assert before[3] == 0
    assert sum(before) < len(users)
    assert sum(before) >= 1  # killed mid-fan-out: some digests were already out

    bot.start()
    for user in users:
        user.wait_for(NEW_TITLE, timeout=DIGEST_TIMEOUT)
    users[0].expect_no_reply(2.0)
    assert [len(delivered(emulator, u.chat_id)) for u in users] == [1] * len(users)


def outbox_statuses(bot: BotProcess) -> dict[str, int]:
    uri = f"file:{bot.env['DATABASE_PATH']}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        rows = connection.execute("SELECT status, count(*) FROM outbox GROUP BY status")
        return dict(rows.fetchall())


def test_a_sigterm_mid_fan_out_finishes_what_is_in_flight_and_the_rest_comes_after_restart(
    bot: BotProcess, emulator: Emulator
) -> None:
    users = [emulator.user(3101 + i, "ru") for i in range(6)]
    for user in users:
        subscribe(user)
    bot.restart(SEND_RATE="1")  # a fan-out of six takes seconds: a stop lands in the middle
    # Every message takes a while to be answered, so a stop finds one in flight.
    emulator.inject_fault("sendMessage", delay_ms=1500, count=-1)
    add_article(bot, "ferry.txt")
    load_archive(bot)
    emulator.wait_for_call(
        "sendMessage",
        match=lambda call: call.get("status") == 200 and NEW_TITLE in call["params"]["text"],
        timeout=DIGEST_TIMEOUT,
    )
    assert bot.stop() == 0  # SIGTERM: a clean exit, within the bounded wait
    before = [len(delivered(emulator, u.chat_id)) for u in users]
    assert 1 <= sum(before) < len(users)
    statuses = outbox_statuses(bot)
    # The message in flight was finished and recorded; nothing is left half-sent, failed or
    # of uncertain delivery.
    assert statuses.get("sending", 0) == statuses.get("failed", 0) == 0
    assert statuses.get("uncertain", 0) == 0
    assert statuses["pending"] == len(users) - sum(before)
    wal = Path(bot.env["DATABASE_PATH"] + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the log was folded into the file

    emulator.clear_faults()
    bot.start()  # the instance lock was released
    for user in users:
        user.wait_for(NEW_TITLE, timeout=DIGEST_TIMEOUT)
    users[0].expect_no_reply(2.0)
    assert [len(delivered(emulator, u.chat_id)) for u in users] == [1] * len(users)

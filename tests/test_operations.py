"""Webhook mode, /healthz and /metrics on the bot's aiohttp app, over loopback HTTP."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage, SetWebhook
from aiohttp import ClientSession
from aiohttp.test_utils import TestClient, TestServer
from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr

from bot.config import Settings
from bot.health import Health
from bot.metrics import Metrics
from bot.webhook import WEBHOOK_PATH, make_webhook_app, run_webhook
from storage.db import Database
from tests.fakes import RecordingSession, make_message, make_update, make_user
from tests.support import FixedClock, sent

SECRET = "s3cret-token_1"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


@pytest.fixture
def webhook_settings(settings: Settings) -> Settings:
    update = {"webhook_url": "https://bot.example.org", "webhook_secret": SecretStr(SECRET)}
    return settings.model_copy(update=update)


@pytest.fixture
async def client(
    dispatcher: Dispatcher,
    bot: Bot,
    webhook_settings: Settings,
    database: Database,
    clock: FixedClock,
) -> AsyncIterator[TestClient[Any, Any]]:
    metrics: Metrics = dispatcher["metrics"]
    metrics.watch_session(bot)
    health = Health(database, dispatcher["digests"], metrics, clock)
    app = make_webhook_app(dispatcher, bot, webhook_settings, health)
    async with TestClient(TestServer(app)) as client:  # starts the dispatcher, like the bot
        yield client


def _update(text: str) -> dict[str, Any]:
    update = make_update(make_message(text, user=make_user(111, "ru")))
    return update.model_dump(mode="json", exclude_none=True)


async def _sent_texts(session: RecordingSession, count: int) -> list[str]:
    """Texts of sendMessage calls, once there are `count` of them (handling runs after the 200)."""
    for _ in range(200):
        texts = [call.text for call in sent(session.requests, SendMessage)]
        if len(texts) >= count:
            return texts
        await asyncio.sleep(0.025)
    raise AssertionError(f"expected {count} messages, got {texts}")


async def test_an_update_with_the_right_secret_is_answered_and_handled(
    client: TestClient[Any, Any], session: RecordingSession
) -> None:
    response = await client.post(
        WEBHOOK_PATH, json=_update("/help"), headers={SECRET_HEADER: SECRET}
    )
    assert response.status == 200
    (text,) = await _sent_texts(session, 1)
    assert "/region" in text


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: "wrong"}, {SECRET_HEADER: ""}])
async def test_a_wrong_or_missing_secret_gets_401_and_nothing_is_handled(
    client: TestClient[Any, Any], session: RecordingSession, headers: dict[str, str]
) -> None:
    before = len(session.requests)
    response = await client.post(WEBHOOK_PATH, json=_update("/help"), headers=headers)
    assert response.status == 401
    await asyncio.sleep(0.1)
    assert [c for c in session.requests[before:] if c.__api_method__ == "sendMessage"] == []


async def test_refused_requests_are_logged_once_a_minute_without_the_secret(
    client: TestClient[Any, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.webhook"):
        for _ in range(5):
            response = await client.post(
                WEBHOOK_PATH, json=_update("/help"), headers={SECRET_HEADER: "guess"}
            )
            assert response.status == 401
    refusals = [r for r in caplog.records if r.name == "bot.webhook"]
    assert len(refusals) == 1
    assert SECRET not in refusals[0].getMessage()
    assert "guess" not in refusals[0].getMessage()


async def test_healthz_is_ok_when_the_database_takes_writes_and_digests_run(
    client: TestClient[Any, Any],
) -> None:
    response = await client.get("/healthz")
    assert response.status == 200
    body = await response.json()
    assert body["status"] == "ok"
    assert body["database"] == "writable"
    assert body["scheduler"] == "alive"
    assert isinstance(body["last_bot_api_success_seconds"], float)  # the startup's calls


async def test_healthz_fails_when_the_digest_scheduler_died(
    client: TestClient[Any, Any], dispatcher: Dispatcher
) -> None:
    await dispatcher["digests"].stop()
    response = await client.get("/healthz")
    assert response.status == 503
    body = await response.json()
    assert (body["status"], body["scheduler"]) == ("failing", "stopped")


async def test_healthz_fails_when_the_database_refuses_writes(
    client: TestClient[Any, Any], database: Database
) -> None:
    # A broken archive: its tables made read-only behind the bot's back.
    await database.writer.execute("PRAGMA query_only = ON")
    response = await client.get("/healthz")
    assert response.status == 503
    body = await response.json()
    assert body["status"] == "failing"
    assert body["database"].startswith("error: ")
    await database.writer.execute("PRAGMA query_only = OFF")
    assert (await client.get("/healthz")).status == 200


async def test_metrics_parse_and_count_a_handled_update(
    client: TestClient[Any, Any], session: RecordingSession
) -> None:
    await client.post(WEBHOOK_PATH, json=_update("/help"), headers={SECRET_HEADER: SECRET})
    await _sent_texts(session, 1)
    response = await client.get("/metrics")
    assert response.status == 200
    families = {f.name: f for f in text_string_to_metric_families(await response.text())}
    updates = {
        (s.labels["type"], s.labels["handler"]): s.value
        for s in families["kzru_updates"].samples
        if s.name == "kzru_updates_total"
    }
    assert updates[("message", "cmd_help")] == 1
    latency = families["kzru_handler_seconds"].samples
    assert any(
        s.labels.get("handler") == "cmd_help" and s.name.endswith("_count") for s in latency
    )
    outbox = {s.labels["status"]: s.value for s in families["kzru_outbox_rows"].samples}
    assert set(outbox) == {"pending", "sending", "sent", "failed", "uncertain"}
    assert families["kzru_articles"].samples[0].value == 5
    assert families["kzru_archive_bytes"].samples[0].value > 0
    calls = {s.labels["method"] for s in families["kzru_bot_api_calls"].samples}
    assert "sendMessage" in calls


async def test_webhook_mode_sets_the_webhook_serves_and_stops_on_sigterm(
    dispatcher: Dispatcher,
    bot: Bot,
    webhook_settings: Settings,
    database: Database,
    clock: FixedClock,
    session: RecordingSession,
) -> None:
    port = _free_port()
    settings = webhook_settings.model_copy(
        update={"webhook_host": "127.0.0.1", "webhook_port": port}
    )
    health = Health(database, dispatcher["digests"], dispatcher["metrics"], clock)
    running = asyncio.create_task(run_webhook(dispatcher, bot, settings, health))
    for _ in range(400):
        if any(c.__api_method__ == "setWebhook" for c in session.requests) or running.done():
            break
        await asyncio.sleep(0.025)
    (call,) = sent(session.requests, SetWebhook)
    assert call.url == "https://bot.example.org/webhook"
    assert call.secret_token == SECRET
    assert call.drop_pending_updates is False
    assert call.allowed_updates == dispatcher.resolve_used_update_types()
    assert "message" in call.allowed_updates
    async with ClientSession() as http:
        url = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
        async with http.post(url, json=_update("/help"), headers={SECRET_HEADER: SECRET}) as r:
            assert r.status == 200
        await _sent_texts(session, 1)
    os.kill(os.getpid(), signal.SIGTERM)  # the handler run_webhook installed on this loop
    await asyncio.wait_for(running, 30)
    assert not dispatcher["digests"].alive  # the dispatcher's shutdown ran


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])

"""Webhook mode: Telegram posts updates to our aiohttp server; each is answered at once and
handled after, so a slow handler never makes Telegram wait or send the update again."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections.abc import Callable
from contextlib import suppress

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.config import Settings
from bot.health import Health, add_routes, start_server

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhook"
REFUSAL_LOG_INTERVAL = 60.0  # seconds: a flood of bad requests makes one log line a minute


class SecretCheckedHandler(SimpleRequestHandler):
    """aiogram's request handler; a request without the right secret gets 401 and is logged
    at most once a minute (with how many were refused meanwhile), never the secret itself."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        secret_token: str,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(dispatcher, bot, handle_in_background=True, secret_token=secret_token)
        self._monotonic = monotonic
        self._last_logged: float | None = None
        self.refused = 0

    def verify_secret(self, telegram_secret_token: str, bot: Bot) -> bool:
        if super().verify_secret(telegram_secret_token, bot):
            return True
        self.refused += 1
        now = self._monotonic()
        if self._last_logged is None or now - self._last_logged >= REFUSAL_LOG_INTERVAL:
            self._last_logged = now
            logger.warning(
                "webhook: refused a request without the right secret token (%d refused so far)",
                self.refused,
            )
        return False


def make_webhook_app(
    dispatcher: Dispatcher, bot: Bot, settings: Settings, health: Health
) -> web.Application:
    """The aiohttp app: POST /webhook for Telegram, GET /healthz and /metrics for operators."""
    assert settings.webhook_secret is not None  # the settings refuse a webhook without one
    app = web.Application()
    # The dispatcher's shutdown (finish handlers, stop digests) runs before the handler closes
    # the bot's session, so answers in flight can still be sent: register it first.
    setup_application(app, dispatcher, bot=bot)
    secret = settings.webhook_secret.get_secret_value()
    SecretCheckedHandler(dispatcher, bot, secret).register(app, path=WEBHOOK_PATH)
    add_routes(app, health, health.metrics)
    return app


async def run_webhook(
    dispatcher: Dispatcher, bot: Bot, settings: Settings, health: Health
) -> None:
    """Serve the webhook until SIGTERM or SIGINT, then stop taking updates and finish."""
    assert settings.webhook_url is not None
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        with suppress(NotImplementedError):  # no signal handlers on this platform
            loop.add_signal_handler(sig, stop.set)
    app = make_webhook_app(dispatcher, bot, settings, health)
    runner = await start_server(app, settings.webhook_host, settings.webhook_port)
    try:
        assert settings.webhook_secret is not None
        await bot.set_webhook(
            f"{settings.webhook_url}{WEBHOOK_PATH}",
            secret_token=settings.webhook_secret.get_secret_value(),
            allowed_updates=dispatcher.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        logger.info("webhook set: %s%s", settings.webhook_url, WEBHOOK_PATH)
        await stop.wait()
        logger.info("stopping: no more updates are taken")
    finally:
        await runner.cleanup()  # stops listening first, then the dispatcher's shutdown hooks

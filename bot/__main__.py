"""`python -m bot`: run the bot, by long polling or a webhook (`console`: try it locally)."""

from __future__ import annotations

import asyncio
import logging
import sys

from aiogram import Bot, Dispatcher
from aiohttp import web
from pydantic import ValidationError

from bot import console
from bot.app import make_bot, make_dispatcher, settle_heap, utc_now
from bot.config import Settings, describe_error
from bot.health import Health, add_routes, start_server
from bot.instance import AlreadyRunning, InstanceLock
from bot.metrics import Metrics
from bot.redaction import install_token_filter
from bot.webhook import run_webhook
from storage.db import Database, DatabaseUnavailable

logger = logging.getLogger(__name__)


async def run(settings: Settings) -> None:
    """Until SIGTERM or SIGINT; then updates in flight finish and the database is closed."""
    database = await Database.open(settings.database_path)
    try:
        bot = make_bot(settings)
        dispatcher = make_dispatcher(settings, database)
        metrics: Metrics = dispatcher["metrics"]
        metrics.watch_session(bot)
        health = Health(database, dispatcher["digests"], metrics, utc_now)
        settle_heap()
        if settings.webhook_url:
            await run_webhook(dispatcher, bot, settings, health)
        else:
            await run_polling(dispatcher, bot, settings, health)
    finally:
        await database.close()


async def run_polling(
    dispatcher: Dispatcher, bot: Bot, settings: Settings, health: Health
) -> None:
    # Telegram refuses getUpdates while a webhook is set: coming back from webhook mode drops it
    # (the updates it queued are kept and come by polling).
    await bot.delete_webhook(drop_pending_updates=False)
    server = None
    if settings.metrics_port is not None:
        app = web.Application()
        add_routes(app, health, health.metrics)
        server = await start_server(app, settings.webhook_host, settings.metrics_port)
    try:
        await dispatcher.start_polling(bot, handle_signals=True)
    finally:
        if server is not None:
            await server.cleanup()


def main(argv: list[str]) -> int:
    if argv[:1] == ["console"]:
        return console.main(argv[1:])
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"Configuration error: {describe_error(error)}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    install_token_filter(settings.bot_token.get_secret_value())
    instance = InstanceLock(settings.database_path)
    try:
        instance.acquire()
    except AlreadyRunning as error:
        print(error, file=sys.stderr)
        return 2
    except OSError as error:
        print(DatabaseUnavailable(settings.database_path, error), file=sys.stderr)
        return 2
    try:
        asyncio.run(run(settings))
    except DatabaseUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    finally:
        instance.release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

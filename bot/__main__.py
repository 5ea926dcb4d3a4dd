"""`python -m bot`: run the bot with long polling (`python -m bot console` to try it locally)."""

from __future__ import annotations

import asyncio
import logging
import sys

from pydantic import ValidationError

from bot import console
from bot.app import make_bot, make_dispatcher
from bot.config import Settings, describe_error
from bot.instance import AlreadyRunning, InstanceLock
from bot.redaction import install_token_filter
from storage.db import Database, DatabaseUnavailable

logger = logging.getLogger(__name__)


async def run_polling(settings: Settings) -> None:
    database = await Database.open(settings.database_path)
    try:
        bot = make_bot(settings)
        dispatcher = make_dispatcher(settings, database)
        await dispatcher.start_polling(bot, handle_signals=True)
    finally:
        await database.close()


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
        asyncio.run(run_polling(settings))
    except DatabaseUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    finally:
        instance.release()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

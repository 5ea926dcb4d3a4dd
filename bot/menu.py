"""The command menu: registered with setMyCommands at startup, for each UI language."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand

from bot.texts import DEFAULT_LANGUAGE, LANGUAGES, label
from storage.models import Lang

COMMANDS = (
    "start",
    "help",
    "region",
    "regions",
    "sector",
    "sectors",
    "date",
    "latest",
    "search",
    "article",
    "map",
    "figures",
    "export",
    "subscribe",
    "subscriptions",
    "unsubscribe",
    "settings",
    "digest",
    "lang",
)


def menu_commands(lang: Lang) -> list[BotCommand]:
    return [BotCommand(command=name, description=label(lang, f"cmd.{name}")) for name in COMMANDS]


async def set_command_menu(bot: Bot) -> None:
    """The menu for each UI language (by the user's language_code), and ru for everybody else."""
    await bot.set_my_commands(menu_commands(DEFAULT_LANGUAGE))
    for lang in LANGUAGES:
        await bot.set_my_commands(menu_commands(lang), language_code=lang)

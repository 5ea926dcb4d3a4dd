"""Sending a picture: uploaded once, then sent again by Telegram's file id."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import BufferedInputFile

from bot.charts.service import Picture
from bot.html import Html

logger = logging.getLogger(__name__)


async def send_picture(bot: Bot, chat_id: int, picture: Picture, caption: Html) -> None:
    if picture.file_id is not None:
        try:
            await bot.send_photo(chat_id, picture.file_id, caption=caption)
            return
        except TelegramBadRequest as error:  # the id is no longer valid: upload it again
            logger.info("sending a picture by file id failed: %s", error.message)
            picture.file_id = None
    upload = BufferedInputFile(picture.png, filename="chart.png")
    sent = await bot.send_photo(chat_id, upload, caption=caption)
    if sent.photo:
        picture.file_id = sent.photo[-1].file_id

"""Callback answers within Telegram's 200 characters, and buttons that change in place."""

from __future__ import annotations

from html import unescape

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

CALLBACK_ANSWER_LIMIT = 200


def fit_answer(text: str, limit: int = CALLBACK_ANSWER_LIMIT) -> str:
    """A callback answer from an HTML text: plain (answers show no markup, so "&amp;" would be
    read as is) and cut between words to `limit` (Telegram cuts it anywhere)."""
    text = unescape(text)
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    head = head.rsplit(" ", 1)[0] if " " in head else head
    return head.rstrip(" ,;:—-\n") + "…"


def swap_button(
    markup: InlineKeyboardMarkup | None, pressed: str, replacement: InlineKeyboardButton
) -> InlineKeyboardMarkup | None:
    """`markup` with the button whose data is `pressed` replaced; None when it has none."""
    if markup is None:
        return None
    rows = [
        [replacement if button.callback_data == pressed else button for button in row]
        for row in markup.inline_keyboard
    ]
    if rows == markup.inline_keyboard:
        return None
    return InlineKeyboardMarkup(inline_keyboard=rows)

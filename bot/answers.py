"""Callback answers within Telegram's 200 characters, in plain text."""

from __future__ import annotations

from bot.html import Html, plain

CALLBACK_ANSWER_LIMIT = 200


def fit_answer(text: Html, limit: int = CALLBACK_ANSWER_LIMIT) -> str:
    """A callback answer from an HTML text: plain (answers show no markup, so "&amp;" would be
    read as is) and cut between words to `limit` (Telegram cuts it anywhere)."""
    shown = plain(text)
    if len(shown) <= limit:
        return shown
    head = shown[: limit - 1]
    head = head.rsplit(" ", 1)[0] if " " in head else head
    return head.rstrip(" ,;:—-\n") + "…"

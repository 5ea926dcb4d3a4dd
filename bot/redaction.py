"""Keeping the bot token out of text: log records, admin notices and error messages."""

from __future__ import annotations

import logging
from urllib.parse import quote

REDACTED = "<token>"
# The secret half is also removed on its own when it is this long (real ones are 35
# characters): a short one, as in tests, would otherwise shred ordinary words.
MIN_SECRET_LENGTH = 16


def redact(text: str, token: str) -> str:
    """`text` with the token gone, in any form a URL or a traceback may carry it.

    A token is `<bot id>:<secret>`; the secret alone is enough to take the bot over, so it is
    removed wherever it appears (also percent-encoded, as in `bot123%3Asecret`).
    """
    if not token:
        return text
    _, _, secret = token.partition(":")
    forms = [token, quote(token, safe="")]
    if len(secret) >= MIN_SECRET_LENGTH:
        forms.append(secret)
    for form in forms:
        text = text.replace(form, REDACTED)
    return text


class TokenFilter(logging.Filter):
    """Removes the token from every record's message, arguments, traceback and stack.

    Installed on the root logger's handlers, it sees the records of every logger that
    propagates (aiogram's own included) before any handler formats them.
    """

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token
        self._formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # arguments that do not fit: keep them all as text
            message = f"{record.msg} {record.args}"
        record.msg = redact(message, self._token)
        record.args = None
        if record.exc_info:
            # The formatted traceback replaces the exception itself, so no later handler can
            # format the unredacted original again.
            record.exc_text = self._formatter.formatException(record.exc_info)
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self._token)
        if record.stack_info:
            record.stack_info = redact(record.stack_info, self._token)
        return True


def install_token_filter(token: str) -> TokenFilter:
    """Put a TokenFilter on every handler of the root logger (call after logging is set up)."""
    token_filter = TokenFilter(token)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, TokenFilter) for f in handler.filters):
            handler.addFilter(token_filter)
    return token_filter

"""Telegram HTML as a type: `escape` is the one way from plain text to `Html`.

Every message the bot sends is `Html`. Templates (the catalogues in `bot.texts`, literals in the
view modules) are trusted markup; a value goes into one only as `Html` (escaped once, or markup
built here) or as an `int`. mypy then finds a value that was never escaped, or escaped twice.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import NewType

Html = NewType("Html", str)

_TAG = re.compile(r"<[^>]+>")


def escape(text: str) -> Html:
    """Plain text as HTML that shows it literally: `<`, `>`, `&`, `"` and `'` escaped."""
    return Html(html.escape(text))


def markup(template: str, /, **values: Html | int) -> Html:
    """A trusted template (a catalogue entry or a literal) with its `{name}` fields filled."""
    return Html(template.format(**values)) if values else Html(template)


def join(separator: str, parts: Iterable[Html]) -> Html:
    """`parts` joined by a literal `separator` that holds no markup characters."""
    return Html(separator.join(parts))


def bold(text: Html) -> Html:
    return Html(f"<b>{text}</b>")


def stripped(text: Html) -> Html:
    """`text` without the whitespace at its ends (whitespace is never part of markup)."""
    return Html(text.strip())


def plain(text: str) -> str:
    """What the reader sees of `text`: tags dropped, entities decoded (buttons, alerts, logs)."""
    return html.unescape(_TAG.sub("", text))

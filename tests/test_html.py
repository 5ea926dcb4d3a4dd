"""Escaping at one typed boundary: every template renders hostile values as valid Telegram HTML,
each value shown literally once; the /sector double escape stays fixed."""

from __future__ import annotations

import re
import string

import pytest
from aiogram.methods import SendMessage

from bot.html import Html, escape, plain
from bot.texts import LANGUAGES, en, kk, ru, t
from storage.models import Lang
from tests.support import Feed, keyboard

# Telegram's HTML: these tags (and their attributes), entities, and nothing else.
ALLOWED_TAGS = {
    "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler",
    "span", "a", "tg-emoji", "code", "pre", "blockquote",
}  # fmt: skip
_TOKEN = re.compile(r"<(/?)([a-z-]+)(\s[^<>]*)?>|&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);|[<>&]")


def telegram_html_errors(text: str) -> list[str]:
    """Why Telegram would refuse `text` as HTML: unknown tags, unbalanced tags, bare <, >, &."""
    errors: list[str] = []
    open_tags: list[str] = []
    for found in _TOKEN.finditer(text):
        token = found.group(0)
        if token in {"<", ">", "&"}:
            errors.append(f"bare {token!r} at {found.start()}")
        elif token.startswith("<"):
            closing, name = found.group(1), found.group(2)
            if name not in ALLOWED_TAGS:
                errors.append(f"tag {name!r}")
            elif not closing:
                open_tags.append(name)
            elif not open_tags or open_tags.pop() != name:
                errors.append(f"unbalanced </{name}>")
    errors += [f"unclosed <{name}>" for name in open_tags]
    return errors


def hostile(field: str) -> str:
    return f'<{field}> & "{field}"'


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_template_shows_hostile_values_literally_once(lang: Lang) -> None:
    for key in sorted({"ru": ru.TEXTS, "kk": kk.TEXTS, "en": en.TEXTS}[lang]):
        template = t(lang, key)  # no values: the template itself
        fields = [name for _, name, _, _ in string.Formatter().parse(template) if name]
        values: dict[str, Html | int] = {name: escape(hostile(name)) for name in fields}
        text = t(lang, key, **values) if values else template
        assert telegram_html_errors(text) == [], (lang, key, text)
        shown = plain(text)
        for name in fields:
            if re.search(r"<[^>]*\{" + name + r"\}[^>]*>", template):  # inside a tag: href="{url}"
                assert text.count(escape(hostile(name))) == fields.count(name), (lang, key, text)
                continue
            assert shown.count(hostile(name)) == fields.count(name), (lang, key, shown)
            assert "&amp;" not in shown, (lang, key, shown)


def test_the_checker_refuses_broken_html() -> None:
    assert telegram_html_errors("<b>a</b> &amp; <i>b</i>") == []
    assert telegram_html_errors("a & b") == ["bare '&' at 2"]
    assert telegram_html_errors("<b>a") == ["unclosed <b>"]
    assert telegram_html_errors("<div>a</div>") == ["tag 'div'", "tag 'div'"]
    assert telegram_html_errors("<b><i>a</b></i>") == ["unbalanced </b>", "unbalanced </i>"]


async def test_sector_title_is_escaped_once_on_every_page(feed: Feed) -> None:
    """Regression: the first page showed "Agriculture &amp;amp; food" (escaped twice)."""
    calls = await feed("/sector agriculture", lang="en")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert str(message.text).startswith("<b>Agriculture &amp; food</b>\n")
    assert plain(str(message.text)).startswith("Agriculture & food\n")
    assert telegram_html_errors(str(message.text)) == []


async def test_sector_button_names_are_plain_text(feed: Feed) -> None:
    calls = await feed("/subscribe agriculture", lang="en")
    [message] = [c for c in calls if isinstance(c, SendMessage)]
    assert "Agriculture &amp; food" in str(message.text)
    calls = await feed("/subscriptions", lang="en")
    [listing] = [c for c in calls if isinstance(c, SendMessage)]
    assert listing.reply_markup is not None
    buttons = [b.text for row in keyboard(listing.reply_markup) for b in row]
    assert buttons == ["✖ Agriculture & food"]

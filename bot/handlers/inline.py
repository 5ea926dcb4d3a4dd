"""Inline mode: `@bot астрахань` in any chat offers matching article cards to share."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.types import InlineQuery, InlineQueryResultArticle, InputTextMessageContent

from bot.html import join, plain
from bot.texts import label
from bot.views.render import article_card, format_date, region_pair, shorten
from storage.models import ArticleCard, Lang, Selection
from storage.naming import find_names
from storage.repository import Archive

RESULTS = 10
MAX_OFFSET = 200
CACHE_SECONDS = 60


async def on_inline(query: InlineQuery, archive: Archive, bot: Bot, lang: Lang) -> None:
    offset = page_offset(query.offset)
    page = await archive.articles(inline_selection(query.query), limit=RESULTS, offset=offset)
    more = offset + RESULTS < min(page.total, MAX_OFFSET)
    await query.answer(
        [inline_result(card, lang, (await bot.me()).username) for card in page.items],
        cache_time=CACHE_SECONDS,
        is_personal=False,
        next_offset=str(offset + RESULTS) if more else "",
    )


def page_offset(text: str) -> int:
    """The offset Telegram echoes back from our `next_offset`; anything else starts over.

    The offset is client-controlled text: a huge number would overflow SQLite's integers, so
    only offsets the bot itself could have handed out (0 to MAX_OFFSET) are taken.
    """
    if not (text.isascii() and text.isdecimal()) or len(text) > len(str(MAX_OFFSET)):
        return 0
    return min(int(text), MAX_OFFSET)


def inline_selection(text: str) -> Selection:
    """The latest articles for empty text, a region's articles for a region name, else search."""
    text = text.strip()
    if not text:
        return Selection()
    # Names in any script (Latin, ISO, old and Kazakh spellings), as in the chat's commands.
    regions = tuple(dict.fromkeys(hit.value for hit in find_names(text) if hit.kind == "region"))
    return Selection(region_ids=regions) if regions else Selection(query=text)


def inline_result(card: ArticleCard, lang: Lang, username: str | None) -> InlineQueryResultArticle:
    """A card to share: it leaves the bot's chat, so "open" is a deep link to the bot."""
    # The description is plain text.
    pair = region_pair(card.regions, card.national_level, lang)
    parts = (format_date(card.date, lang), pair)
    description = plain(join(" · ", [part for part in parts if part]))
    return InlineQueryResultArticle(
        id=str(card.id),
        title=shorten(card.title, 100) or label(lang, "inline.empty"),
        description=description,
        input_message_content=InputTextMessageContent(
            message_text=article_card(card, lang, username)
        ),
    )


def make_router() -> Router:
    """A fresh router with this module's handlers, tried in this order."""
    router = Router(name="inline")
    router.inline_query.register(on_inline)
    return router

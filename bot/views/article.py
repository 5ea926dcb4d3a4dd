"""Layout of one article in full detail (/article N), split into messages within the limit."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.html import Html, bold, escape, join, markup, stripped
from bot.links import article_command
from bot.texts import t
from bot.views.render import (
    FACT_CHARS,
    MESSAGE_LIMIT,
    TITLE_CHARS,
    clip,
    fact_line,
    format_date,
    region_name,
    sector_label,
)
from storage.models import ArticleCard, ArticleDetail, Lang

FULL_TITLE_CHARS = 1000
DETAIL_ITEMS = 30
_BREAK = re.compile(r"(\s+)")


def article_full(detail: ArticleDetail, lang: Lang) -> list[Html]:
    """One article in full detail, as one or more messages each within Telegram's limit."""
    card = detail.card
    blocks = [join("\n", [bold(clip(card.title, FULL_TITLE_CHARS)), _detail_meta(detail, lang)])]
    if card.regions or card.national_level:
        blocks.append(_regions_block(card, lang))
    if card.sectors or detail.mentioned_sectors:
        blocks.append(_sectors_block(detail, lang))
    if card.summary.strip():
        first, *rest = _split_words(card.summary, MESSAGE_LIMIT // 2)
        blocks += [t(lang, "article.summary", text=first), *rest]
    if detail.facts:
        lines = [fact_line(fact, lang) for fact in detail.facts[:DETAIL_ITEMS]]
        blocks.append(join("\n", [t(lang, "article.facts"), *lines]))
    if detail.same_story:
        blocks.append(_same_story_block(detail, lang))
    if detail.body:
        blocks.append(t(lang, "article.text"))
        blocks.extend(_escaped_pieces(detail.body, MESSAGE_LIMIT))
    return split_messages(blocks)


def _detail_meta(detail: ArticleDetail, lang: Lang) -> Html:
    parts = [format_date(detail.card.date, lang)]
    if detail.source:
        parts.append(t(lang, "article.source", source=clip(detail.source, TITLE_CHARS)))
    if detail.url:
        parts.append(t(lang, "article.link", url=escape(detail.url)))
    parts.append(markup("#{id}", id=detail.card.id))
    return join(" · ", parts)


def _sectors_block(detail: ArticleDetail, lang: Lang) -> Html:
    """The main sectors, then those named in passing."""
    lines = []
    if detail.card.sectors:
        labels = join(", ", [sector_label(s, lang) for s in detail.card.sectors])
        lines.append(t(lang, "article.sectors", items=labels))
    if detail.mentioned_sectors:
        labels = join(", ", [sector_label(s, lang) for s in detail.mentioned_sectors])
        lines.append(t(lang, "article.sectors_mentioned", items=labels))
    return join("\n", lines)


def _regions_block(card: ArticleCard, lang: Lang) -> Html:
    lines = [t(lang, "article.regions")]
    item = "• {name} — {role}"
    for mention in card.regions[:DETAIL_ITEMS]:
        role = t(lang, f"article.role_{mention.role}")
        lines.append(markup(item, name=region_name(mention.region_id, lang), role=role))
    for country in card.national_level:
        national = t(lang, "article.national")
        lines.append(markup(item, name=region_name(country, lang), role=national))
    return join("\n", lines)


def _same_story_block(detail: ArticleDetail, lang: Lang) -> Html:
    lines = [t(lang, "article.same_story")]
    for version in detail.same_story[:DETAIL_ITEMS]:
        title = clip(version.title, TITLE_CHARS)
        if version.source:
            title = markup(
                "{title} ({source})", title=title, source=clip(version.source, FACT_CHARS)
            )
        command = escape(article_command(version.article_id))
        lines.append(markup("• {title} — {command}", title=title, command=command))
    return join("\n", lines)


def _escaped_pieces(text: str, limit: int) -> list[Html]:
    """Plain text as escaped paragraphs, each within `limit`, split between words."""
    pieces: list[Html] = []
    for paragraph in (p.strip() for p in text.split("\n")):
        if paragraph:
            pieces.extend(_split_words(paragraph, limit))
    return pieces


def _split_words(text: str, limit: int) -> list[Html]:
    pieces: list[Html] = []
    current: list[Html] = []
    length = 0
    for token in _tokens(text, limit // 6):  # escaping makes a character at most 6 long
        escaped = escape(token)
        if length + len(escaped) > limit and not is_blank(current):
            pieces.append(stripped(join("", current)))
            current, length = [], 0
        current.append(escaped)
        length += len(escaped)
    if not is_blank(current):
        pieces.append(stripped(join("", current)))
    return pieces


def is_blank(pieces: Sequence[Html]) -> bool:
    return all(not piece.strip() for piece in pieces)


def _tokens(text: str, longest: int) -> Iterable[str]:
    """Words and the spaces between them; a "word" longer than `longest` is cut (rare)."""
    for token in _BREAK.split(text):
        for start in range(0, len(token), longest):
            yield token[start : start + longest]


def split_messages(blocks: Sequence[Html], limit: int = MESSAGE_LIMIT) -> list[Html]:
    """Blocks (each within `limit`, each with balanced markup) packed into as few messages."""
    messages: list[Html] = []
    current: Html | None = None
    for block in blocks:
        candidate = join("\n\n", [current, block]) if current else block
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            messages.append(current)
        current = block
    if current:
        messages.append(current)
    return messages

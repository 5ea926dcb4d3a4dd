"""Layout of one article in full detail (/article N), split into messages within the limit."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape

from bot.links import article_command
from bot.render import (
    FACT_CHARS,
    MESSAGE_LIMIT,
    TITLE_CHARS,
    clip,
    fact_line,
    format_date,
    region_name,
    sector_label,
)
from bot.texts import t
from storage.models import ArticleCard, ArticleDetail

FULL_TITLE_CHARS = 1000
DETAIL_ITEMS = 30
_BREAK = re.compile(r"(\s+)")


def article_full(detail: ArticleDetail, lang: str) -> list[str]:
    """One article in full detail, as one or more messages each within Telegram's limit."""
    card = detail.card
    blocks = [f"<b>{clip(card.title, FULL_TITLE_CHARS)}</b>\n{_detail_meta(detail, lang)}"]
    if card.regions or card.national_level:
        blocks.append(_regions_block(card, lang))
    if card.sectors:
        labels = ", ".join(sector_label(s, lang) for s in card.sectors)
        blocks.append(t(lang, "article.sectors", items=labels))
    if card.summary.strip():
        first, *rest = _split_words(card.summary, MESSAGE_LIMIT // 2)
        blocks += [t(lang, "article.summary", text=first), *rest]
    if detail.facts:
        lines = [fact_line(fact, lang) for fact in detail.facts[:DETAIL_ITEMS]]
        blocks.append("\n".join([t(lang, "article.facts"), *lines]))
    if detail.same_story:
        blocks.append(_same_story_block(detail, lang))
    if detail.body:
        blocks.append(t(lang, "article.text"))
        blocks.extend(_escaped_pieces(detail.body, MESSAGE_LIMIT))
    return split_messages(blocks)


def _detail_meta(detail: ArticleDetail, lang: str) -> str:
    parts = [format_date(detail.card.date, lang)]
    if detail.source:
        parts.append(t(lang, "article.source", source=clip(detail.source, TITLE_CHARS)))
    parts.append(f"#{detail.card.id}")
    return " · ".join(parts)


def _regions_block(card: ArticleCard, lang: str) -> str:
    lines = [t(lang, "article.regions")]
    for mention in card.regions[:DETAIL_ITEMS]:
        role = t(lang, f"article.role_{mention.role}")
        lines.append(f"• {region_name(mention.region_id, lang)} — {role}")
    for country in card.national_level:
        lines.append(f"• {region_name(country, lang)} — {t(lang, 'article.national')}")
    return "\n".join(lines)


def _same_story_block(detail: ArticleDetail, lang: str) -> str:
    lines = [t(lang, "article.same_story")]
    for version in detail.same_story[:DETAIL_ITEMS]:
        source = f" ({clip(version.source, FACT_CHARS)})" if version.source else ""
        title = clip(version.title, TITLE_CHARS)
        lines.append(f"• {title}{source} — {article_command(version.article_id)}")
    return "\n".join(lines)


def _escaped_pieces(text: str, limit: int) -> list[str]:
    """Plain text as escaped paragraphs, each within `limit`, split between words."""
    pieces: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n")):
        if paragraph:
            pieces.extend(_split_words(paragraph, limit))
    return pieces


def _split_words(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for token in _tokens(text, limit // 6):  # escaping makes a character at most 6 long
        escaped = escape(token)
        if current.strip() and len(current) + len(escaped) > limit:
            pieces.append(current.strip())
            current = ""
        current += escaped
    if current.strip():
        pieces.append(current.strip())
    return pieces


def _tokens(text: str, longest: int) -> Iterable[str]:
    """Words and the spaces between them; a "word" longer than `longest` is cut (rare)."""
    for token in _BREAK.split(text):
        for start in range(0, len(token), longest):
            yield token[start : start + longest]


def split_messages(blocks: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Blocks (each within `limit`, each with balanced markup) packed into as few messages."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= limit:
            current = candidate
            continue
        if current:
            messages.append(current)
        current = block
    if current:
        messages.append(current)
    return messages

"""Layout of article lists: cards, overview headers, summary pages, names, dates, clipping.

All article text is escaped here; the wording comes from `bot.texts`. One article in full is
laid out by `bot.views.article`, keyboards by `bot.views.keyboards`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from bot.html import Html, bold, escape, join, markup
from bot.links import article_command, article_payload, deep_link
from bot.marking import marked_snippet
from bot.texts import label, t
from storage.models import ArticleCard, Fact, Lang, Overview, RegionMention
from storage.regions import get_region
from storage.sectors import get_sector

MESSAGE_LIMIT = 4096
TITLE_CHARS = 160
SUMMARY_CHARS = 400
FACT_CHARS = 160
NAMES_PER_SIDE = 3
CARD_SECTORS = 3
HEADER_ITEMS = 5
HEADER_FACTS = 3


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    head = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return head.rstrip(" ,;:—-") + "…"


def clip(text: str, limit: int) -> Html:
    """`text` shortened between words and escaped, at most `limit` characters once escaped."""
    plain = shorten(text, limit)
    while len(escaped := escape(plain)) > limit:
        plain = shorten(plain, max(1, len(plain) - (len(escaped) - limit) - 1))
    return escaped


def format_date(date: dt.date | None, lang: Lang) -> Html:
    return escape(date.strftime("%d.%m.%Y")) if date else t(lang, "card.date_unknown")


def format_span(first: dt.date | None, last: dt.date | None, lang: Lang) -> Html:
    if first is None or last is None:
        return t(lang, "card.date_unknown")
    if first == last:
        return format_date(first, lang)
    return join(" — ", [format_date(first, lang), format_date(last, lang)])


def plain_region_name(region_id: str, lang: Lang) -> str:
    """A region's display name; a country code (KZ, RU) names the country itself."""
    if region_id in {"KZ", "RU"}:
        return label(lang, f"country.{region_id}")
    region = get_region(region_id)
    return region.name(lang) if region else region_id


def plain_sector_label(sector_id: str, lang: Lang) -> str:
    sector = get_sector(sector_id)
    return sector.label(lang) if sector else sector_id


def region_name(region_id: str, lang: Lang) -> Html:
    return escape(plain_region_name(region_id, lang))


def sector_label(sector_id: str, lang: Lang) -> Html:
    return escape(plain_sector_label(sector_id, lang))


def _side(
    region_ids: Iterable[str],
    country: str,
    national: Sequence[str],
    lang: Lang,
    per_side: int = NAMES_PER_SIDE,
) -> Html:
    names = [region_name(r, lang) for r in region_ids if _country(r) == country]
    if not names and country in national:
        names = [region_name(country, lang)]
    shown = join(", ", names[:per_side])
    return markup("{shown} …", shown=shown) if len(names) > per_side else shown


def _country(region_id: str) -> str | None:
    region = get_region(region_id)
    return region.country if region else None


def region_pair(
    regions: Sequence[RegionMention],
    national: Sequence[str],
    lang: Lang,
    per_side: int = NAMES_PER_SIDE,
) -> Html:
    """ "Атырауская область ⇄ Астраханская область": the partners, Kazakhstan's side first,
    at most `per_side` names a side ("…" when there are more)."""
    partners = [m.region_id for m in regions if m.role == "partner"]
    sides = [_side(partners, country, national, lang, per_side) for country in ("KZ", "RU")]
    return join(" ⇄ ", [side for side in sides if side])


def article_card(card: ArticleCard, lang: Lang, username: str | None = None) -> Html:
    """One article as a list shows it: title, date, regions, sectors, summary, and `/aN` to open
    it, or a deep link to the bot named `username` for a message that leaves the bot's chat."""
    meta = [format_date(card.date, lang)]
    if pair := region_pair(card.regions, card.national_level, lang):
        meta.append(pair)
    lines = [bold(clip(card.title, TITLE_CHARS)), join(" · ", meta)]
    if card.sectors:
        labels = [sector_label(s, lang) for s in card.sectors[:CARD_SECTORS]]
        lines.append(markup("🏷 {labels}", labels=join(", ", labels)))
    if card.snippet:  # a search hit: the passage with the words, not the opening
        lines.append(marked_snippet(card.snippet))
    elif card.summary:
        lines.append(clip(card.summary, SUMMARY_CHARS))
    if username:
        url = escape(deep_link(username, article_payload(card.id)))
        lines.append(t(lang, "card.more_link", id=card.id, url=url))
    else:
        lines.append(t(lang, "card.more", id=card.id))
    return join("\n", lines)


def _counted(items: Iterable[tuple[str, int]], name: str, lang: Lang) -> Html:
    def named(key: str) -> Html:
        return sector_label(key, lang) if name == "sector" else region_name(key, lang)

    counted = [markup("{name} ({count})", name=named(key), count=count) for key, count in items]
    return join(", ", counted)


def across_border(overview: Overview, home: Sequence[str]) -> list[tuple[str, int]]:
    """Partner regions (and national levels) on the other side from the `home` regions."""
    countries = {_country(r) for r in home}
    partners = [*overview.partners, *overview.national_level]
    ranked = sorted(partners, key=lambda item: -item[1])
    return [
        (key, count)
        for key, count in ranked
        if key not in home and (key if key in {"KZ", "RU"} else _country(key)) not in countries
    ]


def overview_header(
    title: Html,
    overview: Overview,
    lang: Lang,
    home: Sequence[str] = (),
    sector: str | None = None,
) -> Html:
    """The summary of a selection: count, date span, partners, top sectors, latest key facts.

    `home` are the regions the summary is about (their partners across the border are listed),
    `sector` the sector it is about (left out of the top sectors).
    """
    lines = [bold(title), _count_line(overview, lang)]
    if overview.home_mentioned:
        lines.append(t(lang, "overview.home_mentioned", count=overview.home_mentioned))
    partners = across_border(overview, home)[:HEADER_ITEMS]
    if partners:
        key = "overview.partners" if home else "overview.regions"
        lines.append(t(lang, key, items=_counted(partners, "region", lang)))
    if sectors := [item for item in overview.sectors if item[0] != sector][:HEADER_ITEMS]:
        lines.append(t(lang, "overview.sectors", items=_counted(sectors, "sector", lang)))
    lines.extend(_mentioned_lines(overview, home, lang))
    if overview.facts:
        lines.append(t(lang, "overview.facts"))
        facts = overview.facts[:HEADER_FACTS]
        lines.extend(fact_line(fact, lang, article_id) for article_id, fact in facts)
    return join("\n", lines)


def _mentioned_lines(overview: Overview, home: Sequence[str], lang: Lang) -> list[Html]:
    """Apart from the partners: the regions the articles name without a part in the
    cooperation (a forum's venue, a consulate's seat)."""
    lines = []
    mentioned = [item for item in overview.mentioned if item[0] not in home][:HEADER_ITEMS]
    if mentioned:
        lines.append(t(lang, "overview.mentioned", items=_counted(mentioned, "region", lang)))
    return lines


def _count_line(overview: Overview, lang: Lang) -> Html:
    parts = [t(lang, "overview.count", count=overview.count)]
    if overview.dated_count:
        parts.append(format_span(overview.first_date, overview.last_date, lang))
    undated = overview.count - overview.dated_count
    if undated:
        parts.append(t(lang, "overview.undated", count=undated))
    return join(" · ", parts)


_FACT_ICONS = {"money": "💰", "agreement": "📝", "event": "📅"}


def fact_line(fact: Fact, lang: Lang, article_id: int | None = None) -> Html:
    line = join(" ", [escape(_FACT_ICONS.get(fact.kind, "•")), clip(fact.text, FACT_CHARS)])
    if article_id is None:
        return line
    return markup("{line} ({command})", line=line, command=escape(article_command(article_id)))


def join_within(blocks: Sequence[Html], limit: int = MESSAGE_LIMIT) -> Html:
    """Blocks joined by blank lines, leaving out whole trailing blocks that would pass `limit`."""
    taken: list[Html] = []
    length = -2
    for block in blocks:
        if length + 2 + len(block) > limit:
            break
        taken.append(block)
        length += 2 + len(block)
    return join("\n\n", taken)

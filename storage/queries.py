"""The SQL of an article selection: which table drives it, its filters, the newest-first key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from storage.fts import region_tag, sector_tag
from storage.models import Selection
from storage.search_syntax import Phrase, parse_search

# sort_key = date ordinal * DAY + id (0 * DAY + id when undated): unique, newest first when
# descending, undated after dated, and a date range is a key range. See 0001_archive.sql.
DAY = 1 << 32
_LAST_KEY = (dt.date.max.toordinal() + 1) * DAY - 1


def sort_key(date: dt.date | None, article_id: int) -> int:
    """The newest-first ordering key of an article."""
    return (date.toordinal() if date else 0) * DAY + article_id


def key_date(key: int | None) -> dt.date | None:
    """The date encoded in a sort key (None for an undated article or no key)."""
    if key is None or key < DAY:
        return None
    return dt.date.fromordinal(key // DAY)


@dataclass(slots=True)
class Filtered:
    """A selection as SQL parts: FROM source, WHERE conditions, its key and id expressions."""

    source: str
    key: str
    id: str
    where: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, condition: str, *params: Any) -> None:
        self.where.append(condition)
        self.params.extend(params)

    @property
    def clause(self) -> str:
        return f"FROM {self.source} WHERE {' AND '.join(self.where) or '1'}"

    def page_sql(self) -> str:
        """(id, key) newest first; bind params + [limit, offset]."""
        return (
            f"SELECT {self.id} AS id, {self.key} AS key {self.clause}"
            f" ORDER BY {self.key} DESC LIMIT ? OFFSET ?"
        )

    def cards_sql(self, total: str) -> str:
        """One page of card rows (any order: each has its key) with `total` in every row.

        Bind params + [limit, offset] + the parameters of `total`.
        """
        return f"WITH page AS ({self.page_sql()}) {CARD_COLUMNS.format(total=total)}"

    def capped_count_sql(self, cap: int) -> str:
        """The number of matches, counting no further than `cap`."""
        return f"SELECT count(*) FROM (SELECT 1 {self.clause} LIMIT {cap})"

    def count_sql(self) -> str:
        return f"SELECT count(*) {self.clause}"

    def span_sql(self) -> str:
        """count, dated count, oldest dated key, newest key."""
        return (
            f"SELECT count(*), count(nullif({self.key} >= {DAY}, 0)),"
            f" min(CASE WHEN {self.key} >= {DAY} THEN {self.key} END), max({self.key})"
            f" {self.clause}"
        )

    def undated_and_span_sql(self) -> str:
        """undated count, oldest dated key, newest key: index seeks and the (short) undated range,
        for a selection whose count is known already."""
        return (
            f"SELECT (SELECT count(*) {self.clause} AND {self.key} < {DAY}),"
            f" (SELECT min({self.key}) {self.clause} AND {self.key} >= {DAY}),"
            f" (SELECT max({self.key}) {self.clause})"
        )

    def ids_sql(self) -> str:
        """Every matching id, as a subquery with one column named id."""
        return f"SELECT {self.id} AS id {self.clause}"


# Card rows over a CTE `page(id, key)`: key, id, title, date, lang, national_level, summary,
# regions as JSON [[position, id, role, score]...], sectors as JSON [[rank, id]...], total.
CARD_COLUMNS = """
SELECT page.key, a.id, a.title, a.date, a.lang, a.national_level, a.summary,
    (SELECT json_group_array(json_array(r.position, r.region_id, r.role, r.score))
     FROM article_regions AS r WHERE r.article_id = a.id),
    (SELECT json_group_array(json_array(s.rank, s.sector_id))
     FROM article_sectors AS s WHERE s.article_id = a.id),
    {total}
FROM page JOIN articles AS a ON a.id = page.id
"""
CARDS_BY_ID_SQL = (
    "WITH page AS (SELECT value AS id, -key AS key FROM json_each(?)) "
    + CARD_COLUMNS.format(total="NULL")
)


def filtered(selection: Selection) -> Filtered | None:
    """The SQL parts of a selection; None when it cannot match anything (a query of no words).

    A text search or a pair of regions is driven by the full-text index: words, region and
    sector tags are intersected inside it and its rowid is the sort key. Otherwise the driving
    table is the first region's links, else the sector's links, else the articles; other
    criteria become probes by primary key, and a date range is a key range.
    """
    words = None
    phrases: tuple[Phrase, ...] = ()
    if selection.query is not None:
        search = parse_search(selection.query)
        words, phrases = search.match, search.phrases
        if words is None:
            return None
    if words is not None or len(selection.region_ids) > 1:
        parts = _full_text(selection, words)
    elif selection.region_ids:
        parts = Filtered("article_regions AS d", "d.sort_key", "d.article_id")
        parts.add("d.region_id = ?", selection.region_ids[0])
        if selection.role is not None:
            parts.add("d.role = ?", selection.role)
        _add_sector(parts, selection.sector)
    elif selection.sector is not None:
        parts = Filtered("article_sectors AS d", "d.sort_key", "d.article_id")
        parts.add("d.sector_id = ?", selection.sector)
    else:
        parts = Filtered("articles AS d", "d.sort_key", "d.id")
    _add_dates(parts, selection)
    if selection.loaded_after is not None:
        parts.add(f"{parts.id} > ?", selection.loaded_after)
    for phrase in phrases:
        parts.add(PHRASE_CONDITION.format(id=parts.id), phrase.pattern)
    return parts


# An "exact phrase": its words next to each other in the article (the index has no positions).
PHRASE_CONDITION = """EXISTS (SELECT 1 FROM articles AS p WHERE p.id = {id}
    AND phrase_found(p.title || ' ' || p.summary || ' ' || article_body(p.body_zlib), ?))"""


def _full_text(selection: Selection, words: str | None) -> Filtered:
    partner = selection.role == "partner"
    terms = [f"({words})"] if words else []
    terms += [f'"{region_tag(region, partner=partner)}"' for region in selection.region_ids]
    if selection.sector is not None:
        terms.append(f'"{sector_tag(selection.sector)}"')
    parts = Filtered("articles_fts", "articles_fts.rowid", f"(articles_fts.rowid % {DAY})")
    parts.add("articles_fts MATCH ?", " AND ".join(terms))
    if selection.role == "mentioned":  # rare: no tag for it, so probe the links
        for region in selection.region_ids:
            parts.add(
                "EXISTS (SELECT 1 FROM article_regions AS r WHERE r.article_id = "
                f"{parts.id} AND r.region_id = ? AND r.role = 'mentioned')",
                region,
            )
    return parts


def _add_sector(parts: Filtered, sector: str | None) -> None:
    if sector is not None:
        parts.add(
            "EXISTS (SELECT 1 FROM article_sectors AS s"
            f" WHERE s.article_id = {parts.id} AND s.sector_id = ?)",
            sector,
        )


def _add_dates(parts: Filtered, selection: Selection) -> None:
    if selection.since is not None or selection.until is not None:
        low = selection.since.toordinal() * DAY if selection.since else DAY
        high = (selection.until.toordinal() + 1) * DAY - 1 if selection.until else _LAST_KEY
        parts.add(f"{parts.key} BETWEEN ? AND ?", low, high)

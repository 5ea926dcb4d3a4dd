"""Exporting a selection of articles as rows: CSV (UTF-8 with BOM) or XLSX, one query streamed
in batches.

Sectors are split as the archive keeps them: main sectors (what the article is about,
`article_sectors`) and other sectors (named in passing, `article_sectors_mentioned`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any, Literal

import aiosqlite

from storage.export_files import CsvFile, ExportFile
from storage.export_xlsx import XlsxFile
from storage.models import Lang, Selection
from storage.queries import Filtered, filtered
from storage.regions import all_regions
from storage.sectors import all_sectors

Format = Literal["csv", "xlsx"]
MAX_ROWS = 100_000
BATCH = 2_000
REMEMBERED = 20_000  # combinations of links whose names an export remembers
HEADER = (
    "id", "date", "title", "language", "partner_regions", "mentioned_regions", "main_sectors",
    "other_sectors", "summary", "url", "outlet", "story_id",
)  # fmt: skip
# One streaming query: a selection's articles newest first ({source}, {id}, {where}, {key} are
# its SQL parts, see storage/queries.py), the selection's table driving the loop (CROSS JOIN) so
# its index gives the order. Regions come as role initial + id ("pkz-atyrau mru-omsk"),
# sectors as ids, each in the archive's order, separated by spaces.
SELECT_ROWS = """
SELECT a.id, a.date, a.title, a.lang, a.summary, a.url, a.source, a.story_id,
    (SELECT group_concat(link, ' ') FROM (SELECT substr(role, 1, 1) || region_id AS link
        FROM article_regions WHERE article_id = a.id ORDER BY position)),
    (SELECT group_concat(sector_id, ' ') FROM (SELECT sector_id
        FROM article_sectors WHERE article_id = a.id ORDER BY rank)),
    (SELECT group_concat(sector_id, ' ') FROM (SELECT sector_id
        FROM article_sectors_mentioned WHERE article_id = a.id ORDER BY rank))
FROM {source} CROSS JOIN articles AS a ON a.id = {id}
WHERE {where} ORDER BY {key} DESC LIMIT ?
"""


def neutralised(value: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @ first) is kept as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class Names:
    """Region and sector names in the export's language, looked up once per export; the names
    of a combination of links are remembered (combinations recur: the same pairs, the same
    sectors), up to REMEMBERED of them."""

    def __init__(self, lang: Lang) -> None:
        self._regions = {region.id: region.name(lang) for region in all_regions()}
        self._sectors = {sector.id: sector.label(lang) for sector in all_sectors()}
        self._of_links: dict[str, tuple[str, str]] = {}
        self._of_sectors: dict[str, str] = {}

    def regions_of(self, links: str | None) -> tuple[str, str]:
        """The partner and the mentioned regions' names of an article's links."""
        if not links:
            return "", ""
        names = self._of_links.get(links)
        if names is None:
            tokens = links.split(" ")
            names = (self._joined(tokens, "p"), self._joined(tokens, "m"))
            if len(self._of_links) < REMEMBERED:
                self._of_links[links] = names
        return names

    def sectors_of(self, sector_ids: str | None) -> str:
        if not sector_ids:
            return ""
        names = self._of_sectors.get(sector_ids)
        if names is None:
            found = map(self._sectors.get, sector_ids.split(" "))
            names = "; ".join(name for name in found if name)
            if len(self._of_sectors) < REMEMBERED:
                self._of_sectors[sector_ids] = names
        return names

    def _joined(self, tokens: list[str], role: str) -> str:
        found = (self._regions.get(token[1:]) for token in tokens if token[:1] == role)
        return "; ".join(name for name in found if name)


def export_row(row: Any, names: Names) -> tuple[object, ...]:
    """One database row as the export's cells (in HEADER's order)."""
    article_id, date, title, article_lang, summary, url, outlet, story_id = row[:8]
    partners, mentioned = names.regions_of(row[8])
    return (
        article_id,
        dt.date.fromisoformat(date) if date else None,
        neutralised(title),
        article_lang,
        partners,
        mentioned,
        names.sectors_of(row[9]),
        names.sectors_of(row[10]),
        neutralised(summary),
        neutralised(url) if url else None,
        neutralised(outlet) if outlet else None,
        story_id,
    )


def rows_sql(parts: Filtered) -> str:
    """The export's query of a selection; bind the selection's params, then the limit."""
    where = " AND ".join(parts.where) or "1"
    return SELECT_ROWS.format(source=parts.source, id=parts.id, where=where, key=parts.key)


def _open(path: Path, file_format: Format) -> ExportFile:
    if file_format == "xlsx":
        return XlsxFile(path, HEADER)
    return CsvFile(path, HEADER)


async def export_selection(
    db: aiosqlite.Connection,
    selection: Selection,
    path: Path,
    file_format: Format = "csv",
    *,
    lang: Lang = "ru",
    limit: int = MAX_ROWS,
) -> int:
    """Write a selection into a file at `path`; returns the number of rows (header excluded).

    One query streams the rows, a batch at a time, and a worker thread writes each batch while
    the next is read, so neither memory nor the event loop holds the whole selection.
    """
    parts = filtered(selection)
    file = _open(path, file_format)
    count, names = 0, Names(lang)
    writing: asyncio.Future[None] | None = None
    try:
        if parts is None:  # a query of no words: a file with the header only
            return 0
        async with db.execute(rows_sql(parts), [*parts.params, limit]) as cursor:
            while rows := await cursor.fetchmany(BATCH):
                cells = [export_row(row, names) for row in rows]
                if writing is not None:
                    await writing  # one batch in the writer's hands at a time
                writing = asyncio.ensure_future(asyncio.to_thread(file.write_rows, cells))
                count += len(cells)
    finally:
        try:
            if writing is not None:
                await writing
        finally:
            await asyncio.to_thread(file.close)
    return count

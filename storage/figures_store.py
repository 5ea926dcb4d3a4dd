"""Turnover figures in the archive: read from changed articles at load time, listed by region."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

import aiosqlite

from storage.reading.figures import Bound, Figure, Measure, find_figures
from storage.regions import find_region_hits

BATCH = 200
MAX_LISTED = 50

# An article's version: its file's hash and its reading's digest (a new reader may change the
# body of an unchanged file).
SELECT_UNREAD = """
SELECT a.id FROM articles AS a LEFT JOIN figures_read AS f ON f.article_id = a.id
WHERE f.sha256 IS NOT a.sha256 || ':' || a.reading_sha256
"""
SELECT_BODIES = """
SELECT a.id, a.sha256 || ':' || a.reading_sha256, article_body(a.body_zlib),
    (SELECT group_concat(r.region_id) FROM article_regions AS r
     WHERE r.article_id = a.id AND r.role = 'partner')
FROM articles AS a WHERE a.id IN (SELECT value FROM json_each(?))
"""
DELETE_FIGURES = "DELETE FROM figures WHERE article_id IN (SELECT value FROM json_each(?))"
DELETE_READ = "DELETE FROM figures_read WHERE article_id IN (SELECT value FROM json_each(?))"
SELECT_NEXT_FIGURE_ID = "SELECT coalesce(max(id), 0) + 1 FROM figures"
INSERT_READ = "INSERT INTO figures_read (article_id, sha256) VALUES (?, ?)"
INSERT_FIGURE = """
INSERT INTO figures (id, article_id, position, measure, value, value_high, currency, bound,
                     year, countries, text)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_FIGURE_REGION = "INSERT OR IGNORE INTO figure_regions (figure_id, region_id) VALUES (?, ?)"
# {regions} is one "SELECT figure_id ... WHERE region_id = ?" per region, INTERSECTed.
SELECT_FIGURES = """
SELECT f.article_id, a.source, f.measure, f.value, f.value_high, f.currency, f.bound,
    f.year, f.countries, f.text,
    (SELECT group_concat(region_id) FROM figure_regions WHERE figure_id = f.id)
FROM figures AS f JOIN articles AS a ON a.id = f.article_id
WHERE f.id IN ({regions})
ORDER BY f.year IS NULL, f.year DESC, a.sort_key DESC, f.position
LIMIT ?
"""
_BY_REGION = "SELECT figure_id FROM figure_regions WHERE region_id = ?"
SELECT_VERSION = "SELECT version FROM archive_version WHERE id = 1"

_COUNTRIES = (
    ("RU", re.compile(r"\b(?:Росси\w*|РФ|Ресей\w*|Russia)\b", re.IGNORECASE)),
    ("KZ", re.compile(r"\b(?:Казахстан\w*|Қазақстан\w*|РК|ҚР|Kazakhstan)\b", re.IGNORECASE)),
    ("CN", re.compile(r"\b(?:Кита\w*|Қытай\w*|China)\b", re.IGNORECASE)),
)


@dataclass(frozen=True, slots=True)
class StoredFigure:
    """A figure as the archive keeps it: its article, the regions and countries it is about."""

    figure: Figure
    article_id: int
    outlet: str | None
    regions: tuple[str, ...]
    countries: tuple[str, ...]


def countries_named(sentence: str) -> tuple[str, ...]:
    """The country codes a sentence names (Россия, Қазақстан, Китай...), in a fixed order."""
    return tuple(code for code, pattern in _COUNTRIES if pattern.search(sentence))


def regions_of(figure: Figure, partners: Sequence[str]) -> tuple[str, ...]:
    """The regions a figure is about: those its sentence names, else the article's partners."""
    named = tuple(dict.fromkeys(hit.value for hit in find_region_hits(figure.text)))
    return named or tuple(partners)


async def sync_figures(db: aiosqlite.Connection) -> int:
    """Read the figures of every article stored or changed since they were last read.

    Runs inside the caller's write transaction, a batch of articles at a time: the sentences are
    read in a worker thread, the rows written with one statement each; returns how many
    articles were read.
    """
    ids = [row[0] for row in await db.execute_fetchall(SELECT_UNREAD)]
    ((next_id,),) = await db.execute_fetchall(SELECT_NEXT_FIGURE_ID)
    for start in range(0, len(ids), BATCH):
        batch = json.dumps(ids[start : start + BATCH])
        articles = list(await db.execute_fetchall(SELECT_BODIES, (batch,)))
        rows = await asyncio.to_thread(_figure_rows, articles, next_id)
        next_id += len(rows.figures)
        await db.execute(DELETE_FIGURES, (batch,))
        await db.execute(DELETE_READ, (batch,))
        await db.executemany(INSERT_FIGURE, rows.figures)
        await db.executemany(INSERT_FIGURE_REGION, rows.regions)
        await db.executemany(INSERT_READ, [(article_id, sha) for article_id, sha, *_ in articles])
    return len(ids)


@dataclass(slots=True)
class _Rows:
    figures: list[tuple[object, ...]]
    regions: list[tuple[int, str]]


def _figure_rows(articles: Sequence[Any], first_id: int) -> _Rows:
    """The figure and figure-region rows of a batch of (id, sha256, body, partners) rows."""
    rows = _Rows([], [])
    for article_id, _sha, body, partners in articles:
        partner_ids = [p for p in (partners or "").split(",") if p]
        for position, figure in enumerate(find_figures(body)):
            figure_id = first_id + len(rows.figures)
            countries = ",".join(countries_named(figure.text))
            values = (figure.value, figure.value_high, figure.currency, figure.bound, figure.year)
            row = (
                figure_id,
                article_id,
                position,
                figure.measure,
                *values,
                countries,
                figure.text,
            )
            rows.figures.append(row)
            rows.regions += [(figure_id, r) for r in regions_of(figure, partner_ids)]
    return rows


async def figures_about(
    db: aiosqlite.Connection, region_ids: Sequence[str], limit: int = MAX_LISTED
) -> list[StoredFigure]:
    """The figures about all of these regions, the latest year first (undated last)."""
    if not region_ids:
        return []
    sql = SELECT_FIGURES.format(regions=" INTERSECT ".join([_BY_REGION] * len(region_ids)))
    rows = await db.execute_fetchall(sql, (*region_ids, limit))
    return [_stored(row) for row in rows]


async def archive_version(db: aiosqlite.Connection) -> int:
    """A number that changes whenever articles or their figures change."""
    ((version,),) = await db.execute_fetchall(SELECT_VERSION)
    return int(version)


class Figures:
    """The figures repository on the archive's read-only connection."""

    def __init__(self, reader: aiosqlite.Connection) -> None:
        self._reader = reader

    async def about(self, region_ids: Sequence[str]) -> list[StoredFigure]:
        """The figures about all of these regions, the latest year first (undated last)."""
        return await figures_about(self._reader, region_ids)

    async def version(self) -> int:
        """The archive's version: pictures drawn from it are cached under it."""
        return await archive_version(self._reader)


def _stored(row: Any) -> StoredFigure:
    article_id, outlet, measure, value, high, currency, bound, year = row[:8]
    countries, text, regions = row[8:]
    figure = Figure(
        measure=cast(Measure, measure),
        value=value,
        currency=currency,
        bound=cast(Bound, bound),
        year=year,
        text=text,
        value_high=high,
    )
    return StoredFigure(
        figure=figure,
        article_id=article_id,
        outlet=outlet,
        regions=tuple((regions or "").split(",")) if regions else (),
        countries=tuple(countries.split(",")) if countries else (),
    )

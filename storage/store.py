"""Writing articles into the archive: rows, region and sector links, facts (in a transaction)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import aiosqlite

from storage.article_text import pack_body
from storage.facets import Counts, add_counts, stored_counts
from storage.fts import tags_text
from storage.identity import article_url
from storage.models import ArticleRecord, RegionMention
from storage.queries import sort_key

SELECT_FILES = "SELECT file, id, sha256 FROM articles"
SELECT_NEXT_ID = """
SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'articles'), 0),
           coalesce((SELECT max(id) FROM articles), 0)) + 1
"""
SELECT_REGION_IDS = "SELECT id FROM regions"
SELECT_SECTOR_IDS = "SELECT id FROM sectors"
INSERT_ARTICLE = """
INSERT INTO articles (id, file, sha256, title, date, lang, source, national_level, sort_key,
                      tags, summary, body_zlib, content_key, url, reader_version,
                      reading_sha256)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
UPDATE_ARTICLE = """
UPDATE articles SET file = ?, sha256 = ?, title = ?, date = ?, lang = ?, source = ?,
    national_level = ?, sort_key = ?, tags = ?, summary = ?, body_zlib = ?, content_key = ?,
    url = ?, reader_version = ?, reading_sha256 = ?, story_id = NULL,
    loaded_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
WHERE id = ?
"""
SELECT_READINGS = "SELECT file, reader_version, reading_sha256 FROM articles"
SELECT_IDS_OF_FILES = "SELECT id FROM articles WHERE file IN (SELECT value FROM json_each(?))"
DELETE_ARTICLES = "DELETE FROM articles WHERE file IN (SELECT value FROM json_each(?))"
DELETE_REGION_LINKS = "DELETE FROM article_regions WHERE article_id = ?"
DELETE_SECTOR_LINKS = "DELETE FROM article_sectors WHERE article_id = ?"
DELETE_MENTIONED_SECTOR_LINKS = "DELETE FROM article_sectors_mentioned WHERE article_id = ?"
DELETE_FACTS = "DELETE FROM facts WHERE article_id = ?"
INSERT_REGION_LINK = """
INSERT INTO article_regions (article_id, region_id, role, score, position, sort_key)
VALUES (?, ?, ?, ?, ?, ?)
"""
INSERT_SECTOR_LINK = """
INSERT INTO article_sectors (article_id, sector_id, rank, sort_key) VALUES (?, ?, ?, ?)
"""
INSERT_MENTIONED_SECTOR_LINK = """
INSERT INTO article_sectors_mentioned (article_id, sector_id, rank) VALUES (?, ?, ?)
"""
INSERT_FACT = """
INSERT INTO facts (article_id, position, kind, text, sort_key) VALUES (?, ?, ?, ?, ?)
"""


@dataclass(frozen=True, slots=True)
class Catalogue:
    """The region and sector ids the archive knows; links to anything else are dropped."""

    regions: frozenset[str]
    sectors: frozenset[str]


@dataclass(frozen=True, slots=True)
class NewArticle:
    """One article to write: its id (assigned by the caller), file name, hash, record, its
    identity (storage/identity.py), and which reader version made the record (with a digest of
    the reading).

    The raw text is not kept: it is the file itself, identified by its name and hash.
    """

    id: int
    file: str
    sha256: str
    record: ArticleRecord
    content_key: str | None = None  # None: never matched by content (made, not read)
    reader_version: int = 0
    reading_sha256: str = ""

    @property
    def key(self) -> int:
        return sort_key(self.record.date, self.id)


@dataclass(frozen=True, slots=True)
class _Rows:
    """The rows of one article: its columns and its links to known regions and sectors."""

    article: NewArticle
    regions: list[RegionMention]
    sectors: list[str]  # the main ones
    mentioned_sectors: list[str]

    @classmethod
    def of(cls, article: NewArticle, catalogue: Catalogue) -> _Rows:
        record = article.record
        mentions = (m for m in record.regions if m.region_id in catalogue.regions)
        sectors = list(dict.fromkeys(s for s in record.sectors if s in catalogue.sectors))
        mentioned = [s for s in dict.fromkeys(record.mentioned_sectors) if s in catalogue.sectors]
        mentioned = [s for s in mentioned if s not in sectors]
        return cls(article, _first_of_each(mentions), sectors, mentioned)

    def add_counts_to(self, counts: Counts) -> None:
        regions = [(m.region_id, m.role) for m in self.regions]
        record = self.article.record
        counts.add_article(record.date, regions, self.sectors, record.national_level)

    def columns(self) -> tuple[object, ...]:
        a, r = self.article, self.article.record
        date = r.date.isoformat() if r.date else None
        national = ",".join(r.national_level)
        tags = tags_text([(m.region_id, m.role == "partner") for m in self.regions], self.sectors)
        return (
            a.file, a.sha256, r.title, date, r.lang, r.source, national, a.key, tags,
            r.summary, pack_body(r.body), a.content_key, article_url(r.url or r.source),
            a.reader_version, a.reading_sha256,
        )  # fmt: skip


async def existing_files(db: aiosqlite.Connection) -> dict[str, tuple[int, str]]:
    """file name -> (article id, sha256) of everything in the archive."""
    async with db.execute(SELECT_FILES) as cursor:
        return {file: (article_id, digest) for file, article_id, digest in await cursor.fetchall()}


async def stored_readings(db: aiosqlite.Connection) -> dict[str, tuple[int, str]]:
    """file name -> (reader version, reading digest) of everything in the archive."""
    async with db.execute(SELECT_READINGS) as cursor:
        return {file: (version, digest) for file, version, digest in await cursor.fetchall()}


async def next_article_id(db: aiosqlite.Connection) -> int:
    """The id the next new article gets: ids only grow, even past deleted articles."""
    async with db.execute(SELECT_NEXT_ID) as cursor:
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def known_catalogue(db: aiosqlite.Connection) -> Catalogue:
    async with db.execute(SELECT_REGION_IDS) as cursor:
        regions = frozenset(row[0] for row in await cursor.fetchall())
    async with db.execute(SELECT_SECTOR_IDS) as cursor:
        sectors = frozenset(row[0] for row in await cursor.fetchall())
    return Catalogue(regions, sectors)


async def insert_articles(
    db: aiosqlite.Connection, articles: Sequence[NewArticle], catalogue: Catalogue
) -> None:
    """Insert new articles with their links and facts (ids chosen by the caller)."""
    rows = [_Rows.of(article, catalogue) for article in articles]
    await db.executemany(INSERT_ARTICLE, [(r.article.id, *r.columns()) for r in rows])
    await _insert_links(db, rows)
    counts = Counts()
    for r in rows:
        r.add_counts_to(counts)
    await add_counts(db, counts)


async def update_article(
    db: aiosqlite.Connection, article: NewArticle, catalogue: Catalogue
) -> None:
    """Replace an article's content, keeping its id; links and facts are rewritten."""
    rows = _Rows.of(article, catalogue)
    await add_counts(db, await stored_counts(db, [article.id]), sign=-1)
    await db.execute(UPDATE_ARTICLE, (*rows.columns(), article.id))
    for sql in (
        DELETE_REGION_LINKS,
        DELETE_SECTOR_LINKS,
        DELETE_MENTIONED_SECTOR_LINKS,
        DELETE_FACTS,
    ):
        await db.execute(sql, (article.id,))
    await _insert_links(db, [rows])
    counts = Counts()
    rows.add_counts_to(counts)
    await add_counts(db, counts)


async def delete_articles(db: aiosqlite.Connection, files: Sequence[str]) -> None:
    """Remove articles by file name; links and facts go with them (ON DELETE CASCADE)."""
    if not files:
        return
    async with db.execute(SELECT_IDS_OF_FILES, (json.dumps(list(files)),)) as cursor:
        ids = [row[0] for row in await cursor.fetchall()]
    await add_counts(db, await stored_counts(db, ids), sign=-1)
    await db.execute(DELETE_ARTICLES, (json.dumps(list(files)),))


async def _insert_links(db: aiosqlite.Connection, rows: Sequence[_Rows]) -> None:
    regions, sectors, mentioned, facts = [], [], [], []
    for r in rows:
        a = r.article
        regions += [
            (a.id, m.region_id, m.role, m.score, i, a.key) for i, m in enumerate(r.regions)
        ]
        sectors += [(a.id, sector, rank, a.key) for rank, sector in enumerate(r.sectors)]
        mentioned += [(a.id, sector, rank) for rank, sector in enumerate(r.mentioned_sectors)]
        facts += [(a.id, i, f.kind, f.text, a.key) for i, f in enumerate(a.record.facts)]
    await db.executemany(INSERT_REGION_LINK, regions)
    await db.executemany(INSERT_SECTOR_LINK, sectors)
    await db.executemany(INSERT_MENTIONED_SECTOR_LINK, mentioned)
    await db.executemany(INSERT_FACT, facts)


def _first_of_each(mentions: Iterable[RegionMention]) -> list[RegionMention]:
    """The mentions in order, each region once (its first, most relevant, mention)."""
    first: dict[str, RegionMention] = {}
    for mention in mentions:
        first.setdefault(mention.region_id, mention)
    return list(first.values())

"""Helpers for archive tests: a copy of the seeds, a throwaway database, hand-made records."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from storage.db import Database
from storage.models import ArticleRecord, Fact, RegionMention, Role
from storage.store import NewArticle, insert_articles, known_catalogue, next_article_id

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(path.name for path in SEEDS.glob("*.txt"))


def copy_seeds(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in SEED_FILES:
        shutil.copyfile(SEEDS / name, folder / name)
    return folder


def seed_named(prefix: str) -> str:
    """The seed file whose name starts with a prefix such as "003"."""
    return next(name for name in SEED_FILES if name.startswith(prefix))


def record(
    title: str,
    body: str,
    *,
    date: dt.date | None = None,
    regions: tuple[tuple[str, Role], ...] = (),
    sectors: tuple[str, ...] = (),
    facts: tuple[Fact, ...] = (),
    lang: str = "ru",
) -> ArticleRecord:
    return ArticleRecord(
        title=title,
        date=date,
        lang=lang,
        source=None,
        regions=tuple(RegionMention(region, role) for region, role in regions),
        national_level=(),
        sectors=sectors,
        summary=body[:200],
        facts=facts,
        body=body,
    )


async def store_records(database: Database, records: list[ArticleRecord]) -> list[int]:
    """Write hand-made records straight into the archive; returns their ids."""
    async with database.transaction() as writer:
        first = await next_article_id(writer)
        articles = [
            NewArticle(first + i, f"made-{first + i}.txt", f"sha{first + i}", item)
            for i, item in enumerate(records)
        ]
        await insert_articles(writer, articles, await known_catalogue(writer))
    return [article.id for article in articles]

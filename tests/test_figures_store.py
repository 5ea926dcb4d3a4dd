"""Turnover figures in the archive: read once per article version, gone with the article."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.db import Database
from storage.figures_store import Figures, archive_version, figures_about, sync_figures
from storage.store import NewArticle, delete_articles, known_catalogue, update_article
from tests.analyst_fixtures import analyst_archive, analyst_records


@pytest.fixture
async def archive_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = await analyst_archive(tmp_path / "analyst.sqlite3", count=20)
    yield database
    await database.close()


async def test_figures_about_a_pair_and_its_regions(archive_db: Database) -> None:
    pair = await figures_about(archive_db.reader, ["kz-atyrau", "ru-astrakhan"])
    assert [(f.figure.year, f.figure.value, f.figure.currency) for f in pair] == [
        (2023, 1.9e9, "USD"), (2022, 1.4e9, "USD"), (2021, 1.1e9, "USD"),
    ]  # fmt: skip
    assert pair[1].figure.bound == "more"
    assert set(pair[0].regions) == {"kz-atyrau", "ru-astrakhan"}
    assert await figures_about(archive_db.reader, ["kz-atyrau"]) == pair
    assert await figures_about(archive_db.reader, ["ru-omsk"]) == []


async def test_a_changed_article_is_read_again_and_a_removed_one_leaves(
    archive_db: Database,
) -> None:
    version = await archive_version(archive_db.reader)
    async with archive_db.transaction() as writer:
        assert await sync_figures(writer) == 0  # nothing changed since the last reading
        record = analyst_records(20)[0]
        changed = dataclasses.replace(
            record, body="Товарооборот в 2021 году составил 5 млрд рублей (Атырау, Астрахань)."
        )
        article = NewArticle(1, "made-1.txt", "sha-new", changed)
        await update_article(writer, article, await known_catalogue(writer))
        assert await sync_figures(writer) == 1
    figures = await figures_about(archive_db.reader, ["kz-atyrau", "ru-astrakhan"])
    assert (2021, 5e9, "RUB") in [
        (f.figure.year, f.figure.value, f.figure.currency) for f in figures
    ]
    assert (2021, 1.1e9, "USD") not in [
        (f.figure.year, f.figure.value, f.figure.currency) for f in figures
    ]
    assert await archive_version(archive_db.reader) > version
    async with archive_db.transaction() as writer:
        await delete_articles(writer, ["made-1.txt"])
    left = await figures_about(archive_db.reader, ["kz-atyrau", "ru-astrakhan"])
    assert all(f.article_id != 1 for f in left)
    assert len(left) == 2


async def test_a_new_reading_of_an_unchanged_file_is_read_again(archive_db: Database) -> None:
    """A new reader may change the body of a file whose bytes did not change."""
    record = analyst_records(20)[1]
    reread = dataclasses.replace(
        record, body="Инвестиции в 2022 году составили 3 млрд тенге (Атырау, Астрахань)."
    )
    same_file = NewArticle(
        2, "made-2.txt", "sha2", reread, reader_version=2, reading_sha256="reading-2"
    )
    async with archive_db.transaction() as writer:
        await update_article(writer, same_file, await known_catalogue(writer))
        assert await sync_figures(writer) == 1
        assert await sync_figures(writer) == 0
    found = await Figures(archive_db.reader).about(["kz-atyrau", "ru-astrakhan"])
    assert ("investment", 2022, 3e9, "KZT") in [
        (f.figure.measure, f.figure.year, f.figure.value, f.figure.currency) for f in found
    ]

"""An article is its content (and its URL when it has one), not its file name: renaming a file
or saving the same text under another name keeps the id, sends nothing again, keeps links."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storage import db as db_module
from storage import outbox
from storage.db import Database, shipped_migrations
from storage.identity import article_url, content_key
from storage.loader import load_directory
from storage.repository import Archive
from storage.subscriptions import Subscription
from tests.archive_fixtures import copy_seeds
from tests.digest_support import subscriber

NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
ARTICLE = (
    "Атырауская и Астраханская области договорились о турах по дельте Волги\n\n"
    "27.11.2022 00:00\n\n"
    "Атырауская область Казахстана и Астраханская область России подписали соглашение о "
    "сотрудничестве в сфере туризма на 2023–2026 годы.\n\n"
    "Источник: https://Example.KZ/news/2022/11/atyrau-astrakhan#top\n"
)


async def ids_by_file(database: Database) -> dict[str, int]:
    async with database.reader.execute("SELECT file, id FROM articles") as cursor:
        return {str(file): int(article_id) for file, article_id in await cursor.fetchall()}


@pytest.fixture
async def archive(tmp_path: Path) -> tuple[Database, Path]:
    seeds = copy_seeds(tmp_path / "seeds")
    (seeds / "atyrau.txt").write_text(ARTICLE, "utf-8")
    database = await Database.open(tmp_path / "archive.sqlite3")
    await load_directory(database, seeds)
    await subscriber(database, 700, Subscription("region", "kz-atyrau"))
    return database, seeds


async def close(database: Database) -> None:
    await database.close()


async def test_a_renamed_file_keeps_its_id_its_link_and_is_not_sent_again(
    archive: tuple[Database, Path],
) -> None:
    database, seeds = archive
    try:
        old_id = (await ids_by_file(database))["atyrau.txt"]
        (seeds / "atyrau.txt").rename(seeds / "2022-11-atyrau-tours.txt")
        report = await load_directory(database, seeds)
        assert report.removed == []
        assert report.added == []
        assert report.updated == ["2022-11-atyrau-tours.txt"]
        assert report.new_article_ids == []
        assert (await ids_by_file(database))["2022-11-atyrau-tours.txt"] == old_id
        detail = await Archive(database.reader).article(old_id)  # /article N still works
        assert detail is not None
        assert "дельте Волги" in detail.card.title
        assert detail.file == "2022-11-atyrau-tours.txt"
        assert await outbox.plan_instant(database, NOW) == 0
    finally:
        await close(database)


async def test_the_same_text_under_another_name_is_the_same_article(
    archive: tuple[Database, Path],
) -> None:
    database, seeds = archive
    try:
        before = await ids_by_file(database)
        # Saved again by another editor: CRLF line ends, a BOM, trailing spaces.
        copy = "\ufeff" + ARTICLE.replace("\n", "  \r\n")
        (seeds / "report_2024.txt").write_bytes(copy.encode("utf-8"))
        report = await load_directory(database, seeds)
        assert report.added == []
        assert report.rejected == [
            ("report_2024.txt", "The same article is already in the archive as atyrau.txt.")
        ]
        assert await ids_by_file(database) == before
        assert await outbox.plan_instant(database, NOW) == 0
    finally:
        await close(database)


async def test_a_corrected_text_under_a_new_name_with_the_same_url_keeps_the_id(
    archive: tuple[Database, Path],
) -> None:
    database, seeds = archive
    try:
        old_id = (await ids_by_file(database))["atyrau.txt"]
        (seeds / "atyrau.txt").unlink()
        corrected = ARTICLE.replace("2023–2026", "2023–2027")
        (seeds / "atyrau-corrected.txt").write_text(corrected, "utf-8")
        report = await load_directory(database, seeds)
        assert report.updated == ["atyrau-corrected.txt"]
        assert (await ids_by_file(database))["atyrau-corrected.txt"] == old_id
        detail = await Archive(database.reader).article(old_id)
        assert detail is not None
        assert "2023–2027" in detail.body
        assert await outbox.plan_instant(database, NOW) == 0
    finally:
        await close(database)


OLD_ROW = """
INSERT INTO articles (id, file, sha256, title, lang, source, sort_key, summary, body, raw)
VALUES (7, 'old-name.txt', 'old', 'Old title', 'ru', ?, 7, 'summary', 'body', ?)
"""


async def test_an_archive_from_before_identities_keeps_its_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything = shipped_migrations()
    before_lighter = [m for m in everything if m.name < "0010"]
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: before_lighter)
    database = await Database.open(tmp_path / "archive.sqlite3")
    source = "https://Example.KZ/news/2022/11/atyrau-astrakhan#top"
    async with database.transaction() as writer:  # a row as migration 0006 left it: no identity
        await writer.execute(OLD_ROW, (source, ARTICLE))
    await database.close()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: everything)
    # Migration 0010 computes the identity from the raw text, then drops the text.
    database = await Database.open(tmp_path / "archive.sqlite3")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "renamed.txt").write_text(ARTICLE, "utf-8")
    try:
        async with database.reader.execute("SELECT content_key, url FROM articles") as cursor:
            rows = [tuple(row) for row in await cursor.fetchall()]
        assert rows == [(content_key(ARTICLE), article_url(source))]
        report = await load_directory(database, seeds)
        assert report.added == report.removed == []
        assert await ids_by_file(database) == {"renamed.txt": 7}
    finally:
        await close(database)


async def test_a_new_text_is_still_a_new_article(archive: tuple[Database, Path]) -> None:
    database, seeds = archive
    try:
        last = max((await ids_by_file(database)).values())
        other = ARTICLE.replace("туризма", "торговли").replace("news/2022/11", "news/2022/12")
        (seeds / "trade.txt").write_text(other, "utf-8")
        report = await load_directory(database, seeds)
        assert report.new_article_ids == [last + 1]
        assert await outbox.plan_instant(database, NOW) == 1
    finally:
        await close(database)


def test_identity_keys() -> None:
    assert content_key("А  б\r\nв ") == content_key("\ufeffА б\nв")
    assert content_key("А б в") != content_key("А б г")
    assert article_url("https://Example.KZ/a/b/#x") == "https://example.kz/a/b/"
    assert article_url("kazinform.kz") is None
    assert article_url(None) is None

"""Article texts stored compressed (migration 0014): an archive written before it is converted in
place, and every article stays readable and searchable, its index in step with its text."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from storage import db as db_module
from storage.article_text import pack_body, unpack_body
from storage.backup import check_archive, compact_archive
from storage.db import PAGE_SIZE, Database, shipped_migrations
from storage.fts import tags_text
from storage.loader import load_directory
from storage.models import ArticleRecord, Selection
from storage.queries import sort_key
from storage.reading import read_article
from storage.repository import Archive
from tests.archive_fixtures import SEED_FILES, SEEDS, copy_seeds, record

# An article row as the store wrote it before 0014: the body as text.
OLD_ARTICLE = """
INSERT INTO articles (id, file, sha256, title, date, lang, source, sort_key, tags, summary, body)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
ONLY_IN_BODY = "квазиэкспедиция"
MADE = record(
    "Делегация Атырау в Астрахани",
    "Атырау и Астрахань обсудили туризм. " * 30 + f"Готовится {ONLY_IN_BODY} по дельте Волги.",
)


def _row(article_id: int, file: str, digest: str, item: ArticleRecord) -> tuple[object, ...]:
    date = item.date.isoformat() if item.date else None
    tags = tags_text([(m.region_id, m.role == "partner") for m in item.regions], [])
    key = sort_key(item.date, article_id)
    return (article_id, file, digest, item.title, date, item.lang, item.source, key, tags)


async def _archive_before_0014(
    path: Path, monkeypatch: pytest.MonkeyPatch, *, more: int = 0
) -> dict[int, str]:
    """An archive at the state before 0014 with the seeds, one made article and `more` made
    articles of news-sized texts; id -> body."""
    everything = shipped_migrations()
    monkeypatch.setattr(
        db_module, "shipped_migrations", lambda: [m for m in everything if m.name < "0014"]
    )
    database = await Database.open(path)
    bodies = {}
    async with database.transaction() as writer:
        for article_id, name in enumerate(SEED_FILES, start=1):
            data = (SEEDS / name).read_bytes()
            item = read_article(data.decode("utf-8"))
            row = _row(article_id, name, hashlib.sha256(data).hexdigest(), item)
            await writer.execute(OLD_ARTICLE, (*row, item.summary, item.body))
            bodies[article_id] = item.body
        made_id = len(SEED_FILES) + 1
        await writer.execute(OLD_ARTICLE, (*_row(made_id, "made.txt", "x", MADE), "", MADE.body))
        bodies[made_id] = MADE.body
        for article_id in range(made_id + 1, made_id + 1 + more):
            item = record(f"Новость {article_id}", _news_sized_text(article_id))
            row = _row(article_id, f"{article_id}.txt", "x", item)
            await writer.execute(OLD_ARTICLE, (*row, item.summary, item.body))
    await database.close()
    monkeypatch.setattr(db_module, "shipped_migrations", lambda: everything)
    return bodies


def _news_sized_text(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join("".join(rng.choices("абвгдеиклмнопрстуя", k=7)) for _ in range(700))


async def _found(archive: Archive, query: str) -> set[int]:
    page = await archive.articles(Selection(query=query), limit=50)
    return {card.id for card in page.items}


async def test_an_old_archive_is_converted_and_every_article_reads_and_is_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "archive.sqlite3"
    bodies = await _archive_before_0014(path, monkeypatch)
    database = await Database.open(path)
    try:
        archive = Archive(database.reader)
        for article_id, body in bodies.items():
            detail = await archive.article(article_id)
            assert detail is not None
            assert detail.body == body
            # A word of the body, not of the title: found through the converted index.
            title = detail.card.title.lower()
            word = next(w for w in body.split() if len(w) > 7 and w.isalpha() and w not in title)
            assert article_id in await _found(archive, word)
        page = await archive.articles(Selection(query=ONLY_IN_BODY))
        assert [card.id for card in page.items] == [len(bodies)]
        snippet = page.items[0].snippet
        assert snippet is not None
        assert ONLY_IN_BODY in snippet.text
        assert await _found(archive, f'"{ONLY_IN_BODY} по дельте"') == {len(bodies)}
    finally:
        await database.close()
    assert check_archive(path)[-1] == "full-text index articles_fts"


async def test_a_converted_article_changed_or_removed_leaves_no_stale_words_in_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "archive.sqlite3"
    bodies = await _archive_before_0014(path, monkeypatch)
    made_id = len(bodies)
    database = await Database.open(path)
    try:
        archive = Archive(database.reader)
        async with database.transaction() as writer:
            await writer.execute(
                "UPDATE articles SET body_zlib = ? WHERE id = ?",
                (pack_body("Атырау и Астрахань открыли гиперфестиваль."), made_id),
            )
        assert await _found(archive, ONLY_IN_BODY) == set()
        assert await _found(archive, "гиперфестиваль") == {made_id}
        # The seeds are read again by today's reader (their rows are from an older one).
        report = await load_directory(database, copy_seeds(tmp_path / "seeds"))
        assert sorted(report.updated) == SEED_FILES
        assert await _found(archive, "гиперфестиваль") == set()  # made.txt has no file: removed
        for article_id in range(1, made_id):
            detail = await archive.article(article_id)
            assert detail is not None
            assert detail.body == bodies[article_id]
    finally:
        await database.close()
    assert check_archive(path)[-1] == "full-text index articles_fts"


async def test_an_upgraded_archive_is_told_to_compact_and_shrinks_when_compacted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "archive.sqlite3"
    await _archive_before_0014(path, monkeypatch, more=200)
    database = await Database.open(path)  # 0014 is applied now
    await database.close()
    before = path.stat().st_size
    assert "`python -m storage compact`, with the bot stopped, gives back the space" in caplog.text
    compact_archive(path)
    assert path.stat().st_size < before * 0.6  # made texts of random letters compress less
    assert check_archive(path)[-1] == "full-text index articles_fts"


def test_a_body_is_stored_in_under_half_its_bytes_and_read_back_exactly() -> None:
    body = (SEEDS / SEED_FILES[0]).read_text("utf-8")
    packed = pack_body(body)
    assert len(packed) < len(body.encode("utf-8")) / 2
    assert unpack_body(packed) == body
    assert unpack_body(b"") == ""


async def test_a_new_archive_has_pages_that_hold_several_articles(tmp_path: Path) -> None:
    database = await Database.open(tmp_path / "archive.sqlite3")
    try:
        async with database.reader.execute("PRAGMA page_size") as cursor:
            assert await cursor.fetchone() == (PAGE_SIZE,)
    finally:
        await database.close()
    assert PAGE_SIZE == 16384

"""The figures of /stats and the reload log, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage import stats, subscriptions
from storage.chats import ChatPlace, Chats
from storage.db import Database
from storage.loader import load_directory
from storage.stats import ReloadEntry, admin_stats, last_reload, record_reload
from storage.subscriptions import Subscription

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NOW = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


async def _chat(database: Database, chat_id: int, *follows: Subscription) -> None:
    place = ChatPlace(chat_id, "private", "ru")
    for subscription in follows:
        await Chats(database, default_tz="UTC").subscribe(place, subscription)
    await Chats(database, default_tz="UTC").ensure(place)


async def _delivery(
    database: Database, chat_id: int, article_id: int, status: str, sent: dt.datetime | None
) -> None:
    sent_at = sent.strftime("%Y-%m-%dT%H:%M:%SZ") if sent else None
    async with database.transaction() as writer:
        await writer.execute(
            "INSERT INTO outbox (chat_id, article_id, status, created_at, sent_at, message_id)"
            " VALUES (?, ?, ?, '2026-11-01T00:00:00Z', ?, ?)",
            (chat_id, article_id, status, sent_at, article_id if sent else None),
        )


async def test_empty_archive(database: Database) -> None:
    stats = await admin_stats(database.reader, NOW)
    assert stats.archive.articles == 0
    assert stats.archive.by_language == ()
    assert stats.usage.users == 0
    assert stats.usage.top_regions == ()
    assert stats.last_reload is None


async def test_articles_by_language_and_date(database: Database) -> None:
    await load_directory(database, SEEDS)
    archive = (await admin_stats(database.reader, NOW)).archive
    assert archive.articles == 5
    assert dict(archive.by_language) == {"ru": 4, "kk": 1}
    assert (archive.dated, archive.undated) == (3, 2)  # 000 and 003 carry no date
    assert archive.regions_covered > 2
    assert archive.sectors_covered > 2


async def test_subscriptions_chats_and_deliveries(database: Database) -> None:
    await _chat(
        database, 1, Subscription("region", "ru-astrakhan"), Subscription("sector", "tourism")
    )
    await _chat(
        database, 2, Subscription("region", "ru-astrakhan"), Subscription("region", "kz-atyrau")
    )
    await _chat(
        database, 3, Subscription("region", "kz-atyrau"), Subscription("region", "ru-omsk")
    )
    await _chat(database, 4, Subscription("region", "ru-astrakhan"))
    await subscriptions.deactivate(database, 4, "blocked")
    await _delivery(database, 1, 10, "sent", NOW - dt.timedelta(hours=1))
    await _delivery(database, 2, 10, "sent", NOW - dt.timedelta(days=3))
    await _delivery(database, 3, 10, "sent", NOW - dt.timedelta(days=30))
    await _delivery(database, 1, 11, "failed", None)
    await _delivery(database, 2, 11, "pending", None)

    usage = (await admin_stats(database.reader, NOW)).usage

    assert usage.top_regions[:2] == (("ru-astrakhan", 3), ("kz-atyrau", 2))
    assert usage.top_sectors == (("tourism", 1),)
    deliveries = usage.deliveries
    assert (deliveries.messages_24h, deliveries.messages_7d) == (1, 2)
    assert (deliveries.failed, deliveries.pending) == (1, 1)
    assert (deliveries.active_chats, deliveries.inactive_chats) == (3, 1)


async def test_reload_log_keeps_the_last_entry(database: Database) -> None:
    await record_reload(database, ReloadEntry(NOW, "reload", ok=True, added=5, seconds=0.25))
    later = NOW + dt.timedelta(hours=1)
    await record_reload(database, ReloadEntry(later, "upload", ok=False, error="disk full"))
    entry = await last_reload(database.reader)
    assert entry == ReloadEntry(later, "upload", ok=False, error="disk full")


@pytest.mark.parametrize(
    ("sql", "expected"),
    [
        (stats.COUNT_ARTICLES, "COVERING INDEX articles_lang_date"),
        (stats.ARTICLES_BY_LANGUAGE, "COVERING INDEX articles_lang_date"),
        (stats.REGIONS_COVERED, "SEARCH ar USING COVERING INDEX article_regions_by_region"),
        (stats.SECTORS_COVERED, "SEARCH ars USING COVERING INDEX article_sectors_by_sector"),
    ],
)
async def test_stats_queries_never_read_the_article_rows(
    database: Database, sql: str, expected: str
) -> None:
    async with database.reader.execute(f"EXPLAIN QUERY PLAN {sql}") as cursor:
        plan = " | ".join(str(row[3]) for row in await cursor.fetchall())
    assert expected in plan
    assert "SCAN articles" not in plan.replace("SCAN articles USING COVERING INDEX", "")
    assert "SCAN article_regions" not in plan
    assert "SCAN article_sectors" not in plan

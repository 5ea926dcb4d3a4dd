"""Reading v2 in the archive: a new reader version re-reads unchanged files and counts the records
that changed; venues are nowhere partners; counts and subscriptions use main sectors; the full
article shows every sector with its role and the link to the original."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.views.admin import reload_report
from bot.views.article import article_full
from storage import loader
from storage.chats import ChatPlace, Chats
from storage.db import Database
from storage.loader import load_directory, render_report
from storage.models import ArticleRecord, Lang, Selection
from storage.outbox import pending, plan_instant
from storage.reading import READER_VERSION, read_article
from storage.repository import Archive
from storage.subscriptions import Subscription, subscribe
from tests.archive_fixtures import SEED_FILES, copy_seeds, seed_named

DEVSET = Path(__file__).resolve().parent / "data" / "reading"
VENUE_ARTICLES = ("06_forum_venue_orenburg", "28_kk_forum_venue", "07_forum_will_be_in_omsk")


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    database = await Database.open(tmp_path / "archive.sqlite3")
    yield database
    await database.close()


async def test_a_new_reader_version_rereads_unchanged_files_and_counts_changed_records(
    database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    await load_directory(database, seeds)
    again = await load_directory(database, seeds)
    assert (again.reread, again.updated, len(again.unchanged)) == ([], [], len(SEED_FILES))

    changed_file = seed_named("003")

    def new_reader(text: str) -> ArticleRecord:
        record = read_article(text)
        if "Заинтересованы в новых контактах" in text:  # this record comes out different
            return dataclasses.replace(record, title="Атырау и Астрахань: новые контакты")
        return record

    monkeypatch.setattr(loader, "READER_VERSION", READER_VERSION + 1)
    monkeypatch.setattr(loader, "read_article", new_reader)
    report = await load_directory(database, seeds)
    assert report.reread == SEED_FILES  # every file, although no byte changed
    assert report.reread_changed == [changed_file]
    assert report.updated == [changed_file]
    assert sorted(report.unchanged) == sorted(set(SEED_FILES) - {changed_file})
    assert (
        f"re-read 5 unchanged files for reader version {READER_VERSION + 1}: 1 records changed"
        in (render_report(report))
    )
    assert any("5" in line and "1" in line for line in reload_report(report, "ru"))
    archive = Archive(database.reader)
    titles = {card.title for card in (await archive.articles(Selection(), limit=10)).items}
    assert "Атырау и Астрахань: новые контакты" in titles
    after = await load_directory(database, seeds)  # the new version is stored: nothing to do
    assert after.reread == []
    assert len(after.unchanged) == len(SEED_FILES)


def _folder_of(folder: Path, names: tuple[str, ...]) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copyfile(DEVSET / f"{name}.txt", folder / f"{name}.txt")
    return folder


async def _archive_of(database: Database, folder: Path, names: tuple[str, ...]) -> Archive:
    _folder_of(folder, names)
    report = await load_directory(database, folder)
    assert len(report.added) == len(names)
    return Archive(database.reader)


async def test_a_forum_venue_is_nowhere_a_partner(database: Database, tmp_path: Path) -> None:
    archive = await _archive_of(database, tmp_path / "venues", VENUE_ARTICLES)
    venues = {"ru-orenburg", "ru-omsk"}
    assert not venues & {region for region, _ in await archive.region_counts()}
    everything = await archive.overview(Selection())
    assert not venues & {region for region, _ in everything.partners}
    west = await archive.overview(Selection(region_ids=("kz-west",)))
    assert {region for region, _ in west.partners} == {"ru-samara", "ru-saratov"}
    orenburg = await archive.articles(Selection(region_ids=("ru-orenburg",), role="partner"))
    assert orenburg.total == 0
    mentioned = await archive.articles(Selection(region_ids=("ru-orenburg",)))
    assert mentioned.total == 2  # still found, as a region the articles name


async def test_counts_use_main_sectors_and_the_article_shows_both_roles(
    database: Database, tmp_path: Path
) -> None:
    names = ("11_ten_sectors", "18_url_with_date", "37_ten_sectors_kk")
    archive = await _archive_of(database, tmp_path / "sectors", names)
    counts = dict(await archive.sector_counts())
    assert counts == {"education": 1, "energy": 2}  # not the lists of ten
    assert (await archive.articles(Selection(sector="tourism"))).total == 0
    page = await archive.articles(Selection(sector="education"))
    (card,) = page.items
    detail = await archive.article(card.id)
    assert detail is not None
    assert detail.card.sectors == ("education",)
    assert {"trade", "tourism", "healthcare"} <= set(detail.mentioned_sectors)
    text = "\n".join(article_full(detail, "ru"))
    assert "<b>Отрасли:</b> Образование" in text
    assert "<b>Упоминаются:</b>" in text
    assert "Туризм" in text
    energy = (await archive.articles(Selection(sector="energy"))).items
    with_url = [await archive.article(card.id) for card in energy]
    (linked,) = [d for d in with_url if d is not None and d.url]
    assert linked.url == "https://example-news.kz/2025/04/14/pavlodar-novosibirsk/"
    words: tuple[tuple[Lang, str], ...] = (
        ("ru", "оригинал"),
        ("kk", "түпнұсқа"),
        ("en", "original"),
    )
    for lang, word in words:
        shown = "\n".join(article_full(linked, lang))
        assert f'<a href="{linked.url}">{word}</a>' in shown


async def test_digests_follow_partner_regions_and_main_sectors(
    database: Database, tmp_path: Path
) -> None:
    chat_id = 42
    await Chats(database, default_tz="Asia/Almaty").ensure(ChatPlace(chat_id, "private", "ru"))
    follows = [
        Subscription("region", "ru-orenburg"),  # only a venue in 06 and 28
        Subscription("sector", "tourism"),  # only in the list of ten of 11
        Subscription("region", "ru-samara"),  # a partner in 06
    ]
    for subscription in follows:
        await subscribe(database, chat_id, subscription)
    names = ("06_forum_venue_orenburg", "28_kk_forum_venue", "11_ten_sectors")
    await _archive_of(database, tmp_path / "digest", names)
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert await plan_instant(database, now) == 1
    due = await pending(database.reader, chat_id)
    archive = Archive(database.reader)
    [card] = await archive.cards(due)
    assert "ru-samara" in {m.region_id for m in card.regions if m.role == "partner"}

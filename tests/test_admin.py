"""Admin commands through the real dispatcher: access, /reload, uploads, /stats, errors."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import AsyncGenerator, AsyncIterator, Callable
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.filters import Command
from aiogram.methods import SendMessage, SetMyCommands
from aiogram.types import BotCommandScopeChat, Document, Message

from bot import reloader as reloader_module
from bot.app import make_dispatcher
from bot.config import Settings
from bot.handlers.admin import set_admin_menu
from bot.html import escape
from bot.menu import set_command_menu
from bot.texts import t
from bot.views import admin as admin_view
from storage.db import Database
from storage.loader import LoadReport, load_directory
from storage.stats import last_reload
from tests.fakes import RecordingSession, make_chat, make_message, make_update, make_user
from tests.support import FixedClock

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ADMIN = 1001
STRANGER = 2002
ADMIN_CHAT = -100500


class UploadSession(RecordingSession):
    """A recording session that also serves file downloads from `files` (path -> bytes)."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 (aiogram's interface)
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        for path, data in self.files.items():
            if url.endswith("/" + path):
                yield data
                return
        raise AssertionError(f"unexpected download {url}")  # pragma: no cover


@pytest.fixture
def seeds_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for source in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(source, folder / source.name)
    return folder


@pytest.fixture
def settings(tmp_path: Path, seeds_dir: Path) -> Settings:
    return Settings(
        _env_file=None,
        bot_token="123456:test",
        admin_ids=(ADMIN,),
        admin_chat_id=ADMIN_CHAT,
        database_path=tmp_path / "data" / "archive.sqlite3",
        seeds_dir=seeds_dir,
    )


@pytest.fixture
async def database(settings: Settings) -> AsyncIterator[Database]:
    """An empty archive: these tests load it themselves."""
    database = await Database.open(settings.database_path)
    yield database
    await database.close()


@pytest.fixture
def session() -> UploadSession:
    return UploadSession()


@pytest.fixture
def dispatcher(settings: Settings, database: Database, clock: FixedClock) -> Dispatcher:
    return make_dispatcher(settings, database, clock=clock, extra_routers=[_failing_router()])


Send = Callable[..., Any]


@pytest.fixture
def send(dispatcher: Dispatcher, bot: Bot, session: UploadSession) -> Send:
    """Feed one message through the dispatcher; return the texts the bot sent in reply."""

    async def send(text: str | None, user_id: int = ADMIN, **kwargs: Any) -> list[str]:
        session.clear()
        user = make_user(user_id, "ru")
        await dispatcher.feed_update(bot, make_update(make_message(text, user=user, **kwargs)))
        return session.texts()

    return send


def _document(session: UploadSession, name: str, data: bytes, size: int | None = None) -> Document:
    path = f"documents/file_{len(session.files)}"
    session.files[path] = data
    session.add_result(
        {"file_id": path, "file_unique_id": path, "file_size": len(data), "file_path": path},
        method="getFile",
    )
    return Document(
        file_id=path,
        file_unique_id=path,
        file_name=name,
        mime_type="text/plain",
        file_size=len(data) if size is None else size,
    )


def _names(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir())


def _outside(root: Path, folder: Path) -> set[Path]:
    return {path for path in root.rglob("*") if folder not in path.parents}


def _seed_text(index: int) -> bytes:
    return sorted(SEEDS.glob("*.txt"))[index].read_bytes()


# --- access ---------------------------------------------------------------------------------


async def test_non_admin_commands_get_the_unknown_command_answer(send: Send) -> None:
    unknown = await send("/nosuchcommand", STRANGER)
    assert unknown, "an unknown command must be answered"
    assert await send("/reload", STRANGER) == unknown
    assert await send("/stats", STRANGER) == unknown


async def test_non_admin_upload_is_answered_like_an_unknown_command(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    # Uploading is an admin command: a stranger's upload gets exactly the unknown-command
    # answer, with no hint that admins can upload, and nothing is downloaded or saved.
    before = _names(seeds_dir)
    unknown = await send("/nosuchcommand", STRANGER)
    document = _document(session, "news.txt", _seed_text(3))
    assert await send(None, STRANGER, document=document) == unknown
    assert _names(seeds_dir) == before
    assert not session.sent("getFile")


async def test_refused_attempts_are_logged(send: Send, caplog: pytest.LogCaptureFixture) -> None:
    await send("/reload", STRANGER)
    assert any(
        str(STRANGER) in r.getMessage() and "/reload" in r.getMessage() for r in caplog.records
    )


async def test_a_lone_slash_from_a_stranger_is_just_an_unknown_command(send: Send) -> None:
    unknown = await send("/nosuchcommand", STRANGER)
    assert unknown
    assert await send("/ ", STRANGER) == unknown


async def test_admin_sharing_a_file_in_a_group_is_not_an_upload(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    before = _names(seeds_dir)
    group = make_chat(-100777, "supergroup")
    document = _document(session, "minutes.txt", _seed_text(3))
    assert await send(None, chat=group, document=document) == []
    assert _names(seeds_dir) == before
    assert not session.sent("getFile")


# --- reload ---------------------------------------------------------------------------------


async def test_reload_reports_new_changed_deleted_and_broken_files(
    send: Send, seeds_dir: Path
) -> None:
    first = await send("/reload")
    assert len(first) == 1
    assert "Добавлено: 3" in first[0]
    names = _names(seeds_dir)
    kept, changed, deleted = names
    shutil.copy(sorted(SEEDS.glob("*.txt"))[3], seeds_dir / "new.txt")
    with (seeds_dir / changed).open("a", encoding="utf-8") as file:
        file.write("\nДополнение: стороны обсудили новые проекты.\n")
    (seeds_dir / deleted).unlink()
    (seeds_dir / "broken.txt").write_bytes(b"\x00\x01\x02\xff" * 100)

    (report,) = await send("/reload")
    assert "Добавлено: 1\n  • new.txt" in report
    assert f"Обновлено: 1\n  • {changed}" in report
    assert f"Удалено: 1\n  • {deleted}" in report
    assert "Отклонено: 1\n  • broken.txt: " in report
    assert "Без изменений: 1" in report
    assert kept not in report
    assert "Архив перезагружен" in report


async def test_second_reload_while_one_runs_is_refused(
    send: Send, session: UploadSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = asyncio.Event()
    entered = asyncio.Event()
    real_load = load_directory

    async def slow_load(database: Database, directory: Path, **options: Any) -> LoadReport:
        entered.set()
        await release.wait()
        return await real_load(database, directory, **options)

    monkeypatch.setattr(reloader_module, "load_directory", slow_load)
    first = asyncio.create_task(send("/reload"))
    await asyncio.wait_for(entered.wait(), 5)
    assert await send("/reload") == [t("ru", "admin.reload_running")]
    stats = await send("/stats")  # reading keeps working while the reload waits
    assert "Статей: 0" in stats[0]
    release.set()
    await asyncio.wait_for(first, 10)
    report = session.texts()[-1]  # the first reload answers last
    assert "Добавлено: 3" in report


async def test_reads_are_not_blocked_by_a_reload_in_its_transaction(
    send: Send, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await send("/reload")
    release = asyncio.Event()
    entered = asyncio.Event()

    async def load_holding_the_writer(
        database: Database, directory: Path, **options: Any
    ) -> LoadReport:
        async with database.transaction() as writer:
            await writer.execute("DELETE FROM articles")
            entered.set()
            await release.wait()
        return LoadReport(removed=["all"])

    monkeypatch.setattr(reloader_module, "load_directory", load_holding_the_writer)
    reload = asyncio.create_task(send("/reload"))
    await asyncio.wait_for(entered.wait(), 5)
    stats = await asyncio.wait_for(send("/stats"), 5)
    assert "Статей: 3" in stats[0]  # the reader sees the archive as it was
    release.set()
    await asyncio.wait_for(reload, 10)
    assert "Статей: 0" in (await send("/stats"))[0]


async def test_reload_failure_reaches_the_admin_chat_and_the_reload_log(
    send: Send, session: UploadSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def failing_load(database: Database, directory: Path, **options: Any) -> LoadReport:
        raise OSError("disk on fire")

    monkeypatch.setattr(reloader_module, "load_directory", failing_load)
    await send("/reload")
    to_admin = [r.text for r in session.calls(SendMessage) if r.chat_id == ADMIN]
    to_admin_chat = [r.text for r in session.calls(SendMessage) if r.chat_id == ADMIN_CHAT]
    assert to_admin == [t("ru", "errors.apology")]
    (notice,) = to_admin_chat
    assert "OSError: disk on fire" in notice
    assert "/reload" in notice
    (stats,) = await send("/stats")
    assert "ошибка: disk on fire" in stats


async def test_a_reload_failure_is_logged_without_the_token(
    send: Send, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    leaking = "download of https://api.telegram.org/file/bot123456:test/documents/x.txt failed"

    async def failing_load(database: Database, directory: Path, **options: Any) -> LoadReport:
        raise OSError(leaking)

    monkeypatch.setattr(reloader_module, "load_directory", failing_load)
    await send("/reload")
    entry = await last_reload(database.reader)
    assert entry is not None
    assert entry.error == leaking.replace("123456:test", "<token>")
    (stats,) = await send("/stats")
    assert "123456:test" not in stats
    assert "bot&lt;token&gt;/documents" in stats


async def test_reload_of_a_missing_seeds_folder_keeps_the_archive(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    await send("/reload")
    shutil.rmtree(seeds_dir)
    missing = t("ru", "admin.seeds_missing", folder=escape(str(seeds_dir)))
    assert await send("/reload") == [missing]
    document = _document(session, "news.txt", _seed_text(3))
    assert await send(None, document=document) == [missing]
    assert "seeds" not in _names(seeds_dir.parent)
    (stats,) = await send("/stats")
    assert "Статей: 3" in stats
    assert "is not a folder" in stats


async def test_reload_with_new_articles_wakes_the_digests(
    send: Send, dispatcher: Dispatcher, seeds_dir: Path
) -> None:
    woken: list[bool] = []
    dispatcher["reloader"].on_new_articles = lambda: woken.append(True)
    await send("/reload")
    assert woken == [True]
    await send("/reload")  # nothing new: nobody to wake
    assert woken == [True]


# --- upload ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../../x.txt", ".env", "a/b.txt", "..\\..\\x.txt"])
async def test_upload_with_a_malicious_name_stays_inside_the_seeds_folder(
    send: Send, session: UploadSession, seeds_dir: Path, tmp_path: Path, name: str
) -> None:
    outside = _outside(tmp_path, seeds_dir)
    (answer,) = await send(None, document=_document(session, name, _seed_text(3)))
    inside = _names(seeds_dir)
    added = [n for n in inside if not n.startswith("00")]
    assert len(added) == 1
    assert "/" not in added[0]
    assert not added[0].startswith(".")
    assert added[0].endswith(".txt")
    assert _outside(tmp_path, seeds_dir) == outside
    assert added[0] in answer
    assert "Статья добавлена в архив" in answer


async def test_upload_shows_how_the_article_was_read(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    (answer,) = await send(None, document=_document(session, "news.txt", _seed_text(3)))
    assert "Файл сохранён</b> как news.txt" in answer
    assert "Заголовок: " in answer
    assert "Дата: " in answer
    assert "Регионы: " in answer
    assert "Отрасли: " in answer
    assert (seeds_dir / "news.txt").read_bytes() == _seed_text(3)


async def test_upload_never_overwrites_a_different_file(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    existing = seeds_dir / _names(seeds_dir)[0]
    original = existing.read_bytes()
    (answer,) = await send(None, document=_document(session, existing.name, _seed_text(3)))
    assert existing.read_bytes() == original
    renamed = existing.with_name(existing.stem + "-2.txt")
    assert renamed.read_bytes() == _seed_text(3)
    assert renamed.name in answer


async def test_upload_of_the_same_file_again_changes_nothing(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    await send(None, document=_document(session, "news.txt", _seed_text(3)))
    (answer,) = await send(None, document=_document(session, "news.txt", _seed_text(3)))
    assert "Такой файл уже есть" in answer
    assert "Статья уже есть в архиве" in answer
    assert not (seeds_dir / "news-2.txt").exists()


async def test_oversized_upload_is_refused_before_downloading(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    before = _names(seeds_dir)
    document = _document(session, "big.txt", b"x", size=2 * 1024 * 1024)
    (answer,) = await send(None, document=document)
    assert "больше 1 МБ" in answer
    assert not session.sent("getFile")
    assert _names(seeds_dir) == before


async def test_upload_larger_than_announced_is_refused(
    send: Send, session: UploadSession, seeds_dir: Path
) -> None:
    document = _document(session, "big.txt", b"a" * (1024 * 1024 + 1), size=10)
    (answer,) = await send(None, document=document)
    assert "больше 1 МБ" in answer
    assert not (seeds_dir / "big.txt").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10),
        ("fake.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10),
    ],
)
async def test_binary_upload_is_refused(
    send: Send, session: UploadSession, seeds_dir: Path, name: str, data: bytes
) -> None:
    before = _names(seeds_dir)
    (answer,) = await send(None, document=_document(session, name, data))
    assert answer == t("ru", "admin.upload_not_txt")
    assert _names(seeds_dir) == before


# --- stats ----------------------------------------------------------------------------------


async def test_stats_after_a_reload(send: Send) -> None:
    await send("/reload")
    (stats,) = await send("/stats")
    assert "Статей: 3" in stats
    assert "По языкам: ru" in stats
    assert "Пользователей: 1" in stats
    assert "Последняя перезагрузка: 21.11.2026 09:00 UTC (/reload) — добавлено 3" in stats


async def test_stats_before_any_reload(send: Send) -> None:
    (stats,) = await send("/stats")
    assert "Статей: 0" in stats
    assert t("ru", "admin.stats_never") in stats


# --- errors ---------------------------------------------------------------------------------


def _failing_router() -> Router:
    router = Router(name="failing")

    @router.message(Command("boom"))
    async def boom(message: Message) -> None:
        raise RuntimeError("kaboom <b>")

    return router


async def test_error_apologises_and_notifies_the_admin_chat_once_per_window(
    send: Send,
    dispatcher: Dispatcher,
    session: UploadSession,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:

    await send("/boom", STRANGER)
    apology = t("ru", "errors.apology")
    to_user = [r for r in session.calls(SendMessage) if r.chat_id == STRANGER]
    to_admins = [r for r in session.calls(SendMessage) if r.chat_id == ADMIN_CHAT]
    assert [r.text for r in to_user] == [apology]
    assert len(to_admins) == 1
    assert "RuntimeError: kaboom &lt;b&gt;" in to_admins[0].text
    assert "\n" not in to_admins[0].text
    assert any(r.exc_info and "kaboom" in str(r.exc_info[1]) for r in caplog.records)

    await send("/boom", STRANGER)
    await send("/boom", STRANGER)
    assert not [r for r in session.calls(SendMessage) if r.chat_id == ADMIN_CHAT]

    clock.now += dt.timedelta(minutes=1)
    await send("/boom", STRANGER)
    (notice,) = [r.text for r in session.calls(SendMessage) if r.chat_id == ADMIN_CHAT]
    assert t("ru", "admin.error_suppressed", count=2) in notice


async def test_error_apology_is_in_the_users_language(
    dispatcher: Dispatcher, bot: Bot, session: UploadSession
) -> None:
    message = make_message("/boom", user=make_user(STRANGER, "en"))
    await dispatcher.feed_update(bot, make_update(message))
    texts = [r.text for r in session.calls(SendMessage) if r.chat_id == STRANGER]
    assert texts == [t("en", "errors.apology")]


# --- command menu ---------------------------------------------------------------------------


async def test_admin_commands_appear_only_in_the_admins_own_menu(
    bot: Bot, settings: Settings, session: UploadSession
) -> None:
    await set_admin_menu(bot, settings)
    calls = session.calls(SetMyCommands)
    assert calls
    for call in calls:
        assert isinstance(call.scope, BotCommandScopeChat)
        assert call.scope.chat_id == ADMIN
        names = [command.command for command in call.commands]
        assert names[-4:] == ["reload", "stats", "sources", "source_add"]
        assert "start" in names
    assert {call.language_code for call in calls} == {None, "ru", "kk", "en"}


async def test_normal_menu_has_no_admin_commands(bot: Bot, session: UploadSession) -> None:
    await set_command_menu(bot)
    for call in session.calls(SetMyCommands):
        assert call.scope is None or not isinstance(call.scope, BotCommandScopeChat)
        assert not {"reload", "stats"} & {command.command for command in call.commands}


async def test_admin_menu_skips_an_admin_without_a_chat(
    bot: Bot, settings: Settings, session: UploadSession, caplog: pytest.LogCaptureFixture
) -> None:
    two_admins = settings.model_copy(update={"admin_ids": (404, ADMIN)})
    session.add_error(400, "Bad Request: chat not found", method="setMyCommands")
    await set_admin_menu(bot, two_admins)
    scoped = {
        call.scope.chat_id
        for call in session.calls(SetMyCommands)
        if isinstance(call.scope, BotCommandScopeChat)
    }
    assert scoped == {404, ADMIN}
    assert any("404" in record.getMessage() for record in caplog.records)


async def test_startup_registers_the_admin_menu(dispatcher: Dispatcher) -> None:
    callbacks = [handler.callback for handler in dispatcher.startup.handlers]
    assert set_admin_menu in callbacks


def test_a_huge_reload_report_fits_telegram_messages() -> None:
    names = [f"{'очень-длинное-имя-' * 20}{i}.txt" for i in range(300)]
    report = LoadReport(
        added=names,
        updated=names,
        removed=names,
        rejected=[(name, "<bad> " * 100) for name in names],
        seconds=1.5,
    )
    messages = admin_view.reload_report(report, "ru")
    assert all(len(message) <= 4096 for message in messages)
    text = "\n".join(messages)
    assert text.count("… и ещё 285") == 4
    assert "&lt;bad&gt;" in text
    assert "<bad>" not in text

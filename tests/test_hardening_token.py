"""The bot token never leaks: not through a failed file download, not into a log record, not
into a message to a user or to the admin chat."""

from __future__ import annotations

import datetime as dt
import logging
import traceback
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot
from aiogram.types import Document
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot import reloader as reloader_module
from bot.app import make_bot, make_dispatcher
from bot.config import Settings
from bot.redaction import REDACTED, TokenFilter, install_token_filter, redact
from storage.db import Database
from tests.fakes import make_message, make_update, make_user

TOKEN = "987654321:AAHk3vXq9Zsecret-Token_value0123456789"
SECRET = TOKEN.split(":", 1)[1]
ADMIN_ID = 111
ADMIN_CHAT_ID = -100555
ARTICLE = (
    "Атырауская и Астраханская области договорились о турах по дельте Волги\n\n"
    "27.11.2022 00:00\n\n"
    "Атырауская область Казахстана и Астраханская область России подписали соглашение о "
    "сотрудничестве в сфере туризма на 2023–2026 годы.\n"
)


class FakeBotApi:
    """A Bot API server on loopback: getFile, file downloads, and every message recorded."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}  # file path (decoded) -> bytes; else 404
        self.file_paths: dict[str, str] = {}  # file id -> file path
        self.messages: list[dict[str, Any]] = []
        self.app = web.Application()
        self.app.router.add_post("/bot{token}/{method}", self.method)
        self.app.router.add_get("/file/bot{token}/{path:.+}", self.download)

    async def method(self, request: web.Request) -> web.Response:
        fields = dict(await request.post())
        name = request.match_info["method"]
        if name == "getFile":
            file_id = str(fields["file_id"])
            result: Any = {
                "file_id": file_id,
                "file_unique_id": "u1",
                "file_path": self.file_paths[file_id],
            }
        elif name == "sendMessage":
            self.messages.append(fields)
            chat = {"id": int(str(fields["chat_id"])), "type": "private"}
            result = {"message_id": len(self.messages), "date": 0, "chat": chat, "text": ""}
        else:
            result = True
        return web.json_response({"ok": True, "result": result})

    async def download(self, request: web.Request) -> web.Response:
        data = self.files.get(request.match_info["path"])
        if data is None:
            return web.json_response({"ok": False, "error_code": 404}, status=404)
        return web.Response(body=data)

    def texts(self) -> list[str]:
        return [str(message.get("text", "")) for message in self.messages]


@pytest.fixture
async def api() -> AsyncIterator[tuple[FakeBotApi, str]]:
    fake = FakeBotApi()
    server = TestServer(fake.app, host="127.0.0.1")
    await server.start_server()
    yield fake, str(server.make_url("")).rstrip("/")
    await server.close()


@pytest.fixture
def token_filter(caplog: pytest.LogCaptureFixture) -> Iterator[TokenFilter]:
    """The filter `python -m bot` installs, here on the root handlers the test captures with."""
    caplog.set_level(logging.DEBUG)
    installed = install_token_filter(TOKEN)
    yield installed
    for handler in logging.getLogger().handlers:
        handler.removeFilter(installed)


@pytest.fixture
async def admin_bot(
    tmp_path: Path, seeds_dir: Path, api: tuple[FakeBotApi, str]
) -> AsyncIterator[tuple[Bot, Settings, Database]]:
    settings = Settings(
        _env_file=None,
        bot_token=TOKEN,
        admin_ids=(ADMIN_ID,),
        admin_chat_id=ADMIN_CHAT_ID,
        database_path=tmp_path / "data" / "archive.sqlite3",
        seeds_dir=seeds_dir,
        telegram_api_url=api[1],
    )
    database = await Database.open(settings.database_path)
    bot = make_bot(settings)
    yield bot, settings, database
    await bot.session.close()
    await database.close()


async def upload(admin_bot: tuple[Bot, Settings, Database], file_name: str) -> None:
    bot, settings, database = admin_bot
    dispatcher = make_dispatcher(settings, database, clock=lambda: dt.datetime.now(dt.UTC))
    document = Document(file_id="doc-1", file_unique_id="u1", file_name=file_name, file_size=300)
    message = make_message("", user=make_user(ADMIN_ID, "ru"), document=document)
    message = message.model_copy(update={"text": None})
    await dispatcher.feed_update(bot, make_update(message))


def leaks(api: FakeBotApi, caplog: pytest.LogCaptureFixture) -> list[str]:
    """Every place the token or its secret half shows: messages sent, log records as written."""
    seen = [*api.texts(), caplog.text]
    for record in caplog.records:
        seen.append(record.getMessage())
        seen.append(record.exc_text or "")
        if record.exc_info and record.exc_info[1] is not None:
            seen.append("".join(traceback.format_exception(record.exc_info[1])))
    return [text for text in seen if SECRET in text or TOKEN in text]


async def test_an_upload_with_a_hash_in_its_name_is_downloaded_and_loaded(
    admin_bot: tuple[Bot, Settings, Database],
    api: tuple[FakeBotApi, str],
    caplog: pytest.LogCaptureFixture,
    token_filter: TokenFilter,
) -> None:
    fake = api[0]
    fake.file_paths["doc-1"] = "documents/file_0/report#2024.txt"
    fake.files["documents/file_0/report#2024.txt"] = ARTICLE.encode()
    await upload(admin_bot, "report#2024.txt")
    [reply] = fake.texts()
    assert "report_2024.txt" in reply
    assert "Статья добавлена в архив" in reply
    assert (admin_bot[1].seeds_dir / "report_2024.txt").read_bytes() == ARTICLE.encode()
    assert leaks(fake, caplog) == []


async def test_a_failed_download_leaks_no_token_to_the_log_the_admin_or_the_admin_chat(
    admin_bot: tuple[Bot, Settings, Database],
    api: tuple[FakeBotApi, str],
    caplog: pytest.LogCaptureFixture,
    token_filter: TokenFilter,
) -> None:
    fake = api[0]
    fake.file_paths["doc-1"] = "documents/file_0/gone.txt"  # the server answers 404
    await upload(admin_bot, "gone.txt")
    chats = [int(str(message["chat_id"])) for message in fake.messages]
    assert chats == [ADMIN_ID, ADMIN_CHAT_ID]  # the apology, then the admin chat's notice
    assert "404" in fake.texts()[1]
    assert REDACTED.replace("<", "&lt;").replace(">", "&gt;") in fake.texts()[1]
    assert any(record.exc_text and "404" in record.exc_text for record in caplog.records)
    assert leaks(fake, caplog) == []


def test_every_form_of_the_token_is_redacted() -> None:
    url = f"http://api/file/bot{TOKEN}/a.txt and bot987654321%3A{SECRET}/x and {SECRET}"
    assert SECRET not in redact(url, TOKEN)
    assert redact("a test of tests", "123456:test") == "a test of tests"
    assert redact("bot123456:test/getMe", "123456:test") == f"bot{REDACTED}/getMe"


def test_the_filter_redacts_arguments_and_tracebacks_of_any_logger(
    caplog: pytest.LogCaptureFixture, token_filter: TokenFilter
) -> None:
    try:
        raise RuntimeError(f"url='https://api/file/bot{TOKEN}/x'")
    except RuntimeError:
        logging.getLogger("aiogram.event").exception("failed with %s", TOKEN)
    [record] = [r for r in caplog.records if r.name == "aiogram.event"]
    assert record.getMessage() == f"failed with {REDACTED}"
    assert record.exc_text is not None
    assert REDACTED in record.exc_text
    assert SECRET not in caplog.text


async def test_a_failed_reload_names_its_error_without_the_token(
    admin_bot: tuple[Bot, Settings, Database],
    api: tuple[FakeBotApi, str],
    caplog: pytest.LogCaptureFixture,
    token_filter: TokenFilter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def failing_load(*args: object, **kwargs: object) -> None:
        raise OSError(f"cannot fetch https://api/file/bot{TOKEN}/x")

    monkeypatch.setattr(reloader_module, "load_directory", failing_load)
    bot, settings, database = admin_bot
    dispatcher = make_dispatcher(settings, database, clock=lambda: dt.datetime.now(dt.UTC))
    message = make_message("/reload", user=make_user(ADMIN_ID, "en"))
    await dispatcher.feed_update(bot, make_update(message))
    # The admin gets the apology; the admin chat gets the notice naming the error.
    replies = api[0].texts()
    assert any("cannot fetch" in text for text in replies), replies
    assert len(replies) == 2
    assert leaks(api[0], caplog) == []

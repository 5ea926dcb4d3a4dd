"""The shape of the code: handlers that never import each other, one way into storage, one
owner of every connection."""

from __future__ import annotations

import ast
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import aiosqlite
import pytest

from storage.db import Database
from tests.support import Feed

ROOT = Path(__file__).resolve().parent.parent
HANDLERS = sorted((ROOT / "bot" / "handlers").glob("*.py"))


def _functions(path: Path) -> list[ast.AsyncFunctionDef | ast.FunctionDef]:
    tree = ast.parse(path.read_text("utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, ast.AsyncFunctionDef | ast.FunctionDef)]


@pytest.mark.parametrize("path", HANDLERS, ids=lambda path: path.name)
def test_handlers_never_see_the_database(path: Path) -> None:
    for function in _functions(path):
        names = [argument.arg for argument in function.args.args + function.args.kwonlyargs]
        assert "database" not in names, f"{path.name}: {function.name}"
    assert "storage.db" not in path.read_text("utf-8")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize(
    "path", [p for p in HANDLERS if p.name != "__init__.py"], ids=lambda path: path.name
)
def test_handler_modules_never_import_each_other(path: Path) -> None:
    handlers = {f"bot.handlers.{p.stem}" for p in HANDLERS} | {"bot.handlers"}
    assert _imports(path) & handlers == set()


def test_storage_never_imports_the_bot_or_aiogram() -> None:
    for path in (ROOT / "storage").rglob("*.py"):
        imported = {name.split(".")[0] for name in _imports(path)}
        assert imported.isdisjoint({"bot", "aiogram"}), path.name


def test_only_the_database_opens_connections() -> None:
    opening = [
        path.relative_to(ROOT).as_posix()
        for folder in ("bot", "storage", "bench")
        for path in (ROOT / folder).rglob("*.py")
        if "aiosqlite.connect" in path.read_text("utf-8")
    ]
    assert opening == ["storage/db.py"]


def test_only_the_database_opens_plain_connections_too() -> None:
    # backup, check and compact connect through storage.db.plain_connection, which registers
    # the SQL functions the triggers and the article texts need.
    opening = [
        path.relative_to(ROOT).as_posix()
        for folder in ("bot", "storage", "bench")
        for path in (ROOT / folder).rglob("*.py")
        if "sqlite3.connect" in path.read_text("utf-8")
    ]
    assert opening == ["storage/db.py"]


def count_transactions(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """From now on, one entry a write transaction opened on `database`."""
    opened: list[bool] = []
    transaction = database.transaction

    @contextlib.asynccontextmanager
    async def counted() -> AsyncIterator[aiosqlite.Connection]:
        opened.append(True)
        async with transaction() as writer:
            yield writer

    monkeypatch.setattr(database, "transaction", counted)
    return opened


async def test_subscribe_is_one_transaction(
    feed: Feed, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await feed("/help")  # the user is recorded on first sight: not part of /subscribe
    opened = count_transactions(database, monkeypatch)
    calls = await feed("/subscribe Атырау")
    assert "Атырау" in str(getattr(calls[-1], "text", ""))
    assert len(opened) == 1
    chat = await database.reader.execute_fetchall("SELECT count(*) FROM subscriptions")
    assert list(chat) == [(1,)]


@pytest.mark.parametrize("command", ["/settings", "/settings 08:30"])
async def test_settings_is_one_transaction(
    feed: Feed, database: Database, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    await feed("/help")  # the user is recorded on first sight: not part of /settings
    opened = count_transactions(database, monkeypatch)
    await feed(command)
    assert len(opened) == 1
    rows = await database.reader.execute_fetchall("SELECT mode, hour, minute FROM chats")
    expected = ("daily", 8, 30) if command.endswith("08:30") else None
    assert expected is None or list(rows) == [expected]

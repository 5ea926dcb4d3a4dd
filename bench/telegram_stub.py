"""A local Bot API stand-in for benchmarks: answers sendMessage and friends, enforces a global
limit of messages per second with real 429 replies, and records every accepted message.

`python -m bench.telegram_stub [--limit 30]` binds to 127.0.0.1 on a free port and prints
`{"ready": "http://127.0.0.1:<port>"}`; `GET /_stats` returns what it accepted and refused.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import itertools
import json
import time
from typing import Any

from aiohttp import web

WINDOW = 1.0  # seconds
BOT = {"id": 42, "is_bot": True, "first_name": "Bench", "username": "bench_bot"}


class Stub:
    """State of the stub: a sliding one-second window of accepted messages, and a log."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.window: collections.deque[float] = collections.deque()
        self.accepted: list[tuple[int, float, str]] = []  # (chat id, time, first 40 chars)
        self.refused = 0
        self.message_ids = itertools.count(1)

    def admit(self, now: float) -> bool:
        while self.window and self.window[0] <= now - WINDOW:
            self.window.popleft()
        if len(self.window) >= self.limit:
            self.refused += 1
            return False
        self.window.append(now)
        return True


async def handle(request: web.Request) -> web.Response:
    stub: Stub = request.app["stub"]
    method = request.match_info["method"]
    params = await _params(request)
    if method == "getMe":
        return _ok(BOT)
    if method not in {"sendMessage", "editMessageText"}:
        return _ok([] if method == "getUpdates" else True)
    now = time.monotonic()
    if not stub.admit(now):
        body = {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        }
        return web.json_response(body, status=429)
    chat_id = int(params["chat_id"])
    text = str(params.get("text", ""))
    stub.accepted.append((chat_id, now, text[:40]))
    message = {
        "message_id": next(stub.message_ids),
        "date": int(time.time()),
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"},
        "text": text,
    }
    return _ok(message)


async def stats(request: web.Request) -> web.Response:
    stub: Stub = request.app["stub"]
    return web.json_response({"accepted": stub.accepted, "refused": stub.refused})


async def _params(request: web.Request) -> dict[str, Any]:
    if request.content_type == "application/json":
        data: dict[str, Any] = await request.json()
        return data
    form = await request.post()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


async def serve(limit: int) -> None:
    app = web.Application()
    app["stub"] = Stub(limit)
    app.router.add_post("/bot{token}/{method}", handle)
    app.router.add_get("/_stats", stats)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    print(json.dumps({"ready": f"http://127.0.0.1:{port}"}), flush=True)
    await asyncio.Event().wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=30, help="messages per second (default 30)")
    args = parser.parse_args()
    asyncio.run(serve(args.limit))


if __name__ == "__main__":
    main()

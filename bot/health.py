"""/healthz and /metrics: the routes, and a small aiohttp server for them in polling mode."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.digest.scheduler import DigestScheduler
from bot.metrics import Metrics
from storage.db import Database
from storage.health import probe_write

logger = logging.getLogger(__name__)

PROBE_TIMEOUT = 2.0  # seconds; a probe that waits longer behind a write counts as healthy


class Health:
    """What /healthz reports: the process answers, the database takes a write, the digest
    scheduler runs, and how long ago a Bot API call last succeeded."""

    def __init__(
        self,
        database: Database,
        digests: DigestScheduler,
        metrics: Metrics,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.database = database
        self.digests = digests
        self.metrics = metrics
        self._clock = clock

    async def report(self) -> tuple[bool, dict[str, Any]]:
        database = await self._database_state()
        scheduler = "alive" if self.digests.alive else "stopped"
        since = self.metrics.seconds_since_api_success()
        healthy = database in {"writable", "busy"} and scheduler == "alive"
        return healthy, {
            "status": "ok" if healthy else "failing",
            "database": database,
            "scheduler": scheduler,
            "last_bot_api_success_seconds": None if since is None else round(since, 1),
        }

    async def _database_state(self) -> str:
        try:
            await asyncio.wait_for(probe_write(self.database, self._clock()), PROBE_TIMEOUT)
        except TimeoutError:
            return "busy"  # a long write (a reload) holds the writer: it is writing, after all
        except Exception as error:
            logger.warning("health probe: the database refused a write: %r", error)
            return f"error: {type(error).__name__}"
        return "writable"


def add_routes(app: web.Application, health: Health, metrics: Metrics) -> None:
    """GET /healthz (200 or 503, JSON) and GET /metrics (Prometheus text format)."""

    async def healthz(_: web.Request) -> web.Response:
        healthy, body = await health.report()
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics_page(_: web.Request) -> web.Response:
        rate = health.digests.pacer.rate
        body = await metrics.exposition(health.database, rate)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)


async def start_server(app: web.Application, host: str, port: int) -> web.AppRunner:
    """Serve `app` on host:port until the returned runner is cleaned up."""
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    logger.info("serving /healthz and /metrics on %s:%s", host, port)
    return runner

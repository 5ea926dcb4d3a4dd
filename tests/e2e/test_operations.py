"""Running it for real: polling drops a webhook left behind, /healthz and /metrics are served
on METRICS_PORT by the running process, and SIGTERM ends it with exit code 0."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.e2e.client import Emulator, wait_until
from tests.e2e.support import BotProcess

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def test_polling_serves_health_and_metrics_and_stops_cleanly(
    bot_process: BotProcess, emulator: Emulator
) -> None:
    port = free_port()
    bot_process.start(METRICS_PORT=str(port), WEBHOOK_HOST="127.0.0.1")
    (delete,) = emulator.calls("deleteWebhook")
    assert str(delete["params"].get("drop_pending_updates", "false")).lower() == "false"

    user = emulator.user(4001, "ru")
    user.send("/help")
    user.wait_reply()
    status, body = get(f"http://127.0.0.1:{port}/healthz")
    assert status == 200
    health = json.loads(body)
    assert (health["database"], health["scheduler"]) == ("writable", "alive")
    assert health["last_bot_api_success_seconds"] < 60

    def help_counted() -> bool | None:
        families = text_string_to_metric_families(get(f"http://127.0.0.1:{port}/metrics")[1])
        samples = [s for f in families if f.name == "kzru_updates" for s in f.samples]
        return True if any(s.labels.get("handler") == "cmd_help" for s in samples) else None

    wait_until(help_counted, 10, "/help was not counted in /metrics")
    assert bot_process.stop() == 0

"""`python -m storage sources add|list|check|remove` against the local news site."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.source_site import serve_site


async def storage_cli(*args: str, env: dict[str, str]) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "storage", "sources", *args,
        env={**os.environ, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_sources_from_the_command_line(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    env = {
        "DATABASE_PATH": str(tmp_path / "archive.sqlite3"),
        "SEEDS_DIR": str(seeds),
        "ALLOW_PRIVATE_SOURCES": "true",
    }
    async with serve_site() as site:
        code, out, _ = await storage_cli("add", f"{site.base}/atom.xml", "Орал", env=env)
        assert (code, out.strip()) == (0, f"added source 1: feed {site.base}/atom.xml")
        code, _, err = await storage_cli("add", "ftp://example.kz/feed", env=env)
        assert (code, err.strip()) == (2, "error: address refused: scheme")
        code, out, _ = await storage_cli("check", env=env)
        assert code == 0
        assert f"1 {site.base}/atom.xml: kept 1, rejected 3" in out
        assert "1 added" in out
        code, out, _ = await storage_cli("list", env=env)
        assert "1 [feed] Орал" in out
        assert "seen 4, kept 1, rejected 3" in out
        code, out, _ = await storage_cli("remove", "1", env=env)
        assert (code, out.strip()) == (0, "removed source 1")
        code, out, _ = await storage_cli("list", env=env)
        assert out.strip() == "no sources"
    assert len(list(seeds.glob("src-*.txt"))) == 1


async def test_a_password_in_an_address_is_refused_and_not_printed(tmp_path: Path) -> None:
    env = {"DATABASE_PATH": str(tmp_path / "archive.sqlite3")}
    code, out, err = await storage_cli("add", "https://user:s3cret@example.kz/rss", env=env)
    assert code == 2
    assert "credentials" in err
    assert "s3cret" not in out + err

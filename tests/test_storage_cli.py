"""`python -m storage load` and `python -m storage inspect`: reports, JSON keys, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storage.__main__ import main
from tests.archive_fixtures import SEED_FILES, SEEDS, copy_seeds, seed_named

JSON_KEYS = {
    "file", "title", "date", "lang", "source", "url", "regions", "national_level", "sectors",
    "sector_roles", "summary", "facts",
}  # fmt: skip
REGION_KEYS = {"id", "iso", "country", "name_en", "role"}


def test_load_prints_the_report_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = copy_seeds(tmp_path / "seeds")
    database = tmp_path / "db" / "archive.sqlite3"
    assert main(["load", "--db", str(database), str(seeds)]) == 0
    first = capsys.readouterr().out
    assert first.startswith("5 added, 0 updated, 0 unchanged, 0 removed, 0 rejected")
    assert all(f"added: {name}" in first for name in SEED_FILES)
    assert main(["load", "--db", str(database), str(seeds)]) == 0
    second = capsys.readouterr().out
    assert second.startswith("0 added, 0 updated, 5 unchanged, 0 removed, 0 rejected")
    assert "nothing changed" in second


def test_load_defaults_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds = copy_seeds(tmp_path / "elsewhere")
    (seeds / "empty.txt").write_bytes(b"")
    monkeypatch.setenv("DATABASE_PATH", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("SEEDS_DIR", str(seeds))
    assert main(["load"]) == 0
    out = capsys.readouterr().out
    assert "5 added" in out
    assert "rejected: empty.txt: " in out
    assert (tmp_path / "env.sqlite3").is_file()


def test_load_of_a_missing_folder_fails_clearly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["load", "--db", str(tmp_path / "a.sqlite3"), str(tmp_path / "nowhere")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_inspect_json_has_exactly_the_documented_keys(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["inspect", "--json", *(str(SEEDS / name) for name in SEED_FILES)]) == 0
    objects = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [item["file"] for item in objects] == SEED_FILES
    for item in objects:
        assert set(item) == JSON_KEYS
        assert item["date"] is None or len(item["date"]) == len("2022-11-27")
        assert all(set(region) == REGION_KEYS for region in item["regions"])
        assert all(set(fact) == {"kind", "text"} for fact in item["facts"])
        roles = item["sector_roles"]
        assert item["sectors"] == [role["id"] for role in roles]  # main first
        assert 1 <= sum(role["role"] == "main" for role in roles) <= 3
        assert [role["role"] for role in roles] == sorted(r["role"] for r in roles)
    by_prefix = {item["file"][:3]: item for item in objects}
    assert by_prefix["004"]["date"] == "2022-11-27"
    assert by_prefix["003"]["date"] is None
    assert by_prefix["002"]["lang"] == "kk"
    assert {"id": "tourism", "role": "main"} in by_prefix["000"]["sector_roles"]


def test_inspect_shows_the_url_and_the_sector_roles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "https://example.kz/2025/04/14/news/\n"
        "Павлодарская область и Омская область обсудили поставки угля\n"
        "Аким Павлодарской области и губернатор Омской области обсудили поставки угля.\n",
        encoding="utf-8",
    )
    assert main(["inspect", str(article)]) == 0
    shown = capsys.readouterr().out
    assert "url: https://example.kz/2025/04/14/news/" in shown
    assert '"id": "energy", "role": "main"' in shown
    assert "date: 2025-04-14" in shown


def test_inspect_reports_unreadable_files_and_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = SEEDS / seed_named("004")
    code = main(["inspect", "--json", str(empty), str(tmp_path / "missing.txt"), str(good)])
    captured = capsys.readouterr()
    assert code == 1
    assert "empty.txt: " in captured.err
    assert "missing.txt: The file cannot be opened" in captured.err
    assert [json.loads(line)["file"] for line in captured.out.splitlines()] == [good.name]


def test_inspect_as_text_without_database(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "storage", "inspect", str(SEEDS / seed_named("003"))],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "title: " in result.stdout
    assert "date: " in result.stdout
    assert list(tmp_path.iterdir()) == []

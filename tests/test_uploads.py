"""Upload names: whatever name a file arrives with, it lands inside the seeds folder, safely."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.uploads import UnsafeUpload, safe_file_name, save_upload


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("news.txt", "news.txt"),
        ("../../x.txt", "x.txt"),
        ("/etc/passwd.txt", "passwd.txt"),
        ("..\\..\\evil.TXT", "evil.txt"),
        ("a/b.txt", "b.txt"),
        (".env", "env.txt"),
        ("...hidden.txt", "hidden.txt"),
        ("..", "upload.txt"),
        ("", "upload.txt"),
        (None, "upload.txt"),
        ("Астрахань и Атырау.txt", "Астрахань_и_Атырау.txt"),
        ("a b\tc;rm -rf.txt", "a_b_c_rm_rf.txt"),
        ("-n.txt", "n.txt"),
        ("x\x00y.txt", "x_y.txt"),
        ("notes", "notes.txt"),
    ],
)
def test_safe_file_name(original: str | None, expected: str) -> None:
    assert safe_file_name(original) == expected


@pytest.mark.parametrize("original", ["photo.jpg", "report.pdf", "archive.tar.gz", "x.txt.exe"])
def test_other_extensions_are_refused(original: str) -> None:
    with pytest.raises(UnsafeUpload):
        safe_file_name(original)


def test_long_names_are_cut() -> None:
    assert len(safe_file_name("я" * 500 + ".txt")) <= 100


def test_save_writes_a_new_file(tmp_path: Path) -> None:
    saved = save_upload(tmp_path, "news.txt", b"hello")
    assert saved.path == tmp_path / "news.txt"
    assert not saved.existed
    assert saved.path.read_bytes() == b"hello"


def test_save_never_overwrites_a_different_file(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_bytes(b"old")
    (tmp_path / "news-2.txt").write_bytes(b"older")
    saved = save_upload(tmp_path, "news.txt", b"new")
    assert saved.path == tmp_path / "news-3.txt"
    assert (tmp_path / "news.txt").read_bytes() == b"old"
    assert (tmp_path / "news-2.txt").read_bytes() == b"older"
    assert saved.path.read_bytes() == b"new"


def test_save_reuses_an_identical_file(tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_bytes(b"same")
    saved = save_upload(tmp_path, "news.txt", b"same")
    assert saved.existed
    assert saved.path == tmp_path / "news.txt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.txt"]


def test_save_leaves_no_temporary_files(tmp_path: Path) -> None:
    save_upload(tmp_path, "a.txt", b"1")
    save_upload(tmp_path, "a.txt", b"2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-2.txt", "a.txt"]


def test_save_refuses_a_name_that_leaves_the_folder(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    with pytest.raises(UnsafeUpload):
        save_upload(tmp_path / "seeds", "../x.txt", b"1")
    assert not (tmp_path / "x.txt").exists()
    assert list((tmp_path / "seeds").iterdir()) == []


def test_save_works_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(source: object, target: object) -> None:
        raise PermissionError("operation not permitted")

    monkeypatch.setattr("bot.uploads.os.link", no_links)
    (tmp_path / "news.txt").write_bytes(b"old")
    saved = save_upload(tmp_path, "news.txt", b"new")
    assert saved.path == tmp_path / "news-2.txt"
    assert saved.path.read_bytes() == b"new"
    assert (tmp_path / "news.txt").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news-2.txt", "news.txt"]

"""Turning the bytes of an article file into text, or saying in one sentence why it cannot."""

from __future__ import annotations

MAX_FILE_BYTES = 1_048_576
_CYRILLIC_SHARE = 0.3  # cp1251 text is taken only when it reads as mostly Cyrillic letters
_CONTROL_SHARE = 0.05


class UnreadableArticle(ValueError):
    """A file or text that cannot be read as an article; str(error) is a short English reason."""


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for c in text if not c.isprintable() and c not in "\n\r\t")
    return controls <= len(text) * _CONTROL_SHARE


def _looks_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return bool(letters) and cyrillic >= len(letters) * _CYRILLIC_SHARE


def decode_article_file(data: bytes) -> str:
    """The text of an article file: UTF-8 (a BOM is dropped), or Windows-1251 Cyrillic."""
    if not data.strip():
        raise UnreadableArticle("The file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableArticle("The file is larger than 1 MB.")
    if b"\x00" in data:
        raise UnreadableArticle("The file is binary, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _decode_cp1251(data)
    if not _looks_like_text(text):
        raise UnreadableArticle("The file is binary, not text.")
    return text


def _decode_cp1251(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise UnreadableArticle("The file is not UTF-8 or Windows-1251 text.") from None
    if not _looks_cyrillic(text):
        raise UnreadableArticle("The file is not UTF-8 or Windows-1251 text.")
    return text

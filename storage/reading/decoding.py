"""Turning the bytes of an article file into text, or saying in one sentence why it cannot.

The encoding is decided by evidence: a byte-order mark names it; otherwise UTF-8 is kept when
nearly all of the file's non-ASCII bytes form valid UTF-8 (a few stray bytes are replaced), and
Windows-1251 is tried only when most of them do not (as in a real Windows-1251 file, where almost
every Cyrillic letter is an invalid UTF-8 byte).
"""

from __future__ import annotations

import codecs
import re

MAX_FILE_BYTES = 1_048_576
_CYRILLIC_SHARE = 0.3  # cp1251 text is taken only when it reads as mostly Cyrillic letters
_CONTROL_SHARE = 0.05
_VALID_UTF8_SHARE = 0.9  # of the non-ASCII bytes; Windows-1251 Cyrillic scores near 0
_STRAY_BYTES = 4  # this many invalid bytes are strays even in a text of few non-ASCII bytes
_MIN_SPACE_SHARE = 0.02  # words are separated: a run of one byte value is not text
_MIN_DISTINCT_LETTERS = 6
_WORDS_CHECKED_FROM = 40  # letters; shorter texts are judged by the reader, not here
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_ASCII = bytes(range(128))
NOT_TEXT = "The file is not text."


class UnreadableArticle(ValueError):
    """A file or text that cannot be read as an article; str(error) is a short English reason."""


def decode_article_file(data: bytes) -> str:
    """The text of an article file: by its byte-order mark, UTF-8, or Windows-1251 Cyrillic."""
    if not data.strip():
        raise UnreadableArticle("The file is empty.")
    if len(data) > MAX_FILE_BYTES:
        raise UnreadableArticle("The file is larger than 1 MB.")
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return _checked(_decode_marked(data[len(mark) :], encoding))
    if b"\x00" in data:
        raise UnreadableArticle("The file is binary, not text.")
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = len(_ESCAPED_BYTE.findall(text))
    if invalid:
        non_ascii = len(data.translate(None, _ASCII))
        if invalid > max(_STRAY_BYTES, non_ascii * (1 - _VALID_UTF8_SHARE)):
            return _checked(_decode_cp1251(data))
        text = _ESCAPED_BYTE.sub("\ufffd", text)
    return _checked(text)


def _decode_marked(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableArticle(NOT_TEXT) from None
    if not text.strip():
        raise UnreadableArticle("The file is empty.")
    return text


def _checked(text: str) -> str:
    """The text, when it reads as text: few control characters, words separated by spaces."""
    controls = sum(1 for c in text if not c.isprintable() and c not in "\n\r\t")
    if controls > len(text) * _CONTROL_SHARE:
        raise UnreadableArticle("The file is binary, not text.")
    if len(set(text.strip())) == 1 and len(text.strip()) > 1:  # a file of one repeated byte
        raise UnreadableArticle(NOT_TEXT)
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= _WORDS_CHECKED_FROM:
        spaces = sum(1 for c in text if c.isspace())
        if spaces < len(text) * _MIN_SPACE_SHARE or len(set(letters)) < _MIN_DISTINCT_LETTERS:
            raise UnreadableArticle(NOT_TEXT)
    return text


def _looks_cyrillic(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    return bool(letters) and cyrillic >= len(letters) * _CYRILLIC_SHARE


def _decode_cp1251(data: bytes) -> str:
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        raise UnreadableArticle("The file is not UTF-8 or Windows-1251 text.") from None
    if not _looks_cyrillic(text):
        raise UnreadableArticle("The file is not UTF-8 or Windows-1251 text.")
    return text

"""Hostile texts: reading time grows linearly with the text, and any text or file yields a record
or a clear rejection, never an exception."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.reading import UnreadableArticle, decode_article_file, read_article
from storage.reading.lines import MAX_LINE_CHARS, raw_lines

SMALL, LARGE = 100_000, 1_000_000
MAX_RATIO = 20  # linear is 10; a quadratic step gives about 100
# Runs of one pattern with no line break: each is the kind of line that made a backtracking
# pattern quadratic. A counter every 1,500 characters keeps the pieces of the line different,
# so that dropping repeated lines does not hide the work.
PATHOLOGICAL = {
    "dots": ".",
    "dashes": "-",
    "guillemets": "«",
    "double quotes": '"',
    "no space": "а",
    "digits": "1",
    "initials": "А.",
    "exclamations": "!?",
    "dotted words": "а.а ",
    "thousands": "1 000 ",
    "dot space": ". ",
}


def pathological_text(pattern: str, size: int) -> str:
    run = pattern * (1500 // len(pattern))
    body = "".join(f"{run}{i}" for i in range(size // (len(run) + 4)))
    return f"Астрахань и Атырау договорились о сотрудничестве\n{body}\nКонец статьи.\n"


def reading_seconds(text: str, repeats: int) -> float:
    """The shortest CPU time of a few readings (CPU time: other programs share the machine)."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        with contextlib.suppress(UnreadableArticle):
            read_article(text)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("pattern", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_reading_time_grows_linearly_on_pathological_lines(pattern: str) -> None:
    read_article("Прогрев таблиц регионов и отраслей\nАстрахань. Атырау.")
    small = max(reading_seconds(pathological_text(pattern, SMALL), repeats=3), 1e-3)
    large = reading_seconds(pathological_text(pattern, LARGE), repeats=2)
    assert large / small < MAX_RATIO, f"{pattern!r}: {small:.3f} s → {large:.3f} s"


def test_a_megabyte_without_a_space_is_read_in_capped_lines() -> None:
    text = "Заголовок статьи о сотрудничестве\n" + "ж" * LARGE
    assert max(len(line) for line in raw_lines(text)) == MAX_LINE_CHARS
    record = read_article(text)
    assert record.title == "Заголовок статьи о сотрудничестве"


ARTICLE_PIECES = st.sampled_from(
    [
        "Астрахань", "Атырау", "ЗКО", "БҚО", "аким области", "губернатор", "консульство в Омске",
        "форум", "«", "»", '"', ".", "!", "?", "…", " ", "\n", "\n\n", "-", "—", "–", "А.Е.",
        "600 млн. АҚШ", "$100 млн", "1 000", "07.03.2022", "2019 жылғы 6 наурыз", "Источник:",
        "https://example.kz/2025/04/14/news", "Все права защищены", "Популярное", "облысы",
        "торгово-экономическое", "подписали соглашение", "\t", "\r\n", "\u00a0", "\ufeff",
        "[[year]]", "Оқылды: 60", "(8)", "Опубликовано", "|", "г.", "им.", "ул.",
    ]
)  # fmt: skip
ARTICLE_LIKE = st.lists(st.one_of(ARTICLE_PIECES, st.text(max_size=12)), max_size=60).map("".join)
FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


def rejection(text: str) -> str:
    """The reason the text is rejected, or "" when it is read into a sound record."""
    try:
        record = read_article(text)
    except UnreadableArticle as error:
        return str(error)
    assert record.title.strip()
    assert record.lang in ("ru", "kk")
    assert all(mention.role in ("partner", "mentioned") for mention in record.regions)
    return ""


@FUZZ
@given(st.text(max_size=400))
def test_any_text_is_read_or_rejected_clearly(text: str) -> None:
    reason = rejection(text)
    assert not reason or reason.endswith(".")


@FUZZ
@given(ARTICLE_LIKE)
def test_any_article_like_text_is_read_or_rejected_clearly(text: str) -> None:
    reason = rejection(text)
    assert not reason or reason.endswith(".")


def decoded(data: bytes) -> tuple[str | None, str]:
    try:
        return decode_article_file(data), ""
    except UnreadableArticle as error:
        return None, str(error)


@FUZZ
@given(st.binary(max_size=400))
def test_any_file_is_decoded_and_read_or_rejected_clearly(data: bytes) -> None:
    text, reason = decoded(data)
    if text is None:
        assert reason.endswith(".")
    else:
        assert rejection(text).endswith(".") or not rejection(text)

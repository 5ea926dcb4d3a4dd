"""Bad article files are rejected with a short reason; reading never fails in any other way."""

from __future__ import annotations

import codecs
import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storage.reading import UnreadableArticle, decode_article_file, read_article

ARTICLE = "Астраханская делегация посетила Атырау\n\nАким Атырауской области встретил гостей."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (b"x" * 1_048_577, "larger than 1 MB"),
        (b"\xff\xfe\x98\x98 not text", "not text"),  # a UTF-16 mark, then no UTF-16
        (b"\xff" * 5000, "not text"),
        (b"\xff" * 12, "not text"),
        ("Ça coûte très cher à Genève".encode("latin-1"), "not UTF-8"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableArticle, match=reason):
        decode_article_file(data)


def test_exactly_one_megabyte_is_accepted() -> None:
    data = ARTICLE.encode() + b" " * (1_048_576 - len(ARTICLE.encode()))
    assert decode_article_file(data).startswith("Астраханская")


def test_cp1251_cyrillic_is_decoded() -> None:
    assert decode_article_file(ARTICLE.encode("cp1251")) == ARTICLE


def test_utf8_with_bom_is_decoded() -> None:
    assert decode_article_file(b"\xef\xbb\xbf" + ARTICLE.encode()) == ARTICLE


def test_utf16_with_a_byte_order_mark_is_decoded() -> None:
    assert decode_article_file(ARTICLE.encode("utf-16")) == ARTICLE
    assert decode_article_file(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")) == ARTICLE


def test_a_few_stray_bytes_in_utf8_are_replaced_not_read_as_cp1251() -> None:
    head, middle, tail = ARTICLE[:16], ARTICLE[16:28], ARTICLE[28:]
    garbled = b"\xff".join([head.encode(), middle.encode(), tail.encode()])
    garbled = garbled.replace(b" ", b" \x80", 1)
    text = decode_article_file(garbled)
    assert text.count("\ufffd") == 3
    assert text.replace("\ufffd", "") == ARTICLE
    record = read_article(text)
    assert record.lang == "ru"
    assert {m.region_id for m in record.regions} == {"ru-astrakhan", "kz-atyrau"}


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        (" \n\t", "empty"),
        ("4168\n\n[[year]]", "only site boilerplate"),
        ("Оқылды: 60\n7.11.2018, 12:10", "only site boilerplate"),
        ("Все права защищены", "only site boilerplate"),
        ("© 2024 Все права защищены\nПри использовании материалов ссылка обязательна", "only"),
        ("Популярное\nВсе", "too short"),
        ("ок\nда", "too short"),
    ],
)
def test_a_text_without_an_article_is_rejected_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(UnreadableArticle, match=reason):
        read_article(text)


def test_a_title_only_article_still_reads() -> None:
    record = read_article("Атырау и Астрахань подписали соглашение")
    assert record.summary == "Атырау и Астрахань подписали соглашение"
    assert {m.region_id for m in record.regions} == {"kz-atyrau", "ru-astrakhan"}


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text())
def test_reading_any_text_raises_nothing_but_unreadable(text: str) -> None:
    try:
        record = read_article(text)
    except UnreadableArticle as error:
        reason = str(error)
        assert reason
    else:
        assert record.title


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.binary(max_size=4096))
def test_reading_any_bytes_raises_nothing_but_unreadable(data: bytes) -> None:
    try:
        record = read_article(decode_article_file(data))
    except UnreadableArticle as error:
        assert str(error).endswith(".")  # noqa: PT017 - the property is that nothing else is raised
    else:
        assert record.title


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    st.lists(
        st.sampled_from(
            [
                "Астрахань",
                "ЗКО",
                "БҚО-да",
                "«УРАЛ»",
                "—",
                "$100 млн.",
                "7.11.2018",
                "Популярное",
                "\n",
                " ",
                "Губернатор",
                "консульства в Омске",
                "ЮНЕСКО",
                "2023–2026",
                "«",
                "»",
            ]
        ),
        max_size=60,
    )
)
def test_reading_article_like_noise_raises_nothing_but_unreadable(words: list[str]) -> None:
    with contextlib.suppress(UnreadableArticle):
        assert read_article(" ".join(words)).title

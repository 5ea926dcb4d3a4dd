"""Search syntax (`A OR B`, `-word`, `"exact phrase"`), safe quoting, and the matching passage."""

from __future__ import annotations

import re

import pytest

from bot.marking import marked_snippet
from storage.models import Snippet
from storage.search_syntax import parse_search
from storage.snippets import find_snippet
from tests.support import Feed, texts

# What a MATCH string may contain besides quoted stems: the operators this code builds.
_BUILT = re.compile(r'"[^"]*"|\(|\)|\s+|AND|OR|NOT')


@pytest.mark.parametrize(
    "typed",
    ['"AND" OR *', "NEAR(a b)", "x^2 + {col}: y", "a OR OR b", '"unclosed', "- -- -x", "OR"],
)
def test_user_text_never_becomes_fts_syntax(typed: str) -> None:
    match = parse_search(typed).match
    assert match is None or _BUILT.sub("", match) == ""


def test_operators() -> None:
    assert parse_search("газ нефть").match == '("газ") AND (("нефт" OR "нефть"))'
    assert parse_search("газ OR нефть").match == '(("газ") OR (("нефт" OR "нефть")))'
    assert parse_search("газ -нефть").match == '(("газ")) NOT ((("нефт" OR "нефть")))'
    assert parse_search("-нефть").match is None
    phrase = parse_search('"торговый оборот"')
    assert phrase.match is not None
    assert "торгов" in phrase.match
    assert [p.ru for p in phrase.phrases] == ["торгов оборот"]


def test_latin_word_also_matches_its_cyrillic_reading() -> None:
    assert "байконур" in parse_search("Baikonur").marked


def test_snippet_is_the_passage_with_the_words() -> None:
    text = "Начало статьи без слов. " * 10 + "Проект на Байконуре важен. Конец."
    snippet = find_snippet(text, {"байконур"})
    assert snippet is not None
    assert snippet.cut_before
    [(start, end)] = snippet.marks
    assert snippet.text[start:end] == "Байконуре"
    assert find_snippet(text, {"нефт"}) is None


def test_marked_snippet_escapes_and_marks() -> None:
    snippet = Snippet("a <b> & Байконур", ((8, 16),), cut_before=True, cut_after=True)
    assert marked_snippet(snippet) == "…a &lt;b&gt; &amp; <b>Байконур</b>…"


async def test_search_hit_shows_the_matching_passage(feed: Feed) -> None:
    [text] = texts(await feed("/search Байконур"))
    assert "комплекса «<b>Байконур</b>»" in text
    assert "<b>Байконуре</b>" in text


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("делегация", 4),
        ("делегация OR судостроение", 5),
        ("делегация -Астрахань", 3),
        ('"торговый оборот"', 1),
        ('"оборот торговый"', 0),
        ("Baikonur", 1),
    ],
)
async def test_search_operators_through_the_bot(feed: Feed, query: str, count: int) -> None:
    [text] = texts(await feed(f"/search {query}"))
    if count:
        assert f"Статей: <b>{count}</b>" in text
    else:
        assert text.startswith("По запросу")


async def test_only_exclusions_are_explained(feed: Feed) -> None:
    assert texts(await feed("/search -нефть")) == [
        "Нечего искать: напишите хотя бы одно слово без минуса, например: /search газ -нефть"
    ]


async def test_help_documents_the_search_syntax(feed: Feed) -> None:
    [text] = texts(await feed("/help", lang="en"))
    assert "<code>gas OR oil</code>" in text
    assert "<code>gas -oil</code>" in text

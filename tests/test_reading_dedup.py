"""The same story from several outlets is recognised by shingle similarity; others are not."""

from __future__ import annotations

from pathlib import Path

from bench.synthetic import synthetic_articles
from storage.reading import read_article
from storage.reading.dedup import SAME_STORY_THRESHOLD, is_same_story, shingles, similarity

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))


def body(index: int) -> str:
    return read_article(SEEDS[index].read_text(encoding="utf-8")).body


def test_another_outlets_version_of_a_story_is_the_same_story() -> None:
    original = body(4)
    sentences = original.split(". ")
    retold = ". ".join(sentences[1:-2]) + ". Об этом сообщает пресс-служба губернатора."
    assert similarity(original, retold) >= SAME_STORY_THRESHOLD
    assert is_same_story(shingles(original), shingles(retold))


def test_different_stories_are_far_apart() -> None:
    for i in range(len(SEEDS)):
        for j in range(i + 1, len(SEEDS)):
            assert similarity(body(i), body(j)) < 0.05


def test_shingles_are_stable_and_case_blind() -> None:
    assert shingles("Атырау и Астрахань") == shingles("атырау И АСТРАХАНЬ")
    assert shingles("Атырау и Астрахань") == frozenset({478785126})  # stable across runs
    assert similarity("", "что-то") == 0.0
    assert similarity("один два три", "один два три") == 1.0


def test_synthetic_articles_are_deterministic_readable_variants_of_the_seeds() -> None:
    articles = synthetic_articles(10, seed=7)
    assert articles == synthetic_articles(10, seed=7)
    assert articles != synthetic_articles(10, seed=8)
    records = [read_article(text) for text in articles]
    assert all(record.regions for record in records)
    assert is_same_story(records[4].body, body(4))  # shuffled sentences, the same story

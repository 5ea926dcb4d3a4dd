"""Synthetic articles for benchmarks, made from the seeds: shuffled, regions and dates swapped."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Region names as they appear in the seeds, and what a synthetic article may put in their place.
# Each tuple keeps the same grammatical form, so the result still reads as an article.
_SWAPS: tuple[tuple[str, ...], ...] = (
    ("Астраханской области", "Омской области", "Саратовской области", "Курганской области"),
    ("Челябинской области", "Оренбургской области", "Тюменской области", "Самарской области"),
    (
        "Туркестанской области",
        "Костанайской области",
        "Павлодарской области",
        "Актюбинской области",
    ),
    ("Атырауской области", "Мангистауской области", "Карагандинской области", "Абайской области"),
    ("Красноярского края", "Алтайского края", "Пермского края", "Краснодарского края"),
    ("Самара облысы", "Орынбор облысы", "Омбы облысы", "Астрахан облысы"),
    ("БҚО", "ШҚО", "СҚО", "Ақтөбе облысы"),
)
_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[А-ЯЁӘҒҚҢӨҰҮҺІ«“–-])")


def _seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _shuffled_paragraph(paragraph: str, rng: random.Random) -> str:
    sentences = _SENTENCE_END.split(paragraph)
    rng.shuffle(sentences)
    return " ".join(sentences)


def _swap_regions(text: str, rng: random.Random) -> str:
    for group in _SWAPS:
        if group[0] in text:
            text = text.replace(group[0], rng.choice(group))
    return text


def _new_date(rng: random.Random) -> str:
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(4000))
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def _variant(seed_text: str, rng: random.Random) -> str:
    head, _, rest = seed_text.partition("\n")
    paragraphs = rest.split("\n")
    body = [_shuffled_paragraph(p, rng) if len(p) > 200 else p for p in paragraphs]
    text = _swap_regions(head + "\n" + "\n".join(body), rng)
    return _DATE.sub(lambda _match: _new_date(rng), text)


def synthetic_articles(n: int, seed: int = 0) -> list[str]:
    """N article texts derived from the seeds; the same (n, seed) always gives the same list."""
    rng = random.Random(seed)
    seeds = _seed_texts()
    return [_variant(seeds[i % len(seeds)], rng) for i in range(n)]

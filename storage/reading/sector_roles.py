"""Which sectors an article is about (`main`, one to three) and which it names in passing.

Evidence for a sector is the weight of its lexicon words: three times in the title, more in the
lead and in a sentence saying what was signed or built, little in a list of many sectors (a
sentence naming four or more of them), so that "trade, industry, transport, energy…" does not
make every article about everything. Main sectors are the strongest, at most three, each with a
fair share of the strongest one's evidence; every other sector named is `mentioned`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from itertools import accumulate

from storage.matching import Hit
from storage.sectors import sector_hits

MAX_MAIN = 3
MAIN_MIN_EVIDENCE = 1.0
MAIN_SHARE = 0.6  # of the strongest sector's evidence
TITLE_FACTOR = 5.0
LEAD_FACTOR = 1.5
LEAD_SENTENCES = 1
DEED_FACTOR = 2.0
LIST_SECTORS = 4  # a sentence naming this many sectors is a list
LIST_FACTOR = 0.2
# Stems of sentences that say what was signed, agreed, built or opened (lower case).
_DEED_STEMS = (
    "подпис", "соглашени", "меморандум", "договор", "дорожн", "построи", "строительств", "откро",
    "открыт", "запуст", "создани", "келісім", "қол қой", "ашу", "салу", "іске қос",
)  # fmt: skip


def _factor(index: int, lowered: str) -> float:
    factor = LEAD_FACTOR if index < LEAD_SENTENCES else 1.0
    if any(stem in lowered for stem in _DEED_STEMS):
        factor *= DEED_FACTOR
    return factor


def _add(evidence: dict[str, float], hits: list[Hit], factor: float) -> None:
    if len({hit.value for hit in hits}) >= LIST_SECTORS:
        factor = min(factor, 1.0) * LIST_FACTOR
    for hit in hits:
        evidence[hit.value] += hit.weight * factor


def _hits_by_sentence(sentences: list[str]) -> list[list[Hit]]:
    """The sector hits of each sentence, found in one pass over the whole body."""
    starts = list(accumulate((len(s) + 1 for s in sentences[:-1]), initial=0))
    by_sentence: list[list[Hit]] = [[] for _ in sentences]
    for hit in sector_hits("\n".join(sentences)) if sentences else []:
        by_sentence[bisect_right(starts, hit.start) - 1].append(hit)
    return by_sentence


def sector_roles(title: str, sentences: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(main sector ids, mentioned sector ids), each strongest first."""
    sentences = [sentence.replace("\n", " ") for sentence in sentences]
    evidence: dict[str, float] = defaultdict(float)
    _add(evidence, sector_hits(title), TITLE_FACTOR)
    lowered = "\n".join(sentences).lower().split("\n")  # one lower() for the whole body
    for index, hits in enumerate(_hits_by_sentence(sentences)):
        if hits:
            _add(evidence, hits, _factor(index, lowered[index]))
    ranked = sorted(evidence, key=lambda sector: -evidence[sector])
    if not ranked:
        return (), ()
    top = evidence[ranked[0]]
    main = [
        sector
        for sector in ranked[:MAX_MAIN]
        if evidence[sector] >= MAIN_MIN_EVIDENCE and evidence[sector] >= top * MAIN_SHARE
    ] or ranked[:1]
    return tuple(main), tuple(sector for sector in ranked if sector not in main)

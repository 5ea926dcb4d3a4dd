"""Which sectors an article is about (`main`, one to three) and which it names in passing.

Evidence for a sector is the weight of its lexicon words: three times in the title, more in the
lead and in a sentence saying what was signed or built, little in a list of many sectors (a
sentence naming four or more of them), so that "trade, industry, transport, energy…" does not
make every article about everything. Main sectors are the strongest, at most three, each with a
fair share of the strongest one's evidence; every other sector named is `mentioned`.
"""

from __future__ import annotations

import re
from collections import defaultdict

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
_DEED = re.compile(
    r"подпис|соглашени|меморандум|договор|дорожн\w* карт|построи|строительств|откро|открыт|"
    r"запуст|создани|келісім|қол\s+қой|ашу|салу|іске\s+қос",
    re.IGNORECASE,
)


def _add(evidence: dict[str, float], text: str, factor: float) -> None:
    hits = sector_hits(text)
    if len({hit.value for hit in hits}) >= LIST_SECTORS:
        factor = min(factor, 1.0) * LIST_FACTOR
    for hit in hits:
        evidence[hit.value] += hit.weight * factor


def sector_roles(title: str, sentences: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(main sector ids, mentioned sector ids), each strongest first."""
    evidence: dict[str, float] = defaultdict(float)
    _add(evidence, title, TITLE_FACTOR)
    for index, sentence in enumerate(sentences):
        factor = LEAD_FACTOR if index < LEAD_SENTENCES else 1.0
        if _DEED.search(sentence):
            factor *= DEED_FACTOR
        _add(evidence, sentence, factor)
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

"""The 21 fixed sectors of cooperation: catalogue, Russian + Kazakh lexicon, query resolution."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storage.matching import Hit, PhraseMatcher, lower_same_length
from storage.models import Sector

TITLE_WEIGHT = 3.0  # a sector word in the title counts as much as three in the body
# A hyphen joins the parts of a compound word: each part names its own sector (торгово-
# экономическое, научно-техническое, сауда-экономикалық), so hyphens are read as spaces (same
# length, same positions; no sector phrase needs a hyphen).


@dataclass(frozen=True, slots=True)
class _Catalogue:
    sectors: tuple[Sector, ...]
    by_id: dict[str, Sector]
    by_label: dict[str, Sector]  # ids and labels in every language, lower-cased
    matcher: PhraseMatcher


@cache
def _catalogue() -> _Catalogue:
    raw = resources.files("storage").joinpath("data/sectors.json").read_text(encoding="utf-8")
    entries = json.loads(raw)["sectors"]
    sectors = tuple(Sector(e["id"], e["label_ru"], e["label_kk"], e["label_en"]) for e in entries)
    phrases = [
        (phrase.replace("-", " "), entry["id"], float(weight))
        for entry in entries
        for phrase, weight in entry["lexicon"].items()
    ]
    by_label: dict[str, Sector] = {}
    for sector in sectors:
        for name in (sector.id, sector.label_ru, sector.label_kk, sector.label_en):
            by_label[lower_same_length(name)] = sector
    return _Catalogue(sectors, {s.id: s for s in sectors}, by_label, PhraseMatcher(phrases))


def all_sectors() -> tuple[Sector, ...]:
    return _catalogue().sectors


def get_sector(sector_id: str) -> Sector | None:
    return _catalogue().by_id.get(sector_id)


def resolve_sector(query: str) -> Sector | None:
    """The sector a person means: its id or a label in ru/kk/en (any case), or one lexicon word."""
    catalogue = _catalogue()
    needle = lower_same_length(query.strip())
    if not needle:
        return None
    if needle in catalogue.by_label:
        return catalogue.by_label[needle]
    hits = catalogue.matcher.find(query.strip().replace("-", " "), ignore_case=True)
    return catalogue.by_id[hits[0].value] if hits else None


def suggest_sectors(query: str, limit: int = 5) -> list[Sector]:
    """Sectors whose labels are spelled close to `query`."""
    catalogue = _catalogue()
    needle = lower_same_length(query.strip())
    if not needle:
        return []
    labels = list(catalogue.by_label)
    close = [label for label in labels if len(needle) >= 3 and label.startswith(needle)]
    close += difflib.get_close_matches(needle, labels, n=limit * 4, cutoff=0.5)
    ids = dict.fromkeys(catalogue.by_label[label].id for label in close)
    return [catalogue.by_id[sector_id] for sector_id in list(ids)[:limit]]


def sector_hits(text: str) -> list[Hit]:
    """Every place in an article text that names a sector (hit.value is the sector id)."""
    return _catalogue().matcher.find(text.replace("-", " "), keep_ties=True)


def score_sectors(text: str, *, title: str = "") -> list[tuple[str, float]]:
    """Every sector the text speaks of, with its score, strongest first (ties: catalogue order)."""
    catalogue = _catalogue()
    scores = dict.fromkeys(catalogue.by_id, 0.0)
    for hit in sector_hits(title):
        scores[hit.value] += hit.weight * TITLE_WEIGHT
    for hit in sector_hits(text):
        scores[hit.value] += hit.weight
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    return [(sector_id, round(score, 2)) for sector_id, score in ranked if score > 0]

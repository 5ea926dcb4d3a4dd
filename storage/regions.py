"""The 109 regions (20 of Kazakhstan, 89 of Russia): catalogue, gazetteer and query resolution."""

from __future__ import annotations

import csv
import difflib
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from storage.matching import Hit, PhraseMatcher
from storage.models import Region

# Words of the English names that say what kind of unit it is, not which one.
_ENGLISH_KIND_WORDS = frozenset(
    ["region", "oblast", "krai", "republic", "of", "autonomous", "okrug", "people's", "the"]
)
_TOKEN = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class _Catalogue:
    regions: tuple[Region, ...]
    by_id: dict[str, Region]
    by_code: dict[str, Region]  # ids and ISO codes, lower-cased
    text_matcher: PhraseMatcher  # for article text
    query_matcher: PhraseMatcher  # for what people type (adds English names)
    spellings: dict[str, str]  # lower-cased name or alias word -> region id, for suggestions


def _read_rows() -> list[dict[str, str]]:
    text = resources.files("storage").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _region(row: dict[str, str]) -> Region:
    return Region(
        id=row["id"],
        iso=row["iso"] or None,
        country="KZ" if row["country"] == "KZ" else "RU",
        kind=row["kind"],
        name_ru=row["name_ru"],
        name_kk=row["name_kk"],
        name_en=row["name_en"],
    )


def _aliases(row: dict[str, str]) -> list[str]:
    return [alias.strip() for alias in row["aliases"].split(";") if alias.strip()]


def _english_names(region: Region) -> list[str]:
    """The English name and its parts around a dash (`Kemerovo Oblast`, `Kuzbass`)."""
    name = region.name_en.replace("(", "").replace(")", "")
    parts = [part.strip() for part in re.split(r"\s[–—]\s", name)]
    return [name, *parts] if len(parts) > 1 else [name]


def _english_phrases(regions: tuple[Region, ...]) -> list[tuple[str, str, float]]:
    """English names, and their cores without kind words where a core names one region only
    (`Astrakhan`, but not `Moscow` for Moscow Oblast, nor `Altai` for either Altai)."""
    names = [(r.id, name) for r in regions for name in _english_names(r)]
    cores = [
        (region_id, " ".join(w for w in name.split() if w.lower() not in _ENGLISH_KIND_WORDS))
        for region_id, name in names
    ]
    uses = Counter(name.lower() for _, name in {*names, *cores} if name)
    phrases = [(name, region_id, 1.0) for region_id, name in names]
    unique = [(rid, core) for rid, core in cores if core and uses[core.lower()] == 1]
    phrases += [(core, rid, 1.0) for rid, core in unique]
    return phrases


def _spellings(region: Region, aliases: list[str]) -> dict[str, str]:
    names = [region.name_ru, region.name_kk, region.name_en]
    names += [re.sub(r"[!*]|/\w+", "", alias) for alias in aliases]
    return {name.lower(): region.id for name in names if len(name) >= 3}


@cache
def _catalogue() -> _Catalogue:
    rows = _read_rows()
    regions = tuple(_region(row) for row in rows)
    text_phrases: list[tuple[str, str, float]] = []
    spellings: dict[str, str] = {}
    for row, region in zip(rows, regions, strict=True):
        aliases = _aliases(row)
        text_phrases += [(alias, region.id, 1.0) for alias in aliases]
        spellings.update(_spellings(region, aliases))
    query_phrases = _english_phrases(regions)
    by_code = {r.id.lower(): r for r in regions} | {r.iso.lower(): r for r in regions if r.iso}
    return _Catalogue(
        regions=regions,
        by_id={r.id: r for r in regions},
        by_code=by_code,
        text_matcher=PhraseMatcher(text_phrases),
        query_matcher=PhraseMatcher(text_phrases + query_phrases),
        spellings=spellings,
    )


def all_regions() -> tuple[Region, ...]:
    """All 109 regions, Kazakhstan first, in the order of the reference table."""
    return _catalogue().regions


def get_region(region_id: str) -> Region | None:
    return _catalogue().by_id.get(region_id)


def find_region_hits(text: str) -> list[Hit]:
    """Every place in an article text that names a region (hit.value is the region id)."""
    return _catalogue().text_matcher.find(text)


def resolve_regions(query: str) -> list[Region]:
    """The regions a person means by `query`: names in any case or form (ru/kk/en),
    abbreviations, cities standing for their region, ISO codes and ids; several may be named."""
    catalogue = _catalogue()
    found: dict[str, Region] = {}
    for token in _TOKEN.findall(query):
        region = catalogue.by_code.get(token.lower())
        if region:
            found[region.id] = region
    for hit in catalogue.query_matcher.find(query, ignore_case=True):
        found.setdefault(hit.value, catalogue.by_id[hit.value])
    return list(found.values())


def find_typed_region_hits(query: str) -> list[Hit]:
    """Where `query` names a region, in any case (ru/kk/en names, aliases, ids and ISO codes)."""
    catalogue = _catalogue()
    hits = catalogue.query_matcher.find(query, ignore_case=True)
    for token in _TOKEN.finditer(query):
        region = catalogue.by_code.get(token[0].lower())
        if region and not any(h.start < token.end() and token.start() < h.end for h in hits):
            hits.append(Hit(token.start(), token.end(), region.id))
    return sorted(hits, key=lambda hit: hit.start)


def suggest_regions(query: str, limit: int = 5) -> list[Region]:
    """Regions whose names are spelled close to `query` (for a query that resolved to nothing)."""
    catalogue = _catalogue()
    needle = query.strip().lower()
    if not needle:
        return []
    spellings = catalogue.spellings
    close = [s for s in spellings if len(needle) >= 3 and s.startswith(needle)]
    close += difflib.get_close_matches(needle, list(spellings), n=limit * 4, cutoff=0.6)
    ids = dict.fromkeys(spellings[s] for s in close)
    return [catalogue.by_id[region_id] for region_id in list(ids)[:limit]]

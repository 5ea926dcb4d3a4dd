"""Names in what people type: regions, the two countries and sectors, in any script or language.

Three sources, tried in this order on the parts of the text not yet claimed: the gazetteer of
region names (ids and ISO codes too), the sector names (`data/sector_names.tsv`), and spelling
keys (`storage.translit.spelling_key`) of the typed spellings in `data/region_spellings.tsv` and
of the catalogue names, which meet Latin, Kazakh and old spellings by rule.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from storage.matching import PhraseMatcher
from storage.regions import all_regions, find_typed_region_hits
from storage.translit import is_latin, spelling_key

NameKind = Literal["region", "country", "sector"]
COUNTRIES = frozenset({"KZ", "RU"})
MAX_NAME_WORDS = 3  # the longest spelling looked up by key, in words ("Russian Federation")
_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")
# Words that name a kind of unit, not which one: dropped from catalogue names before keying.
_KIND_WORDS = re.compile(
    r"\b(?:область|облысы|край|өлкесі|республика|республикасы|region|oblast|krai|republic"
    r"|of|the)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name found in typed text: where, and what it names (a region id, KZ/RU, a sector id)."""

    start: int
    end: int
    kind: NameKind
    value: str


def _data_rows(name: str) -> list[list[str]]:
    text = resources.files("storage").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.reader(lines[1:], delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _sector_matcher() -> PhraseMatcher:
    return PhraseMatcher(
        (phrase, sector_id, 1.0) for sector_id, phrase in _data_rows("sector_names.tsv")
    )


@cache
def _spelling_keys() -> dict[str, str]:
    """Lookup key → region id or country code; keys that mean two things are left out.

    Latin spellings are looked up by their spelling key (which every spelling in any script
    has); Cyrillic ones only as written (lower case, ё as е), so that a Russian word never
    meets a name through the Latin fold (Казан, October in Kazakh, is not Казань).
    """
    meanings: dict[str, set[str]] = {}
    spellings = [(value, spelling) for value, spelling in _data_rows("region_spellings.tsv")]
    for region in all_regions():
        names = (region.name_ru, region.name_kk, region.name_en)
        spellings += [(region.id, name) for name in names]
        spellings += [(region.id, _KIND_WORDS.sub(" ", name)) for name in names]
    for value, spelling in spellings:
        for key in (spelling_key(spelling), _written_key(spelling)):
            if key:
                meanings.setdefault(key, set()).add(value)
    return {key: values.pop() for key, values in meanings.items() if len(values) == 1}


def find_names(text: str) -> list[NameHit]:
    """Every region, country and sector named in `text`, in text order, never overlapping."""
    hits = [
        NameHit(hit.start, hit.end, "region", hit.value) for hit in find_typed_region_hits(text)
    ]
    for hit in _sector_matcher().find(text, ignore_case=True):
        if not _overlaps(hits, hit.start, hit.end):
            hits.append(NameHit(hit.start, hit.end, "sector", hit.value))
    hits += _keyed_names(text, hits)
    return sorted(hits, key=lambda hit: hit.start)


def _keyed_names(text: str, claimed: list[NameHit]) -> list[NameHit]:
    """Names found by spelling key among the words no other source claimed, longest first."""
    keys = _spelling_keys()
    words = [w for w in _WORD.finditer(text) if not _overlaps(claimed, w.start(), w.end())]
    found: list[NameHit] = []
    index = 0
    while index < len(words):
        for size in range(min(MAX_NAME_WORDS, len(words) - index), 0, -1):
            group = words[index : index + size]
            value = keys.get(_lookup_key(" ".join(word[0] for word in group)))
            if value is not None:
                kind: NameKind = "country" if value in COUNTRIES else "region"
                found.append(NameHit(group[0].start(), group[-1].end(), kind, value))
                index += size
                break
        else:
            index += 1
    return found


def _lookup_key(typed: str) -> str:
    return spelling_key(typed) if is_latin(typed) else _written_key(typed)


def _written_key(spelling: str) -> str:
    """A spelling as written, in lower case: the key of a non-Latin spelling ("=" marks it)."""
    if is_latin(spelling):
        return ""
    return "=" + " ".join(spelling.lower().replace("ё", "е").replace("-", " ").split())


def _overlaps(hits: list[NameHit], start: int, end: int) -> bool:
    return any(hit.start < end and start < hit.end for hit in hits)

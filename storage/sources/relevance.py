"""Whether a read article is about Kazakhstan–Russia cooperation at the regional level."""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import ArticleRecord
from storage.regions import get_region

COUNTRIES = ("KZ", "RU")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Kept or not, and why: `reason` is a key (`kept`, `no_region`, `one_side`)."""

    kept: bool
    reason: str
    sides: tuple[str, ...] = ()  # the countries that are a party, for `one_side`


def judge(record: ArticleRecord) -> Verdict:
    """Keep an article whose parties, by the reader's own roles, span both countries.

    Each side is a partner region of that country or the country itself (national level,
    e.g. its consul general); at least one side must be a region, since the archive is about
    regions. A region merely mentioned is no party: regional news with no partner across the
    border is rejected.
    """
    region_sides = {
        region.country
        for region_id in record.partners
        if (region := get_region(region_id)) is not None
    }
    if not region_sides:
        return Verdict(False, "no_region")
    sides = region_sides | (set(record.national_level) & set(COUNTRIES))
    if sides != set(COUNTRIES):
        return Verdict(False, "one_side", tuple(sorted(sides)))
    return Verdict(True, "kept", COUNTRIES)

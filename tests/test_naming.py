"""Every typed spelling in the data files names what its line says, and nothing else does."""

from __future__ import annotations

import pytest

from storage.naming import _data_rows, find_names
from storage.regions import get_region
from storage.sectors import get_sector

SPELLINGS = _data_rows("region_spellings.tsv")
SECTOR_NAMES = _data_rows("sector_names.tsv")


@pytest.mark.parametrize(("value", "spelling"), SPELLINGS)
def test_each_spelling_line_names_its_region(value: str, spelling: str) -> None:
    assert value in {"KZ", "RU"} or get_region(value) is not None
    hits = find_names(spelling)
    assert [(hit.value, hit.start, hit.end) for hit in hits] == [(value, 0, len(spelling))]


@pytest.mark.parametrize("sector_id", sorted({sector_id for sector_id, _ in SECTOR_NAMES}))
def test_sector_names_are_catalogue_sectors(sector_id: str) -> None:
    assert get_sector(sector_id) is not None


@pytest.mark.parametrize(
    "text",
    ["Алтай", "Урал", "Казан", "ЮНЕСКО", "товарооборот", "нефть и газ", "РК"],
)
def test_ambiguous_or_common_words_name_no_region(text: str) -> None:
    assert [hit for hit in find_names(text) if hit.kind != "sector"] == []

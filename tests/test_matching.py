"""The phrase syntax shared by the region gazetteer and the sector lexicon."""

from __future__ import annotations

import pytest

from storage.matching import PhraseMatcher


def spans(phrases: list[str], text: str, *, ignore_case: bool = False) -> list[str]:
    matcher = PhraseMatcher((phrase, phrase, 1.0) for phrase in phrases)
    return [text[hit.start : hit.end] for hit in matcher.find(text, ignore_case=ignore_case)]


@pytest.mark.parametrize(
    ("phrase", "text", "expected"),
    [
        ("!Омск/N", "в Омске и Омском", ["Омске", "Омском"]),
        ("!Омск/N", "в омске", []),  # `!` keeps the case
        ("омск/A", "Омская и омский", ["Омская", "омский"]),
        ("омск/A", "Томская", []),  # never inside a word
        ("!СКО/K", "ЮНЕСКО, СКО и СКО-да", ["СКО", "СКО-да"]),
        ("облыс/O", "облысының", ["облысының"]),
        ("турист*", "туристический", ["туристический"]),
        ("газ/N", "газета и газа", ["газа"]),
        ("!Самара/K", "Самараға, Самарадан", ["Самараға", "Самарадан"]),
        ("сельск/A хозяйств*", "сельского  хозяйства", ["сельского  хозяйства"]),
    ],
)
def test_phrase_syntax(phrase: str, text: str, expected: list[str]) -> None:
    assert spans([phrase], text) == expected


def test_overlaps_are_resolved_longest_first() -> None:
    phrases = ["!Петропавловск/N", "!Петропавловск-Камчатск/NA"]
    assert spans(phrases, "Петропавловск-Камчатский") == ["Петропавловск-Камчатский"]
    assert spans(phrases, "в Петропавловске") == ["Петропавловске"]


def test_ignore_case_is_for_what_people_type() -> None:
    assert spans(["!Орал/K"], "орал") == []
    assert spans(["!Орал/K"], "орал", ignore_case=True) == ["орал"]

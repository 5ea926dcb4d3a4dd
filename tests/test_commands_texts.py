"""The three catalogues: same keys, and every template formats with the values handlers give."""

from __future__ import annotations

import string

import pytest

from bot.texts import LANGUAGES, en, kk, pick_language, ru, t

CATALOGUES = {"ru": ru.TEXTS, "kk": kk.TEXTS, "en": en.TEXTS}


def test_the_three_catalogues_have_the_same_keys() -> None:
    assert set(ru.TEXTS) == set(kk.TEXTS) == set(en.TEXTS)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(ru.TEXTS))
def test_every_language_uses_the_same_placeholders(key: str) -> None:
    fields = {lang: _fields(CATALOGUES[lang][key]) for lang in LANGUAGES}
    assert fields["kk"] == fields["ru"] == fields["en"], key


def test_kazakh_wording_is_kazakh() -> None:
    assert t("kk", "lang.set") == "Дайын: тіл — қазақша."
    assert t("kk", "menu.regions") == "🗺 Өңірлер"
    assert "Қазақстан" in t("kk", "country.KZ")


def test_unknown_language_falls_back_to_russian() -> None:
    assert t(pick_language("de"), "card.date_unknown") == "дата неизвестна"

"""All user-facing wording, one module per UI language (ru, kk, en); `t()` looks a key up."""

from __future__ import annotations

from bot.html import Html, markup
from bot.texts import en, kk, ru

LANGUAGES = ("ru", "kk", "en")
DEFAULT_LANGUAGE = "ru"
_CATALOGUES: dict[str, dict[str, str]] = {"ru": ru.TEXTS, "kk": kk.TEXTS, "en": en.TEXTS}


def pick_language(code: str | None) -> str:
    """The UI language for a Telegram `language_code` (ru when unknown)."""
    base = (code or "").split("-")[0].lower()
    return base if base in _CATALOGUES else DEFAULT_LANGUAGE


def _template(lang: str, key: str) -> str:
    catalogue = _CATALOGUES.get(lang, _CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue.get(key) or _CATALOGUES[DEFAULT_LANGUAGE][key]


def t(lang: str, key: str, /, **values: Html | int) -> Html:
    """The message text for `key` in `lang`: an HTML template filled with escaped values."""
    return markup(_template(lang, key), **values)


def label(lang: str, key: str, /, **values: str | int) -> str:
    """Plain wording for `key` (a button, a menu entry, a button's alert): no markup inside."""
    template = _template(lang, key)
    return template.format(**values) if values else template


def words_of_every_language(key: str) -> frozenset[str]:
    """The comma-separated words of `key` in every language, lower-cased (typed commands)."""
    return frozenset(
        word.strip().lower() for texts in _CATALOGUES.values() for word in texts[key].split(",")
    )


def catalogue_keys() -> dict[str, frozenset[str]]:
    """Every key of every language's catalogue (for the tests that render them all)."""
    return {lang: frozenset(texts) for lang, texts in _CATALOGUES.items()}

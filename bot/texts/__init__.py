"""All user-facing wording, one module per UI language (ru, kk, en); `t()` looks a key up."""

from __future__ import annotations

from typing import Any

from bot.texts import en, kk, ru

LANGUAGES = ("ru", "kk", "en")
DEFAULT_LANGUAGE = "ru"
_CATALOGUES: dict[str, dict[str, str]] = {"ru": ru.TEXTS, "kk": kk.TEXTS, "en": en.TEXTS}


def pick_language(code: str | None) -> str:
    """The UI language for a Telegram `language_code` (ru when unknown)."""
    base = (code or "").split("-")[0].lower()
    return base if base in _CATALOGUES else DEFAULT_LANGUAGE


def t(lang: str, key: str, /, **values: Any) -> str:
    """The text for `key` in `lang`, formatted with `values` (which the caller has escaped)."""
    catalogue = _CATALOGUES.get(lang, _CATALOGUES[DEFAULT_LANGUAGE])
    template = catalogue.get(key) or _CATALOGUES[DEFAULT_LANGUAGE][key]
    return template.format(**values) if values else template

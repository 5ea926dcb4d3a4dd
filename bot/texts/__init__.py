"""All user-facing wording, one module per UI language (ru, kk, en); `t()` looks a key up."""

from __future__ import annotations

from bot.html import Html, markup
from bot.texts import en, kk, ru
from storage.models import LANGUAGES as LANGUAGES  # re-exported: the UI languages
from storage.models import Lang

DEFAULT_LANGUAGE: Lang = "ru"
_CATALOGUES: dict[Lang, dict[str, str]] = {"ru": ru.TEXTS, "kk": kk.TEXTS, "en": en.TEXTS}


def as_language(code: str | None) -> Lang | None:
    """`code` as a UI language, when it is one."""
    return next((lang for lang in LANGUAGES if lang == code), None)


def pick_language(code: str | None) -> Lang:
    """The UI language for a Telegram `language_code` (ru when unknown)."""
    return as_language((code or "").split("-")[0].lower()) or DEFAULT_LANGUAGE


def _template(lang: Lang, key: str) -> str:
    catalogue = _CATALOGUES.get(lang, _CATALOGUES[DEFAULT_LANGUAGE])
    return catalogue.get(key) or _CATALOGUES[DEFAULT_LANGUAGE][key]


def t(lang: Lang, key: str, /, **values: Html | int) -> Html:
    """The message text for `key` in `lang`: an HTML template filled with escaped values."""
    return markup(_template(lang, key), **values)


def label(lang: Lang, key: str, /, **values: str | int) -> str:
    """Plain wording for `key` (a button, a menu entry, a button's alert): no markup inside."""
    template = _template(lang, key)
    return template.format(**values) if values else template


def words_of_every_language(key: str) -> frozenset[str]:
    """The comma-separated words of `key` in every language, lower-cased (typed commands)."""
    return frozenset(
        word.strip().lower() for texts in _CATALOGUES.values() for word in texts[key].split(",")
    )

"""Layout of /sources: the list of sources, one source's buttons, rejected items, reasons."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup

from bot.callbacks import KeepCallback, SourceAction, SourceCallback
from bot.html import Html, escape, join
from bot.texts import label, t
from bot.views.keyboards import Button, button, rows_of
from bot.views.render import MESSAGE_LIMIT, clip, join_within, shorten
from storage.models import Lang
from storage.sources.addresses import RefusedAddress, redact
from storage.sources.checking import CheckResult
from storage.sources.fetching import FetchFailed
from storage.sources.items import RejectedItem
from storage.sources.pages import UnusableListing
from storage.sources.registry import Source, SourceExists, SourceLimitReached

NAME_CHARS = 60
URL_CHARS = 120
TITLE_CHARS = 120


def _when(moment: dt.datetime | None, lang: Lang) -> Html:
    return escape(moment.strftime("%d.%m.%Y %H:%M UTC")) if moment else t(lang, "sources.never")


def source_name(source: Source) -> Html:
    """The name, shortened and escaped for a message."""
    return clip(source.name, NAME_CHARS)


def source_block(number: int | None, source: Source, lang: Lang) -> Html:
    """Everything about one source: name, address, kind, checks, counters, last error."""
    error = Html("")
    if source.last_error:
        error = t(lang, "sources.error_line", error=error_text(source.last_error[:200], lang))
    return t(
        lang,
        "sources.block",
        number=escape(f"{number}. " if number else ""),
        name=source_name(source),
        state=t(lang, "sources.state_paused" if source.paused else "sources.state_active"),
        url=clip(redact(source.url), URL_CHARS),
        kind=t(lang, f"sources.kind_{source.kind}"),
        last_check=_when(source.last_check, lang),
        next_check=escape("—") if source.paused else _when(source.next_check, lang),
        seen=source.items_seen,
        kept=source.items_kept,
        rejected=source.items_rejected,
        error=error,
    )


def sources_list(
    sources: Sequence[Source], limit: int, lang: Lang
) -> tuple[Html, InlineKeyboardMarkup | None]:
    """/sources: every source as a block (as many as fit), and a button to open each."""
    if not sources:
        return t(lang, "sources.none"), None
    header = t(lang, "sources.title", count=len(sources), limit=limit)
    blocks = [source_block(i, s, lang) for i, s in enumerate(sources, 1)]
    text = join_within([header, *blocks], MESSAGE_LIMIT - 100)
    shown = text.count("\n\n")
    if shown < len(blocks):
        text = join("\n\n", [text, t(lang, "sources.more", count=len(blocks) - shown)])
    rows = [
        [_button(f"{i}. {shorten(s.name, 40)}", "open", s.id)]
        for i, s in enumerate(sources[:100], 1)
    ]
    return text, InlineKeyboardMarkup(inline_keyboard=rows)


def source_card(source: Source, lang: Lang) -> tuple[Html, InlineKeyboardMarkup]:
    """One source with its actions."""
    toggle: SourceAction = "resume" if source.paused else "pause"
    rows = [
        [_button(label(lang, f"sources.btn_{toggle}"), toggle, source.id),
         _button(label(lang, "sources.btn_check"), "check", source.id)],
        [_button(label(lang, "sources.btn_rejected"), "rejected", source.id),
         _button(label(lang, "sources.btn_remove"), "remove", source.id)],
        [_button(label(lang, "sources.btn_back"), "list", 0)],
    ]  # fmt: skip
    return source_block(None, source, lang), InlineKeyboardMarkup(inline_keyboard=rows)


# Fetch and listing errors are stored (and logged) in one language; they are shown in the
# admin's own. An error not in this table is shown as stored.
_ERRORS = (
    (re.compile(r"^disallowed by robots\.txt$"), "sources.err_robots"),
    (re.compile(r"^HTTP (?P<status>\d{3})$"), "sources.err_http"),
    (re.compile(r"^larger than \d+ MB$|^too large$"), "sources.err_too_large"),
    (re.compile(r"^more than \d+ redirects$"), "sources.err_redirects"),
    (re.compile(r"^timed out after (?P<seconds>[\d.]+) s$"), "sources.err_timeout"),
    (re.compile(r"^connection failed \(\w+\)$"), "sources.err_connection"),
    (re.compile(r"^address refused \((?P<code>\w+)\)$"), "sources.err_address"),
    (re.compile(r"^malformed feed$"), "sources.err_malformed"),
    (re.compile(r"^not a feed, a sitemap or an HTML page$"), "sources.err_not_listing"),
    (re.compile(r"^a sitemap index"), "sources.err_sitemap_index"),
    (re.compile(r"^unreadable HTML page$"), "sources.err_unreadable_page"),
)


def error_text(error: str, lang: Lang) -> Html:
    """A stored fetch or listing error in the admin's language (escaped)."""
    for pattern, key in _ERRORS:
        if match := pattern.match(error):
            return t(lang, key, **{k: escape(v) for k, v in match.groupdict().items()})
    return escape(error)


def reason_text(reason: str, lang: Lang) -> Html:
    """Why an item was rejected, in the admin's language (reasons are stored as keys)."""
    key, _, detail = reason.partition(":")
    if key == "fetch":
        return t(lang, "sources.reason_fetch", error=error_text(detail, lang))
    if key == "one_side":
        return t(lang, "sources.reason_one_side", sides=escape(detail or "—"))
    return t(lang, f"sources.reason_{key}") if key else escape("—")


def rejected_list(
    source: Source, items: Sequence[RejectedItem], lang: Lang
) -> tuple[Html, InlineKeyboardMarkup]:
    """The last rejected titles of a source, why, and a keep button for those still kept."""
    back = [_button(label(lang, "sources.btn_back"), "open", source.id)]
    if not items:
        text = t(lang, "sources.rejected_none", name=source_name(source))
        return text, InlineKeyboardMarkup(inline_keyboard=[back])
    lines = [t(lang, "sources.rejected_title", name=source_name(source))]
    keep_buttons: list[Button] = []
    for number, item in enumerate(items, 1):
        title = clip(item.title or item.url, TITLE_CHARS)
        reason = reason_text(item.reason, lang)
        lines.append(t(lang, "sources.rejected_line", number=number, title=title, reason=reason))
        if item.keepable:
            keep = label(lang, "sources.btn_keep", number=number)
            keep_buttons.append(button(keep, KeepCallback(item=item.id)))
    rows = [*rows_of(keep_buttons, 3), back]
    return _lines_within(lines, MESSAGE_LIMIT), InlineKeyboardMarkup(inline_keyboard=rows)


def _lines_within(lines: Sequence[Html], limit: int) -> Html:
    """Lines joined by newlines, leaving out trailing ones that would pass `limit`."""
    kept: list[Html] = []
    size = 0
    for line in lines:
        size += len(line) + 1
        if size > limit:
            break
        kept.append(line)
    return join("\n", kept)


def check_result(source: Source, result: CheckResult, lang: Lang) -> Html:
    """What a "check now" found: kept and rejected counts, nothing new, or why it failed."""
    name = source_name(source)
    if result.error:
        return t(lang, "sources.check_failed", name=name, error=error_text(result.error, lang))
    if result.not_modified:
        return t(lang, "sources.checked_not_modified", name=name)
    kept = len(result.kept_files)
    return t(lang, "sources.checked", name=name, kept=kept, rejected=result.rejected)


def _button(text: str, action: SourceAction, source_id: int) -> Button:
    return button(text, SourceCallback(action=action, id=source_id))


def added(source: Source, minutes: int, lang: Lang) -> Html:
    """A new source followed: its name, kind, address and how often it is checked."""
    kind = t(lang, f"sources.kind_{source.kind}")
    url = escape(redact(source.url))
    name = source_name(source)
    return t(lang, "sources.added", name=name, kind=kind, url=url, minutes=minutes)


# Why /source_add may not follow an address; anything else is an error to report.
NOT_ADDED = (RefusedAddress, FetchFailed, UnusableListing, SourceExists, SourceLimitReached)


def not_added(error: BaseException, limit: int, lang: Lang) -> Html:
    """Why an address was not added: refused, unusable, followed already, or over the limit."""
    if isinstance(error, RefusedAddress):
        return t(lang, f"sources.refused_{error.code}")
    if isinstance(error, SourceExists):
        return t(lang, "sources.exists")
    if isinstance(error, SourceLimitReached):
        return t(lang, "sources.limit", limit=limit)
    return t(lang, "sources.unusable", error=error_text(str(error), lang))

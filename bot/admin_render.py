"""Layout of the admins' messages: the reload report, an upload's reading, the statistics."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from bot.render import MESSAGE_LIMIT, format_date, region_name, sector_label, shorten
from bot.texts import t
from storage.backup import BackupEntry
from storage.loader import LoadReport
from storage.models import ArticleRecord
from storage.stats import AdminStats, ReloadEntry

FILES_SHOWN = 15  # per group of the reload report

_Namer = Callable[[str, str], str]


def reload_report(report: LoadReport, lang: str) -> list[str]:
    """The time taken, then each group of files with (the first of) its names; as messages."""
    groups = (
        ("admin.report_added", [_name(name) for name in report.added]),
        ("admin.report_updated", [_name(name) for name in report.updated]),
        ("admin.report_removed", [_name(name) for name in report.removed]),
        (
            "admin.report_rejected",
            [f"{_name(name)}: {escape(shorten(reason, 120))}" for name, reason in report.rejected],
        ),
    )
    lines = [t(lang, "admin.reload_done", seconds=_seconds(report.seconds))]
    for key, items in groups:
        lines.append(t(lang, key, count=len(items)))
        lines += [f"  • {item}" for item in items[:FILES_SHOWN]]
        if len(items) > FILES_SHOWN:
            lines.append("  " + t(lang, "admin.report_more", count=len(items) - FILES_SHOWN))
    lines.append(t(lang, "admin.report_unchanged", count=len(report.unchanged)))
    return _packed(lines)


def _packed(lines: Sequence[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Lines (each far below `limit`) joined into as few messages as fit."""
    messages = [""]
    for line in lines:
        if messages[-1] and len(messages[-1]) + 1 + len(line) > limit:
            messages.append("")
        messages[-1] = f"{messages[-1]}\n{line}" if messages[-1] else line
    return messages


def _name(file_name: str) -> str:
    return escape(shorten(file_name, 80))


def upload_result(
    file_name: str, existed: bool, record: ArticleRecord, report: LoadReport, lang: str
) -> str:
    """Where the file went, what the archive did with it, and how it was read."""
    key = "admin.upload_existed" if existed else "admin.upload_saved"
    lines = [t(lang, key, file=escape(file_name)), _load_outcome(file_name, report, lang)]
    lines.extend(reading(record, lang))
    return "\n".join(lines)


def _load_outcome(file_name: str, report: LoadReport, lang: str) -> str:
    for name, reason in report.rejected:
        if name == file_name:
            return t(lang, "admin.upload_rejected", reason=escape(reason))
    if file_name in report.added:
        return t(lang, "admin.upload_added")
    if file_name in report.updated:
        return t(lang, "admin.upload_updated")
    return t(lang, "admin.upload_unchanged")


def reading(record: ArticleRecord, lang: str) -> list[str]:
    """How one article was read: title, date, partner and mentioned regions, sectors."""
    partners = [region_name(m.region_id, lang) for m in record.regions if m.role == "partner"]
    partners += [region_name(code, lang) for code in record.national_level]
    mentioned = [region_name(m.region_id, lang) for m in record.regions if m.role == "mentioned"]
    lines = [
        t(lang, "admin.reading_title", title=escape(shorten(record.title, 200))),
        t(lang, "admin.reading_date", date=format_date(record.date, lang)),
        t(lang, "admin.reading_regions", regions=_listed(partners, lang)),
    ]
    if mentioned:
        lines.append(t(lang, "admin.reading_mentioned", regions=", ".join(mentioned)))
    sectors = [sector_label(s, lang) for s in record.sectors]
    lines.append(t(lang, "admin.reading_sectors", sectors=_listed(sectors, lang)))
    return lines


def stats(figures: AdminStats, lang: str) -> str:
    """Every figure of /stats, one line each."""
    archive, usage, deliveries = figures.archive, figures.usage, figures.usage.deliveries
    languages = ", ".join(f"{escape(code)} {count}" for code, count in archive.by_language)
    counts: dict[str, dict[str, object]] = {
        "admin.stats_articles": {
            "total": archive.articles,
            "dated": archive.dated,
            "undated": archive.undated,
        },
        "admin.stats_languages": {"languages": languages or t(lang, "admin.none")},
        "admin.stats_coverage": {
            "regions": archive.regions_covered,
            "sectors": archive.sectors_covered,
        },
        "admin.stats_audience": {
            "users": usage.users,
            "active": deliveries.active_chats,
            "inactive": deliveries.inactive_chats,
        },
        "admin.stats_subscriptions": {"count": deliveries.subscriptions},
        "admin.stats_top_regions": {"items": _top(usage.top_regions, region_name, lang)},
        "admin.stats_top_sectors": {"items": _top(usage.top_sectors, sector_label, lang)},
        "admin.stats_digests": {
            "day": deliveries.messages_24h,
            "day_articles": deliveries.delivered_24h,
            "week": deliveries.messages_7d,
            "week_articles": deliveries.delivered_7d,
        },
        "admin.stats_deliveries": {"failed": deliveries.failed, "pending": deliveries.pending},
    }
    lines = [t(lang, "admin.stats_title")]
    lines += [t(lang, key, **values) for key, values in counts.items()]
    lines.append(last_reload(figures.last_reload, lang))
    lines.append(last_backup(figures.last_backup, lang))
    return "\n".join(lines)


def last_reload(entry: ReloadEntry | None, lang: str) -> str:
    if entry is None:
        return t(lang, "admin.stats_never")
    if entry.ok:
        result = t(
            lang,
            "admin.stats_reload_ok",
            added=entry.added,
            updated=entry.updated,
            removed=entry.removed,
            rejected=entry.rejected,
            seconds=_seconds(entry.seconds),
        )
    else:
        result = t(lang, "admin.stats_reload_failed", error=escape(entry.error or ""))
    when = entry.finished_at.strftime("%d.%m.%Y %H:%M UTC")
    trigger = t(lang, f"admin.trigger_{entry.trigger}")
    return t(lang, "admin.stats_last_reload", when=when, trigger=trigger, result=result)


def last_backup(entry: BackupEntry | None, lang: str) -> str:
    if entry is None:
        return t(lang, "admin.stats_no_backup")
    when = entry.finished_at.strftime("%d.%m.%Y %H:%M UTC")
    size = f"{entry.size / 1e6:,.1f} MB"
    return t(lang, "admin.stats_last_backup", when=when, size=size, path=escape(entry.path))


def _top(items: Sequence[tuple[str, int]], name: _Namer, lang: str) -> str:
    if not items:
        return t(lang, "admin.none")
    return ", ".join(f"{name(key, lang)} {count}" for key, count in items)


def _listed(names: Sequence[str], lang: str) -> str:
    return ", ".join(names) if names else t(lang, "admin.none")


def _seconds(seconds: float) -> str:
    return f"{seconds:.2f}"

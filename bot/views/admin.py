"""Layout of the admins' messages: the reload report, an upload's reading, the statistics."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.html import Html, escape, join, markup
from bot.texts import t
from bot.views.render import MESSAGE_LIMIT, format_date, region_name, sector_label, shorten
from storage.backup import BackupEntry
from storage.loader import LoadReport
from storage.models import ArticleRecord, Lang
from storage.stats import AdminStats, ReloadEntry

FILES_SHOWN = 15  # per group of the reload report

_Namer = Callable[[str, Lang], Html]


def reload_report(report: LoadReport, lang: Lang) -> list[Html]:
    """The time taken, then each group of files with (the first of) its names; as messages."""
    groups = (
        ("admin.report_added", [_name(name) for name in report.added]),
        ("admin.report_updated", [_name(name) for name in report.updated]),
        ("admin.report_removed", [_name(name) for name in report.removed]),
        (
            "admin.report_rejected",
            [
                markup("{name}: {reason}", name=_name(name), reason=escape(shorten(reason, 120)))
                for name, reason in report.rejected
            ],
        ),
    )
    lines = [t(lang, "admin.reload_done", seconds=_seconds(report.seconds))]
    for key, items in groups:
        lines.append(t(lang, key, count=len(items)))
        lines += [markup("  • {item}", item=item) for item in items[:FILES_SHOWN]]
        if len(items) > FILES_SHOWN:
            more = t(lang, "admin.report_more", count=len(items) - FILES_SHOWN)
            lines.append(markup("  {more}", more=more))
    lines.append(t(lang, "admin.report_unchanged", count=len(report.unchanged)))
    if report.reread:
        changed = len(report.reread_changed)
        lines.append(t(lang, "admin.report_reread", count=len(report.reread), changed=changed))
    return _packed(lines)


def _packed(lines: Sequence[Html], limit: int = MESSAGE_LIMIT) -> list[Html]:
    """Lines (each far below `limit`) joined into as few messages as fit."""
    messages: list[list[Html]] = [[]]
    length = 0
    for line in lines:
        if messages[-1] and length + 1 + len(line) > limit:
            messages.append([])
            length = 0
        length += len(line) + (1 if messages[-1] else 0)
        messages[-1].append(line)
    return [join("\n", message) for message in messages]


def _name(file_name: str) -> Html:
    return escape(shorten(file_name, 80))


def upload_result(
    file_name: str, existed: bool, record: ArticleRecord, report: LoadReport, lang: Lang
) -> Html:
    """Where the file went, what the archive did with it, and how it was read."""
    key = "admin.upload_existed" if existed else "admin.upload_saved"
    lines = [t(lang, key, file=escape(file_name)), _load_outcome(file_name, report, lang)]
    lines.extend(reading(record, lang))
    return join("\n", lines)


def _load_outcome(file_name: str, report: LoadReport, lang: Lang) -> Html:
    for name, reason in report.rejected:
        if name == file_name:
            # The template ends the sentence; reasons may be sentences of their own.
            return t(lang, "admin.upload_rejected", reason=escape(reason.rstrip(".")))
    if file_name in report.added:
        return t(lang, "admin.upload_added")
    if file_name in report.updated:
        return t(lang, "admin.upload_updated")
    return t(lang, "admin.upload_unchanged")


def reading(record: ArticleRecord, lang: Lang) -> list[Html]:
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
        lines.append(t(lang, "admin.reading_mentioned", regions=join(", ", mentioned)))
    sectors = [sector_label(s, lang) for s in record.sectors]
    lines.append(t(lang, "admin.reading_sectors", sectors=_listed(sectors, lang)))
    return lines


def stats(figures: AdminStats, lang: Lang) -> Html:
    """Every figure of /stats, one line each."""
    archive, usage, deliveries = figures.archive, figures.usage, figures.usage.deliveries
    languages = join(
        ", ",
        [markup("{code} {n}", code=escape(code), n=count) for code, count in archive.by_language],
    )
    counts: dict[str, dict[str, Html | int]] = {
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
        "admin.stats_deliveries": {
            "failed": deliveries.failed,
            "uncertain": deliveries.uncertain,
            "pending": deliveries.pending,
        },
    }
    lines = [t(lang, "admin.stats_title")]
    lines += [t(lang, key, **values) for key, values in counts.items()]
    lines.append(last_reload(figures.last_reload, lang))
    lines.append(last_backup(figures.last_backup, lang))
    return join("\n", lines)


def last_reload(entry: ReloadEntry | None, lang: Lang) -> Html:
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
    when = escape(entry.finished_at.strftime("%d.%m.%Y %H:%M UTC"))
    trigger = t(lang, f"admin.trigger_{entry.trigger}")
    return t(lang, "admin.stats_last_reload", when=when, trigger=trigger, result=result)


def last_backup(entry: BackupEntry | None, lang: Lang) -> Html:
    if entry is None:
        return t(lang, "admin.stats_no_backup")
    when = escape(entry.finished_at.strftime("%d.%m.%Y %H:%M UTC"))
    size = escape(f"{entry.size / 1e6:,.1f} MB")
    return t(lang, "admin.stats_last_backup", when=when, size=size, path=escape(entry.path))


def _top(items: Sequence[tuple[str, int]], name: _Namer, lang: Lang) -> Html:
    if not items:
        return t(lang, "admin.none")
    return join(", ", [markup("{name} {n}", name=name(key, lang), n=n) for key, n in items])


def _listed(names: Sequence[Html], lang: Lang) -> Html:
    return join(", ", names) if names else t(lang, "admin.none")


def _seconds(seconds: float) -> Html:
    return escape(f"{seconds:.2f}")

"""Every feature's router, in the one order that decides which handler sees an update first."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    admin,
    article,
    charts,
    dates,
    errors,
    exports,
    fallback,
    figures,
    help,
    inline,
    lang,
    pages,
    regions,
    search,
    sectors,
    settings,
    sources,
    start,
    subscriptions,
)


def make_routers() -> list[Router]:
    """Fresh routers (a router belongs to one dispatcher, and tests make many), in order."""
    return [
        admin.make_router(),  # first: its IsAdmin filter lets admins in, everybody else through
        sources.make_router(),  # admins only too, for the same reason
        subscriptions.make_router(),  # before start: resumes paused chats, owns sub- deep links
        settings.make_router(),
        start.make_router(),  # /start and its r-/s- deep links, after the sub- ones above
        help.make_router(),
        regions.make_router(),
        sectors.make_router(),
        dates.make_router(),
        search.make_router(),
        article.make_router(),
        lang.make_router(),
        inline.make_router(),
        charts.make_router(),  # 📊 and /map: own callback prefixes, any place before fallback
        exports.make_router(),  # ⬇️ and /export, which reads the chat's last summary
        figures.make_router(),  # /figures: a command of its own, before the catch-all
        pages.make_router(),  # ◀ ▶ of every summary above and of typed combinations
        fallback.make_router(),  # the catch-all: plain text, unknown commands, stale buttons
        errors.make_router(),  # last: errors no feature router answered reach the notifier
    ]

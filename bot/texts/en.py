"""User-facing wording in en: HTML templates; every value put into them is escaped first."""

TEXTS: dict[str, str] = {
    # --- commands: start, help, regions, sectors, dates, search, article, lang, inline ---
    "card.date_unknown": "date unknown",
    "card.more": "More: /article {id}",
    "country.KZ": "Kazakhstan",
    "country.RU": "Russia",
    "overview.count": "Articles: <b>{count}</b>",
    "overview.undated": "undated: {count}",
    "overview.partners": "Partners across the border: {items}",
    "overview.regions": "Partner regions: {items}",
    "overview.sectors": "Top sectors: {items}",
    "overview.facts": "Key facts:",
    "page.of": "Page {page} of {pages}",
    "summary.subscribe": "🔔 Subscribe",
    "article.usage": "Give an article number, e.g. /article 3",
    "article.not_found": "There is no article #{id} in the archive. Latest articles: /latest",
    "article.source": "source: {source}",
    "article.regions": "<b>Regions</b>",
    "article.role_partner": "partner",
    "article.role_mentioned": "mentioned",
    "article.national": "national level",
    "article.sectors": "<b>Sectors:</b> {items}",
    "article.sectors_mentioned": "<b>Also named:</b> {items}",
    "article.link": '<a href="{url}">original</a>',
    "article.summary": "<b>Summary:</b> {text}",
    "article.facts": "<b>Key facts</b>",
    "article.same_story": "<b>The same story in other outlets</b>",
    "article.text": "<b>Full text</b>",
    "start.welcome": (
        "Hello! This bot collects news on cooperation between the regions of Kazakhstan "
        "and Russia.\n\n"
        "{coverage}\n\n"
        "Type a region, a sector or any word to search for, or choose an action below. "
        "All commands: /help"
    ),
    "start.coverage": (
        "Articles in the archive: <b>{articles}</b> · regions: {regions} · period: {span}"
    ),
    "start.empty": "The archive is empty for now: articles appear after the first load.",
    "start.bad_link": "This link is out of date. Here is the main menu.",
    "help.text": (
        "<b>What I can do</b>\n\n"
        "/region Astrakhan — a region's summary (or two: /region Atyrau Astrakhan)\n"
        "/regions — all regions with article counts\n"
        "/sector tourism — a sector's summary\n"
        "/sectors — all sectors\n"
        "/date November 2022 — articles of a period (2022, 11.2022, 07.03.2022, "
        "2022-03-01..2022-06-30)\n"
        "/search trade — search by words\n"
        "/latest — the latest articles\n"
        "/article 3 — one article in full\n"
        "/lang — interface language\n\n"
        "You can also just type a word and I will search the archive for it. "
        "In any chat: @{bot} astrakhan — share an article."
    ),
    "regions.choose": "Choose a country, then a region. Article counts are in brackets.",
    "regions.country": (
        "<b>{country}</b>: regions with articles ({count}). Page {page} of {pages}."
    ),
    "regions.empty": "The archive has no articles about regions yet.",
    "regions.kz": "🇰🇿 Kazakhstan",
    "regions.ru": "🇷🇺 Russia",
    "region.usage": (
        "Name a region, e.g. /region Astrakhan, /region West Kazakhstan or "
        "/region Atyrau Astrakhan. All regions: /regions"
    ),
    "region.unknown": "I could not find the region “{query}”.",
    "region.suggest": "Perhaps you meant one of these:",
    "region.browse": "All regions: /regions",
    "region.empty": "There are no articles about “{name}” yet. Regions with articles: /regions",
    "sectors.choose": "Choose a sector. Article counts are in brackets.",
    "sectors.empty": "The archive has no articles with sectors yet.",
    "sector.usage": "Name a sector, e.g. /sector tourism. All sectors: /sectors",
    "sector.unknown": "I do not know the sector “{query}”. All sectors: /sectors",
    "sector.empty": "There are no articles in “{name}” yet. All sectors: /sectors",
    "date.usage": (
        "Give a period, e.g. /date 2022, /date 2022-11, /date 11.2022, /date November 2022, "
        "/date 07.03.2022, /date 2022-03-01..2022-06-30"
    ),
    "date.bad": "I do not understand the period “{query}”.",
    "date.empty": "No dated articles for {period}.",
    "date.title": "Period: {period}",
    "search.usage": "Type what to search for, e.g. /search trade",
    "search.empty": "Nothing found for “{query}”. Try another word or /regions.",
    "search.title": "Search: “{query}”",
    "latest.title": "Latest articles",
    "latest.empty": "The archive is empty for now.",
    "lang.choose": "Choose the interface language:",
    "lang.set": "Done: the language is English.",
    "inline.empty": "Nothing found",
    "fallback.hint": "This is a search by words. Commands: /help",
    "fallback.unknown_command": "I do not know that command. All commands: /help",
    "fallback.not_text": "I only understand text. Commands: /help",
    "list.stale": "This list has changed, here is a fresh one.",
    "menu.regions": "🗺 Regions",
    "menu.sectors": "🏷 Sectors",
    "menu.latest": "🆕 Latest articles",
    "menu.help": "❓ Help",
    "cmd.start": "Start and the main menu",
    "cmd.help": "All commands with examples",
    "cmd.regions": "Regions with article counts",
    "cmd.region": "A region's summary: /region Astrakhan",
    "cmd.sectors": "Sectors with article counts",
    "cmd.sector": "A sector's summary: /sector tourism",
    "cmd.date": "Articles of a period: /date 2022-11",
    "cmd.latest": "The latest articles",
    "cmd.search": "Search: /search trade",
    "cmd.article": "One article in full: /article 3",
    "cmd.lang": "Interface language",
    # --- subscriptions, settings, digests ---
    "sub.usage": (
        "Tell me what to follow: /subscribe Atyrau, /subscribe Atyrau Astrakhan "
        "(a pair of regions) or /subscribe tourism."
    ),
    "sub.added": (
        "🔔 Subscribed: {name}.\n{schedule}\nChange it: /settings · all subscriptions: "
        "/subscriptions"
    ),
    "sub.exists": "Already subscribed: {name}.",
    "sub.removed": "🔕 Unsubscribed: {name}.",
    "sub.not_found": "No such subscription: {name}. All subscriptions: /subscriptions",
    "sub.removed_all": "🔕 All subscriptions of this chat removed: {count}.",
    "sub.choose": "“{query}” — which one do you mean?",
    "sub.unknown": (
        "“{query}” is not a region or a sector I know. Example: /subscribe Kostanay Chelyabinsk"
    ),
    "sub.admins_only": (
        "In a group only the chat's administrators can change subscriptions and settings."
    ),
    "sub.list_title": "🔔 <b>This chat's subscriptions</b>",
    "sub.list_empty": (
        "No subscriptions yet. Subscribe with /subscribe Atyrau or with the “Subscribe” button "
        "of a region's summary."
    ),
    "sub.remove_button": "✖ {name}",
    "sub.all_words": "all",  # /unsubscribe <any of these> drops every subscription
    "sub.unsubscribe_usage": "Tell me what to drop: /unsubscribe Atyrau or /unsubscribe all.",
    "sub.bad_link": "This subscription link or button is out of date.",
    "sub.limit": (
        "⚠️ This chat already has {limit} subscriptions, the most it can have. To add "
        "“{name}”, remove one in /subscriptions first."
    ),
    "digest.header": "📬 <b>New for your subscriptions</b>: {count}",
    "digest.group_other": "📰 <b>Other</b>",
    "digest.more": "…and {count} more — {command}",
    "digest.more_other": "…and {count} more",
    "digest.nothing_new": "📭 Nothing new for your subscriptions.",
    "digest.sending": "📬 Sending your digest: {count} new articles.",
    "digest.none": "📭 Nothing new since your last digest.",
    "digest.no_subscriptions": "No subscriptions, so no digest. Example: /subscribe Atyrau",
    "settings.title": "⚙️ <b>Digest settings</b>",
    "settings.mode_instant": "Digest: as soon as new articles arrive",
    "settings.mode_daily": "Digest: daily at {time} ({tz})",
    "settings.mode_weekly": "Digest: weekly on {weekday} at {time} ({tz})",
    "settings.tz": "Time zone: {tz}, where it is {now} now",
    "settings.empty_on": "When nothing is new: send a “nothing new” note",
    "settings.empty_off": "When nothing is new: send nothing",
    "settings.hint": "Another time: /settings 08:30 · another zone: /settings Europe/Samara",
    "settings.button_instant": "⚡ Instant",
    "settings.button_daily": "📅 Daily",
    "settings.button_weekly": "🗓 Weekly",
    "settings.button_empty_on": "🔔 Tell me when nothing is new",
    "settings.button_empty_off": "🔕 Stay silent when nothing is new",
    "settings.bad_value": (
        "I did not understand “{value}”. Write a time as 08:30 and a time zone as Asia/Almaty "
        "or Europe/Moscow."
    ),
    "settings.saved": "Saved",
    "weekday.0": "Monday",
    "weekday.1": "Tuesday",
    "weekday.2": "Wednesday",
    "weekday.3": "Thursday",
    "weekday.4": "Friday",
    "weekday.5": "Saturday",
    "weekday.6": "Sunday",
    "weekday_short.0": "Mo",
    "weekday_short.1": "Tu",
    "weekday_short.2": "We",
    "weekday_short.3": "Th",
    "weekday_short.4": "Fr",
    "weekday_short.5": "Sa",
    "weekday_short.6": "Su",
    "cmd.subscribe": "Follow a region, a pair or a sector",
    "cmd.subscriptions": "This chat's subscriptions",
    "cmd.unsubscribe": "Stop following",
    "cmd.settings": "When digests come",
    "cmd.digest": "The digest now",
    "help.digests": (
        "/subscribe Atyrau — a news digest (a region, a pair: /subscribe Atyrau Astrakhan, "
        "or a sector)\n"
        "/subscriptions — subscriptions · /unsubscribe Atyrau — stop following\n"
        "/settings — instant, daily or weekly, time zone · /digest — the digest now"
    ),
    # --- admin, errors ---
    "errors.apology": "Sorry, something went wrong. Please try again a little later.",
    "admin.error_notice": "⚠️ Bot error: {error}",
    "admin.error_suppressed": " ({count} more in the last minute not shown)",
    "admin.cmd_reload": "Reload the archive from the articles folder",
    "admin.cmd_stats": "Bot statistics",
    "admin.reload_running": "⏳ A reload is already running. Wait for its report.",
    "admin.reload_prune_refused": (
        "⛔ Reload refused: it would remove {removing} of the {total} articles in the archive, "
        "and an empty or wrong folder must not wipe the archive; if that is intended, send "
        "/reload prune."
    ),
    "admin.seeds_missing": (
        "❌ The articles folder {folder} was not found: check SEEDS_DIR. The archive is unchanged."
    ),
    "admin.reload_done": "<b>Archive reloaded</b> in {seconds} s.",
    "admin.report_added": "Added: {count}",
    "admin.report_updated": "Updated: {count}",
    "admin.report_unchanged": "Unchanged: {count}",
    "admin.report_removed": "Removed: {count}",
    "admin.report_rejected": "Rejected: {count}",
    "admin.report_more": "… and {count} more",
    "admin.report_reread": "Re-read by the new reader: {count}, records changed: {changed}",
    "admin.upload_too_big": (
        "File refused: it is larger than 1 MB ({size}). Send a .txt of at most 1 MB."
    ),
    "admin.upload_not_txt": "File refused: send a plain-text .txt file (at most 1 MB).",
    "admin.upload_unreadable": "File refused: {reason}.",
    "admin.upload_saved": "<b>File saved</b> as {file}.",
    "admin.upload_existed": "<b>This file is already there</b>: {file}.",
    "admin.upload_added": "The article was added to the archive.",
    "admin.upload_updated": "The article in the archive was updated.",
    "admin.upload_unchanged": "The article is already in the archive.",
    "admin.upload_rejected": "The loader rejected the file: {reason}.",
    "admin.reading_title": "Title: {title}",
    "admin.reading_date": "Date: {date}",
    "admin.reading_regions": "Regions: {regions}",
    "admin.reading_mentioned": "Mentioned: {regions}",
    "admin.reading_sectors": "Sectors: {sectors}",
    "admin.date_unknown": "not given",
    "admin.none": "—",
    "admin.stats_title": "<b>Statistics</b>",
    "admin.stats_articles": "Articles: {total} ({dated} dated, {undated} undated)",
    "admin.stats_languages": "By language: {languages}",
    "admin.stats_coverage": "Regions covered: {regions}, sectors: {sectors}",
    "admin.stats_audience": "Users: {users}; chats active: {active}, inactive: {inactive}",
    "admin.stats_top_regions": "Subscriptions by region: {items}",
    "admin.stats_top_sectors": "Subscriptions by sector: {items}",
    "admin.stats_digests": (
        "Digests sent: last 24 h — {day} ({day_articles} articles), "
        "last 7 days — {week} ({week_articles} articles)"
    ),
    "admin.stats_subscriptions": "Subscriptions in all: {count}",
    "admin.stats_deliveries": (
        "Deliveries: failed {failed}, uncertain {uncertain}, pending {pending}"
    ),
    "admin.stats_last_reload": "Last reload: {when} ({trigger}) — {result}",
    "admin.stats_reload_ok": (
        "added {added}, updated {updated}, removed {removed}, rejected {rejected}, {seconds} s"
    ),
    "admin.stats_reload_failed": "error: {error}",
    "admin.stats_never": "Last reload: none yet",
    # --- backups (python -m storage backup) ---
    "admin.stats_last_backup": "Last backup: {when}, {size}, {path}",
    "admin.stats_no_backup": "No backup yet (python -m storage backup)",
    "admin.trigger_reload": "/reload",
    "admin.trigger_upload": "file upload",
}

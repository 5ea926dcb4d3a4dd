"""User-facing wording in en: HTML templates; every value put into them is escaped first."""

TEXTS: dict[str, str] = {
    # --- commands: start, help, regions, sectors, dates, search, article, lang, inline ---
    "card.date_unknown": "date unknown",
    "card.more": "More: /a{id}",
    "country.KZ": "Kazakhstan",
    "country.RU": "Russia",
    "overview.count": "Articles: <b>{count}</b>",
    "overview.undated": "undated: {count}",
    "overview.partners": "Partners across the border: {items}",
    "overview.regions": "Partner regions: {items}",
    "overview.sectors": "Top sectors: {items}",
    "overview.facts": "Key facts:",
    "overview.home_mentioned": (
        "Of these, the region is only mentioned (a venue, a consulate): {count}"
    ),
    "overview.mentioned": "Also mentioned (not partners): {items}",
    "page.of": "Page {page} of {pages}",
    "list.as_cards": "🗂 Cards",
    "list.as_list": "☰ List",
    "list.outlets_one": "+{count} outlet",
    "list.outlets_few": "+{count} outlets",
    "list.outlets_many": "+{count} outlets",
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
        "/map 2023 — the map of cooperation between regions\n"
        "/figures Atyrau — reported trade turnover and investment, with sources\n"
        "/export xlsx — the last summary as a spreadsheet (or 📊 ⬇️ under a summary)\n"
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
    # --- typed words: what a typed text meant, and what it did not ---
    "typed.words": "words “{words}”",
    "typed.not_understood": "Not understood: “{words}”.",
    "typed.no_day": "There is no such day: {typed}.",
    "typed.no_month": "There is no such month: {typed}.",
    "typed.bad_year": "The archive covers the years {first}–{last}, not {typed}.",
    "typed.empty": "No articles: {title}.",
    "search.ask": "What shall I look for? Reply to this message with the words.",
    "search.placeholder": "trade turnover Atyrau",
    "date.recent": (
        "Choose a month (articles in brackets) or type a period: "
        "/date March–June 2022, /date last month, /date 2022"
    ),
    "date.none": "The archive has no dated articles yet.",
    "sub.what": "Follow what? Choose a region or a sector and press “Subscribe”.",
    "date.month_names": (
        "January February March April May June July August September October November December"
    ),
    "search.need_word": (
        "Nothing to look for: write at least one word without a minus, e.g. /search gas -oil"
    ),
    "search.syntax": (
        "In a search: <code>gas OR oil</code> — any of the words, <code>gas -oil</code> — "
        'without a word, <code>"trade turnover"</code> — an exact phrase.'
    ),
    "card.more_link": 'More: <a href="{url}">/a{id}</a>',
    "digest.more_link": '…and {count} more: <a href="{url}">open all</a>',
    "sub.added_button": "🔔 Subscribed: {name}.\n{schedule}",
    "sub.subscribed_button": "✅ Subscribed · Unsubscribe",
    "console.banner": (
        "The bot in console mode, over the local archive (no Telegram, no network).\n"
        "Digests are never delivered from here, and it refuses to start while the bot runs on "
        "the same database.\n"
        "Type a command (/start, /region Астрахань, /help) or words to search; type a button's "
        "number to press it; /quit or Ctrl-D to leave."
    ),
    # --- end typed words ---
    "latest.title": "Latest articles",
    "latest.empty": "The archive is empty for now.",
    "latest.new_title": "🆕 New since you last looked",
    "latest.nothing_new_title": "Nothing new since you last looked — the newest",
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
    # --- charts, turnover figures, exports ---
    "cmd.map": "Map of cooperation: /map 2023",
    "cmd.figures": "Turnover and investment: /figures Atyrau",
    "cmd.export": "Download the last summary: /export xlsx",
    "chart.button": "📊 Chart",
    "export.csv_button": "⬇️ CSV",
    "export.xlsx_button": "⬇️ XLSX",
    "chart.per_month": "Articles per month",
    "chart.per_year": "Articles per year",
    "chart.articles": "articles",
    "chart.no_dates": "no dated articles",
    "chart.sectors": "Main sectors",
    "chart.partners_across": "Partners across the border: joint articles",
    "chart.partners": "Partner regions: articles",
    "chart.none": "no data",
    "chart.turnover": "Trade turnover by year, {currency}",
    "chart.empty": "Nothing to draw: this selection has no articles.",
    "chart.stale": "This summary is out of date — open it again.",
    "limits.too_many": (
        "Not so fast: pictures and files are made one at a time, a few a minute. "
        "Please try again in {seconds} s."
    ),
    "map.button": "🗺 Map of cooperation",
    "map.title": "The web of regional cooperation: {period}",
    "map.all_time": "the whole archive",
    "map.lines_note": "line width — number of joint articles",
    "map.matrix_all": "number of joint articles",
    "map.matrix_note": "joint articles; {shown} of {total} Russian regions shown",
    "map.caption": "🗺 <b>Regional cooperation</b>: {period}. Pairs of regions: {pairs}.",
    "map.empty": "The archive has no partner regions across the border for {period}.",
    "figures.usage": "Name a region or a pair: /figures Atyrau or /figures Atyrau Astrakhan",
    "figures.title": "💰 <b>Figures: {title}</b>",
    "figures.empty": (
        "The archive has no turnover, investment, export or import figures for {title}."
    ),
    "figures.measure.turnover": "trade turnover",
    "figures.measure.investment": "investment",
    "figures.measure.export": "export",
    "figures.measure.import": "import",
    "figures.value.exact": "{value}",
    "figures.value.more": "more than {value}",
    "figures.value.less": "up to {value}",
    "figures.value.about": "about {value}",
    "figures.value.range": "{value}–{high}",
    "figures.no_year": "year not stated",
    "figures.scale.bn": "bn",
    "figures.scale.m": "m",
    "figures.scale.k": "k",
    "export.usage": (
        "Open a summary first (/region, /sector, /date, /search), then /export — "
        "or /export xlsx for Excel."
    ),
    "export.caption": "⬇️ {title}: {count} articles",
    "export.capped": " (the first {count})",
    "export.empty": "Nothing to export: this selection has no articles.",
    "export.too_big": (
        "The file is larger than {mb} MB, which Telegram refuses. Narrow the selection."
    ),
    # --- end charts, turnover figures, exports ---
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
    # one story from several outlets is one digest entry; a /digest while one is on its way
    "digest.same_story": "📰 +{count} more outlet(s): {links}",
    "digest.already_sending": (
        "📬 This chat's digest is already on its way; anything newer comes in the next one."
    ),
    "settings.title": "⚙️ <b>Digest settings</b>",
    "settings.mode_instant": "Digest: as soon as new articles arrive",
    "settings.mode_daily": "Digest: daily at {time} ({tz})",
    "settings.mode_weekly": "Digest: weekly on {weekday} at {time} ({tz})",
    "settings.tz": "Time zone: {tz}, where it is {now} now",
    "settings.empty_on": "When nothing is new: send a “nothing new” note",
    "settings.empty_off": "When nothing is new: send nothing",
    "settings.hint": (
        "Another time: /settings 08:30 · another zone: /settings Europe/Samara · all at once: "
        "/settings weekly mon 09:00 Europe/Moscow"
    ),
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
    "admin.trigger_source": "news sources",
    "admin.cmd_sources": "News sources the archive follows",
    "admin.cmd_source_add": "Follow a feed, a sitemap or a page of links",
    "sources.title": "<b>News sources</b> ({count} of at most {limit})",
    "sources.none": (
        "No news sources yet. Add one: /source_add &lt;address&gt; [name], "
        "e.g. /source_add https://example.kz/rss.xml Kostanay news"
    ),
    "sources.block": (
        "<b>{number}{name}</b> {state}\n{url}\n{kind} · last check: {last_check} · "
        "next: {next_check}\nItems seen {seen}, kept {kept}, rejected {rejected}{error}"
    ),
    "sources.error_line": "\n⚠️ Last error: {error}",
    "sources.state_active": "▶️",
    "sources.state_paused": "⏸ paused",
    "sources.never": "never",
    "sources.kind_feed": "RSS/Atom feed",
    "sources.kind_sitemap": "sitemap",
    "sources.kind_links": "page of links",
    "sources.more": "… and {count} more",
    "sources.btn_pause": "⏸ Pause",
    "sources.btn_resume": "▶️ Resume",
    "sources.btn_check": "🔄 Check now",
    "sources.btn_remove": "🗑 Remove",
    "sources.btn_rejected": "🚫 Rejected",
    "sources.btn_back": "◀ All sources",
    "sources.btn_keep": "✅ Keep #{number}",
    "sources.usage": (
        "Give the address of an RSS/Atom feed, a sitemap or a page of article links, "
        "and a name if you like: /source_add https://example.kz/rss.xml Kostanay news"
    ),
    "sources.refused_scheme": (
        "Address refused: only http:// and https:// addresses can be followed."
    ),
    "sources.refused_credentials": (
        "Address refused: it contains a user name or password. Give an address without them."
    ),
    "sources.refused_private": (
        "Address refused: it leads to a local or private network, which the bot does not fetch."
    ),
    "sources.refused_unresolvable": "Address refused: the site's name cannot be resolved.",
    "sources.refused_no_host": "Address refused: it names no site.",
    "sources.refused_too_long": "Address refused: it is too long.",
    "sources.refused_malformed": "Address refused: it is not a valid web address.",
    "sources.unusable": "This address cannot be followed: {error}.",
    "sources.exists": "This source is already followed.",
    "sources.limit": "No more sources can be added: the limit is {limit}. Remove one first.",
    "sources.added": (
        "<b>Source added</b>: {name}\n{kind} · {url}\nIt is checked now and every {minutes} min."
    ),
    "sources.paused": "Paused: {name}",
    "sources.resumed": "Resumed: {name}; it is checked now.",
    "sources.removed": "Removed: {name}. The articles it brought stay in the archive.",
    "sources.gone": "This source no longer exists.",
    "sources.checked": "Checked {name}: kept {kept}, rejected {rejected}.",
    "sources.checked_not_modified": "Checked {name}: nothing new since the last check.",
    "sources.check_failed": "Check of {name} failed: {error}",
    "sources.rejected_title": "<b>Rejected recently</b> from {name}:",
    "sources.rejected_none": "Nothing rejected from {name} recently.",
    "sources.rejected_line": "{number}. {title} — {reason}",
    "sources.reason_no_region": "no region of Kazakhstan or Russia is a party",
    "sources.reason_one_side": "only one side is a party ({sides})",
    "sources.reason_not_html": "not a web page",
    "sources.reason_no_text": "no article text on the page",
    "sources.reason_unreadable": "the text could not be read",
    "sources.reason_duplicate": "already in the archive under another address",
    "sources.reason_fetch": "not fetched: {error}",
    "sources.reason_forced": "kept by an admin",
    "sources.kept_forced": "Kept: {title}. It is in the archive now.",
    "sources.keep_gone": "This item can no longer be kept (its text is not stored any more).",
    "sources.paused_notice": (
        "⏸ Source paused after 10 failed checks in a row: {name} ({url}). Last error: {error}. "
        "Resume it in /sources when the site works again."
    ),
    "sources.err_robots": "the site's robots.txt forbids it",
    "sources.err_http": "the site answered HTTP {status}",
    "sources.err_too_large": "the response is larger than 2 MB",
    "sources.err_redirects": "too many redirects",
    "sources.err_timeout": "no answer within {seconds} s",
    "sources.err_connection": "the site cannot be reached",
    "sources.err_address": "the address is refused ({code})",
    "sources.err_malformed": "the feed is malformed",
    "sources.err_not_listing": "it is not a feed, a sitemap or an HTML page",
    "sources.err_sitemap_index": "it is a sitemap index: add one of the sitemaps it names",
    "sources.err_unreadable_page": "the page cannot be read",
}

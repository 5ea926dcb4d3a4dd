"""User-facing wording in ru: HTML templates; every value put into them is escaped first."""

TEXTS: dict[str, str] = {
    # --- commands: start, help, regions, sectors, dates, search, article, lang, inline ---
    "card.date_unknown": "дата неизвестна",
    "card.more": "Подробнее: /article {id}",
    "country.KZ": "Казахстан",
    "country.RU": "Россия",
    "overview.count": "Статей: <b>{count}</b>",
    "overview.undated": "без даты: {count}",
    "overview.partners": "Партнёры по ту сторону границы: {items}",
    "overview.regions": "Регионы-партнёры: {items}",
    "overview.sectors": "Ведущие отрасли: {items}",
    "overview.facts": "Ключевые факты:",
    "page.of": "Страница {page} из {pages}",
    "summary.subscribe": "🔔 Подписаться",
    "article.usage": "Укажите номер статьи, например: /article 3",
    "article.not_found": "Статьи №{id} нет в архиве. Свежие статьи: /latest",
    "article.source": "источник: {source}",
    "article.regions": "<b>Регионы</b>",
    "article.role_partner": "партнёр",
    "article.role_mentioned": "упоминается",
    "article.national": "на уровне страны",
    "article.sectors": "<b>Отрасли:</b> {items}",
    "article.sectors_mentioned": "<b>Упоминаются:</b> {items}",
    "article.link": '<a href="{url}">оригинал</a>',
    "article.summary": "<b>Кратко:</b> {text}",
    "article.facts": "<b>Ключевые факты</b>",
    "article.same_story": "<b>Эта же новость в других изданиях</b>",
    "article.text": "<b>Текст статьи</b>",
    "start.welcome": (
        "Здравствуйте! Здесь собраны новости о сотрудничестве регионов Казахстана и России.\n\n"
        "{coverage}\n\n"
        "Напишите название региона, отрасли или слово для поиска — или выберите действие ниже. "
        "Все команды: /help"
    ),
    "start.coverage": "Статей в архиве: <b>{articles}</b> · регионов: {regions} · период: {span}",
    "start.empty": "Архив пока пуст: статьи появятся после первой загрузки.",
    "start.bad_link": "Эта ссылка устарела. Вот главное меню.",
    "help.text": (
        "<b>Что я умею</b>\n\n"
        "/region Астрахань — сводка по региону (можно два: /region Атырау Астрахань)\n"
        "/regions — все регионы с числом статей\n"
        "/sector туризм — сводка по отрасли\n"
        "/sectors — все отрасли\n"
        "/date ноябрь 2022 — статьи за период (2022, 11.2022, 07.03.2022, "
        "2022-03-01..2022-06-30)\n"
        "/search товарооборот — поиск по словам\n"
        "/latest — свежие статьи\n"
        "/article 3 — статья целиком\n"
        "/lang — язык интерфейса\n\n"
        "Можно просто написать слово — я поищу его в архиве. "
        "В любом чате: @{bot} астрахань — поделиться статьёй."
    ),
    "regions.choose": "Выберите страну, затем регион. В скобках — число статей.",
    "regions.country": (
        "<b>{country}</b>: регионы со статьями ({count}). Страница {page} из {pages}."
    ),
    "regions.empty": "В архиве пока нет статей о регионах.",
    "regions.kz": "🇰🇿 Казахстан",
    "regions.ru": "🇷🇺 Россия",
    "region.usage": (
        "Укажите регион, например: /region Астрахань, /region ЗКО или /region Атырау Астрахань. "
        "Все регионы: /regions"
    ),
    "region.unknown": "Не нашёл регион «{query}».",
    "region.suggest": "Возможно, вы имели в виду один из этих:",
    "region.browse": "Список регионов: /regions",
    "region.empty": "О регионе «{name}» статей пока нет. Все регионы со статьями: /regions",
    "sectors.choose": "Выберите отрасль. В скобках — число статей.",
    "sectors.empty": "В архиве пока нет статей с отраслями.",
    "sector.usage": "Укажите отрасль, например: /sector туризм. Все отрасли: /sectors",
    "sector.unknown": "Не знаю отрасль «{query}». Все отрасли: /sectors",
    "sector.empty": "Об отрасли «{name}» статей пока нет. Все отрасли: /sectors",
    "date.usage": (
        "Укажите период, например: /date 2022, /date 2022-11, /date 11.2022, "
        "/date ноябрь 2022, /date 07.03.2022, /date 2022-03-01..2022-06-30"
    ),
    "date.bad": "Не понимаю период «{query}».",
    "date.empty": "За период {period} статей с известной датой нет.",
    "date.title": "Период: {period}",
    "search.usage": "Напишите, что искать, например: /search товарооборот",
    "search.empty": (
        "По запросу «{query}» ничего не нашлось. Попробуйте другое слово или /regions."
    ),
    "search.title": "Поиск: «{query}»",
    "latest.title": "Свежие статьи",
    "latest.empty": "Архив пока пуст.",
    "lang.choose": "Выберите язык интерфейса:",
    "lang.set": "Готово: язык — русский.",
    "inline.empty": "Ничего не нашлось",
    "fallback.hint": "Это поиск по словам. Команды: /help",
    "fallback.unknown_command": "Не знаю такой команды. Список команд: /help",
    "fallback.not_text": "Я понимаю только текст. Команды: /help",
    "list.stale": "Этот список изменился — вот свежий.",
    "menu.regions": "🗺 Регионы",
    "menu.sectors": "🏷 Отрасли",
    "menu.latest": "🆕 Свежие статьи",
    "menu.help": "❓ Помощь",
    "cmd.start": "Начало и главное меню",
    "cmd.help": "Все команды с примерами",
    "cmd.regions": "Регионы с числом статей",
    "cmd.region": "Сводка по региону: /region Астрахань",
    "cmd.sectors": "Отрасли с числом статей",
    "cmd.sector": "Сводка по отрасли: /sector туризм",
    "cmd.date": "Статьи за период: /date 2022-11",
    "cmd.latest": "Свежие статьи",
    "cmd.search": "Поиск: /search товарооборот",
    "cmd.article": "Статья целиком: /article 3",
    "cmd.lang": "Язык интерфейса",
    # --- subscriptions, settings, digests ---
    "sub.usage": (
        "Напишите, на что подписаться: /subscribe Атырау, /subscribe Атырау Астрахань "
        "(пара регионов) или /subscribe туризм."
    ),
    "sub.added": (
        "🔔 Подписка оформлена: {name}.\n{schedule}\nНастроить: /settings · все подписки: "
        "/subscriptions"
    ),
    "sub.exists": "Эта подписка уже есть: {name}.",
    "sub.removed": "🔕 Подписка отменена: {name}.",
    "sub.not_found": "Такой подписки нет: {name}. Все подписки: /subscriptions",
    "sub.removed_all": "🔕 Отменены все подписки этого чата: {count}.",
    "sub.choose": "«{query}» — уточните, на что подписаться:",
    "sub.unknown": (
        "Не нашёл «{query}» среди регионов и отраслей. Пример: /subscribe Костанай Челябинск"
    ),
    "sub.admins_only": "В группе подписками и настройками управляют только администраторы чата.",
    "sub.list_title": "🔔 <b>Подписки этого чата</b>",
    "sub.list_empty": (
        "Подписок пока нет. Подпишитесь командой /subscribe Атырау или кнопкой «Подписаться» "
        "в сводке региона."
    ),
    "sub.remove_button": "✖ {name}",
    "sub.all_words": "все, всё",  # /unsubscribe <any of these> drops every subscription
    "sub.unsubscribe_usage": (
        "Напишите, от чего отписаться: /unsubscribe Атырау или /unsubscribe all."
    ),
    "sub.bad_link": "Эта ссылка или кнопка подписки устарела.",
    "sub.limit": (
        "⚠️ Предел подписок для чата — {limit}, и он достигнут. Чтобы добавить «{name}», "
        "уберите лишнее в /subscriptions."
    ),
    "digest.header": "📬 <b>Новое по вашим подпискам</b>: {count}",
    "digest.group_other": "📰 <b>Другое</b>",
    "digest.more": "…и ещё {count} — {command}",
    "digest.more_other": "…и ещё {count}",
    "digest.nothing_new": "📭 Нового по вашим подпискам нет.",
    "digest.sending": "📬 Отправляю дайджест: новых материалов — {count}.",
    "digest.none": "📭 Нового с прошлого дайджеста нет.",
    "digest.no_subscriptions": (
        "Подписок нет — дайджест не из чего собрать. Пример: /subscribe Атырау"
    ),
    "settings.title": "⚙️ <b>Настройки дайджеста</b>",
    "settings.mode_instant": "Дайджест: сразу, как появляются новые материалы",
    "settings.mode_daily": "Дайджест: ежедневно в {time} ({tz})",
    "settings.mode_weekly": "Дайджест: еженедельно, {weekday}, в {time} ({tz})",
    "settings.tz": "Часовой пояс: {tz}, сейчас там {now}",
    "settings.empty_on": "Если нового нет: присылать «нового нет»",
    "settings.empty_off": "Если нового нет: ничего не присылать",
    "settings.hint": "Другое время: /settings 08:30 · другой пояс: /settings Europe/Samara",
    "settings.button_instant": "⚡ Сразу",
    "settings.button_daily": "📅 Ежедневно",
    "settings.button_weekly": "🗓 Еженедельно",
    "settings.button_empty_on": "🔔 Сообщать, когда нового нет",
    "settings.button_empty_off": "🔕 Не сообщать, когда нового нет",
    "settings.bad_value": (
        "Не понял «{value}». Время пишется как 08:30, часовой пояс — как Asia/Almaty "
        "или Europe/Moscow."
    ),
    "settings.saved": "Сохранено",
    "weekday.0": "понедельник",
    "weekday.1": "вторник",
    "weekday.2": "среда",
    "weekday.3": "четверг",
    "weekday.4": "пятница",
    "weekday.5": "суббота",
    "weekday.6": "воскресенье",
    "weekday_short.0": "Пн",
    "weekday_short.1": "Вт",
    "weekday_short.2": "Ср",
    "weekday_short.3": "Чт",
    "weekday_short.4": "Пт",
    "weekday_short.5": "Сб",
    "weekday_short.6": "Вс",
    "cmd.subscribe": "Подписаться на регион, пару или отрасль",
    "cmd.subscriptions": "Подписки этого чата",
    "cmd.unsubscribe": "Отписаться",
    "cmd.settings": "Когда присылать дайджест",
    "cmd.digest": "Дайджест сейчас",
    "help.digests": (
        "/subscribe Атырау — дайджест новостей (регион, пара: /subscribe Атырау Астрахань, "
        "или отрасль)\n"
        "/subscriptions — подписки · /unsubscribe Атырау — отписаться\n"
        "/settings — сразу, ежедневно или еженедельно, часовой пояс · /digest — дайджест сейчас"
    ),
    # --- admin, errors ---
    "errors.apology": "Извините, что-то пошло не так. Попробуйте ещё раз чуть позже.",
    "admin.error_notice": "⚠️ Ошибка в боте: {error}",
    "admin.error_suppressed": " (ещё {count} за минуту не показаны)",
    "admin.cmd_reload": "Перезагрузить архив из папки статей",
    "admin.cmd_stats": "Статистика бота",
    "admin.reload_running": "⏳ Перезагрузка уже идёт. Дождитесь её отчёта.",
    "admin.reload_prune_refused": (
        "⛔ Перезагрузка отменена: она удалила бы {removing} из {total} статей архива, а пустая "
        "или не та папка не должна стирать архив; если так и задумано, отправьте /reload prune."
    ),
    "admin.seeds_missing": (
        "❌ Папка статей {folder} не найдена: проверьте SEEDS_DIR. Архив не изменён."
    ),
    "admin.reload_done": "<b>Архив перезагружен</b> за {seconds} с.",
    "admin.report_added": "Добавлено: {count}",
    "admin.report_updated": "Обновлено: {count}",
    "admin.report_unchanged": "Без изменений: {count}",
    "admin.report_removed": "Удалено: {count}",
    "admin.report_rejected": "Отклонено: {count}",
    "admin.report_more": "… и ещё {count}",
    "admin.report_reread": "Перечитано новым чтением: {count}, записей изменилось: {changed}",
    "admin.upload_too_big": "Файл не принят: он больше 1 МБ ({size}). Пришлите .txt до 1 МБ.",
    "admin.upload_not_txt": "Файл не принят: нужен текстовый файл .txt (до 1 МБ).",
    "admin.upload_unreadable": "Файл не принят: {reason}.",
    "admin.upload_saved": "<b>Файл сохранён</b> как {file}.",
    "admin.upload_existed": "<b>Такой файл уже есть</b>: {file}.",
    "admin.upload_added": "Статья добавлена в архив.",
    "admin.upload_updated": "Статья в архиве обновлена.",
    "admin.upload_unchanged": "Статья уже есть в архиве.",
    "admin.upload_rejected": "Загрузчик отклонил файл: {reason}.",
    "admin.reading_title": "Заголовок: {title}",
    "admin.reading_date": "Дата: {date}",
    "admin.reading_regions": "Регионы: {regions}",
    "admin.reading_mentioned": "Упомянуты: {regions}",
    "admin.reading_sectors": "Отрасли: {sectors}",
    "admin.date_unknown": "не указана",
    "admin.none": "—",
    "admin.stats_title": "<b>Статистика</b>",
    "admin.stats_articles": "Статей: {total} (с датой {dated}, без даты {undated})",
    "admin.stats_languages": "По языкам: {languages}",
    "admin.stats_coverage": "Охвачено регионов: {regions}, отраслей: {sectors}",
    "admin.stats_audience": (
        "Пользователей: {users}; чатов активных: {active}, неактивных: {inactive}"
    ),
    "admin.stats_top_regions": "Подписки по регионам: {items}",
    "admin.stats_top_sectors": "Подписки по отраслям: {items}",
    "admin.stats_digests": (
        "Отправлено дайджестов: за 24 ч — {day} (статей {day_articles}), "
        "за 7 дней — {week} (статей {week_articles})"
    ),
    "admin.stats_subscriptions": "Подписок всего: {count}",
    "admin.stats_deliveries": (
        "Доставки: с ошибкой {failed}, не подтверждены {uncertain}, в очереди {pending}"
    ),
    "admin.stats_last_reload": "Последняя перезагрузка: {when} ({trigger}) — {result}",
    "admin.stats_reload_ok": (
        "добавлено {added}, обновлено {updated}, удалено {removed}, отклонено {rejected}, "
        "{seconds} с"
    ),
    "admin.stats_reload_failed": "ошибка: {error}",
    "admin.stats_never": "Последняя перезагрузка: ещё не было",
    # --- backups (python -m storage backup) ---
    "admin.stats_last_backup": "Последняя резервная копия: {when}, {size}, {path}",
    "admin.stats_no_backup": "Резервных копий ещё не было (python -m storage backup)",
    "admin.trigger_reload": "/reload",
    "admin.trigger_upload": "загрузка файла",
}

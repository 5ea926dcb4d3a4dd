"""User-facing wording in ru: HTML templates; every value put into them is escaped first."""

TEXTS: dict[str, str] = {
    # --- commands: start, help, regions, sectors, dates, search, article, lang, inline ---
    "card.date_unknown": "дата неизвестна",
    "card.more": "Подробнее: /a{id}",
    "country.KZ": "Казахстан",
    "country.RU": "Россия",
    "overview.count": "Статей: <b>{count}</b>",
    "overview.undated": "без даты: {count}",
    "overview.partners": "Партнёры по ту сторону границы: {items}",
    "overview.regions": "Регионы-партнёры: {items}",
    "overview.sectors": "Ведущие отрасли: {items}",
    "overview.facts": "Ключевые факты:",
    "overview.home_mentioned": ("Из них регион лишь упомянут (площадка, консульство): {count}"),
    "overview.mentioned": "Также упомянуты (не партнёры): {items}",
    "page.of": "Страница {page} из {pages}",
    "list.as_cards": "🗂 Карточки",
    "list.as_list": "☰ Списком",
    "list.outlets_one": "+{count} источник",
    "list.outlets_few": "+{count} источника",
    "list.outlets_many": "+{count} источников",
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
        "/map 2023 — карта сотрудничества регионов\n"
        "/figures Атырау — товарооборот и инвестиции в цифрах, с источниками\n"
        "/export xlsx — последняя сводка таблицей (или 📊 ⬇️ под сводкой)\n"
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
    # --- typed words: what a typed text meant, and what it did not ---
    "typed.words": "слова «{words}»",
    "typed.not_understood": "Не понял: «{words}».",
    "typed.no_day": "Такого дня нет: {typed}.",
    "typed.no_month": "Такого месяца нет: {typed}.",
    "typed.bad_year": "Архив охватывает {first}–{last} годы, а не {typed}.",
    "typed.empty": "Статей нет: {title}.",
    "search.ask": "Что искать? Напишите слова ответом на это сообщение.",
    "search.placeholder": "товарооборот Атырау",
    "date.recent": (
        "Выберите месяц (в скобках — число статей) или напишите период: "
        "/date март–июнь 2022, /date за месяц, /date 2022"
    ),
    "date.none": "В архиве пока нет статей с датой.",
    "sub.what": "На что подписаться? Выберите регион или отрасль и нажмите «Подписаться».",
    "date.month_names": (
        "Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь Октябрь Ноябрь Декабрь"
    ),
    "search.need_word": (
        "Нечего искать: напишите хотя бы одно слово без минуса, например: /search газ -нефть"
    ),
    "search.syntax": (
        "В поиске: <code>газ OR нефть</code> — любое из слов, <code>газ -нефть</code> — без "
        'слова, <code>"торговый оборот"</code> — точная фраза.'
    ),
    "card.more_link": 'Подробнее: <a href="{url}">/a{id}</a>',
    "digest.more_link": '…и ещё {count}: <a href="{url}">открыть все</a>',
    "sub.added_button": "🔔 Подписка оформлена: {name}.\n{schedule}",
    "sub.subscribed_button": "✅ Подписаны · Отписаться",
    "console.banner": (
        "Бот в режиме консоли, на локальном архиве (без Telegram и сети).\n"
        "Дайджесты отсюда не рассылаются, и консоль не запускается, пока бот работает с той же "
        "базой.\n"
        "Пишите команды (/start, /region Астрахань, /help) или слова для поиска; номер кнопки "
        "нажимает её; /quit или Ctrl-D — выход."
    ),
    # --- end typed words ---
    "latest.title": "Свежие статьи",
    "latest.empty": "Архив пока пуст.",
    "latest.new_title": "🆕 Новое с вашего прошлого просмотра",
    "latest.nothing_new_title": "Нового с вашего прошлого просмотра нет — самые свежие",
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
    # --- charts, turnover figures, exports ---
    "cmd.map": "Карта сотрудничества: /map 2023",
    "cmd.figures": "Товарооборот и инвестиции: /figures Атырау",
    "cmd.export": "Выгрузить последнюю сводку: /export xlsx",
    "chart.button": "📊 График",
    "export.csv_button": "⬇️ CSV",
    "export.xlsx_button": "⬇️ XLSX",
    "chart.per_month": "Статей в месяц",
    "chart.per_year": "Статей в год",
    "chart.articles": "статей",
    "chart.no_dates": "нет статей с датой",
    "chart.sectors": "Основные отрасли",
    "chart.partners_across": "Партнёры через границу: совместных статей",
    "chart.partners": "Регионы-партнёры: статей",
    "chart.none": "нет данных",
    "chart.turnover": "Товарооборот по годам, {currency}",
    "chart.empty": "Рисовать нечего: в этой выборке нет статей.",
    "chart.stale": "Эта сводка устарела — откройте её заново.",
    "limits.too_many": (
        "Не так быстро: картинки и файлы готовятся по одному, несколько в минуту. "
        "Попробуйте снова через {seconds} с."
    ),
    "map.button": "🗺 Карта сотрудничества",
    "map.title": "Сеть сотрудничества регионов: {period}",
    "map.all_time": "весь архив",
    "map.lines_note": "толщина линии — число совместных статей",
    "map.matrix_all": "число совместных статей",
    "map.matrix_note": "совместных статей; показаны {shown} из {total} регионов России",
    "map.caption": "🗺 <b>Сотрудничество регионов</b>: {period}. Пар регионов: {pairs}.",
    "map.empty": "За {period} в архиве нет пар регионов-партнёров через границу.",
    "figures.usage": (
        "Назовите регион или пару регионов: /figures Атырау или /figures Атырау Астрахань"
    ),
    "figures.title": "💰 <b>Цифры: {title}</b>",
    "figures.empty": (
        "В архиве нет цифр товарооборота, инвестиций, экспорта или импорта для {title}."
    ),
    "figures.measure.turnover": "товарооборот",
    "figures.measure.investment": "инвестиции",
    "figures.measure.export": "экспорт",
    "figures.measure.import": "импорт",
    "figures.value.exact": "{value}",
    "figures.value.more": "более {value}",
    "figures.value.less": "до {value}",
    "figures.value.about": "около {value}",
    "figures.value.range": "{value}–{high}",
    "figures.no_year": "год не указан",
    "figures.scale.bn": "млрд",
    "figures.scale.m": "млн",
    "figures.scale.k": "тыс.",
    "export.usage": (
        "Сначала откройте сводку (/region, /sector, /date, /search), затем /export — "
        "или /export xlsx для Excel."
    ),
    "export.caption": "⬇️ {title}: статей — {count}",
    "export.capped": " (первые {count})",
    "export.empty": "Выгружать нечего: в этой выборке нет статей.",
    "export.too_big": (
        "Файл больше {mb} МБ — Telegram его не примет. Сузьте выборку (период, регион)."
    ),
    # --- end charts, turnover figures, exports ---
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
    # one story from several outlets is one digest entry; a /digest while one is on its way
    "digest.same_story": "📰 Ещё в {count} изд.: {links}",
    "digest.already_sending": (
        "📬 Дайджест этого чата уже отправляется — дождитесь его; новое придёт следующим."
    ),
    "settings.title": "⚙️ <b>Настройки дайджеста</b>",
    "settings.mode_instant": "Дайджест: сразу, как появляются новые материалы",
    "settings.mode_daily": "Дайджест: ежедневно в {time} ({tz})",
    "settings.mode_weekly": "Дайджест: еженедельно, {weekday}, в {time} ({tz})",
    "settings.tz": "Часовой пояс: {tz}, сейчас там {now}",
    "settings.empty_on": "Если нового нет: присылать «нового нет»",
    "settings.empty_off": "Если нового нет: ничего не присылать",
    "settings.hint": (
        "Другое время: /settings 08:30 · другой пояс: /settings Europe/Samara · всё сразу: "
        "/settings еженедельно пн 09:00 Europe/Moscow"
    ),
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
    "admin.trigger_source": "новостные источники",
    "admin.cmd_sources": "Источники новостей, за которыми следит архив",
    "admin.cmd_source_add": "Подключить ленту, карту сайта или страницу ссылок",
    "sources.title": "<b>Источники новостей</b> ({count} из {limit} возможных)",
    "sources.none": (
        "Источников пока нет. Добавьте: /source_add &lt;адрес&gt; [название], "
        "например /source_add https://example.kz/rss.xml Новости Костаная"
    ),
    "sources.block": (
        "<b>{number}{name}</b> {state}\n{url}\n{kind} · проверен: {last_check} · "
        "следующая: {next_check}\nМатериалов: найдено {seen}, взято {kept}, отклонено {rejected}"
        "{error}"
    ),
    "sources.error_line": "\n⚠️ Последняя ошибка: {error}",
    "sources.state_active": "▶️",
    "sources.state_paused": "⏸ на паузе",
    "sources.never": "ещё нет",
    "sources.kind_feed": "лента RSS/Atom",
    "sources.kind_sitemap": "карта сайта",
    "sources.kind_links": "страница ссылок",
    "sources.more": "… и ещё {count}",
    "sources.btn_pause": "⏸ Пауза",
    "sources.btn_resume": "▶️ Возобновить",
    "sources.btn_check": "🔄 Проверить сейчас",
    "sources.btn_remove": "🗑 Удалить",
    "sources.btn_rejected": "🚫 Отклонённые",
    "sources.btn_back": "◀ Все источники",
    "sources.btn_keep": "✅ Взять №{number}",
    "sources.usage": (
        "Укажите адрес ленты RSS/Atom, карты сайта или страницы со ссылками на статьи "
        "и, если хотите, название: /source_add https://example.kz/rss.xml Новости Костаная"
    ),
    "sources.refused_scheme": "Адрес отклонён: можно подключать только адреса http:// и https://.",
    "sources.refused_credentials": (
        "Адрес отклонён: в нём есть имя пользователя или пароль. Укажите адрес без них."
    ),
    "sources.refused_private": (
        "Адрес отклонён: он ведёт в локальную или частную сеть, туда бот не обращается."
    ),
    "sources.refused_unresolvable": "Адрес отклонён: имя сайта не находится.",
    "sources.refused_no_host": "Адрес отклонён: в нём нет сайта.",
    "sources.refused_too_long": "Адрес отклонён: он слишком длинный.",
    "sources.refused_malformed": "Адрес отклонён: это не веб-адрес.",
    "sources.unusable": "Этот адрес нельзя подключить: {error}.",
    "sources.exists": "Этот источник уже подключён.",
    "sources.limit": "Больше источников добавить нельзя: предел — {limit}. Сначала удалите один.",
    "sources.added": (
        "<b>Источник добавлен</b>: {name}\n{kind} · {url}\n"
        "Проверяется сейчас и затем каждые {minutes} мин."
    ),
    "sources.paused": "На паузе: {name}",
    "sources.resumed": "Возобновлён: {name}; проверяется сейчас.",
    "sources.removed": "Удалён: {name}. Статьи из него остаются в архиве.",
    "sources.gone": "Этого источника больше нет.",
    "sources.checked": "Проверен {name}: взято {kept}, отклонено {rejected}.",
    "sources.checked_not_modified": "Проверен {name}: нового с прошлой проверки нет.",
    "sources.check_failed": "Проверка {name} не удалась: {error}",
    "sources.rejected_title": "<b>Недавно отклонённые</b> из {name}:",
    "sources.rejected_none": "Из {name} недавно ничего не отклонено.",
    "sources.rejected_line": "{number}. {title} — {reason}",
    "sources.reason_no_region": "ни один регион Казахстана или России не участвует",
    "sources.reason_one_side": "участвует только одна сторона ({sides})",
    "sources.reason_not_html": "это не веб-страница",
    "sources.reason_no_text": "на странице нет текста статьи",
    "sources.reason_unreadable": "текст не удалось прочитать",
    "sources.reason_duplicate": "уже в архиве под другим адресом",
    "sources.reason_fetch": "не загружено: {error}",
    "sources.reason_forced": "взято администратором",
    "sources.kept_forced": "Взято: {title}. Статья теперь в архиве.",
    "sources.keep_gone": "Этот материал уже нельзя взять: его текст больше не хранится.",
    "sources.paused_notice": (
        "⏸ Источник поставлен на паузу после 10 неудачных проверок подряд: {name} ({url}). "
        "Последняя ошибка: {error}. Возобновите его в /sources, когда сайт заработает."
    ),
    "sources.err_robots": "robots.txt сайта это запрещает",
    "sources.err_http": "сайт ответил HTTP {status}",
    "sources.err_too_large": "ответ больше 2 МБ",
    "sources.err_redirects": "слишком много перенаправлений",
    "sources.err_timeout": "нет ответа за {seconds} с",
    "sources.err_connection": "сайт недоступен",
    "sources.err_address": "адрес отклонён ({code})",
    "sources.err_malformed": "лента повреждена",
    "sources.err_not_listing": "это не лента, не карта сайта и не HTML-страница",
    "sources.err_sitemap_index": (
        "это индекс карт сайта: добавьте одну из карт, которые он называет"
    ),
    "sources.err_unreadable_page": "страницу не удалось прочитать",
}

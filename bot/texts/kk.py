"""User-facing wording in kk: HTML templates; every value put into them is escaped first."""

TEXTS: dict[str, str] = {
    # --- commands: start, help, regions, sectors, dates, search, article, lang, inline ---
    "card.date_unknown": "күні белгісіз",
    "card.more": "Толығырақ: /a{id}",
    "country.KZ": "Қазақстан",
    "country.RU": "Ресей",
    "overview.count": "Мақалалар: <b>{count}</b>",
    "overview.undated": "күні жоқ: {count}",
    "overview.partners": "Шекараның арғы бетіндегі әріптестер: {items}",
    "overview.regions": "Әріптес өңірлер: {items}",
    "overview.sectors": "Негізгі салалар: {items}",
    "overview.facts": "Негізгі деректер:",
    "overview.home_mentioned": ("Оның ішінде өңір тек аталған (өтетін орны, консулдық): {count}"),
    "overview.mentioned": "Сондай-ақ аталған (әріптес емес): {items}",
    "page.of": "{pages} беттің {page}-беті",
    "list.as_cards": "🗂 Карточкалар",
    "list.as_list": "☰ Тізім",
    "list.outlets_one": "+{count} басылым",
    "list.outlets_few": "+{count} басылым",
    "list.outlets_many": "+{count} басылым",
    "summary.subscribe": "🔔 Жазылу",
    "article.usage": "Мақала нөмірін жазыңыз, мысалы: /article 3",
    "article.not_found": "Мұрағатта №{id} мақала жоқ. Соңғы мақалалар: /latest",
    "article.source": "дереккөз: {source}",
    "article.regions": "<b>Өңірлер</b>",
    "article.role_partner": "әріптес",
    "article.role_mentioned": "аталады",
    "article.national": "ел деңгейінде",
    "article.sectors": "<b>Салалар:</b> {items}",
    "article.sectors_mentioned": "<b>Аталады:</b> {items}",
    "article.link": '<a href="{url}">түпнұсқа</a>',
    "article.summary": "<b>Қысқаша:</b> {text}",
    "article.facts": "<b>Негізгі деректер</b>",
    "article.same_story": "<b>Осы жаңалық басқа басылымдарда</b>",
    "article.text": "<b>Мақала мәтіні</b>",
    "start.welcome": (
        "Сәлеметсіз бе! Мұнда Қазақстан мен Ресей өңірлерінің ынтымақтастығы туралы "
        "жаңалықтар жиналған.\n\n"
        "{coverage}\n\n"
        "Өңірдің, саланың атауын немесе іздейтін сөзді жазыңыз, не төмендегі әрекетті "
        "таңдаңыз. Барлық командалар: /help"
    ),
    "start.coverage": (
        "Мұрағаттағы мақалалар: <b>{articles}</b> · өңірлер: {regions} · кезең: {span}"
    ),
    "start.empty": "Мұрағат әзірге бос: мақалалар алғашқы жүктеуден кейін пайда болады.",
    "start.bad_link": "Бұл сілтеме ескірген. Міне, басты мәзір.",
    "help.text": (
        "<b>Не істей аламын</b>\n\n"
        "/region Астрахань — өңір бойынша шолу (екеуін де жазуға болады: "
        "/region Атырау Астрахань)\n"
        "/regions — мақала саны көрсетілген барлық өңірлер\n"
        "/sector туризм — сала бойынша шолу\n"
        "/sectors — барлық салалар\n"
        "/date қараша 2022 — кезең бойынша мақалалар (2022, 11.2022, 07.03.2022, "
        "2022-03-01..2022-06-30)\n"
        "/search сауда — сөз бойынша іздеу\n"
        "/latest — соңғы мақалалар\n"
        "/article 3 — мақаланың толық нұсқасы\n"
        "/map 2023 — өңірлер ынтымақтастығының картасы\n"
        "/figures Атырау — тауар айналымы мен инвестиция сандары, дереккөздерімен\n"
        "/export xlsx — соңғы шолу кесте түрінде (не шолу астындағы 📊 ⬇️)\n"
        "/lang — интерфейс тілі\n\n"
        "Жай ғана сөз жазсаңыз да болады — мен оны мұрағаттан іздеймін. "
        "Кез келген чатта: @{bot} астрахань — мақаламен бөлісу."
    ),
    "regions.choose": "Елді, содан кейін өңірді таңдаңыз. Жақшада — мақала саны.",
    "regions.country": (
        "<b>{country}</b>: мақаласы бар өңірлер ({count}). {pages} беттің {page}-беті."
    ),
    "regions.empty": "Мұрағатта әзірге өңірлер туралы мақала жоқ.",
    "regions.kz": "🇰🇿 Қазақстан",
    "regions.ru": "🇷🇺 Ресей",
    "region.usage": (
        "Өңірді жазыңыз, мысалы: /region Астрахань, /region БҚО немесе /region Атырау Астрахань. "
        "Барлық өңірлер: /regions"
    ),
    "region.unknown": "«{query}» өңірі табылмады.",
    "region.suggest": "Мүмкін, мыналардың бірін іздеген боларсыз:",
    "region.browse": "Өңірлер тізімі: /regions",
    "region.empty": "«{name}» туралы әзірге мақала жоқ. Мақаласы бар өңірлер: /regions",
    "sectors.choose": "Саланы таңдаңыз. Жақшада — мақала саны.",
    "sectors.empty": "Мұрағатта әзірге салалары белгіленген мақала жоқ.",
    "sector.usage": "Саланы жазыңыз, мысалы: /sector туризм. Барлық салалар: /sectors",
    "sector.unknown": "«{query}» саласын білмеймін. Барлық салалар: /sectors",
    "sector.empty": "«{name}» саласы бойынша әзірге мақала жоқ. Барлық салалар: /sectors",
    "date.usage": (
        "Кезеңді жазыңыз, мысалы: /date 2022, /date 2022-11, /date 11.2022, "
        "/date қараша 2022, /date 07.03.2022, /date 2022-03-01..2022-06-30"
    ),
    "date.bad": "«{query}» кезеңін түсінбедім.",
    "date.empty": "{period} кезеңінде күні белгілі мақала жоқ.",
    "date.title": "Кезең: {period}",
    "search.usage": "Не іздеу керегін жазыңыз, мысалы: /search сауда",
    "search.empty": "«{query}» бойынша ештеңе табылмады. Басқа сөзді немесе /regions көріңіз.",
    "search.title": "Іздеу: «{query}»",
    # --- typed words: what a typed text meant, and what it did not ---
    "typed.words": "сөздер «{words}»",
    "typed.not_understood": "Түсінбедім: «{words}».",
    "typed.no_day": "Мұндай күн жоқ: {typed}.",
    "typed.no_month": "Мұндай ай жоқ: {typed}.",
    "typed.bad_year": "Мұрағат {first}–{last} жылдарды қамтиды, {typed} емес.",
    "typed.empty": "Мақала жоқ: {title}.",
    "search.ask": "Не іздейміз? Сөздерді осы хабарламаға жауап ретінде жазыңыз.",
    "search.placeholder": "тауар айналымы Атырау",
    "date.recent": (
        "Айды таңдаңыз (жақшада — мақала саны) немесе кезеңді жазыңыз: "
        "/date наурыз–маусым 2022, /date өткен ай, /date 2022"
    ),
    "date.none": "Мұрағатта әзірге күні белгілі мақала жоқ.",
    "sub.what": "Неге жазыласыз? Өңірді немесе саланы таңдап, «Жазылу» түймесін басыңыз.",
    "date.month_names": (
        "Қаңтар Ақпан Наурыз Сәуір Мамыр Маусым Шілде Тамыз Қыркүйек Қазан Қараша Желтоқсан"
    ),
    "search.need_word": (
        "Іздейтін сөз жоқ: минуссыз кемінде бір сөз жазыңыз, мысалы: /search газ -мұнай"
    ),
    "search.syntax": (
        "Іздеуде: <code>газ OR мұнай</code> — сөздердің кез келгені, <code>газ -мұнай</code> — "
        'сөзсіз, <code>"сауда айналымы"</code> — дәл тіркес.'
    ),
    "card.more_link": 'Толығырақ: <a href="{url}">/a{id}</a>',
    "digest.more_link": '…тағы {count}: <a href="{url}">барлығын ашу</a>',
    "sub.added_button": "🔔 Жазылым рәсімделді: {name}.\n{schedule}",
    "sub.subscribed_button": "✅ Жазылдыңыз · Бас тарту",
    "console.banner": (
        "Бот консоль режимінде, жергілікті мұрағатта (Telegram мен желісіз).\n"
        "Дайджесттер мұнан жіберілмейді, ал бот сол дерекқормен жұмыс істеп тұрғанда консоль "
        "іске қосылмайды.\n"
        "Командаларды (/start, /region Астрахань, /help) немесе іздеу сөздерін жазыңыз; түйменің "
        "нөмірі оны басады; /quit немесе Ctrl-D — шығу."
    ),
    # --- end typed words ---
    "latest.title": "Соңғы мақалалар",
    "latest.empty": "Мұрағат әзірге бос.",
    "latest.new_title": "🆕 Соңғы қарағаныңыздан бергі жаңа мақалалар",
    "latest.nothing_new_title": "Соңғы қарағаныңыздан бері жаңа мақала жоқ — ең соңғылары",
    "lang.choose": "Интерфейс тілін таңдаңыз:",
    "lang.set": "Дайын: тіл — қазақша.",
    "inline.empty": "Ештеңе табылмады",
    "fallback.hint": "Бұл сөз бойынша іздеу. Командалар: /help",
    "fallback.unknown_command": "Мұндай команданы білмеймін. Командалар тізімі: /help",
    "fallback.not_text": "Мен тек мәтінді түсінемін. Командалар: /help",
    "list.stale": "Бұл тізім өзгерді — міне, жаңасы.",
    "menu.regions": "🗺 Өңірлер",
    "menu.sectors": "🏷 Салалар",
    "menu.latest": "🆕 Соңғы мақалалар",
    "menu.help": "❓ Анықтама",
    "cmd.start": "Бастау және басты мәзір",
    "cmd.help": "Барлық командалар мысалдарымен",
    "cmd.regions": "Мақала саны көрсетілген өңірлер",
    "cmd.region": "Өңір бойынша шолу: /region Астрахань",
    "cmd.sectors": "Мақала саны көрсетілген салалар",
    "cmd.sector": "Сала бойынша шолу: /sector туризм",
    "cmd.date": "Кезең бойынша мақалалар: /date 2022-11",
    "cmd.latest": "Соңғы мақалалар",
    "cmd.search": "Іздеу: /search сауда",
    "cmd.article": "Мақаланың толық нұсқасы: /article 3",
    "cmd.lang": "Интерфейс тілі",
    # --- charts, turnover figures, exports ---
    "cmd.map": "Ынтымақтастық картасы: /map 2023",
    "cmd.figures": "Тауар айналымы мен инвестиция: /figures Атырау",
    "cmd.export": "Соңғы шолуды жүктеп алу: /export xlsx",
    "chart.button": "📊 График",
    "export.csv_button": "⬇️ CSV",
    "export.xlsx_button": "⬇️ XLSX",
    "chart.per_month": "Айына мақала саны",
    "chart.per_year": "Жылына мақала саны",
    "chart.articles": "мақала",
    "chart.no_dates": "күні көрсетілген мақала жоқ",
    "chart.sectors": "Негізгі салалар",
    "chart.partners_across": "Шекараның арғы бетіндегі серіктестер: ортақ мақалалар",
    "chart.partners": "Серіктес өңірлер: мақалалар",
    "chart.none": "дерек жоқ",
    "chart.turnover": "Жылдар бойынша тауар айналымы, {currency}",
    "chart.empty": "Салатын ештеңе жоқ: бұл іріктемеде мақала жоқ.",
    "chart.stale": "Бұл шолу ескірді — оны қайта ашыңыз.",
    "limits.too_many": (
        "Асықпаңыз: суреттер мен файлдар бір-бірден, минутына бірнешеуі ғана дайындалады. "
        "{seconds} с кейін қайталап көріңіз."
    ),
    "map.button": "🗺 Ынтымақтастық картасы",
    "map.title": "Өңірлер ынтымақтастығының желісі: {period}",
    "map.all_time": "бүкіл мұрағат",
    "map.lines_note": "сызық жуандығы — ортақ мақалалар саны",
    "map.matrix_all": "ортақ мақалалар саны",
    "map.matrix_note": "ортақ мақалалар; Ресейдің {total} өңірінің {shown} өңірі көрсетілген",
    "map.caption": "🗺 <b>Өңірлер ынтымақтастығы</b>: {period}. Өңір жұптары: {pairs}.",
    "map.empty": "{period} бойынша мұрағатта шекара арқылы серіктес өңір жұптары жоқ.",
    "figures.usage": (
        "Өңірді немесе өңірлер жұбын атаңыз: /figures Атырау немесе /figures Атырау Астрахань"
    ),
    "figures.title": "💰 <b>Сандар: {title}</b>",
    "figures.empty": (
        "Мұрағатта {title} бойынша тауар айналымы, инвестиция, экспорт не импорт сандары жоқ."
    ),
    "figures.measure.turnover": "тауар айналымы",
    "figures.measure.investment": "инвестиция",
    "figures.measure.export": "экспорт",
    "figures.measure.import": "импорт",
    "figures.value.exact": "{value}",
    "figures.value.more": "{value} астам",
    "figures.value.less": "{value} дейін",
    "figures.value.about": "шамамен {value}",
    "figures.value.range": "{value}–{high}",
    "figures.no_year": "жылы көрсетілмеген",
    "figures.scale.bn": "млрд",
    "figures.scale.m": "млн",
    "figures.scale.k": "мың",
    "export.usage": (
        "Алдымен шолуды ашыңыз (/region, /sector, /date, /search), содан кейін /export — "
        "не Excel үшін /export xlsx."
    ),
    "export.caption": "⬇️ {title}: мақалалар — {count}",
    "export.capped": " (алғашқы {count})",
    "export.empty": "Жүктейтін ештеңе жоқ: бұл іріктемеде мақала жоқ.",
    "export.too_big": "Файл {mb} МБ-тан үлкен — Telegram оны қабылдамайды. Іріктемені тарылтыңыз.",
    # --- end charts, turnover figures, exports ---
    # --- subscriptions, settings, digests ---
    "sub.usage": (
        "Неге жазылатыныңызды жазыңыз: /subscribe Атырау, /subscribe Атырау Астрахань "
        "(өңірлер жұбы) немесе /subscribe туризм."
    ),
    "sub.added": (
        "🔔 Жазылым рәсімделді: {name}.\n{schedule}\nБаптау: /settings · барлық жазылымдар: "
        "/subscriptions"
    ),
    "sub.exists": "Бұл жазылым бар: {name}.",
    "sub.removed": "🔕 Жазылым тоқтатылды: {name}.",
    "sub.not_found": "Мұндай жазылым жоқ: {name}. Барлық жазылымдар: /subscriptions",
    "sub.removed_all": "🔕 Осы чаттың барлық жазылымы тоқтатылды: {count}.",
    "sub.choose": "«{query}» — неге жазылатыныңызды нақтылаңыз:",
    "sub.unknown": (
        "«{query}» өңірлер мен салалар арасынан табылмады. Мысал: /subscribe Қостанай Челябі"
    ),
    "sub.admins_only": "Топта жазылымдар мен баптауларды тек чат әкімшілері өзгерте алады.",
    "sub.list_title": "🔔 <b>Осы чаттың жазылымдары</b>",
    "sub.list_empty": (
        "Әзірге жазылым жоқ. /subscribe Атырау командасымен немесе өңір шолуындағы "
        "«Жазылу» түймесімен жазылыңыз."
    ),
    "sub.remove_button": "✖ {name}",
    "sub.all_words": "барлығы, барлық",  # /unsubscribe <any of these> drops every subscription
    "sub.unsubscribe_usage": (
        "Неден бас тартатыныңызды жазыңыз: /unsubscribe Атырау немесе /unsubscribe all."
    ),
    "sub.bad_link": "Бұл жазылым сілтемесі не түймесі ескірген.",
    "sub.limit": (
        "⚠️ Бұл чатта {limit} жазылым бар — бұл шек. «{name}» қосу үшін алдымен "
        "/subscriptions ішінен біреуін алып тастаңыз."
    ),
    "digest.header": "📬 <b>Жазылымдарыңыз бойынша жаңалықтар</b>: {count}",
    "digest.group_other": "📰 <b>Басқа</b>",
    "digest.more": "…тағы {count} — {command}",
    "digest.more_other": "…тағы {count}",
    "digest.nothing_new": "📭 Жазылымдарыңыз бойынша жаңа ештеңе жоқ.",
    "digest.sending": "📬 Дайджест жіберілуде: жаңа материалдар — {count}.",
    "digest.none": "📭 Өткен дайджесттен бері жаңа ештеңе жоқ.",
    "digest.no_subscriptions": (
        "Жазылым жоқ — дайджест құрастыруға ештеңе жоқ. Мысал: /subscribe Атырау"
    ),
    # one story from several outlets is one digest entry; a /digest while one is on its way
    "digest.same_story": "📰 Тағы {count} басылымда: {links}",
    "digest.already_sending": (
        "📬 Бұл чаттың дайджесті жіберіліп жатыр — күте тұрыңыз; жаңасы келесіде келеді."
    ),
    "settings.title": "⚙️ <b>Дайджест баптаулары</b>",
    "settings.mode_instant": "Дайджест: жаңа материал пайда болған бойда",
    "settings.mode_daily": "Дайджест: күн сайын {time} ({tz})",
    "settings.mode_weekly": "Дайджест: апта сайын, {weekday}, {time} ({tz})",
    "settings.tz": "Уақыт белдеуі: {tz}, қазір онда {now}",
    "settings.empty_on": "Жаңа ештеңе болмаса: «жаңа ештеңе жоқ» деп хабарлау",
    "settings.empty_off": "Жаңа ештеңе болмаса: ештеңе жібермеу",
    "settings.hint": (
        "Басқа уақыт: /settings 08:30 · басқа белдеу: /settings Europe/Samara · бәрі бірден: "
        "/settings апта сайын дүйсенбі 09:00 Europe/Moscow"
    ),
    "settings.button_instant": "⚡ Бірден",
    "settings.button_daily": "📅 Күн сайын",
    "settings.button_weekly": "🗓 Апта сайын",
    "settings.button_empty_on": "🔔 Жаңа ештеңе болмаса, хабарлау",
    "settings.button_empty_off": "🔕 Жаңа ештеңе болмаса, хабарламау",
    "settings.bad_value": (
        "«{value}» түсініксіз. Уақыт 08:30 түрінде, уақыт белдеуі Asia/Almaty немесе "
        "Europe/Moscow түрінде жазылады."
    ),
    "settings.saved": "Сақталды",
    "weekday.0": "дүйсенбі",
    "weekday.1": "сейсенбі",
    "weekday.2": "сәрсенбі",
    "weekday.3": "бейсенбі",
    "weekday.4": "жұма",
    "weekday.5": "сенбі",
    "weekday.6": "жексенбі",
    "weekday_short.0": "Дс",
    "weekday_short.1": "Сс",
    "weekday_short.2": "Ср",
    "weekday_short.3": "Бс",
    "weekday_short.4": "Жм",
    "weekday_short.5": "Сн",
    "weekday_short.6": "Жс",
    "cmd.subscribe": "Өңірге, жұпқа не салаға жазылу",
    "cmd.subscriptions": "Осы чаттың жазылымдары",
    "cmd.unsubscribe": "Жазылымнан бас тарту",
    "cmd.settings": "Дайджест қашан келеді",
    "cmd.digest": "Дайджест қазір",
    "help.digests": (
        "/subscribe Атырау — жаңалықтар дайджесі (өңір, жұп: /subscribe Атырау Астрахань, "
        "немесе сала)\n"
        "/subscriptions — жазылымдар · /unsubscribe Атырау — бас тарту\n"
        "/settings — бірден, күн сайын не апта сайын, уақыт белдеуі · /digest — дайджест қазір"
    ),
    # --- admin, errors ---
    "errors.apology": "Кешіріңіз, бірдеңе дұрыс болмады. Сәл кейінірек қайталап көріңіз.",
    "admin.error_notice": "⚠️ Боттағы қате: {error}",
    "admin.error_suppressed": " (тағы {count} қате бір минутта көрсетілмеді)",
    "admin.cmd_reload": "Мұрағатты мақалалар қалтасынан қайта жүктеу",
    "admin.cmd_stats": "Бот статистикасы",
    "admin.reload_running": "⏳ Қайта жүктеу жүріп жатыр. Оның есебін күтіңіз.",
    "admin.reload_prune_refused": (
        "⛔ Қайта жүктеу тоқтатылды: ол мұрағаттағы {total} мақаланың {removing} мақаласын "
        "өшірер еді, ал бос немесе қате қалта мұрағатты өшірмеуі керек; егер солай болуы керек "
        "болса, /reload prune жіберіңіз."
    ),
    "admin.seeds_missing": (
        "❌ {folder} мақалалар қалтасы табылмады: "
        "SEEDS_DIR мәнін тексеріңіз. Мұрағат өзгерген жоқ."
    ),
    "admin.reload_done": "<b>Мұрағат қайта жүктелді</b>, {seconds} с.",
    "admin.report_added": "Қосылды: {count}",
    "admin.report_updated": "Жаңартылды: {count}",
    "admin.report_unchanged": "Өзгеріссіз: {count}",
    "admin.report_removed": "Жойылды: {count}",
    "admin.report_rejected": "Қабылданбады: {count}",
    "admin.report_more": "… тағы {count}",
    "admin.report_reread": "Жаңа нұсқамен қайта оқылды: {count}, өзгерген жазбалар: {changed}",
    "admin.upload_too_big": (
        "Файл қабылданбады: көлемі 1 МБ-тан асады ({size}). 1 МБ-қа дейінгі .txt жіберіңіз."
    ),
    "admin.upload_not_txt": "Файл қабылданбады: .txt мәтіндік файлы керек (1 МБ-қа дейін).",
    "admin.upload_unreadable": "Файл қабылданбады: {reason}.",
    "admin.upload_saved": "<b>Файл сақталды</b>: {file}.",
    "admin.upload_existed": "<b>Мұндай файл бар</b>: {file}.",
    "admin.upload_added": "Мақала мұрағатқа қосылды.",
    "admin.upload_updated": "Мұрағаттағы мақала жаңартылды.",
    "admin.upload_unchanged": "Мақала мұрағатта бар.",
    "admin.upload_rejected": "Жүктегіш файлды қабылдамады: {reason}.",
    "admin.reading_title": "Тақырыбы: {title}",
    "admin.reading_date": "Күні: {date}",
    "admin.reading_regions": "Өңірлер: {regions}",
    "admin.reading_mentioned": "Аталған: {regions}",
    "admin.reading_sectors": "Салалар: {sectors}",
    "admin.date_unknown": "көрсетілмеген",
    "admin.none": "—",
    "admin.stats_title": "<b>Статистика</b>",
    "admin.stats_articles": "Мақалалар: {total} (күні бар {dated}, күнсіз {undated})",
    "admin.stats_languages": "Тілдер бойынша: {languages}",
    "admin.stats_coverage": "Қамтылған өңірлер: {regions}, салалар: {sectors}",
    "admin.stats_audience": (
        "Пайдаланушылар: {users}; белсенді чаттар: {active}, белсенді емес: {inactive}"
    ),
    "admin.stats_top_regions": "Өңірлер бойынша жазылымдар: {items}",
    "admin.stats_top_sectors": "Салалар бойынша жазылымдар: {items}",
    "admin.stats_digests": (
        "Жіберілген дайджестер: 24 сағатта — {day} (мақала {day_articles}), "
        "7 күнде — {week} (мақала {week_articles})"
    ),
    "admin.stats_subscriptions": "Барлық жазылым: {count}",
    "admin.stats_deliveries": (
        "Жеткізу: қатемен {failed}, расталмаған {uncertain}, кезекте {pending}"
    ),
    "admin.stats_last_reload": "Соңғы қайта жүктеу: {when} ({trigger}) — {result}",
    "admin.stats_reload_ok": (
        "қосылды {added}, жаңартылды {updated}, жойылды {removed}, қабылданбады "
        "{rejected}, {seconds} с"
    ),
    "admin.stats_reload_failed": "қате: {error}",
    "admin.stats_never": "Соңғы қайта жүктеу: әлі болған жоқ",
    # --- backups (python -m storage backup) ---
    "admin.stats_last_backup": "Соңғы сақтық көшірме: {when}, {size}, {path}",
    "admin.stats_no_backup": "Сақтық көшірме әлі жасалған жоқ (python -m storage backup)",
    "admin.trigger_reload": "/reload",
    "admin.trigger_upload": "файл жүктеу",
    "admin.trigger_source": "жаңалық көздері",
    "admin.cmd_sources": "Мұрағат қадағалайтын жаңалық көздері",
    "admin.cmd_source_add": "Таспаны, сайт картасын немесе сілтемелер бетін қосу",
    "sources.title": "<b>Жаңалық көздері</b> (ең көбі {limit}, қазір {count})",
    "sources.none": (
        "Әзірге жаңалық көзі жоқ. Қосыңыз: /source_add &lt;мекенжай&gt; [атауы], "
        "мысалы /source_add https://example.kz/rss.xml Қостанай жаңалықтары"
    ),
    "sources.block": (
        "<b>{number}{name}</b> {state}\n{url}\n{kind} · тексерілді: {last_check} · "
        "келесі: {next_check}\nМатериалдар: табылды {seen}, алынды {kept}, қабылданбады "
        "{rejected}{error}"
    ),
    "sources.error_line": "\n⚠️ Соңғы қате: {error}",
    "sources.state_active": "▶️",
    "sources.state_paused": "⏸ кідіртілген",
    "sources.never": "әлі жоқ",
    "sources.kind_feed": "RSS/Atom таспасы",
    "sources.kind_sitemap": "сайт картасы",
    "sources.kind_links": "сілтемелер беті",
    "sources.more": "… тағы {count}",
    "sources.btn_pause": "⏸ Кідірту",
    "sources.btn_resume": "▶️ Жалғастыру",
    "sources.btn_check": "🔄 Қазір тексеру",
    "sources.btn_remove": "🗑 Жою",
    "sources.btn_rejected": "🚫 Қабылданбағандар",
    "sources.btn_back": "◀ Барлық көздер",
    "sources.btn_keep": "✅ №{number} алу",
    "sources.usage": (
        "RSS/Atom таспасының, сайт картасының немесе мақала сілтемелері бар беттің мекенжайын, "
        "қаласаңыз атауын да жазыңыз: /source_add https://example.kz/rss.xml Қостанай жаңалықтары"
    ),
    "sources.refused_scheme": (
        "Мекенжай қабылданбады: тек http:// және https:// мекенжайларын қосуға болады."
    ),
    "sources.refused_credentials": (
        "Мекенжай қабылданбады: онда пайдаланушы аты немесе құпиясөз бар. Оларсыз жазыңыз."
    ),
    "sources.refused_private": (
        "Мекенжай қабылданбады: ол жергілікті немесе жеке желіге апарады, бот оған жүгінбейді."
    ),
    "sources.refused_unresolvable": "Мекенжай қабылданбады: сайт атауы табылмады.",
    "sources.refused_no_host": "Мекенжай қабылданбады: онда сайт жоқ.",
    "sources.refused_too_long": "Мекенжай қабылданбады: тым ұзын.",
    "sources.refused_malformed": "Мекенжай қабылданбады: бұл веб-мекенжай емес.",
    "sources.unusable": "Бұл мекенжайды қосуға болмайды: {error}.",
    "sources.exists": "Бұл көз әлдеқашан қосылған.",
    "sources.limit": "Басқа көз қосуға болмайды: шегі — {limit}. Алдымен біреуін жойыңыз.",
    "sources.added": (
        "<b>Көз қосылды</b>: {name}\n{kind} · {url}\n"
        "Қазір, содан кейін әр {minutes} мин сайын тексеріледі."
    ),
    "sources.paused": "Кідіртілді: {name}",
    "sources.resumed": "Жалғастырылды: {name}; қазір тексеріледі.",
    "sources.removed": "Жойылды: {name}. Одан келген мақалалар мұрағатта қалады.",
    "sources.gone": "Бұл көз енді жоқ.",
    "sources.checked": "{name} тексерілді: алынды {kept}, қабылданбады {rejected}.",
    "sources.checked_not_modified": "{name} тексерілді: өткен тексеруден бері жаңа ештеңе жоқ.",
    "sources.check_failed": "{name} тексеру сәтсіз аяқталды: {error}",
    "sources.rejected_title": "<b>Жақында қабылданбағандар</b>, {name}:",
    "sources.rejected_none": "{name} көзінен жақында ештеңе қабылданбай қалған жоқ.",
    "sources.rejected_line": "{number}. {title} — {reason}",
    "sources.reason_no_region": "Қазақстан мен Ресейдің бірде-бір өңірі қатыспайды",
    "sources.reason_one_side": "тек бір тарап қатысады ({sides})",
    "sources.reason_not_html": "бұл веб-бет емес",
    "sources.reason_no_text": "бетте мақала мәтіні жоқ",
    "sources.reason_unreadable": "мәтінді оқу мүмкін болмады",
    "sources.reason_duplicate": "басқа мекенжаймен мұрағатта бар",
    "sources.reason_fetch": "жүктелмеді: {error}",
    "sources.reason_forced": "әкімші алды",
    "sources.kept_forced": "Алынды: {title}. Мақала енді мұрағатта.",
    "sources.keep_gone": "Бұл материалды енді алу мүмкін емес: мәтіні сақталмаған.",
    "sources.paused_notice": (
        "⏸ Қатарынан 10 рет сәтсіз тексерілгендіктен көз кідіртілді: {name} ({url}). "
        "Соңғы қате: {error}. Сайт жұмыс істегенде оны /sources арқылы жалғастырыңыз."
    ),
    "sources.err_robots": "сайттың robots.txt файлы оған тыйым салады",
    "sources.err_http": "сайт HTTP {status} деп жауап берді",
    "sources.err_too_large": "жауап 2 МБ-тан үлкен",
    "sources.err_redirects": "қайта бағыттау тым көп",
    "sources.err_timeout": "{seconds} с ішінде жауап жоқ",
    "sources.err_connection": "сайт қолжетімсіз",
    "sources.err_address": "мекенжай қабылданбады ({code})",
    "sources.err_malformed": "таспа бүлінген",
    "sources.err_not_listing": "бұл таспа да, сайт картасы да, HTML-бет те емес",
    "sources.err_sitemap_index": "бұл сайт карталарының индексі: ондағы карталардың бірін қосыңыз",
    "sources.err_unreadable_page": "бетті оқу мүмкін болмады",
}

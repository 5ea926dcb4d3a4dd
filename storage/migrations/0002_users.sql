-- People who talked to the bot, and the interface language each one chose with /lang.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,  -- the Telegram user id
    lang TEXT CHECK (lang IS NULL OR lang IN ('ru', 'kk', 'en')),  -- NULL: follow Telegram
    first_seen TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    lang_set_at TEXT
) STRICT;

-- Subscriptions and digests: chats with their digest settings, what each chat follows, and the
-- durable outbox of (chat, article) deliveries.
--
-- Delivery is planned before it is sent: articles loaded after a chat's cursor that match its
-- subscriptions become outbox rows (at most one per chat and article), the cursor moves past
-- them in the same transaction, and the sender works through the rows. A restart resumes from
-- the rows still pending.

CREATE TABLE chats (
    id INTEGER PRIMARY KEY,  -- the Telegram chat id
    type TEXT NOT NULL DEFAULT 'private',  -- private, group, supergroup, channel
    thread_id INTEGER,  -- forum topic where the chat subscribed; digests go there
    lang TEXT NOT NULL DEFAULT 'ru',
    active INTEGER NOT NULL DEFAULT 1,  -- 0: blocked or kicked; subscriptions kept but paused
    inactive_reason TEXT,
    tz TEXT NOT NULL DEFAULT 'Asia/Almaty',  -- IANA time zone of scheduled digests
    mode TEXT NOT NULL DEFAULT 'instant' CHECK (mode IN ('instant', 'daily', 'weekly')),
    hour INTEGER NOT NULL DEFAULT 9 CHECK (hour BETWEEN 0 AND 23),
    minute INTEGER NOT NULL DEFAULT 0 CHECK (minute BETWEEN 0 AND 59),
    weekday INTEGER NOT NULL DEFAULT 0 CHECK (weekday BETWEEN 0 AND 6),  -- 0 is Monday
    send_empty INTEGER NOT NULL DEFAULT 0,  -- 1: a "nothing new" notice when nothing is new
    cursor INTEGER NOT NULL DEFAULT 0,  -- the last article id already planned for this chat
    due_at TEXT,  -- UTC ISO time of the next scheduled digest; NULL for instant
    last_digest_at TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;

CREATE INDEX chats_instant ON chats (cursor) WHERE active = 1 AND mode = 'instant';
CREATE INDEX chats_due ON chats (due_at) WHERE active = 1 AND due_at IS NOT NULL;

CREATE TABLE subscriptions (
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('region', 'sector', 'pair')),
    key TEXT NOT NULL,  -- region id, sector id, or "id+id" for a pair (ids in sorted order)
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (chat_id, kind, key)
) STRICT;  -- with a rowid: it keeps the order in which a chat subscribed

CREATE INDEX subscriptions_by_key ON subscriptions (kind, key);

-- No foreign key to articles: a delivery stays on record when its article file is removed.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    message_id INTEGER,  -- the Telegram message that carried it (a digest may be several)
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (chat_id, article_id)
) STRICT;

CREATE INDEX outbox_open ON outbox (chat_id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE status = 'sent';

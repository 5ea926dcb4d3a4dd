-- Deliveries whose outcome cannot be known: the connection dropped after the request was sent,
-- or the answer did not come in time. Over Telegram such a send cannot be checked, so it is
-- recorded as 'uncertain' (counted in /stats) and never repeated: at most once.
--
-- SQLite cannot change a CHECK constraint in place, so the outbox is rebuilt with the same
-- columns and indexes (nothing refers to it; its own reference to chats is kept).

CREATE TABLE outbox_rebuilt (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'uncertain')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    message_id INTEGER,  -- the Telegram message that carried it (a digest may be several)
    created_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (chat_id, article_id)
) STRICT;

INSERT INTO outbox_rebuilt
    (id, chat_id, article_id, status, attempts, last_error, message_id, created_at, sent_at)
SELECT id, chat_id, article_id, status, attempts, last_error, message_id, created_at, sent_at
FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_rebuilt RENAME TO outbox;

CREATE INDEX outbox_open ON outbox (chat_id) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE status = 'sent';

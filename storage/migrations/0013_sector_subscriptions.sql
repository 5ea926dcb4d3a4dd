-- A region or a pair followed within one sector ("Атырауская область × Туризм"): subscriptions
-- get a `sector` column ('' for a whole region, pair or sector) that narrows a region or pair
-- subscription to the articles with that main sector. The key of a row now includes it, so a
-- chat may follow Atyrau and Atyrau × Tourism side by side; SQLite cannot change a primary key
-- in place, so the table is rebuilt, its rowids (the order a chat subscribed in) kept.

CREATE TABLE subscriptions_with_sector (
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('region', 'sector', 'pair')),
    key TEXT NOT NULL,  -- region id, sector id, or "id+id" for a pair (ids in sorted order)
    sector TEXT NOT NULL DEFAULT '' CHECK (sector = '' OR kind IN ('region', 'pair')),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (chat_id, kind, key, sector)
) STRICT;

INSERT INTO subscriptions_with_sector (rowid, chat_id, kind, key, created_at)
SELECT rowid, chat_id, kind, key, created_at FROM subscriptions;

DROP TABLE subscriptions;
ALTER TABLE subscriptions_with_sector RENAME TO subscriptions;
CREATE INDEX subscriptions_by_key ON subscriptions (kind, key);

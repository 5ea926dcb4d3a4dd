-- The identity of an article is its content (and its URL when it has one), not its file name:
-- a renamed file, or the same text uploaded under another name, is the same article with the
-- same id. content_key is the SHA-256 of the normalised text (storage/identity.py). Rows loaded
-- before this migration get theirs on the next load, computed from their stored raw text, so
-- every existing article keeps its id.
ALTER TABLE articles ADD COLUMN content_key TEXT;
ALTER TABLE articles ADD COLUMN url TEXT;
CREATE INDEX articles_content_key ON articles (content_key);
CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;

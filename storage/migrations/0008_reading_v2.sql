-- Reading v2: the article's web address, which version of the reader made each record (so a new
-- reader re-reads unchanged files), a digest of the reading (so a re-read can tell whether the
-- record changed), and the sectors an article names only in passing.
--
-- article_sectors holds an article's main sectors (one to three: what it is about); counts,
-- browsing, overviews and sector subscriptions read it. article_sectors_mentioned holds the
-- sectors it names in passing or in a long list; only the article itself shows them.
-- Records stored before this migration have reader_version 0: the next load re-reads them.

-- (the url column itself came with 0006)
ALTER TABLE articles ADD COLUMN reader_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN reading_sha256 TEXT NOT NULL DEFAULT '';

CREATE TABLE article_sectors_mentioned (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sector_id TEXT NOT NULL REFERENCES sectors (id),
    rank INTEGER NOT NULL,  -- 0 is the strongest
    PRIMARY KEY (article_id, sector_id)
) STRICT, WITHOUT ROWID;

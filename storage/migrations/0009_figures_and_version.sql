-- Turnover figures read from the article bodies (storage/reading/figures.py, written by
-- storage/figures_store.py in the same transaction as the articles), the regions each figure is
-- about, and which version of each article they were read from (so a reload reads only what
-- changed, and an archive upgraded to this migration is filled in on its next load).
CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    measure TEXT NOT NULL CHECK (measure IN ('turnover', 'investment', 'export', 'import')),
    value REAL NOT NULL,
    value_high REAL,  -- the upper end of a range
    currency TEXT NOT NULL,  -- USD, RUB, KZT, EUR, CNY
    bound TEXT NOT NULL CHECK (bound IN ('exact', 'more', 'less', 'about', 'range')),
    year INTEGER,  -- the year the sentence names; never guessed
    countries TEXT NOT NULL DEFAULT '',  -- country codes the sentence names, comma-separated
    text TEXT NOT NULL,  -- the sentence, shortened around the amount
    UNIQUE (article_id, position)
) STRICT;

CREATE TABLE figure_regions (
    figure_id INTEGER NOT NULL REFERENCES figures (id) ON DELETE CASCADE,
    region_id TEXT NOT NULL,
    PRIMARY KEY (region_id, figure_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX figure_regions_by_figure ON figure_regions (figure_id);

CREATE TABLE figures_read (
    article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    sha256 TEXT NOT NULL  -- articles.sha256 || ':' || reading_sha256 the figures were read from
) STRICT;

-- A number that grows with every change of the articles or their figures: pictures and exports
-- made from the archive are cached under it (subscriptions and deliveries do not touch it).
CREATE TABLE archive_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
) STRICT;

INSERT INTO archive_version (id, version) VALUES (1, 1);

CREATE TRIGGER archive_version_insert AFTER INSERT ON articles BEGIN
    UPDATE archive_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER archive_version_update AFTER UPDATE ON articles BEGIN
    UPDATE archive_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER archive_version_delete AFTER DELETE ON articles BEGIN
    UPDATE archive_version SET version = version + 1 WHERE id = 1;
END;

CREATE TRIGGER archive_version_figures AFTER INSERT ON figures_read BEGIN
    UPDATE archive_version SET version = version + 1 WHERE id = 1;
END;

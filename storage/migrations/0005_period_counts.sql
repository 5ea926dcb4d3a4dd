-- Counts of dated articles per day and per month, kept up to date by every write
-- (storage/facets.py), so that the overview of a date range sums the stored counts of its whole
-- months and of the days at its edges instead of counting every article in it. The facets are
-- those of facet_counts for the subject '*' (every article) that an overview shows: no 'region'.
CREATE TABLE period_counts (
    grain TEXT NOT NULL CHECK (grain IN ('day', 'month')),
    start TEXT NOT NULL,  -- the period's first day, 'YYYY-MM-DD' (a month starts on its 1st)
    facet TEXT NOT NULL CHECK (facet IN ('articles', 'partner', 'sector', 'national')),
    value TEXT NOT NULL,  -- region id, sector id, country code ('' for 'articles')
    count INTEGER NOT NULL,
    PRIMARY KEY (grain, start, facet, value)
) STRICT, WITHOUT ROWID;

-- Backfill from the articles already stored, so an upgraded archive equals a fresh one.
INSERT INTO period_counts (grain, start, facet, value, count)
SELECT 'day', date, 'articles', '', count(*)
FROM articles WHERE date IS NOT NULL GROUP BY date;

INSERT INTO period_counts (grain, start, facet, value, count)
SELECT 'day', a.date, 'partner', r.region_id, count(*)
FROM articles AS a JOIN article_regions AS r ON r.article_id = a.id
WHERE a.date IS NOT NULL AND r.role = 'partner' GROUP BY a.date, r.region_id;

INSERT INTO period_counts (grain, start, facet, value, count)
SELECT 'day', a.date, 'sector', s.sector_id, count(*)
FROM articles AS a JOIN article_sectors AS s ON s.article_id = a.id
WHERE a.date IS NOT NULL GROUP BY a.date, s.sector_id;

INSERT INTO period_counts (grain, start, facet, value, count)
SELECT 'day', a.date, 'national', c.value, count(*)
FROM articles AS a JOIN json_each('["' || replace(a.national_level, ',', '","') || '"]') AS c
WHERE a.date IS NOT NULL AND a.national_level != '' GROUP BY a.date, c.value;

INSERT INTO period_counts (grain, start, facet, value, count)
SELECT 'month', substr(start, 1, 8) || '01', facet, value, sum(count)
FROM period_counts WHERE grain = 'day' GROUP BY substr(start, 1, 8), facet, value;

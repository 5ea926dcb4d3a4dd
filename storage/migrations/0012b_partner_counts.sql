-- A region's partners counted only where it is a partner itself: under the subject
-- 'p:<region id>' of facet_counts, its fellow partner regions ('partner') and the national
-- sides ('national') of those articles (storage/facets.py, partner_keys). An overview of a
-- region no longer lists as partners the regions of the articles that only name it (a forum it
-- hosts, a consulate in it). The counts of the archive stored so far, from its links:
INSERT INTO facet_counts (subject, facet, value, count)
SELECT 'p:' || a.region_id, 'partner', b.region_id, count(*)
FROM article_regions AS a
JOIN article_regions AS b
    ON b.article_id = a.article_id AND b.role = 'partner' AND b.region_id != a.region_id
WHERE a.role = 'partner'
GROUP BY a.region_id, b.region_id;

INSERT INTO facet_counts (subject, facet, value, count)
SELECT 'p:' || a.region_id, 'national', c.value, count(*)
FROM article_regions AS a
JOIN articles AS x ON x.id = a.article_id
JOIN json_each('["' || replace(x.national_level, ',', '","') || '"]') AS c
WHERE a.role = 'partner' AND x.national_level != ''
GROUP BY a.region_id, c.value;

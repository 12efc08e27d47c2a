-- The Compare section's figures (#30): the Overview's 15-minute rollups
-- (0010) again, kept per dimension and value, so comparing models, prompt
-- versions, variants, pages, locales or the assistant against a person
-- reads a few buckets per value instead of every row.
--
-- A dimension is `key:<name>` for a provenance key (a thumb's `meta`, a
-- conversation's `context`: a thumb counts under its message's keys, a
-- satisfaction answer under its conversation's), `locale`, `page`, or
-- `role` (a thumb's: `assistant` or `agent`; a conversation's: `agent`
-- when it was handed over to a person, else `assistant`). A value is the
-- text of the key's value, as SQLite writes it.
--
-- Triggers keep them true in the statement that changes a row, as 0010's
-- do; a bucket whose counts fall to nothing is deleted. (`iif`, not
-- `CASE … END`: wrangler would take `END` for the end of a trigger.)

CREATE TABLE thumb_compare_rollups (
  site_key  TEXT NOT NULL,
  dimension TEXT NOT NULL,
  value     TEXT NOT NULL,
  bucket_ms INTEGER NOT NULL,           -- (at / 900000) * 900000
  up        INTEGER NOT NULL,
  down      INTEGER NOT NULL,
  PRIMARY KEY (site_key, dimension, bucket_ms, value)
) STRICT, WITHOUT ROWID;

CREATE TABLE csat_compare_rollups (
  site_key  TEXT NOT NULL,
  dimension TEXT NOT NULL,
  value     TEXT NOT NULL,
  bucket_ms INTEGER NOT NULL,           -- (csat_offered_at / 900000) * 900000
  offered   INTEGER NOT NULL,
  answered  INTEGER NOT NULL,           -- csat_score IS NOT NULL
  score_sum INTEGER NOT NULL,           -- the answers' scores, for the average
  positive  INTEGER NOT NULL,           -- 4–5 (👍 in thumbs mode)
  negative  INTEGER NOT NULL,           -- 1–2 (👎)
  PRIMARY KEY (site_key, dimension, bucket_ms, value)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER thumb_compare_on_insert AFTER INSERT ON message_ratings
WHEN NEW.rating IN ('up', 'down')
BEGIN
  INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down)
  SELECT NEW.site_key, d.dimension, d.value, (NEW.at / 900000) * 900000,
    (NEW.rating = 'up'), (NEW.rating = 'down')
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.meta) UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', NEW.role) AS d
  WHERE true
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
END;

CREATE TRIGGER thumb_compare_on_update
AFTER UPDATE OF rating, at, meta, role, page, locale ON message_ratings
WHEN OLD.rating IS NOT NEW.rating OR (OLD.at / 900000) IS NOT (NEW.at / 900000)
  OR OLD.meta IS NOT NEW.meta OR OLD.role IS NOT NEW.role OR OLD.page IS NOT NEW.page
  OR OLD.locale IS NOT NEW.locale
BEGIN
  INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down)
  SELECT OLD.site_key, d.dimension, d.value, (OLD.at / 900000) * 900000,
    -(OLD.rating = 'up'), -(OLD.rating = 'down')
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.meta) UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', OLD.role) AS d
  WHERE OLD.rating IN ('up', 'down')
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
  INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down)
  SELECT NEW.site_key, d.dimension, d.value, (NEW.at / 900000) * 900000,
    (NEW.rating = 'up'), (NEW.rating = 'down')
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.meta) UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', NEW.role) AS d
  WHERE NEW.rating IN ('up', 'down')
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
  DELETE FROM thumb_compare_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.at / 900000) * 900000 AND up = 0 AND down = 0;
END;

CREATE TRIGGER thumb_compare_on_delete AFTER DELETE ON message_ratings
WHEN OLD.rating IN ('up', 'down')
BEGIN
  INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down)
  SELECT OLD.site_key, d.dimension, d.value, (OLD.at / 900000) * 900000,
    -(OLD.rating = 'up'), -(OLD.rating = 'down')
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.meta) UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', OLD.role) AS d
  WHERE true
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
  DELETE FROM thumb_compare_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.at / 900000) * 900000 AND up = 0 AND down = 0;
END;

CREATE TRIGGER csat_compare_on_insert AFTER INSERT ON conversations
WHEN NEW.csat_offered_at IS NOT NULL
BEGIN
  INSERT INTO csat_compare_rollups
    (site_key, dimension, value, bucket_ms, offered, answered, score_sum, positive, negative)
  SELECT NEW.site_key, d.dimension, d.value, (NEW.csat_offered_at / 900000) * 900000,
    1, (NEW.csat_score IS NOT NULL), coalesce(NEW.csat_score, 0),
    coalesce(NEW.csat_score >= 4, 0), coalesce(NEW.csat_score <= 2, 0)
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.context) UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', iif(NEW.handed_over, 'agent', 'assistant')) AS d
  WHERE true
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, answered = answered + excluded.answered,
    score_sum = score_sum + excluded.score_sum, positive = positive + excluded.positive,
    negative = negative + excluded.negative;
END;

CREATE TRIGGER csat_compare_on_update
AFTER UPDATE OF csat_offered_at, csat_score, context, handed_over, page, locale ON conversations
WHEN OLD.csat_offered_at IS NOT NEW.csat_offered_at OR OLD.csat_score IS NOT NEW.csat_score
  OR OLD.context IS NOT NEW.context OR OLD.handed_over IS NOT NEW.handed_over
  OR OLD.page IS NOT NEW.page OR OLD.locale IS NOT NEW.locale
BEGIN
  INSERT INTO csat_compare_rollups
    (site_key, dimension, value, bucket_ms, offered, answered, score_sum, positive, negative)
  SELECT OLD.site_key, d.dimension, d.value, (OLD.csat_offered_at / 900000) * 900000,
    -1, -(OLD.csat_score IS NOT NULL), -coalesce(OLD.csat_score, 0),
    -coalesce(OLD.csat_score >= 4, 0), -coalesce(OLD.csat_score <= 2, 0)
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.context) UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', iif(OLD.handed_over, 'agent', 'assistant')) AS d
  WHERE OLD.csat_offered_at IS NOT NULL
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, answered = answered + excluded.answered,
    score_sum = score_sum + excluded.score_sum, positive = positive + excluded.positive,
    negative = negative + excluded.negative;
  INSERT INTO csat_compare_rollups
    (site_key, dimension, value, bucket_ms, offered, answered, score_sum, positive, negative)
  SELECT NEW.site_key, d.dimension, d.value, (NEW.csat_offered_at / 900000) * 900000,
    1, (NEW.csat_score IS NOT NULL), coalesce(NEW.csat_score, 0),
    coalesce(NEW.csat_score >= 4, 0), coalesce(NEW.csat_score <= 2, 0)
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.context) UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', iif(NEW.handed_over, 'agent', 'assistant')) AS d
  WHERE NEW.csat_offered_at IS NOT NULL
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, answered = answered + excluded.answered,
    score_sum = score_sum + excluded.score_sum, positive = positive + excluded.positive,
    negative = negative + excluded.negative;
  DELETE FROM csat_compare_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.csat_offered_at / 900000) * 900000 AND offered = 0;
END;

CREATE TRIGGER csat_compare_on_delete AFTER DELETE ON conversations
WHEN OLD.csat_offered_at IS NOT NULL
BEGIN
  INSERT INTO csat_compare_rollups
    (site_key, dimension, value, bucket_ms, offered, answered, score_sum, positive, negative)
  SELECT OLD.site_key, d.dimension, d.value, (OLD.csat_offered_at / 900000) * 900000,
    -1, -(OLD.csat_score IS NOT NULL), -coalesce(OLD.csat_score, 0),
    -coalesce(OLD.csat_score >= 4, 0), -coalesce(OLD.csat_score <= 2, 0)
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.context) UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', iif(OLD.handed_over, 'agent', 'assistant')) AS d
  WHERE true
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, answered = answered + excluded.answered,
    score_sum = score_sum + excluded.score_sum, positive = positive + excluded.positive,
    negative = negative + excluded.negative;
  DELETE FROM csat_compare_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.csat_offered_at / 900000) * 900000 AND offered = 0;
END;

-- What was stored before this migration, counted once.
INSERT INTO thumb_compare_rollups
SELECT site_key, dimension, value, bucket_ms, sum(up), sum(down) FROM (
  SELECT r.site_key, 'key:' || j.key AS dimension, CAST(j.value AS TEXT) AS value,
    (r.at / 900000) * 900000 AS bucket_ms, r.rating = 'up' AS up, r.rating = 'down' AS down
  FROM message_ratings AS r, json_each(r.meta) AS j WHERE r.rating IN ('up', 'down')
  UNION ALL SELECT site_key, 'locale', locale, (at / 900000) * 900000, rating = 'up', rating = 'down'
  FROM message_ratings WHERE rating IN ('up', 'down')
  UNION ALL SELECT site_key, 'page', page, (at / 900000) * 900000, rating = 'up', rating = 'down'
  FROM message_ratings WHERE rating IN ('up', 'down') AND page IS NOT NULL
  UNION ALL SELECT site_key, 'role', role, (at / 900000) * 900000, rating = 'up', rating = 'down'
  FROM message_ratings WHERE rating IN ('up', 'down')
) GROUP BY 1, 2, 3, 4;

INSERT INTO csat_compare_rollups
SELECT site_key, dimension, value, bucket_ms, count(*), sum(answered), sum(score),
  sum(positive), sum(negative) FROM (
  SELECT c.site_key, 'key:' || j.key AS dimension, CAST(j.value AS TEXT) AS value,
    (c.csat_offered_at / 900000) * 900000 AS bucket_ms, c.csat_score IS NOT NULL AS answered,
    coalesce(c.csat_score, 0) AS score, coalesce(c.csat_score >= 4, 0) AS positive,
    coalesce(c.csat_score <= 2, 0) AS negative
  FROM conversations AS c, json_each(c.context) AS j WHERE c.csat_offered_at IS NOT NULL
  UNION ALL SELECT site_key, 'locale', locale, (csat_offered_at / 900000) * 900000,
    csat_score IS NOT NULL, coalesce(csat_score, 0), coalesce(csat_score >= 4, 0),
    coalesce(csat_score <= 2, 0)
  FROM conversations WHERE csat_offered_at IS NOT NULL
  UNION ALL SELECT site_key, 'page', page, (csat_offered_at / 900000) * 900000,
    csat_score IS NOT NULL, coalesce(csat_score, 0), coalesce(csat_score >= 4, 0),
    coalesce(csat_score <= 2, 0)
  FROM conversations WHERE csat_offered_at IS NOT NULL AND page IS NOT NULL
  UNION ALL SELECT site_key, 'role', iif(handed_over, 'agent', 'assistant'),
    (csat_offered_at / 900000) * 900000, csat_score IS NOT NULL, coalesce(csat_score, 0),
    coalesce(csat_score >= 4, 0), coalesce(csat_score <= 2, 0)
  FROM conversations WHERE csat_offered_at IS NOT NULL
) GROUP BY 1, 2, 3, 4;

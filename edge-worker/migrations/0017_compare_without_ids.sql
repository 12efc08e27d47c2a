-- Keys ending in `_id` (`trace_id`, `run_id`, `session_id`) name one
-- answer or one conversation: nearly every value is new, so a rollup per
-- value would be a row per rating, costing ingest an insert each (at
-- batch 100 with a `trace_id` on every thumb, ingest ran at 0.87x of
-- 0016's base) and comparing nothing. They stay on the thumb and the
-- conversation, in the read API, the export and the inbox's
-- `meta.<key>=` filter; Compare leaves them out
-- (`protocol::meta::is_compared`). These are the triggers of 0016 again
-- with that one condition, and the rows they no longer keep go.

DROP TRIGGER thumb_compare_on_insert;
DROP TRIGGER thumb_compare_on_update;
DROP TRIGGER thumb_compare_on_delete;
DROP TRIGGER csat_compare_on_insert;
DROP TRIGGER csat_compare_on_update;
DROP TRIGGER csat_compare_on_delete;

CREATE TRIGGER thumb_compare_on_insert AFTER INSERT ON message_ratings
WHEN NEW.rating IN ('up', 'down')
BEGIN
  INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down)
  SELECT NEW.site_key, d.dimension, d.value, (NEW.at / 900000) * 900000,
    (NEW.rating = 'up'), (NEW.rating = 'down')
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.meta) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', NEW.role) AS d
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
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.meta) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', OLD.role) AS d
  WHERE OLD.rating IN ('up', 'down')
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
  INSERT INTO thumb_compare_rollups (site_key, dimension, value, bucket_ms, up, down)
  SELECT NEW.site_key, d.dimension, d.value, (NEW.at / 900000) * 900000,
    (NEW.rating = 'up'), (NEW.rating = 'down')
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.meta) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', NEW.role) AS d
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
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.meta) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', OLD.role) AS d
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
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.context) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', iif(NEW.handed_over, 'agent', 'assistant')) AS d
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
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.context) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', iif(OLD.handed_over, 'agent', 'assistant')) AS d
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
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(NEW.context) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', NEW.locale UNION ALL SELECT 'page', NEW.page WHERE NEW.page IS NOT NULL UNION ALL SELECT 'role', iif(NEW.handed_over, 'agent', 'assistant')) AS d
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
  FROM (SELECT 'key:' || key AS dimension, CAST(value AS TEXT) AS value FROM json_each(OLD.context) WHERE substr(key, -3) <> '_id' UNION ALL SELECT 'locale', OLD.locale UNION ALL SELECT 'page', OLD.page WHERE OLD.page IS NOT NULL UNION ALL SELECT 'role', iif(OLD.handed_over, 'agent', 'assistant')) AS d
  WHERE true
  ON CONFLICT (site_key, dimension, value, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, answered = answered + excluded.answered,
    score_sum = score_sum + excluded.score_sum, positive = positive + excluded.positive,
    negative = negative + excluded.negative;
  DELETE FROM csat_compare_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.csat_offered_at / 900000) * 900000 AND offered = 0;
END;

DELETE FROM thumb_compare_rollups
WHERE dimension LIKE 'key:%' AND substr(dimension, -3) = '_id';

DELETE FROM csat_compare_rollups
WHERE dimension LIKE 'key:%' AND substr(dimension, -3) = '_id';

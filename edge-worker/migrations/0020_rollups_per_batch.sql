-- The rollups of an ingest batch, kept once per batch (#29 §3).
--
-- The triggers of 0010 and 0017 keep every rollup in the statement that
-- changes a row: seven upserts for a thumb, whichever path wrote it.
-- Measured natively, they were half of ingest's time in SQLite. An ingest
-- batch of 20 events or more now keeps the rollups of its own rows itself,
-- once per batch (a smaller one leaves them to these triggers): before
-- its writes it takes the touched rows' counts out of their buckets,
-- summed per bucket; after them it puts the rows' new counts back, and
-- deletes the buckets left with nothing (`ledger::rollups`).
--
-- While its batch runs, ingest holds the one row of `rollups_deferred`,
-- and these triggers leave the rollups alone. The row is inserted and
-- deleted inside the batch's own transaction, so no other statement ever
-- sees it. Every other path (a small ingest batch, an erasure, the
-- retention sweep, text's retention, a site move) still runs the triggers. They are 0010's and
-- 0017's again, with that one condition.

CREATE TABLE rollups_deferred (
  deferred INTEGER PRIMARY KEY CHECK (deferred = 1)
) STRICT;

-- The buckets a batch may have emptied, found without reading the rest.
CREATE INDEX csat_rollups_emptied ON csat_rollups (site_key) WHERE offered = 0;
CREATE INDEX thumb_rollups_emptied ON thumb_rollups (site_key) WHERE up = 0 AND down = 0;
CREATE INDEX csat_compare_rollups_emptied ON csat_compare_rollups (site_key) WHERE offered = 0;
CREATE INDEX thumb_compare_rollups_emptied ON thumb_compare_rollups (site_key)
  WHERE up = 0 AND down = 0;

DROP TRIGGER csat_rollups_on_insert;
DROP TRIGGER csat_rollups_on_update;
DROP TRIGGER csat_rollups_on_delete;
DROP TRIGGER thumb_rollups_on_insert;
DROP TRIGGER thumb_rollups_on_update;
DROP TRIGGER thumb_rollups_on_delete;
DROP TRIGGER thumb_compare_on_insert;
DROP TRIGGER thumb_compare_on_update;
DROP TRIGGER thumb_compare_on_delete;
DROP TRIGGER csat_compare_on_insert;
DROP TRIGGER csat_compare_on_update;
DROP TRIGGER csat_compare_on_delete;

CREATE TRIGGER csat_rollups_on_insert AFTER INSERT ON conversations
WHEN (NEW.csat_offered_at IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
BEGIN
  INSERT INTO csat_rollups VALUES (NEW.site_key, (NEW.csat_offered_at / 900000) * 900000,
    1, NEW.csat_score IS NOT NULL, NEW.csat_dismissed_at IS NOT NULL AND NEW.csat_score IS NULL,
    NEW.csat_completed, NEW.csat_score IS 1, NEW.csat_score IS 2, NEW.csat_score IS 3,
    NEW.csat_score IS 4, NEW.csat_score IS 5)
  ON CONFLICT (site_key, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, accepted = accepted + excluded.accepted,
    denied = denied + excluded.denied, completed = completed + excluded.completed,
    score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5;
END;

CREATE TRIGGER csat_rollups_on_update
AFTER UPDATE OF csat_offered_at, csat_score, csat_dismissed_at, csat_completed ON conversations
WHEN (OLD.csat_offered_at IS NOT NEW.csat_offered_at
  OR OLD.csat_score IS NOT NEW.csat_score
  OR (OLD.csat_dismissed_at IS NULL) IS NOT (NEW.csat_dismissed_at IS NULL)
  OR OLD.csat_completed IS NOT NEW.csat_completed)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
BEGIN
  INSERT INTO csat_rollups SELECT OLD.site_key, (OLD.csat_offered_at / 900000) * 900000,
    -1, -(OLD.csat_score IS NOT NULL), -(OLD.csat_dismissed_at IS NOT NULL AND OLD.csat_score IS NULL),
    -OLD.csat_completed, -(OLD.csat_score IS 1), -(OLD.csat_score IS 2), -(OLD.csat_score IS 3),
    -(OLD.csat_score IS 4), -(OLD.csat_score IS 5)
  WHERE OLD.csat_offered_at IS NOT NULL
  ON CONFLICT (site_key, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, accepted = accepted + excluded.accepted,
    denied = denied + excluded.denied, completed = completed + excluded.completed,
    score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5;
  INSERT INTO csat_rollups SELECT NEW.site_key, (NEW.csat_offered_at / 900000) * 900000,
    1, NEW.csat_score IS NOT NULL, NEW.csat_dismissed_at IS NOT NULL AND NEW.csat_score IS NULL,
    NEW.csat_completed, NEW.csat_score IS 1, NEW.csat_score IS 2, NEW.csat_score IS 3,
    NEW.csat_score IS 4, NEW.csat_score IS 5
  WHERE NEW.csat_offered_at IS NOT NULL
  ON CONFLICT (site_key, bucket_ms) DO UPDATE SET
    offered = offered + excluded.offered, accepted = accepted + excluded.accepted,
    denied = denied + excluded.denied, completed = completed + excluded.completed,
    score_1 = score_1 + excluded.score_1, score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3, score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5;
  DELETE FROM csat_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.csat_offered_at / 900000) * 900000 AND offered = 0;
END;

CREATE TRIGGER csat_rollups_on_delete AFTER DELETE ON conversations
WHEN (OLD.csat_offered_at IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
BEGIN
  UPDATE csat_rollups SET
    offered = offered - 1, accepted = accepted - (OLD.csat_score IS NOT NULL),
    denied = denied - (OLD.csat_dismissed_at IS NOT NULL AND OLD.csat_score IS NULL),
    completed = completed - OLD.csat_completed,
    score_1 = score_1 - (OLD.csat_score IS 1), score_2 = score_2 - (OLD.csat_score IS 2),
    score_3 = score_3 - (OLD.csat_score IS 3), score_4 = score_4 - (OLD.csat_score IS 4),
    score_5 = score_5 - (OLD.csat_score IS 5)
  WHERE site_key = OLD.site_key AND bucket_ms = (OLD.csat_offered_at / 900000) * 900000;
  DELETE FROM csat_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.csat_offered_at / 900000) * 900000 AND offered = 0;
END;

CREATE TRIGGER thumb_rollups_on_insert AFTER INSERT ON message_ratings
WHEN (NEW.rating IN ('up', 'down'))
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
BEGIN
  INSERT INTO thumb_rollups VALUES (NEW.site_key, (NEW.at / 900000) * 900000,
    NEW.rating = 'up', NEW.rating = 'down')
  ON CONFLICT (site_key, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
END;

CREATE TRIGGER thumb_rollups_on_update AFTER UPDATE OF rating, at ON message_ratings
WHEN (OLD.rating IS NOT NEW.rating OR (OLD.at / 900000) IS NOT (NEW.at / 900000))
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
BEGIN
  UPDATE thumb_rollups SET up = up - (OLD.rating = 'up'), down = down - (OLD.rating = 'down')
  WHERE OLD.rating IN ('up', 'down')
    AND site_key = OLD.site_key AND bucket_ms = (OLD.at / 900000) * 900000;
  INSERT INTO thumb_rollups SELECT NEW.site_key, (NEW.at / 900000) * 900000,
    NEW.rating = 'up', NEW.rating = 'down'
  WHERE NEW.rating IN ('up', 'down')
  ON CONFLICT (site_key, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
  DELETE FROM thumb_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.at / 900000) * 900000 AND up = 0 AND down = 0;
END;

CREATE TRIGGER thumb_rollups_on_delete AFTER DELETE ON message_ratings
WHEN (OLD.rating IN ('up', 'down'))
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
BEGIN
  UPDATE thumb_rollups SET up = up - (OLD.rating = 'up'), down = down - (OLD.rating = 'down')
  WHERE site_key = OLD.site_key AND bucket_ms = (OLD.at / 900000) * 900000;
  DELETE FROM thumb_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.at / 900000) * 900000 AND up = 0 AND down = 0;
END;

CREATE TRIGGER thumb_compare_on_insert AFTER INSERT ON message_ratings
WHEN (NEW.rating IN ('up', 'down'))
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
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
WHEN (OLD.rating IS NOT NEW.rating OR (OLD.at / 900000) IS NOT (NEW.at / 900000)
  OR OLD.meta IS NOT NEW.meta OR OLD.role IS NOT NEW.role OR OLD.page IS NOT NEW.page
  OR OLD.locale IS NOT NEW.locale)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
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
WHEN (OLD.rating IN ('up', 'down'))
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
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
WHEN (NEW.csat_offered_at IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
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
WHEN (OLD.csat_offered_at IS NOT NEW.csat_offered_at OR OLD.csat_score IS NOT NEW.csat_score
  OR OLD.context IS NOT NEW.context OR OLD.handed_over IS NOT NEW.handed_over
  OR OLD.page IS NOT NEW.page OR OLD.locale IS NOT NEW.locale)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
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
WHEN (OLD.csat_offered_at IS NOT NULL)
  AND NOT EXISTS (SELECT 1 FROM rollups_deferred)
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

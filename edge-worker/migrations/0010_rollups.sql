-- The Overview's figures per site and 15-minute bucket (900,000 ms, the
-- `analytics::BUCKET_MS`; every time zone's day starts on one), so it reads
-- a few thousand buckets instead of every row of its window.
--
-- Triggers keep them true: they run inside the statement that changes a
-- conversation or a thumb, so a rollup changes in the same D1 batch (and
-- transaction) as the rows it summarises, whichever path wrote them:
-- ingest, an amended answer, a changed or cleared thumb, erasure, the
-- retention sweep. A bucket whose count falls to nothing is deleted.

-- Conversations offered the CSAT prompt, by the bucket of `csat_offered_at`.
CREATE TABLE csat_rollups (
  site_key  TEXT NOT NULL,
  bucket_ms INTEGER NOT NULL,           -- (csat_offered_at / 900000) * 900000
  offered   INTEGER NOT NULL,
  accepted  INTEGER NOT NULL,           -- csat_score IS NOT NULL
  denied    INTEGER NOT NULL,           -- dismissed without a score
  completed INTEGER NOT NULL,           -- csat_completed
  score_1   INTEGER NOT NULL,
  score_2   INTEGER NOT NULL,
  score_3   INTEGER NOT NULL,
  score_4   INTEGER NOT NULL,
  score_5   INTEGER NOT NULL,
  PRIMARY KEY (site_key, bucket_ms)
) STRICT, WITHOUT ROWID;

-- Messages whose current thumb is up or down, by the bucket of its time.
CREATE TABLE thumb_rollups (
  site_key  TEXT NOT NULL,
  bucket_ms INTEGER NOT NULL,           -- (at / 900000) * 900000
  up        INTEGER NOT NULL,
  down      INTEGER NOT NULL,
  PRIMARY KEY (site_key, bucket_ms)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER csat_rollups_on_insert AFTER INSERT ON conversations
WHEN NEW.csat_offered_at IS NOT NULL
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

-- Ingest sets these columns on every CSAT event; only a real change of a
-- counted figure moves a bucket: the old row's counts out, the new row's in.
CREATE TRIGGER csat_rollups_on_update
AFTER UPDATE OF csat_offered_at, csat_score, csat_dismissed_at, csat_completed ON conversations
WHEN OLD.csat_offered_at IS NOT NEW.csat_offered_at
  OR OLD.csat_score IS NOT NEW.csat_score
  OR (OLD.csat_dismissed_at IS NULL) IS NOT (NEW.csat_dismissed_at IS NULL)
  OR OLD.csat_completed IS NOT NEW.csat_completed
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
WHEN OLD.csat_offered_at IS NOT NULL
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
WHEN NEW.rating IN ('up', 'down')
BEGIN
  INSERT INTO thumb_rollups VALUES (NEW.site_key, (NEW.at / 900000) * 900000,
    NEW.rating = 'up', NEW.rating = 'down')
  ON CONFLICT (site_key, bucket_ms) DO UPDATE SET
    up = up + excluded.up, down = down + excluded.down;
END;

CREATE TRIGGER thumb_rollups_on_update AFTER UPDATE OF rating, at ON message_ratings
WHEN OLD.rating IS NOT NEW.rating OR (OLD.at / 900000) IS NOT (NEW.at / 900000)
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
WHEN OLD.rating IN ('up', 'down')
BEGIN
  UPDATE thumb_rollups SET up = up - (OLD.rating = 'up'), down = down - (OLD.rating = 'down')
  WHERE site_key = OLD.site_key AND bucket_ms = (OLD.at / 900000) * 900000;
  DELETE FROM thumb_rollups WHERE site_key = OLD.site_key
    AND bucket_ms = (OLD.at / 900000) * 900000 AND up = 0 AND down = 0;
END;

-- What was stored before this migration, counted once.
INSERT INTO csat_rollups
SELECT site_key, (csat_offered_at / 900000) * 900000, count(*),
  sum(csat_score IS NOT NULL), sum(csat_dismissed_at IS NOT NULL AND csat_score IS NULL),
  sum(csat_completed), sum(csat_score IS 1), sum(csat_score IS 2), sum(csat_score IS 3),
  sum(csat_score IS 4), sum(csat_score IS 5)
FROM conversations WHERE csat_offered_at IS NOT NULL GROUP BY 1, 2;

INSERT INTO thumb_rollups
SELECT site_key, (at / 900000) * 900000, sum(rating = 'up'), sum(rating = 'down')
FROM message_ratings WHERE rating IN ('up', 'down') GROUP BY 1, 2;

-- Raw rows past a site's hot window go to R2 (#35).
--
-- A conversation whose last activity is older than the site's `hot_days`
-- (and that has no open review item) leaves D1 whole, its row with its
-- thumbs and events, for an object in R2: one day's conversations of one
-- site, by the UTC day of their last activity, written in chunks of a few
-- thousand rows (`ledger::archive`). The rows are deleted only after the
-- object is written and read back with the same row count and checksum.
--
-- What stays in D1:
-- - the rollups, which go on counting the archived rows until retention
--   takes them (the Overview and Compare read nothing from R2);
-- - review items, reviewed ones included: the Overview's "reviewed in the
--   period" counts them;
-- - which chunks a site has (`archive_chunks`), and which chunk holds each
--   archived conversation (`archived_conversations`), so an erasure, an
--   export and retention find them without listing the bucket.
--
-- While its batch deletes the rows it archived, the sweep holds the one
-- row of `archive_hold` (and of `rollups_deferred`, 0020): the rollup
-- triggers leave the figures alone, and the review triggers below leave
-- the items. The rows are inserted and deleted inside that batch's own
-- transaction, so no other statement ever sees them.

CREATE TABLE archive_chunks (
  site_key   TEXT NOT NULL,
  day        TEXT NOT NULL,               -- 'YYYY-MM-DD', UTC, of its conversations' last activity
  chunk      INTEGER NOT NULL,            -- 1, 2, … within the day
  state      TEXT NOT NULL CHECK (state IN ('writing', 'kept', 'abandoned')),
  rows       INTEGER NOT NULL,            -- lines in the object
  bytes      INTEGER NOT NULL,            -- the object's size, compressed
  sha256     TEXT NOT NULL,               -- of the lines, uncompressed
  first_at   INTEGER NOT NULL,            -- its earliest event or activity, unix ms
  last_at    INTEGER NOT NULL,            -- its latest
  written_at INTEGER NOT NULL,
  PRIMARY KEY (site_key, day, chunk)
) STRICT;

-- Chunks that never committed, oldest first.
CREATE INDEX archive_chunks_unfinished ON archive_chunks (written_at) WHERE state <> 'kept';

CREATE TABLE archived_conversations (
  site_key        TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  day             TEXT NOT NULL,
  chunk           INTEGER NOT NULL,
  -- 1 once an erasure has taken it out of D1's figures; the row goes
  -- when its object no longer holds it (`ledger::archive::erasure`).
  erased          INTEGER NOT NULL DEFAULT 0 CHECK (erased IN (0, 1)),
  PRIMARY KEY (site_key, conversation_id, day, chunk)
) STRICT;

CREATE TABLE archive_hold (
  held INTEGER PRIMARY KEY CHECK (held = 1)
) STRICT;

DROP TRIGGER review_on_thumb_delete;
DROP TRIGGER review_on_conversation_delete;

CREATE TRIGGER review_on_thumb_delete AFTER DELETE ON message_ratings
WHEN NOT EXISTS (SELECT 1 FROM archive_hold)
BEGIN
  DELETE FROM review_items WHERE site_key = OLD.site_key
    AND conversation_id = OLD.conversation_id AND message_id = OLD.message_id;
END;

CREATE TRIGGER review_on_conversation_delete AFTER DELETE ON conversations
WHEN NOT EXISTS (SELECT 1 FROM archive_hold)
BEGIN
  DELETE FROM review_items WHERE site_key = OLD.site_key
    AND conversation_id = OLD.conversation_id;
END;

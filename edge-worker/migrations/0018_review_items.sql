-- Review (#31): every 👎 and every satisfaction answer of 1–2 opens an
-- item; a person marks it reviewed, with a note and labels; and a key may
-- be scoped to that.
--
-- One item per rated message (`message_id`) and one per conversation's
-- satisfaction answer (`message_id` = ''). Its id is the id of the event
-- that opened it: unique per site, safe in a URL, and the same in every
-- database a site's rows are copied to.
--
-- Triggers keep the items true in the statement that changes a thumb or
-- an answer, as the rollups' do (0010, 0016):
-- - a thumb that becomes 👎, or an answer that becomes 1–2, opens one
--   (nothing when the message or conversation already has one);
-- - one that stops being so removes its item while it is still open (a
--   reviewed item is kept: it records what was done);
-- - a thumb or a conversation deleted (erasure, retention, a site's move
--   out) takes its items with it.
-- (`iif`, not `CASE … END`: wrangler would take `END` for the end of a
-- trigger.)

CREATE TABLE review_items (
  site_key        TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id      TEXT NOT NULL,           -- '' for the satisfaction answer
  item_id         TEXT NOT NULL,           -- the opening event's id
  opened_at       INTEGER NOT NULL,        -- the 👎's or the answer's time, unix ms
  state           TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'reviewed')),
  note            TEXT,
  labels          TEXT NOT NULL DEFAULT '[]', -- a JSON array of the site's labels
  reviewed_by     TEXT,                    -- 'owner' or a key's name
  reviewed_at     INTEGER,
  version         INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (site_key, conversation_id, message_id)
) STRICT;

CREATE UNIQUE INDEX review_items_by_id ON review_items (site_key, item_id);

-- The queue, newest first, by state (keyset on opened_at, item_id).
CREATE INDEX review_items_by_state ON review_items (site_key, state, opened_at, item_id);

-- The Overview's "reviewed in the period" and its median time to review.
CREATE INDEX review_items_by_review ON review_items (site_key, reviewed_at)
  WHERE reviewed_at IS NOT NULL;

-- How many items each site has open (no row for none), kept by triggers
-- on the items, so the Overview reads one row rather than counting a
-- backlog (a site that
-- never reviews holds one item per 👎: 1.4 million at 10 million events,
-- 80 ms to count).
CREATE TABLE review_open_counts (
  site_key TEXT PRIMARY KEY,
  open     INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TRIGGER review_count_on_insert AFTER INSERT ON review_items
WHEN NEW.state = 'open'
BEGIN
  INSERT INTO review_open_counts (site_key, open) VALUES (NEW.site_key, 1)
  ON CONFLICT (site_key) DO UPDATE SET open = open + 1;
END;

CREATE TRIGGER review_count_on_delete AFTER DELETE ON review_items
WHEN OLD.state = 'open'
BEGIN
  UPDATE review_open_counts SET open = open - 1 WHERE site_key = OLD.site_key;
  DELETE FROM review_open_counts WHERE site_key = OLD.site_key AND open = 0;
END;

CREATE TRIGGER review_count_on_state AFTER UPDATE OF state ON review_items
WHEN OLD.state IS NOT NEW.state
BEGIN
  INSERT INTO review_open_counts (site_key, open)
  VALUES (NEW.site_key, iif(NEW.state = 'open', 1, -1))
  ON CONFLICT (site_key) DO UPDATE SET open = open + excluded.open;
  DELETE FROM review_open_counts WHERE site_key = NEW.site_key AND open = 0;
END;

CREATE TRIGGER review_on_thumb_insert AFTER INSERT ON message_ratings
WHEN NEW.rating = 'down'
BEGIN
  INSERT INTO review_items (site_key, conversation_id, message_id, item_id, opened_at)
  VALUES (NEW.site_key, NEW.conversation_id, NEW.message_id, NEW.event_id, NEW.at)
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER review_on_thumb_down AFTER UPDATE OF rating ON message_ratings
WHEN NEW.rating = 'down' AND OLD.rating IS NOT 'down'
BEGIN
  INSERT INTO review_items (site_key, conversation_id, message_id, item_id, opened_at)
  VALUES (NEW.site_key, NEW.conversation_id, NEW.message_id, NEW.event_id, NEW.at)
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER review_on_thumb_undone AFTER UPDATE OF rating ON message_ratings
WHEN OLD.rating = 'down' AND NEW.rating IS NOT 'down'
BEGIN
  DELETE FROM review_items WHERE site_key = OLD.site_key
    AND conversation_id = OLD.conversation_id AND message_id = OLD.message_id
    AND state = 'open';
END;

CREATE TRIGGER review_on_thumb_delete AFTER DELETE ON message_ratings
BEGIN
  DELETE FROM review_items WHERE site_key = OLD.site_key
    AND conversation_id = OLD.conversation_id AND message_id = OLD.message_id;
END;

CREATE TRIGGER review_on_answer_insert AFTER INSERT ON conversations
WHEN NEW.csat_score <= 2
BEGIN
  INSERT INTO review_items (site_key, conversation_id, message_id, item_id, opened_at)
  VALUES (NEW.site_key, NEW.conversation_id, '',
    coalesce(NEW.csat_event_id, 'csat~' || NEW.conversation_id),
    coalesce(NEW.csat_at, NEW.last_at))
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER review_on_answer_low AFTER UPDATE OF csat_score ON conversations
WHEN NEW.csat_score <= 2 AND (OLD.csat_score IS NULL OR OLD.csat_score > 2)
BEGIN
  INSERT INTO review_items (site_key, conversation_id, message_id, item_id, opened_at)
  VALUES (NEW.site_key, NEW.conversation_id, '',
    coalesce(NEW.csat_event_id, 'csat~' || NEW.conversation_id),
    coalesce(NEW.csat_at, NEW.last_at))
  ON CONFLICT DO NOTHING;
END;

CREATE TRIGGER review_on_answer_raised AFTER UPDATE OF csat_score ON conversations
WHEN OLD.csat_score <= 2 AND (NEW.csat_score IS NULL OR NEW.csat_score > 2)
BEGIN
  DELETE FROM review_items WHERE site_key = OLD.site_key
    AND conversation_id = OLD.conversation_id AND message_id = '' AND state = 'open';
END;

CREATE TRIGGER review_on_conversation_delete AFTER DELETE ON conversations
BEGIN
  DELETE FROM review_items WHERE site_key = OLD.site_key
    AND conversation_id = OLD.conversation_id;
END;

-- What is already there opens its items, as it would have on arrival.
INSERT INTO review_items (site_key, conversation_id, message_id, item_id, opened_at)
SELECT site_key, conversation_id, message_id, event_id, at FROM message_ratings
WHERE rating = 'down'
ON CONFLICT DO NOTHING;

INSERT INTO review_items (site_key, conversation_id, message_id, item_id, opened_at)
SELECT site_key, conversation_id, '', coalesce(csat_event_id, 'csat~' || conversation_id),
  coalesce(csat_at, last_at)
FROM conversations WHERE csat_score <= 2
ON CONFLICT DO NOTHING;

-- A key may now be scoped to review: `site_keys` again with that scope
-- allowed (SQLite cannot change a CHECK in place), its rows copied over.
CREATE TABLE site_keys_with_review (
  site_key    TEXT NOT NULL REFERENCES sites(site_key) ON DELETE CASCADE,
  key_id      TEXT NOT NULL,
  name        TEXT NOT NULL,
  scope       TEXT NOT NULL CHECK (scope IN ('wording', 'read', 'review')),
  secret_hash TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER,
  PRIMARY KEY (site_key, key_id)
) STRICT;

INSERT INTO site_keys_with_review
  (site_key, key_id, name, scope, secret_hash, created_at, revoked_at)
SELECT site_key, key_id, name, scope, secret_hash, created_at, revoked_at FROM site_keys;

DROP TABLE site_keys;

ALTER TABLE site_keys_with_review RENAME TO site_keys;

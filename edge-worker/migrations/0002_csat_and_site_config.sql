-- Site settings (a SiteConfig JSON document, validated by the protocol
-- crate), richer thumbs, and one row per conversation with its CSAT.

ALTER TABLE sites ADD COLUMN config TEXT NOT NULL DEFAULT '{}';
ALTER TABLE sites ADD COLUMN config_updated_at INTEGER NOT NULL DEFAULT 0;

ALTER TABLE message_ratings ADD COLUMN reason TEXT;
ALTER TABLE message_ratings ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';   -- JSON array
ALTER TABLE message_ratings ADD COLUMN question TEXT;
ALTER TABLE message_ratings ADD COLUMN answer TEXT;
CREATE INDEX message_ratings_by_time ON message_ratings(site_key, at);

CREATE TABLE conversations (
  site_key          TEXT NOT NULL,
  conversation_id   TEXT NOT NULL,
  first_at          INTEGER NOT NULL,        -- earliest event, unix ms (server clock)
  last_at           INTEGER NOT NULL,        -- latest event
  locale            TEXT NOT NULL,
  csat_mode         TEXT CHECK (csat_mode IN ('thumbs', 'scale5')),
  csat_offered_at   INTEGER,                 -- CSAT_OFFERED
  csat_dismissed_at INTEGER,                 -- closed without answering
  csat_answered_at  INTEGER,                 -- first answer: the 30-minute amend window starts here
  csat_score        INTEGER CHECK (csat_score BETWEEN 1 AND 5),
  csat_comment      TEXT,                    -- CSAT_FREE_FEEDBACK
  csat_completed    INTEGER NOT NULL DEFAULT 0,
  csat_at           INTEGER,                 -- event time of the answer stored (latest wins)
  csat_event_id     TEXT,
  thumbs_up         INTEGER NOT NULL DEFAULT 0,
  thumbs_down       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_key, conversation_id)
) STRICT;
CREATE INDEX conversations_by_activity ON conversations(site_key, last_at, conversation_id);
CREATE INDEX conversations_by_offer ON conversations(site_key, csat_offered_at);

-- Conversations that already have thumbs.
INSERT INTO conversations (site_key, conversation_id, first_at, last_at, locale, thumbs_up, thumbs_down)
SELECT site_key, conversation_id, min(at), max(at), max(locale),
       sum(rating = 'up'), sum(rating = 'down')
FROM message_ratings GROUP BY site_key, conversation_id;

-- Sites that may send feedback, and what they have sent.

CREATE TABLE sites (
  site_key    TEXT PRIMARY KEY,            -- public key the widget embeds (pk_...)
  secret_hash TEXT NOT NULL,               -- hex SHA-256 of the site's secret (sk_...)
  created_at  INTEGER NOT NULL             -- unix ms
) STRICT;

-- Origins (scheme://host[:port]) whose pages may send events for a site.
CREATE TABLE site_origins (
  site_key TEXT NOT NULL REFERENCES sites(site_key) ON DELETE CASCADE,
  origin   TEXT NOT NULL,
  PRIMARY KEY (site_key, origin)
) STRICT;
CREATE INDEX site_origins_by_origin ON site_origins(origin);

-- Every accepted event once: the client's event id is the dedup key.
CREATE TABLE events (
  site_key        TEXT NOT NULL,
  event_id        TEXT NOT NULL,
  type            TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  at              INTEGER NOT NULL,        -- unix ms, corrected to server time
  received_at     INTEGER NOT NULL,        -- unix ms
  locale          TEXT NOT NULL,
  body            TEXT NOT NULL,           -- the validated event as JSON
  PRIMARY KEY (site_key, event_id)
) STRICT;
CREATE INDEX events_by_conversation ON events(site_key, conversation_id, at);

-- The current thumbs state of each rated assistant message: the latest
-- event by `at` wins, whatever order events arrive in.
CREATE TABLE message_ratings (
  site_key        TEXT NOT NULL,
  conversation_id TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  rating          TEXT NOT NULL CHECK (rating IN ('up', 'down', 'none')),
  at              INTEGER NOT NULL,
  event_id        TEXT NOT NULL,
  locale          TEXT NOT NULL,
  PRIMARY KEY (site_key, conversation_id, message_id)
) STRICT;

-- The webhook deliveries a site is owed (edge-worker/src/webhook/outbox.rs):
-- a row per bad-news event (a 👎, a CSAT answer of 1–2) of a site with a
-- webhook, written in the same transaction as the event itself, so what
-- is stored decides what is delivered. Whoever queues a row marks it: the
-- request that stored it, a retry of that request, or the sweep that runs
-- every two minutes for rows still unqueued a minute after they were
-- stored. A claim (a random token and its time) keeps two of them from
-- queueing a row at once; a claim older than a minute has lapsed.
CREATE TABLE webhook_outbox (
  site_key   TEXT NOT NULL,
  event_id   TEXT NOT NULL,
  stored_at  INTEGER NOT NULL,            -- unix ms, when the event was received
  claim      TEXT,                        -- who is queueing it now
  claimed_at INTEGER,                     -- unix ms, since when
  queued_at  INTEGER,                     -- unix ms, when it was queued; NULL while owed
  PRIMARY KEY (site_key, event_id)
) STRICT;
CREATE INDEX webhook_outbox_owed ON webhook_outbox (stored_at) WHERE queued_at IS NULL;

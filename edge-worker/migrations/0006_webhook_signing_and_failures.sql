-- Webhooks are signed with a secret of their own (whsec_...), kept in clear
-- because signing needs it; the site secret stays hashed. Existing sites
-- get a fresh random one (`cargo xtask site webhook-secret pk_...` shows it).
ALTER TABLE sites ADD COLUMN webhook_secret TEXT;
UPDATE sites SET webhook_secret = 'whsec_' || lower(hex(randomblob(24)))
  WHERE webhook_secret IS NULL;

-- Deliveries that failed every retry (the dead-letter queue's consumer
-- writes them): which events the site's webhook never got. Ids only, no
-- shopper text; the events themselves stay stored. Retention sweeps them
-- with the site's other data.
CREATE TABLE webhook_failures (
  site_key  TEXT NOT NULL,
  queued_at INTEGER NOT NULL,             -- unix ms, when the delivery was queued
  failed_at INTEGER NOT NULL,             -- unix ms, when the last retry gave up
  event_ids TEXT NOT NULL                 -- JSON array of event ids
) STRICT;
CREATE INDEX webhook_failures_by_site ON webhook_failures (site_key, failed_at);

-- Alerts (#31 §3): what the scheduled run last found of each rule of a
-- site's `alerts` settings, so that an alert fires once when its rule
-- starts holding and once more when it stops, never every run between.
-- `rule` is the rule as one line of JSON (`protocol::alerts::AlertRule::key`),
-- so an edited rule starts afresh; the daily digest keeps its last
-- sending under the rule 'digest'.
--
-- `owed` is the alert (or digest) still to be queued for delivery,
-- written in the same statement as the change it tells of, and cleared
-- once queued: an outbox, so a run that fails between the two tells it on
-- the next run rather than never. A run claims what it queues (a random
-- token and its time), so two runs at once (a cron that fires twice, a
-- run that outlasts 15 minutes) never queue one alert twice; a claim
-- older than a minute has lapsed.
CREATE TABLE alert_states (
  site_key TEXT NOT NULL,
  rule     TEXT NOT NULL,
  holding  INTEGER NOT NULL CHECK (holding IN (0, 1)),
  since    INTEGER NOT NULL,        -- unix ms of the last change (the digest: of its last sending)
  owed     TEXT,                    -- a JSON `protocol::alerts::Alert` (the digest: its message) not yet queued
  claim    TEXT,                    -- who is queueing `owed` now
  claimed_at INTEGER,               -- unix ms, since when
  PRIMARY KEY (site_key, rule)
) STRICT;  -- with a rowid: a site move deletes a site's rows in rowid batches

CREATE INDEX alert_states_owed ON alert_states (site_key) WHERE owed IS NOT NULL;

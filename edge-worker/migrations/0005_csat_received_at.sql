-- CSAT answers are judged by when the collector received them, not by the
-- shopper's clock: `csat_answered_at` now holds when the first answer was
-- received (the 30-minute amend window starts there; rows from before
-- hold its event time, which ingest had already corrected for clock skew),
-- and `csat_received_at` when the answer stored was received (the latest
-- received wins; NULL on rows from before, which any new answer replaces).
-- `csat_at` stays the answer's own event time, for reporting.
ALTER TABLE conversations ADD COLUMN csat_received_at INTEGER;

-- Index-only scans for the Overview: every column its aggregates read is
-- in the index, so a month of a busy site is read without touching rows.
CREATE INDEX conversations_csat_cover
  ON conversations(site_key, csat_offered_at, csat_score, csat_dismissed_at, csat_completed);
DROP INDEX conversations_by_offer;

CREATE INDEX message_ratings_thumbs_cover ON message_ratings(site_key, at, rating);
DROP INDEX message_ratings_by_time;

-- Which version of the site's own wording a conversation's satisfaction
-- prompt was worded with (`copy_version` on `csat_offered` and
-- `csat_response`), and in which locale: the first event that names one
-- sets both. Per version, the Wording section shows how many prompts were
-- offered while it was live and what share were answered and completed.
ALTER TABLE conversations ADD COLUMN csat_copy_locale TEXT;
ALTER TABLE conversations ADD COLUMN csat_copy_version INTEGER;
CREATE INDEX conversations_by_copy_version
  ON conversations(site_key, csat_copy_locale, csat_copy_version, csat_answered_at, csat_completed)
  WHERE csat_copy_version IS NOT NULL;

-- Every accepted save of a site's wording for a locale, kept: who saved
-- it and when, so an editor can compare versions and restore one.
-- `site_copy` keeps the live text (what the widget reads).
CREATE TABLE site_copy_versions (
  site_key TEXT NOT NULL,
  locale   TEXT NOT NULL,
  version  INTEGER NOT NULL,               -- 1, 2, 3, … per site and locale
  ftl      TEXT NOT NULL,
  saved_at INTEGER NOT NULL,               -- unix ms
  saved_by TEXT NOT NULL,                  -- "owner", or "key_… (name)"
  PRIMARY KEY (site_key, locale, version)
) STRICT;

-- Copy stored before versions were kept becomes each locale's version 1.
INSERT INTO site_copy_versions (site_key, locale, version, ftl, saved_at, saved_by)
  SELECT site_key, locale, 1, ftl, updated_at, 'owner' FROM site_copy;

-- Issue #14: settings edited from the dashboard, named keys scoped to the
-- wording or to reading, and the audit list of every change.

-- The settings' version, sent as their ETag: a PUT with an older one is
-- refused (412). A new random value whenever the config is written: the
-- collector sets its own; any other write of `config` (`cargo xtask site
-- set`, `site add`, which write the origins and the config together, or
-- `wrangler d1 execute`) gets one from the triggers below. A write of
-- `site_origins` alone does not move it: the collector's own save writes
-- the origins after its new version, so a trigger there would break its
-- guard. Change origins with the config, as the CLI does.
ALTER TABLE sites ADD COLUMN settings_etag TEXT;
UPDATE sites SET settings_etag = lower(hex(randomblob(16)));

CREATE TRIGGER sites_settings_etag_on_insert AFTER INSERT ON sites
WHEN NEW.settings_etag IS NULL
BEGIN
  UPDATE sites SET settings_etag = lower(hex(randomblob(16))) WHERE site_key = NEW.site_key;
END;

CREATE TRIGGER sites_settings_etag_on_update AFTER UPDATE OF config ON sites
WHEN NEW.settings_etag IS OLD.settings_etag
BEGIN
  UPDATE sites SET settings_etag = lower(hex(randomblob(16))) WHERE site_key = NEW.site_key;
END;

-- Keys the owner creates for others: only a hash of each secret is kept.
CREATE TABLE site_keys (
  site_key    TEXT NOT NULL REFERENCES sites(site_key) ON DELETE CASCADE,
  key_id      TEXT NOT NULL,            -- key_..., shown in lists and the audit
  name        TEXT NOT NULL,
  scope       TEXT NOT NULL CHECK (scope IN ('wording', 'read')),
  secret_hash TEXT NOT NULL,            -- hex SHA-256 of the key's secret
  created_at  INTEGER NOT NULL,         -- unix ms
  revoked_at  INTEGER,                  -- unix ms; NULL while it works
  PRIMARY KEY (site_key, key_id)
) STRICT;

-- Every change to a site's settings, keys and secret: when, who, what.
CREATE TABLE settings_audit (
  site_key TEXT NOT NULL REFERENCES sites(site_key) ON DELETE CASCADE,
  at       INTEGER NOT NULL,            -- unix ms
  actor    TEXT NOT NULL,               -- "owner", or "key_... (name)"
  action   TEXT NOT NULL,               -- settings | key_created | key_revoked | secret_rotated
  changes  TEXT NOT NULL                -- JSON [{field, old, new}], never a secret
) STRICT;
CREATE INDEX settings_audit_by_site ON settings_audit(site_key, at);

-- A site's own wording for the widget, per locale: Fluent text layered over
-- the shipped copy, message by message. Checked before it is stored.
CREATE TABLE site_copy (
  site_key   TEXT NOT NULL,
  locale     TEXT NOT NULL,
  ftl        TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (site_key, locale)
) STRICT;

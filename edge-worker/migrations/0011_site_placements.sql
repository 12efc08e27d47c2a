-- Where each site's rows live when the collector has several D1 databases
-- (`DATABASES` in wrangler.toml; see edge-worker/src/store/databases.rs).
-- Every database gets the whole schema, this table included, but only the
-- first one's (`DB`) is read: a site with no row there lives in `DB`.
CREATE TABLE site_placements (
  site_key  TEXT PRIMARY KEY,
  database  TEXT NOT NULL,              -- the binding, e.g. DB_1
  placed_at INTEGER NOT NULL            -- unix ms
) STRICT;

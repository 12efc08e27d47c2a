-- A site being moved to another database (`cargo xtask site move`; see
-- edge-worker/src/store/databases.rs): while `moving_to` is set, the
-- site's feedback is written to both databases and the owner's changes
-- are refused, until the move flips `database` and clears it.
ALTER TABLE site_placements ADD COLUMN moving_to TEXT;

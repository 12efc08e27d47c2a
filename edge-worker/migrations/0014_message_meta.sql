-- Where a rated answer came from, as the host page said it (addMessage's
-- `meta`, protocol/src/meta.rs): a flat JSON object, `{}` when none was
-- given, as every thumb stored before this migration has.
ALTER TABLE message_ratings ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';

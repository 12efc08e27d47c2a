-- Archived chunks (#35): their text past a site's text retention, and
-- their numbers.
--
-- The retention sweep blanks a thumb's question, answer and reason and a
-- satisfaction answer's comment past `text_retention_days` (0016). An
-- archived chunk holds the same columns: the sweep writes it again with
-- them blanked, reads it back and checks it, and then marks it here, so
-- that each chunk is written again once (`ledger::archive::text`).

ALTER TABLE archive_chunks ADD COLUMN text_blanked INTEGER NOT NULL DEFAULT 0
  CHECK (text_blanked IN (0, 1));

-- Kept chunks whose text is not yet blanked, by day.
CREATE INDEX archive_chunks_text ON archive_chunks (day) WHERE state = 'kept' AND text_blanked = 0;

-- A day's chunk numbers are never used twice. An export's cursor names a
-- chunk by its day and number (`/archive/{day}/{chunk}/…`): a chunk
-- deleted (emptied by erasures, abandoned, expired) and its number given
-- to a new chunk would make a resumed export skip the new chunk's first
-- rows. The last number a deleted chunk had stays here, and a new chunk is
-- numbered after both (`ledger::archive::begin`).
CREATE TABLE archive_days (
  site_key   TEXT NOT NULL,
  day        TEXT NOT NULL,
  last_chunk INTEGER NOT NULL,
  PRIMARY KEY (site_key, day)
) STRICT;

CREATE TRIGGER archive_chunk_numbers AFTER DELETE ON archive_chunks
BEGIN
  INSERT INTO archive_days (site_key, day, last_chunk) VALUES (old.site_key, old.day, old.chunk)
  ON CONFLICT (site_key, day) DO UPDATE SET last_chunk = max(last_chunk, excluded.last_chunk);
END;

-- An export holds the archive off its site while it reads (`ledger::
-- archive::reading::hold`, ten minutes, renewed as it goes): it reads the
-- archived chunks and then D1, so a conversation moved from D1 to a chunk
-- it has passed would be in neither part. While a hold lasts, no run
-- starts on the site, and a chunk begun before it does not commit.
CREATE TABLE export_holds (
  site_key TEXT PRIMARY KEY,
  until    INTEGER NOT NULL
) STRICT;

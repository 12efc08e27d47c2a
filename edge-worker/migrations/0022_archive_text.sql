-- Text past a site's text retention, in archived chunks (#35).
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

-- Who wrote a rated message and where: a thumb's role ('assistant', or a
-- human 'agent' who took over) and the page's path it was given on; and
-- of a conversation, what its satisfaction events said (ledger/src/ingest.rs):
-- whether a human agent took part (its CSAT is one "with a human"), the
-- host page's setContext (a flat JSON object, `{}` when none) and the page
-- its prompt was shown on.
ALTER TABLE message_ratings ADD COLUMN role TEXT NOT NULL DEFAULT 'assistant'
  CHECK (role IN ('assistant', 'agent'));
ALTER TABLE message_ratings ADD COLUMN page TEXT;
ALTER TABLE conversations ADD COLUMN handed_over INTEGER NOT NULL DEFAULT 0;
ALTER TABLE conversations ADD COLUMN context TEXT NOT NULL DEFAULT '{}';
ALTER TABLE conversations ADD COLUMN page TEXT;

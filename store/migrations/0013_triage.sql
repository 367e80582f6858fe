-- Triage of the message each draft answers: its level and the codes and
-- byte offsets of its reasons (never the text they point at).
ALTER TABLE drafts
    ADD COLUMN attention_level   text NOT NULL DEFAULT 'routine'
        CHECK (attention_level IN ('routine', 'attention', 'urgent')),
    ADD COLUMN attention_reasons jsonb NOT NULL DEFAULT '[]';

CREATE INDEX drafts_attention_idx ON drafts (attention_level, created_at);

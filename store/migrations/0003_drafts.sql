-- Drafts written for agents and the feedback they gave. Only redacted text
-- is stored: the mapping of placeholders to personal values never is.
CREATE TABLE drafts (
    id                text PRIMARY KEY,
    created_at        timestamptz NOT NULL DEFAULT now(),
    channel           text NOT NULL,
    service           text NOT NULL DEFAULT '',
    audience          text[] NOT NULL DEFAULT '{}',
    -- api_key_id is the key the draft was asked with, when asked over HTTP.
    api_key_id        bigint,
    question          text NOT NULL,
    prompt_version    text NOT NULL DEFAULT '',
    model             text NOT NULL DEFAULT '',
    extractive        boolean NOT NULL DEFAULT false,
    reliable          boolean NOT NULL DEFAULT false,
    sources           jsonb NOT NULL DEFAULT '[]',
    draft             text NOT NULL,
    warnings          text[] NOT NULL DEFAULT '{}',
    redaction_counts  jsonb NOT NULL DEFAULT '{}',
    timings           jsonb NOT NULL DEFAULT '{}',
    prompt_tokens     integer NOT NULL DEFAULT 0,
    completion_tokens integer NOT NULL DEFAULT 0
);

CREATE INDEX drafts_created_at_idx ON drafts (created_at);
CREATE INDEX drafts_api_key_idx ON drafts (api_key_id, created_at);

CREATE TABLE feedback (
    id            bigserial PRIMARY KEY,
    draft_id      text NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    final_text    text NOT NULL DEFAULT '',
    outcome       text NOT NULL CHECK (outcome IN ('accepted', 'edited', 'rejected')),
    rating        integer CHECK (rating BETWEEN 1 AND 5),
    tags          text[] NOT NULL DEFAULT '{}',
    -- edit_distance is the normalised edit distance between the draft and
    -- the final text, from 0 (sent as is) to 1 (rewritten).
    edit_distance double precision NOT NULL DEFAULT 0
);

CREATE INDEX feedback_draft_idx ON feedback (draft_id);

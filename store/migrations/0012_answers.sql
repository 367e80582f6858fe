-- Validated answers ("réponses types"), the reviewer right of API keys and
-- the closures of curation items. Only redacted text is stored: questions
-- and answers keep their placeholders ([NOM_1]), never a personal value.

ALTER TABLE api_keys ADD COLUMN reviewer boolean NOT NULL DEFAULT false;

CREATE TABLE answers (
    id             bigserial PRIMARY KEY,
    -- service is the service whose agents get the answer ('' for all).
    service        text NOT NULL DEFAULT '',
    -- author_service is the service of the key that validated it.
    author_service text NOT NULL DEFAULT '',
    question       text NOT NULL,
    text           text NOT NULL,
    -- sources are the official passages the answer relies on, as the
    -- citations of a draft ({n, doc_id, document_id, title, url, …}).
    sources        jsonb NOT NULL DEFAULT '[]',
    status         text NOT NULL DEFAULT 'active'
                   CHECK (status IN ('active', 'to_review', 'archived')),
    -- status_reason says why the status last changed (a source changed,
    -- was archived or deleted, or the reviewer's words).
    status_reason  text NOT NULL DEFAULT '',
    version        integer NOT NULL DEFAULT 1,
    draft_id       text REFERENCES drafts (id) ON DELETE SET NULL,
    created_by     bigint,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    reviewed_at    timestamptz NOT NULL DEFAULT now(),
    -- lexemes and embedding are the question's, text_lexemes and
    -- text_embedding the answer's (placeholders left out), for matching
    -- messages; both vectors are of embed_model.
    lexemes        text[] NOT NULL DEFAULT '{}',
    text_lexemes   text[] NOT NULL DEFAULT '{}',
    embedding      vector,
    text_embedding vector,
    embed_model    text
);

CREATE INDEX answers_service_idx ON answers (service, status);
CREATE INDEX answers_lexemes_idx ON answers USING gin (lexemes);

-- answer_sources ties an answer to the documents it relies on, with the
-- content hash each had when the answer was last reviewed: a new hash, or an
-- archived document, flags the answer "to review".
CREATE TABLE answer_sources (
    answer_id    bigint NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    document_id  bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    content_hash text NOT NULL,
    PRIMARY KEY (answer_id, document_id)
);
CREATE INDEX answer_sources_document_idx ON answer_sources (document_id);

-- A deleted source flags its answers too, whatever deletes it.
CREATE FUNCTION answers_flag_deleted_source() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE answers SET status = 'to_review', status_reason = 'source_deleted', updated_at = now()
    WHERE status = 'active' AND id IN (SELECT answer_id FROM answer_sources WHERE document_id = OLD.id);
    RETURN OLD;
END $$;
CREATE TRIGGER answers_flag_deleted_source BEFORE DELETE ON documents
    FOR EACH ROW EXECUTE FUNCTION answers_flag_deleted_source();

-- curation_closures records the items of the curation work list an admin
-- closed, with the action taken. An item whose last occurrence is after
-- closed_at is open again.
CREATE TABLE curation_closures (
    service    text NOT NULL,
    kind       text NOT NULL,
    item_key   text NOT NULL,
    action     text NOT NULL
               CHECK (action IN ('document_written', 'answer_added', 'out_of_scope', 'other')),
    reason     text NOT NULL DEFAULT '',
    closed_by  bigint,
    closed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service, kind, item_key)
);

-- Curation reads unreliable and rated drafts per service.
CREATE INDEX drafts_unreliable_idx ON drafts (service, created_at) WHERE NOT reliable;
CREATE INDEX feedback_low_idx ON feedback (draft_id) WHERE outcome = 'rejected' OR rating <= 2;

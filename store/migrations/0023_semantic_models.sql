-- semantic_models holds the word vectors trained from the published
-- documents (package semantic), one row per training; searches use the
-- latest. corpus_version is the version the model was trained at. Saving
-- a model bumps corpus_version (once: the model is current while the
-- version is one past its own), so that every process (replicas share the
-- database) sees at its next search that a new model is there.
CREATE TABLE semantic_models (
    id             bigserial PRIMARY KEY,
    corpus_version bigint NOT NULL,
    documents      integer NOT NULL,
    dims           integer NOT NULL,
    trained_at     timestamptz NOT NULL DEFAULT now(),
    model          bytea NOT NULL
);

-- Per row, so that deleting no model bumps nothing.
CREATE TRIGGER semantic_models_corpus_version AFTER INSERT OR DELETE ON semantic_models
    FOR EACH ROW EXECUTE FUNCTION bump_corpus_version();

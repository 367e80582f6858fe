-- corpus_version.models counts the saves and deletions of semantic
-- models: a searcher looks for a newer model when it moves (read with a
-- query's analysis, store.QueryStats.ModelsVersion). Before, saving a
-- model moved the corpus version, which made every process empty its
-- document search cache and read every document again, though no document
-- had changed (the cache does not depend on the model). The corpus
-- version now counts the changes to the documents alone, so that a model
-- is current while it is the one it was trained at; the models stored
-- under the former rule, whose saving moved it one past, are moved one on.
ALTER TABLE corpus_version ADD COLUMN models bigint NOT NULL DEFAULT 0;

CREATE FUNCTION bump_models_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('UPDATE %I.corpus_version SET models = models + 1', TG_TABLE_SCHEMA);
    RETURN NULL;
END $$;

DROP TRIGGER semantic_models_corpus_version ON semantic_models;
-- Per row, so that deleting no model bumps nothing.
CREATE TRIGGER semantic_models_version AFTER INSERT OR DELETE ON semantic_models
    FOR EACH ROW EXECUTE FUNCTION bump_models_version();

UPDATE semantic_models SET corpus_version = corpus_version + 1;

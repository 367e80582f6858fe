-- corpus_version.vectors counts the committed changes to the chunks'
-- vectors: every change to the documents (their chunks, vectors and all,
-- are written again) and every re-embed (ingest.Reembed calls
-- EmbeddingsChanged once it ends; dropping a model clears its vectors),
-- which changes no text. The chunk index, which holds the vectors, is of
-- one count of vectors; what depends on the text alone (the document
-- search's postings and documents, the semantic model) is of one corpus
-- version, which a re-embed leaves alone. Saving a semantic model moves
-- the corpus version only. It starts at the corpus version, so that it
-- never goes back for a process that read the latter before.
ALTER TABLE corpus_version ADD COLUMN vectors bigint;
UPDATE corpus_version SET vectors = version;
ALTER TABLE corpus_version ALTER COLUMN vectors SET NOT NULL;

-- bump_documents_versions bumps both counts, once per transaction (and
-- schema), at commit, as bump_corpus_version does the corpus version
-- alone; its mark is its own, so that a transaction that saves a
-- semantic model and changes documents moves the vectors too.
CREATE FUNCTION bump_documents_versions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    mark text := txid_current()::text || '/' || TG_TABLE_SCHEMA;
BEGIN
    IF current_setting('plume.documents_bumped', true) IS DISTINCT FROM mark THEN
        PERFORM set_config('plume.documents_bumped', mark, true);
        EXECUTE format('UPDATE %I.corpus_version SET version = version + 1, vectors = vectors + 1', TG_TABLE_SCHEMA);
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER documents_corpus_version ON documents;
DROP TRIGGER documents_corpus_version_truncate ON documents;
CREATE CONSTRAINT TRIGGER documents_versions AFTER INSERT OR UPDATE OR DELETE ON documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_documents_versions();
CREATE TRIGGER documents_versions_truncate AFTER TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_documents_versions();

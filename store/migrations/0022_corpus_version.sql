-- corpus_version counts the committed changes to the documents, so that a
-- process may keep the document search's postings and the documents'
-- filter fields in memory and know, in one cheap read, whether they are
-- still current; every process (replicas share the database) reads the
-- same count. A deferred trigger bumps it once per transaction that
-- inserts, updates or deletes documents, at commit: the row lock that
-- serialises the bumps is held only while committing, so parallel ingests
-- do not wait for each other. document_terms changes only with its
-- document's row (indexDocumentTerms updates its length; deletes cascade),
-- so the documents' trigger covers the postings; TRUNCATE of either table
-- bumps the count too.
CREATE TABLE corpus_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version  bigint NOT NULL
);
INSERT INTO corpus_version (version) VALUES (1);

CREATE FUNCTION bump_corpus_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    mark text := txid_current()::text || '/' || TG_TABLE_SCHEMA;
BEGIN
    -- Once per transaction (and schema: the tests' schemas share a database).
    IF current_setting('plume.corpus_bumped', true) IS DISTINCT FROM mark THEN
        PERFORM set_config('plume.corpus_bumped', mark, true);
        EXECUTE format('UPDATE %I.corpus_version SET version = version + 1', TG_TABLE_SCHEMA);
    END IF;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER documents_corpus_version AFTER INSERT OR UPDATE OR DELETE ON documents
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_corpus_version();
CREATE TRIGGER documents_corpus_version_truncate AFTER TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_corpus_version();
CREATE TRIGGER document_terms_corpus_version_truncate AFTER TRUNCATE ON document_terms
    FOR EACH STATEMENT EXECUTE FUNCTION bump_corpus_version();

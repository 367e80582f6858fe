-- Each posting of document_terms carries its document's length in lexemes
-- (documents.term_count), in the primary key's included columns: the
-- document search computes BM25 from the postings alone and joins the
-- documents it scored (a few thousand) for the filter and the title,
-- instead of joining every posting (13,000 for a long message). The table
-- is written anew, so that its index is compact (until VACUUM, after the
-- next ingest or by autovacuum, marks its pages visible, searches also read
-- the table); indexDocumentTerms keeps the length in step with the rest.
CREATE TABLE document_terms_new (
    lexeme      text NOT NULL,
    document_id bigint NOT NULL,
    tf_title    real NOT NULL,
    tf_body     real NOT NULL,
    doc_terms   integer NOT NULL
);
INSERT INTO document_terms_new (lexeme, document_id, tf_title, tf_body, doc_terms)
SELECT t.lexeme, t.document_id, t.tf_title, t.tf_body, d.term_count
FROM document_terms t JOIN documents d ON d.id = t.document_id
ORDER BY t.lexeme, t.document_id;
DROP TABLE document_terms;
ALTER TABLE document_terms_new RENAME TO document_terms;
ALTER TABLE document_terms
    ADD CONSTRAINT document_terms_pkey PRIMARY KEY (lexeme, document_id) INCLUDE (tf_title, tf_body, doc_terms),
    ADD CONSTRAINT document_terms_document_id_fkey FOREIGN KEY (document_id) REFERENCES documents (id) ON DELETE CASCADE;
CREATE INDEX document_terms_document_idx ON document_terms (document_id);
-- The planner's statistics of the new table, which autovacuum would take a while to gather.
ANALYZE document_terms;

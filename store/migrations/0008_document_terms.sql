-- document_terms is an inverted index at the document level, for BM25
-- candidate generation on long messages: for each document and lexeme, how
-- often the lexeme occurs in the title and in the body (headings and text of
-- every chunk). documents.term_count is the document's length in lexemes,
-- title_terms the number of distinct lexemes of its title.
-- lexeme_stats.ddf is the number of documents containing a lexeme (the row
-- with an empty lexeme holds the number of documents). SaveDocument keeps
-- them in step with the chunks, in the same transaction.
CREATE TABLE document_terms (
    lexeme      text NOT NULL,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    tf_title    real NOT NULL,
    tf_body     real NOT NULL,
    -- the counts are in the index so that a search reads postings with an
    -- index-only scan, one contiguous run per lexeme.
    PRIMARY KEY (lexeme, document_id) INCLUDE (tf_title, tf_body)
);
CREATE INDEX document_terms_document_idx ON document_terms (document_id);

ALTER TABLE documents ADD COLUMN term_count integer NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN title_terms integer NOT NULL DEFAULT 0;
ALTER TABLE lexeme_stats ADD COLUMN ddf integer NOT NULL DEFAULT 0;
-- The document search joins every posting to its document for the filter
-- and the length: a narrow covering index makes that an index-only scan.
CREATE INDEX documents_search_idx ON documents (id) INCLUDE (status, service, term_count, title_terms);

-- calibrations holds, per embedding model, the reliability model fitted by
-- "plume eval --calibrate" on labelled messages.
CREATE TABLE calibrations (
    embed_model text PRIMARY KEY,
    params      jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO document_terms (lexeme, document_id, tf_title, tf_body)
SELECT lexeme, document_id, sum(tf_title), sum(tf_body) FROM (
    SELECT u.lexeme, c.document_id, 0 AS tf_title,
           (SELECT count(*) FROM unnest(u.weights) AS w WHERE w <> 'A') AS tf_body
    FROM chunks c, unnest(c.tsv) AS u
    UNION ALL
    SELECT u.lexeme, d.id, coalesce(array_length(u.positions, 1), 1), 0
    FROM documents d, unnest(to_tsvector('plume_fr', d.title)) AS u
) t GROUP BY lexeme, document_id;

UPDATE documents d SET
    term_count = coalesce((SELECT sum(tf_title + tf_body) FROM document_terms t WHERE t.document_id = d.id), 0),
    title_terms = (SELECT count(*) FROM document_terms t WHERE t.document_id = d.id AND t.tf_title > 0);

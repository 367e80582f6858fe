-- Full-text vectors stay in the chunk's row. With the default storage a
-- fifth of them went to the TOAST table (the embedding in the row makes
-- it too long), and every full-text rank of such a chunk fetched it from
-- there again: a long message ranks some 2,000 chunks. MAIN compresses or
-- moves the vector out only once the text and the embedding are out and
-- the row is still too long. Rows written before keep their layout until
-- they are written again (ingest of a changed document) or VACUUM FULL
-- chunks rewrites them all.
ALTER TABLE chunks ALTER COLUMN tsv SET STORAGE MAIN;

-- terms, on the row with an empty lexeme, is the total length of the
-- documents in lexemes (the sum of documents.term_count): BM25's mean
-- document length is read with the counts instead of being computed over
-- every document at each search. RefreshLexemeStats keeps it.
ALTER TABLE lexeme_stats ADD COLUMN terms bigint NOT NULL DEFAULT 0;
UPDATE lexeme_stats SET terms = (SELECT coalesce(sum(term_count), 0) FROM documents) WHERE lexeme = '';

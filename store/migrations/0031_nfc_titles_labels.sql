-- Titles, descriptions, tags and audiences written before the rules of
-- 2026-12-01 (ingest.CheckDocument puts them in Unicode NFC; the store
-- does too since) may be in another form (NFD: « café » typed with a
-- combining accent), which a search filter or a vocabulary check typed in
-- NFC does not match, and which the full-text parser reads as other
-- words. Migration 0029 did the documents' keys; this does the rest.
-- Labels (tags, audiences) keep their order; of two that become equal,
-- the first stays.

-- 1. The documents whose title changes: their chunks' copy of the title
-- (and so their full-text vectors) and their postings in the document
-- search (as store.indexDocumentTerms makes them) are rebuilt below.
CREATE TEMPORARY TABLE nfc_titles ON COMMIT DROP AS
    SELECT id FROM documents WHERE title IS NOT NFC NORMALIZED;

UPDATE documents SET title = normalize(title, NFC), description = normalize(description, NFC),
    tags = ARRAY(SELECT l FROM (SELECT normalize(l, NFC) AS l, min(i) AS i
        FROM unnest(tags) WITH ORDINALITY AS u(l, i) GROUP BY 1) AS n ORDER BY i),
    audience = ARRAY(SELECT l FROM (SELECT normalize(l, NFC) AS l, min(i) AS i
        FROM unnest(audience) WITH ORDINALITY AS u(l, i) GROUP BY 1) AS n ORDER BY i)
WHERE title IS NOT NFC NORMALIZED OR description IS NOT NFC NORMALIZED
    OR EXISTS (SELECT 1 FROM unnest(tags || audience) AS l WHERE l IS NOT NFC NORMALIZED);

UPDATE chunks SET title = normalize(title, NFC) WHERE title IS NOT NFC NORMALIZED;

DELETE FROM document_terms WHERE document_id IN (SELECT id FROM nfc_titles);
WITH x AS (
    SELECT document_id, lexeme, sum(tf_title) AS tf_title, sum(tf_body) AS tf_body FROM (
        SELECT c.document_id, u.lexeme, 0 AS tf_title,
            (SELECT count(*) FROM unnest(u.weights) AS w WHERE w <> 'A') AS tf_body
        FROM chunks c, unnest(c.tsv) AS u WHERE c.document_id IN (SELECT id FROM nfc_titles)
        UNION ALL
        SELECT d.id, u.lexeme, coalesce(array_length(u.positions, 1), 1), 0
        FROM documents d, unnest(to_tsvector('plume_fr', d.title)) AS u WHERE d.id IN (SELECT id FROM nfc_titles)
    ) y GROUP BY document_id, lexeme
),
n AS (
    SELECT document_id, coalesce(sum(tf_title + tf_body), 0)::integer AS terms,
        count(*) FILTER (WHERE tf_title > 0) AS title
    FROM x GROUP BY document_id
),
t AS (
    INSERT INTO document_terms (lexeme, document_id, tf_title, tf_body, doc_terms)
    SELECT x.lexeme, x.document_id, x.tf_title, x.tf_body, n.terms FROM x JOIN n USING (document_id)
)
UPDATE documents d SET term_count = coalesce(n.terms, 0), title_terms = coalesce(n.title, 0)
FROM nfc_titles f LEFT JOIN n ON n.document_id = f.id
WHERE d.id = f.id;

-- 2. The audiences recorded with drafts, the tags of feedback.
UPDATE drafts SET audience = ARRAY(SELECT l FROM (SELECT normalize(l, NFC) AS l, min(i) AS i
        FROM unnest(audience) WITH ORDINALITY AS u(l, i) GROUP BY 1) AS n ORDER BY i)
WHERE EXISTS (SELECT 1 FROM unnest(audience) AS l WHERE l IS NOT NFC NORMALIZED);

UPDATE feedback SET tags = ARRAY(SELECT l FROM (SELECT normalize(l, NFC) AS l, min(i) AS i
        FROM unnest(tags) WITH ORDINALITY AS u(l, i) GROUP BY 1) AS n ORDER BY i)
WHERE EXISTS (SELECT 1 FROM unnest(tags) AS l WHERE l IS NOT NFC NORMALIZED);

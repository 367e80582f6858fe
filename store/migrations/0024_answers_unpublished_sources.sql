-- An active answer must rest on published documents its service sees
-- (store.SetAnswerStatus): answers stored before that rule whose sources
-- are not (back to draft, archived, deleted) are flagged to review, as a
-- change of their sources would flag them now. An answer citing none
-- (written for questions the knowledge base does not answer) stays.
WITH cited AS (
    SELECT answer_id, document_id AS doc FROM answer_sources
    UNION
    SELECT a.id, (e->>'document_id')::bigint FROM answers a, jsonb_array_elements(a.sources) e
    WHERE coalesce((e->>'document_id')::bigint, 0) > 0
), checked AS (
    SELECT a.id, count(c.doc) AS cited, count(d.id) FILTER (WHERE d.status = 'published'
            AND (d.service = '' OR d.service = btrim(a.service))) AS published
    FROM answers a
    LEFT JOIN cited c ON c.answer_id = a.id
    LEFT JOIN documents d ON d.id = c.doc
    WHERE a.status = 'active'
    GROUP BY a.id
)
UPDATE answers a SET status = 'to_review', updated_at = now(),
    status_reason = 'source_unpublished'
FROM checked k
WHERE a.id = k.id AND k.published < k.cited;

-- Data written before the rules of 2026-12-01, left in databases upgraded
-- from earlier versions.
--
-- 1. A document's key (source, external_id) is in Unicode NFC
-- (ingest.CheckDocument): « café » typed with a combining accent names the
-- same document as « café » typed with one character. A key stored in
-- another form (NFD) can no longer be given (the API and ingest normalise
-- what they read) and gets its NFC form here. When the NFC key is taken,
-- nothing is merged, renamed or deleted: a row already holding it keeps
-- it, and of several old rows that normalise to one free key, only the one
-- modified last (then the highest id) takes it. The others keep their
-- stored key as it is, still reachable by their number
-- (/v1/documents/{id}) for an administrator to archive or delete; a next
-- ingest of their file updates the NFC one. Chunks, answers and drafts
-- refer to documents by number, so they follow.
WITH old AS (
    SELECT id, normalize(source, NFC) AS source, normalize(external_id, NFC) AS external_id,
        row_number() OVER (PARTITION BY normalize(source, NFC), normalize(external_id, NFC)
            ORDER BY modified_at DESC, id DESC) AS rank
    FROM documents
    WHERE source IS NOT NFC NORMALIZED OR external_id IS NOT NFC NORMALIZED
)
UPDATE documents d SET source = old.source, external_id = old.external_id
FROM old
WHERE d.id = old.id AND old.rank = 1
    AND NOT EXISTS (SELECT 1 FROM documents o WHERE o.source = old.source AND o.external_id = old.external_id);

-- 2. A feedback tag is a label (« clair », « incomplet »): one holding
-- personal data is refused (rag.redactTags). Tags stored before were
-- redacted, so that such a tag holds a placeholder (« rappeler [NOM_1] »),
-- which tells nothing in the statistics: those tags are dropped, the
-- others kept in their order. The types are redact.Types() of the day.
UPDATE feedback SET tags = ARRAY(
    SELECT t FROM unnest(tags) WITH ORDINALITY AS u(t, i)
    WHERE t !~ '\[(NIR|IBAN|CARTE|SIRET|TEL|EMAIL|URL|FISCAL|PASSEPORT|CNI|PERMIS|PLAQUE|CAF|FRANCE_TRAVAIL|ETRANGER|INE|DOSSIER|NOM|ADRESSE|NAISSANCE|SECRET|IP|SANTE|HANDICAP|RELIGION|SYNDICAT|ORIENTATION|JUSTICE)_[0-9]+\]'
    ORDER BY i)
WHERE EXISTS (
    SELECT 1 FROM unnest(tags) AS t
    WHERE t ~ '\[(NIR|IBAN|CARTE|SIRET|TEL|EMAIL|URL|FISCAL|PASSEPORT|CNI|PERMIS|PLAQUE|CAF|FRANCE_TRAVAIL|ETRANGER|INE|DOSSIER|NOM|ADRESSE|NAISSANCE|SECRET|IP|SANTE|HANDICAP|RELIGION|SYNDICAT|ORIENTATION|JUSTICE)_[0-9]+\]');

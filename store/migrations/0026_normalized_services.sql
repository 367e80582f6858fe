-- Services are identifiers (store.ValidService): lower case, words joined
-- by hyphens. Rows written before the check may hold a service as a
-- document or a file gave it (« France Travail », stored as
-- "france travail"), which can no longer be saved and whose drafts are
-- refused. Every table holding a service gets it normalised as
-- store.NormalizeService does: trimmed, in lower case, inner runs of
-- spaces turned into one hyphen. Normalised names are left as they are, so
-- that running this again changes nothing.
CREATE FUNCTION pg_temp.plume_service(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(
        regexp_replace(lower(s), '^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$', '', 'g'),
        '[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+', '-', 'g')
$$;

UPDATE documents SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);
UPDATE api_keys SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);
UPDATE agents SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);
UPDATE access_rules SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);
UPDATE answers SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);
UPDATE answers SET author_service = pg_temp.plume_service(author_service)
    WHERE author_service <> pg_temp.plume_service(author_service);
UPDATE drafts SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);
UPDATE audit_log SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);

-- A closed curation item is keyed by its service: of two that become the
-- same, the latest closure is kept.
DELETE FROM curation_closures c USING curation_closures o
WHERE o.service <> c.service AND pg_temp.plume_service(o.service) = pg_temp.plume_service(c.service)
    AND o.kind = c.kind AND o.item_key = c.item_key
    AND (o.closed_at, o.service) > (c.closed_at, c.service);
UPDATE curation_closures SET service = pg_temp.plume_service(service) WHERE service <> pg_temp.plume_service(service);

DROP FUNCTION pg_temp.plume_service(text);

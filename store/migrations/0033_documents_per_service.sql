-- A document's key is its service, its source and its own identifier:
-- each service has its own namespace of ids, so that creating a document
-- never tells that another service uses the same id (it was one namespace
-- for every service, and a taken id answered 409). Every existing pair
-- (source, external_id) is unique, so every triple is.
ALTER TABLE documents DROP CONSTRAINT documents_source_external_id_key;
ALTER TABLE documents ADD CONSTRAINT documents_service_source_external_id_key
    UNIQUE (service, source, external_id);
-- The new index leads with the service: it serves what this one did.
DROP INDEX documents_service_idx;

-- API keys of "plume serve". Only the SHA-256 hash of a key is stored: the
-- key itself is shown once, when created. An agent of a service drafts from
-- its service's and the shared documents; an admin of a service curates its
-- documents only; a key without a service is global.
CREATE TABLE api_keys (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL,
    role       text NOT NULL CHECK (role IN ('agent', 'admin')),
    service    text NOT NULL DEFAULT '',
    hash       bytea NOT NULL UNIQUE,
    -- prefix is the start of the key, shown in listings to tell keys apart.
    prefix     text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz
);

CREATE INDEX documents_title_trgm_idx ON documents USING gin (lower(title) gin_trgm_ops);
CREATE INDEX drafts_service_idx ON drafts (service, created_at);

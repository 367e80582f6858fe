-- Delegated administration: an administrator of one service manages the
-- agents, keys and assignment rules of that service only, and reads its
-- part of the audit log.
--
-- service is the service an audit entry concerns: the one of the agent,
-- key or rule acted on when the action names one, else the acting
-- administrator's ('' for an administrator of every service).
ALTER TABLE audit_log ADD COLUMN service text NOT NULL DEFAULT '';
CREATE INDEX audit_log_service_at_idx ON audit_log (service, at);

-- Assignment rules managed on the page, checked after those of the
-- configuration (PLUME_ACCESS_RULES), oldest first: a new rule never takes
-- an agent another rule already gives access to. One rule per e-mail domain
-- or SIRET, so that no service can claim another's.
CREATE TABLE access_rules (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('domain', 'siret')),
    value      text NOT NULL,
    role       text NOT NULL CHECK (role IN ('agent', 'admin')),
    service    text NOT NULL DEFAULT '',
    -- created_by is the key of the administrator who wrote the rule.
    created_by bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (kind, value)
);

-- Agents who sign in to the page through an OpenID Connect provider
-- (ProConnect), their server-side sessions, the sign-ins under way and the
-- audit log of administrators' actions.
--
-- An agent is known by its provider's issuer and subject. role '' means no
-- access yet (an administrator or a configuration rule gives one); the role
-- names are checked by the application. Each agent has an API key row of
-- its own (key_id), whose secret was never kept: drafts, rate limits and
-- logs name the agent through it, as they name a machine's key.
CREATE TABLE agents (
    id            bigserial PRIMARY KEY,
    issuer        text NOT NULL,
    subject       text NOT NULL,
    email         text NOT NULL DEFAULT '',
    given_name    text NOT NULL DEFAULT '',
    usual_name    text NOT NULL DEFAULT '',
    siret         text NOT NULL DEFAULT '',
    organization  text NOT NULL DEFAULT '',
    role          text NOT NULL DEFAULT '',
    service       text NOT NULL DEFAULT '',
    -- assigned_by is 'rule' (configuration, re-applied at each sign-in),
    -- 'admin' (kept as the administrator set it) or '' (nobody yet).
    assigned_by   text NOT NULL DEFAULT '',
    key_id        bigint NOT NULL UNIQUE REFERENCES api_keys (id),
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (issuer, subject)
);

-- Sessions of signed-in agents. The cookie holds a random id; only its
-- SHA-256 hash is stored. A session ends at expires_at (absolute) or when
-- it has been idle too long (last_seen_at, checked by the application).
CREATE TABLE sessions (
    id_hash      bytea PRIMARY KEY,
    agent_id     bigint NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
    csrf_token   text NOT NULL,
    -- id_token is the provider's ID token, sent back as a hint when the
    -- agent signs out of the provider too.
    id_token     text NOT NULL DEFAULT '',
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL
);
CREATE INDEX sessions_agent_idx ON sessions (agent_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Sign-ins under way: the state (hashed), the nonce and the PKCE verifier
-- between the redirection to the provider and its callback. One use each.
CREATE TABLE auth_flows (
    state_hash  bytea PRIMARY KEY,
    nonce       text NOT NULL,
    verifier    text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- What administrators did: who (the key, and the agent when signed in),
-- what (the action and its target), when. Never the text of a message.
CREATE TABLE audit_log (
    id        bigserial PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    key_id    bigint NOT NULL,
    agent_id  bigint,
    action    text NOT NULL,
    target    text NOT NULL DEFAULT '',
    status    int NOT NULL DEFAULT 0,
    details   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at_idx ON audit_log (at);

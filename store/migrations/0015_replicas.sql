-- Several plume serve processes share nothing but PostgreSQL: their rate
-- limits live here. One row per token bucket ("key:42", "login:203.0.113.9"):
-- the tokens left at updated_at, whether the last take was allowed, and when
-- the key last wrote (its reads then go to the primary, not to a replica that
-- may not have the write yet). UNLOGGED: the buckets are not worth a WAL
-- record per request nor a copy on the replicas; after a crash they start
-- full again.
CREATE UNLOGGED TABLE rate_buckets (
    bucket text PRIMARY KEY,
    tokens double precision NOT NULL,
    updated_at timestamptz NOT NULL,
    allowed boolean NOT NULL,
    wrote_at timestamptz
) WITH (fillfactor = 70); -- room for in-page (HOT) updates: one per request

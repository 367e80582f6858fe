-- Drafts and their feedback partitioned by month, so that the retention
-- purge drops whole months instead of deleting rows one by one.
--
-- drafts is partitioned by range of created_at, one partition a month (UTC),
-- named drafts_YYYY_MM, plus drafts_default, which takes a row whose month
-- has no partition yet, so that an insert never fails. A partitioned table's
-- keys must hold the partition column: the primary key becomes
-- (id, created_at). Draft ids stay unique: they are random (120 bits), and
-- a retried save sends the same id and time, which the key catches. Every
-- partition has the key's index, whose leading id serves lookups by id.
--
-- feedback is partitioned the same way by a copy of its draft's created_at
-- (draft_created_at), so that a month of drafts and its feedback go
-- together. There is no declared foreign key from feedback to drafts: to
-- detach a partition of a referenced table PostgreSQL checks every
-- referencing row, a join over all the feedback kept, under an ACCESS
-- EXCLUSIVE lock on drafts that stops every draft meanwhile (303 ms here
-- with 200,000 feedback rows kept against a month of a million drafts, 1 ms
-- without the key). Instead feedback is only ever inserted from its
-- draft's row (store.SaveFeedback), and the purge drops and deletes both
-- tables by the same months and the same cut-off.
--
-- answers.draft_id becomes a plain reference for the same reason: a
-- validated answer outlives the draft it was written from, and the purge
-- sets the reference to NULL before the draft goes.
--
-- This migration copies both tables under an exclusive lock: drafts and
-- feedback are unavailable while it runs (see README, "Past one machine").

ALTER TABLE answers DROP CONSTRAINT answers_draft_id_fkey;

ALTER TABLE drafts RENAME TO drafts_unpartitioned;
ALTER TABLE drafts_unpartitioned RENAME CONSTRAINT drafts_pkey TO drafts_unpartitioned_pkey;
ALTER TABLE feedback RENAME TO feedback_unpartitioned;
ALTER TABLE feedback_unpartitioned RENAME CONSTRAINT feedback_pkey TO feedback_unpartitioned_pkey;
DROP INDEX drafts_created_at_idx, drafts_api_key_idx, drafts_service_idx, drafts_unreliable_idx,
    drafts_attention_idx, feedback_draft_idx, feedback_low_idx;

-- The columns are those of 0003_drafts.sql and 0013_triage.sql.
CREATE TABLE drafts (LIKE drafts_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY RANGE (created_at);
CREATE TABLE feedback (LIKE feedback_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
    draft_created_at timestamptz NOT NULL)
    PARTITION BY RANGE (draft_created_at);
ALTER SEQUENCE feedback_id_seq OWNED BY feedback.id;
CREATE TABLE drafts_default PARTITION OF drafts DEFAULT;
CREATE TABLE feedback_default PARTITION OF feedback DEFAULT;

-- lock_draft_partitions serialises the changes to the partitions of drafts
-- and feedback (adding a month, the purge) for the rest of the transaction.
CREATE FUNCTION lock_draft_partitions() RETURNS void LANGUAGE sql AS $$
    SELECT pg_advisory_xact_lock(hashtext('plume.draft_partitions.' || current_schema()))
$$;

-- add_draft_month creates the partitions of drafts and feedback for the
-- month (UTC) of t, unless they exist, and reports whether it did. Rows
-- that waited for the month in the default partitions move into the new
-- ones.
CREATE FUNCTION add_draft_month(t timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    month_start timestamp := date_trunc('month', t AT TIME ZONE 'UTC');
    lo timestamptz := month_start AT TIME ZONE 'UTC';
    hi timestamptz := (month_start + interval '1 month') AT TIME ZONE 'UTC';
    suffix text := to_char(month_start, 'YYYY_MM');
    s text := current_schema();
BEGIN
    PERFORM lock_draft_partitions();
    IF to_regclass(format('%I.%I', s, 'drafts_' || suffix)) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I.%I (LIKE %I.drafts INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
        s, 'drafts_' || suffix, s);
    EXECUTE format('CREATE TABLE %I.%I (LIKE %I.feedback INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
        s, 'feedback_' || suffix, s);
    EXECUTE format('WITH moved AS (DELETE FROM %I.drafts_default WHERE created_at >= $1 AND created_at < $2
        RETURNING *) INSERT INTO %I.%I SELECT * FROM moved', s, s, 'drafts_' || suffix) USING lo, hi;
    EXECUTE format('WITH moved AS (DELETE FROM %I.feedback_default WHERE draft_created_at >= $1
        AND draft_created_at < $2 RETURNING *) INSERT INTO %I.%I SELECT * FROM moved',
        s, s, 'feedback_' || suffix) USING lo, hi;
    EXECUTE format('ALTER TABLE %I.drafts ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
        s, s, 'drafts_' || suffix, lo, hi);
    EXECUTE format('ALTER TABLE %I.feedback ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
        s, s, 'feedback_' || suffix, lo, hi);
    RETURN true;
END $$;

-- A partition for every month holding drafts, up to the next month.
SELECT add_draft_month(m AT TIME ZONE 'UTC') FROM generate_series(
    date_trunc('month', coalesce((SELECT min(created_at) FROM drafts_unpartitioned), now()) AT TIME ZONE 'UTC'),
    date_trunc('month', now() AT TIME ZONE 'UTC') + interval '1 month',
    interval '1 month') AS m;

INSERT INTO drafts SELECT * FROM drafts_unpartitioned;
INSERT INTO feedback SELECT f.*, d.created_at
    FROM feedback_unpartitioned f JOIN drafts_unpartitioned d ON d.id = f.draft_id;
DROP TABLE feedback_unpartitioned, drafts_unpartitioned;

-- Keys and indexes once the rows are in (each is created on every
-- partition, and on those added later).
ALTER TABLE drafts ADD PRIMARY KEY (id, created_at);
ALTER TABLE feedback ADD PRIMARY KEY (id, draft_created_at);
CREATE INDEX drafts_created_at_idx ON drafts (created_at);
CREATE INDEX drafts_api_key_idx ON drafts (api_key_id, created_at);
CREATE INDEX drafts_service_idx ON drafts (service, created_at);
CREATE INDEX drafts_unreliable_idx ON drafts (service, created_at) WHERE NOT reliable;
CREATE INDEX drafts_attention_idx ON drafts (attention_level, created_at);
CREATE INDEX feedback_draft_idx ON feedback (draft_id);
CREATE INDEX feedback_low_idx ON feedback (draft_id) WHERE outcome = 'rejected' OR rating <= 2;
-- The purge deletes feedback given before the cut-off on a newer draft.
CREATE INDEX feedback_created_at_idx ON feedback (created_at);

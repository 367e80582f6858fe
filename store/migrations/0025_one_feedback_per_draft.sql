-- One feedback per draft: a draft has one author, whose second feedback
-- (a corrected rating) replaces the first, so that the statistics count
-- each draft once. Of the feedback already given twice on a draft, the
-- latest is kept.
DELETE FROM feedback f USING feedback g
WHERE f.draft_id = g.draft_id AND f.draft_created_at = g.draft_created_at
    AND (f.created_at, f.id) < (g.created_at, g.id);

-- The partition key is part of it, as PostgreSQL wants of a partitioned
-- table's unique index; a draft's id gives its creation time anyway.
CREATE UNIQUE INDEX feedback_one_per_draft ON feedback (draft_id, draft_created_at);

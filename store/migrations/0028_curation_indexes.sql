-- The curation work list reads the newest low feedback first (a rejected
-- draft or a rating of 2 or less) and stops at its length: this index
-- gives them in that order, so that only the drafts listed are read.
CREATE INDEX feedback_low_recent_idx ON feedback (created_at DESC, draft_id)
    WHERE outcome = 'rejected' OR rating <= 2;

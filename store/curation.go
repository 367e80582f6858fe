package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// CurationScope selects what a curation list is computed over.
type CurationScope struct {
	// Service keeps one service when ServiceSet; otherwise all.
	Service    string
	ServiceSet bool
	// Since keeps the drafts asked for since then.
	Since time.Time
}

func (c CurationScope) args() []any { return []any{c.ServiceSet, c.Service, c.Since} }

// scopeWhere filters drafts (alias d) by a scope given as $1, $2, $3.
const scopeWhere = `($1 = false OR d.service = $2) AND d.created_at >= $3`

// QuestionRow is a stored, redacted question, the same text asked by one
// or more drafts merged: the newest of them, and how many asked it, since
// when.
type QuestionRow struct {
	// DraftID is the newest draft asking it, CreatedAt when it was asked.
	DraftID   string
	CreatedAt time.Time
	Service   string
	Question  string
	// Count is how many drafts asked it (0 counts as 1), FirstSeen when
	// the first did (zero: CreatedAt), and DraftIDs the newest of their
	// ids, at most maxQuestionDrafts, DraftID first (nil: DraftID alone).
	Count     int
	FirstSeen time.Time
	DraftIDs  []string
}

// maxQuestionDrafts bounds the draft ids kept of one question.
const maxQuestionDrafts = 20

// UnreliableQuestions returns the questions of the drafts that found no
// reliable source, the same text merged (its drafts counted), most
// recently asked first, at most limit.
func (s *Store) UnreliableQuestions(ctx context.Context, sc CurationScope, limit int) ([]QuestionRow, error) {
	release, err := s.curationSlot(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rows, err := s.pool.Query(ctx, `SELECT ids[1], last, service, question, n, first, ids[1:$5] FROM (
			SELECT d.service, d.question, count(*) AS n, min(d.created_at) AS first, max(d.created_at) AS last,
				array_agg(d.id ORDER BY d.created_at DESC, d.id) AS ids
			FROM drafts d WHERE NOT d.reliable AND `+scopeWhere+`
			GROUP BY d.service, d.question) q
		ORDER BY last DESC, ids[1] LIMIT $4`, append(sc.args(), limit, maxQuestionDrafts)...)
	if err != nil {
		return nil, fmt.Errorf("unreliable questions: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (QuestionRow, error) {
		var q QuestionRow
		return q, r.Scan(&q.DraftID, &q.CreatedAt, &q.Service, &q.Question, &q.Count, &q.FirstSeen, &q.DraftIDs)
	})
	if err != nil {
		return nil, fmt.Errorf("unreliable questions: %w", err)
	}
	return out, nil
}

// LowRatedDraft is a draft its agent rejected or rated 2 or less, with its
// latest such feedback.
type LowRatedDraft struct {
	QuestionRow
	Outcome Outcome
	Rating  *int
	Tags    []string
	// Sources are the draft's citations.
	Sources    json.RawMessage
	FeedbackAt time.Time
}

// LowRatedDrafts returns the drafts rejected or rated 2 or less, most
// recent feedback first. A draft has one feedback (migration 0025): they
// are read newest first along feedback_low_recent_idx, each draft by its
// key, until limit drafts of the scope are found. OFFSET 0 keeps the
// draft a lookup: joined, the planner misjudges how many pass and reads
// every draft of the scope.
func (s *Store) LowRatedDrafts(ctx context.Context, sc CurationScope, limit int) ([]LowRatedDraft, error) {
	release, err := s.curationSlot(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rows, err := s.pool.Query(ctx, `SELECT d.id, d.created_at, d.service, d.question, f.outcome, f.rating, f.tags, d.sources, f.created_at
		FROM feedback f CROSS JOIN LATERAL (SELECT * FROM drafts d
			WHERE d.id = f.draft_id AND d.created_at = f.draft_created_at AND `+scopeWhere+` OFFSET 0) d
		WHERE (f.outcome = 'rejected' OR f.rating <= 2) AND f.draft_created_at >= $3
		ORDER BY f.created_at DESC, f.draft_id LIMIT $4`, append(sc.args(), limit)...)
	if err != nil {
		return nil, fmt.Errorf("low-rated drafts: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (LowRatedDraft, error) {
		var l LowRatedDraft
		return l, r.Scan(&l.DraftID, &l.CreatedAt, &l.Service, &l.Question, &l.Outcome, &l.Rating, &l.Tags,
			&l.Sources, &l.FeedbackAt)
	})
	if err != nil {
		return nil, fmt.Errorf("low-rated drafts: %w", err)
	}
	return out, nil
}

// DocumentUse is how often drafts cited a published document.
type DocumentUse struct {
	DocumentID int64
	Title      string
	URL        string
	Service    string
	Citations  int64
}

// DocumentUses returns the n published documents of the scope's service
// most cited by the scope's drafts, and the n least cited (never cited
// first). The citations are counted once, for every document: a draft
// counts once for each document it cites (its distinct ids), so that the
// counts add up by hashing rather than by sorting every citation.
func (s *Store) DocumentUses(ctx context.Context, sc CurationScope, n int) (most, least []DocumentUse, err error) {
	release, err := s.curationSlot(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer release()
	rows, err := s.pool.Query(ctx, `WITH cited AS (
			SELECT c.id, count(*) AS n
			FROM drafts d CROSS JOIN LATERAL (SELECT DISTINCT (e->>'document_id')::bigint AS id
				FROM jsonb_array_elements(d.sources) e WHERE coalesce((e->>'cited')::boolean, true)) c
			WHERE `+scopeWhere+`
			GROUP BY 1)
		SELECT doc.id, doc.title, doc.url, doc.service, coalesce(cited.n, 0)
		FROM documents doc LEFT JOIN cited ON cited.id = doc.id
		WHERE doc.status = 'published' AND ($1 = false OR doc.service = $2)
		ORDER BY coalesce(cited.n, 0) DESC, doc.id`, sc.args()...)
	if err != nil {
		return nil, nil, fmt.Errorf("document uses: %w", err)
	}
	uses, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (DocumentUse, error) {
		var u DocumentUse
		return u, r.Scan(&u.DocumentID, &u.Title, &u.URL, &u.Service, &u.Citations)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("document uses: %w", err)
	}
	most = uses[:min(n, len(uses))]
	for i := len(uses) - 1; i >= 0 && len(least) < n; i-- {
		least = append(least, uses[i])
	}
	return most, least, nil
}

// StaleDocument is a published document to look at: not updated for long,
// or changed while validated answers relied on it.
type StaleDocument struct {
	DocumentID int64
	Title      string
	URL        string
	Service    string
	// UpdatedAt is the document's own date, or when it was last stored.
	UpdatedAt time.Time
	// AnswersToReview counts the validated answers relying on it that are
	// flagged "to review".
	AnswersToReview int
}

// StaleDocuments returns the published documents of the scope's service
// last updated before before, or with answers to review, oldest first.
func (s *Store) StaleDocuments(ctx context.Context, sc CurationScope, before time.Time, limit int) ([]StaleDocument, error) {
	release, err := s.curationSlot(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rows, err := s.pool.Query(ctx, `SELECT doc.id, doc.title, doc.url, doc.service, coalesce(doc.updated_at, doc.modified_at),
			(SELECT count(*) FROM answer_sources s JOIN answers a ON a.id = s.answer_id
			 WHERE s.document_id = doc.id AND a.status = 'to_review') AS to_review
		FROM documents doc WHERE `+staleWhere+`
		ORDER BY to_review DESC, coalesce(doc.updated_at, doc.modified_at), doc.id LIMIT $4`,
		sc.ServiceSet, sc.Service, before, limit)
	if err != nil {
		return nil, fmt.Errorf("stale documents: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (StaleDocument, error) {
		var d StaleDocument
		return d, r.Scan(&d.DocumentID, &d.Title, &d.URL, &d.Service, &d.UpdatedAt, &d.AnswersToReview)
	})
	if err != nil {
		return nil, fmt.Errorf("stale documents: %w", err)
	}
	return out, nil
}

// HasUnreliableQuestion reports whether the scope holds a question that
// found no reliable source whose newest draft, with its service, hashes to
// key: the first 16 hex digits of the SHA-256 of service, a zero byte and
// the draft's id, as the work list keys the group a question starts
// (rag.groupOf). The same text's drafts are merged as UnreliableQuestions
// merges them, so the check reads those drafts and nothing else.
func (s *Store) HasUnreliableQuestion(ctx context.Context, sc CurationScope, key string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM (
			SELECT d.service, (array_agg(d.id ORDER BY d.created_at DESC, d.id))[1] AS id
			FROM drafts d WHERE NOT d.reliable AND `+scopeWhere+`
			GROUP BY d.service, d.question) q
		WHERE left(encode(sha256(convert_to(q.service, 'UTF8') || '\x00'::bytea || convert_to(q.id, 'UTF8')), 'hex'), 16) = $4)`,
		append(sc.args(), key)...).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("unreliable question %s: %w", key, err)
	}
	return ok, nil
}

// HasLowRatedDraft reports whether the draft id is one of the scope's
// that its agent rejected or rated 2 or less (as LowRatedDrafts lists
// them), by its key.
func (s *Store) HasLowRatedDraft(ctx context.Context, sc CurationScope, id string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM feedback f JOIN drafts d
			ON d.id = f.draft_id AND d.created_at = f.draft_created_at
		WHERE f.draft_id = $4 AND (f.outcome = 'rejected' OR f.rating <= 2) AND f.draft_created_at >= $3 AND `+scopeWhere+`)`,
		append(sc.args(), id)...).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("low-rated draft %s: %w", id, err)
	}
	return ok, nil
}

// staleWhere selects the stale documents (alias doc) of a scope given as
// $1, $2: published, and last updated before $3 or relied on by answers
// to review.
const staleWhere = `doc.status <> 'draft' AND ($1 = false OR doc.service = $2)
	AND (coalesce(doc.updated_at, doc.modified_at) < $3 OR EXISTS (
		SELECT 1 FROM answer_sources s JOIN answers a ON a.id = s.answer_id
		WHERE s.document_id = doc.id AND a.status = 'to_review'))`

// HasStaleDocument reports whether the document id is one of the scope's
// stale documents (StaleDocuments), by its key.
func (s *Store) HasStaleDocument(ctx context.Context, sc CurationScope, before time.Time, id int64) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM documents doc WHERE doc.id = $4 AND `+staleWhere+`)`,
		sc.ServiceSet, sc.Service, before, id).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("stale document %d: %w", id, err)
	}
	return ok, nil
}

// CurationAction is what an admin did to close a curation item.
type CurationAction string

// The actions that close a curation item.
const (
	ActionDocumentWritten CurationAction = "document_written"
	ActionAnswerAdded     CurationAction = "answer_added"
	ActionOutOfScope      CurationAction = "out_of_scope"
	ActionOther           CurationAction = "other"
)

// Valid reports whether a is a known action.
func (a CurationAction) Valid() bool {
	return a == ActionDocumentWritten || a == ActionAnswerAdded || a == ActionOutOfScope || a == ActionOther
}

// Closure is a closed curation item. The item is open again when it
// recurs after ClosedAt.
type Closure struct {
	Service  string
	Kind     string
	Key      string
	Action   CurationAction
	Reason   Text
	ClosedBy *int64
	ClosedAt time.Time
}

// CloseCurationItem records (or replaces) the closure of an item.
func (s *Store) CloseCurationItem(ctx context.Context, c *Closure) error {
	if c.Kind == "" || c.Key == "" || !c.Action.Valid() {
		return fmt.Errorf("close curation item: kind, key and a known action are required: %w", ErrInvalid)
	}
	err := s.pool.QueryRow(ctx, `INSERT INTO curation_closures (service, kind, item_key, action, reason, closed_by)
		VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (service, kind, item_key) DO UPDATE SET action = excluded.action, reason = excluded.reason,
			closed_by = excluded.closed_by, closed_at = now()
		RETURNING closed_at`, c.Service, c.Kind, c.Key, c.Action, c.Reason.s, c.ClosedBy).Scan(&c.ClosedAt)
	if err != nil {
		return fmt.Errorf("close curation item: %w", err)
	}
	return nil
}

// ReopenCurationItem deletes an item's closure.
func (s *Store) ReopenCurationItem(ctx context.Context, service, kind, key string) error {
	tag, err := s.pool.Exec(ctx, "DELETE FROM curation_closures WHERE service = $1 AND kind = $2 AND item_key = $3",
		service, kind, key)
	if err != nil {
		return fmt.Errorf("reopen curation item: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("curation item %s/%s: %w", kind, key, ErrNotFound)
	}
	return nil
}

// CurationClosures returns the closures of the scope's service (all when
// the scope has none), by kind and key.
func (s *Store) CurationClosures(ctx context.Context, sc CurationScope) (map[string]Closure, error) {
	release, err := s.curationSlot(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	rows, err := s.pool.Query(ctx, `SELECT service, kind, item_key, action, reason, closed_by, closed_at
		FROM curation_closures WHERE $1 = false OR service = $2`, sc.ServiceSet, sc.Service)
	if err != nil {
		return nil, fmt.Errorf("curation closures: %w", err)
	}
	defer rows.Close()
	out := map[string]Closure{}
	for rows.Next() {
		var c Closure
		if err := rows.Scan(&c.Service, &c.Kind, &c.Key, &c.Action, &c.Reason.s, &c.ClosedBy, &c.ClosedAt); err != nil {
			return nil, fmt.Errorf("curation closures: %w", err)
		}
		out[ClosureKey(c.Service, c.Kind, c.Key)] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("curation closures: %w", err)
	}
	return out, nil
}

// ClosureKey is the map key of a closure.
func ClosureKey(service, kind, key string) string { return service + "\x00" + kind + "\x00" + key }

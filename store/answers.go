package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/pgvector/pgvector-go"
)

// AnswerStatus is the life-cycle state of a validated answer. Only active
// answers are given to the model; answers to review are shown to agents
// with that mark; archived ones are kept for history only.
type AnswerStatus string

// The statuses of a validated answer.
const (
	AnswerActive   AnswerStatus = "active"
	AnswerToReview AnswerStatus = "to_review"
	AnswerArchived AnswerStatus = "archived"
)

// Valid reports whether s is a known answer status.
func (s AnswerStatus) Valid() bool {
	return s == AnswerActive || s == AnswerToReview || s == AnswerArchived
}

// Reasons an answer was flagged "to review" by a change of its sources.
const (
	ReasonSourceChanged     = "source_changed"
	ReasonSourceArchived    = "source_archived"
	ReasonSourceDeleted     = "source_deleted"
	ReasonSourceUnpublished = "source_unpublished"
)

// ErrSourceNotPublished refuses to make active an answer that cites no
// document, or one that is not published (a draft, archived, deleted) or
// that its service does not see: only answers resting on published
// sources are given to the model.
var ErrSourceNotPublished = errors.New("source not published")

// Answer is a validated answer ("réponse type"): a redacted reply an
// administrator or a reviewer approved for a recurring question.
type Answer struct {
	ID int64
	// Service is the service whose agents get it; "" for every service.
	Service       string
	AuthorService string
	// Question and Text are redacted: placeholders such as [NOM_1] stay.
	Question Text
	Text     Text
	// Sources are the official passages it relies on, as draft citations.
	Sources      json.RawMessage
	Status       AnswerStatus
	StatusReason Text
	Version      int
	DraftID      *string
	CreatedBy    *int64
	CreatedAt    time.Time
	UpdatedAt    time.Time
	ReviewedAt   time.Time
	// OutOfScope lists the sources the answer's service no longer sees:
	// deleted, or moved to another service. Read by every query but the
	// matching of answers, which leaves it nil.
	OutOfScope []int64
}

// AnswerWrite is what creating or updating an answer needs beyond the
// answer itself: the documents it relies on (their current content is
// recorded, so that a change flags it), the text its question is matched
// by (the question without placeholders) and that text's embedding.
type AnswerWrite struct {
	DocumentIDs []int64
	// Scope is the service of the key that writes ("" a global key): every
	// document cited must be shared or of it (see lockAnswerSources).
	Scope string
	// Cite, when not nil, writes the answer's sources from the documents
	// it cites, in the order of DocumentIDs, as read under lock once
	// checked; nil keeps the answer's Sources as given.
	Cite      func(docs []Document) (json.RawMessage, error)
	MatchText Text
	// TextMatch is the answer's text without placeholders.
	TextMatch Text
	// Model names the embedding model of Vector (the question's) and
	// TextVector (the answer's).
	Model      string
	Vector     []float32
	TextVector []float32
}

const answerColumns = `id, service, author_service, question, text, sources, status, status_reason, version,
	draft_id, created_by, created_at, updated_at, reviewed_at`

// answerRow is what scanAnswer reads: the columns, then the sources out
// of the answer's scope.
const answerRow = answerColumns + ", " + outOfScopeSources

// outOfScopeSources is the array of the ids of an answer's sources that
// name no document, or one of another service than the shared ones and
// the answer's own.
const outOfScopeSources = `ARRAY(SELECT (c->>'document_id')::bigint FROM jsonb_array_elements(answers.sources) c
	WHERE (c->>'document_id')::bigint > 0 AND NOT EXISTS (SELECT 1 FROM documents d
		WHERE d.id = (c->>'document_id')::bigint AND d.service IN ('', btrim(answers.service))))`

func scanAnswer(row pgx.Row) (Answer, error) {
	var a Answer
	err := row.Scan(&a.ID, &a.Service, &a.AuthorService, &a.Question.s, &a.Text.s, &a.Sources, &a.Status, &a.StatusReason.s,
		&a.Version, &a.DraftID, &a.CreatedBy, &a.CreatedAt, &a.UpdatedAt, &a.ReviewedAt, &a.OutOfScope)
	return a, err
}

func (a *Answer) validate() error {
	if a.Question.s == "" || a.Text.s == "" {
		return fmt.Errorf("answer: question and text are required: %w", ErrInvalid)
	}
	if a.Status == "" {
		a.Status = AnswerActive
	}
	if !a.Status.Valid() {
		return fmt.Errorf("answer: status %q: %w", a.Status, ErrInvalid)
	}
	if err := CheckService(a.Service); err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	if len(a.Sources) == 0 {
		a.Sources = json.RawMessage("[]")
	}
	return nil
}

// vectorArgs returns the question's and the text's vectors and their model,
// or nils when there are none.
func vectorArgs(w AnswerWrite) (any, any, any) {
	if len(w.Vector) == 0 || w.Model == "" {
		return nil, nil, nil
	}
	var text any
	if len(w.TextVector) == len(w.Vector) {
		text = pgvector.NewVector(w.TextVector)
	}
	return pgvector.NewVector(w.Vector), text, w.Model
}

// CreateAnswer stores a new validated answer and the documents it relies
// on, in one transaction, and sets its id, version and times. It returns
// ErrDuplicate, storing nothing, when an active answer of the same service
// has the same question and text (a form sent twice): the check holds a
// lock on them, so two identical requests at once store one answer. Its
// sources are checked under lock (see lockAnswerSources).
func (s *Store) CreateAnswer(ctx context.Context, a *Answer, w AnswerWrite) error {
	if err := a.validate(); err != nil {
		return err
	}
	vec, textVec, model := vectorArgs(w)
	// a stays as given until the commit: a second attempt (Transact)
	// stores it again.
	var saved Answer
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		if err := refuseIdenticalAnswer(ctx, tx, a); err != nil {
			return err
		}
		sources, err := lockAnswerSources(ctx, tx, a, w)
		if err != nil {
			return err
		}
		saved, err = scanAnswer(tx.QueryRow(ctx, `INSERT INTO answers (service, author_service, question, text, sources,
				status, status_reason, draft_id, created_by, lexemes, text_lexemes, embedding, text_embedding, embed_model)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, tsvector_to_array(to_tsvector('plume_fr', $10)),
				tsvector_to_array(to_tsvector('plume_fr', $11)), $12, $13, $14)
			RETURNING `+answerRow,
			a.Service, a.AuthorService, a.Question.s, a.Text.s, sources, a.Status, a.StatusReason.s, a.DraftID, a.CreatedBy,
			w.MatchText.s, w.TextMatch.s, vec, textVec, model))
		if err != nil {
			return fmt.Errorf("create answer: %w", err)
		}
		return setAnswerSources(ctx, tx, saved.ID, w.DocumentIDs)
	})
	if err != nil {
		return err
	}
	*a = saved
	return nil
}

// refuseIdenticalAnswer locks, for the rest of tx, the answers with a's
// service, question and text, and returns ErrDuplicate if one other than
// a (a.ID, zero for a new answer) is active.
// Question and text are compared with their runs of white space made one
// space (spaceRuns, as strings.Fields cuts): a doubled space or a line
// break for a space makes no other answer. The check is a statement of its
// own, after the lock: its snapshot sees what a transaction that held the
// lock committed.
func refuseIdenticalAnswer(ctx context.Context, tx pgx.Tx, a *Answer) error {
	q, t := strings.Join(strings.Fields(a.Question.s), " "), strings.Join(strings.Fields(a.Text.s), " ")
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('plume.answer.' || current_schema() || $1 || $2 || $3, 0))`,
		a.Service, q, t); err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	var id int64
	err := tx.QueryRow(ctx, `SELECT coalesce((SELECT id FROM answers
			WHERE service = $1 AND status = 'active' AND id <> $4
				AND btrim(regexp_replace(question, '`+spaceRuns+`', ' ', 'g'), ' ') = $2
				AND btrim(regexp_replace(text, '`+spaceRuns+`', ' ', 'g'), ' ') = $3 LIMIT 1), 0)`,
		a.Service, q, t, a.ID).Scan(&id)
	if err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	if id != 0 {
		return fmt.Errorf("answer %d, active, has this question and text: %w", id, ErrDuplicate)
	}
	return nil
}

// spaceRuns matches, in PostgreSQL, a run of the characters Go's
// unicode.IsSpace calls white space.
const spaceRuns = `[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+`

// lockAnswerSources locks the documents an answer cites (FOR SHARE),
// checks them and returns the answer's sources (w.Cite's, or a's own).
// Every id must name a document shared or of w.Scope (ErrInvalid); an
// active answer's must also be published and seen by its service
// (ErrInvalid and ErrSourceNotPublished). The check is in the answer's
// transaction, after the lock, so that an archive running at the same
// time is either waited for and seen, or waits and then flags the answer.
func lockAnswerSources(ctx context.Context, tx pgx.Tx, a *Answer, w AnswerWrite) (json.RawMessage, error) {
	rows, err := tx.Query(ctx, "SELECT "+documentColumns+" FROM documents WHERE id = ANY($1) ORDER BY id FOR SHARE", w.DocumentIDs)
	if err != nil {
		return nil, fmt.Errorf("lock the sources of the answer: %w", err)
	}
	locked, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Document, error) { return scanDocument(r) })
	if err != nil {
		return nil, fmt.Errorf("lock the sources of the answer: %w", err)
	}
	byID := make(map[int64]Document, len(locked))
	for _, d := range locked {
		byID[d.ID] = d
	}
	docs := make([]Document, 0, len(w.DocumentIDs))
	for _, id := range w.DocumentIDs {
		d, found := byID[id]
		if err := checkAnswerSource(id, d, found, w.Scope, a); err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	if w.Cite == nil {
		return a.Sources, nil
	}
	sources, err := w.Cite(docs)
	if err != nil {
		return nil, fmt.Errorf("answer: write the sources: %w", err)
	}
	return sources, nil
}

// checkAnswerSource checks one source of a (see lockAnswerSources): d,
// found, is what the document id holds.
func checkAnswerSource(id int64, d Document, found bool, scope string, a *Answer) error {
	switch {
	case id <= 0:
		return fmt.Errorf("answer: source %d: document ids are positive: %w", id, ErrInvalid)
	case !found || scope != "" && d.Service != "" && d.Service != scope:
		return fmt.Errorf("answer: source %d: no document of the service %q or shared has this id: %w", id, scope, ErrInvalid)
	case a.Status != AnswerActive:
		return nil
	case d.Status != StatusPublished:
		return fmt.Errorf("answer: source %d is not published (status %s): %w (%w)", id, d.Status, ErrInvalid, ErrSourceNotPublished)
	case d.Service != "" && d.Service != strings.TrimSpace(a.Service):
		return fmt.Errorf("answer: source %d: the answer's service %q does not see this document (only shared ones and its own): %w (%w)",
			id, a.Service, ErrInvalid, ErrSourceNotPublished)
	}
	return nil
}

// setAnswerSources records the documents an answer relies on with their
// current content hash.
func setAnswerSources(ctx context.Context, tx pgx.Tx, id int64, docs []int64) error {
	if _, err := tx.Exec(ctx, "DELETE FROM answer_sources WHERE answer_id = $1", id); err != nil {
		return fmt.Errorf("answer %d sources: %w", id, err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO answer_sources (answer_id, document_id, content_hash)
		SELECT $1, id, content_hash FROM documents WHERE id = ANY($2)`, id, docs); err != nil {
		return fmt.Errorf("answer %d sources: %w", id, err)
	}
	return nil
}

// UpdateAnswer replaces an answer's question, text, sources and service,
// raises its version and records a new review: its sources' current
// content is the reviewed one (checked under lock, see lockAnswerSources).
// An answer to review is active after it (the edit is its review, so its
// sources must be published); an archived one stays archived with its
// reason (SetAnswerStatus changes it), an active one stays active. ifVersion, when not
// zero, must be the stored version (ErrStaleVersion otherwise). It returns
// ErrDuplicate, changing nothing, when another active answer of the same
// service has the new question and text, as CreateAnswer does.
func (s *Store) UpdateAnswer(ctx context.Context, a *Answer, w AnswerWrite, ifVersion int) error {
	a.Status = AnswerActive // validated as such; the stored one is read under lock
	if err := a.validate(); err != nil {
		return err
	}
	vec, textVec, model := vectorArgs(w)
	// a stays as given until the commit: a second attempt (Transact)
	// reads the stored status again into its own copy.
	var saved Answer
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		a := *a
		if err := refuseIdenticalAnswer(ctx, tx, &a); err != nil {
			return err
		}
		if err := lockAnswerDocuments(ctx, tx, a.ID, w.DocumentIDs); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, "SELECT status FROM answers WHERE id = $1 FOR UPDATE", a.ID).Scan(&a.Status)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("answer %d: %w", a.ID, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("lock answer %d: %w", a.ID, err)
		}
		if a.Status == AnswerToReview {
			a.Status = AnswerActive // the edit is its review
		}
		sources, err := lockAnswerSources(ctx, tx, &a, w)
		if err != nil {
			return err
		}
		saved, err = scanAnswer(tx.QueryRow(ctx, `UPDATE answers SET service = $2, question = $3, text = $4, sources = $5,
				version = version + 1, updated_at = now(), reviewed_at = now(),
				status_reason = CASE WHEN status = $12 THEN status_reason ELSE '' END, status = $12,
				lexemes = tsvector_to_array(to_tsvector('plume_fr', $6)), text_lexemes = tsvector_to_array(to_tsvector('plume_fr', $10)),
				embedding = $7, text_embedding = $11, embed_model = $8
			WHERE id = $1 AND ($9 = 0 OR version = $9) RETURNING `+answerRow,
			a.ID, a.Service, a.Question.s, a.Text.s, sources, w.MatchText.s, vec, model, ifVersion, w.TextMatch.s, textVec, a.Status))
		if errors.Is(err, pgx.ErrNoRows) {
			return s.answerMissingOrConflict(ctx, tx, a.ID)
		}
		if err != nil {
			return fmt.Errorf("update answer %d: %w", a.ID, err)
		}
		return setAnswerSources(ctx, tx, saved.ID, w.DocumentIDs)
	})
	if err != nil {
		return err
	}
	*a = saved
	return nil
}

// ErrStaleVersion means an answer changed since the caller read it.
var ErrStaleVersion = errors.New("conflict")

func (s *Store) answerMissingOrConflict(ctx context.Context, tx pgx.Tx, id int64) error {
	var exists bool
	if err := tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM answers WHERE id = $1)", id).Scan(&exists); err != nil {
		return fmt.Errorf("answer %d: %w", id, err)
	}
	if !exists {
		return fmt.Errorf("answer %d: %w", id, ErrNotFound)
	}
	return fmt.Errorf("answer %d was changed meanwhile: %w", id, ErrStaleVersion)
}

// SetAnswerStatus changes an answer's status with a reason. Making an answer
// active again is a review: its sources' current content becomes the
// reviewed one; it is refused (ErrSourceNotPublished) unless the answer
// cites a document and every document it cites is published and seen by
// its service.
func (s *Store) SetAnswerStatus(ctx context.Context, id int64, status AnswerStatus, reason Text) (Answer, error) {
	if !status.Valid() {
		return Answer{}, fmt.Errorf("answer status %q: %w", status, ErrInvalid)
	}
	var a Answer
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		if status == AnswerActive {
			if err := checkAnswerSources(ctx, tx, id); err != nil {
				return err
			}
		}
		var err error
		a, err = scanAnswer(tx.QueryRow(ctx, `UPDATE answers SET status = $2, status_reason = $3, updated_at = now(),
				reviewed_at = CASE WHEN $2 = 'active' THEN now() ELSE reviewed_at END
			WHERE id = $1 RETURNING `+answerRow, id, status, reason.s))
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("answer %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("set status of answer %d: %w", id, err)
		}
		if status != AnswerActive {
			return nil
		}
		_, err = tx.Exec(ctx, `UPDATE answer_sources s SET content_hash = d.content_hash
			FROM documents d WHERE d.id = s.document_id AND s.answer_id = $1`, id)
		if err != nil {
			return fmt.Errorf("review sources of answer %d: %w", id, err)
		}
		return nil
	})
	return a, err
}

// GetAnswer returns the answer with the given id.
func (s *Store) GetAnswer(ctx context.Context, id int64) (Answer, error) {
	a, err := scanAnswer(s.pool.QueryRow(ctx, "SELECT "+answerRow+" FROM answers WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Answer{}, fmt.Errorf("answer %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Answer{}, fmt.Errorf("get answer %d: %w", id, err)
	}
	return a, nil
}

// AnswerFilter selects answers for a list.
type AnswerFilter struct {
	// Services keeps the answers of these services ("" for the shared
	// ones); nil keeps all.
	Services []string
	Status   AnswerStatus
	// DocumentID keeps the answers relying on one document, when set.
	DocumentID int64
	// OutOfScope keeps the answers citing a document their service no
	// longer sees (see Answer.OutOfScope).
	OutOfScope bool
	// Limit bounds the page (default 50, at most 500); Offset skips rows.
	Limit  int
	Offset int
}

// AnswerPage is one page of answers and the total that match.
type AnswerPage struct {
	Answers []Answer
	Total   int64
}

// ListAnswers returns the answers f selects: to review first, then the
// most recently changed.
func (s *Store) ListAnswers(ctx context.Context, f AnswerFilter) (AnswerPage, error) {
	var err error
	if f.Limit, err = pageLimit(f.Limit, f.Offset); err != nil {
		return AnswerPage{}, fmt.Errorf("list answers: %w", err)
	}
	if f.Status != "" && !f.Status.Valid() {
		return AnswerPage{}, fmt.Errorf("list answers: status %q: %w", f.Status, ErrInvalid)
	}
	where := `($1::text[] IS NULL OR service = ANY($1)) AND ($2 = '' OR status = $2)
		AND ($3 = 0 OR id IN (SELECT answer_id FROM answer_sources WHERE document_id = $3))
		AND (NOT $4 OR cardinality(` + outOfScopeSources + `) > 0)`
	args := []any{f.Services, string(f.Status), f.DocumentID, f.OutOfScope}
	var page AnswerPage
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM answers WHERE "+where, args...).Scan(&page.Total); err != nil {
		return AnswerPage{}, fmt.Errorf("count answers: %w", err)
	}
	rows, err := s.pool.Query(ctx, "SELECT "+answerRow+" FROM answers WHERE "+where+
		` ORDER BY status = 'to_review' DESC, updated_at DESC, id DESC LIMIT $5 OFFSET $6`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return AnswerPage{}, fmt.Errorf("list answers: %w", err)
	}
	page.Answers, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Answer, error) { return scanAnswer(r) })
	if err != nil {
		return AnswerPage{}, fmt.Errorf("list answers: %w", err)
	}
	return page, nil
}

// flagAnswersOfDocument marks "to review" the active answers relying on a
// document whose content changed since they were reviewed, or which is no
// longer published (archived, or back to draft). SaveDocument and
// SetDocumentStatus call it in their transaction, after the document's
// write locked it. The answers are locked by ascending id before they are
// changed, so that two documents flagging the same answers wait for each
// other in order.
func flagAnswersOfDocument(ctx context.Context, tx pgx.Tx, docID int64) error {
	if _, err := tx.Exec(ctx, `SELECT 1 FROM answers a JOIN answer_sources s ON s.answer_id = a.id
			JOIN documents d ON d.id = s.document_id
		WHERE s.document_id = $1 AND a.status = 'active' AND (d.status <> 'published' OR d.content_hash <> s.content_hash)
		ORDER BY a.id FOR UPDATE OF a`, docID); err != nil {
		return fmt.Errorf("lock the answers of document %d: %w", docID, err)
	}
	_, err := tx.Exec(ctx, `UPDATE answers a SET status = 'to_review', updated_at = now(),
			status_reason = CASE d.status WHEN 'archived' THEN $2 WHEN 'published' THEN $3 ELSE $4 END
		FROM answer_sources s JOIN documents d ON d.id = s.document_id
		WHERE s.answer_id = a.id AND s.document_id = $1 AND a.status = 'active'
			AND (d.status <> 'published' OR d.content_hash <> s.content_hash)`,
		docID, ReasonSourceArchived, ReasonSourceChanged, ReasonSourceUnpublished)
	if err != nil {
		return fmt.Errorf("flag answers of document %d: %w", docID, err)
	}
	return nil
}

// checkAnswerSources fails with ErrSourceNotPublished unless every
// document the answer id cites is published and shared or of the answer's
// service (an answer citing none, written for questions the knowledge base
// does not answer, passes). The cited documents are those of
// answer_sources and those its sources name, which keep a deleted
// document's id.
func checkAnswerSources(ctx context.Context, tx pgx.Tx, id int64) error {
	// The cited documents are locked before the answer, as every writer
	// locks them (lockAnswerDocuments), and before they are read: an
	// archive or edit running meanwhile is waited for and its result read
	// (the next statement's snapshot sees it), and one starting later
	// waits for this transaction, then flags the answer it made active.
	if err := lockAnswerDocuments(ctx, tx, id, nil); err != nil {
		return err
	}
	var service string
	err := tx.QueryRow(ctx, "SELECT service FROM answers WHERE id = $1 FOR UPDATE", id).Scan(&service)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("answer %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("check the sources of answer %d: %w", id, err)
	}
	// An edit committed while this transaction waited for the answer may
	// cite other documents: they are locked too.
	if err := lockAnswerDocuments(ctx, tx, id, nil); err != nil {
		return err
	}
	var cited, published int
	if err := tx.QueryRow(ctx, `SELECT count(*), count(d.id) FILTER (WHERE d.status = 'published'
			AND (d.service = '' OR d.service = btrim($2)))
		FROM (`+citedDocuments+`) c LEFT JOIN documents d ON d.id = c.doc`, id, service).Scan(&cited, &published); err != nil {
		return fmt.Errorf("check the sources of answer %d: %w", id, err)
	}
	if published < cited {
		return fmt.Errorf("answer %d cites %d document(s) not published (draft, archived or deleted) or out of its service: "+
			"publish them or write the answer again with other sources: %w", id, cited-published, ErrSourceNotPublished)
	}
	return nil
}

// lockAnswerDocuments locks (FOR SHARE) the documents answer id cites
// and those of ids, in the one order of plume's writers: documents before
// answers, by ascending id. A document's edit or status change locks the
// document, then the answers it flags (flagAnswersOfDocument); an answer's
// write locks its documents first too, so neither waits for the other
// while holding what the other waits for.
func lockAnswerDocuments(ctx context.Context, tx pgx.Tx, id int64, ids []int64) error {
	if _, err := tx.Exec(ctx, `SELECT 1 FROM documents WHERE id = ANY($2) OR id IN (`+citedDocuments+`)
		ORDER BY id FOR SHARE`, id, ids); err != nil {
		return fmt.Errorf("lock the sources of answer %d: %w", id, err)
	}
	return nil
}

// citedDocuments selects (as doc) the ids of the documents answer $1
// cites: those of answer_sources and those its sources name.
const citedDocuments = `SELECT document_id AS doc FROM answer_sources WHERE answer_id = $1
	UNION SELECT (e->>'document_id')::bigint FROM answers a, jsonb_array_elements(a.sources) e
		WHERE a.id = $1 AND coalesce((e->>'document_id')::bigint, 0) > 0`

// FinalText returns the redacted text finally sent for a draft, from its
// feedback ("" when it gave none), and whether that feedback rejected the
// draft: the text of a rejected draft is then never returned.
func (s *Store) FinalText(ctx context.Context, draftID string) (text string, rejected bool, err error) {
	var outcome Outcome
	err = s.pool.QueryRow(ctx, `SELECT final_text, outcome FROM feedback WHERE draft_id = $1`+
		draftMonthRange("draft_created_at", draftID)+` ORDER BY created_at DESC, id DESC LIMIT 1`, draftID).Scan(&text, &outcome)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("final text of draft %s: %w", draftID, err)
	}
	if outcome == OutcomeRejected {
		return "", true, nil
	}
	return text, false, nil
}

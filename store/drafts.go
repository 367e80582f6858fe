package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Draft is a reply drafted for an agent, as stored: redacted text only.
type Draft struct {
	ID               string
	CreatedAt        time.Time
	Channel          string
	Service          string
	Audience         []string
	APIKeyID         *int64
	Question         Text
	PromptVersion    string
	Model            string
	Extractive       bool
	Reliable         bool
	Sources          json.RawMessage
	Draft            string
	Warnings         []string
	RedactionCounts  map[string]int
	Timings          map[string]float64
	PromptTokens     int
	CompletionTokens int
	// AttentionLevel is the triage level of the message ("routine" when
	// empty); AttentionReasons its reasons as JSON: codes, labels and byte
	// offsets, never text.
	AttentionLevel   string
	AttentionReasons json.RawMessage
}

// Outcome is what the agent did with a draft.
type Outcome string

// The outcomes of a draft.
const (
	OutcomeAccepted Outcome = "accepted"
	OutcomeEdited   Outcome = "edited"
	OutcomeRejected Outcome = "rejected"
)

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool {
	return o == OutcomeAccepted || o == OutcomeEdited || o == OutcomeRejected
}

// Feedback is an agent's verdict on a draft.
type Feedback struct {
	ID        int64
	DraftID   string
	CreatedAt time.Time
	// FinalText is the text the agent sent; with SentAsDrafted, the
	// store sets it to the draft's own text.
	FinalText     Text
	SentAsDrafted bool
	Outcome       Outcome
	Rating        *int
	Tags          []Text
	EditDistance  float64
	// Replaced, set by SaveFeedback, says that the draft had a feedback,
	// which this one replaced.
	Replaced bool
}

// saveRetryDelay is how long SaveDraft waits before its one retry.
const saveRetryDelay = time.Second

// SaveDraft stores a new draft, setting its id and creation time (this
// process's clock, as the purge's cut-off). A draft costs a model call: when
// the database drops, the save is retried once after a second, under the
// same id and time, so that a first attempt that was in fact committed is
// found rather than stored twice or reported lost.
func (s *Store) SaveDraft(ctx context.Context, d *Draft) error {
	if d.Channel == "" || d.Question.s == "" {
		return fmt.Errorf("save draft: channel and question are required: %w", ErrInvalid)
	}
	// PostgreSQL keeps microseconds: the time read back is the one sent.
	d.CreatedAt = time.Now().Truncate(time.Microsecond)
	id, err := newDraftID(d.CreatedAt)
	if err != nil {
		return err
	}
	err = s.insertDraft(ctx, id, d)
	if IsUnavailable(err) {
		select {
		case <-time.After(saveRetryDelay):
			err = s.insertDraft(ctx, id, d)
		case <-ctx.Done():
		}
	}
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	d.ID = id
	return nil
}

// insertDraft stores d under id and d.CreatedAt, or finds it stored
// already: the primary key (id, created_at) is the draft's identity across
// the monthly partitions.
func (s *Store) insertDraft(ctx context.Context, id string, d *Draft) error {
	sources := d.Sources
	if len(sources) == 0 {
		sources = json.RawMessage("[]")
	}
	if d.AttentionLevel == "" {
		d.AttentionLevel = "routine"
	}
	if len(d.AttentionReasons) == 0 {
		d.AttentionReasons = json.RawMessage("[]")
	}
	// A row committed by an earlier attempt whose answer was lost stays.
	_, err := s.pool.Exec(ctx, `INSERT INTO drafts (id, channel, service, audience, api_key_id, question,
			prompt_version, model, extractive, reliable, sources, draft, warnings, redaction_counts, timings,
			prompt_tokens, completion_tokens, attention_level, attention_reasons, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
		ON CONFLICT (id, created_at) DO NOTHING`,
		id, d.Channel, d.Service, nonNil(NFCLabels(d.Audience)), d.APIKeyID, d.Question.s, d.PromptVersion, d.Model,
		d.Extractive, d.Reliable, sources, d.Draft, nonNil(d.Warnings), nonNilMap(d.RedactionCounts),
		nonNilMap(d.Timings), d.PromptTokens, d.CompletionTokens, d.AttentionLevel, d.AttentionReasons, d.CreatedAt)
	return err
}

func nonNilMap[V any](m map[string]V) map[string]V {
	if m == nil {
		return map[string]V{}
	}
	return m
}

const draftColumns = `id, created_at, channel, service, audience, api_key_id, question, prompt_version, model,
	extractive, reliable, sources, draft, warnings, redaction_counts, timings, prompt_tokens, completion_tokens,
	attention_level, attention_reasons`

func scanDraft(row pgx.Row) (Draft, error) {
	var d Draft
	err := row.Scan(&d.ID, &d.CreatedAt, &d.Channel, &d.Service, &d.Audience, &d.APIKeyID, &d.Question.s,
		&d.PromptVersion, &d.Model, &d.Extractive, &d.Reliable, &d.Sources, &d.Draft, &d.Warnings,
		&d.RedactionCounts, &d.Timings, &d.PromptTokens, &d.CompletionTokens, &d.AttentionLevel, &d.AttentionReasons)
	return d, err
}

// draftByIDSQL selects the draft of id ($1), within its month when the id
// gives its day.
func draftByIDSQL(id string) string {
	return "SELECT " + draftColumns + " FROM drafts WHERE id = $1" + draftMonthRange("created_at", id)
}

// GetDraft returns the draft with the given id, reading only its month's
// partition when the id gives its day.
func (s *Store) GetDraft(ctx context.Context, id string) (Draft, error) {
	d, err := scanDraft(s.pool.QueryRow(ctx, draftByIDSQL(id), id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Draft{}, fmt.Errorf("draft %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Draft{}, fmt.Errorf("get draft %s: %w", id, err)
	}
	return d, nil
}

// SaveFeedback stores an agent's feedback on an existing draft. A draft has
// one feedback: a second one replaces the first (Replaced is set), keeping
// its id, and takes the time it was given; of several at once, exactly one
// is new, the others replace it in turn.
func (s *Store) SaveFeedback(ctx context.Context, f *Feedback) error {
	if !f.Outcome.Valid() {
		return fmt.Errorf("save feedback: outcome %q: %w", f.Outcome, ErrInvalid)
	}
	if f.Rating != nil && (*f.Rating < 1 || *f.Rating > 5) {
		return fmt.Errorf("save feedback: rating %d is not between 1 and 5: %w", *f.Rating, ErrInvalid)
	}
	// The feedback takes its draft's month: its partition goes with the
	// draft's (see migrations/0016_drafts_by_month.sql).
	// Replaced is read in the statement's snapshot (a partitioned table has
	// no xmax to tell): the feedbacks of one draft take a lock first, so
	// that each statement's snapshot sees the one committed before it.
	// f stays as given until the commit: a second attempt (Transact)
	// saves it again, not the final text the first one read back.
	var saved Feedback
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended('plume.feedback.' || current_schema() || $1, 0))`,
			f.DraftID); err != nil {
			return fmt.Errorf("save feedback: lock draft %s: %w", f.DraftID, err)
		}
		saved = *f
		return saveFeedback(ctx, tx, &saved)
	})
	if err != nil {
		return err
	}
	*f = saved
	return nil
}

// saveFeedback writes f, its lock taken.
func saveFeedback(ctx context.Context, tx pgx.Tx, f *Feedback) error {
	err := tx.QueryRow(ctx, `WITH prior AS (SELECT 1 FROM feedback WHERE draft_id = $1`+
		draftMonthRange("draft_created_at", f.DraftID)+`)
		INSERT INTO feedback (draft_id, draft_created_at, final_text, outcome, rating, tags, edit_distance)
		SELECT id, created_at, CASE WHEN $7 THEN draft ELSE $2 END, $3, $4, $5, $6 FROM drafts WHERE id = $1`+
		draftMonthRange("created_at", f.DraftID)+`
		ON CONFLICT (draft_id, draft_created_at) DO UPDATE SET created_at = now(), final_text = excluded.final_text,
			outcome = excluded.outcome, rating = excluded.rating, tags = excluded.tags, edit_distance = excluded.edit_distance
		RETURNING id, created_at, final_text, EXISTS (SELECT FROM prior)`,
		f.DraftID, f.FinalText.s, f.Outcome, f.Rating, texts(f.Tags), f.EditDistance, f.SentAsDrafted).
		Scan(&f.ID, &f.CreatedAt, &f.FinalText.s, &f.Replaced)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("save feedback: draft %s: %w", f.DraftID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("save feedback: %w", err)
	}
	return nil
}

// DraftFilter selects drafts for their authors' list of recent drafts.
type DraftFilter struct {
	// APIKeyID keeps the drafts asked for with one key, when set.
	APIKeyID *int64
	// Service keeps the drafts of one service when ServiceSet.
	Service    string
	ServiceSet bool
	// Limit bounds the page (default 20, at most 100); Offset skips rows.
	Limit  int
	Offset int
	// AttentionLevel keeps the drafts of one triage level when set.
	AttentionLevel string
}

// DraftSummary is a draft as a list shows it: no question, and only the
// start of the stored (redacted) text.
type DraftSummary struct {
	ID         string
	CreatedAt  time.Time
	Channel    string
	Service    string
	APIKeyID   *int64
	Extractive bool
	Reliable   bool
	Warnings   []string
	// AttentionLevel is the triage level of the message.
	AttentionLevel string
	// Excerpt is the start of the stored draft, whitespace collapsed, at
	// most ExcerptRunes characters followed by "…" when cut.
	Excerpt string
}

// DraftPage is one page of drafts and the total that match.
type DraftPage struct {
	Drafts []DraftSummary
	Total  int64
}

// ExcerptRunes is the length of a draft's excerpt, in characters.
const ExcerptRunes = 120

// ListDrafts returns the drafts f selects, newest first.
func (s *Store) ListDrafts(ctx context.Context, f DraftFilter) (DraftPage, error) {
	if f.Limit <= 0 {
		f.Limit = 20
	}
	if f.Limit > 100 || f.Offset < 0 {
		return DraftPage{}, fmt.Errorf("list drafts: limit at most 100, offset not negative: %w", ErrInvalid)
	}
	where := "($1::bigint IS NULL OR api_key_id = $1) AND ($2 = false OR service = $3) AND ($4 = '' OR attention_level = $4)"
	args := []any{f.APIKeyID, f.ServiceSet, f.Service, f.AttentionLevel}
	var page DraftPage
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM drafts WHERE "+where, args...).Scan(&page.Total); err != nil {
		return DraftPage{}, fmt.Errorf("count drafts: %w", err)
	}
	// A few more characters than the excerpt keeps, so that collapsing
	// whitespace still leaves enough and a cut can be told from an end.
	rows, err := s.pool.Query(ctx, `SELECT id, created_at, channel, service, api_key_id, extractive, reliable, warnings,
			attention_level, left(draft, $5), char_length(draft) > $5
		FROM drafts WHERE `+where+` ORDER BY created_at DESC, id DESC LIMIT $6 OFFSET $7`,
		append(args, 4*ExcerptRunes, f.Limit, f.Offset)...)
	if err != nil {
		return DraftPage{}, fmt.Errorf("list drafts: %w", err)
	}
	page.Drafts, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (DraftSummary, error) {
		var d DraftSummary
		var text string
		var cut bool
		err := r.Scan(&d.ID, &d.CreatedAt, &d.Channel, &d.Service, &d.APIKeyID, &d.Extractive, &d.Reliable, &d.Warnings,
			&d.AttentionLevel, &text, &cut)
		d.Excerpt = excerpt(text, ExcerptRunes, cut)
		return d, err
	})
	if err != nil {
		return DraftPage{}, fmt.Errorf("list drafts: %w", err)
	}
	return page, nil
}

// excerpt collapses the whitespace of text and cuts it to n characters,
// marking a cut with "…"; cut says text was already cut.
func excerpt(text string, n int, cut bool) string {
	text = strings.Join(strings.Fields(text), " ")
	r := []rune(text)
	if len(r) <= n {
		if cut {
			return text + "…"
		}
		return text
	}
	return strings.TrimRight(string(r[:n]), " ") + "…"
}

package store

import (
	"context"
	"crypto/rand"
	"encoding/base32"
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
	Question         string
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
	ID           int64
	DraftID      string
	CreatedAt    time.Time
	FinalText    string
	Outcome      Outcome
	Rating       *int
	Tags         []string
	EditDistance float64
}

// newDraftID returns a random, unguessable draft id.
func newDraftID() (string, error) {
	var b [15]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("draft id: %w", err)
	}
	return "d_" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])), nil
}

// SaveDraft stores a new draft, setting its id and creation time.
func (s *Store) SaveDraft(ctx context.Context, d *Draft) error {
	if d.Channel == "" || d.Question == "" {
		return fmt.Errorf("save draft: channel and question are required: %w", ErrInvalid)
	}
	id, err := newDraftID()
	if err != nil {
		return err
	}
	sources := d.Sources
	if len(sources) == 0 {
		sources = json.RawMessage("[]")
	}
	err = s.pool.QueryRow(ctx, `INSERT INTO drafts (id, channel, service, audience, api_key_id, question,
			prompt_version, model, extractive, reliable, sources, draft, warnings, redaction_counts, timings,
			prompt_tokens, completion_tokens)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		RETURNING created_at`,
		id, d.Channel, d.Service, nonNil(d.Audience), d.APIKeyID, d.Question, d.PromptVersion, d.Model,
		d.Extractive, d.Reliable, sources, d.Draft, nonNil(d.Warnings), nonNilMap(d.RedactionCounts),
		nonNilMap(d.Timings), d.PromptTokens, d.CompletionTokens).Scan(&d.CreatedAt)
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	d.ID = id
	return nil
}

func nonNilMap[V any](m map[string]V) map[string]V {
	if m == nil {
		return map[string]V{}
	}
	return m
}

const draftColumns = `id, created_at, channel, service, audience, api_key_id, question, prompt_version, model,
	extractive, reliable, sources, draft, warnings, redaction_counts, timings, prompt_tokens, completion_tokens`

func scanDraft(row pgx.Row) (Draft, error) {
	var d Draft
	err := row.Scan(&d.ID, &d.CreatedAt, &d.Channel, &d.Service, &d.Audience, &d.APIKeyID, &d.Question,
		&d.PromptVersion, &d.Model, &d.Extractive, &d.Reliable, &d.Sources, &d.Draft, &d.Warnings,
		&d.RedactionCounts, &d.Timings, &d.PromptTokens, &d.CompletionTokens)
	return d, err
}

// GetDraft returns the draft with the given id.
func (s *Store) GetDraft(ctx context.Context, id string) (Draft, error) {
	d, err := scanDraft(s.pool.QueryRow(ctx, "SELECT "+draftColumns+" FROM drafts WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Draft{}, fmt.Errorf("draft %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return Draft{}, fmt.Errorf("get draft %s: %w", id, err)
	}
	return d, nil
}

// SaveFeedback stores an agent's feedback on an existing draft.
func (s *Store) SaveFeedback(ctx context.Context, f *Feedback) error {
	if !f.Outcome.Valid() {
		return fmt.Errorf("save feedback: outcome %q: %w", f.Outcome, ErrInvalid)
	}
	if f.Rating != nil && (*f.Rating < 1 || *f.Rating > 5) {
		return fmt.Errorf("save feedback: rating %d is not between 1 and 5: %w", *f.Rating, ErrInvalid)
	}
	err := s.pool.QueryRow(ctx, `INSERT INTO feedback (draft_id, final_text, outcome, rating, tags, edit_distance)
		SELECT id, $2, $3, $4, $5, $6 FROM drafts WHERE id = $1
		RETURNING id, created_at`,
		f.DraftID, f.FinalText, f.Outcome, f.Rating, nonNil(f.Tags), f.EditDistance).Scan(&f.ID, &f.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("save feedback: draft %s: %w", f.DraftID, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("save feedback: %w", err)
	}
	return nil
}

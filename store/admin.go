package store

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// DocumentFilter selects documents for curation. Empty fields select all.
type DocumentFilter struct {
	Source string
	// Service keeps the documents of one service ("" with ServiceSet for
	// the shared documents).
	Service    string
	ServiceSet bool
	Status     Status
	// Title keeps documents whose title contains it, case-insensitively.
	Title string
	// StaleBefore, when set, keeps the documents last updated before it:
	// their updated_at, or their modified_at when updated_at is unknown.
	StaleBefore time.Time
	// Limit bounds the page (default 50, at most 500); Offset skips rows.
	Limit  int
	Offset int
}

// DocumentPage is one page of documents and the total that match.
type DocumentPage struct {
	Documents []Document
	Total     int64
}

// ListDocuments returns the documents that match f, newest changes first.
func (s *Store) ListDocuments(ctx context.Context, f DocumentFilter) (DocumentPage, error) {
	var err error
	if f.Limit, err = pageLimit(f.Limit, f.Offset); err != nil {
		return DocumentPage{}, fmt.Errorf("list documents: %w", err)
	}
	if f.Status != "" && !f.Status.Valid() {
		return DocumentPage{}, fmt.Errorf("list documents: status %q: %w", f.Status, ErrInvalid)
	}
	var conds []string
	var args []any
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "$?", "$"+strconv.Itoa(len(args))))
	}
	if f.Source != "" {
		add("source = $?", f.Source)
	}
	if f.Service != "" || f.ServiceSet {
		add("service = $?", f.Service)
	}
	if f.Status != "" {
		add("status = $?", string(f.Status))
	}
	if f.Title != "" {
		add("lower(title) LIKE $?", "%"+escapeLike(strings.ToLower(f.Title))+"%")
	}
	if !f.StaleBefore.IsZero() {
		add("coalesce(updated_at, modified_at) < $?", f.StaleBefore)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	var page DocumentPage
	if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM documents"+where, args...).Scan(&page.Total); err != nil {
		return DocumentPage{}, fmt.Errorf("count documents: %w", err)
	}
	args = append(args, f.Limit, f.Offset)
	rows, err := s.pool.Query(ctx, "SELECT "+documentColumns+" FROM documents"+where+
		fmt.Sprintf(" ORDER BY modified_at DESC, id DESC LIMIT $%d OFFSET $%d", len(args)-1, len(args)), args...)
	if err != nil {
		return DocumentPage{}, fmt.Errorf("list documents: %w", err)
	}
	page.Documents, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Document, error) { return scanDocument(r) })
	if err != nil {
		return DocumentPage{}, fmt.Errorf("list documents: %w", err)
	}
	return page, nil
}

// escapeLike escapes the wildcards of a LIKE pattern.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
}

// DocumentByKey returns the document with the given source and external id.
func (s *Store) DocumentByKey(ctx context.Context, key DocKey) (Document, error) {
	d, err := scanDocument(s.pool.QueryRow(ctx, "SELECT "+documentColumns+
		" FROM documents WHERE source = $1 AND external_id = $2", key.Source, key.ExternalID))
	if errors.Is(err, pgx.ErrNoRows) {
		return Document{}, fmt.Errorf("document %s/%s: %w", key.Source, key.ExternalID, ErrNotFound)
	}
	if err != nil {
		return Document{}, fmt.Errorf("get document %s/%s: %w", key.Source, key.ExternalID, err)
	}
	return d, nil
}

// SetDocumentStatus changes a document's status and returns the document.
func (s *Store) SetDocumentStatus(ctx context.Context, id int64, status Status) (Document, error) {
	if !status.Valid() {
		return Document{}, fmt.Errorf("set document status: %q: %w", status, ErrInvalid)
	}
	var d Document
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		var err error
		d, err = scanDocument(tx.QueryRow(ctx, "UPDATE documents SET status = $2, modified_at = now() WHERE id = $1 RETURNING "+
			documentColumns, id, status))
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("document %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("set status of document %d: %w", id, err)
		}
		return flagAnswersOfDocument(ctx, tx, id)
	})
	if err != nil {
		return Document{}, err
	}
	return d, nil
}

// StatsFilter selects the drafts statistics are computed over.
type StatsFilter struct {
	// Since and Until bound the drafts' creation time (Until excluded).
	Since, Until time.Time
	// Service keeps the drafts of one service when ServiceSet.
	Service    string
	ServiceSet bool
	// Gaps bounds the list of unanswered questions (default 20).
	Gaps int
}

// DayCount is the number of drafts of one channel on one day (UTC).
type DayCount struct {
	Day     string `json:"day"`
	Channel string `json:"channel"`
	Drafts  int64  `json:"drafts"`
}

// FeedbackStats sums up the feedback agents gave.
type FeedbackStats struct {
	Count            int64            `json:"count"`
	Accepted         int64            `json:"accepted"`
	Edited           int64            `json:"edited"`
	Rejected         int64            `json:"rejected"`
	AcceptanceRate   float64          `json:"acceptance_rate"`
	EditRate         float64          `json:"edit_rate"`
	RejectRate       float64          `json:"reject_rate"`
	MeanEditDistance float64          `json:"mean_edit_distance"`
	MeanRating       *float64         `json:"mean_rating"`
	Ratings          map[string]int64 `json:"ratings"`
	Tags             map[string]int64 `json:"tags"`
}

// FeedbackDay sums up the feedback given on one day (UTC, the day of the
// feedback, not of the draft).
type FeedbackDay struct {
	Day              string   `json:"day"`
	Accepted         int64    `json:"accepted"`
	Edited           int64    `json:"edited"`
	Rejected         int64    `json:"rejected"`
	MeanRating       *float64 `json:"mean_rating"`
	MeanEditDistance float64  `json:"mean_edit_distance"`
}

// Gap is a question for which no reliable source was found: a hole in the
// knowledge base. The question is the redacted one.
type Gap struct {
	Question string    `json:"question"`
	Count    int64     `json:"count"`
	Last     time.Time `json:"last"`
}

// Stats is what administrators follow.
type Stats struct {
	Drafts       int64         `json:"drafts"`
	Extractive   int64         `json:"extractive"`
	NoReliable   int64         `json:"no_reliable_source"`
	DraftsPerDay []DayCount    `json:"drafts_per_day"`
	Feedback     FeedbackStats `json:"feedback"`
	// FeedbackPerDay is the feedback on the selected drafts by the day it
	// was given, oldest first; days without feedback are left out.
	FeedbackPerDay []FeedbackDay `json:"feedback_per_day"`
	Gaps           []Gap         `json:"gaps"`
	// AttentionPerDay counts the drafts of each triage level per day (UTC),
	// oldest first; days and levels without drafts are left out.
	AttentionPerDay []LevelCount `json:"attention_per_day"`
}

// LevelCount is the number of drafts of one triage level on one day (UTC).
type LevelCount struct {
	Day    string `json:"day"`
	Level  string `json:"level"`
	Drafts int64  `json:"drafts"`
}

// Stats computes the statistics of the drafts f selects.
func (s *Store) Stats(ctx context.Context, f StatsFilter) (Stats, error) {
	if f.Gaps <= 0 {
		f.Gaps = 20
	}
	if f.Until.IsZero() {
		f.Until = time.Now().Add(time.Minute)
	}
	where := "d.created_at >= $1 AND d.created_at < $2 AND ($3 = false OR d.service = $4)"
	args := []any{f.Since, f.Until, f.ServiceSet, f.Service}
	out := Stats{DraftsPerDay: []DayCount{}, Gaps: []Gap{}, FeedbackPerDay: []FeedbackDay{}, AttentionPerDay: []LevelCount{},
		Feedback: FeedbackStats{Ratings: map[string]int64{}, Tags: map[string]int64{}}}

	err := s.pool.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE extractive), count(*) FILTER (WHERE NOT reliable)
		FROM drafts d WHERE `+where, args...).Scan(&out.Drafts, &out.Extractive, &out.NoReliable)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: count drafts: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT to_char(date_trunc('day', d.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
			d.channel, count(*)
		FROM drafts d WHERE `+where+` GROUP BY day, d.channel ORDER BY day, d.channel`, args...)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: drafts per day: %w", err)
	}
	out.DraftsPerDay, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (DayCount, error) {
		var c DayCount
		err := r.Scan(&c.Day, &c.Channel, &c.Drafts)
		return c, err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: drafts per day: %w", err)
	}

	if out.AttentionPerDay, err = s.attentionPerDay(ctx, where, args); err != nil {
		return Stats{}, err
	}

	fb := &out.Feedback
	var meanRating *float64
	err = s.pool.QueryRow(ctx, `SELECT count(*),
			count(*) FILTER (WHERE f.outcome = 'accepted'), count(*) FILTER (WHERE f.outcome = 'edited'),
			count(*) FILTER (WHERE f.outcome = 'rejected'), coalesce(avg(f.edit_distance), 0), avg(f.rating)::float8
		FROM feedback f JOIN drafts d ON d.id = f.draft_id WHERE `+where, args...).
		Scan(&fb.Count, &fb.Accepted, &fb.Edited, &fb.Rejected, &fb.MeanEditDistance, &meanRating)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: feedback: %w", err)
	}
	fb.MeanRating = meanRating
	if fb.Count > 0 {
		n := float64(fb.Count)
		fb.AcceptanceRate, fb.EditRate, fb.RejectRate = float64(fb.Accepted)/n, float64(fb.Edited)/n, float64(fb.Rejected)/n
	}
	rows, err = s.pool.Query(ctx, `SELECT to_char(date_trunc('day', f.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
			count(*) FILTER (WHERE f.outcome = 'accepted'), count(*) FILTER (WHERE f.outcome = 'edited'),
			count(*) FILTER (WHERE f.outcome = 'rejected'), avg(f.rating)::float8, avg(f.edit_distance)
		FROM feedback f JOIN drafts d ON d.id = f.draft_id WHERE `+where+` GROUP BY day ORDER BY day`, args...)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: feedback per day: %w", err)
	}
	out.FeedbackPerDay, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (FeedbackDay, error) {
		var d FeedbackDay
		err := r.Scan(&d.Day, &d.Accepted, &d.Edited, &d.Rejected, &d.MeanRating, &d.MeanEditDistance)
		return d, err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: feedback per day: %w", err)
	}
	if err := s.countInto(ctx, fb.Ratings, `SELECT f.rating::text, count(*) FROM feedback f JOIN drafts d ON d.id = f.draft_id
		WHERE f.rating IS NOT NULL AND `+where+` GROUP BY f.rating`, args); err != nil {
		return Stats{}, fmt.Errorf("stats: ratings: %w", err)
	}
	if err := s.countInto(ctx, fb.Tags, `SELECT t, count(*) FROM feedback f JOIN drafts d ON d.id = f.draft_id,
		unnest(f.tags) AS t WHERE `+where+` GROUP BY t`, args); err != nil {
		return Stats{}, fmt.Errorf("stats: tags: %w", err)
	}

	rows, err = s.pool.Query(ctx, `SELECT d.question, count(*), max(d.created_at) FROM drafts d
		WHERE NOT d.reliable AND `+where+` GROUP BY d.question ORDER BY count(*) DESC, max(d.created_at) DESC LIMIT $5`,
		append(args, f.Gaps)...)
	if err != nil {
		return Stats{}, fmt.Errorf("stats: gaps: %w", err)
	}
	out.Gaps, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (Gap, error) {
		var g Gap
		err := r.Scan(&g.Question, &g.Count, &g.Last)
		return g, err
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: gaps: %w", err)
	}
	return out, nil
}

func (s *Store) countInto(ctx context.Context, m map[string]int64, sql string, args []any) error {
	rows, err := s.pool.Query(ctx, sql, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k string
		var n int64
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		m[k] = n
	}
	return rows.Err()
}

// attentionPerDay counts the selected drafts per day and triage level.
func (s *Store) attentionPerDay(ctx context.Context, where string, args []any) ([]LevelCount, error) {
	rows, err := s.pool.Query(ctx, `SELECT to_char(date_trunc('day', d.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
			d.attention_level, count(*)
		FROM drafts d WHERE `+where+` GROUP BY day, d.attention_level ORDER BY day, d.attention_level`, args...)
	if err != nil {
		return nil, fmt.Errorf("stats: attention per day: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (LevelCount, error) {
		var c LevelCount
		err := r.Scan(&c.Day, &c.Level, &c.Drafts)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("stats: attention per day: %w", err)
	}
	return out, nil
}

// pageLimit checks a listing's page: limit 0 gives the default of 50, at
// most 500; the offset is not negative.
func pageLimit(limit, offset int) (int, error) {
	if limit <= 0 {
		limit = 50
	}
	if limit > 500 || offset < 0 {
		return 0, fmt.Errorf("limit at most 500, offset not negative: %w", ErrInvalid)
	}
	return limit, nil
}

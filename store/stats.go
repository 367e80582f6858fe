package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

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

// Stats computes the statistics of the drafts f selects. Its figures are
// read in one round trip and from one snapshot, in a read-only transaction:
// drafts and feedback saved meanwhile are in all of them or in none.
func (s *Store) Stats(ctx context.Context, f StatsFilter) (Stats, error) {
	if f.Gaps <= 0 {
		f.Gaps = 20
	}
	if f.Until.IsZero() {
		f.Until = time.Now().Add(time.Minute)
	}
	sel := draftSelection{
		where: "d.created_at >= $1 AND d.created_at < $2 AND ($3 = false OR d.service = $4)",
		args:  []any{f.Since, f.Until, f.ServiceSet, f.Service},
	}
	var out Stats
	// Each attempt reads into fresh maps: one run again after a
	// serialization failure keeps nothing of the aborted one (Transact).
	err := s.readSnapshot(ctx, func(tx pgx.Tx) error {
		out = Stats{Feedback: FeedbackStats{Ratings: map[string]int64{}, Tags: map[string]int64{}}}
		return tx.SendBatch(ctx, sel.queueAll(&out, f.Gaps)).Close()
	})
	if err != nil {
		return Stats{}, fmt.Errorf("stats: %w", err)
	}
	if fb := &out.Feedback; fb.Count > 0 {
		n := float64(fb.Count)
		fb.AcceptanceRate, fb.EditRate, fb.RejectRate = float64(fb.Accepted)/n, float64(fb.Edited)/n, float64(fb.Rejected)/n
	}
	return out, nil
}

// queueAll queues every figure of the statistics, read into out (gaps
// questions without a reliable source at most).
func (sel draftSelection) queueAll(out *Stats, gaps int) *pgx.Batch {
	batch := &pgx.Batch{}
	sel.queueCounts(batch, out)
	sel.queueDraftsPerDay(batch, &out.DraftsPerDay)
	sel.queueAttentionPerDay(batch, &out.AttentionPerDay)
	sel.queueFeedback(batch, &out.Feedback)
	sel.queueFeedbackPerDay(batch, &out.FeedbackPerDay)
	sel.queueGaps(batch, gaps, &out.Gaps)
	return batch
}

// draftSelection is the condition on drafts (alias d) of a StatsFilter,
// with its arguments.
type draftSelection struct {
	where string
	args  []any
}

// queueCounts counts the selected drafts, the extractive ones and those
// without a reliable source.
func (sel draftSelection) queueCounts(batch *pgx.Batch, out *Stats) {
	batch.Queue(`SELECT count(*), count(*) FILTER (WHERE extractive), count(*) FILTER (WHERE NOT reliable)
		FROM drafts d WHERE `+sel.where, sel.args...).QueryRow(func(row pgx.Row) error {
		if err := row.Scan(&out.Drafts, &out.Extractive, &out.NoReliable); err != nil {
			return fmt.Errorf("count drafts: %w", err)
		}
		return nil
	})
}

// queueDraftsPerDay counts the selected drafts per day and channel.
func (sel draftSelection) queueDraftsPerDay(batch *pgx.Batch, out *[]DayCount) {
	queueRows(batch, "drafts per day", out, func(r pgx.CollectableRow) (c DayCount, err error) {
		return c, r.Scan(&c.Day, &c.Channel, &c.Drafts)
	}, `SELECT to_char(date_trunc('day', d.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, d.channel, count(*)
		FROM drafts d WHERE `+sel.where+` GROUP BY day, d.channel ORDER BY day, d.channel`, sel.args...)
}

// queueAttentionPerDay counts the selected drafts per day and triage level.
func (sel draftSelection) queueAttentionPerDay(batch *pgx.Batch, out *[]LevelCount) {
	queueRows(batch, "attention per day", out, func(r pgx.CollectableRow) (c LevelCount, err error) {
		return c, r.Scan(&c.Day, &c.Level, &c.Drafts)
	}, `SELECT to_char(date_trunc('day', d.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, d.attention_level, count(*)
		FROM drafts d WHERE `+sel.where+` GROUP BY day, d.attention_level ORDER BY day, d.attention_level`, sel.args...)
}

// queueFeedback sums up the feedback on the selected drafts: outcomes,
// means, ratings and tags.
func (sel draftSelection) queueFeedback(batch *pgx.Batch, fb *FeedbackStats) {
	batch.Queue(`SELECT count(*),
			count(*) FILTER (WHERE f.outcome = 'accepted'), count(*) FILTER (WHERE f.outcome = 'edited'),
			count(*) FILTER (WHERE f.outcome = 'rejected'), coalesce(avg(f.edit_distance), 0), avg(f.rating)::float8
		FROM feedback f JOIN drafts d ON d.id = f.draft_id WHERE `+sel.where, sel.args...).QueryRow(func(row pgx.Row) error {
		err := row.Scan(&fb.Count, &fb.Accepted, &fb.Edited, &fb.Rejected, &fb.MeanEditDistance, &fb.MeanRating)
		if err != nil {
			return fmt.Errorf("feedback: %w", err)
		}
		return nil
	})
	queueCounts(batch, "ratings", fb.Ratings, `SELECT f.rating::text, count(*) FROM feedback f JOIN drafts d ON d.id = f.draft_id
		WHERE f.rating IS NOT NULL AND `+sel.where+` GROUP BY f.rating`, sel.args...)
	queueCounts(batch, "tags", fb.Tags, `SELECT t, count(*) FROM feedback f JOIN drafts d ON d.id = f.draft_id,
		unnest(f.tags) AS t WHERE `+sel.where+` GROUP BY t`, sel.args...)
}

// queueFeedbackPerDay sums up the feedback on the selected drafts per day
// it was given.
func (sel draftSelection) queueFeedbackPerDay(batch *pgx.Batch, out *[]FeedbackDay) {
	queueRows(batch, "feedback per day", out, func(r pgx.CollectableRow) (d FeedbackDay, err error) {
		return d, r.Scan(&d.Day, &d.Accepted, &d.Edited, &d.Rejected, &d.MeanRating, &d.MeanEditDistance)
	}, `SELECT to_char(date_trunc('day', f.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
			count(*) FILTER (WHERE f.outcome = 'accepted'), count(*) FILTER (WHERE f.outcome = 'edited'),
			count(*) FILTER (WHERE f.outcome = 'rejected'), avg(f.rating)::float8, avg(f.edit_distance)
		FROM feedback f JOIN drafts d ON d.id = f.draft_id WHERE `+sel.where+` GROUP BY day ORDER BY day`, sel.args...)
}

// queueGaps lists the n questions most often left without a reliable
// source.
func (sel draftSelection) queueGaps(batch *pgx.Batch, n int, out *[]Gap) {
	queueRows(batch, "gaps", out, func(r pgx.CollectableRow) (g Gap, err error) {
		return g, r.Scan(&g.Question, &g.Count, &g.Last)
	}, `SELECT d.question, count(*), max(d.created_at) FROM drafts d
		WHERE NOT d.reliable AND `+sel.where+` GROUP BY d.question ORDER BY count(*) DESC, max(d.created_at) DESC LIMIT $5`,
		append(sel.args[:len(sel.args):len(sel.args)], n)...)
}

// queueRows queues sql in batch and sets *out to its rows read by scan (an
// empty slice, not nil, when there are none).
func queueRows[T any](batch *pgx.Batch, what string, out *[]T, scan pgx.RowToFunc[T], sql string, args ...any) {
	batch.Queue(sql, args...).Query(func(rows pgx.Rows) (err error) {
		if *out, err = pgx.CollectRows(rows, scan); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	})
}

// queueCounts queues sql, which returns a key and a count per row, in batch
// and puts its rows in m.
func queueCounts(batch *pgx.Batch, what string, m map[string]int64, sql string, args ...any) {
	batch.Queue(sql, args...).Query(func(rows pgx.Rows) error {
		for rows.Next() {
			var k string
			var n int64
			if err := rows.Scan(&k, &n); err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			m[k] = n
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	})
}

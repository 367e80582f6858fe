package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Drafts and feedback are partitioned by month (UTC) of the draft's
// creation; migrations/0016_drafts_by_month.sql says why and how. A row
// whose month has no partition lands in the default partition.

// EnsurePartitions creates the monthly partitions of drafts and feedback for
// the month of now and the next one, unless they exist, and returns how many
// months it added. The jobs leader calls it daily, and Migrate at every
// start, so that the default partition stays empty.
func (s *Store) EnsurePartitions(ctx context.Context, now time.Time) (int, error) {
	added := 0
	for _, t := range []time.Time{now, monthAfter(now)} {
		var created bool
		if err := s.pool.QueryRow(ctx, "SELECT add_draft_month($1)", t).Scan(&created); err != nil {
			return added, fmt.Errorf("add the partitions of %s: %w", t.UTC().Format("2006-01"), err)
		}
		if created {
			added++
		}
	}
	return added, nil
}

// monthAfter returns the first instant of the month (UTC) after t's.
func monthAfter(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
}

// monthPartition is a monthly partition of drafts or feedback.
type monthPartition struct {
	// name is the partition's name, quoted for SQL.
	name string
	// parent is "drafts" or "feedback".
	parent string
	// end is the first instant past the partition's range.
	end time.Time
}

// partitionsEndingBy lists the monthly partitions of feedback, then of
// drafts, whose whole range is before cutoff: those the purge drops.
func partitionsEndingBy(ctx context.Context, tx pgx.Tx, cutoff time.Time) ([]monthPartition, error) {
	rows, err := tx.Query(ctx, `SELECT p.name, p.parent, p.upper FROM (
			SELECT c.oid::regclass::text AS name,
				CASE WHEN i.inhparent = 'drafts'::regclass THEN 'drafts' ELSE 'feedback' END AS parent,
				(regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \(''([^'']+)''\)'))[1]::timestamptz AS upper
			FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
			WHERE i.inhparent IN ('feedback'::regclass, 'drafts'::regclass)) p
		WHERE p.upper <= $1
		ORDER BY p.parent = 'drafts', p.upper`, cutoff)
	if err != nil {
		return nil, fmt.Errorf("list partitions: %w", err)
	}
	parts, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (monthPartition, error) {
		var p monthPartition
		return p, r.Scan(&p.name, &p.parent, &p.end)
	})
	if err != nil {
		return nil, fmt.Errorf("list partitions: %w", err)
	}
	return parts, nil
}

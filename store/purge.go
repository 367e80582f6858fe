package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// PurgeReport counts what Purge deleted.
type PurgeReport struct {
	Drafts   int64
	Feedback int64
	// Months counts the monthly partitions of drafts dropped whole (their
	// rows are counted in Drafts).
	Months int
}

// purgeLockTimeout bounds how long the purge waits to lock drafts and
// feedback before dropping months: while it waits, every query on them
// queues behind it. It gives up and tries again at the next purge.
const purgeLockTimeout = "5s"

// Purge deletes the drafts made before cutoff with all their feedback, and
// any feedback given before cutoff: the retention period of what agents
// asked and wrote. The months wholly before cutoff are dropped, partitions
// of drafts and feedback together; rows are deleted only in the month of
// cutoff and in the default partitions. The validated answers written from
// a purged draft keep no reference to it. On error, the report counts what
// was purged before.
//
// Three transactions: the first detaches the months under a lock of both
// tables, which stops every draft meanwhile but only for changes to the
// catalog; the second drops the tables detached (removing their files takes
// a while, and stops nobody) and any an earlier purge left; the third
// deletes rows.
func (s *Store) Purge(ctx context.Context, cutoff time.Time) (PurgeReport, error) {
	var rep PurgeReport
	for _, step := range []func(pgx.Tx, *PurgeReport) error{
		func(tx pgx.Tx, r *PurgeReport) error { return detachMonths(ctx, tx, cutoff, r) },
		func(tx pgx.Tx, _ *PurgeReport) error { return dropDetachedMonths(ctx, tx) },
		func(tx pgx.Tx, r *PurgeReport) error { return deleteBefore(ctx, tx, cutoff, r) },
	} {
		var done PurgeReport
		if err := s.Transact(ctx, func(tx pgx.Tx) error { done = PurgeReport{}; return step(tx, &done) }); err != nil {
			return rep, err
		}
		rep.Drafts, rep.Feedback, rep.Months = rep.Drafts+done.Drafts, rep.Feedback+done.Feedback, rep.Months+done.Months
	}
	return rep, nil
}

// detachMonths unlinks the answers from the drafts made before cutoff, then
// counts and detaches the partitions wholly before cutoff, feedback's first.
func detachMonths(ctx context.Context, tx pgx.Tx, cutoff time.Time, rep *PurgeReport) error {
	if _, err := tx.Exec(ctx, "SELECT lock_draft_partitions()"); err != nil {
		return fmt.Errorf("purge: lock partitions: %w", err)
	}
	if _, err := tx.Exec(ctx, `UPDATE answers a SET draft_id = NULL WHERE a.draft_id IS NOT NULL
		AND EXISTS (SELECT 1 FROM drafts d WHERE d.id = a.draft_id AND d.created_at < $1)`, cutoff); err != nil {
		return fmt.Errorf("purge: answers' drafts: %w", err)
	}
	parts, err := partitionsEndingBy(ctx, tx, cutoff)
	if err != nil || len(parts) == 0 {
		return err
	}
	// Counted before the lock: nothing is written to a past month.
	for _, p := range parts {
		var n int64
		if err := tx.QueryRow(ctx, "SELECT count(*) FROM "+p.name).Scan(&n); err != nil {
			return fmt.Errorf("purge: count %s: %w", p.name, err)
		}
		if p.parent == "drafts" {
			rep.Drafts += n
			rep.Months++
		} else {
			rep.Feedback += n
		}
	}
	// Both tables at once, drafts first as a feedback's insert reads them.
	if _, err := tx.Exec(ctx, "SET LOCAL lock_timeout = '"+purgeLockTimeout+"'"); err != nil {
		return fmt.Errorf("purge: %w", err)
	}
	if _, err := tx.Exec(ctx, "LOCK TABLE drafts, feedback IN ACCESS EXCLUSIVE MODE"); err != nil {
		return fmt.Errorf("purge: lock drafts and feedback: %w", err)
	}
	for _, p := range parts {
		if _, err := tx.Exec(ctx, "ALTER TABLE "+p.parent+" DETACH PARTITION "+p.name); err != nil {
			return fmt.Errorf("purge: detach %s: %w", p.name, err)
		}
	}
	return nil
}

// dropDetachedMonths drops the monthly tables of drafts and feedback that
// are no longer partitions: those detachMonths detached.
func dropDetachedMonths(ctx context.Context, tx pgx.Tx) error {
	if _, err := tx.Exec(ctx, "SELECT lock_draft_partitions()"); err != nil {
		return fmt.Errorf("purge: lock partitions: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT c.oid::regclass::text FROM pg_class c
		WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND NOT c.relispartition
			AND c.relname ~ '^(drafts|feedback)_[0-9]{4}_[0-9]{2}$'`)
	if err != nil {
		return fmt.Errorf("purge: list detached months: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("purge: list detached months: %w", err)
	}
	for _, name := range names {
		if _, err := tx.Exec(ctx, "DROP TABLE "+name); err != nil {
			return fmt.Errorf("purge: drop %s: %w", name, err)
		}
	}
	return nil
}

// deleteBefore deletes the rows left before cutoff: in the month of cutoff
// and in the default partitions. Partition pruning keeps each statement to
// those, but for feedback given before cutoff on a newer draft, which an
// index finds.
func deleteBefore(ctx context.Context, tx pgx.Tx, cutoff time.Time, rep *PurgeReport) error {
	for _, q := range []struct {
		sql   string
		count *int64
	}{
		{"DELETE FROM feedback WHERE draft_created_at < $1", &rep.Feedback},
		{"DELETE FROM feedback WHERE created_at < $1", &rep.Feedback},
		{"DELETE FROM drafts WHERE created_at < $1", &rep.Drafts},
	} {
		tag, err := tx.Exec(ctx, q.sql, cutoff)
		if err != nil {
			return fmt.Errorf("purge: %s: %w", q.sql, err)
		}
		*q.count += tag.RowsAffected()
	}
	return nil
}

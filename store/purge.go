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
}

// Purge deletes, in one transaction, the drafts made before cutoff with all
// their feedback, and any feedback given before cutoff: the retention
// period of what agents asked and wrote.
func (s *Store) Purge(ctx context.Context, cutoff time.Time) (PurgeReport, error) {
	var rep PurgeReport
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM feedback
			WHERE created_at < $1 OR draft_id IN (SELECT id FROM drafts WHERE created_at < $1)`, cutoff)
		if err != nil {
			return fmt.Errorf("purge feedback: %w", err)
		}
		rep.Feedback = tag.RowsAffected()
		if tag, err = tx.Exec(ctx, "DELETE FROM drafts WHERE created_at < $1", cutoff); err != nil {
			return fmt.Errorf("purge drafts: %w", err)
		}
		rep.Drafts = tag.RowsAffected()
		return nil
	})
	if err != nil {
		return PurgeReport{}, err
	}
	return rep, nil
}

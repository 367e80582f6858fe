package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// AuditEntry is one administrator's action: who (the key, and the agent
// when signed in), what (action, target, the answer's status and details
// such as a new role), when. It never holds the text of a message.
type AuditEntry struct {
	ID      int64           `json:"id"`
	At      time.Time       `json:"at"`
	KeyID   int64           `json:"key_id"`
	AgentID *int64          `json:"agent_id"`
	Action  string          `json:"action"`
	Target  string          `json:"target"`
	Status  int             `json:"status"`
	Details json.RawMessage `json:"details"`
}

// Audit writes an entry to the audit log; At is the database's clock when
// zero.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	if len(e.Details) == 0 {
		e.Details = json.RawMessage("{}")
	}
	var at *time.Time
	if !e.At.IsZero() {
		at = &e.At
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_log (at, key_id, agent_id, action, target, status, details)
		VALUES (coalesce($1, now()), $2, $3, $4, $5, $6, $7)`, at, e.KeyID, e.AgentID, e.Action, e.Target, e.Status, e.Details)
	if err != nil {
		return fmt.Errorf("write audit log: %w", err)
	}
	return nil
}

// AuditLog returns the entries since a time, newest first, at most limit
// (0: all).
func (s *Store) AuditLog(ctx context.Context, since time.Time, limit int) ([]AuditEntry, error) {
	q := `SELECT id, at, key_id, agent_id, action, target, status, details FROM audit_log
		WHERE at >= $1 ORDER BY at DESC, id DESC`
	args := []any{since}
	if limit > 0 {
		q += " LIMIT $2"
		args = append(args, limit)
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	es, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (AuditEntry, error) {
		var e AuditEntry
		err := r.Scan(&e.ID, &e.At, &e.KeyID, &e.AgentID, &e.Action, &e.Target, &e.Status, &e.Details)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return es, nil
}

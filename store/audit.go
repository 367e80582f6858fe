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
// such as a new role), for which service, when. It never holds the text of
// a message.
type AuditEntry struct {
	ID      int64     `json:"id"`
	At      time.Time `json:"at"`
	KeyID   int64     `json:"key_id"`
	AgentID *int64    `json:"agent_id"`
	// Actor names who acted, when the log is read: the agent's name (or
	// e-mail), else the key's name; "" for the command line (key 0).
	Actor string `json:"actor"`
	// Service is the service the action concerns ("": every service).
	Service string          `json:"service"`
	Action  string          `json:"action"`
	Target  string          `json:"target"`
	Status  int             `json:"status"`
	Details json.RawMessage `json:"details"`
}

// Audit writes an entry to the audit log; At is the database's clock when
// zero. Actor is not stored: it is read from the agent or the key.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	if len(e.Details) == 0 {
		e.Details = json.RawMessage("{}")
	}
	var at *time.Time
	if !e.At.IsZero() {
		at = &e.At
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO audit_log (at, key_id, agent_id, service, action, target, status, details)
		VALUES (coalesce($1, now()), $2, $3, $4, $5, $6, $7, $8)`,
		at, e.KeyID, e.AgentID, e.Service, e.Action, e.Target, e.Status, e.Details)
	if err != nil {
		return fmt.Errorf("write audit log: %w", err)
	}
	return nil
}

// AuditFilter selects entries of the audit log.
type AuditFilter struct {
	// Scope keeps the entries of its service (all, for a global scope).
	Scope Scope
	// Since and Until bound the entries' time: Since included, Until
	// excluded (zero: no bound).
	Since, Until time.Time
	// Action keeps the entries of one action, e.g. "PUT /v1/agents/:id".
	Action string
	// Actor keeps the entries whose agent's e-mail or name, or whose key's
	// name, holds it, whatever the case.
	Actor string
	// Limit bounds the entries returned (0: all).
	Limit int
}

// auditActor is the name of who acted: the agent, else its key.
const auditActor = `coalesce(nullif(btrim(a.given_name || ' ' || a.usual_name), ''), nullif(a.email, ''), k.name, '')`

// AuditLog returns the entries f selects, newest first.
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	var until *time.Time
	if !f.Until.IsZero() {
		until = &f.Until
	}
	q := `SELECT l.id, l.at, l.key_id, l.agent_id, ` + auditActor + `, l.service, l.action, l.target, l.status, l.details
		FROM audit_log l LEFT JOIN agents a ON a.id = l.agent_id LEFT JOIN api_keys k ON k.id = l.key_id
		WHERE l.at >= $1 AND ($2::timestamptz IS NULL OR l.at < $2) AND ($3 OR l.service = $4)
			AND ($5 = '' OR l.action = $5)
			AND ($6 = '' OR strpos(lower(a.email || ' ' || a.given_name || ' ' || a.usual_name), lower($6)) > 0
				OR (l.agent_id IS NULL AND strpos(lower(k.name), lower($6)) > 0))
		ORDER BY l.at DESC, l.id DESC`
	args := []any{f.Since, until, f.Scope.Global, f.Scope.Service, f.Action, f.Actor}
	if f.Limit > 0 {
		q += " LIMIT $7"
		args = append(args, f.Limit)
	}
	rows, err := s.pool.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	es, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (AuditEntry, error) {
		var e AuditEntry
		err := r.Scan(&e.ID, &e.At, &e.KeyID, &e.AgentID, &e.Actor, &e.Service, &e.Action, &e.Target, &e.Status, &e.Details)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return es, nil
}

// AuditActions lists the actions the audit log holds for a scope, in order:
// the choices of a filter.
func (s *Store) AuditActions(ctx context.Context, sc Scope) ([]string, error) {
	rows, err := s.pool.Query(ctx, "SELECT DISTINCT action FROM audit_log WHERE $1 OR service = $2 ORDER BY action",
		sc.Global, sc.Service)
	if err != nil {
		return nil, fmt.Errorf("list audit actions: %w", err)
	}
	actions, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("list audit actions: %w", err)
	}
	return actions, nil
}

// PurgeAudit deletes the audit log's entries older than cutoff, the end of
// their retention period, and returns how many it deleted.
func (s *Store) PurgeAudit(ctx context.Context, cutoff time.Time) (int64, error) {
	tag, err := s.pool.Exec(ctx, "DELETE FROM audit_log WHERE at < $1", cutoff)
	if err != nil {
		return 0, fmt.Errorf("purge audit log: %w", err)
	}
	return tag.RowsAffected(), nil
}

package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// AccessRule gives a role and a service at sign-in to the agents whose
// e-mail domain (Kind "domain") or SIRET (Kind "siret") is Value. Those of
// the database are written by administrators on the page; they come after
// the configuration's, oldest first.
type AccessRule struct {
	ID          int64
	Kind, Value string
	Access      Access
	// CreatedBy is the key of the administrator who wrote the rule.
	CreatedBy int64
	CreatedAt time.Time
}

// ErrDuplicate is returned when a rule for the same domain or SIRET exists.
var ErrDuplicate = errors.New("already exists")

const accessRuleColumns = "id, kind, value, role, service, created_by, created_at"

func scanAccessRule(row pgx.Row) (AccessRule, error) {
	var r AccessRule
	err := row.Scan(&r.ID, &r.Kind, &r.Value, &r.Access.Role, &r.Access.Service, &r.CreatedBy, &r.CreatedAt)
	return r, err
}

// AccessRules lists the rules of the database, oldest first: the order in
// which they apply.
func (s *Store) AccessRules(ctx context.Context) ([]AccessRule, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+accessRuleColumns+" FROM access_rules ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list access rules: %w", err)
	}
	rs, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (AccessRule, error) { return scanAccessRule(r) })
	if err != nil {
		return nil, fmt.Errorf("list access rules: %w", err)
	}
	return rs, nil
}

// CreateAccessRule stores a rule (its kind and value already checked and
// normalised); ErrDuplicate when one exists for the same domain or SIRET.
func (s *Store) CreateAccessRule(ctx context.Context, r AccessRule) (AccessRule, error) {
	if !r.Access.Role.Valid() || (r.Kind != "domain" && r.Kind != "siret") || r.Value == "" {
		return AccessRule{}, fmt.Errorf("create access rule %s:%s: %w", r.Kind, r.Value, ErrInvalid)
	}
	if err := CheckService(r.Access.Service); err != nil {
		return AccessRule{}, fmt.Errorf("create access rule %s:%s: %w", r.Kind, r.Value, err)
	}
	out, err := scanAccessRule(s.pool.QueryRow(ctx, `INSERT INTO access_rules (kind, value, role, service, created_by)
		VALUES ($1, $2, $3, $4, $5) RETURNING `+accessRuleColumns,
		r.Kind, r.Value, string(r.Access.Role), r.Access.Service, r.CreatedBy))
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "23505" {
		return AccessRule{}, fmt.Errorf("access rule %s:%s: %w", r.Kind, r.Value, ErrDuplicate)
	}
	if err != nil {
		return AccessRule{}, fmt.Errorf("create access rule: %w", err)
	}
	return out, nil
}

// DeleteAccessRule deletes a rule and returns it. allowed, when not nil,
// sees the rule first and refuses the deletion by returning an error.
// Agents who had their access from it keep it until their next sign-in.
func (s *Store) DeleteAccessRule(ctx context.Context, id int64, allowed func(AccessRule) error) (AccessRule, error) {
	var r AccessRule
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		var err error
		r, err = scanAccessRule(tx.QueryRow(ctx, "SELECT "+accessRuleColumns+" FROM access_rules WHERE id = $1 FOR UPDATE", id))
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("access rule %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if allowed != nil {
			if err := allowed(r); err != nil {
				return err
			}
		}
		_, err = tx.Exec(ctx, "DELETE FROM access_rules WHERE id = $1", id)
		return err
	})
	if err != nil {
		return AccessRule{}, fmt.Errorf("delete access rule: %w", err)
	}
	return r, nil
}

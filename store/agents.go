package store

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Agent is a person who signs in to the page through an OpenID Connect
// provider. Role is empty until an administrator or a configuration rule
// gives one: such an agent has no access.
type Agent struct {
	ID int64
	AgentProfile
	Role    Role
	Service string
	// AssignedBy is AssignedByRule, AssignedByAdmin or empty.
	AssignedBy string
	// KeyID is the agent's own API key row (its secret was never kept):
	// drafts, rate limits and logs name the agent through it.
	KeyID       int64
	CreatedAt   time.Time
	LastLoginAt time.Time
}

// AgentProfile is what the provider says of an agent.
type AgentProfile struct {
	Issuer, Subject string
	Email           string
	GivenName       string
	UsualName       string
	// SIRET and Organization identify the agent's administration, when
	// the provider gives them.
	SIRET        string
	Organization string
}

// How an agent's role was given.
const (
	AssignedByRule  = "rule"
	AssignedByAdmin = "admin"
)

// Access is a role and a service; a zero Access means no access.
type Access struct {
	Role    Role
	Service string
}

// Scope is what an administrator manages: every service (Global, an
// administrator without a service) or one service's agents, keys, rules
// and audit entries.
type Scope struct {
	Global  bool
	Service string
}

// Includes reports whether the scope covers service.
func (sc Scope) Includes(service string) bool { return sc.Global || sc.Service == service }

const agentColumns = `id, issuer, subject, email, given_name, usual_name, siret, organization,
	role, service, assigned_by, key_id, created_at, last_login_at`

func scanAgent(row pgx.Row) (Agent, error) {
	var a Agent
	err := row.Scan(&a.ID, &a.Issuer, &a.Subject, &a.Email, &a.GivenName, &a.UsualName, &a.SIRET, &a.Organization,
		&a.Role, &a.Service, &a.AssignedBy, &a.KeyID, &a.CreatedAt, &a.LastLoginAt)
	return a, err
}

// SignInAgent records a sign-in: it creates the agent at its first one,
// updates its profile and, unless an administrator set its access, gives it
// the access of the matching configuration rule (rule nil: none, which
// takes back an access a rule gave before).
func (s *Store) SignInAgent(ctx context.Context, p AgentProfile, rule *Access) (Agent, error) {
	if p.Issuer == "" || p.Subject == "" {
		return Agent{}, fmt.Errorf("sign in agent: issuer and subject are required: %w", ErrInvalid)
	}
	if rule != nil {
		if err := CheckService(rule.Service); err != nil {
			return Agent{}, fmt.Errorf("sign in agent: %w", err)
		}
	}
	var a Agent
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		keyID, err := agentKeyID(ctx, tx, p)
		if err != nil {
			return err
		}
		access, by := Access{}, ""
		if rule != nil {
			access, by = *rule, AssignedByRule
		}
		a, err = scanAgent(tx.QueryRow(ctx, `INSERT INTO agents (issuer, subject, email, given_name, usual_name, siret,
			organization, role, service, assigned_by, key_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
			ON CONFLICT (issuer, subject) DO UPDATE SET email = excluded.email, given_name = excluded.given_name,
				usual_name = excluded.usual_name, siret = excluded.siret, organization = excluded.organization,
				last_login_at = now(),
				role = CASE WHEN agents.assigned_by = 'admin' THEN agents.role ELSE excluded.role END,
				service = CASE WHEN agents.assigned_by = 'admin' THEN agents.service ELSE excluded.service END,
				assigned_by = CASE WHEN agents.assigned_by = 'admin' THEN agents.assigned_by ELSE excluded.assigned_by END
			RETURNING `+agentColumns,
			p.Issuer, p.Subject, p.Email, p.GivenName, p.UsualName, p.SIRET, p.Organization,
			string(access.Role), access.Service, by, keyID))
		return err
	})
	if err != nil {
		return Agent{}, fmt.Errorf("sign in agent: %w", err)
	}
	return a, nil
}

// agentKeyID returns the key row of the agent p, creating it for a new
// agent. The row's hash is random: no secret opens it.
func agentKeyID(ctx context.Context, tx pgx.Tx, p AgentProfile) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, "SELECT key_id FROM agents WHERE issuer = $1 AND subject = $2", p.Issuer, p.Subject).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, err
	}
	hash := make([]byte, 32)
	if _, err := rand.Read(hash); err != nil {
		return 0, err
	}
	err = tx.QueryRow(ctx, `INSERT INTO api_keys (name, role, service, hash, prefix)
		VALUES ('agent (OIDC)', 'agent', '', $1, 'oidc') RETURNING id`, hash).Scan(&id)
	return id, err
}

// AgentByID returns an agent; ErrNotFound when there is none.
func (s *Store) AgentByID(ctx context.Context, id int64) (Agent, error) {
	a, err := scanAgent(s.pool.QueryRow(ctx, "SELECT "+agentColumns+" FROM agents WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return Agent{}, fmt.Errorf("agent %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Agent{}, fmt.Errorf("look up agent %d: %w", id, err)
	}
	return a, nil
}

// Agents lists the agents a scope manages, those without access first,
// then by name: all of them, or one service's and those waiting for an
// access (whom a service's administrator may take in).
func (s *Store) Agents(ctx context.Context, sc Scope) ([]Agent, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+agentColumns+
		" FROM agents WHERE $1 OR role = '' OR service = $2 ORDER BY role <> '', lower(usual_name), lower(given_name), id",
		sc.Global, sc.Service)
	if err != nil {
		return nil, fmt.Errorf("list agents: %w", err)
	}
	as, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Agent, error) { return scanAgent(r) })
	if err != nil {
		return nil, fmt.Errorf("list agents: %w", err)
	}
	return as, nil
}

// SetAgentAccess gives an agent a role and a service as an administrator
// (a zero Access takes its access away and ends its sessions); later
// sign-ins keep it. allowed, when not nil, sees the agent as it is, locked,
// and refuses the change by returning an error. It returns the agent as it
// was before.
func (s *Store) SetAgentAccess(ctx context.Context, id int64, access Access, allowed func(before Agent) error) (Agent, error) {
	access.Service = strings.TrimSpace(access.Service)
	if access.Role == "" {
		access.Service = "" // no access: waiting, for any service to take in
	}
	if access.Role != "" && !access.Role.Valid() {
		return Agent{}, fmt.Errorf("set agent access: role %.40q: %w", access.Role, ErrInvalid)
	}
	if err := CheckService(access.Service); err != nil {
		return Agent{}, fmt.Errorf("set agent access: %w", err)
	}
	var before Agent
	err := s.Transact(ctx, func(tx pgx.Tx) error {
		var err error
		before, err = scanAgent(tx.QueryRow(ctx, "SELECT "+agentColumns+" FROM agents WHERE id = $1 FOR UPDATE", id))
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("agent %d: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if allowed != nil {
			if err := allowed(before); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, "UPDATE agents SET role = $2, service = $3, assigned_by = 'admin' WHERE id = $1",
			id, string(access.Role), access.Service); err != nil {
			return err
		}
		if access.Role == "" {
			_, err = tx.Exec(ctx, "DELETE FROM sessions WHERE agent_id = $1", id)
		}
		return err
	})
	if err != nil {
		return Agent{}, fmt.Errorf("set agent access: %w", err)
	}
	return before, nil
}

package store

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Session is a signed-in agent's session. ID is the cookie's value: only
// its hash is stored.
type Session struct {
	ID        string
	AgentID   int64
	CSRFToken string
	// IDToken is the provider's ID token of the sign-in.
	IDToken   string
	CreatedAt time.Time
	ExpiresAt time.Time
}

// randomToken returns 32 random bytes, URL-safe base64.
func randomToken() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// CreateSession opens a session for an agent, ending at now+lifetime at the
// latest. Sessions already over are deleted on the way.
func (s *Store) CreateSession(ctx context.Context, agentID int64, idToken string, now time.Time, lifetime time.Duration) (Session, error) {
	id, err := randomToken()
	if err != nil {
		return Session{}, fmt.Errorf("create session: %w", err)
	}
	csrf, err := randomToken()
	if err != nil {
		return Session{}, fmt.Errorf("create session: %w", err)
	}
	ss := Session{ID: id, AgentID: agentID, CSRFToken: csrf, IDToken: idToken, CreatedAt: now, ExpiresAt: now.Add(lifetime)}
	if _, err := s.pool.Exec(ctx, "DELETE FROM sessions WHERE expires_at < $1", now); err != nil {
		return Session{}, fmt.Errorf("delete expired sessions: %w", err)
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO sessions (id_hash, agent_id, csrf_token, id_token, created_at, last_seen_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $5, $6)`, HashKey(id), agentID, csrf, idToken, now, ss.ExpiresAt)
	if err != nil {
		return Session{}, fmt.Errorf("create session: %w", err)
	}
	return ss, nil
}

// SessionAgent returns the live session whose id is given and its agent,
// and records the activity; ErrNotFound when the session is unknown, over
// (absolute expiry), was idle longer than idle, or its agent's key row was
// revoked (plume keys revoke).
func (s *Store) SessionAgent(ctx context.Context, id string, now time.Time, idle time.Duration) (Session, Agent, error) {
	var ss Session
	row := s.pool.QueryRow(ctx, `UPDATE sessions SET last_seen_at = $2
		WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3
			AND EXISTS (SELECT 1 FROM agents a JOIN api_keys k ON k.id = a.key_id
				WHERE a.id = sessions.agent_id AND k.revoked_at IS NULL)
		RETURNING agent_id, csrf_token, id_token, created_at, expires_at`, HashKey(id), now, now.Add(-idle))
	err := row.Scan(&ss.AgentID, &ss.CSRFToken, &ss.IDToken, &ss.CreatedAt, &ss.ExpiresAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return Session{}, Agent{}, fmt.Errorf("session: %w", ErrNotFound)
	}
	if err != nil {
		return Session{}, Agent{}, fmt.Errorf("look up session: %w", err)
	}
	ss.ID = id
	a, err := s.AgentByID(ctx, ss.AgentID)
	if err != nil {
		return Session{}, Agent{}, err
	}
	return ss, a, nil
}

// DeleteSession ends a session; ending an unknown one is not an error.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	if _, err := s.pool.Exec(ctx, "DELETE FROM sessions WHERE id_hash = $1", HashKey(id)); err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// AuthFlow is a sign-in under way, between the redirection to the provider
// and its callback.
type AuthFlow struct {
	State, Nonce, Verifier string
}

// NewAuthFlow stores a new sign-in with random state, nonce and PKCE
// verifier (given by verifier, e.g. oauth2.GenerateVerifier). Flows started
// before since, too old to be taken (see TakeAuthFlow), are deleted on the
// way.
func (s *Store) NewAuthFlow(ctx context.Context, now, since time.Time, verifier string) (AuthFlow, error) {
	state, err := randomToken()
	if err != nil {
		return AuthFlow{}, fmt.Errorf("new sign-in: %w", err)
	}
	nonce, err := randomToken()
	if err != nil {
		return AuthFlow{}, fmt.Errorf("new sign-in: %w", err)
	}
	if _, err := s.pool.Exec(ctx, "DELETE FROM auth_flows WHERE created_at < $1", since); err != nil {
		return AuthFlow{}, fmt.Errorf("delete old sign-ins: %w", err)
	}
	_, err = s.pool.Exec(ctx, "INSERT INTO auth_flows (state_hash, nonce, verifier, created_at) VALUES ($1, $2, $3, $4)",
		HashKey(state), nonce, verifier, now)
	if err != nil {
		return AuthFlow{}, fmt.Errorf("new sign-in: %w", err)
	}
	return AuthFlow{State: state, Nonce: nonce, Verifier: verifier}, nil
}

// TakeAuthFlow returns and deletes the sign-in of state, if it started
// after since; ErrNotFound otherwise (unknown, used or too old).
func (s *Store) TakeAuthFlow(ctx context.Context, state string, since time.Time) (AuthFlow, error) {
	f := AuthFlow{State: state}
	var fresh bool
	err := s.pool.QueryRow(ctx, "DELETE FROM auth_flows WHERE state_hash = $1 RETURNING nonce, verifier, created_at > $2",
		HashKey(state), since).Scan(&f.Nonce, &f.Verifier, &fresh)
	if errors.Is(err, pgx.ErrNoRows) || (err == nil && !fresh) {
		return AuthFlow{}, fmt.Errorf("sign-in: %w", ErrNotFound)
	}
	if err != nil {
		return AuthFlow{}, fmt.Errorf("take sign-in: %w", err)
	}
	return f, nil
}

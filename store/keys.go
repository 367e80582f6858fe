package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/redact"
)

// Role is what an API key may do.
type Role string

// The roles of API keys.
const (
	// RoleAgent drafts, searches, redacts and gives feedback.
	RoleAgent Role = "agent"
	// RoleAdmin does what an agent does and curates the knowledge base.
	RoleAdmin Role = "admin"
)

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return r == RoleAgent || r == RoleAdmin }

// APIKey is a key of the HTTP API, without its secret.
type APIKey struct {
	ID   int64
	Name string
	Role Role
	// Service scopes the key to one service; empty means global.
	Service string
	// Prefix is the start of the secret, enough to tell keys apart.
	Prefix    string
	CreatedAt time.Time
	RevokedAt *time.Time
	// Reviewer lets an agent's key promote drafts into validated answers
	// (administrators always may).
	Reviewer bool
}

// KeyPrefix starts every API key.
const KeyPrefix = "plume_"

// keyEncoding writes the random part of keys: lower-case base32, no padding.
var keyEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// HashKey returns the SHA-256 hash under which a key is stored.
func HashKey(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// MaxKeyNameRunes bounds an API key's name, which the audit log copies.
const MaxKeyNameRunes = 100

// checkKeyName refuses a key's name that is not a label of one line, at
// most MaxKeyNameRunes characters, without personal data: the name is an
// administrator's label for a counter or a tool (« guichet CAF Lyon »),
// shown in every list of keys and kept in the audit log, where a person's
// name or number has no place (the person signs in as an agent instead).
func checkKeyName(ctx context.Context, name string) error {
	switch n := utf8.RuneCountInString(name); {
	case !utf8.ValidString(name) || strings.ContainsFunc(name, UnsafeRune):
		return fmt.Errorf("a key's name is one line, without line breaks, tabs, control or bidirectional formatting characters: %w", ErrInvalid)
	case n > MaxKeyNameRunes:
		return fmt.Errorf("a key's name is at most %d characters (this one has %d): %w", MaxKeyNameRunes, n, ErrInvalid)
	}
	red, err := redact.Redact(ctx, name, redact.DefaultPolicy())
	if err != nil {
		return fmt.Errorf("check the key's name: %w", err)
	}
	if len(red.Entities) > 0 {
		return fmt.Errorf("a key's name is a label for a counter or a tool, such as « guichet CAF Lyon », and holds no personal data "+
			"(here %s): it is shown in lists and kept in the audit log: %w", red.Entities[0].Type, ErrInvalid)
	}
	return nil
}

// CreateAPIKey stores a new key and returns it with its secret, which is not
// stored and cannot be shown again.
func (s *Store) CreateAPIKey(ctx context.Context, name string, role Role, service string) (APIKey, string, error) {
	name, service = strings.TrimSpace(name), strings.TrimSpace(service)
	if name == "" {
		return APIKey{}, "", fmt.Errorf("create api key: a name is required: %w", ErrInvalid)
	}
	if err := checkKeyName(ctx, name); err != nil {
		return APIKey{}, "", fmt.Errorf("create api key: %w", err)
	}
	if !role.Valid() {
		return APIKey{}, "", fmt.Errorf("create api key: role %.40q (want agent or admin): %w", role, ErrInvalid)
	}
	if err := CheckService(service); err != nil {
		return APIKey{}, "", fmt.Errorf("create api key: %w", err)
	}
	var b [20]byte // 32 base32 characters
	if _, err := rand.Read(b[:]); err != nil {
		return APIKey{}, "", fmt.Errorf("create api key: %w", err)
	}
	secret := KeyPrefix + keyEncoding.EncodeToString(b[:])
	k := APIKey{Name: name, Role: role, Service: service, Prefix: secret[:len(KeyPrefix)+6]}
	err := s.pool.QueryRow(ctx, `INSERT INTO api_keys (name, role, service, hash, prefix)
		VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at`,
		k.Name, k.Role, k.Service, HashKey(secret), k.Prefix).Scan(&k.ID, &k.CreatedAt)
	if err != nil {
		return APIKey{}, "", fmt.Errorf("create api key: %w", err)
	}
	return k, secret, nil
}

const apiKeyColumns = "id, name, role, service, prefix, created_at, revoked_at, reviewer"

func scanAPIKey(row pgx.Row) (APIKey, error) {
	var k APIKey
	err := row.Scan(&k.ID, &k.Name, &k.Role, &k.Service, &k.Prefix, &k.CreatedAt, &k.RevokedAt, &k.Reviewer)
	return k, err
}

// APIKeyBySecret returns the live (not revoked) key whose secret is given;
// ErrNotFound when there is none.
func (s *Store) APIKeyBySecret(ctx context.Context, secret string) (APIKey, error) {
	k, err := scanAPIKey(s.pool.QueryRow(ctx, "SELECT "+apiKeyColumns+
		" FROM api_keys WHERE hash = $1 AND revoked_at IS NULL", HashKey(secret)))
	if errors.Is(err, pgx.ErrNoRows) {
		return APIKey{}, fmt.Errorf("api key: %w", ErrNotFound)
	}
	if err != nil {
		return APIKey{}, fmt.Errorf("look up api key: %w", err)
	}
	return k, nil
}

// APIKeyByID returns a key, revoked or not; ErrNotFound when there is none.
func (s *Store) APIKeyByID(ctx context.Context, id int64) (APIKey, error) {
	k, err := scanAPIKey(s.pool.QueryRow(ctx, "SELECT "+apiKeyColumns+" FROM api_keys WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return APIKey{}, fmt.Errorf("api key %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return APIKey{}, fmt.Errorf("look up api key %d: %w", id, err)
	}
	return k, nil
}

// APIKeys lists every key, revoked ones included, oldest first.
func (s *Store) APIKeys(ctx context.Context) ([]APIKey, error) {
	rows, err := s.pool.Query(ctx, "SELECT "+apiKeyColumns+" FROM api_keys ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	keys, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (APIKey, error) { return scanAPIKey(r) })
	if err != nil {
		return nil, fmt.Errorf("list api keys: %w", err)
	}
	return keys, nil
}

// RevokeAPIKey revokes the key with the given id. Revoking a revoked key
// keeps its first revocation time.
func (s *Store) RevokeAPIKey(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, "UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1", id)
	if err != nil {
		return fmt.Errorf("revoke api key %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("api key %d: %w", id, ErrNotFound)
	}
	return nil
}

// SetAPIKeyReviewer grants (or withdraws) the reviewer right of the key with
// the given id: a reviewer agent may validate answers of its service.
func (s *Store) SetAPIKeyReviewer(ctx context.Context, id int64, reviewer bool) error {
	tag, err := s.pool.Exec(ctx, "UPDATE api_keys SET reviewer = $2 WHERE id = $1", id, reviewer)
	if err != nil {
		return fmt.Errorf("set reviewer right of api key %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("api key %d: %w", id, ErrNotFound)
	}
	return nil
}

// CredentialHashes returns the hashes of the API keys not revoked and of
// the sessions not expired that were created at since or later (all of
// them for the zero time), and the latest creation time among them (since
// when there is none). Keys and sessions are hashed alike (HashKey).
func (s *Store) CredentialHashes(ctx context.Context, since time.Time) ([][]byte, time.Time, error) {
	rows, err := s.pool.Query(ctx, `SELECT hash, created_at FROM api_keys WHERE revoked_at IS NULL AND created_at >= $1
		UNION ALL SELECT id_hash, created_at FROM sessions WHERE expires_at > now() AND created_at >= $1`, since)
	if err != nil {
		return nil, since, fmt.Errorf("read credential hashes: %w", err)
	}
	defer rows.Close()
	var hashes [][]byte
	latest := since
	for rows.Next() {
		var h []byte
		var at time.Time
		if err := rows.Scan(&h, &at); err != nil {
			return nil, since, fmt.Errorf("read credential hashes: %w", err)
		}
		hashes = append(hashes, h)
		if at.After(latest) {
			latest = at
		}
	}
	if err := rows.Err(); err != nil {
		return nil, since, fmt.Errorf("read credential hashes: %w", err)
	}
	return hashes, latest, nil
}

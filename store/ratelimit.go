package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Bucket is a token bucket held in the database, so that every plume process
// sharing it sees the same tokens: Rate tokens per second up to Burst.
type Bucket struct {
	Rate  float64
	Burst float64
}

// Take is what TakeToken found.
type Take struct {
	// Allowed is true when a token was taken.
	Allowed bool
	// Wait is how long until a token is available, when none was.
	Wait time.Duration
	// WroteAt is when the bucket last took a token for a write (zero when
	// never), for routing the caller's reads.
	WroteAt time.Time
}

// takeSQL refills the bucket for the time elapsed since its last use and
// takes one token if there is one, in one statement: concurrent takers from
// any process are serialised by the row lock.
const takeSQL = `
INSERT INTO rate_buckets AS b (bucket, tokens, updated_at, allowed, wrote_at)
VALUES ($1, $3 - 1, $4, true, CASE WHEN $5 THEN $4::timestamptz END)
ON CONFLICT (bucket) DO UPDATE SET
	tokens = least($3, b.tokens + greatest(0, extract(epoch FROM $4 - b.updated_at)) * $2)
		- CASE WHEN least($3, b.tokens + greatest(0, extract(epoch FROM $4 - b.updated_at)) * $2) >= 1 THEN 1 ELSE 0 END,
	allowed = least($3, b.tokens + greatest(0, extract(epoch FROM $4 - b.updated_at)) * $2) >= 1,
	updated_at = greatest(b.updated_at, $4),
	wrote_at = CASE WHEN $5 AND least($3, b.tokens + greatest(0, extract(epoch FROM $4 - b.updated_at)) * $2) >= 1
		THEN $4 ELSE b.wrote_at END
RETURNING allowed, tokens, wrote_at`

// TakeToken takes a token from the named bucket at now (the caller's clock:
// processes on several machines need synchronised clocks, as NTP gives), and
// records a write when write is true and the token was given.
func (s *Store) TakeToken(ctx context.Context, name string, b Bucket, now time.Time, write bool) (Take, error) {
	if b.Rate <= 0 || b.Burst < 1 {
		return Take{}, fmt.Errorf("%w: bucket %v", ErrInvalid, b)
	}
	var t Take
	var tokens float64
	var wrote *time.Time
	err := s.pool.QueryRow(ctx, takeSQL, name, b.Rate, b.Burst, now, write).Scan(&t.Allowed, &tokens, &wrote)
	if err != nil {
		return Take{}, fmt.Errorf("take a token from %s: %w", bucketKind(name), err)
	}
	if !t.Allowed {
		t.Wait = time.Duration((1 - tokens) / b.Rate * float64(time.Second))
	}
	if wrote != nil {
		t.WroteAt = *wrote
	}
	return t, nil
}

// PeekTokens returns how long until the named bucket has a token at now,
// without taking one: 0 when it has one or does not exist.
func (s *Store) PeekTokens(ctx context.Context, name string, b Bucket, now time.Time) (time.Duration, error) {
	var tokens float64
	err := s.pool.QueryRow(ctx, `SELECT least($2, tokens + greatest(0, extract(epoch FROM $3 - updated_at)) * $1)
		FROM rate_buckets WHERE bucket = $4`, b.Rate, b.Burst, now, name).Scan(&tokens)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read bucket %s: %w", bucketKind(name), err)
	}
	if tokens >= 1 {
		return 0, nil
	}
	return time.Duration((1 - tokens) / b.Rate * float64(time.Second)), nil
}

// ForgetBuckets deletes the buckets unused since before: they would be full
// again. It returns how many it deleted.
func (s *Store) ForgetBuckets(ctx context.Context, before time.Time) (int64, error) {
	tag, err := s.pool.Exec(ctx, "DELETE FROM rate_buckets WHERE updated_at < $1", before)
	if err != nil {
		return 0, fmt.Errorf("forget rate buckets: %w", err)
	}
	return tag.RowsAffected(), nil
}

// bucketKind is the part of a bucket's name before the colon: errors never
// carry a client's address.
func bucketKind(name string) string {
	if kind, _, ok := strings.Cut(name, ":"); ok {
		return kind
	}
	return "bucket"
}

// Slot is a place among a bounded number of tasks run at once, held by a
// session advisory lock: it is released by Release, or by PostgreSQL when
// the process holding it dies.
type Slot struct {
	conn *pgx.Conn
}

// Release gives the slot back.
func (s *Slot) Release() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// The locks are released before the session is closed: closing alone
	// frees them only when the server's backend ends, after Close has
	// returned, so that a slot taken right after could still be refused
	// (TestSharedUploadsPerKey failed so once). Closing stays the fallback.
	_, _ = s.conn.Exec(ctx, "SELECT pg_advisory_unlock_all()")
	_ = s.conn.Close(ctx)
}

// TakeSlot takes one of the max slots named name ("upload:42") across every
// process on the database, on a connection of its own (not the pool's: the
// slot lives as long as the task); ok is false when all are taken.
func (s *Store) TakeSlot(ctx context.Context, name string, max int) (*Slot, bool, error) {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, false, fmt.Errorf("take a %s slot: %w", bucketKind(name), err)
	}
	for i := range max {
		var got bool
		err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock(hashtext($1 || '.' || current_schema()), $2)", name, i).Scan(&got)
		if err != nil {
			conn.Close(context.WithoutCancel(ctx))
			return nil, false, fmt.Errorf("take a %s slot: %w", bucketKind(name), err)
		}
		if got {
			return &Slot{conn: conn}, true, nil
		}
	}
	conn.Close(context.WithoutCancel(ctx))
	return nil, false, nil
}

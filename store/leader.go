package store

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
)

// leaderLockClass is the first key of the advisory locks that elect the
// process running a periodic job; the second is the job's name hashed with
// the schema, so that deployments sharing a database elect separately.
const leaderLockClass = 0x706c756d // "plum"

// Leadership elects one process among those sharing the database to run a
// job: the one holding a session advisory lock. When its process dies or
// loses its connection, PostgreSQL releases the lock and another takes it
// within Retry.
type Leadership struct {
	// Job names the lock ("purge").
	Job string
	// Retry is how often a follower tries to take the lock, and how often
	// the leader checks that its connection is alive (default 10 s).
	Retry time.Duration
	Log   *slog.Logger
}

// RunLeader takes part in the election until ctx ends: each time this process
// becomes the leader it calls lead with a context that ends when the
// leadership is lost (or ctx ends). lead should run until its context ends.
func (s *Store) RunLeader(ctx context.Context, l Leadership, lead func(context.Context)) {
	if l.Retry <= 0 {
		l.Retry = 10 * time.Second
	}
	if l.Log == nil {
		l.Log = slog.New(slog.DiscardHandler)
	}
	for ctx.Err() == nil {
		conn, err := s.tryLead(ctx, l.Job)
		if err != nil && ctx.Err() == nil {
			l.Log.Warn("leader election", "job", l.Job, "err", err)
		}
		if conn != nil {
			l.Log.Info("leading", "job", l.Job)
			s.hold(ctx, conn, l, lead)
			l.Log.Info("no longer leading", "job", l.Job)
		}
		select {
		case <-ctx.Done():
		case <-time.After(l.Retry):
		}
	}
}

// tryLead opens a connection of its own (not the pool's: the lock lives as
// long as the session) and tries the lock; it returns the connection when
// it got it, nil otherwise.
func (s *Store) tryLead(ctx context.Context, job string) (*pgx.Conn, error) {
	conn, err := pgx.ConnectConfig(ctx, s.pool.Config().ConnConfig.Copy())
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	var got bool
	err = conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1, hashtext($2 || '.' || current_schema()))",
		leaderLockClass, job).Scan(&got)
	if err != nil || !got {
		conn.Close(context.WithoutCancel(ctx))
		if err != nil {
			return nil, fmt.Errorf("try lock: %w", err)
		}
		return nil, nil
	}
	return conn, nil
}

// hold runs lead while conn answers, then closes conn, which releases the
// lock.
func (s *Store) hold(ctx context.Context, conn *pgx.Conn, l Leadership, lead func(context.Context)) {
	lctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		lead(lctx)
	}()
	tick := time.NewTicker(l.Retry)
	defer tick.Stop()
	for lctx.Err() == nil {
		select {
		case <-lctx.Done():
		case <-done:
			cancel()
		case <-tick.C:
			pctx, pcancel := context.WithTimeout(lctx, l.Retry)
			if err := conn.Ping(pctx); err != nil && lctx.Err() == nil {
				l.Log.Warn("leader lost its connection", "job", l.Job, "err", err)
				cancel()
			}
			pcancel()
		}
	}
	cancel()
	<-done
	conn.Close(context.WithoutCancel(ctx))
}

package store

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultReplicaMaxLag is the staleness past which reads go back to the
// primary when ReplicaOptions gives none.
const DefaultReplicaMaxLag = 5 * time.Second

// ReplicaOptions tune a Replica. Zero values give the defaults.
type ReplicaOptions struct {
	// MaxLag is the staleness past which reads go back to the primary
	// (default DefaultReplicaMaxLag).
	MaxLag time.Duration
	// Interval is how often the replica is checked (default 1 s).
	Interval time.Duration
	// Warmup, when set, must succeed once (it is retried at each check)
	// before the replica takes reads: what the caller loads from it.
	Warmup func(context.Context) error
	Log    *slog.Logger
}

// ReplicaState is what the last check of the replica found.
type ReplicaState struct {
	// Usable is true when reads may go to the replica.
	Usable bool
	// Reason says why not: "down", "lagging", "warming", "unchecked".
	Reason string
	// Lag is how far behind the primary the replica was.
	Lag time.Duration
}

// Replica is a streaming (hot standby) replica of the primary database,
// checked in the background: reads go to it while it answers and is less
// than MaxLag behind, to the primary otherwise.
type Replica struct {
	primary *Store
	store   *Store
	opts    ReplicaOptions
	state   atomic.Pointer[ReplicaState]
	warm    atomic.Bool
	mu      sync.Mutex // serialises checks
	prev    walMark    // the primary's position at the last check, under mu
}

// OpenReplica configures the replica at url (it connects lazily: a replica
// down at start does not stop plume; reads go to primary until it answers).
func OpenReplica(ctx context.Context, primary *Store, url string, opts ReplicaOptions) (*Replica, error) {
	if opts.MaxLag <= 0 {
		opts.MaxLag = DefaultReplicaMaxLag
	}
	if opts.Interval <= 0 {
		opts.Interval = time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	pool, err := newPool(ctx, url, faultTracer{})
	if err != nil {
		return nil, fmt.Errorf("replica: %w", err)
	}
	r := &Replica{primary: primary, store: newStore(pool), opts: opts}
	r.state.Store(&ReplicaState{Reason: "unchecked"})
	r.warm.Store(opts.Warmup == nil)
	return r, nil
}

// Store is the replica's store: read-only.
func (r *Replica) Store() *Store { return r.store }

// Close closes the replica's connections.
func (r *Replica) Close() { r.store.Close() }

// State is what the last check found.
func (r *Replica) State() ReplicaState { return *r.state.Load() }

// StaleBound is the longest a read from the replica may miss a write
// committed on the primary: a key that wrote more recently reads from the
// primary.
func (r *Replica) StaleBound() time.Duration { return r.opts.MaxLag + r.opts.Interval }

// Run checks the replica at once, then every Interval, until ctx ends.
func (r *Replica) Run(ctx context.Context) {
	tick := time.NewTicker(r.opts.Interval)
	defer tick.Stop()
	for {
		r.Check(ctx)
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// Check measures the replica now, records and returns its state, and logs
// each change of state.
func (r *Replica) Check(ctx context.Context) ReplicaState {
	r.mu.Lock()
	defer r.mu.Unlock()
	cctx, cancel := context.WithTimeout(ctx, r.opts.Interval+time.Second)
	defer cancel()
	st := r.measure(cctx)
	if st.Usable && !r.warm.Load() {
		if err := r.opts.Warmup(cctx); err != nil {
			st = ReplicaState{Reason: "warming", Lag: st.Lag}
		} else {
			r.warm.Store(true)
		}
	}
	old := r.state.Swap(&st)
	if old.Usable != st.Usable || old.Reason != st.Reason {
		if st.Usable {
			r.opts.Log.Info("database replica takes reads", "lag_ms", st.Lag.Milliseconds())
		} else {
			r.opts.Log.Warn("database replica skipped: reads go to the primary", "reason", st.Reason,
				"lag_ms", st.Lag.Milliseconds(), "max_lag_ms", r.opts.MaxLag.Milliseconds())
		}
	}
	return st
}

// walMark is the primary's WAL position at a time.
type walMark struct {
	lsn *string
	at  time.Time
}

// measure compares the replica's replayed WAL with the primary's: caught up
// is no lag; caught up with the position of the previous check, the lag is
// at most the time since; otherwise it is the age of the last transaction
// replayed (an upper bound). The caller holds mu.
func (r *Replica) measure(ctx context.Context) ReplicaState {
	mark := walMark{at: time.Now()}
	// On a primary that is itself a standby this fails: compare by age only.
	_ = r.primary.pool.QueryRow(ctx, "SELECT pg_current_wal_lsn()::text").Scan(&mark.lsn)
	prev := r.prev
	r.prev = mark
	var recovering, caughtUp, caughtUpPrev bool
	var age float64
	var err error
	// Twice: the first may find a pooled connection the replica's restart
	// broke (it is then dropped from the pool).
	for range 2 {
		err = r.store.pool.QueryRow(ctx, `SELECT pg_is_in_recovery(),
				coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false),
				coalesce(pg_last_wal_replay_lsn() >= $2::pg_lsn, false),
				coalesce(extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()), 0)`, mark.lsn, prev.lsn).
			Scan(&recovering, &caughtUp, &caughtUpPrev, &age)
		if !IsUnavailable(err) {
			break
		}
	}
	if err != nil {
		return ReplicaState{Reason: "down"}
	}
	if !recovering || caughtUp {
		return ReplicaState{Usable: true}
	}
	lag := time.Duration(age * float64(time.Second))
	if caughtUpPrev {
		// After a quiet spell the last transaction replayed is old, yet
		// the replica lacks only what was written since the last check.
		lag = min(lag, mark.at.Sub(prev.at))
	}
	if lag > r.opts.MaxLag {
		return ReplicaState{Reason: "lagging", Lag: lag}
	}
	return ReplicaState{Usable: true, Lag: lag}
}

// reachTimeout bounds Reachable's probe.
const reachTimeout = 2 * time.Second

// Reachable reports whether the replica answers now (a statement, twice at
// most: the first may find a connection its restart broke). A caller that
// saw a database fail tells by it whether the fault was the replica's.
func (r *Replica) Reachable(ctx context.Context) bool {
	ctx, cancel := context.WithTimeout(ctx, reachTimeout)
	defer cancel()
	var err error
	for range 2 {
		if err = r.store.pool.Ping(ctx); !IsUnavailable(err) {
			break
		}
	}
	return err == nil
}

// MarkDown records that a read from the replica just failed to reach it:
// reads go to the primary until the next check finds it back. The
// replica's pooled connections are closed (those in use when returned): a
// fault that broke one, a restart or a cut, broke the others, and the next
// check must not fail on them.
func (r *Replica) MarkDown() {
	r.store.pool.Reset()
	old := r.state.Swap(&ReplicaState{Reason: "down"})
	if old.Usable {
		r.opts.Log.Warn("database replica skipped: reads go to the primary", "reason", "down")
	}
}

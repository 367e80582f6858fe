// Package store owns plume's PostgreSQL database: the connection pool, the
// embedded numbered migrations, the Transact helper and the small query
// functions that load and save documents, chunks and their vectors. SQL lives
// here and in migrations/, nowhere else.
package store

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	pgxvec "github.com/pgvector/pgvector-go/pgx"
	"golang.org/x/sync/errgroup"
)

// Sentinel errors returned by the store; callers test them with errors.Is.
var (
	// ErrNotFound means the row asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid means the caller passed a value the store refuses.
	ErrInvalid = errors.New("invalid")
)

// connsPerCore is the pool size, per core the process may use
// (GOMAXPROCS), when the connection string sets none. Connections follow
// the cores, not the processes: two processes on one core each
// (GOMAXPROCS=1, as a container limited to one CPU gets) hold as many as
// one process on two, and as many queries run at once on the database.
const connsPerCore = 8

// defaultMaxConns is the pool size when the connection string sets none:
// 16 on two cores, where pgx's own default (4) queues a hundred agents'
// drafts behind each other while the database serves more at once.
func defaultMaxConns() int32 { return int32(connsPerCore * runtime.GOMAXPROCS(0)) }

// Store is plume's database. It is safe for concurrent use.
type Store struct {
	pool *pgxpool.Pool
	// docs keeps what the document search reads, as of one version of
	// the corpus.
	docs *docCache
	// chunks keeps the full-text index of the chunks, as of one version
	// of the corpus.
	chunks *chunkCache
	// typos keeps the lexemes and their trigrams for typo repair, as of
	// one refresh of lexeme_stats.
	typos *typoCache
	// attempts is how many times transact runs a transaction aborted by
	// a deadlock or a serialization failure: txAttempts, 1 in a test of
	// the lock order alone.
	attempts int
	// beforeCommit, set by tests only, runs in each transaction of
	// transact once fn has returned nil, before the commit: an error it
	// returns aborts that attempt as a failed commit would.
	beforeCommit func(ctx context.Context, tx pgx.Tx) error
	// curation bounds the curation reads running at once (curationSlot).
	curation chan struct{}
}

// newStore returns a store over pool.
func newStore(pool *pgxpool.Pool) *Store {
	return &Store{pool: pool, docs: &docCache{}, chunks: newChunkCache(), typos: newTypoCache(), attempts: txAttempts,
		curation: newCurationSlots(pool.Config().MaxConns)}
}

// Open connects to the database at url (a PostgreSQL connection string; extra
// parameters such as search_path become session settings) and checks that it
// answers. The pgvector types are registered on every connection.
func Open(ctx context.Context, url string) (*Store, error) {
	pool, err := newPool(ctx, url, nil)
	if err != nil {
		return nil, err
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("connect to database %s: %w", redactURL(pool.Config()), err)
	}
	return newStore(pool), nil
}

// newPool configures a pool on url; it connects lazily. A tracer, when
// given, sees the pool's statements (and its connections and acquisitions
// when it implements pgx.ConnectTracer and pgxpool.AcquireTracer).
func newPool(ctx context.Context, url string, tracer pgx.QueryTracer) (*pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("parse database url: %w", err)
	}
	if tracer != nil {
		cfg.ConnConfig.Tracer = tracer
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = defaultMaxConns()
	}
	cfg.AfterConnect = func(ctx context.Context, conn *pgx.Conn) error {
		// Storage is SSD-like: with PostgreSQL's default page costs the
		// planner prefers scanning every chunk to the full-text index,
		// which is several times slower for searches.
		if _, err := conn.Exec(ctx, "SET random_page_cost = 1.1"); err != nil {
			return fmt.Errorf("set planner costs: %w", err)
		}
		// Typo repair keeps the known lexemes whose trigram similarity
		// reaches typoSimilarity: the trigram index then skips the ones
		// below it instead of checking them one by one (pg_trgm's default
		// is 0.3).
		if _, err := conn.Exec(ctx, fmt.Sprintf("SET pg_trgm.similarity_threshold = %g", typoSimilarity)); err != nil {
			return fmt.Errorf("set trigram threshold: %w", err)
		}
		// The vector type may not exist yet on a fresh database; the first
		// migration creates it and resets the pool's connections.
		var exists bool
		if err := conn.QueryRow(ctx, "SELECT to_regtype('vector') IS NOT NULL").Scan(&exists); err != nil {
			return fmt.Errorf("look up vector type: %w", err)
		}
		if !exists {
			return nil
		}
		if err := pgxvec.RegisterTypes(ctx, conn); err != nil {
			return fmt.Errorf("register vector types: %w", err)
		}
		// Filtered vector searches keep scanning the HNSW index until they
		// have enough rows that pass the filters (pgvector 0.8).
		_, err := conn.Exec(ctx, "SET hnsw.iterative_scan = relaxed_order; SET hnsw.ef_search = 100")
		if err != nil {
			return fmt.Errorf("set hnsw parameters: %w", err)
		}
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	return pool, nil
}

// redactURL names the database without its password, for error messages.
func redactURL(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
}

// Close stops reading the chunk index, if it is being read, and closes
// every connection.
func (s *Store) Close() {
	s.chunks.close()
	s.typos.close()
	s.pool.Close()
}

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("ping database: %w", err)
	}
	return nil
}

// Warm opens a quarter of the connections the pool may hold (2 a core by
// default), at once, so that the first requests a process serves do not
// all wait for connections (connecting, the session settings, the vector
// types: several round trips each). It is called before the process
// reports ready. Not the whole pool: processes started side by side (tests,
// a rolling release) would hold connections their load may never need.
// It then reads the chunk index (LoadChunkIndex), so that the first
// searches rank in memory.
func (s *Store) Warm(ctx context.Context) error {
	conns := make([]*pgxpool.Conn, max(1, int(s.pool.Config().MaxConns)/4))
	g, gctx := errgroup.WithContext(ctx)
	for i := range conns {
		g.Go(func() (err error) { conns[i], err = s.pool.Acquire(gctx); return err })
	}
	err := g.Wait()
	for _, c := range conns {
		if c != nil {
			c.Release()
		}
	}
	if err != nil {
		return fmt.Errorf("open the pool's connections: %w", err)
	}
	return s.LoadChunkIndex(ctx)
}

// Pool returns the underlying pool, for tests and benchmarks.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Transact runs fn in a transaction, committing when fn returns nil and
// rolling back otherwise (including when fn panics); a transaction aborted
// by a deadlock or a serialization failure is run again (transact), fn
// included, even after fn returned nil (the commit may be what fails).
//
// fn must therefore be re-runnable: it may write to the database through
// tx and set results the caller reads once Transact returns, but each run
// must start from the same inputs. It must not change what it reads
// (overwrite its inputs with a row it stored), accumulate across runs
// (append to a captured slice, add to a captured map or counter without
// clearing it first), nor act outside the transaction (send on a channel,
// call a service, write a file or a cache): an aborted run leaves those
// behind. Set the caller's results from locals once Transact succeeded,
// or reset them at fn's start.
func (s *Store) Transact(ctx context.Context, fn func(pgx.Tx) error) error {
	return s.transact(ctx, pgx.TxOptions{}, fn)
}

// readSnapshot runs fn in a transaction whose reads agree with each other:
// every query sees the database as it was at the first one (REPEATABLE
// READ), and none may write (READ ONLY, which a read replica also allows).
func (s *Store) readSnapshot(ctx context.Context, fn func(pgx.Tx) error) error {
	return s.transact(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, fn)
}

// txAttempts is how many times transact runs a transaction that the
// database aborts to resolve a conflict with another (retryable), unless
// a test says otherwise (Store.attempts).
const txAttempts = 4

// transact is Transact with the transaction's options. A transaction
// aborted by a serialization failure or a deadlock (SQLSTATE 40001,
// 40P01) is run again, fn included, up to s.attempts times in all, after a short
// random pause that grows with each attempt: the writers take their locks
// in one order (documents before answers, ids ascending), so a deadlock
// is a bug, but one the agent should not see as a 500. fn must therefore
// leave nothing behind when it fails but the transaction's writes.
func (s *Store) transact(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.transactOnce(ctx, opts, fn)
		if attempt >= s.attempts || !retryable(err) {
			return err
		}
		pause := time.Duration(attempt)*10*time.Millisecond + rand.N(10*time.Millisecond)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}

// retryable reports whether err is a serialization failure or a deadlock,
// which the same transaction run again may not meet.
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && (pgErr.Code == "40001" || pgErr.Code == "40P01")
}

// transactOnce runs fn in one transaction with opts.
func (s *Store) transactOnce(ctx context.Context, opts pgx.TxOptions, fn func(pgx.Tx) error) (err error) {
	tx, err := s.pool.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	defer func() {
		if p := recover(); p != nil {
			_ = tx.Rollback(ctx)
			panic(p)
		}
		if err != nil {
			_ = tx.Rollback(ctx)
		}
	}()
	if err := fn(tx); err != nil {
		return err
	}
	if s.beforeCommit != nil {
		if err := s.beforeCommit(ctx, tx); err != nil {
			return err
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("commit transaction: %w", err)
	}
	return nil
}

package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered .sql file of migrations/.
type migration struct {
	version int
	name    string
	sql     string
}

// migrationLockClass is the first key of the advisory lock that serialises
// concurrent migrators of a schema; the second is the schema's name
// hashed, so that the schemas sharing a database (the tests' ones) migrate
// side by side.
const migrationLockClass = 0x6d696772 // "migr"

func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		version, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("migration %q: want NNNN_name.sql", name)
		}
		body, err := migrationFiles.ReadFile("migrations/" + name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", name, err)
		}
		ms = append(ms, migration{version: version, name: name, sql: string(body)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i := 1; i < len(ms); i++ {
		if ms[i].version == ms[i-1].version {
			return nil, fmt.Errorf("migrations %s and %s share a number", ms[i-1].name, ms[i].name)
		}
	}
	return ms, nil
}

// Migrate applies the migrations that have not been applied yet, each in its
// own transaction, and returns how many it applied. Concurrent callers wait
// for each other. It then makes sure the partitions of drafts exist for
// this month and the next (EnsurePartitions).
func (s *Store) Migrate(ctx context.Context) (int, error) {
	n, err := s.migrateTo(ctx, math.MaxInt)
	if err != nil {
		return n, err
	}
	if _, err := s.EnsurePartitions(ctx, time.Now()); err != nil {
		return n, err
	}
	return n, nil
}

// migrateTo applies the migrations numbered up to last that have not been
// applied yet.
func (s *Store) migrateTo(ctx context.Context, last int) (int, error) {
	ms, err := loadMigrations()
	if err != nil {
		return 0, err
	}
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return 0, fmt.Errorf("acquire connection: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, "SELECT pg_advisory_lock($1, hashtext(current_schema()))", migrationLockClass); err != nil {
		return 0, fmt.Errorf("lock migrations: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1, hashtext(current_schema()))", migrationLockClass) //nolint:errcheck

	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY,
		name text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return 0, fmt.Errorf("create schema_migrations: %w", err)
	}
	applied := map[int]bool{}
	rows, err := conn.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return 0, fmt.Errorf("list applied migrations: %w", err)
	}
	versions, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return 0, fmt.Errorf("list applied migrations: %w", err)
	}
	for _, v := range versions {
		applied[v] = true
	}
	n := 0
	for _, m := range ms {
		if applied[m.version] || m.version > last {
			continue
		}
		err := pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", m.version, m.name)
			return err
		})
		if err != nil {
			return n, fmt.Errorf("apply migration %s: %w", m.name, err)
		}
		n++
	}
	// Connections opened before the vector type existed have no codec for
	// it: start afresh, even when another process applied the migrations
	// while this one waited for the lock.
	s.pool.Reset()
	return n, nil
}

// PendingMigrations returns how many embedded migrations the database has not
// applied yet; zero means the schema is current.
func (s *Store) PendingMigrations(ctx context.Context) (int, error) {
	ms, err := loadMigrations()
	if err != nil {
		return 0, err
	}
	var exists bool
	if err := s.pool.QueryRow(ctx, "SELECT to_regclass('schema_migrations') IS NOT NULL").Scan(&exists); err != nil {
		return 0, fmt.Errorf("look up schema_migrations: %w", err)
	}
	if !exists {
		return len(ms), nil
	}
	var applied []int
	rows, err := s.pool.Query(ctx, "SELECT version FROM schema_migrations")
	if err != nil {
		return 0, fmt.Errorf("list applied migrations: %w", err)
	}
	if applied, err = pgx.CollectRows(rows, pgx.RowTo[int]); err != nil {
		return 0, fmt.Errorf("list applied migrations: %w", err)
	}
	done := map[int]bool{}
	for _, v := range applied {
		done[v] = true
	}
	pending := 0
	for _, m := range ms {
		if !done[m.version] {
			pending++
		}
	}
	return pending, nil
}

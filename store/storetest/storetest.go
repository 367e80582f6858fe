// Package storetest gives tests a real, migrated PostgreSQL store of their
// own: each call creates a fresh schema in the test database and drops it when
// the test ends, so tests never see each other's rows.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
)

// DefaultURL is the test database used when PLUME_TEST_DATABASE_URL is unset;
// scripts/setup-db.sh creates it.
const DefaultURL = "postgres://postgres@127.0.0.1:5432/plume_test?sslmode=disable"

// URL returns the test database's connection string.
func URL() string {
	if u := os.Getenv("PLUME_TEST_DATABASE_URL"); u != "" {
		return u
	}
	return DefaultURL
}

// NewStore returns a migrated store in a schema of its own. The test fails
// (it does not skip) when the database is unreachable: storage is tested
// against the real PostgreSQL or not at all.
func NewStore(tb testing.TB) *store.Store {
	tb.Helper()
	s, _ := NewStoreURL(tb)
	return s
}

// NewStoreURL is NewStore that also returns the connection string of the
// fresh schema, for tests that run plume's commands against it.
func NewStoreURL(tb testing.TB) (*store.Store, string) {
	tb.Helper()
	ctx := context.Background()
	base := URL()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		tb.Fatalf("random schema name: %v", err)
	}
	schema := "test_" + hex.EncodeToString(b[:])

	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		tb.Fatalf("connect to the test database (run scripts/setup-db.sh, or set PLUME_TEST_DATABASE_URL): %v", err)
	}
	defer admin.Close(ctx)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		tb.Fatalf("create schema %s: %v", schema, err)
	}
	tb.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), base)
		if err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			tb.Errorf("drop schema %s: %v", schema, err)
		}
	})

	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("parse %s: %v", base, err)
	}
	q := u.Query()
	q.Set("search_path", schema+",public")
	// A test's rows need not survive a crash: commits do not wait for the
	// disk, which the tests running side by side would queue for.
	q.Set("synchronous_commit", "off")
	u.RawQuery = q.Encode()
	s, err := store.Open(ctx, u.String())
	if err != nil {
		tb.Fatalf("open store: %v", err)
	}
	tb.Cleanup(s.Close)
	if _, err := s.Migrate(ctx); err != nil {
		tb.Fatalf("migrate: %v", err)
	}
	return s, u.String()
}

// Ingested opens the already ingested database whose URL the environment
// variable env names (such as the whole corpus), closed when the test
// ends; the test is skipped when env is unset. Tests only read it.
func Ingested(tb testing.TB, env string) *store.Store {
	tb.Helper()
	url := os.Getenv(env)
	if url == "" {
		tb.Skipf("set %s to the URL of an ingested database", env)
	}
	st, err := store.Open(context.Background(), url)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(st.Close)
	if err := st.LoadChunkIndex(context.Background()); err != nil {
		tb.Fatal(err)
	}
	return st
}

// CorpusVersion reads the corpus version of st.
func CorpusVersion(tb testing.TB, st *store.Store) int64 {
	tb.Helper()
	return readVersions(tb, st)[0]
}

// VectorsVersion reads the vectors version of st, the chunk index's.
func VectorsVersion(tb testing.TB, st *store.Store) int64 {
	tb.Helper()
	return readVersions(tb, st)[1]
}

// readVersions reads the corpus and vectors versions of st.
func readVersions(tb testing.TB, st *store.Store) (v [2]int64) {
	tb.Helper()
	if err := st.Pool().QueryRow(context.Background(), "SELECT version, vectors FROM corpus_version").Scan(&v[0], &v[1]); err != nil {
		tb.Fatal(err)
	}
	return v
}

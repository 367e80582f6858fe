package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// throwaway creates, on the test database, a schema or database (kind) of a
// random name starting with prefix, dropped with drop (its statement,
// %s for the name) when the test ends, and returns the name.
func throwaway(t testing.TB, kind, prefix, drop string) string {
	t.Helper()
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := prefix + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, storetest.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE "+kind+" "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), storetest.URL())
		if err == nil {
			_, _ = c.Exec(context.Background(), fmt.Sprintf(drop, name))
			c.Close(context.Background())
		}
	})
	return name
}

// emptySchema returns the URL of a fresh schema with no migration applied.
func emptySchema(t testing.TB) string {
	schema := throwaway(t, "SCHEMA", "test_", "DROP SCHEMA %s CASCADE")
	u, _ := url.Parse(storetest.URL())
	q := u.Query()
	q.Set("search_path", schema+",public")
	u.RawQuery = q.Encode()
	return u.String()
}

// emptyDatabase returns the URL of a new database, without even the vector
// extension.
func emptyDatabase(t *testing.T) string {
	name := throwaway(t, "DATABASE", "plume_test_empty_", "DROP DATABASE %s WITH (FORCE)")
	u, _ := url.Parse(storetest.URL())
	u.Path = "/" + name
	return u.String()
}

// TestMigrateWaiterWritesVectors: of two processes started at once on an
// empty database, the one that waited while the other created the vector
// type, and found nothing left to apply, writes vectors all the same.
func TestMigrateWaiterWritesVectors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	url := emptyDatabase(t)
	migrator, waiter := secondStore(t, url), secondStore(t, url) // each opened a connection
	if _, err := migrator.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if n, err := waiter.Migrate(ctx); err != nil || n != 0 {
		t.Fatalf("second Migrate = %d, %v; want 0", n, err)
	}
	doc := store.Document{Source: "jsonl", ExternalID: "F1", Title: "Carte d'identité", ContentHash: "h1"}
	chunks := []store.Chunk{{Text: "un", Embedding: []float32{1, 0, 0}, EmbedModel: "test"}}
	if err := waiter.SaveDocument(ctx, &doc, chunks); err != nil {
		t.Errorf("save a vector from the process that waited: %v", err)
	}
}

// savedBeforeServiceKeys runs save, which saves documents with this
// code, on st migrated to a version before 33 (documents keyed by source
// and id only): the key the code's upsert names is added for its time.
func savedBeforeServiceKeys(t *testing.T, st *store.Store, save func()) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.Pool().Exec(ctx, `ALTER TABLE documents ADD CONSTRAINT test_service_key UNIQUE (service, source, external_id)`); err != nil {
		t.Fatal(err)
	}
	save()
	if _, err := st.Pool().Exec(ctx, `ALTER TABLE documents DROP CONSTRAINT test_service_key`); err != nil {
		t.Fatal(err)
	}
}

package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// emptyDatabase returns the URL of a new database, without even the vector
// extension, dropped when the test ends.
func emptyDatabase(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	var b [6]byte
	_, _ = rand.Read(b[:])
	name := "plume_test_empty_" + hex.EncodeToString(b[:])
	conn, err := pgx.Connect(ctx, storetest.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		c, err := pgx.Connect(context.Background(), storetest.URL())
		if err == nil {
			_, _ = c.Exec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)")
			c.Close(context.Background())
		}
	})
	u, _ := url.Parse(storetest.URL())
	u.Path = "/" + name
	return u.String()
}

// TestMigrateWaiterWritesVectors: of two processes started at once on an
// empty database, the one that waited while the other created the vector
// type, and found nothing left to apply, writes vectors all the same.
func TestMigrateWaiterWritesVectors(t *testing.T) {
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

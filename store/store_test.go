package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

func TestMigrateIsIdempotent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	n, err := st.Migrate(ctx)
	if err != nil || n != 0 {
		t.Fatalf("second Migrate = %d, %v; want 0, nil", n, err)
	}
	pending, err := st.PendingMigrations(ctx)
	if err != nil || pending != 0 {
		t.Fatalf("PendingMigrations = %d, %v; want 0, nil", pending, err)
	}
}

func TestTransactRollsBack(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	boom := errors.New("boom")
	err := st.Transact(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "INSERT INTO lexeme_stats (lexeme, df) VALUES ('x', 1)"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Transact error = %v, want boom", err)
	}
	var n int
	if err := st.Pool().QueryRow(ctx, "SELECT count(*) FROM lexeme_stats").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("rolled-back insert left %d rows", n)
	}
}

func TestSaveDocumentReplacesChunksAndKeepsStatus(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := store.Document{Source: "jsonl", ExternalID: "F1", Title: "Carte d'identité", Status: store.StatusDraft,
		ContentHash: "h1", Audience: []string{"particuliers"}}
	chunks := []store.Chunk{{Ordinal: 0, Text: "un"}, {Ordinal: 1, Heading: "A > B", Text: "deux"}}
	if err := st.SaveDocument(ctx, &doc, chunks); err != nil {
		t.Fatal(err)
	}
	if doc.ID == 0 || doc.CreatedAt.IsZero() {
		t.Fatalf("SaveDocument did not set id and timestamps: %+v", doc)
	}
	firstID := doc.ID

	// Saving again with another status and fewer chunks: the status stays.
	doc2 := store.Document{Source: "jsonl", ExternalID: "F1", Title: "Carte nationale d'identité",
		Status: store.StatusPublished, ContentHash: "h2"}
	if err := st.SaveDocument(ctx, &doc2, []store.Chunk{{Ordinal: 0, Text: "trois"}}); err != nil {
		t.Fatal(err)
	}
	if doc2.ID != firstID {
		t.Errorf("update changed id %d → %d", firstID, doc2.ID)
	}
	got, err := st.GetDocument(ctx, firstID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != store.StatusDraft || got.Title != "Carte nationale d'identité" || got.ContentHash != "h2" {
		t.Errorf("after update: status %q title %q hash %q", got.Status, got.Title, got.ContentHash)
	}
	cs, err := st.Chunks(ctx, firstID)
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, c := range cs {
		texts = append(texts, c.Title+"|"+c.Text)
	}
	if diff := cmp.Diff([]string{"Carte nationale d'identité|trois"}, texts); diff != "" {
		t.Errorf("chunks after update (-want +got):\n%s", diff)
	}

	if _, err := st.GetDocument(ctx, firstID+1000); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("GetDocument(unknown) error = %v, want ErrNotFound", err)
	}
	n, err := st.DeleteDocuments(ctx, []int64{firstID})
	if err != nil || n != 1 {
		t.Fatalf("DeleteDocuments = %d, %v", n, err)
	}
	if _, chunks, _ := st.CountDocuments(ctx); chunks != 0 {
		t.Errorf("%d chunks left after deleting their document", chunks)
	}
}

func TestSaveDocumentRejectsInvalid(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	tests := []struct {
		name string
		doc  store.Document
	}{
		{"no title", store.Document{Source: "jsonl", ExternalID: "F1"}},
		{"no id", store.Document{Source: "jsonl", Title: "t"}},
		{"bad status", store.Document{Source: "jsonl", ExternalID: "F1", Title: "t", Status: "gone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := st.SaveDocument(ctx, &tt.doc, nil); !errors.Is(err, store.ErrInvalid) {
				t.Errorf("SaveDocument error = %v, want ErrInvalid", err)
			}
		})
	}
}

func TestEmbedModels(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	if err := st.EnsureEmbedModel(ctx, "local:test", 4); err != nil {
		t.Fatal(err)
	}
	if err := st.EnsureEmbedModel(ctx, "local:test", 4); err != nil {
		t.Fatalf("second EnsureEmbedModel: %v", err)
	}
	if err := st.EnsureEmbedModel(ctx, "local:test", 8); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("EnsureEmbedModel with another size: %v, want ErrInvalid", err)
	}
	doc := store.Document{Source: "s", ExternalID: "1", Title: "t", ContentHash: "h"}
	chunks := []store.Chunk{
		{Ordinal: 0, Text: "a", Embedding: []float32{1, 0, 0, 0}, EmbedModel: "local:test"},
		{Ordinal: 1, Text: "b"},
	}
	if err := st.SaveDocument(ctx, &doc, chunks); err != nil {
		t.Fatal(err)
	}
	models, err := st.EmbedModels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]store.EmbedModel{{Model: "local:test", Dim: 4, Chunks: 1}}, models); diff != "" {
		t.Errorf("EmbedModels (-want +got):\n%s", diff)
	}
	todo, err := st.ChunksToEmbed(ctx, "local:test", 0, 10)
	if err != nil || len(todo) != 1 || todo[0].Text != "b" {
		t.Fatalf("ChunksToEmbed = %+v, %v; want the chunk without a vector", todo, err)
	}
	if err := st.SetEmbeddings(ctx, "local:test", todo, [][]float32{{0, 1, 0, 0}}); err != nil {
		t.Fatal(err)
	}
	if todo, _ := st.ChunksToEmbed(ctx, "local:test", 0, 10); len(todo) != 0 {
		t.Errorf("ChunksToEmbed after SetEmbeddings = %d chunks, want 0", len(todo))
	}
	if err := st.DropEmbedModel(ctx, "local:test"); err != nil {
		t.Fatal(err)
	}
	if models, _ := st.EmbedModels(ctx); len(models) != 0 {
		t.Errorf("models after drop: %+v", models)
	}
	if err := st.DropEmbedModel(ctx, "local:test"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second drop: %v, want ErrNotFound", err)
	}
}

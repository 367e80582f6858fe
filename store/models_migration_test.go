package store_test

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/store"
)

// TestMigrationModelsVersion: a semantic model saved before migration
// 0032 (its save moved the corpus version) stays current after it, and a
// model saved after it moves the models version, not the corpus version.
func TestMigrationModelsVersion(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 31); err != nil {
		t.Fatal(err)
	}
	d := store.Document{Source: "dila", ExternalID: "F1", Title: "Carte d'identité", ContentHash: "h"}
	savedBeforeServiceKeys(t, st, func() {
		if err := st.SaveDocument(ctx, &d, []store.Chunk{{Text: "En mairie."}}); err != nil {
			t.Fatal(err)
		}
	})
	save := func() {
		t.Helper()
		trainedAt, err := st.EachDocumentTerm(ctx, func(int64, string, float64) {})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.SaveSemanticModel(ctx, &store.SemanticModel{CorpusVersion: trainedAt, Documents: 1, Dims: 1, Data: []byte{1}}); err != nil {
			t.Fatal(err)
		}
	}
	save()
	if _, err := st.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	if stale, err := st.SemanticModelStale(ctx, 1); err != nil || stale {
		t.Errorf("a model saved before the migration is stale after it (%v, %v)", stale, err)
	}
	corpus, models := readVersions(t, st)
	save()
	if c, m := readVersions(t, st); c != corpus || m == models {
		t.Errorf("a model save moved the corpus version %d -> %d and the models version %d -> %d, want only the latter", corpus, c, models, m)
	}
	if stale, err := st.SemanticModelStale(ctx, 1); err != nil || stale {
		t.Errorf("a model just saved is stale (%v, %v)", stale, err)
	}
}

// readVersions reads the corpus and models versions of st.
func readVersions(t *testing.T, st *store.Store) (corpus, models int64) {
	t.Helper()
	if err := st.Pool().QueryRow(context.Background(), "SELECT version, models FROM corpus_version").Scan(&corpus, &models); err != nil {
		t.Fatal(err)
	}
	return corpus, models
}

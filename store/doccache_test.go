package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// docQuery is a document search of every lexeme the seeded documents hold
// a few of, one of them a word of the request.
func docQuery(f store.SearchFilter) store.DocQuery {
	terms := []store.DocTerm{{Lexeme: "cart", Weight: 1.5}, {Lexeme: "identit", Weight: 2.5, Request: true},
		{Lexeme: "rsa", Weight: 3}, {Lexeme: "electeur", Weight: 2}, {Lexeme: "entrepris", Weight: 1}, {Lexeme: "absent", Weight: 4}}
	return store.DocQuery{Terms: terms, Filter: f, K: 3, K1: 1.2, B: 0.75, TitleBoost: 2, AvgDocTerms: 6}
}

// checkDocSearch fails t unless three searches in a row (the first after
// a change searches the database, the second fills the cache, the third
// reads it) give the database's hits.
func checkDocSearch(t *testing.T, st *store.Store, name string, q store.DocQuery) {
	t.Helper()
	ctx := context.Background()
	want, err := st.SearchDocumentsSQL(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		got, err := st.SearchDocuments(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s, search %d (-database +memory):\n%s", name, i+1, diff)
		}
	}
}

func TestSearchDocumentsInMemory(t *testing.T) {
	t.Parallel()
	st := storetest.NewStore(t)
	seed(t, st)
	for _, c := range []struct {
		name   string
		filter store.SearchFilter
	}{
		{"published", store.SearchFilter{}},
		{"drafts too", store.SearchFilter{Statuses: []store.Status{store.StatusDraft, store.StatusPublished}}},
		{"archived only", store.SearchFilter{Statuses: []store.Status{store.StatusArchived}}},
		{"audience", store.SearchFilter{Audience: []string{"professionnels"}}},
		{"services", store.SearchFilter{Services: []string{"", "caf"}}},
		{"shared services", store.SearchFilter{Services: []string{""}}},
		{"tags", store.SearchFilter{Tags: []string{"none"}}},
	} {
		q := docQuery(c.filter)
		checkDocSearch(t, st, c.name, q)
		q.K = 1
		checkDocSearch(t, st, c.name+", k=1", q)
	}
	if hits, err := st.SearchDocuments(context.Background(), docQuery(store.SearchFilter{})); err != nil || len(hits) != 3 {
		t.Errorf("published: %v, %v; want three documents", hits, err)
	}
}

// TestDocumentSearchSeesChanges changes the documents through one store
// and searches through another on the same database, as replicas of plume
// do: every search after a change sees it.
func TestDocumentSearchSeesChanges(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	a, url := storetest.NewStoreURL(t)
	seed(t, a)
	b, err := store.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	q := docQuery(store.SearchFilter{})
	checkDocSearch(t, a, "seeded", q)
	version := func() int64 {
		v, err := a.CorpusVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	before := version()
	doc := store.Document{Source: "s", ExternalID: "cni2", Title: "Carte d'identité d'un mineur", ContentHash: "h"}
	if err := b.SaveDocument(ctx, &doc, []store.Chunk{{Text: "Identité, identité, carte."}}); err != nil {
		t.Fatal(err)
	}
	if got := version(); got != before+1 {
		t.Errorf("version %d after saving a document, want %d: one bump per transaction", got, before+1)
	}
	checkDocSearch(t, a, "document added", q)
	if hits, _ := a.SearchDocuments(ctx, q); len(hits) == 0 || hits[0].DocumentID != doc.ID {
		t.Errorf("hits %v, want the new document first", hits)
	}
	if _, err := b.SetDocumentStatus(ctx, doc.ID, store.StatusArchived); err != nil {
		t.Fatal(err)
	}
	checkDocSearch(t, a, "document archived", q)
	if _, err := b.DeleteDocuments(ctx, []int64{doc.ID}); err != nil {
		t.Fatal(err)
	}
	checkDocSearch(t, a, "document deleted", q)
	if _, err := b.Pool().Exec(ctx, "UPDATE documents SET audience = '{professionnels}' WHERE external_id = 'cni'"); err != nil {
		t.Fatal(err)
	}
	checkDocSearch(t, a, "audience changed", docQuery(store.SearchFilter{Audience: []string{"particuliers"}}))
	if got := version(); got != before+4 {
		t.Errorf("version %d after four changes, want %d", got, before+4)
	}
}

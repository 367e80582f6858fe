package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// saveChunks saves a document of n chunks, each the text given.
func saveChunks(t *testing.T, st *store.Store, ext string, status store.Status, n int, text string) {
	t.Helper()
	chunks := make([]store.Chunk, n)
	for i := range chunks {
		chunks[i] = store.Chunk{Ordinal: i, Text: fmt.Sprintf("%s (%d)", text, i)}
	}
	doc := store.Document{Source: "s", ExternalID: ext, Title: ext, Status: status, ContentHash: "h"}
	if err := st.SaveDocument(context.Background(), &doc, chunks); err != nil {
		t.Fatal(err)
	}
}

// The full-text search of ids (Search's) ranks the selected chunks before
// filtering them by document: whether its filter leaves out a few of the
// best chunks or all of them (then it searches again, filtering first), it
// finds SearchText's chunks.
func TestSearchTextRanksFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	// Drafts hold the chunks that rank best, archived documents the next
	// best, published ones the others. Archived only: 30 draft chunks
	// among the best ranked are left out, enough archived ones remain;
	// published only: none of the best ranked is kept.
	dense := strings.Repeat("carte grise ", 8)
	saveChunks(t, st, "drafts", store.StatusDraft, 30, dense+dense)
	saveChunks(t, st, "archived", store.StatusArchived, 300, dense)
	saveChunks(t, st, "published", store.StatusPublished, 200, "Une carte grise, la demande en ligne et les pièces à joindre.")
	terms := []store.Term{{Lexeme: "cart", Weight: 1}, {Lexeme: "gris", Weight: 2}}
	for _, statuses := range [][]store.Status{nil, {store.StatusArchived}, {store.StatusDraft}} {
		q := store.HybridQuery{Select: terms, Rank: terms, Terms: terms, K: 40, Filter: store.SearchFilter{Statuses: statuses}}
		want, err := st.SearchText(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		got, err := st.SearchTextIDsSQL(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) < 30 {
			t.Fatalf("statuses %v: %d hits, want 30 or more", statuses, len(want))
		}
		if diff := cmp.Diff(idsOnly(want), got); diff != "" {
			t.Errorf("statuses %v (-SearchText +Search):\n%s", statuses, diff)
		}
	}
}

// When the rank-first search ranked the whole selection and its filter
// kept none of it, there is no hit, and no need to search again.
func TestSearchTextRanksFirstNoneKept(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	saveChunks(t, st, "drafts", store.StatusDraft, 30, "Une carte grise.")
	saveChunks(t, st, "published", store.StatusPublished, 5, "Un permis de conduire.")
	terms := []store.Term{{Lexeme: "cart", Weight: 1}, {Lexeme: "gris", Weight: 2}}
	q := store.HybridQuery{Select: terms, Rank: terms, Terms: terms, K: 40}
	hits, exact, err := st.SearchTextRankFirst(ctx, q)
	if err != nil || len(hits) != 0 || !exact {
		t.Errorf("published only: %v, exact %v, %v; want no hit, exact", hits, exact, err)
	}
	q.Filter.Statuses = []store.Status{store.StatusDraft}
	hits, exact, err = st.SearchTextRankFirst(ctx, q)
	if err != nil || len(hits) != 30 || !exact {
		t.Errorf("drafts: %d hits, exact %v, %v; want 30, exact", len(hits), exact, err)
	}
}

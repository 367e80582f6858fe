package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// A lexeme is one word whatever its characters: quotes, backslashes and
// operators in it never turn it into a query of several words.
func TestTermLexemeIsOneWord(t *testing.T) {
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	for _, lexeme := range []string{"cart' | 'rsa", `x\' | cart | \'y`, `\cart`, "cart | rsa", "!cart", "cart:*"} {
		terms := []store.Term{{Lexeme: lexeme, Weight: 1}}
		hits, err := st.SearchText(ctx, store.HybridQuery{Select: terms, Rank: terms, Terms: terms, K: 10})
		if err != nil {
			t.Errorf("%q: %v", lexeme, err)
		}
		if len(hits) != 0 {
			t.Errorf("%q found %v, want nothing: no chunk has that lexeme", lexeme, ids(hits))
		}
	}
}

// The phrases AnalyzeQuery returns search as phrases: their words in order.
func TestSearchPhrase(t *testing.T) {
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	terms, _, err := st.QueryTerms(ctx, "", []string{"carte nationale d'identité", "identité nationale"})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		term store.TermStat
		want []string
	}{{terms[0], []string{"cni"}}, {terms[1], nil}} {
		q := []store.Term{tt.term.Term(1)}
		hits, err := st.SearchText(ctx, store.HybridQuery{Select: q, Rank: q, K: 10})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, ids(hits)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.term.Term(0), diff)
		}
	}
}

// idsOnly keeps the chunk and document ids of hits.
func idsOnly(hits []store.Hit) []store.Hit {
	out := make([]store.Hit, len(hits))
	for i, h := range hits {
		out[i] = store.Hit{ChunkID: h.ChunkID, DocumentID: h.DocumentID}
	}
	return out
}

// Search runs the three searches of a query and returns what each returns
// alone.
func TestSearch(t *testing.T) {
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	terms := []store.Term{{Lexeme: "cart", Weight: 1}, {Lexeme: "rsa", Weight: 2}}
	q := store.Query{
		Passages: store.HybridQuery{Select: terms, Rank: terms, Terms: terms, K: 3, Model: "m", Dim: 3, Vector: []float32{0, 1, 0}},
		Documents: store.DocQuery{Terms: []store.DocTerm{{Lexeme: "cart", Weight: 1}, {Lexeme: "rsa", Weight: 2}},
			K: 3, K1: 1.2, B: 0.75, TitleBoost: 2, AvgDocTerms: 5},
	}
	got, err := st.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var want store.Found
	if want.Text, err = st.SearchText(ctx, q.Passages); err != nil {
		t.Fatal(err)
	}
	if want.Vector, err = st.SearchVector(ctx, q.Passages); err != nil {
		t.Fatal(err)
	}
	if want.Documents, err = st.SearchDocuments(ctx, q.Documents); err != nil {
		t.Fatal(err)
	}
	if len(want.Text) == 0 || len(want.Vector) == 0 || len(want.Documents) == 0 {
		t.Fatalf("a search found nothing: %+v", want)
	}
	// Together, the passages' hits hold only their ids.
	want.Text, want.Vector = idsOnly(want.Text), idsOnly(want.Vector)
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(store.Found{}, "Took")); diff != "" {
		t.Errorf("Search (-alone +together):\n%s", diff)
	}
	if got.Took.Text <= 0 || got.Took.Vector <= 0 || got.Took.Documents <= 0 {
		t.Errorf("Took = %+v, want the time of each search", got.Took)
	}
	q.Passages.Dim = 2
	if _, err := st.Search(ctx, q); err == nil {
		t.Error("search with a vector of the wrong size: no error")
	}
}

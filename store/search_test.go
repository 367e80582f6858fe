package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// seed stores three small documents with 3-dimensional vectors.
func seed(t *testing.T, st *store.Store) {
	t.Helper()
	ctx := context.Background()
	if err := st.EnsureEmbedModel(ctx, "m", 3); err != nil {
		t.Fatal(err)
	}
	docs := []struct {
		doc  store.Document
		text string
		vec  []float32
	}{
		{store.Document{Source: "s", ExternalID: "cni", Title: "Carte d'identité", Audience: []string{"particuliers"}},
			"Renouvellement de la carte nationale d'identité en mairie.", []float32{1, 0, 0}},
		{store.Document{Source: "s", ExternalID: "rsa", Title: "Revenu de solidarité active", Service: "caf"},
			"Le RSA est versé par la caisse d'allocations familiales.", []float32{0, 1, 0}},
		{store.Document{Source: "s", ExternalID: "brouillon", Title: "Carte d'électeur", Status: store.StatusDraft},
			"Inscription électorale et carte d'électeur.", []float32{0.9, 0.1, 0}},
		{store.Document{Source: "s", ExternalID: "pro", Title: "Carte professionnelle", Audience: []string{"professionnels"}},
			"Carte pour les entreprises.", []float32{0.8, 0, 0.2}},
	}
	for _, d := range docs {
		d.doc.ContentHash = "h"
		chunks := []store.Chunk{{Ordinal: 0, Text: d.text, Embedding: d.vec, EmbedModel: "m"}}
		if err := st.SaveDocument(ctx, &d.doc, chunks); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.RefreshLexemeStats(ctx); err != nil {
		t.Fatal(err)
	}
}

func ids(hits []store.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ExternalID)
	}
	return out
}

func TestQueryTerms(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	terms, total, err := st.QueryTerms(ctx, "Comment renouveler ma carte d'identite ?", []string{"carte nationale d'identité"})
	if err != nil {
		t.Fatal(err)
	}
	if total != 4 {
		t.Errorf("total = %d, want 4 chunks", total)
	}
	df := map[string]int{}
	for _, term := range terms {
		df[term.Term(0).String()] = term.DF
	}
	// Accents folded, stop words dropped, French stems; the phrase keeps
	// its word order.
	want := map[string]int{"'renouvel'": 1, "'cart'": 3, "'identit'": 1, "'comment'": 0,
		"'cart' <-> 'national' <2> 'identit'": 1}
	if diff := cmp.Diff(want, df); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

func TestSearchText(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	carte := store.Term{Lexeme: "cart", Weight: 1}
	identite := store.Term{Lexeme: "identit", Weight: 2}
	tests := []struct {
		name   string
		cands  []store.Term
		filter store.SearchFilter
		want   []string
	}{
		{"title counts most, drafts excluded", []store.Term{carte, identite}, store.SearchFilter{}, []string{"cni", "pro"}},
		{"audience", []store.Term{carte}, store.SearchFilter{Audience: []string{"professionnels"}}, []string{"pro"}},
		{"service and shared", []store.Term{{Lexeme: "rsa", Weight: 1}, carte}, store.SearchFilter{Services: []string{"caf"}}, []string{"rsa"}},
		{"drafts when asked", []store.Term{{Lexeme: "electeur", Weight: 1}},
			store.SearchFilter{Statuses: []store.Status{store.StatusDraft}}, []string{"brouillon"}},
		{"nothing", []store.Term{{Lexeme: "passeport", Weight: 1}}, store.SearchFilter{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := st.SearchText(ctx, store.HybridQuery{Select: tt.cands, Rank: tt.cands, Terms: tt.cands, Filter: tt.filter, K: 10})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, ids(hits)); diff != "" {
				t.Errorf("hits (-want +got):\n%s", diff)
			}
			for _, h := range hits {
				if h.Similarity != -1 {
					t.Errorf("%s: similarity %v without a query vector, want -1", h.ExternalID, h.Similarity)
				}
			}
		})
	}
}

func TestSearchVector(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	q := store.HybridQuery{Terms: []store.Term{{Lexeme: "cart", Weight: 1}, {Lexeme: "identit", Weight: 2}},
		K: 2, Model: "m", Dim: 3, Vector: []float32{1, 0, 0}}
	hits, err := st.SearchVector(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"cni", "pro"}, ids(hits)); diff != "" {
		t.Errorf("hits (-want +got):\n%s", diff)
	}
	if hits[0].Similarity < 0.999 || hits[0].Matched != 3 || hits[1].Matched != 1 {
		t.Errorf("first hit similarity %v matched %v, second matched %v", hits[0].Similarity, hits[0].Matched, hits[1].Matched)
	}
	// Another model's vectors are never compared.
	q.Model = "other"
	if hits, err := st.SearchVector(ctx, q); err != nil || len(hits) != 0 {
		t.Errorf("search with another model = %v, %v; want nothing", ids(hits), err)
	}
	q.Vector = []float32{1, 0}
	if _, err := st.SearchVector(ctx, q); err == nil {
		t.Error("search with a vector of the wrong size: no error")
	}
}

func TestQueryTermsCorrectsTypos(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	terms, _, err := st.QueryTerms(ctx, "inscription electeurr solidarite tartiflette", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, term := range terms {
		got[term.Term(0).String()] = term.DF
	}
	// "electeurr" is found in no chunk: the closest lexeme stands in for
	// it; "tartiflette" is close to nothing and stays, unknown.
	want := map[string]int{"'inscript'": 1, "'electeur'": 1, "'solidarit'": 1, "'tartiflet'": 0}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
}

// TestRefreshMergesPendingPostings checks that RefreshLexemeStats leaves no
// chunk in the full-text index's pending list, which every full-text search
// would otherwise read whole.
func TestRefreshMergesPendingPostings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	var pages int64
	if err := st.Pool().QueryRow(ctx, "SELECT gin_clean_pending_list('chunks_tsv_idx'::regclass)").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if pages != 0 {
		t.Errorf("%d pages of postings were still pending after RefreshLexemeStats", pages)
	}
}

// TestPassageTexts: the texts of the chunks asked for, and none for a
// chunk that no longer exists.
func TestPassageTexts(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	var ids []int64
	want := map[int64]string{}
	rows, err := st.Pool().Query(ctx, "SELECT id, text FROM chunks ORDER BY id LIMIT 2")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		var text string
		if err := rows.Scan(&id, &text); err != nil {
			t.Fatal(err)
		}
		ids, want[id] = append(ids, id), text
	}
	got, err := st.PassageTexts(ctx, append(ids, -1))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" || len(want) != 2 {
		t.Errorf("texts of %v (-want +got):\n%s", ids, diff)
	}
}

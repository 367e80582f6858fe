package store_test

import (
	"context"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// docTerms reads the document-level index of one document.
func docTerms(t *testing.T, st *store.Store, ext string) (map[string][2]float64, int) {
	t.Helper()
	rows, err := st.Pool().Query(context.Background(), `SELECT t.lexeme, t.tf_title, t.tf_body, d.term_count
		FROM document_terms t JOIN documents d ON d.id = t.document_id WHERE d.external_id = $1`, ext)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][2]float64{}
	count := 0
	for rows.Next() {
		var lex string
		var title, body float64
		if err := rows.Scan(&lex, &title, &body, &count); err != nil {
			t.Fatal(err)
		}
		out[lex] = [2]float64{title, body}
	}
	return out, count
}

// checkPostingLengths fails t when a posting's document length is not its
// document's.
func checkPostingLengths(t *testing.T, st *store.Store) {
	t.Helper()
	var wrong int
	err := st.Pool().QueryRow(context.Background(), `SELECT count(*) FROM document_terms t
		JOIN documents d ON d.id = t.document_id WHERE t.doc_terms <> d.term_count`).Scan(&wrong)
	if err != nil {
		t.Fatal(err)
	}
	if wrong > 0 {
		t.Errorf("%d postings with another length than their document's", wrong)
	}
}

func TestDocumentTermsFollowChunks(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	doc := store.Document{Source: "s", ExternalID: "cni", Title: "Carte d'identité", ContentHash: "h1"}
	chunks := []store.Chunk{
		{Ordinal: 0, Heading: "Renouvellement", Text: "La carte se renouvelle en mairie."},
		{Ordinal: 1, Text: "Une carte perdue se déclare."},
	}
	if err := st.SaveDocument(ctx, &doc, chunks); err != nil {
		t.Fatal(err)
	}
	got, count := docTerms(t, st, "cni")
	// The title counts once, though every chunk copies it; headings and
	// text count in the body.
	want := map[string][2]float64{"cart": {1, 2}, "identit": {1, 0}, "renouvel": {0, 2}, "mair": {0, 1},
		"perdu": {0, 1}, "declar": {0, 1}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("terms (-want +got):\n%s", diff)
	}
	if count != 9 {
		t.Errorf("term count %d, want 9", count)
	}
	checkPostingLengths(t, st)
	// A new version replaces the terms; deleting the document drops them.
	doc.ContentHash = "h2"
	if err := st.SaveDocument(ctx, &doc, []store.Chunk{{Ordinal: 0, Text: "Passeport biométrique."}}); err != nil {
		t.Fatal(err)
	}
	got, _ = docTerms(t, st, "cni")
	if _, ok := got["mair"]; ok || got["passeport"] != [2]float64{0, 1} {
		t.Errorf("terms after an update: %v", got)
	}
	checkPostingLengths(t, st)
	if _, err := st.DeleteDocuments(ctx, []int64{doc.ID}); err != nil {
		t.Fatal(err)
	}
	if got, _ := docTerms(t, st, "cni"); len(got) != 0 {
		t.Errorf("terms of a deleted document: %v", got)
	}
}

func TestSearchDocuments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	seed(t, st)
	qs, err := st.AnalyzeQuery(ctx, []store.Sentence{{Text: "Bonjour, je dois renouveler ma carte", Repair: true}, {Text: "RSA ?", Repair: true}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var mean float64
	if err := st.Pool().QueryRow(ctx, "SELECT avg(term_count)::float8 FROM documents").Scan(&mean); err != nil {
		t.Fatal(err)
	}
	if qs.Documents != 4 || mean <= 0 || math.Abs(qs.AvgDocTerms-mean) > 1e-9 {
		t.Fatalf("documents %d, mean length %v, want 4 and %v", qs.Documents, qs.AvgDocTerms, mean)
	}
	var terms []store.DocTerm
	sentences := map[string][]int{}
	for _, term := range qs.Terms {
		sentences[term.Lexeme] = term.Sentences
		if term.DDF > 0 {
			terms = append(terms, store.DocTerm{Lexeme: term.Lexeme, Weight: 1, Request: term.Lexeme == "rsa"})
		}
	}
	if diff := cmp.Diff(map[string][]int{"bonjour": {0}, "dois": {0}, "renouvel": {0}, "cart": {0}, "rsa": {1}}, sentences); diff != "" {
		t.Errorf("sentences of each word (-want +got):\n%s", diff)
	}
	q := store.DocQuery{Terms: terms, K: 10, K1: 1.2, B: 0.75, TitleBoost: 2, AvgDocTerms: qs.AvgDocTerms}
	hits, err := st.SearchDocuments(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// The draft is left out; "cni" has both words, "pro" has "carte" three
	// times (its title counts twice), "rsa" its word once.
	ids := map[int64]string{}
	page, err := st.ListDocuments(ctx, store.DocumentFilter{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range page.Documents {
		ids[d.ID] = d.ExternalID
	}
	var got []string
	for _, h := range hits {
		got = append(got, ids[h.DocumentID])
	}
	if diff := cmp.Diff([]string{"cni", "pro", "rsa"}, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if hits[2].RequestMatched != 1 || hits[0].RequestMatched != 0 || math.Abs(hits[0].TitleShare-0.5) > 1e-9 {
		t.Errorf("cni: request %v title share %v; rsa: request %v", hits[0].RequestMatched, hits[0].TitleShare, hits[2].RequestMatched)
	}
	q.Filter = store.SearchFilter{Services: []string{"caf"}}
	if hits, err := st.SearchDocuments(ctx, q); err != nil || len(hits) != 1 {
		t.Errorf("caf only: %v, %v; want the rsa document", hits, err)
	}
}

package rag_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/rag"
)

// TestTuneSearcherSearchesAsTheServer checks that the tuning tests search
// as the server does: OpenTuneSearcher's store holds the chunk index, its
// vectors with it, before any search (vectors are then searched exactly,
// not through the HNSW index), and its searcher finds the same documents
// with the same reliability features and decisions as the searcher plume
// wires (wire.NewSearcher, through plumetest), on the same database.
func TestTuneSearcherSearchesAsTheServer(t *testing.T) {
	t.Parallel()
	p := plumetest.New(t, plumetest.WithCorpus(filepath.Join(repoRoot, "demo", "corpus")))
	st, tune := rag.OpenTuneSearcher(t, p.URL, rag.SearchOptions{})
	if stats := st.ChunkIndexStats(); stats.Version == 0 || stats.Vectors != stats.Chunks {
		t.Fatalf("tuning store's chunk index before any search: %+v, want every chunk's vector", stats)
	}
	qs := []rag.EvalQuestion{
		{ID: "aah", Question: "Bonjour, je suis handicapée et je voudrais savoir si j'ai droit à l'allocation adulte handicapé, merci", Expected: []string{"demo-aah"}},
		{ID: "carte-grise", Question: "J'ai déménagé le mois dernier, comment changer l'adresse de ma carte grise ?"},
		{ID: "volcan", Question: "Quelle est la hauteur du plus haut volcan de la Lune ?"},
	}
	ctx := context.Background()
	want, err := p.Searcher.Evaluate(ctx, qs, 10)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tune.Evaluate(ctx, qs, 10)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		Docs     []string
		Reliable bool
		Top      rag.Features
	}
	for i := range qs {
		w, g := want.Outcomes[i], got.Outcomes[i]
		if diff := cmp.Diff(seen{w.Docs, w.Reliable, w.Top}, seen{g.Docs, g.Reliable, g.Top}); diff != "" {
			t.Errorf("%s: tuning searcher differs from the server's (-server +tuning):\n%s", qs[i].ID, diff)
		}
		if len(g.Docs) == 0 {
			t.Errorf("%s: nothing found", qs[i].ID)
		}
	}
}

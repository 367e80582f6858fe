package rag_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/plumetest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store"
)

// writeFiches writes the synthetic fiches from..to-1 as a jsonl file.
func writeFiches(tb testing.TB, dir string, from, to int) string {
	tb.Helper()
	var b bytes.Buffer
	for d := from; d < to; d++ {
		rng := rand.New(rand.NewPCG(uint64(d), 11))
		topic := rag.SemanticTopics[d%len(rag.SemanticTopics)]
		var words []byte
		for range 60 {
			words = append(words, topic[rng.IntN(len(topic))]+" "...)
		}
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("S%d", d), "title": fmt.Sprintf("Fiche %s %d", topic[0], d),
			"text": string(words) + ".", "url": fmt.Sprintf("https://example.org/S%d", d)})
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(dir, fmt.Sprintf("fiches-%d-%d.jsonl", from, to))
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		tb.Fatal(err)
	}
	return path
}

// ingestMore ingests paths into st as plume's ingest does (which trains
// the semantic model unless opts skip it) and returns the stored model (ok
// false: none).
func ingestMore(tb testing.TB, st *store.Store, opts ingest.Options, paths ...string) (store.SemanticModel, bool) {
	tb.Helper()
	ctx := context.Background()
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := ingest.NewPipeline(st, embedder, nil, opts).IngestPaths(ctx, paths); err != nil {
		tb.Fatal(err)
	}
	m, ok, err := st.LatestSemanticModel(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	return m, ok
}

// searchUntilModel searches until the searcher holds the model id (its
// refresh runs in the background), failing after a while.
func searchUntilModel(tb testing.TB, s *rag.Searcher, id int64) rag.Results {
	tb.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := s.Search(context.Background(), rag.Query{Text: query(tb, s, "renouveler mon passeport à la mairie")})
		if err != nil {
			tb.Fatal(err)
		}
		if s.SemanticModelID() == id {
			return res
		}
		if time.Now().After(deadline) {
			tb.Fatalf("searcher holds semantic model %d, want %d", s.SemanticModelID(), id)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestSemanticModel checks the semantic model's life: a corpus under 200
// documents has none and searches work without; an ingest that brings it
// to 200 trains one, which searches pick up; an ingest that changes a
// document trains a new one, one that skips it leaves the model stale for
// plume serve's jobs; training the same corpus again gives the same bytes.
func TestSemanticModel(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := plumetest.New(t, plumetest.WithCorpus(writeFiches(t, dir, 0, 150)))
	ctx := context.Background()
	if _, ok, err := p.Store.LatestSemanticModel(ctx); err != nil || ok {
		t.Fatalf("150 documents: a semantic model stored (%v, %v)", ok, err)
	}
	checkStale(t, p.Store, false)
	res := searchUntilModel(t, p.Searcher, 0)
	if len(res.Results) == 0 {
		t.Fatal("no result without a semantic model")
	}
	first, ok := ingestMore(t, p.Store, ingest.Options{}, writeFiches(t, dir, 150, 220))
	if !ok || first.Documents != 220 {
		t.Fatalf("220 documents: model %+v (%v)", first, ok)
	}
	if res := searchUntilModel(t, p.Searcher, first.ID); len(res.Results) == 0 {
		t.Fatal("no result with the semantic model")
	}
	second, ok := ingestMore(t, p.Store, ingest.Options{}, writeFiches(t, dir, 220, 221))
	if !ok || second.ID == first.ID || second.Documents != 221 {
		t.Fatalf("after a change: model %+v, want a new one on 221 documents", second)
	}
	searchUntilModel(t, p.Searcher, second.ID)
	checkStale(t, p.Store, false)
	// An upload through the API leaves the model to plume serve's jobs.
	if skipped, _ := ingestMore(t, p.Store, ingest.Options{SkipSemantic: true}, writeFiches(t, dir, 221, 222)); skipped.ID != second.ID {
		t.Fatalf("an ingest skipping the semantic model trained %d", skipped.ID)
	}
	checkStale(t, p.Store, true)
	third, err := semantic.TrainStore(ctx, p.Store)
	if err != nil {
		t.Fatal(err)
	}
	checkStale(t, p.Store, false)
	before := storedModel(t, p.Store, third.Stored.ID)
	again, err := semantic.TrainStore(ctx, p.Store)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, storedModel(t, p.Store, again.Stored.ID)) {
		t.Fatal("training the same corpus twice gave different models")
	}
}

// checkStale fails unless the store says the semantic model is stale as
// want.
func checkStale(tb testing.TB, st *store.Store, want bool) {
	tb.Helper()
	got, err := st.SemanticModelStale(context.Background(), semantic.MinDocuments)
	if err != nil {
		tb.Fatal(err)
	}
	if got != want {
		tb.Fatalf("semantic model stale: %v, want %v", got, want)
	}
}

// storedModel returns the bytes of a stored model, which must exist.
func storedModel(tb testing.TB, st *store.Store, id int64) []byte {
	tb.Helper()
	m, ok, err := st.LoadSemanticModel(context.Background(), id)
	if err != nil || !ok {
		tb.Fatalf("semantic model %d: %v (found %v)", id, err, ok)
	}
	return m.Data
}

// TestSemanticModelReadAgainAfterAFailure: a first reading of the model
// that fails (here its table is out of reach) is tried again a little
// later, not only once the corpus changes.
func TestSemanticModelReadAgainAfterAFailure(t *testing.T) {
	t.Parallel()
	p := plumetest.New(t, plumetest.WithCorpus(writeFiches(t, t.TempDir(), 0, 220)))
	ctx := context.Background()
	stored, ok, err := p.Store.LatestSemanticModel(ctx)
	if err != nil || !ok {
		t.Fatalf("220 documents: no semantic model (%v)", err)
	}
	if _, err := p.Store.Pool().Exec(ctx, "ALTER TABLE semantic_models RENAME TO semantic_models_away"); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Searcher.Search(ctx, rag.Query{Text: query(t, p.Searcher, "renouveler mon passeport")}); err != nil {
		t.Fatalf("a search without the model's table: %v", err)
	}
	if id := p.Searcher.SemanticModelID(); id != 0 {
		t.Fatalf("searcher holds model %d with its table out of reach", id)
	}
	if _, err := p.Store.Pool().Exec(ctx, "ALTER TABLE semantic_models_away RENAME TO semantic_models"); err != nil {
		t.Fatal(err)
	}
	searchUntilModel(t, p.Searcher, stored.ID)
}

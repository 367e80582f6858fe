package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/semantic"
	"github.com/plume-sp/plume/store/storetest"
)

// TestRetrainSemantic checks that plume serve's job trains the semantic
// model once documents uploaded without one (as the API does) reach
// semantic.MinDocuments, and then, nothing changing, never again.
func TestRetrainSemantic(t *testing.T) {
	t.Parallel()
	st, _ := storetest.NewStoreURL(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	embedder, err := llm.NewLocalEmbedder(0)
	if err != nil {
		t.Fatal(err)
	}
	themes := []string{"passeport mairie photo timbre", "loyer bail locataire caution", "impôt revenus déclaration foyer"}
	docs := make([]ingest.Document, semantic.MinDocuments)
	for i := range docs {
		text := strings.Repeat(themes[i%len(themes)]+" ", 5+i%7)
		docs[i] = ingest.Document{Source: "jsonl", ExternalID: fmt.Sprintf("D%d", i), Title: fmt.Sprintf("Fiche %d", i),
			Blocks: []ingest.Block{{Text: text}}}
	}
	p := ingest.NewPipeline(st, embedder, nil, ingest.Options{SkipSemantic: true})
	if _, err := p.IngestDocuments(ctx, "upload", docs); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.LatestSemanticModel(ctx); err != nil || ok {
		t.Fatalf("a model after an ingest that skips it (%v, %v)", ok, err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		retrainSemantic(ctx, st, 20*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}()
	deadline := time.Now().Add(time.Minute)
	var first int64
	for {
		m, ok, err := st.LatestSemanticModel(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			if m.Documents != len(docs) {
				t.Errorf("model on %d documents, want %d", m.Documents, len(docs))
			}
			first = m.ID
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no model trained")
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // 25 checks
	if m, _, err := st.LatestSemanticModel(ctx); err != nil || m.ID != first {
		t.Errorf("model %d then %d (%v): retrained while nothing changed", first, m.ID, err)
	}
	cancel()
	<-done
}

package rag_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

// remoteEmbedder returns an embedder calling srv's /embeddings.
func remoteEmbedder(t *testing.T, srv *llmtest.Server, dim int) *llm.OpenAIEmbedder {
	t.Helper()
	e, err := llm.NewOpenAIEmbedder(llm.OpenAIEmbedderConfig{BaseURL: srv.URL(), Model: llmtest.DefaultEmbedModel,
		Dim: dim, MaxRetries: 1, Timeout: 5 * time.Second, BackoffBase: time.Millisecond, BackoffMax: 2 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestRemoteEmbeddings ingests and searches with an OpenAI-compatible
// embedding endpoint, then searches while that endpoint is down: the search
// and the draft fall back to full text and say so.
func TestRemoteEmbeddings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const dim = 64
	up := llmtest.New(t, llmtest.WithEmbeddingDim(dim))
	embedder := remoteEmbedder(t, up, dim)
	st := ingestRemote(t, up, embedder, dim)

	const question = "renouveler ma carte d'identité"
	query := rag.Query{Text: redacttest.Text(t, question), K: 5}
	res, err := rag.NewSearcher(st, embedder, rag.DefaultLexicon(), nil, rag.SearchOptions{}).Search(ctx, query)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) != 0 || len(res.Results) == 0 || res.Results[0].DocID != "demo-cni-renouvellement" {
		t.Fatalf("search with the endpoint up: warnings %v, %d results", res.Warnings, len(res.Results))
	}

	down := llmtest.New(t, llmtest.WithEmbeddingDim(dim), llmtest.WithFailFirst(1000, 503, llmtest.Embeddings))
	searcher := rag.NewSearcher(st, remoteEmbedder(t, down, dim), rag.DefaultLexicon(), nil, rag.SearchOptions{})
	res, err = searcher.Search(ctx, query)
	if err != nil {
		t.Fatalf("search with the endpoint down: %v", err)
	}
	if !slices.Contains(res.Warnings, rag.WarnVectorUnavailable) || len(res.Results) == 0 ||
		res.Results[0].DocID != "demo-cni-renouvellement" {
		t.Fatalf("search with the endpoint down: warnings %v, results %d", res.Warnings, len(res.Results))
	}
	ps, err := prompts.Load("")
	if err != nil {
		t.Fatal(err)
	}
	draft, err := writeDraft(ctx, rag.NewDrafter(searcher, st, nil, ps, nil, rag.DraftOptions{}), rag.Request{Question: question})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := findWarning(draft, rag.WarnFullTextOnly); !ok || !draft.Reliable {
		t.Errorf("draft with the endpoint down: reliable %v, warnings %v; want a reliable draft saying full text only",
			draft.Reliable, warningCodes(draft))
	}
}

// ingestRemote ingests the demo corpus with the remote embedder of up and
// checks that every chunk was embedded by it.
func ingestRemote(t *testing.T, up *llmtest.Server, embedder llm.Embedder, dim int) *store.Store {
	t.Helper()
	ctx := context.Background()
	st := storetest.NewStore(t)
	report, err := ingest.NewPipeline(st, embedder, nil, ingest.Options{}).
		IngestPaths(ctx, []string{filepath.Join(repoRoot, "demo", "corpus")})
	if err != nil {
		t.Fatal(err)
	}
	if calls := up.Calls(llmtest.Embeddings); calls == 0 || report.Chunks == 0 {
		t.Fatalf("%d embedding calls for %d chunks", calls, report.Chunks)
	}
	models, err := st.EmbedModels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(models) != 1 || models[0].Model != "openai:"+llmtest.DefaultEmbedModel || models[0].Dim != dim ||
		models[0].Chunks != int64(report.Chunks) {
		t.Fatalf("embedding models %+v, want every chunk embedded by the remote model", models)
	}
	return st
}

package wire

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"testing"
	"time"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/redact/redacttest"
	"github.com/plume-sp/plume/store/storetest"
)

// TestSearcherRemembersEmbeddingOutage searches three times while the
// embedding endpoint is down: each search falls back to full text with the
// warning, and only the first one reaches the endpoint (and pays its
// retries).
func TestSearcherRemembersEmbeddingOutage(t *testing.T) {
	t.Parallel()
	down := llmtest.New(t, llmtest.WithFailFirst(1000, 503, llmtest.Embeddings))
	cfg, err := LoadConfig(envWith(map[string]string{"PLUME_EMBED_MODEL": llmtest.DefaultEmbedModel, "PLUME_EMBED_DIM": "16",
		"PLUME_EMBED_BASE_URL": down.URL(), "PLUME_EMBED_BREAKER": "1m"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.EmbedBreaker != time.Minute {
		t.Fatalf("EmbedBreaker = %s, want 1m", cfg.EmbedBreaker)
	}
	searcher, _, err := NewSearcher(context.Background(), cfg, storetest.NewStore(t), slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	var first int
	for i := range 3 {
		res, err := searcher.Search(context.Background(), rag.Query{Text: redacttest.Text(t, "changer l'adresse de la carte grise")})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(res.Warnings, rag.WarnVectorUnavailable) {
			t.Errorf("search %d: warnings %v, want %s", i, res.Warnings, rag.WarnVectorUnavailable)
		}
		if i == 0 {
			first = down.Calls(llmtest.Embeddings)
		}
	}
	if n := down.Calls(llmtest.Embeddings); first == 0 || n != first {
		t.Errorf("%d embedding requests for 3 searches, want only the first search's %d", n, first)
	}
}

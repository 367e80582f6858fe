package main

import (
	"context"
	"fmt"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

// openStore connects to the database and applies pending migrations.
func (a *app) openStore(ctx context.Context) (*store.Store, error) {
	st, err := store.Open(ctx, a.cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	n, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	if n > 0 {
		a.log.Info("applied migrations", "count", n)
	}
	return st, nil
}

// newEmbedder returns the configured embedding model, or the local embedder
// when none is configured.
func (a *app) newEmbedder() (llm.Embedder, error) {
	if a.cfg.EmbedModel == "" {
		return llm.NewLocalEmbedder(0)
	}
	e, err := llm.NewOpenAIEmbedder(llm.OpenAIEmbedderConfig{
		BaseURL:        a.cfg.EmbedBaseURL,
		APIKey:         a.cfg.EmbedAPIKey,
		Model:          a.cfg.EmbedModel,
		Dim:            a.cfg.EmbedDim,
		SendDimensions: a.cfg.EmbedSendDimensions,
		Timeout:        a.cfg.ModelTimeout,
	})
	if err != nil {
		return nil, fmt.Errorf("embedding model: %w", err)
	}
	return e, nil
}

// newSearcher returns the hybrid searcher over st.
func (a *app) newSearcher(st *store.Store) (*rag.Searcher, error) {
	embedder, err := a.newEmbedder()
	if err != nil {
		return nil, err
	}
	return rag.NewSearcher(st, embedder, rag.DefaultLexicon(), a.log, rag.SearchOptions{}), nil
}

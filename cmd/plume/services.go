package main

import (
	"context"
	"fmt"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/telemetry"
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

// newSearcher returns the hybrid searcher over st, with the reliability
// model calibrated for its embedder if one is stored, and its embedder. A
// remote embedder is searched through a breaker (PLUME_EMBED_BREAKER): while
// it is down, searches go to full text at once instead of each paying the
// retries; ingestion uses the embedder itself. With PLUME_QUERY_REWRITE=on
// and a chat model, messages are rewritten into search queries first.
func (a *app) newSearcher(ctx context.Context, st *store.Store) (*rag.Searcher, llm.Embedder, error) {
	embedder, err := a.newEmbedder()
	if err != nil {
		return nil, nil, err
	}
	s, err := a.searcherOn(st, embedder)
	if err != nil {
		return nil, nil, err
	}
	if err := s.LoadReliability(ctx); err != nil {
		return nil, nil, err
	}
	return s, embedder, nil
}

// searcherOn returns a searcher over st with embedder behind its breaker,
// traced, and with the query rewriter when PLUME_QUERY_REWRITE is on; the
// caller loads its reliability model.
func (a *app) searcherOn(st *store.Store, embedder llm.Embedder) (*rag.Searcher, error) {
	queries := embedder
	if a.cfg.EmbedModel != "" && a.cfg.EmbedBreaker > 0 {
		queries = llm.NewEmbedBreaker(embedder, a.cfg.EmbedBreaker)
	}
	opts := rag.SearchOptions{}
	if a.cfg.QueryRewrite && a.cfg.ChatModel == "" {
		a.log.Warn("PLUME_QUERY_REWRITE=on needs PLUME_CHAT_MODEL: messages are searched as they are")
	}
	if a.cfg.QueryRewrite && a.cfg.ChatModel != "" {
		chat, err := a.newChat()
		if err != nil {
			return nil, err
		}
		opts.Rewriter = rag.NewQueryRewriter(chat, a.cfg.QueryRewriteTimeout)
	}
	return rag.NewSearcher(st, telemetry.Embedder(queries), rag.DefaultLexicon(), a.log, opts), nil
}

// newChat returns the configured chat model, or nil when none is
// configured: drafts are then extractive.
func (a *app) newChat() (llm.Chatter, error) {
	if a.cfg.ChatModel == "" {
		a.log.Info("no chat model configured (PLUME_CHAT_MODEL): drafts will be extractive")
		return nil, nil
	}
	c, err := llm.NewOpenAIChat(llm.OpenAIChatConfig{BaseURL: a.cfg.OpenAIBaseURL, APIKey: a.cfg.OpenAIAPIKey,
		Model: a.cfg.ChatModel, Timeout: a.cfg.ModelTimeout})
	if err != nil {
		return nil, fmt.Errorf("chat model: %w", err)
	}
	return telemetry.Chatter(c), nil
}

// drafting is what drafting needs, built from the configuration.
type drafting struct {
	embedder llm.Embedder
	searcher *rag.Searcher
	drafter  *rag.Drafter
}

// newDrafting builds the searcher and the drafter over st, with the prompts
// ps (loaded by the caller from PLUME_PROMPTS_DIR or embedded).
func (a *app) newDrafting(ctx context.Context, st *store.Store, ps *prompts.Set) (*drafting, error) {
	searcher, embedder, err := a.newSearcher(ctx, st)
	if err != nil {
		return nil, err
	}
	chat, err := a.newChat()
	if err != nil {
		return nil, err
	}
	drafter := rag.NewDrafter(searcher, st, chat, ps, a.log, a.draftOptions())
	return &drafting{embedder: embedder, searcher: searcher, drafter: drafter}, nil
}

// draftOptions are the drafter's options from the configuration.
func (a *app) draftOptions() rag.DraftOptions {
	return rag.DraftOptions{Model: a.cfg.ChatModel, Emergency: a.cfg.EmergencyContacts,
		SecondOpinion: a.cfg.TriageSecondOpinion}
}

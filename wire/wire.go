// Package wire builds plume from its configuration, in one place: the store,
// the embedder, the chat model, the searcher, the drafter, the ingestion
// pipeline and what plume serve adds (the read replica, the sign-in
// provider, the API's dependencies). The plume command and the tests
// (plumetest) both build plume with it. Config, read from the environment
// by LoadConfig, is described setting by setting in Settings.
package wire

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/prompts"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/telemetry"
)

// Plume is plume's services, built by New.
type Plume struct {
	Config Config
	Log    *slog.Logger
	Store  *store.Store
	// Embedder embeds documents (ingestion, uploads); the searcher embeds
	// queries with it, behind a breaker when it is remote.
	Embedder llm.Embedder
	// Chat writes drafts; nil when no chat model is configured (drafts are
	// then extractive).
	Chat     llm.Chatter
	Prompts  *prompts.Set
	Searcher *rag.Searcher
	Drafter  *rag.Drafter

	// closeStore closes the store New opened (not one given in Parts).
	closeStore func()
}

// Parts are services given to New instead of built from the configuration:
// the tests give a store of their own schema, a fake model, a failing
// embedder. A nil part is built from the configuration.
type Parts struct {
	Store *store.Store
	// Embedder embeds documents, and queries unless QueryEmbedder is set.
	Embedder llm.Embedder
	// QueryEmbedder, when set, embeds the searches' queries as given (no
	// breaker is added).
	QueryEmbedder llm.Embedder
	Chat          llm.Chatter
	Prompts       *prompts.Set
}

// New builds plume from cfg, in order: store (opened and migrated),
// embedder, chat model, prompts, searcher (with the reliability model
// stored for its embedder), drafter. Close releases what it opened.
func New(ctx context.Context, cfg Config, log *slog.Logger, parts Parts) (*Plume, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	p := &Plume{Config: cfg, Log: log, Store: parts.Store, Embedder: parts.Embedder, Prompts: parts.Prompts,
		Chat: telemetry.Chatter(parts.Chat), closeStore: func() {}}
	if err := p.build(ctx, parts); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// build makes the parts not given.
func (p *Plume) build(ctx context.Context, parts Parts) error {
	var err error
	if p.Store == nil {
		if p.Store, err = OpenStore(ctx, p.Config, p.Log); err != nil {
			return err
		}
		p.closeStore = p.Store.Close
	}
	if p.Embedder == nil {
		if p.Embedder, err = NewEmbedder(p.Config); err != nil {
			return err
		}
	}
	if parts.Chat == nil {
		if p.Chat, err = NewChat(p.Config, p.Log); err != nil {
			return err
		}
	}
	if p.Prompts == nil {
		if p.Prompts, err = prompts.Load(p.Config.PromptsDir); err != nil {
			return fmt.Errorf("prompts: %w", err)
		}
	}
	queries := p.Config.queryEmbedder(p.Embedder)
	if parts.QueryEmbedder != nil {
		queries = parts.QueryEmbedder
	}
	if p.Searcher, err = searcher(ctx, p.Config, p.Store, queries, p.Chat, p.Log); err != nil {
		return err
	}
	if p.Config.AnswerCheck && p.Chat == nil {
		p.Log.Warn("PLUME_ANSWER_CHECK=on needs PLUME_CHAT_MODEL: validated answers are shown as matched")
	}
	p.Drafter = p.NewDrafter(p.Searcher)
	return nil
}

// Close closes the store if New opened it.
func (p *Plume) Close() { p.closeStore() }

// NewDrafter returns a drafter that searches with s and saves its drafts
// to the primary store.
func (p *Plume) NewDrafter(s *rag.Searcher) *rag.Drafter {
	return rag.NewDrafter(s, p.Store, p.Chat, p.Prompts, p.Log, p.Config.draftOptions())
}

// Pipeline returns the ingestion pipeline into the store, with the
// documents' embedder.
func (p *Plume) Pipeline(opts ingest.Options) *ingest.Pipeline {
	return ingest.NewPipeline(p.Store, p.Embedder, p.Log, opts)
}

// OpenStore connects to the database and applies pending migrations.
func OpenStore(ctx context.Context, cfg Config, log *slog.Logger) (*store.Store, error) {
	st, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		return nil, err
	}
	n, err := st.Migrate(ctx)
	if err != nil {
		st.Close()
		return nil, err
	}
	if n > 0 {
		log.Info("applied migrations", "count", n)
	}
	return st, nil
}

// NewEmbedder returns the configured embedding model, or the local
// embedder when none is configured.
func NewEmbedder(cfg Config) (llm.Embedder, error) {
	if cfg.EmbedModel == "" {
		return llm.NewLocalEmbedder(0)
	}
	e, err := llm.NewOpenAIEmbedder(llm.OpenAIEmbedderConfig{
		BaseURL:        cfg.EmbedBaseURL,
		APIKey:         cfg.EmbedAPIKey,
		Model:          cfg.EmbedModel,
		Dim:            cfg.EmbedDim,
		SendDimensions: cfg.EmbedSendDimensions,
		Timeout:        cfg.ModelTimeout,
	})
	if err != nil {
		return nil, fmt.Errorf("embedding model: %w", err)
	}
	return e, nil
}

// NewChat returns the configured chat model, traced, or nil when none is
// configured: drafts are then extractive.
func NewChat(cfg Config, log *slog.Logger) (llm.Chatter, error) {
	if cfg.ChatModel == "" {
		log.Info("no chat model configured (PLUME_CHAT_MODEL): drafts will be extractive")
		return nil, nil
	}
	c, err := llm.NewOpenAIChat(llm.OpenAIChatConfig{BaseURL: cfg.OpenAIBaseURL, APIKey: cfg.OpenAIAPIKey,
		Model: cfg.ChatModel, Timeout: cfg.ModelTimeout})
	if err != nil {
		return nil, fmt.Errorf("chat model: %w", err)
	}
	return telemetry.Chatter(c), nil
}

// NewSearcher returns the hybrid searcher over st, with the reliability
// model calibrated for its embedder if one is stored, and that embedder. A
// remote embedder is searched through a breaker (PLUME_EMBED_BREAKER):
// while it is down, searches go to full text at once instead of each
// paying the retries; ingestion uses the embedder itself. With
// PLUME_QUERY_REWRITE=on and a chat model, messages are rewritten into
// search queries first. It is what plume search and plume eval need.
func NewSearcher(ctx context.Context, cfg Config, st *store.Store, log *slog.Logger) (*rag.Searcher, llm.Embedder, error) {
	embedder, err := NewEmbedder(cfg)
	if err != nil {
		return nil, nil, err
	}
	var chat llm.Chatter
	if cfg.QueryRewrite && cfg.ChatModel != "" {
		if chat, err = NewChat(cfg, log); err != nil {
			return nil, nil, err
		}
	}
	s, err := searcher(ctx, cfg, st, cfg.queryEmbedder(embedder), chat, log)
	if err != nil {
		return nil, nil, err
	}
	return s, embedder, nil
}

// searcher returns a searcher over st embedding queries with queries
// (traced), with the query rewriter over chat when PLUME_QUERY_REWRITE is
// on, its reliability model loaded, and the store's chunk index read: a
// search before the index is read goes through the approximate vector
// index, whose results depend on its build, so that plume eval, search and
// draft would not give the figures and lists the server gives.
func searcher(ctx context.Context, cfg Config, st *store.Store, queries llm.Embedder, chat llm.Chatter, log *slog.Logger) (*rag.Searcher, error) {
	s := searcherOn(cfg, st, queries, chat, log)
	if err := s.Prepare(ctx); err != nil {
		return nil, err
	}
	return s, nil
}

// searcherOn is searcher without preparing it (rag.Searcher.Prepare): a
// replica prepares it once it answers.
func searcherOn(cfg Config, st *store.Store, queries llm.Embedder, chat llm.Chatter, log *slog.Logger) *rag.Searcher {
	opts := rag.SearchOptions{}
	switch {
	case cfg.QueryRewrite && chat == nil:
		log.Warn("PLUME_QUERY_REWRITE=on needs PLUME_CHAT_MODEL: messages are searched as they are")
	case cfg.QueryRewrite:
		opts.Rewriter = rag.NewQueryRewriter(chat, cfg.QueryRewriteTimeout)
	}
	return rag.NewSearcher(st, telemetry.Embedder(queries), rag.DefaultLexicon(), log, opts)
}

// queryEmbedder returns what embeds the searches' queries: the documents'
// embedder, behind a breaker when it is remote.
func (c Config) queryEmbedder(e llm.Embedder) llm.Embedder {
	if c.EmbedModel != "" && c.EmbedBreaker > 0 {
		return llm.NewEmbedBreaker(e, c.EmbedBreaker)
	}
	return e
}

// draftOptions are the drafter's options from the configuration.
func (c Config) draftOptions() rag.DraftOptions {
	return rag.DraftOptions{Model: c.ChatModel, Emergency: c.EmergencyContacts, FeedbackTags: c.FeedbackTags, SecondOpinion: c.TriageSecondOpinion,
		SecondOpinionTimeout: c.TriageSecondOpinionTimeout, MaxQuestionBytes: c.MaxQuestionBytes, AnswerCheck: c.AnswerCheck, AnswerCheckTimeout: c.AnswerCheckTimeout}
}

// NewTriager returns a drafter for triage alone, with the chat model of
// the second opinion: it neither searches nor stores.
func NewTriager(cfg Config, log *slog.Logger) (*rag.Drafter, error) {
	chat, err := NewChat(cfg, log)
	if err != nil {
		return nil, err
	}
	ps, err := prompts.Load(cfg.PromptsDir)
	if err != nil {
		return nil, fmt.Errorf("prompts: %w", err)
	}
	return rag.NewDrafter(nil, nil, chat, ps, log, cfg.draftOptions()), nil
}

// Package plumetest gives a test plume wired as the plume command wires it
// (wire.New), over a PostgreSQL schema of its own (store/storetest): the
// store, the embedder, the searcher, the drafter, the fake model when asked,
// and an API server on loopback (Serve). Tests that own their plume can run
// in parallel.
package plumetest

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
	"github.com/plume-sp/plume/wire"
)

// Plume is plume wired for one test.
type Plume struct {
	*wire.Plume
	// URL is the connection string of the test's schema.
	URL string
	// Direct is the store on that schema as New opened it; Store is the
	// one plume uses, the same unless WithStore gave another.
	Direct *store.Store
	// Model is the fake OpenAI-compatible model (WithModel), or nil.
	Model *llmtest.Server
}

// Option changes what New builds.
type Option func(*options)

type options struct {
	corpus        []string
	env           map[string]string
	model         []llmtest.Option
	withModel     bool
	chatTimeout   time.Duration
	log           *slog.Logger
	store         func(tb testing.TB, url string) *store.Store
	queryEmbedder func(modelURL string) llm.Embedder
	embedder      func(llm.Embedder) llm.Embedder
}

// WithCorpus ingests these files or folders before plume is built, with
// the local embedder, into the test's schema.
func WithCorpus(paths ...string) Option {
	return func(o *options) { o.corpus = append(o.corpus, paths...) }
}

// WithEnv configures plume from these variables, as the environment of
// the plume command would (see wire.Settings).
func WithEnv(vars map[string]string) Option { return func(o *options) { o.env = vars } }

// WithModel starts a fake model (Plume.Model) configured by opts, and
// drafts with it: quick retries (one), 10 s per call unless
// WithChatTimeout says otherwise.
func WithModel(opts ...llmtest.Option) Option {
	return func(o *options) { o.withModel, o.model = true, append(o.model, opts...) }
}

// WithChatTimeout bounds each call to the fake model.
func WithChatTimeout(d time.Duration) Option { return func(o *options) { o.chatTimeout = d } }

// WithLog makes plume log there (default: nowhere).
func WithLog(log *slog.Logger) Option { return func(o *options) { o.log = log } }

// WithStore makes plume use the store open returns, given the schema's
// connection string (through a proxy the test cuts, say); the corpus still
// goes through the direct one.
func WithStore(open func(tb testing.TB, url string) *store.Store) Option {
	return func(o *options) { o.store = open }
}

// WithQueryEmbedder makes the searches embed their queries with the
// embedder build returns, given the fake model's URL ("" without one).
func WithQueryEmbedder(build func(modelURL string) llm.Embedder) Option {
	return func(o *options) { o.queryEmbedder = build }
}

// WithEmbedder wraps the embedder plume embeds documents and queries with
// (the corpus is ingested before, with the local embedder itself).
func WithEmbedder(wrap func(llm.Embedder) llm.Embedder) Option {
	return func(o *options) { o.embedder = wrap }
}

// New returns plume over a fresh schema, with the options applied.
func New(tb testing.TB, opts ...Option) *Plume {
	tb.Helper()
	o := options{chatTimeout: 10 * time.Second, log: slog.New(slog.DiscardHandler)}
	for _, opt := range opts {
		opt(&o)
	}
	st, url := storetest.NewStoreURL(tb)
	p := &Plume{URL: url, Direct: st}
	local, err := llm.NewLocalEmbedder(0)
	if err != nil {
		tb.Fatal(err)
	}
	ingestCorpus(tb, st, local, o.log, o.corpus)
	cfg, err := wire.LoadConfig(func(name string) string { return o.env[name] })
	if err != nil {
		tb.Fatal(err)
	}
	parts := wire.Parts{Store: st, Embedder: local}
	if o.store != nil {
		parts.Store = o.store(tb, url)
	}
	if o.embedder != nil {
		parts.Embedder = o.embedder(local)
	}
	var modelURL string
	if o.withModel {
		p.Model = llmtest.New(tb, o.model...)
		modelURL = p.Model.URL()
		parts.Chat = Chat(tb, modelURL, o.chatTimeout, 1)
		cfg.ChatModel = llmtest.DefaultChatModel
	}
	if o.queryEmbedder != nil {
		parts.QueryEmbedder = o.queryEmbedder(modelURL)
	}
	if p.Plume, err = wire.New(context.Background(), cfg, o.log, parts); err != nil {
		tb.Fatal(err)
	}
	if len(o.corpus) > 0 && o.store == nil {
		// As serve does before it is ready (Store.Warm): every search
		// ranks in memory, vectors exactly, whatever the HNSW index.
		if err := st.LoadChunkIndex(context.Background()); err != nil {
			tb.Fatal(err)
		}
	}
	tb.Cleanup(p.Close)
	return p
}

// ingestCorpus ingests paths into st, failing the test on any file that
// cannot be read.
func ingestCorpus(tb testing.TB, st *store.Store, embedder llm.Embedder, log *slog.Logger, paths []string) {
	tb.Helper()
	if len(paths) == 0 {
		return
	}
	report, err := ingest.NewPipeline(st, embedder, log, ingest.Options{}).IngestPaths(context.Background(), paths)
	if err != nil {
		tb.Fatalf("ingest %v: %v", paths, err)
	}
	if len(report.Failed) > 0 {
		tb.Fatalf("ingest %v: %d files failed, first: %s: %v", paths, len(report.Failed), report.Failed[0].Path, report.Failed[0].Err)
	}
}

// Chat returns a client of the fake model at url with quick retries (at
// most retries of them, a few milliseconds apart) and the given timeout
// for a whole call.
func Chat(tb testing.TB, url string, timeout time.Duration, retries int) *llm.OpenAIChat {
	tb.Helper()
	c, err := llm.NewOpenAIChat(llm.OpenAIChatConfig{BaseURL: url, Model: llmtest.DefaultChatModel,
		Timeout: timeout, MaxRetries: retries, BackoffBase: time.Millisecond, BackoffMax: 5 * time.Millisecond})
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

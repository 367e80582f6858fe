package llm

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Embedder defaults.
const (
	defaultBatchSize    = 64
	defaultEmbedTimeout = time.Minute
)

// OpenAIEmbedderConfig configures an OpenAIEmbedder.
type OpenAIEmbedderConfig struct {
	// BaseURL is the API root (e.g. a TEI, vLLM or Albert endpoint ending in
	// /v1); empty means OpenAI's.
	BaseURL string
	// APIKey is sent as a bearer token when not empty. It never appears in
	// errors.
	APIKey string
	// Model is the embedding model name; required.
	Model string
	// Dim is the length of every vector; required. Each returned vector is
	// checked against it.
	Dim int
	// SendDimensions sends Dim as the "dimensions" field, for models that
	// can shorten their vectors (OpenAI text-embedding-3). Leave it false
	// for servers that reject the field (TEI, vLLM, Albert).
	SendDimensions bool
	// BatchSize is the number of texts per request; 0 means 64.
	BatchSize int
	// Concurrency is the number of batch requests in flight; 0 means 1.
	Concurrency int
	// MaxRetries is the number of retries of a batch after its first
	// attempt on 429, 5xx, malformed answers and network errors; 0 means 3,
	// a negative value none.
	MaxRetries int
	// Timeout bounds each batch request, retries included; 0 means one
	// minute, a negative value no bound but the context's.
	Timeout time.Duration
	// HTTPClient sends the requests; nil means a client with a pool sized for
	// concurrent calls.
	HTTPClient *http.Client
	// BackoffBase is the wait before the first retry, doubled at each retry
	// up to BackoffMax, with jitter; 0 means 500 ms and 15 s.
	BackoffBase, BackoffMax time.Duration
	// MaxRetryAfter is the longest Retry-After the client accepts to wait;
	// beyond it the call fails at once. 0 means 30 seconds.
	MaxRetryAfter time.Duration
}

// OpenAIEmbedder is an Embedder over an OpenAI-compatible /embeddings
// endpoint. It is safe for concurrent use.
type OpenAIEmbedder struct {
	ep          endpoint
	model       string
	dim         int
	sendDims    bool
	batchSize   int
	concurrency int
}

var _ Embedder = (*OpenAIEmbedder)(nil)

// NewOpenAIEmbedder returns an embedder for cfg.
func NewOpenAIEmbedder(cfg OpenAIEmbedderConfig) (*OpenAIEmbedder, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm: embeddings: no model configured")
	}
	if cfg.Dim <= 0 {
		return nil, fmt.Errorf("llm: embeddings: model %q: vector dimension must be positive, got %d", cfg.Model, cfg.Dim)
	}
	if cfg.BatchSize < 0 || cfg.Concurrency < 0 {
		return nil, fmt.Errorf("llm: embeddings: negative batch size %d or concurrency %d", cfg.BatchSize, cfg.Concurrency)
	}
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = defaultEmbedTimeout
	}
	e := &OpenAIEmbedder{
		ep:          newEndpoint(cfg.BaseURL, cfg.APIKey, cfg.HTTPClient, timeout, newRetryPolicy(cfg.MaxRetries, cfg.BackoffBase, cfg.BackoffMax, cfg.MaxRetryAfter)),
		model:       cfg.Model,
		dim:         cfg.Dim,
		sendDims:    cfg.SendDimensions,
		batchSize:   cmp.Or(cfg.BatchSize, defaultBatchSize),
		concurrency: cmp.Or(cfg.Concurrency, 1),
	}
	return e, nil
}

// Model returns "openai:" followed by the model name.
func (e *OpenAIEmbedder) Model() string { return "openai:" + e.model }

// Dim returns the configured vector dimension.
func (e *OpenAIEmbedder) Dim() int { return e.dim }

// Embed returns one vector per text, in order, sending the texts in batches
// of BatchSize. On failure it returns no vectors and the first error.
func (e *OpenAIEmbedder) Embed(ctx context.Context, texts []Text) ([][]float32, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	out := make([][]float32, len(texts))
	nBatches := (len(texts) + e.batchSize - 1) / e.batchSize
	if e.concurrency == 1 || nBatches == 1 {
		for start := 0; start < len(texts); start += e.batchSize {
			end := min(start+e.batchSize, len(texts))
			if err := e.embedBatch(ctx, texts[start:end], out[start:end]); err != nil {
				return nil, err
			}
		}
		return out, nil
	}

	bctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	sem := make(chan struct{}, e.concurrency)
loop:
	for start := 0; start < len(texts); start += e.batchSize {
		select {
		case sem <- struct{}{}:
		case <-bctx.Done():
			break loop
		}
		end := min(start+e.batchSize, len(texts))
		wg.Go(func() {
			defer func() { <-sem }()
			if err := e.embedBatch(bctx, texts[start:end], out[start:end]); err != nil {
				once.Do(func() {
					firstErr = err
					cancel()
				})
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("llm: embeddings: %w", err)
	}
	return out, nil
}

// embedBatch embeds one batch into out (same length), checking that the
// response has one vector of the right dimension per input.
func (e *OpenAIEmbedder) embedBatch(ctx context.Context, batch []Text, out [][]float32) error {
	const op = "embeddings"
	input := make([]string, len(batch))
	for i, t := range batch {
		input[i] = t.s
	}
	req := openai.EmbeddingRequest{Input: input, Model: openai.EmbeddingModel(e.model)}
	if e.sendDims {
		req.Dimensions = e.dim
	}
	var resp openai.EmbeddingResponse
	attempts, err := e.ep.call(ctx, op, func(ctx context.Context) error {
		var err error
		resp, err = e.ep.client.CreateEmbeddings(ctx, req)
		return err
	})
	if err != nil {
		return err
	}
	bad := func(format string, args ...any) error {
		return &Error{Op: op, Kind: ErrBadResponse, Attempts: attempts,
			Msg: fmt.Sprintf("model %q: ", e.model) + fmt.Sprintf(format, args...)}
	}
	if len(resp.Data) != len(batch) {
		return bad("got %d vectors for %d texts", len(resp.Data), len(batch))
	}
	seen := make([]bool, len(batch))
	for _, d := range resp.Data {
		if d.Index < 0 || d.Index >= len(batch) {
			return bad("vector index %d out of range [0, %d)", d.Index, len(batch))
		}
		if seen[d.Index] {
			return bad("vector index %d returned twice", d.Index)
		}
		seen[d.Index] = true
		if len(d.Embedding) != e.dim {
			return bad("vector %d has %d dimensions, want %d (check the configured dimension)", d.Index, len(d.Embedding), e.dim)
		}
		for _, x := range d.Embedding {
			if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
				return bad("vector %d has a non-finite value", d.Index)
			}
		}
		out[d.Index] = d.Embedding
	}
	return nil
}

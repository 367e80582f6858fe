package llmtest

import (
	"fmt"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Endpoint is a path the fake serves.
type Endpoint string

// The endpoints of the fake, as full paths.
const (
	ChatCompletions Endpoint = "/v1/chat/completions"
	Embeddings      Endpoint = "/v1/embeddings"
	Models          Endpoint = "/v1/models"
)

// modelEndpoints are the endpoints that options apply to by default.
var modelEndpoints = []Endpoint{ChatCompletions, Embeddings}

// ReplyFunc computes the text of a chat reply from the request. Returning a
// *StatusError answers with its status; any other error answers 500.
type ReplyFunc func(req openai.ChatCompletionRequest) (string, error)

// StatusError makes a ReplyFunc answer with an HTTP error in OpenAI's format.
type StatusError struct {
	// Status is the HTTP status code, e.g. 400 or 503.
	Status int
	// Message is the error message sent to the client.
	Message string
}

// Error returns the status and message.
func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.Status, e.Message) }

// DefaultReply is the chat reply when no ReplyFunc is given.
const DefaultReply = "Bonjour, voici une réponse de test fondée sur la source [1]. Cordialement."

// Default settings.
const (
	DefaultEmbeddingDim = 16
	DefaultChatModel    = "fake-chat"
	DefaultEmbedModel   = "fake-embed"
	defaultChunkRunes   = 5
)

// config is what the options set.
type config struct {
	reply        ReplyFunc
	failFirst    map[Endpoint]int
	failStatus   map[Endpoint]int
	retryAfter   time.Duration
	delay        map[Endpoint]time.Duration
	malformed    map[Endpoint]bool
	chunkRunes   int
	chunkDelay   time.Duration
	abortAfter   int
	cutAfter     int
	embedDim     int
	rejectDims   bool
	withoutUsage bool
	// ignoreMaxTokens answers whole replies whatever max_tokens says.
	ignoreMaxTokens bool
	apiKey          string
	models          []string
}

func newConfig() *config {
	return &config{
		failFirst:  map[Endpoint]int{},
		failStatus: map[Endpoint]int{},
		delay:      map[Endpoint]time.Duration{},
		malformed:  map[Endpoint]bool{},
		chunkRunes: defaultChunkRunes,
		abortAfter: -1,
		cutAfter:   -1,
		embedDim:   DefaultEmbeddingDim,
		models:     []string{DefaultChatModel, DefaultEmbedModel},
	}
}

// Option configures a Server.
type Option func(*config)

// endpointsOr returns on, or the chat and embeddings endpoints when empty.
func endpointsOr(on []Endpoint) []Endpoint {
	if len(on) == 0 {
		return modelEndpoints
	}
	return on
}

// WithReply sets the function that writes the chat replies.
func WithReply(f ReplyFunc) Option {
	return func(c *config) { c.reply = f }
}

// WithFailFirst makes the first n requests to each of the given endpoints
// (chat and embeddings when none is given) answer with status, in OpenAI's
// error format; each endpoint counts its own requests. A 429 or 503 carries
// the Retry-After set by WithRetryAfter.
func WithFailFirst(n, status int, on ...Endpoint) Option {
	return func(c *config) {
		for _, ep := range endpointsOr(on) {
			c.failFirst[ep] = n
			c.failStatus[ep] = status
		}
	}
}

// WithRetryAfter makes 429 and 503 answers carry "Retry-After" (whole
// seconds, rounded up) and OpenAI's "Retry-After-Ms" (milliseconds).
func WithRetryAfter(d time.Duration) Option {
	return func(c *config) { c.retryAfter = d }
}

// WithDelay makes the given endpoints (chat and embeddings when none is
// given) wait d before answering, or until the client gives up.
func WithDelay(d time.Duration, on ...Endpoint) Option {
	return func(c *config) {
		for _, ep := range endpointsOr(on) {
			c.delay[ep] = d
		}
	}
}

// WithMalformed makes the given endpoints (chat and embeddings when none is
// given) answer 200 with truncated JSON; a stream sends one malformed chunk.
func WithMalformed(on ...Endpoint) Option {
	return func(c *config) {
		for _, ep := range endpointsOr(on) {
			c.malformed[ep] = true
		}
	}
}

// WithStreamChunks makes streams send their text in deltas of k runes
// (default 5), waiting delay before each delta.
func WithStreamChunks(k int, delay time.Duration) Option {
	return func(c *config) {
		if k > 0 {
			c.chunkRunes = k
		}
		c.chunkDelay = delay
	}
}

// WithStreamAbortAfter makes streams break the connection after sending n
// content deltas (without finish reason, usage or [DONE]).
func WithStreamAbortAfter(n int) Option {
	return func(c *config) { c.abortAfter = n }
}

// WithStreamCutAfter makes streams end after n content deltas as if the
// server had closed a finished response: the body ends cleanly, but without
// finish reason, usage or [DONE]. go-openai then reports io.EOF, as it does
// after [DONE].
func WithStreamCutAfter(n int) Option {
	return func(c *config) { c.cutAfter = n }
}

// WithEmbeddingDim sets the length of the vectors returned when the request
// has no "dimensions" field (default 16).
func WithEmbeddingDim(dim int) Option {
	return func(c *config) { c.embedDim = dim }
}

// WithRejectDimensions makes embedding requests with a "dimensions" field
// fail with 400, as TEI and vLLM do.
func WithRejectDimensions() Option {
	return func(c *config) { c.rejectDims = true }
}

// WithoutUsage leaves token usage out of every answer, streamed or not.
func WithoutUsage() Option {
	return func(c *config) { c.withoutUsage = true }
}

// WithoutMaxTokens makes the fake ignore max_tokens, as a misbehaving
// server or proxy does: replies come whole however long.
func WithoutMaxTokens() Option {
	return func(c *config) { c.ignoreMaxTokens = true }
}

// WithAPIKey makes the fake answer 401 unless the request carries
// "Authorization: Bearer key".
func WithAPIKey(key string) Option {
	return func(c *config) { c.apiKey = key }
}

// WithModels sets the model names listed by GET /v1/models.
func WithModels(names ...string) Option {
	return func(c *config) { c.models = names }
}

package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Chat defaults.
const (
	defaultChatTimeout = 2 * time.Minute
	defaultIdleTimeout = 30 * time.Second
)

// OpenAIChatConfig configures an OpenAIChat.
type OpenAIChatConfig struct {
	// BaseURL is the API root, e.g. "https://albert.api.etalab.gouv.fr/v1"
	// or "http://localhost:8000/v1"; empty means OpenAI's.
	BaseURL string
	// APIKey is sent as a bearer token when not empty. It never appears in
	// errors.
	APIKey string
	// Model is the model name sent with each request; required.
	Model string
	// Timeout bounds a whole call, retries and streaming included; 0 means
	// 2 minutes, a negative value no bound but the context's.
	Timeout time.Duration
	// IdleTimeout bounds the wait for the next piece of a stream (the first
	// one included); 0 means 30 seconds, a negative value no bound.
	IdleTimeout time.Duration
	// MaxRetries is the number of retries after the first attempt on 429,
	// 5xx, malformed answers and network errors; 0 means 3, a negative value
	// none.
	MaxRetries int
	// ContextTokens is the model's context window in tokens. When set, a
	// request whose estimated prompt (EstimateMessagesTokens) plus MaxTokens
	// exceeds it is refused with ErrBadRequest before anything is sent.
	ContextTokens int
	// HTTPClient sends the requests; nil means a client with a pool sized for
	// concurrent calls. Its Timeout should be 0: streams are long.
	HTTPClient *http.Client
	// BackoffBase is the wait before the first retry, doubled at each retry
	// up to BackoffMax, with jitter; 0 means 500 ms and 15 s.
	BackoffBase, BackoffMax time.Duration
	// MaxRetryAfter is the longest Retry-After the client accepts to wait;
	// beyond it the call fails at once. 0 means 30 seconds.
	MaxRetryAfter time.Duration
	// DisableStreamUsage stops asking for usage in streams
	// (stream_options.include_usage), for servers that reject the field;
	// usage is then estimated.
	DisableStreamUsage bool
}

// OpenAIChat is a Chatter over an OpenAI-compatible /chat/completions
// endpoint (OpenAI, Albert, vLLM, Ollama, llama.cpp…). It is safe for
// concurrent use.
type OpenAIChat struct {
	ep            endpoint
	model         string
	contextTokens int
	idle          time.Duration
	streamUsage   bool
}

var _ Chatter = (*OpenAIChat)(nil)

// NewOpenAIChat returns a chat client for cfg.
func NewOpenAIChat(cfg OpenAIChatConfig) (*OpenAIChat, error) {
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm: chat: no model configured")
	}
	if cfg.ContextTokens < 0 {
		return nil, fmt.Errorf("llm: chat: negative context budget %d", cfg.ContextTokens)
	}
	timeout := cfg.Timeout
	if timeout == 0 {
		timeout = defaultChatTimeout
	}
	idle := cfg.IdleTimeout
	if idle == 0 {
		idle = defaultIdleTimeout
	}
	policy := newRetryPolicy(cfg.MaxRetries, cfg.BackoffBase, cfg.BackoffMax, cfg.MaxRetryAfter)
	return &OpenAIChat{
		ep:            newEndpoint(cfg.BaseURL, cfg.APIKey, cfg.HTTPClient, timeout, policy),
		model:         cfg.Model,
		contextTokens: cfg.ContextTokens,
		idle:          idle,
		streamUsage:   !cfg.DisableStreamUsage,
	}, nil
}

// Model returns the configured model name.
func (c *OpenAIChat) Model() string { return c.model }

// ContextTokens returns the configured context window, 0 when unknown.
func (c *OpenAIChat) ContextTokens() int { return c.contextTokens }

// Chat sends req and returns the whole reply.
func (c *OpenAIChat) Chat(ctx context.Context, req ChatRequest) (ChatResponse, error) {
	const op = "chat"
	r, err := c.request(op, req)
	if err != nil {
		return ChatResponse{}, err
	}
	var resp openai.ChatCompletionResponse
	attempts, err := c.ep.call(ctx, op, func(ctx context.Context) error {
		var err error
		resp, err = c.ep.client.CreateChatCompletion(ctx, r)
		return err
	})
	if err != nil {
		return ChatResponse{}, err
	}
	if len(resp.Choices) == 0 {
		return ChatResponse{}, &Error{Op: op, Kind: ErrBadResponse, Attempts: attempts, Msg: "response has no choices"}
	}
	choice := resp.Choices[0]
	for _, ch := range resp.Choices {
		if ch.Index == 0 {
			choice = ch
			break
		}
	}
	out := ChatResponse{
		Content:          choice.Message.Content,
		Model:            resp.Model,
		FinishReason:     string(choice.FinishReason),
		PromptTokens:     resp.Usage.PromptTokens,
		CompletionTokens: resp.Usage.CompletionTokens,
	}
	c.finish(&out, req, resp.Usage.PromptTokens+resp.Usage.CompletionTokens+resp.Usage.TotalTokens > 0)
	return out, nil
}

// ChatStream sends req as a stream, calls onDelta with each piece of text,
// and returns the whole reply. Failures before the first piece are retried
// like Chat's; once a piece was delivered the call is never resent, and a
// broken stream, or one that ends without a finish reason (cut), returns
// ErrUnavailable.
func (c *OpenAIChat) ChatStream(ctx context.Context, req ChatRequest, onDelta func(delta string) error) (ChatResponse, error) {
	const op = "chat stream"
	r, err := c.request(op, req)
	if err != nil {
		return ChatResponse{}, err
	}
	if c.streamUsage {
		r.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	}
	var (
		out   ChatResponse
		usage *openai.Usage
	)
	_, err = c.ep.call(ctx, op, func(ctx context.Context) error {
		out, usage = ChatResponse{}, nil
		return c.streamAttempt(ctx, r, onDelta, &out, &usage)
	})
	if err != nil {
		return ChatResponse{}, err
	}
	if usage != nil {
		out.PromptTokens = usage.PromptTokens
		out.CompletionTokens = usage.CompletionTokens
	}
	c.finish(&out, req, usage != nil)
	return out, nil
}

// streamAttempt runs one streamed request, filling out and usage. Its
// errors are marked noRetry once text was handed to onDelta. A stream that
// ends without a finish reason was cut (go-openai answers io.EOF whether or
// not [DONE] came): it fails with errStreamCut rather than pass half a reply
// for a whole one.
func (c *OpenAIChat) streamAttempt(ctx context.Context, r openai.ChatCompletionRequest, onDelta func(string) error, out *ChatResponse, usage **openai.Usage) error {
	sctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var timer *time.Timer
	if c.idle > 0 {
		timer = time.AfterFunc(c.idle, func() { cancel(errIdleTimeout) })
		defer timer.Stop()
	}
	idleOr := func(err error) error {
		if errors.Is(context.Cause(sctx), errIdleTimeout) {
			return fmt.Errorf("%w: nothing received for %s", errIdleTimeout, c.idle)
		}
		return err
	}

	stream, err := c.ep.client.CreateChatCompletionStream(sctx, r)
	if err != nil {
		return idleOr(err)
	}
	defer stream.Close()

	var text strings.Builder
	delivered := false
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) && out.FinishReason == "" {
			err = errStreamCut
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			err = idleOr(err)
			if delivered {
				return noRetry{err}
			}
			return err
		}
		if timer != nil {
			timer.Reset(c.idle)
		}
		if chunk.Model != "" {
			out.Model = chunk.Model
		}
		if chunk.Usage != nil {
			u := *chunk.Usage
			*usage = &u
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.FinishReason != "" && ch.FinishReason != openai.FinishReasonNull {
				out.FinishReason = string(ch.FinishReason)
			}
			d := ch.Delta.Content
			if d == "" {
				continue
			}
			text.WriteString(d)
			delivered = true
			if onDelta != nil {
				if err := onDelta(d); err != nil {
					return callerError{err}
				}
			}
		}
	}
	out.Content = text.String()
	return nil
}

// finish fills the model name and, when the server gave no usage, the
// estimated token counts.
func (c *OpenAIChat) finish(out *ChatResponse, req ChatRequest, hasUsage bool) {
	if out.Model == "" {
		out.Model = c.model
	}
	if !hasUsage {
		out.PromptTokens = EstimateMessagesTokens(req.Messages)
		out.CompletionTokens = EstimateTokens(out.Content)
		out.UsageEstimated = true
	}
}

// request checks req and converts it to go-openai's form, adapted to what
// go-openai knows of reasoning models (max_completion_tokens, no sampling
// parameters).
func (c *OpenAIChat) request(op string, req ChatRequest) (openai.ChatCompletionRequest, error) {
	refuse := func(format string, args ...any) (openai.ChatCompletionRequest, error) {
		return openai.ChatCompletionRequest{}, &Error{Op: op, Kind: ErrBadRequest, Msg: fmt.Sprintf(format, args...)}
	}
	if len(req.Messages) == 0 {
		return refuse("no messages")
	}
	if req.MaxTokens < 0 {
		return refuse("negative MaxTokens %d", req.MaxTokens)
	}
	msgs := make([]openai.ChatCompletionMessage, len(req.Messages))
	for i, m := range req.Messages {
		switch m.Role {
		case RoleSystem, RoleUser, RoleAssistant:
		default:
			return refuse("message %d has unknown role %q", i, m.Role)
		}
		msgs[i] = openai.ChatCompletionMessage{Role: m.Role, Content: m.Content.s}
	}
	if c.contextTokens > 0 {
		if est := EstimateMessagesTokens(req.Messages); est+req.MaxTokens > c.contextTokens {
			return refuse("prompt of about %d tokens plus %d for the reply exceeds the context budget of %d tokens",
				est, req.MaxTokens, c.contextTokens)
		}
	}
	// max_tokens, deprecated by OpenAI, is the field every OpenAI-compatible
	// server (vLLM, Albert, Ollama, llama.cpp) understands; reasoning models
	// get max_completion_tokens below.
	r := openai.ChatCompletionRequest{
		Model:    c.model,
		Messages: msgs,
		//lint:ignore SA1019 max_tokens is what self-hosted servers accept.
		MaxTokens:   req.MaxTokens,
		Temperature: req.Temperature,
		TopP:        req.TopP,
		Stop:        req.Stop,
		Seed:        req.Seed,
	}
	v := openai.NewReasoningValidator()
	if errors.Is(v.Validate(r), openai.ErrReasoningModelMaxTokensDeprecated) {
		//lint:ignore SA1019 moving the bound to max_completion_tokens.
		r.MaxCompletionTokens, r.MaxTokens = r.MaxTokens, 0
	}
	if err := v.Validate(r); errors.Is(err, openai.ErrReasoningModelLimitationsOther) ||
		errors.Is(err, openai.ErrReasoningSamplingUnsupported) {
		r.Temperature, r.TopP = 0, 0
	}
	return r, nil
}

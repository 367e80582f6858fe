package llm_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
)

const chatKey = "sk-chat-secret-123"

// newChat returns a chat client for baseURL with tiny backoffs; edit adjusts
// the configuration.
func newChat(t *testing.T, baseURL string, edit func(*llm.OpenAIChatConfig)) *llm.OpenAIChat {
	t.Helper()
	cfg := llm.OpenAIChatConfig{
		BaseURL:     baseURL,
		APIKey:      chatKey,
		Model:       "albert-large",
		MaxRetries:  2,
		BackoffBase: time.Millisecond,
		BackoffMax:  5 * time.Millisecond,
	}
	if edit != nil {
		edit(&cfg)
	}
	c, err := llm.NewOpenAIChat(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func question(text string) llm.ChatRequest {
	return llm.ChatRequest{Messages: []llm.Message{
		{Role: llm.RoleSystem, Content: llm.Official("Vous rédigez des réponses administratives.")},
		{Role: llm.RoleUser, Content: llm.Official(text)},
	}}
}

func replyWith(text string) llmtest.Option {
	return llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return text, nil })
}

// callMode runs a chat call plainly or streamed, returning the deltas seen.
type callMode struct {
	name string
	call func(ctx context.Context, c *llm.OpenAIChat, req llm.ChatRequest) (llm.ChatResponse, []string, error)
}

var modes = []callMode{
	{"plain", func(ctx context.Context, c *llm.OpenAIChat, req llm.ChatRequest) (llm.ChatResponse, []string, error) {
		resp, err := c.Chat(ctx, req)
		return resp, nil, err
	}},
	{"stream", func(ctx context.Context, c *llm.OpenAIChat, req llm.ChatRequest) (llm.ChatResponse, []string, error) {
		var deltas []string
		resp, err := c.ChatStream(ctx, req, func(d string) error {
			deltas = append(deltas, d)
			return nil
		})
		return resp, deltas, err
	}},
}

func TestChatReply(t *testing.T) {
	const reply = "Bonjour Madame [NOM_1], vous pouvez refaire votre carte d'identité en mairie [1]. Cordialement."
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			s := llmtest.New(t, replyWith(reply), llmtest.WithStreamChunks(3, 0))
			c := newChat(t, s.URL(), nil)
			req := question("Comment refaire ma carte d'identité ?")
			got, deltas, err := m.call(context.Background(), c, req)
			if err != nil {
				t.Fatal(err)
			}
			prompt := llmtest.CountWords(req.Messages[0].Content.String()) + llmtest.CountWords(req.Messages[1].Content.String())
			want := llm.ChatResponse{Content: reply, Model: "albert-large", FinishReason: "stop",
				PromptTokens: prompt, CompletionTokens: llmtest.CountWords(reply)}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("response (-want +got):\n%s", diff)
			}
			if m.name == "stream" {
				if joined := strings.Join(deltas, ""); joined != reply {
					t.Errorf("deltas join to %q, want %q", joined, reply)
				}
				if want := (len([]rune(reply)) + 2) / 3; len(deltas) != want {
					t.Errorf("%d deltas, want %d", len(deltas), want)
				}
			}
		})
	}
}

func TestChatRequestBody(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			s := llmtest.New(t)
			c := newChat(t, s.URL(), nil)
			req := question("Dupont & fils")
			req.MaxTokens, req.Temperature, req.Stop = 300, 0.2, []string{"\n\n\n"}
			if _, _, err := m.call(context.Background(), c, req); err != nil {
				t.Fatal(err)
			}
			r := s.Requests()[0]
			var body map[string]any
			if err := json.Unmarshal(r.Body, &body); err != nil {
				t.Fatal(err)
			}
			got := map[string]any{"model": body["model"], "max_tokens": body["max_tokens"],
				"temperature": body["temperature"], "stop": body["stop"], "stream": body["stream"],
				"stream_options": body["stream_options"], "messages": body["messages"]}
			want := map[string]any{"model": "albert-large", "max_tokens": 300.0, "temperature": 0.2,
				"stop": []any{"\n\n\n"}, "stream": m.name == "stream", "stream_options": nil,
				"messages": []any{
					map[string]any{"role": "system", "content": "Vous rédigez des réponses administratives."},
					map[string]any{"role": "user", "content": "Dupont & fils"},
				}}
			if m.name == "stream" {
				want["stream_options"] = map[string]any{"include_usage": true}
			}
			if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b float64) bool { return float32(a) == float32(b) })); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
			if got := r.Header.Get("Authorization"); got != "[redacted]" {
				t.Errorf("Authorization recorded as %q, want it sent and redacted", got)
			}
		})
	}
}

func TestChatReasoningModelUsesMaxCompletionTokens(t *testing.T) {
	s := llmtest.New(t)
	c := newChat(t, s.URL(), func(c *llm.OpenAIChatConfig) { c.Model = "o3-mini" })
	req := question("x")
	req.MaxTokens, req.Temperature = 50, 0.2
	if _, err := c.Chat(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(s.Requests()[0].Body, &body); err != nil {
		t.Fatal(err)
	}
	got := []any{body["max_tokens"], body["max_completion_tokens"], body["temperature"]}
	if diff := cmp.Diff([]any{nil, 50.0, nil}, got); diff != "" {
		t.Errorf("max_tokens, max_completion_tokens, temperature (-want +got):\n%s", diff)
	}
}

func TestChatUsage(t *testing.T) {
	const reply = "Une réponse courte."
	tests := []struct {
		name          string
		opts          []llmtest.Option
		noStreamUsage bool
		wantEstimated bool
	}{
		{"server usage", nil, false, false},
		{"server without usage", []llmtest.Option{llmtest.WithoutUsage()}, false, true},
		{"usage not asked for", nil, true, true},
	}
	for _, tt := range tests {
		for _, m := range modes {
			if tt.noStreamUsage && m.name != "stream" {
				continue
			}
			t.Run(tt.name+"/"+m.name, func(t *testing.T) {
				s := llmtest.New(t, append(tt.opts, replyWith(reply))...)
				c := newChat(t, s.URL(), func(c *llm.OpenAIChatConfig) { c.DisableStreamUsage = tt.noStreamUsage })
				req := question("Quels papiers pour la carte grise ?")
				got, _, err := m.call(context.Background(), c, req)
				if err != nil {
					t.Fatal(err)
				}
				want := []int{llmtest.CountWords(req.Messages[0].Content.String()) + llmtest.CountWords(req.Messages[1].Content.String()), llmtest.CountWords(reply)}
				if tt.wantEstimated {
					want = []int{llm.EstimateMessagesTokens(req.Messages), llm.EstimateTokens(reply)}
				}
				if diff := cmp.Diff(want, []int{got.PromptTokens, got.CompletionTokens}); diff != "" {
					t.Errorf("prompt, completion tokens (-want +got):\n%s", diff)
				}
				if got.UsageEstimated != tt.wantEstimated {
					t.Errorf("UsageEstimated = %v, want %v", got.UsageEstimated, tt.wantEstimated)
				}
				if tt.noStreamUsage && strings.Contains(string(s.Requests()[0].Body), "stream_options") {
					t.Error("stream_options sent although disabled")
				}
			})
		}
	}
}

func TestChatMaxTokensCut(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			s := llmtest.New(t, replyWith("un deux trois quatre cinq"))
			req := question("x")
			req.MaxTokens = 3
			got, _, err := m.call(context.Background(), newChat(t, s.URL(), nil), req)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]string{"un deux trois", "length"}, []string{got.Content, got.FinishReason}); diff != "" {
				t.Errorf("content, finish reason (-want +got):\n%s", diff)
			}
		})
	}
}

func TestChatFailures(t *testing.T) {
	tests := []struct {
		name       string
		opts       []llmtest.Option
		edit       func(*llm.OpenAIChatConfig)
		wantKind   error // nil: success
		wantStatus int
		wantCalls  int
	}{
		{name: "429 then 200", opts: []llmtest.Option{llmtest.WithFailFirst(2, 429)}, wantCalls: 3},
		{name: "500 then 200", opts: []llmtest.Option{llmtest.WithFailFirst(1, 500)}, wantCalls: 2},
		{name: "502 then 200", opts: []llmtest.Option{llmtest.WithFailFirst(2, 502)}, wantCalls: 3},
		{name: "500 until retries run out", opts: []llmtest.Option{llmtest.WithFailFirst(100, 500)},
			wantKind: llm.ErrUnavailable, wantStatus: 500, wantCalls: 3},
		{name: "503 without retries", opts: []llmtest.Option{llmtest.WithFailFirst(100, 503)},
			edit: func(c *llm.OpenAIChatConfig) { c.MaxRetries = -1 }, wantKind: llm.ErrUnavailable, wantStatus: 503, wantCalls: 1},
		{name: "429 until retries run out", opts: []llmtest.Option{llmtest.WithFailFirst(100, 429)},
			wantKind: llm.ErrRateLimited, wantStatus: 429, wantCalls: 3},
		{name: "Retry-After beyond the limit", opts: []llmtest.Option{llmtest.WithFailFirst(100, 429), llmtest.WithRetryAfter(time.Minute)},
			wantKind: llm.ErrRateLimited, wantStatus: 429, wantCalls: 1},
		{name: "400 is not retried", opts: []llmtest.Option{llmtest.WithFailFirst(100, 400)},
			wantKind: llm.ErrBadRequest, wantStatus: 400, wantCalls: 1},
		{name: "context too long", opts: []llmtest.Option{llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
			return "", &llmtest.StatusError{Status: 400, Message: "This model's maximum context length is 8192 tokens."}
		})}, wantKind: llm.ErrBadRequest, wantStatus: 400, wantCalls: 1},
		{name: "wrong key", opts: []llmtest.Option{llmtest.WithAPIKey("another-key")},
			wantKind: llm.ErrBadRequest, wantStatus: 401, wantCalls: 1},
		{name: "malformed JSON", opts: []llmtest.Option{llmtest.WithMalformed()},
			wantKind: llm.ErrUnavailable, wantCalls: 3},
		{name: "timeout", opts: []llmtest.Option{llmtest.WithDelay(time.Minute)},
			edit: func(c *llm.OpenAIChatConfig) { c.Timeout = 60 * time.Millisecond }, wantKind: llm.ErrUnavailable, wantCalls: 1},
		{name: "over the context budget", edit: func(c *llm.OpenAIChatConfig) { c.ContextTokens = 20 },
			wantKind: llm.ErrBadRequest, wantCalls: 0},
	}
	for _, tt := range tests {
		for _, m := range modes {
			t.Run(tt.name+"/"+m.name, func(t *testing.T) {
				s := llmtest.New(t, tt.opts...)
				c := newChat(t, s.URL(), tt.edit)
				got, _, err := m.call(context.Background(), c, question("Ma demande d'APL est bloquée."))
				if tt.wantKind == nil {
					if err != nil || got.Content == "" {
						t.Fatalf("call = %q, %v; want a reply", got.Content, err)
					}
				} else {
					checkError(t, err, tt.wantKind, tt.wantStatus)
				}
				if n := s.Calls(llmtest.ChatCompletions); n != tt.wantCalls {
					t.Errorf("%d calls, want %d", n, tt.wantCalls)
				}
			})
		}
	}
}

// checkError checks the kind and status of err and that it hides the key.
func checkError(t *testing.T, err error, kind error, status int) {
	t.Helper()
	if !errors.Is(err, kind) {
		t.Fatalf("error = %v, want %v", err, kind)
	}
	var e *llm.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not an *llm.Error", err)
	}
	if e.Status != status {
		t.Errorf("status = %d, want %d (%v)", e.Status, status, err)
	}
	if strings.Contains(err.Error(), chatKey) {
		t.Errorf("error shows the API key: %v", err)
	}
}

func TestChatRetryAfterHonoured(t *testing.T) {
	const wait = 40 * time.Millisecond
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			s := llmtest.New(t, llmtest.WithFailFirst(1, 429), llmtest.WithRetryAfter(wait))
			if _, _, err := m.call(context.Background(), newChat(t, s.URL(), nil), question("x")); err != nil {
				t.Fatal(err)
			}
			reqs := s.Requests()
			if len(reqs) != 2 {
				t.Fatalf("%d requests, want 2", len(reqs))
			}
			// The backoff alone would wait about 1 ms.
			if gap := reqs[1].Time.Sub(reqs[0].Time); gap < wait {
				t.Errorf("retried after %s, want at least the %s asked", gap, wait)
			}
		})
	}
}

func TestChatKeyNeverInError(t *testing.T) {
	s := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
		return "", &llmtest.StatusError{Status: 401, Message: "Incorrect API key provided: " + chatKey}
	}))
	_, err := newChat(t, s.URL(), nil).Chat(context.Background(), question("x"))
	checkError(t, err, llm.ErrBadRequest, 401)
	if !strings.Contains(err.Error(), "Incorrect API key provided: [redacted]") {
		t.Errorf("error %q lost the server's explanation", err)
	}
}

func TestChatUnreachable(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			s := llmtest.New(t)
			url := s.URL()
			s.Close()
			_, _, err := m.call(context.Background(), newChat(t, url, nil), question("x"))
			checkError(t, err, llm.ErrUnavailable, 0)
			var e *llm.Error
			if errors.As(err, &e) && e.Attempts != 3 {
				t.Errorf("%d attempts, want 3", e.Attempts)
			}
		})
	}
}

func TestChatCancel(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			s := llmtest.New(t, llmtest.WithDelay(time.Minute))
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(30*time.Millisecond, cancel)
			_, _, err := m.call(ctx, newChat(t, s.URL(), nil), question("x"))
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("error = %v, want context.Canceled", err)
			}
			if errors.Is(err, llm.ErrUnavailable) {
				t.Errorf("a cancelled call reports the model unavailable: %v", err)
			}
			if n := s.Calls(llmtest.ChatCompletions); n != 1 {
				t.Errorf("%d calls, want 1", n)
			}
		})
	}
}

func TestChatCallerDeadline(t *testing.T) {
	s := llmtest.New(t, llmtest.WithDelay(time.Minute))
	ctx, cancel := context.WithTimeout(context.Background(), 40*time.Millisecond)
	defer cancel()
	_, err := newChat(t, s.URL(), nil).Chat(ctx, question("x"))
	checkError(t, err, llm.ErrUnavailable, 0)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %v does not wrap context.DeadlineExceeded", err)
	}
}

func TestChatStreamBrokenMidway(t *testing.T) {
	s := llmtest.New(t, replyWith("Bonjour, votre dossier est en cours d'instruction."),
		llmtest.WithStreamChunks(4, 0), llmtest.WithStreamAbortAfter(2))
	var deltas []string
	_, err := newChat(t, s.URL(), nil).ChatStream(context.Background(), question("x"), func(d string) error {
		deltas = append(deltas, d)
		return nil
	})
	checkError(t, err, llm.ErrUnavailable, 0)
	if diff := cmp.Diff([]string{"Bonj", "our,"}, deltas); diff != "" {
		t.Errorf("deltas (-want +got):\n%s", diff)
	}
	if n := s.Calls(llmtest.ChatCompletions); n != 1 {
		t.Errorf("%d calls, want 1: a stream that delivered text must not be resent", n)
	}
}

// TestChatStreamCut checks that a stream closed cleanly without a finish
// reason or [DONE] (go-openai answers io.EOF, as after [DONE]) is a failure,
// not a finished reply.
func TestChatStreamCut(t *testing.T) {
	for _, after := range []int{0, 2} {
		s := llmtest.New(t, replyWith("Bonjour, votre dossier est en cours d'instruction."),
			llmtest.WithStreamChunks(4, 0), llmtest.WithStreamCutAfter(after))
		deltas := 0
		resp, err := newChat(t, s.URL(), nil).ChatStream(context.Background(), question("x"), func(string) error {
			deltas++
			return nil
		})
		checkError(t, err, llm.ErrUnavailable, 0)
		if resp.Content != "" {
			t.Errorf("cut after %d: content %q returned with the error", after, resp.Content)
		}
		// Before any text the request is retried, like a broken stream.
		if want := map[int]int{0: 3, 2: 1}[after]; s.Calls(llmtest.ChatCompletions) != want || deltas != after {
			t.Errorf("cut after %d: %d calls and %d deltas, want %d and %d", after, s.Calls(llmtest.ChatCompletions), deltas, want, after)
		}
	}
}

func TestChatStreamBrokenBeforeFirstDelta(t *testing.T) {
	s := llmtest.New(t, llmtest.WithStreamAbortAfter(0))
	deltas := 0
	_, err := newChat(t, s.URL(), nil).ChatStream(context.Background(), question("x"), func(string) error {
		deltas++
		return nil
	})
	checkError(t, err, llm.ErrUnavailable, 0)
	if n := s.Calls(llmtest.ChatCompletions); n != 3 || deltas != 0 {
		t.Errorf("%d calls and %d deltas, want 3 calls (retried before the first delta) and none", n, deltas)
	}
}

func TestChatStreamIdleTimeout(t *testing.T) {
	s := llmtest.New(t, llmtest.WithStreamChunks(5, time.Minute))
	_, err := newChat(t, s.URL(), func(c *llm.OpenAIChatConfig) {
		c.IdleTimeout, c.MaxRetries = 40*time.Millisecond, 1
	}).ChatStream(context.Background(), question("x"), nil)
	checkError(t, err, llm.ErrUnavailable, 0)
	if !strings.Contains(err.Error(), "nothing received for 40ms") {
		t.Errorf("error %q does not name the idle timeout", err)
	}
	if n := s.Calls(llmtest.ChatCompletions); n != 2 {
		t.Errorf("%d calls, want 2 (no delta yet, so retried once)", n)
	}
}

func TestChatStreamCallbackError(t *testing.T) {
	s := llmtest.New(t, llmtest.WithStreamChunks(2, 0))
	stop := errors.New("client went away")
	n := 0
	_, err := newChat(t, s.URL(), nil).ChatStream(context.Background(), question("x"), func(string) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || errors.Is(err, llm.ErrUnavailable) {
		t.Fatalf("error = %v, want the callback's error only", err)
	}
	if n != 1 || s.Calls(llmtest.ChatCompletions) != 1 {
		t.Errorf("%d deltas and %d calls, want 1 and 1", n, s.Calls(llmtest.ChatCompletions))
	}
}

func TestChatStreamSlowButSteady(t *testing.T) {
	// Each delta comes within the idle timeout, the whole exceeds it.
	const reply = "abcdefghij"
	s := llmtest.New(t, replyWith(reply), llmtest.WithStreamChunks(2, 15*time.Millisecond))
	got, err := newChat(t, s.URL(), func(c *llm.OpenAIChatConfig) { c.IdleTimeout = 500 * time.Millisecond }).
		ChatStream(context.Background(), question("x"), nil)
	if err != nil || got.Content != reply {
		t.Fatalf("ChatStream = %q, %v; want %q", got.Content, err, reply)
	}
}

func TestChatRejectsBadRequests(t *testing.T) {
	s := llmtest.New(t)
	c := newChat(t, s.URL(), nil)
	tests := []struct {
		name string
		req  llm.ChatRequest
	}{
		{"no messages", llm.ChatRequest{}},
		{"unknown role", llm.ChatRequest{Messages: []llm.Message{{Role: "tool", Content: llm.Official("x")}}}},
		{"negative max tokens", llm.ChatRequest{Messages: []llm.Message{{Role: llm.RoleUser, Content: llm.Official("x")}}, MaxTokens: -1}},
	}
	for _, tt := range tests {
		for _, m := range modes {
			if _, _, err := m.call(context.Background(), c, tt.req); !errors.Is(err, llm.ErrBadRequest) {
				t.Errorf("%s/%s: error = %v, want ErrBadRequest", tt.name, m.name, err)
			}
		}
	}
	if n := len(s.Requests()); n != 0 {
		t.Errorf("%d requests sent for invalid calls", n)
	}
	if _, err := llm.NewOpenAIChat(llm.OpenAIChatConfig{}); err == nil {
		t.Error("NewOpenAIChat without a model: no error")
	}
}

func TestChatConcurrent(t *testing.T) {
	s := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
		return "Réponse à " + req.Messages[len(req.Messages)-1].Content, nil
	}))
	c := newChat(t, s.URL(), nil)
	const n = 100
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			q := "question " + strings.Repeat("x", i)
			var (
				resp llm.ChatResponse
				err  error
			)
			if i%2 == 0 {
				resp, err = c.Chat(context.Background(), question(q))
			} else {
				resp, err = c.ChatStream(context.Background(), question(q), nil)
			}
			if err == nil && resp.Content != "Réponse à "+q {
				err = errors.New("reply " + resp.Content + " for " + q)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

// BenchmarkChatRoundTrip measures the client's and the fake's own cost per
// call over loopback HTTP.
func BenchmarkChatRoundTrip(b *testing.B) {
	for _, m := range []string{"plain", "stream"} {
		b.Run(m, func(b *testing.B) {
			s := llmtest.New(b, llmtest.WithStreamChunks(16, 0))
			c, err := llm.NewOpenAIChat(llm.OpenAIChatConfig{BaseURL: s.URL(), Model: "m"})
			if err != nil {
				b.Fatal(err)
			}
			req := question("Quelles pièces fournir pour une demande de RSA ?")
			for b.Loop() {
				if m == "plain" {
					_, err = c.Chat(context.Background(), req)
				} else {
					_, err = c.ChatStream(context.Background(), req, nil)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

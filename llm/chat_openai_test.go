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

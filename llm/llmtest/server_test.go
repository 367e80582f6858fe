package llmtest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
)

// client returns a plain go-openai client for s, so that the fake is checked
// against the parser it imitates the wire format for.
func client(tb testing.TB, s *llmtest.Server, key string) *openai.Client {
	tb.Helper()
	cfg := openai.DefaultConfig(key)
	cfg.BaseURL = s.URL()
	return openai.NewClientWithConfig(cfg)
}

func chatRequest(text string) openai.ChatCompletionRequest {
	return openai.ChatCompletionRequest{
		Model:    "m",
		Messages: []openai.ChatCompletionMessage{{Role: "user", Content: text}},
	}
}

func TestChatPlain(t *testing.T) {
	s := llmtest.New(t, llmtest.WithReply(func(req openai.ChatCompletionRequest) (string, error) {
		return "Écho : " + req.Messages[0].Content, nil
	}))
	resp, err := client(t, s, "sk-test").CreateChatCompletion(context.Background(), chatRequest("un deux trois"))
	if err != nil {
		t.Fatal(err)
	}
	got := struct {
		Content, Model, Finish string
		Usage                  openai.Usage
	}{resp.Choices[0].Message.Content, resp.Model, string(resp.Choices[0].FinishReason), resp.Usage}
	want := got
	want.Content, want.Model, want.Finish = "Écho : un deux trois", "m", "stop"
	want.Usage = openai.Usage{PromptTokens: 3, CompletionTokens: 5, TotalTokens: 8}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("response (-want +got):\n%s", diff)
	}
}

// streamRead is what a stream carried until it ended.
type streamRead struct {
	text   string
	deltas int                 // chunks with content
	finish openai.FinishReason // the last finish reason seen
	usage  *openai.Usage
	err    error // io.EOF for a clean end
}

// readStream reads stream until its first error.
func readStream(stream *openai.ChatCompletionStream) streamRead {
	var (
		r    streamRead
		text strings.Builder
	)
	for {
		chunk, err := stream.Recv()
		if err != nil {
			r.text, r.err = text.String(), err
			return r
		}
		for _, c := range chunk.Choices {
			if c.Delta.Content != "" {
				r.deltas++
				text.WriteString(c.Delta.Content)
			}
			if c.FinishReason != "" {
				r.finish = c.FinishReason
			}
		}
		if chunk.Usage != nil {
			r.usage = chunk.Usage
		}
	}
}

func TestChatStreamWireFormat(t *testing.T) {
	const reply = "Réponse découpée en petits morceaux, accents compris : é, à, ç."
	s := llmtest.New(t, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return reply, nil }),
		llmtest.WithStreamChunks(4, 0))
	req := chatRequest("question")
	req.StreamOptions = &openai.StreamOptions{IncludeUsage: true}
	stream, err := client(t, s, "").CreateChatCompletionStream(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	got := readStream(stream)
	if !errors.Is(got.err, io.EOF) {
		t.Fatal(got.err)
	}
	if got.text != reply {
		t.Errorf("streamed text = %q, want %q", got.text, reply)
	}
	if want := (len([]rune(reply)) + 3) / 4; got.deltas != want {
		t.Errorf("deltas = %d, want %d", got.deltas, want)
	}
	if got.finish != openai.FinishReasonStop {
		t.Errorf("finish reason = %q, want stop", got.finish)
	}
	wantUsage := &openai.Usage{PromptTokens: 1, CompletionTokens: llmtest.CountWords(reply), TotalTokens: 1 + llmtest.CountWords(reply)}
	if diff := cmp.Diff(wantUsage, got.usage); diff != "" {
		t.Errorf("usage (-want +got):\n%s", diff)
	}
}

func TestEmbeddings(t *testing.T) {
	s := llmtest.New(t, llmtest.WithEmbeddingDim(8))
	c := client(t, s, "")
	resp, err := c.CreateEmbeddings(context.Background(), openai.EmbeddingRequest{Input: []string{"a", "b", "a"}, Model: "e"})
	if err != nil {
		t.Fatal(err)
	}
	var got [][]float32
	for _, d := range resp.Data {
		got = append(got, d.Embedding)
	}
	want := [][]float32{llmtest.Vector("a", 8), llmtest.Vector("b", 8), llmtest.Vector("a", 8)}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("vectors (-want +got):\n%s", diff)
	}
	if cmp.Equal(want[0], want[1]) {
		t.Error("different texts got the same vector")
	}

	// "dimensions" is honoured, base64 decodes to the same vectors.
	resp, err = c.CreateEmbeddings(context.Background(), openai.EmbeddingRequest{
		Input: []string{"a"}, Model: "e", Dimensions: 5, EncodingFormat: openai.EmbeddingEncodingFormatBase64})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(llmtest.Vector("a", 5), resp.Data[0].Embedding); diff != "" {
		t.Errorf("base64 vector (-want +got):\n%s", diff)
	}
}

func TestScriptedFailures(t *testing.T) {
	tests := []struct {
		name       string
		opts       []llmtest.Option
		call       func(*openai.Client) error
		wantStatus int
	}{
		{
			name: "fail first chat with 429",
			opts: []llmtest.Option{llmtest.WithFailFirst(1, 429, llmtest.ChatCompletions)},
			call: func(c *openai.Client) error {
				_, err := c.CreateChatCompletion(context.Background(), chatRequest("x"))
				return err
			},
			wantStatus: 429,
		},
		{
			name: "reject dimensions",
			opts: []llmtest.Option{llmtest.WithRejectDimensions()},
			call: func(c *openai.Client) error {
				_, err := c.CreateEmbeddings(context.Background(), openai.EmbeddingRequest{Input: []string{"a"}, Model: "e", Dimensions: 4})
				return err
			},
			wantStatus: 400,
		},
		{
			name: "reply status error",
			opts: []llmtest.Option{llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) {
				return "", &llmtest.StatusError{Status: 400, Message: "context too long"}
			})},
			call: func(c *openai.Client) error {
				_, err := c.CreateChatCompletion(context.Background(), chatRequest("x"))
				return err
			},
			wantStatus: 400,
		},
		{
			name: "wrong key",
			opts: []llmtest.Option{llmtest.WithAPIKey("right")},
			call: func(c *openai.Client) error {
				_, err := c.ListModels(context.Background())
				return err
			},
			wantStatus: 401,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.New(t, tt.opts...)
			err := tt.call(client(t, s, "wrong"))
			var apiErr *openai.APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("error = %v, want an APIError", err)
			}
			if apiErr.HTTPStatusCode != tt.wantStatus {
				t.Errorf("status = %d, want %d", apiErr.HTTPStatusCode, tt.wantStatus)
			}
		})
	}
}

func TestFailFirstThenSucceeds(t *testing.T) {
	s := llmtest.New(t, llmtest.WithFailFirst(2, 429), llmtest.WithRetryAfter(1500*time.Millisecond))
	for i := range 2 {
		resp, err := http.Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(`{"model":"m","messages":[{"role":"user","content":"x"}]}`))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		got := []string{resp.Status, resp.Header.Get("Retry-After"), resp.Header.Get("Retry-After-Ms")}
		if diff := cmp.Diff([]string{"429 Too Many Requests", "2", "1500"}, got); diff != "" {
			t.Errorf("attempt %d (-want +got):\n%s", i+1, diff)
		}
	}
	if _, err := client(t, s, "").CreateChatCompletion(context.Background(), chatRequest("x")); err != nil {
		t.Errorf("third call: %v", err)
	}
	// Embeddings count their own calls.
	if _, err := client(t, s, "").CreateEmbeddings(context.Background(), openai.EmbeddingRequest{Input: []string{"a"}, Model: "e"}); err == nil {
		t.Error("first embedding call succeeded, want 429")
	}
}

func TestMalformed(t *testing.T) {
	s := llmtest.New(t, llmtest.WithMalformed())
	c := client(t, s, "")
	if _, err := c.CreateChatCompletion(context.Background(), chatRequest("x")); err == nil {
		t.Error("chat: no error on malformed JSON")
	}
	if _, err := c.CreateEmbeddings(context.Background(), openai.EmbeddingRequest{Input: []string{"a"}, Model: "e"}); err == nil {
		t.Error("embeddings: no error on malformed JSON")
	}
	stream, err := c.CreateChatCompletionStream(context.Background(), chatRequest("x"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	if _, err := stream.Recv(); err == nil {
		t.Error("stream: no error on malformed chunk")
	}
}

func TestStreamAbort(t *testing.T) {
	s := llmtest.New(t, llmtest.WithStreamChunks(2, 0), llmtest.WithStreamAbortAfter(3))
	stream, err := client(t, s, "").CreateChatCompletionStream(context.Background(), chatRequest("x"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	got := readStream(stream)
	if errors.Is(got.err, io.EOF) {
		t.Fatal("stream ended cleanly, want a broken connection")
	}
	if got.deltas != 3 {
		t.Errorf("deltas before the break = %d, want 3", got.deltas)
	}
}

// TestStreamCut checks that a cut stream ends cleanly (io.EOF) with no
// finish reason.
func TestStreamCut(t *testing.T) {
	s := llmtest.New(t, llmtest.WithStreamChunks(2, 0), llmtest.WithStreamCutAfter(3))
	stream, err := client(t, s, "").CreateChatCompletionStream(context.Background(), chatRequest("x"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	got := readStream(stream)
	if !errors.Is(got.err, io.EOF) {
		t.Fatalf("stream broke: %v, want a clean end", got.err)
	}
	if got.finish != "" {
		t.Errorf("finish reason %q in a cut stream", got.finish)
	}
	if got.deltas != 3 {
		t.Errorf("deltas before the cut = %d, want 3", got.deltas)
	}
}

func TestDelayEndsWithClient(t *testing.T) {
	s := llmtest.New(t, llmtest.WithDelay(time.Minute))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := client(t, s, "").CreateChatCompletion(ctx, chatRequest("x")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error = %v, want deadline exceeded", err)
	}
}

func TestRecording(t *testing.T) {
	s := llmtest.New(t)
	c := client(t, s, "sk-very-secret")
	if _, err := c.CreateChatCompletion(context.Background(), chatRequest("Dupont & fils <jean@exemple.fr> été")); err != nil {
		t.Fatal(err)
	}
	if _, err := c.ListModels(context.Background()); err != nil {
		t.Fatal(err)
	}
	reqs := s.Requests()
	if len(reqs) != 2 {
		t.Fatalf("recorded %d requests, want 2", len(reqs))
	}
	got := []string{reqs[0].Method, reqs[0].Path, reqs[0].Header.Get("Authorization"), reqs[1].Method, reqs[1].Path}
	want := []string{"POST", "/v1/chat/completions", "[redacted]", "GET", "/v1/models"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	chat, err := reqs[0].Chat()
	if err != nil {
		t.Fatal(err)
	}
	if chat.Messages[0].Content != "Dupont & fils <jean@exemple.fr> été" {
		t.Errorf("decoded content = %q", chat.Messages[0].Content)
	}
	all := s.AllBodies()
	// go-openai escapes & < > on the wire: AllBodies must still show them.
	for _, v := range []string{"Dupont & fils", "<jean@exemple.fr>", "été"} {
		if !strings.Contains(all, v) {
			t.Errorf("AllBodies lacks %q:\n%s", v, all)
		}
	}
	if strings.Contains(all, "sk-very-secret") {
		t.Error("AllBodies contains the API key")
	}
	for _, r := range reqs {
		for k, vs := range r.Header {
			for _, v := range vs {
				if strings.Contains(v, "sk-very-secret") {
					t.Errorf("header %s keeps the API key", k)
				}
			}
		}
	}
	if got := s.Calls(llmtest.ChatCompletions); got != 1 {
		t.Errorf("Calls(chat) = %d, want 1", got)
	}
	s.Reset()
	if got := len(s.Requests()); got != 0 {
		t.Errorf("after Reset, %d requests", got)
	}
}

func TestConcurrentClients(t *testing.T) {
	s := llmtest.New(t, llmtest.WithStreamChunks(3, 0))
	c := client(t, s, "")
	const n = 100
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			if i%2 == 0 {
				_, err := c.CreateChatCompletion(context.Background(), chatRequest("x"))
				errs <- err
				return
			}
			stream, err := c.CreateChatCompletionStream(context.Background(), chatRequest("x"))
			if err != nil {
				errs <- err
				return
			}
			defer stream.Close()
			for {
				if _, err := stream.Recv(); err != nil {
					if !errors.Is(err, io.EOF) {
						errs <- err
					}
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := len(s.Requests()); got != n {
		t.Errorf("recorded %d requests, want %d", got, n)
	}
}

func TestClosedServerIsUnreachable(t *testing.T) {
	s := llmtest.New(t)
	s.Close()
	if _, err := client(t, s, "").CreateChatCompletion(context.Background(), chatRequest("x")); err == nil {
		t.Error("call to a closed server succeeded")
	}
}

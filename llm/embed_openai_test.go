package llm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
)

// newEmbedder returns an embedder for s with tiny backoffs; edit adjusts the
// configuration.
func newEmbedder(t *testing.T, baseURL string, edit func(*llm.OpenAIEmbedderConfig)) *llm.OpenAIEmbedder {
	t.Helper()
	cfg := llm.OpenAIEmbedderConfig{
		BaseURL:     baseURL,
		APIKey:      "sk-embed-secret",
		Model:       "bge-m3",
		Dim:         llmtest.DefaultEmbeddingDim,
		MaxRetries:  2,
		BackoffBase: time.Millisecond,
		BackoffMax:  5 * time.Millisecond,
	}
	if edit != nil {
		edit(&cfg)
	}
	e, err := llm.NewOpenAIEmbedder(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func texts(n int) []llm.Text {
	out := make([]llm.Text, n)
	for i := range out {
		out[i] = llm.Official(fmt.Sprintf("passage numéro %d sur la carte grise", i))
	}
	return out
}

// officials makes texts of test strings, which are nobody's.
func officials(ss ...string) []llm.Text {
	out := make([]llm.Text, len(ss))
	for i, s := range ss {
		out[i] = llm.Official(s)
	}
	return out
}

func TestEmbedBatches(t *testing.T) {
	tests := []struct {
		name        string
		n           int
		batchSize   int
		concurrency int
		wantSizes   []int
	}{
		{"150 texts in batches of 64", 150, 0, 0, []int{64, 64, 22}},
		{"one short batch", 3, 0, 0, []int{3}},
		{"exact multiple", 20, 10, 0, []int{10, 10}},
		{"concurrent batches", 150, 0, 3, []int{22, 64, 64}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.New(t)
			e := newEmbedder(t, s.URL(), func(c *llm.OpenAIEmbedderConfig) {
				c.BatchSize, c.Concurrency = tt.batchSize, tt.concurrency
			})
			in := texts(tt.n)
			got, err := e.Embed(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			want := make([][]float32, len(in))
			for i, text := range in {
				want[i] = llmtest.Vector(text.String(), e.Dim())
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("vectors (-want +got):\n%s", diff)
			}
			var sizes []int
			for _, r := range s.Requests() {
				inputs, err := r.EmbeddingInputs()
				if err != nil {
					t.Fatal(err)
				}
				sizes = append(sizes, len(inputs))
			}
			if tt.concurrency > 1 {
				slices.Sort(sizes)
			}
			if diff := cmp.Diff(tt.wantSizes, sizes); diff != "" {
				t.Errorf("batch sizes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEmbedNothing(t *testing.T) {
	s := llmtest.New(t)
	got, err := newEmbedder(t, s.URL(), nil).Embed(context.Background(), nil)
	if err != nil || got != nil {
		t.Errorf("Embed(nil) = %v, %v; want nil, nil", got, err)
	}
	if n := len(s.Requests()); n != 0 {
		t.Errorf("Embed(nil) sent %d requests", n)
	}
}

func TestEmbedModelAndDim(t *testing.T) {
	e := newEmbedder(t, "http://unused/v1", func(c *llm.OpenAIEmbedderConfig) { c.Dim = 1024 })
	if got := []any{e.Model(), e.Dim()}; !cmp.Equal(got, []any{"openai:bge-m3", 1024}) {
		t.Errorf("Model, Dim = %v", got)
	}
}

func TestNewEmbedderRejects(t *testing.T) {
	tests := []struct {
		name string
		cfg  llm.OpenAIEmbedderConfig
	}{
		{"no model", llm.OpenAIEmbedderConfig{Dim: 8}},
		{"no dimension", llm.OpenAIEmbedderConfig{Model: "m"}},
		{"negative batch", llm.OpenAIEmbedderConfig{Model: "m", Dim: 8, BatchSize: -1}},
	}
	for _, tt := range tests {
		if _, err := llm.NewOpenAIEmbedder(tt.cfg); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestEmbedDimensionsField(t *testing.T) {
	tests := []struct {
		name     string
		send     bool
		reject   bool
		wantKind error
		wantSent bool
	}{
		{"not sent by default", false, false, nil, false},
		{"sent when asked", true, false, nil, true},
		{"server that rejects it", true, true, llm.ErrBadRequest, true},
		{"not sent to a server that would reject it", false, true, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []llmtest.Option
			if tt.reject {
				opts = append(opts, llmtest.WithRejectDimensions())
			}
			s := llmtest.New(t, append(opts, llmtest.WithEmbeddingDim(16))...)
			e := newEmbedder(t, s.URL(), func(c *llm.OpenAIEmbedderConfig) { c.SendDimensions = tt.send })
			_, err := e.Embed(context.Background(), officials("a"))
			if !errors.Is(err, tt.wantKind) || (tt.wantKind == nil && err != nil) {
				t.Fatalf("error = %v, want kind %v", err, tt.wantKind)
			}
			reqs := s.Requests()
			if tt.wantKind != nil && len(reqs) != 1 {
				t.Errorf("%d requests, want 1 (4xx is not retried)", len(reqs))
			}
			var body map[string]any
			if err := json.Unmarshal(reqs[0].Body, &body); err != nil {
				t.Fatal(err)
			}
			_, sent := body["dimensions"]
			if sent != tt.wantSent {
				t.Errorf("dimensions sent = %v, want %v (body %s)", sent, tt.wantSent, reqs[0].Body)
			}
		})
	}
}

func TestEmbedDimensionMismatch(t *testing.T) {
	s := llmtest.New(t, llmtest.WithEmbeddingDim(12))
	_, err := newEmbedder(t, s.URL(), nil).Embed(context.Background(), officials("a", "b"))
	if !errors.Is(err, llm.ErrBadResponse) {
		t.Fatalf("error = %v, want ErrBadResponse", err)
	}
	if !strings.Contains(err.Error(), "has 12 dimensions, want 16") {
		t.Errorf("error %q does not say which dimensions", err)
	}
	if n := len(s.Requests()); n != 1 {
		t.Errorf("%d requests, want 1 (a wrong dimension is not retried)", n)
	}
}

// TestEmbedResponseShape serves hand-made responses that do not match the
// inputs.
func TestEmbedResponseShape(t *testing.T) {
	vec := func(index int) map[string]any {
		return map[string]any{"object": "embedding", "index": index, "embedding": []float32{1, 0}}
	}
	tests := []struct {
		name    string
		data    []map[string]any
		wantMsg string
	}{
		{"too few", []map[string]any{vec(0)}, "got 1 vectors for 2 texts"},
		{"too many", []map[string]any{vec(0), vec(1), vec(2)}, "got 3 vectors for 2 texts"},
		{"repeated index", []map[string]any{vec(0), vec(0)}, "index 0 returned twice"},
		{"index out of range", []map[string]any{vec(0), vec(5)}, "index 5 out of range"},
		{"negative index", []map[string]any{vec(-1), vec(0)}, "index -1 out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_ = json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": tt.data, "model": "m"})
			}))
			defer srv.Close()
			e := newEmbedder(t, srv.URL+"/v1", func(c *llm.OpenAIEmbedderConfig) { c.Dim = 2 })
			_, err := e.Embed(context.Background(), officials("a", "b"))
			if !errors.Is(err, llm.ErrBadResponse) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Errorf("error = %v, want ErrBadResponse saying %q", err, tt.wantMsg)
			}
		})
	}
}

// TestEmbedOutOfOrder checks that vectors are placed by index, not by
// position in the response.
func TestEmbedOutOfOrder(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"object":"list","model":"m","data":[
			{"object":"embedding","index":1,"embedding":[0,1]},
			{"object":"embedding","index":0,"embedding":[1,0]}]}`))
	}))
	defer srv.Close()
	e := newEmbedder(t, srv.URL+"/v1", func(c *llm.OpenAIEmbedderConfig) { c.Dim = 2 })
	got, err := e.Embed(context.Background(), officials("a", "b"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([][]float32{{1, 0}, {0, 1}}, got); diff != "" {
		t.Errorf("vectors (-want +got):\n%s", diff)
	}
}

func TestEmbedFailures(t *testing.T) {
	tests := []struct {
		name      string
		opts      []llmtest.Option
		edit      func(*llm.OpenAIEmbedderConfig)
		wantKind  error
		wantCalls int
	}{
		{"429 then 200", []llmtest.Option{llmtest.WithFailFirst(2, 429)}, nil, nil, 3},
		{"503 then 200", []llmtest.Option{llmtest.WithFailFirst(1, 503)}, nil, nil, 2},
		{"500 until retries run out", []llmtest.Option{llmtest.WithFailFirst(10, 500)}, nil, llm.ErrUnavailable, 3},
		{"429 until retries run out", []llmtest.Option{llmtest.WithFailFirst(10, 429)}, nil, llm.ErrRateLimited, 3},
		{"400 is not retried", []llmtest.Option{llmtest.WithFailFirst(10, 400)}, nil, llm.ErrBadRequest, 1},
		{"404 is not retried", []llmtest.Option{llmtest.WithFailFirst(10, 404)}, nil, llm.ErrBadRequest, 1},
		{"no retries", []llmtest.Option{llmtest.WithFailFirst(10, 500)},
			func(c *llm.OpenAIEmbedderConfig) { c.MaxRetries = -1 }, llm.ErrUnavailable, 1},
		{"malformed JSON", []llmtest.Option{llmtest.WithMalformed()}, nil, llm.ErrUnavailable, 3},
		{"timeout", []llmtest.Option{llmtest.WithDelay(time.Minute)},
			func(c *llm.OpenAIEmbedderConfig) { c.Timeout = 50 * time.Millisecond }, llm.ErrUnavailable, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := llmtest.New(t, tt.opts...)
			got, err := newEmbedder(t, s.URL(), tt.edit).Embed(context.Background(), officials("a"))
			if tt.wantKind == nil {
				if err != nil || len(got) != 1 {
					t.Fatalf("Embed = %d vectors, %v; want 1, nil", len(got), err)
				}
			} else if !errors.Is(err, tt.wantKind) {
				t.Fatalf("error = %v, want %v", err, tt.wantKind)
			}
			if n := s.Calls(llmtest.Embeddings); n != tt.wantCalls {
				t.Errorf("%d calls, want %d", n, tt.wantCalls)
			}
			if err != nil && strings.Contains(err.Error(), "sk-embed-secret") {
				t.Errorf("error shows the API key: %v", err)
			}
		})
	}
}

func TestEmbedConcurrentFailureStopsAll(t *testing.T) {
	s := llmtest.New(t, llmtest.WithFailFirst(1000, 400))
	e := newEmbedder(t, s.URL(), func(c *llm.OpenAIEmbedderConfig) { c.BatchSize, c.Concurrency = 1, 2 })
	got, err := e.Embed(context.Background(), texts(50))
	if !errors.Is(err, llm.ErrBadRequest) || got != nil {
		t.Fatalf("Embed = %v, %v; want nil, ErrBadRequest", got, err)
	}
	if n := s.Calls(llmtest.Embeddings); n > 4 {
		t.Errorf("%d calls after the first failure, want the remaining batches dropped", n)
	}
}

func TestEmbedCancel(t *testing.T) {
	s := llmtest.New(t, llmtest.WithDelay(time.Minute))
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(30*time.Millisecond, cancel)
	_, err := newEmbedder(t, s.URL(), nil).Embed(ctx, officials("a"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	if errors.Is(err, llm.ErrUnavailable) {
		t.Errorf("a cancelled call reports the model unavailable: %v", err)
	}
}

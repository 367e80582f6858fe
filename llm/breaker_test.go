package llm_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
)

// TestBreakerRemembersOutage checks that once the endpoint failed, calls
// fail at once for the cooldown without reaching it, then one call tries
// again.
func TestBreakerRemembersOutage(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  llmtest.Option
	}{
		{"503", llmtest.WithFailFirst(1000, 503, llmtest.Embeddings)},
		{"hang", llmtest.WithDelay(time.Minute, llmtest.Embeddings)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := llmtest.New(t, tc.opt)
			inner := newEmbedder(t, s.URL(), func(c *llm.OpenAIEmbedderConfig) { c.MaxRetries, c.Timeout = 1, 100*time.Millisecond })
			b := llm.NewEmbedBreaker(inner, time.Hour)
			if b.Model() != inner.Model() || b.Dim() != inner.Dim() {
				t.Errorf("breaker is %s/%d, want %s/%d", b.Model(), b.Dim(), inner.Model(), inner.Dim())
			}
			ctx := context.Background()
			_, err := b.Embed(ctx, texts(1))
			if !errors.Is(err, llm.ErrUnavailable) {
				t.Fatalf("first call: %v, want ErrUnavailable", err)
			}
			first := s.Calls(llmtest.Embeddings)
			for range 5 {
				if _, err := b.Embed(ctx, texts(1)); !errors.Is(err, llm.ErrUnavailable) {
					t.Fatalf("call during the outage: %v, want ErrUnavailable", err)
				}
			}
			if n := s.Calls(llmtest.Embeddings); n != first || first == 0 {
				t.Errorf("%d requests after 6 calls, want only the first call's %d", n, first)
			}
		})
	}
}

// TestBreakerRecovers checks that after the cooldown one call probes the
// endpoint, and that a success closes the breaker.
func TestBreakerRecovers(t *testing.T) {
	s := llmtest.New(t, llmtest.WithFailFirst(1, 503, llmtest.Embeddings))
	b := llm.NewEmbedBreaker(newEmbedder(t, s.URL(), func(c *llm.OpenAIEmbedderConfig) { c.MaxRetries = -1 }), 20*time.Millisecond)
	ctx := context.Background()
	if _, err := b.Embed(ctx, texts(1)); !errors.Is(err, llm.ErrUnavailable) {
		t.Fatalf("first call: %v", err)
	}
	if _, err := b.Embed(ctx, texts(1)); !errors.Is(err, llm.ErrUnavailable) || s.Calls(llmtest.Embeddings) != 1 {
		t.Fatalf("second call: %v after %d requests, want a fast failure", err, s.Calls(llmtest.Embeddings))
	}
	time.Sleep(40 * time.Millisecond)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { _, _ = b.Embed(ctx, texts(1)) })
	}
	wg.Wait()
	if _, err := b.Embed(ctx, texts(1)); err != nil {
		t.Fatalf("after the cooldown: %v", err)
	}
	if n := s.Calls(llmtest.Embeddings); n < 3 || n > 5 {
		t.Errorf("%d requests, want the first, the probes and the last", n)
	}
}

// TestBreakerIgnoresCallerCancel checks that a call the caller cancelled,
// or a request the endpoint refused, does not open the breaker.
func TestBreakerIgnoresCallerCancel(t *testing.T) {
	s := llmtest.New(t, llmtest.WithDelay(200*time.Millisecond, llmtest.Embeddings))
	b := llm.NewEmbedBreaker(newEmbedder(t, s.URL(), nil), time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	if _, err := b.Embed(ctx, texts(1)); err == nil {
		t.Fatal("cancelled call succeeded")
	}
	if _, err := b.Embed(context.Background(), texts(1)); err != nil {
		t.Errorf("after a cancelled call: %v, want the endpoint tried again", err)
	}
	bad := llmtest.New(t, llmtest.WithFailFirst(1, 400, llmtest.Embeddings))
	b = llm.NewEmbedBreaker(newEmbedder(t, bad.URL(), nil), time.Hour)
	if _, err := b.Embed(context.Background(), texts(1)); !errors.Is(err, llm.ErrBadRequest) {
		t.Fatalf("refused request: %v", err)
	}
	if _, err := b.Embed(context.Background(), texts(1)); err != nil {
		t.Errorf("after a refused request: %v, want the endpoint tried again", err)
	}
}

// TestBreakerProbeIsBounded checks that once an outage is known, the probe
// after the cooldown gives up after the probe timeout on an endpoint that
// still hangs, instead of the model timeout, and keeps the breaker open.
func TestBreakerProbeIsBounded(t *testing.T) {
	s := llmtest.New(t, llmtest.WithDelay(time.Minute, llmtest.Embeddings))
	inner := newEmbedder(t, s.URL(), func(c *llm.OpenAIEmbedderConfig) { c.MaxRetries, c.Timeout = -1, time.Second })
	b := llm.NewEmbedBreaker(inner, 10*time.Millisecond).WithProbeTimeout(50 * time.Millisecond)
	ctx := context.Background()
	if _, err := b.Embed(ctx, texts(1)); !errors.Is(err, llm.ErrUnavailable) {
		t.Fatalf("first call: %v, want ErrUnavailable", err)
	}
	time.Sleep(20 * time.Millisecond)
	start := time.Now()
	_, err := b.Embed(ctx, texts(1))
	if took := time.Since(start); !errors.Is(err, llm.ErrUnavailable) || took >= time.Second {
		t.Fatalf("probe: %v after %s, want ErrUnavailable before the 1s model timeout", err, took)
	}
	calls := s.Calls(llmtest.Embeddings)
	if _, err := b.Embed(ctx, texts(1)); !errors.Is(err, llm.ErrUnavailable) || s.Calls(llmtest.Embeddings) != calls {
		t.Errorf("call after a failed probe: %v, %d requests (was %d); want a fast failure, the breaker open",
			err, s.Calls(llmtest.Embeddings), calls)
	}
}

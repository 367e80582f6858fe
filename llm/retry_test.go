package llm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name    string
		header  map[string]string
		want    time.Duration
		wantSet bool
	}{
		{"none", nil, 0, false},
		{"seconds", map[string]string{"Retry-After": "3"}, 3 * time.Second, true},
		{"fractional seconds", map[string]string{"Retry-After": "0.25"}, 250 * time.Millisecond, true},
		{"milliseconds win", map[string]string{"Retry-After": "2", "Retry-After-Ms": "40"}, 40 * time.Millisecond, true},
		{"http date", map[string]string{"Retry-After": now.Add(5 * time.Second).Format(http.TimeFormat)}, 5 * time.Second, true},
		{"past date", map[string]string{"Retry-After": now.Add(-time.Hour).Format(http.TimeFormat)}, 0, true},
		{"negative", map[string]string{"Retry-After": "-1"}, 0, false},
		{"garbage", map[string]string{"Retry-After": "soon"}, 0, false},
		{"bad ms falls back", map[string]string{"Retry-After-Ms": "x", "Retry-After": "1"}, time.Second, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			for k, v := range tt.header {
				h.Set(k, v)
			}
			got, ok := parseRetryAfter(h, now)
			if diff := cmp.Diff([]any{tt.want, tt.wantSet}, []any{got, ok}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestBackoffBounds(t *testing.T) {
	p := newRetryPolicy(5, 100*time.Millisecond, 800*time.Millisecond, 0)
	for n, ceiling := range map[int]time.Duration{1: 100, 2: 200, 3: 400, 4: 800, 5: 800, 9: 800} {
		ceiling *= time.Millisecond
		for range 50 {
			d := p.backoff(n)
			if d < ceiling/2 || d > ceiling {
				t.Fatalf("backoff(%d) = %s, want within [%s, %s]", n, d, ceiling/2, ceiling)
			}
		}
	}
}

func TestRetryPolicyDefaults(t *testing.T) {
	tests := []struct {
		in   int
		want int
	}{{0, defaultMaxRetries}, {-1, 0}, {7, 7}}
	for _, tt := range tests {
		if got := newRetryPolicy(tt.in, 0, 0, 0).maxRetries; got != tt.want {
			t.Errorf("MaxRetries %d gives %d retries, want %d", tt.in, got, tt.want)
		}
	}
}

func TestCleanMessage(t *testing.T) {
	tests := []struct {
		name, in, key, want string
	}{
		{"key masked", "Incorrect API key provided: sk-abcdef123", "sk-abcdef123", "Incorrect API key provided: [redacted]"},
		{"short key left alone", "abc def", "abc", "abc def"},
		{"whitespace collapsed", "  a \n\t b  ", "", "a b"},
		{"cut", strings.Repeat("é", maxMsgRunes+10), "", strings.Repeat("é", maxMsgRunes) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanMessage(tt.in, tt.key); got != tt.want {
				t.Errorf("cleanMessage = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestErrorFormatAndKinds(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Op: "chat", Kind: ErrRateLimited, Status: 429, Attempts: 4, Msg: "slow down"},
			"llm: chat: model rate limited (HTTP 429, 4 attempts): slow down"},
		{&Error{Op: "embeddings", Kind: ErrBadRequest, Msg: "no messages"},
			"llm: embeddings: model request refused: no messages"},
		{&Error{Op: "chat stream", Kind: ErrUnavailable, Attempts: 1, Err: context.DeadlineExceeded},
			"llm: chat stream: model unavailable (1 attempt): context deadline exceeded"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
		wrapped := fmt.Errorf("draft: %w", tt.err)
		if !errors.Is(wrapped, tt.err.Kind) {
			t.Errorf("%v: errors.Is(kind) is false", tt.err)
		}
		var e *Error
		if !errors.As(wrapped, &e) || e.Status != tt.err.Status {
			t.Errorf("%v: errors.As lost the status", tt.err)
		}
	}
	if !errors.Is(&Error{Kind: ErrUnavailable, Err: context.DeadlineExceeded}, context.DeadlineExceeded) {
		t.Error("the cause is not reachable with errors.Is")
	}
}

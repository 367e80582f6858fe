package llm_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm"
	"github.com/plume-sp/plume/llm/llmtest"
)

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

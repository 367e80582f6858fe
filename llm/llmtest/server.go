// Package llmtest provides a fake OpenAI-compatible model server for tests:
// an httptest server that answers chat completions (plain JSON and
// server-sent-event streams, with usage), embeddings (deterministic vectors)
// and the model list in the wire format go-openai parses, that can be told to
// fail, wait, stream slowly, break a stream or send malformed answers, and
// that records every request so tests can check that no personal data left
// the process.
package llmtest

import (
	"bytes"
	"crypto/subtle"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Request is a request the fake received.
type Request struct {
	// Method and Path are the HTTP method and URL path.
	Method string
	Path   string
	// Header holds the request headers, with the value of Authorization
	// replaced by "[redacted]".
	Header http.Header
	// Body is the raw request body.
	Body []byte
	// Time is when the request arrived.
	Time time.Time
}

// Chat decodes the body as a chat completion request.
func (r Request) Chat() (openai.ChatCompletionRequest, error) {
	var req openai.ChatCompletionRequest
	err := json.Unmarshal(r.Body, &req)
	return req, err
}

// EmbeddingInputs decodes the texts of an embedding request.
func (r Request) EmbeddingInputs() ([]string, error) {
	var req embeddingRequest
	if err := json.Unmarshal(r.Body, &req); err != nil {
		return nil, err
	}
	return req.inputs()
}

// Server is a running fake. It is safe for concurrent use.
type Server struct {
	srv  *httptest.Server
	cfg  *config
	done chan struct{}

	mu       sync.Mutex
	requests []Request
	calls    map[Endpoint]int
	closing  sync.Once
}

// New starts a fake configured by opts; it is closed when the test ends.
func New(tb testing.TB, opts ...Option) *Server {
	tb.Helper()
	cfg := newConfig()
	for _, o := range opts {
		o(cfg)
	}
	s := &Server{cfg: cfg, done: make(chan struct{}), calls: map[Endpoint]int{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	tb.Cleanup(s.Close)
	return s
}

// URL returns the API root to configure clients with, ending in "/v1".
func (s *Server) URL() string { return s.srv.URL + "/v1" }

// Close stops the server, ending the delays and streams in progress. Later
// requests fail as if the endpoint were unreachable. It may be called more
// than once.
func (s *Server) Close() {
	s.closing.Do(func() { close(s.done) })
	s.srv.Close()
}

// Requests returns a copy of the requests received so far, in order of
// arrival.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		r.Header = r.Header.Clone()
		r.Body = bytes.Clone(r.Body)
		out[i] = r
	}
	return out
}

// Calls returns the number of requests received on ep.
func (s *Server) Calls(ep Endpoint) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[ep]
}

// Reset forgets the recorded requests and restarts the call counters (so
// WithFailFirst applies again).
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
	s.calls = map[Endpoint]int{}
}

// AllBodies returns every recorded body, each followed by the string values
// and keys of its JSON decoded (so that text escaped on the wire, such as
// "\u00e9" or "\u0026", can be searched for as written), one per line. Tests
// search it for personal data that must never reach a model.
func (s *Server) AllBodies() string {
	var b strings.Builder
	for _, r := range s.Requests() {
		b.Write(r.Body)
		b.WriteByte('\n')
		var v any
		if json.Unmarshal(r.Body, &v) == nil {
			var strs []string
			collectStrings(v, &strs)
			for _, str := range strs {
				b.WriteString(str)
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

// collectStrings appends the keys and string values found in v.
func collectStrings(v any, out *[]string) {
	switch v := v.(type) {
	case string:
		*out = append(*out, v)
	case []any:
		for _, x := range v {
			collectStrings(x, out)
		}
	case map[string]any:
		for k, x := range v {
			*out = append(*out, k)
			collectStrings(x, out)
		}
	}
}

// record stores r and returns the 0-based number of this call on its path.
func (s *Server) record(r *http.Request, body []byte) int {
	h := r.Header.Clone()
	if h.Get("Authorization") != "" {
		h.Set("Authorization", "[redacted]")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, Request{Method: r.Method, Path: r.URL.Path, Header: h, Body: body, Time: time.Now()})
	n := s.calls[Endpoint(r.URL.Path)]
	s.calls[Endpoint(r.URL.Path)]++
	return n
}

// serveHTTP records the request, applies the scripted failures and delays,
// then routes it.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 64<<20))
	if err != nil {
		writeError(w, http.StatusBadRequest, "cannot read body", "invalid_request_error")
		return
	}
	n := s.record(r, body)
	ep := Endpoint(r.URL.Path)

	if s.cfg.apiKey != "" {
		want := "Bearer " + s.cfg.apiKey
		if subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte(want)) != 1 {
			writeError(w, http.StatusUnauthorized, "Incorrect API key provided.", "invalid_request_error")
			return
		}
	}
	wantMethod := map[Endpoint]string{ChatCompletions: http.MethodPost, Embeddings: http.MethodPost, Models: http.MethodGet}[ep]
	if wantMethod == "" {
		writeError(w, http.StatusNotFound, "Unknown path "+r.URL.Path, "invalid_request_error")
		return
	}
	if r.Method != wantMethod {
		writeError(w, http.StatusMethodNotAllowed, "Method not allowed", "invalid_request_error")
		return
	}
	if n < s.cfg.failFirst[ep] {
		status := s.cfg.failStatus[ep]
		if d := s.cfg.retryAfter; d > 0 && (status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable) {
			secs := (d + time.Second - 1) / time.Second
			w.Header().Set("Retry-After", itoa(int(secs)))
			w.Header().Set("Retry-After-Ms", itoa(int(d/time.Millisecond)))
		}
		writeError(w, status, "Scripted failure "+itoa(n+1)+" of "+itoa(s.cfg.failFirst[ep]), errorType(status))
		return
	}
	if d := s.cfg.delay[ep]; d > 0 && !s.sleep(r, d) {
		return
	}
	switch ep {
	case ChatCompletions:
		s.chat(w, r, body)
	case Embeddings:
		s.embeddings(w, body)
	case Models:
		s.models(w)
	}
}

// sleep waits d; it reports false when the client left or the server closed.
func (s *Server) sleep(r *http.Request, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-r.Context().Done():
		return false
	case <-s.done:
		return false
	}
}

// errorType names the OpenAI error type of a status.
func errorType(status int) string {
	switch {
	case status == http.StatusTooManyRequests:
		return "rate_limit_exceeded"
	case status >= 500:
		return "server_error"
	default:
		return "invalid_request_error"
	}
}

// writeError answers status with an OpenAI error body.
func writeError(w http.ResponseWriter, status int, msg, typ string) {
	writeJSON(w, status, map[string]any{
		"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": nil},
	})
}

// writeJSON answers status with v encoded as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

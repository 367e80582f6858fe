package api_test

import (
	"bytes"
	"net/http"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
)

// TestStreamKeepAlive checks that a streamed draft whose model is slow to
// answer sends keep-alive comments meanwhile (black-box round of session
// 22: nothing went for 65 s, which a proxy cutting idle connections at
// 60 s would cut), and that the stream still ends with its draft.
func TestStreamKeepAlive(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1, StreamKeepAlive: 30 * time.Millisecond},
		llmtest.WithDelay(time.Second, llmtest.ChatCompletions))
	r := e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body:   map[string]any{"question": "Comment signaler mon changement d'adresse à la Caf ?"},
		header: map[string]string{"Accept": "text/event-stream"}})
	first := bytes.Index(r.body, []byte("event: "))
	if first < 0 {
		t.Fatalf("no event: %s", r.body)
	}
	if !bytes.Contains(r.body[:first], []byte(": keep-alive\n\n")) {
		t.Errorf("no keep-alive comment before the model's first text: %q", r.body[:first])
	}
	if _, _, final, code := streamed(t, parseEvents(t, r.body)); final == nil {
		t.Errorf("no draft event (error %q)", code)
	}
}

package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
)

// TestClientGoneLogged: a client that leaves in the middle of a streamed
// draft is logged with status 499 and code client_gone, not as a 200 (the
// stream's status) interrupted.
func TestClientGoneLogged(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{}, llmtest.WithReply(func(openai.ChatCompletionRequest) (string, error) { return faultReply, nil }),
		llmtest.WithStreamChunks(4, 300*time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	body, err := json.Marshal(map[string]string{"question": question, "channel": "email"})
	if err != nil {
		t.Fatal(err)
	}
	hr, err := http.NewRequestWithContext(ctx, "POST", e.http.URL+"/v1/drafts", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	hr.Header.Set("Content-Type", "application/json")
	hr.Header.Set("Accept", "text/event-stream")
	hr.Header.Set("Authorization", "Bearer "+e.keys["agent-caf"])
	resp, err := e.http.Client().Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(resp.Body).ReadString('\n'); err != nil {
		t.Fatalf("first line of the stream: %v", err)
	}
	cancel()
	resp.Body.Close()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		line, ok := draftRequestLine(t, e.logs.String())
		if ok {
			if line.Status != 499 || line.Code != "client_gone" {
				t.Errorf("the request of a client gone is logged %+v, want status 499 code client_gone", line)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("no request line for POST /v1/drafts in the logs:\n%s", e.logs.String())
		}
	}
}

// requestLine is what the tests read of a request's log line.
type requestLine struct {
	Status int
	Code   string
}

// draftRequestLine returns the log line of the request to POST /v1/drafts.
func draftRequestLine(t *testing.T, logs string) (requestLine, bool) {
	t.Helper()
	for _, l := range strings.Split(logs, "\n") {
		var entry struct {
			Msg, Method, Route string
			requestLine
		}
		if json.Unmarshal([]byte(l), &entry) != nil {
			continue
		}
		if entry.Msg == "request" && entry.Method == "POST" && entry.Route == "/v1/drafts" {
			return entry.requestLine, true
		}
	}
	return requestLine{}, false
}

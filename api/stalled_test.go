package api_test

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
)

// TestStalledBody: a client that announces a body and stalls in its
// middle gets a 408 body_timeout once BodyTimeout has passed (not a 500
// when the server's read timeout ends it), and the log line says the same.
func TestStalledBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{BodyTimeout: 300 * time.Millisecond})
	u, err := url.Parse(e.http.URL)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/drafts HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"question\":", u.Host, e.keys["agent-caf"])
	if err := conn.SetReadDeadline(time.Now().Add(30 * time.Second)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("no answer to a stalled body: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	got := response{status: resp.StatusCode, body: body}
	if got.status != http.StatusRequestTimeout || got.errorCode() != "body_timeout" {
		t.Fatalf("a stalled body got %d %s, want 408 body_timeout", got.status, got.body)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		line, ok := draftRequestLine(t, e.logs.String())
		if ok {
			if line.Status != http.StatusRequestTimeout || line.Code != "body_timeout" {
				t.Errorf("the stalled request is logged %+v, want status 408 code body_timeout", line)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no request line for POST /v1/drafts in the logs:\n%s", e.logs.String())
		}
	}
	if strings.Contains(e.logs.String(), `"status":500`) {
		t.Errorf("a 500 was logged:\n%s", e.logs.String())
	}
}

// TestLongDraftAfterBodyTimeout: the body's deadline ends once the body is
// read (net/http lifts it for its watch of the client): a stream that
// lasts longer than BodyTimeout ends with its draft, not cut as if its
// client had gone.
func TestLongDraftAfterBodyTimeout(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{BodyTimeout: 100 * time.Millisecond}, llmtest.WithStreamChunks(4, 150*time.Millisecond))
	r := e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]string{"question": question},
		header: map[string]string{"Accept": "text/event-stream"}})
	events := parseEvents(t, r.body)
	if last := events[len(events)-1]; last.name != "draft" {
		t.Errorf("a stream longer than the body's deadline ended with %q %s, want its draft", last.name, last.data)
	}
}

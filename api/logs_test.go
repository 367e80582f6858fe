package api_test

import (
	"bufio"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
)

// piiMessage returns a labelled message of the redaction tests and the
// personal values it holds.
func piiMessage(tb testing.TB, id string) (string, []string) {
	tb.Helper()
	f, err := os.Open(filepath.Join(repoRoot, "redact", "testdata", "messages.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var m struct {
			ID       string
			Text     string
			Entities []struct{ Value string }
		}
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			tb.Fatal(err)
		}
		if m.ID == id {
			var values []string
			for _, e := range m.Entities {
				values = append(values, e.Value)
			}
			return m.Text, values
		}
	}
	tb.Fatalf("message %s not found", id)
	return "", nil
}

// TestLogsHoldNoPersonalData sends a message full of personal data through
// every route that takes user text, and checks that none of its values
// reaches the logs (the server's and the drafter's).
func TestLogsHoldNoPersonalData(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	text, values := piiMessage(t, "m003")
	if len(values) < 3 {
		t.Fatalf("message m003 has %d values", len(values))
	}
	d := e.draft("agent", text)
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]string{"question": text},
		header: map[string]string{"Accept": "text/event-stream"}})
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent",
		body: map[string]any{"outcome": "edited", "final_text": text}})
	e.must(http.StatusOK, request{method: "POST", path: "/v1/redact", key: "agent", body: map[string]string{"text": text}})
	e.must(http.StatusOK, request{method: "GET", path: "/v1/search?q=" + url.QueryEscape(text), key: "agent"})
	e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]any{"question": text, "channel": "x"}})
	e.must(http.StatusBadRequest, request{method: "POST", path: "/v1/drafts", key: "agent", body: `{"question": "` + text})
	e.must(http.StatusUnauthorized, request{method: "POST", path: "/v1/redact", key: "plume_" + values[0], body: map[string]string{"text": text}})

	logs := e.logs.String()
	if strings.Count(logs, `"msg":"request"`) < 8 {
		t.Fatalf("too few request lines in the logs:\n%s", logs)
	}
	for _, v := range values {
		for _, form := range []string{v, url.QueryEscape(v), strings.ReplaceAll(v, " ", "+")} {
			if strings.Contains(logs, form) {
				t.Errorf("the logs hold the personal value %q", form)
			}
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("log line %q: %v", line, err)
		}
		if rec["msg"] == "request" && (rec["request_id"] == "" || rec["route"] == nil || rec["status"] == nil) {
			t.Errorf("request line lacks fields: %s", line)
		}
	}
}

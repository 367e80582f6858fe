package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/rag"
)

// event is one server-sent event.
type event struct {
	name string
	data string
}

// parseEvents reads a text/event-stream body as a client would.
func parseEvents(tb testing.TB, body []byte) []event {
	tb.Helper()
	var out []event
	var cur event
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "":
			if cur.name != "" || cur.data != "" {
				out = append(out, cur)
			}
			cur = event{}
		case strings.HasPrefix(line, "event: "):
			cur.name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			cur.data += strings.TrimPrefix(line, "data: ")
		case line == ": keep-alive":
			// a comment, which a client skips
		default:
			tb.Fatalf("unexpected line %q", line)
		}
	}
	return out
}

// streamed splits events into the text they leave on screen (deltas
// appended, replacements replacing), the final draft and the error code,
// checking their order.
func streamed(tb testing.TB, events []event) (deltas string, n int, final *rag.Draft, errCode string) {
	tb.Helper()
	for i, ev := range events {
		last := i == len(events)-1
		switch ev.name {
		case "delta", "replace":
			var d struct{ Text string }
			if err := json.Unmarshal([]byte(ev.data), &d); err != nil {
				tb.Fatal(err)
			}
			if ev.name == "replace" {
				deltas = ""
			}
			deltas += d.Text
			n++
		case "draft":
			final = &rag.Draft{}
			if err := json.Unmarshal([]byte(ev.data), final); err != nil {
				tb.Fatal(err)
			}
		case "error":
			var b struct{ Error struct{ Code string } }
			if err := json.Unmarshal([]byte(ev.data), &b); err != nil {
				tb.Fatal(err)
			}
			errCode = b.Error.Code
		default:
			tb.Fatalf("unknown event %q", ev.name)
		}
		if ev.name != "delta" && ev.name != "replace" && !last {
			tb.Fatalf("event %q is not the last one", ev.name)
		}
	}
	return deltas, n, final, errCode
}

func TestDraftStream(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{})
	req := request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body: map[string]any{"question": question, "channel": "email"}, header: map[string]string{"Accept": "text/event-stream"}}
	r := e.must(http.StatusOK, req)
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	deltas, n, final, errCode := streamed(t, parseEvents(t, r.body))
	if final == nil || errCode != "" {
		t.Fatalf("no draft event (error %q): %s", errCode, r.body)
	}
	if n < 2 || deltas != final.Draft {
		t.Errorf("%d deltas %q, want the draft %q in pieces", n, deltas, final.Draft)
	}
	plain := e.draft("agent-caf", question)
	ignore := cmpopts.IgnoreFields(rag.Draft{}, "ID", "Timings", "CreatedAt")
	if diff := cmp.Diff(plain, *final, ignore); diff != "" {
		t.Errorf("streamed draft differs from the JSON one (-json +stream):\n%s", diff)
	}
	var stored struct{ ID, Draft string }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + final.ID, key: "agent-caf"}).decode(t, &stored)
	if stored.ID != final.ID {
		t.Errorf("streamed draft not stored: %+v", stored)
	}

	// Validation errors come before the stream starts, as JSON.
	req.body = map[string]any{"question": ""}
	if r := e.do(req); r.status != http.StatusBadRequest || r.errorCode() != "invalid_request" {
		t.Errorf("empty question: %d %s", r.status, r.body)
	}
	// A failure after the stream started ends it with an error event.
	if _, err := e.st.Pool().Exec(t.Context(), "ALTER TABLE drafts RENAME TO drafts_gone"); err != nil {
		t.Fatal(err)
	}
	req.body = map[string]any{"question": question}
	r = e.must(http.StatusOK, req)
	if _, _, final, code := streamed(t, parseEvents(t, r.body)); final != nil || code != "internal" {
		t.Errorf("broken store: final %v, error %q: %s", final, code, r.body)
	}
}

// TestGracefulShutdown stops the server while a stream is in flight: with
// time to spare the stream finishes with its draft; out of patience it ends
// with an error event; Serve returns nil either way.
func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		grace time.Duration
		want  string
	}{
		{"finishes", 10 * time.Second, "draft"},
		{"cut", 50 * time.Millisecond, "error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, api.Config{ShutdownTimeout: tc.grace}, llmtest.WithStreamChunks(3, 40*time.Millisecond))
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			done := make(chan error, 1)
			go func() { done <- e.srv.Serve(ctx, ln) }()
			body, _ := json.Marshal(map[string]string{"question": question})
			hr, _ := http.NewRequest("POST", "http://"+ln.Addr().String()+"/v1/drafts", bytes.NewReader(body))
			hr.Header.Set("Content-Type", "application/json")
			hr.Header.Set("Accept", "text/event-stream")
			hr.Header.Set("Authorization", "Bearer "+e.keys["agent"])
			resp, err := http.DefaultClient.Do(hr)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			br := bufio.NewReader(resp.Body)
			first, err := br.ReadString('\n')
			if err != nil || first != "event: delta\n" {
				t.Fatalf("first line %q, %v", first, err)
			}
			stop()
			rest := new(bytes.Buffer)
			if _, err := rest.ReadFrom(br); err != nil && !errors.Is(err, net.ErrClosed) {
				t.Logf("read: %v", err)
			}
			events := parseEvents(t, append([]byte(first), rest.Bytes()...))
			if last := events[len(events)-1]; last.name != tc.want {
				t.Errorf("last event %q %s, want %q", last.name, last.data, tc.want)
			}
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Serve = %v", err)
				}
			case <-time.After(15 * time.Second):
				t.Fatal("Serve did not return")
			}
		})
	}
}

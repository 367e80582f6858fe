package api

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/ingest"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestLimiter(t *testing.T) {
	t.Parallel()
	now := time.Unix(1000, 0)
	l := newLimiter(2, 3, func() time.Time { return now })
	var got []string
	step := func(key int64) {
		wait, ok := l.allow(key)
		got = append(got, fmt.Sprintf("%d:%v:%s", key, ok, wait))
	}
	for range 4 {
		step(1)
	}
	step(2)
	now = now.Add(250 * time.Millisecond)
	step(1)
	now = now.Add(250 * time.Millisecond)
	step(1)
	now = now.Add(time.Hour)
	for range 4 {
		step(1)
	}
	want := []string{"1:true:0s", "1:true:0s", "1:true:0s", "1:false:500ms", "2:true:0s", "1:false:250ms", "1:true:0s",
		"1:true:0s", "1:true:0s", "1:true:0s", "1:false:500ms"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("allow (-want +got):\n%s", diff)
	}
	if _, ok := newLimiter(-1, 1, time.Now).allow(1); !ok {
		t.Error("a negative rate must not limit")
	}
}

func TestMetricsText(t *testing.T) {
	t.Parallel()
	m := &metrics{reg: prometheus.NewRegistry()}
	c := m.counter("plume_things_total", "Things.", "kind")
	h := m.histogram("plume_wait_seconds", "Waits.", []float64{0.1, 1})
	m.inc(c, 2, `a"b`)
	m.inc(c, 1, "z")
	m.observe(h, 0.05)
	m.observe(h, 0.5)
	m.observe(h, 7)
	want := `# HELP plume_things_total Things.
# TYPE plume_things_total counter
plume_things_total{kind="a\"b"} 2
plume_things_total{kind="z"} 1
# HELP plume_wait_seconds Waits.
# TYPE plume_wait_seconds histogram
plume_wait_seconds_bucket{le="0.1"} 1
plume_wait_seconds_bucket{le="1"} 2
plume_wait_seconds_bucket{le="+Inf"} 3
plume_wait_seconds_sum 7.55
plume_wait_seconds_count 3
`
	if err := testutil.GatherAndCompare(m.reg, strings.NewReader(want)); err != nil {
		t.Errorf("metrics: %v", err)
	}
}

func TestErrorTable(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		err    error
		status int
		code   string
	}{
		{fmt.Errorf("draft: %w", rag.ErrInvalid), 400, "invalid_request"},
		{fmt.Errorf("save: %w", store.ErrInvalid), 400, "invalid_request"},
		{fmt.Errorf("get: %w", store.ErrNotFound), 404, "not_found"},
		{fmt.Errorf("read: %w", ingest.ErrUnsupportedFormat), 415, "unsupported_format"},
		{fmt.Errorf("read: %w", ingest.ErrTooLarge), 413, "too_large"},
		{fmt.Errorf("ingest: %w", ingest.ErrSaveTimeout), 413, "document_too_large"},
		{&http.MaxBytesError{Limit: 1}, 413, "too_large"},
		{errorf(http.StatusForbidden, "forbidden", "no"), 403, "forbidden"},
		{errors.New("pq: relation drafts does not exist"), 500, "internal"},
	} {
		got := errorResponse(tc.err)
		if got.Status != tc.status || got.Code != tc.code {
			t.Errorf("%v → %d %s, want %d %s", tc.err, got.Status, got.Code, tc.status, tc.code)
		}
		if got.Status == 500 && strings.Contains(got.Message, "relation") {
			t.Errorf("500 message %q reveals the cause", got.Message)
		}
	}
}

// TestClientMessages checks what a client reads of its own errors: no
// sentinel closing the chain (the code says it), and no more than
// maxMessageBytes however long a value it quotes.
func TestClientMessages(t *testing.T) {
	t.Parallel()
	tooLong := fmt.Errorf("draft: %w", rag.ErrTextTooLong)
	if got := errorResponse(tooLong).Message; got != "draft: text too long" {
		t.Errorf("text too long reads %q", got)
	}
	tag := fmt.Errorf("feedback: tag 2 is not one of the labels: %w", rag.ErrInvalid)
	if got := errorResponse(tag).Message; got != "feedback: tag 2 is not one of the labels" {
		t.Errorf("an invalid tag reads %q", got)
	}
	long := errorf(http.StatusBadRequest, "invalid_request", "role %q is not one of agent, admin", strings.Repeat("é", 15000))
	if got := long.Message; len(got) > maxQuotedBytes+100 || !utf8.ValidString(got) || !strings.Contains(got, "…") {
		t.Errorf("a 30,000-byte value reads back in %d bytes (valid UTF-8: %v)", len(got), utf8.ValidString(got))
	}
	services := serverText(strings.TrimSuffix(strings.Repeat("service-des-titres, ", 30), ", "))
	if got := errorf(http.StatusBadRequest, "unknown_service", "unknown service (want one of %s)", services).Message; !strings.HasSuffix(got, "service-des-titres)") {
		t.Errorf("a list plume wrote was cut: %q", got)
	}
	if got := shortMessage(strings.Repeat("é", 15000)); len(got) > maxMessageBytes+len("…") || !utf8.ValidString(got) {
		t.Errorf("a 30,000-byte message reads back in %d bytes (valid UTF-8: %v)", len(got), utf8.ValidString(got))
	}
	if got := shortMessage("role is required"); got != "role is required" {
		t.Errorf("a short message reads %q", got)
	}
}

func TestIsAPIPath(t *testing.T) {
	t.Parallel()
	for path, api := range map[string]bool{
		"/": false, "/app.js": false, "/v1x": false,
		"/v1/openapi.json": true, "/v1/drafts": true, "//v1/me": true, "///healthz": true, "//app.js": false, "/healthz": true, "/readyz": true, "/metrics": true, "/v1": true,
	} {
		if got := isAPIPath(path); got != api {
			t.Errorf("isAPIPath(%q) = %v, want %v", path, got, api)
		}
	}
}

// TestPartlyStoredAdvice: an upload stopped by a document too large to
// store is not told to send the same upload again, which would fail the
// same way; one stopped by another fault is.
func TestPartlyStoredAdvice(t *testing.T) {
	t.Parallel()
	stored := []store.DocKey{{Source: "test", ExternalID: "a"}}
	for _, tc := range []struct {
		err       error
		want, not string
	}{
		{fmt.Errorf("ingest: %w", ingest.ErrSaveTimeout), "split the document", "send the same upload again"},
		{errors.New("connection reset"), "send the same upload again", "split the document"},
	} {
		var e *Error
		if !errors.As(partlyStored(tc.err, stored, 3), &e) {
			t.Fatalf("partlyStored(%v) is no *Error", tc.err)
		}
		if !strings.Contains(e.Message, tc.want) || strings.Contains(e.Message, tc.not) {
			t.Errorf("partlyStored(%v).Message = %q, want %q and not %q", tc.err, e.Message, tc.want, tc.not)
		}
	}
}

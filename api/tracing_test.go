package api_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"

	"github.com/plume-sp/plume/api"
)

// TestTraces (not parallel: it sets the global tracer provider) records the spans of a draft and a search full of personal
// data: the HTTP span continues the caller's trace, each draft stage and
// model call is a span of it, and no span name or attribute holds any of
// the personal data, nor the question.
func TestTraces(t *testing.T) {
	e := newEnv(t, api.Config{RatePerSecond: -1})
	rec := tracetest.NewSpanRecorder()
	prevTP, prevProp := otel.GetTracerProvider(), otel.GetTextMapPropagator()
	otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(rec)))
	otel.SetTextMapPropagator(propagation.TraceContext{})
	t.Cleanup(func() { otel.SetTracerProvider(prevTP); otel.SetTextMapPropagator(prevProp) })

	// The env's server is wired as plume serve is: its model and embedder
	// calls are traced.
	h := e.http
	personal := []string{"Élodie", "Dupré", "06 12 34 56 78", "0612345678", "elodie.dupre@exemple.fr", "1 85 05 78 006 084 36", "Évreux"}
	question := "Bonjour, je suis Élodie Dupré, domiciliée à Évreux, téléphone 06 12 34 56 78, courriel elodie.dupre@exemple.fr, " +
		"NIR 1 85 05 78 006 084 36. Comment changer l'adresse de ma carte grise ?"
	const traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
	req, _ := http.NewRequest("POST", h.URL+"/v1/drafts", strings.NewReader(fmt.Sprintf(`{"question": %q, "channel": "email"}`, question)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.keys["agent"])
	req.Header.Set("traceparent", "00-"+traceID+"-00f067aa0ba902b7-01")
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("draft: %v %v", resp.StatusCode, err)
	}
	resp.Body.Close()
	req, _ = http.NewRequest("GET", h.URL+"/v1/search?q="+url.QueryEscape("carte grise Élodie Dupré 06 12 34 56 78"), nil)
	req.Header.Set("Authorization", "Bearer "+e.keys["agent"])
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("search: %v %v", resp.StatusCode, err)
	}

	names := map[string]int{}
	for _, s := range endedSpans(rec, "POST /v1/drafts", "GET /v1/search") {
		names[s.Name()]++
		if strings.HasPrefix(s.Name(), "draft.") || s.Name() == "model.chat" || s.Name() == "POST /v1/drafts" {
			if got := s.SpanContext().TraceID().String(); got != traceID {
				t.Errorf("span %s is in trace %s, want the caller's %s", s.Name(), got, traceID)
			}
		}
		for _, a := range s.Attributes() {
			v := a.Value.String()
			for _, p := range append(personal, question) {
				if strings.Contains(v, p) || strings.Contains(s.Name(), p) {
					t.Errorf("span %s: attribute %s = %q holds personal data %q", s.Name(), a.Key, v, p)
				}
			}
			if strings.HasPrefix(string(a.Key), "url.") || strings.Contains(string(a.Key), "query") {
				t.Errorf("span %s has attribute %s", s.Name(), a.Key)
			}
		}
	}
	for _, want := range []string{"POST /v1/drafts", "draft.redact", "draft.search", "draft.model", "draft.checks", "draft.store",
		"model.chat", "model.embed", "GET /v1/search", "search"} {
		if names[want] == 0 {
			t.Errorf("no span %q; spans: %v", want, names)
		}
	}
}

// endedSpans returns the spans rec saw end once those named want have:
// a server span ends after its response is written, so the client may
// read it before the span is recorded. It gives up after ten seconds.
func endedSpans(rec *tracetest.SpanRecorder, want ...string) []sdktrace.ReadOnlySpan {
	deadline := time.Now().Add(10 * time.Second)
	for {
		spans := rec.Ended()
		seen := map[string]bool{}
		for _, s := range spans {
			seen[s.Name()] = true
		}
		missing := slices.ContainsFunc(want, func(n string) bool { return !seen[n] })
		if !missing || time.Now().After(deadline) {
			return spans
		}
		time.Sleep(10 * time.Millisecond)
	}
}

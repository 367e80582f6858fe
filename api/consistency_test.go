package api_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
)

// TestStatusConsistency: a search's service and audience are checked as a
// draft's, a feedback's final text over its limit is 413 as a question,
// ids that are not ids are 404 everywhere, unknown query parameters are
// refused, so is one given twice that is not repeatable (black-box test:
// ?q=carte&q=velo searched the first only), and Accept's q=0 is honoured.
func TestStatusConsistency(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("agent", question)
	feedback := func(body map[string]any) request {
		return request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent", body: body}
	}
	e.run(t, []check{
		{"search: unknown service", request{method: "GET", path: "/v1/search?q=carte+grise&service=nosuch"}, 400, "unknown_service", ""},
		{"search: unknown audience", request{method: "GET", path: "/v1/search?q=carte+grise&audience=zz"}, 400, "unknown_audience", ""},
		{"search: known service", request{method: "GET", path: "/v1/search?q=carte+grise&service=caf&audience=particuliers"}, 200, "", ""},
		{"feedback: final text too long", feedback(map[string]any{"outcome": "edited", "final_text": strings.Repeat("a ", 20001)}), 413, "text_too_long", "40000"},
		{"feedback: a tag with a phone number", feedback(map[string]any{"outcome": "accepted", "tags": []string{"06 12 34 56 78"}}), 400, "invalid_request", "personal data"},
		{"answer id abc", request{method: "GET", path: "/v1/answers/abc"}, 404, "not_found", ""},
		{"document id abc", request{method: "GET", path: "/v1/documents/abc"}, 404, "not_found", ""},
		{"answer id 0", request{method: "PUT", path: "/v1/answers/0", body: map[string]any{"question": "q", "text": "t", "version": 1}}, 404, "not_found", ""},
		{"answers?q=RSA", request{method: "GET", path: "/v1/answers?q=RSA"}, 400, "unknown_parameter", "only service, status"},
		{"drafts?foo=1", request{method: "GET", path: "/v1/drafts?foo=1", key: "agent"}, 400, "unknown_parameter", "foo"},
		{"POST with a query", request{method: "POST", path: "/v1/redact?x=1", key: "agent", body: map[string]string{"text": "bonjour"}}, 400, "unknown_parameter", "no query parameter"},
		{"documents?q= is known", request{method: "GET", path: "/v1/documents?q=carte&limit=5"}, 200, "", ""},
		{"search: q twice", request{method: "GET", path: "/v1/search?q=carte&q=velo"}, 400, "invalid_request", `\"q\" is given 2 times`},
		{"documents: limit twice", request{method: "GET", path: "/v1/documents?limit=5&limit=500"}, 400, "invalid_request", `\"limit\" is given 2 times`},
		{"draft: note too long", request{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]any{"question": question, "note": strings.Repeat("a", 2001)}}, 413, "text_too_long", "2000"},
		{"stats: unknown service", request{method: "GET", path: "/v1/stats?service=zzz"}, 400, "unknown_service", ""},
		{"audit: unknown service", request{method: "GET", path: "/v1/audit?service=zzz"}, 400, "unknown_service", ""},
		{"curation: a path as service", request{method: "GET", path: "/v1/curation?service=../x"}, 400, "unknown_service", ""},
		{"answers: unknown service", request{method: "GET", path: "/v1/answers?service=zzz"}, 400, "unknown_service", ""},
		{"answers: known service", request{method: "GET", path: "/v1/answers?service=caf"}, 200, "", ""},
		{"documents: unknown service", request{method: "GET", path: "/v1/documents?service=zzz"}, 400, "unknown_service", ""},
		{"stats: known service", request{method: "GET", path: "/v1/stats?service=caf"}, 200, "", ""},
		{"stats: shared", request{method: "GET", path: "/v1/stats?service="}, 200, "", ""},
		{"curation: service key, other service", request{method: "GET", path: "/v1/curation?service=ants", key: "admin-caf"}, 403, "forbidden", ""},
		{"search: audience repeatable", request{method: "GET", path: "/v1/search?q=carte&audience=particuliers&audience=professionnels"}, 200, "", ""},
	})
	for _, tc := range []struct {
		accept string
		stream bool
	}{
		{"text/event-stream", true},
		{"text/event-stream;q=0", false},
		{"application/json, text/event-stream;q=0.5", false},
		{"application/json;q=0.5, text/event-stream", true},
		{"", false},
	} {
		t.Run("Accept "+tc.accept, func(t *testing.T) {
			r := e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent", body: map[string]string{"question": question},
				header: map[string]string{"Accept": tc.accept}})
			if got := strings.HasPrefix(r.header.Get("Content-Type"), "text/event-stream"); got != tc.stream {
				t.Errorf("Content-Type %q, want a stream: %v", r.header.Get("Content-Type"), tc.stream)
			}
		})
	}
}

package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
)

// notFoundBody is the one body of a 404 for an id: missing, malformed, or
// another service's.
const notFoundBody = `{"error":{"code":"not_found","message":"not found among what this key may see"}}`

// TestPathIDForms: an id in a path is the decimal form of a positive
// integer, nothing else: « +1 », « 01 », « 1e0 », « 0x1 » or « 1.0 » name no
// answer, document, key, agent or rule (404, the body of a missing id), where
// « +1 » and « 01 » were read as id 1; a draft id in another case is another
// id.
func TestPathIDForms(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	a := e.answer("caf")
	doc := e.docs["caf"]
	d := e.draft("agent-caf", "Comment déclarer un changement de situation à la CAF ?")
	var paths []request
	for _, form := range []string{"+%d", "0%d", "%de0", "%d.0", " %d", "%d "} {
		paths = append(paths,
			request{method: "GET", path: "/v1/answers/" + urlPart(fmt.Sprintf(form, a.ID)), key: "admin"},
			request{method: "GET", path: "/v1/documents/" + urlPart(fmt.Sprintf(form, doc)), key: "admin"})
	}
	paths = append(paths,
		request{method: "GET", path: "/v1/answers/0x1", key: "admin"},
		request{method: "DELETE", path: "/v1/keys/+1", key: "admin"},
		request{method: "DELETE", path: "/v1/rules/+1", key: "admin"},
		request{method: "GET", path: "/v1/drafts/" + upper(d.ID), key: "agent-caf"},
		request{method: "GET", path: fmt.Sprint("/v1/answers/", a.ID+1000), key: "admin"}, // missing: the reference
	)
	for _, r := range paths {
		got := e.do(r)
		if got.status != http.StatusNotFound || string(got.body) != notFoundBody+"\n" {
			t.Errorf("%s %s: %d %s, want 404 %s", r.method, r.path, got.status, got.body, notFoundBody)
		}
	}
	e.must(http.StatusOK, request{method: "GET", path: fmt.Sprint("/v1/answers/", a.ID), key: "admin"})
}

// urlPart escapes the spaces of a path segment.
func urlPart(s string) string {
	out := ""
	for _, r := range s {
		if r == ' ' {
			out += "%20"
			continue
		}
		out += string(r)
	}
	return out
}

// upper is s in upper case (ASCII).
func upper(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}

// TestServiceNamesCaseInsensitive: a service named in a body or a query in
// another case, or with spaces (« CAF », « France Travail »), is the stored
// service, as in an ingested file (store.NormalizeService): a CAF key that
// writes « CAF » is not refused as naming another service, and what it
// stores says « caf ».
func TestServiceNamesCaseInsensitive(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	var d struct{ ID, Service string }
	e.must(http.StatusOK, request{method: "POST", path: "/v1/drafts", key: "agent-caf",
		body: map[string]any{"question": "Comment déclarer un changement de situation à la CAF ?", "service": "CAF"}}).decode(t, &d)
	e.must(http.StatusOK, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "agent-caf"}).decode(t, &d)
	var a struct{ Service string }
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin-caf",
		body: map[string]any{"draft_id": d.ID, "service": " Caf "}}).decode(t, &a)
	var k struct{ Key struct{ Service string } }
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/keys", key: "admin",
		body: map[string]any{"name": "guichet 3", "role": "agent", "service": "France Travail"}}).decode(t, &k)
	got := []string{d.Service, a.Service, k.Key.Service}
	for _, r := range []request{
		{method: "GET", path: "/v1/search?q=changement&service=CAF", key: "agent-caf"},
		{method: "GET", path: "/v1/documents?service=CAF", key: "admin-caf"},
		{method: "GET", path: "/v1/curation?service=CAF", key: "admin-caf"},
		{method: "GET", path: "/v1/answers?service=CAF", key: "reviewer-caf"},
		{method: "GET", path: "/v1/stats?service=CAF", key: "admin-caf"},
		{method: "GET", path: "/v1/audit?service=CAF", key: "admin-caf"},
	} {
		resp := e.do(r)
		got = append(got, fmt.Sprint(r.path, " ", resp.status))
		if r.path == "/v1/documents?service=CAF" {
			var page struct{ Total int }
			if err := json.Unmarshal(resp.body, &page); err != nil || page.Total == 0 {
				t.Errorf("%s: %s, want the CAF's documents", r.path, resp.body)
			}
		}
	}
	want := []string{"caf", "caf", "france-travail",
		"/v1/search?q=changement&service=CAF 200", "/v1/documents?service=CAF 200", "/v1/curation?service=CAF 200",
		"/v1/answers?service=CAF 200", "/v1/stats?service=CAF 200", "/v1/audit?service=CAF 200"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("services and statuses (-want +got):\n%s", diff)
	}
}

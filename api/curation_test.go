package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/rag"
)

// TestCurationCloseChecksItem: a closure names an open item of the work
// list of one service. A global admin must say which service (400 without
// it: a closure stored for no service closes nothing); a key that is not
// an open item of that service, another service's included, is 404.
func TestCurationCloseChecksItem(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	for _, agent := range []string{"agent-caf", "agent-ants"} {
		d := e.draft(agent, "quelle est la meilleure recette de gâteau au chocolat ?")
		if _, err := e.st.Pool().Exec(t.Context(), "UPDATE drafts SET reliable = false WHERE id = $1", d.ID); err != nil {
			t.Fatal(err)
		}
	}
	keyOf := func(service string) string {
		var rep rag.CurationReport
		e.must(http.StatusOK, request{method: "GET", path: "/v1/curation?service=" + service, key: "admin"}).decode(t, &rep)
		if len(rep.Unanswered) != 1 {
			t.Fatalf("unanswered of %s: %+v", service, rep.Unanswered)
		}
		return rep.Unanswered[0].Key
	}
	caf, ants := keyOf("caf"), keyOf("ants")
	closeBody := func(key string, service ...string) map[string]any {
		b := map[string]any{"kind": "unanswered", "key": key, "action": "other"}
		if len(service) > 0 {
			b["service"] = service[0]
		}
		return b
	}
	for _, tc := range []struct {
		name, key string
		body      map[string]any
		status    int
	}{
		{"global admin, no service", "admin", closeBody(caf), 400},
		{"global admin, another service", "admin", closeBody(caf, "ants"), 404},
		{"global admin, no service's items", "admin", closeBody(caf, ""), 404},
		{"service admin, a key of nothing", "admin-caf", closeBody("0123456789abcdef"), 404},
		{"service admin, another service's item", "admin-caf", closeBody(ants), 404},
		{"service admin, another service named", "admin-caf", closeBody(ants, "ants"), 403},
		{"service admin, its item", "admin-caf", closeBody(caf), 200},
		{"closed already: its closure replaced", "admin", closeBody(caf, "caf"), 200},
		{"global admin, an item", "admin", closeBody(ants, "ants"), 200},
	} {
		if r := e.do(request{method: "POST", path: "/v1/curation/close", key: tc.key, body: tc.body}); r.status != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.name, r.status, r.body, tc.status)
		}
	}
	var n int
	if err := e.st.Pool().QueryRow(t.Context(), "SELECT count(*) FROM curation_closures WHERE service = ''").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d closures of no service (%v)", n, err)
	}
}

// TestCurationReopen: a reopen names its item as a close does. A global
// admin must say which service (400, saying so: the closure is stored per
// service); the item's service given, or a service's admin, reopens it
// (204); an item not closed is 404, and so is another service's.
func TestCurationReopen(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("agent-caf", "quelle est la meilleure recette de gâteau au chocolat ?")
	if _, err := e.st.Pool().Exec(t.Context(), "UPDATE drafts SET reliable = false WHERE id = $1", d.ID); err != nil {
		t.Fatal(err)
	}
	var rep rag.CurationReport
	e.must(http.StatusOK, request{method: "GET", path: "/v1/curation?service=caf", key: "admin"}).decode(t, &rep)
	if len(rep.Unanswered) != 1 {
		t.Fatalf("unanswered: %+v", rep.Unanswered)
	}
	key := rep.Unanswered[0].Key
	body := func(service ...string) map[string]any {
		b := map[string]any{"kind": "unanswered", "key": key}
		if len(service) > 0 {
			b["service"] = service[0]
		}
		return b
	}
	closeIt := func() {
		b := body("caf")
		b["action"] = "other"
		e.must(http.StatusOK, request{method: "POST", path: "/v1/curation/close", key: "admin", body: b})
	}
	closeIt()
	for _, tc := range []struct {
		name, key string
		body      map[string]any
		status    int
		says      string
		close     bool
	}{
		{name: "global admin, no service", key: "admin", body: body(), status: 400, says: "service is required"},
		{name: "global admin, another service", key: "admin", body: body("ants"), status: 404},
		{name: "service admin, another service named", key: "admin-caf", body: body("ants"), status: 403},
		{name: "global admin, the item's service", key: "admin", body: body("caf"), status: 204},
		{name: "open already", key: "admin", body: body("caf"), status: 404, close: true},
		{name: "service admin, its item", key: "admin-caf", body: body(), status: 204},
	} {
		r := e.do(request{method: "POST", path: "/v1/curation/reopen", key: tc.key, body: tc.body})
		if r.status != tc.status || !strings.Contains(string(r.body), tc.says) {
			t.Errorf("%s: %d %s, want %d saying %q", tc.name, r.status, r.body, tc.status, tc.says)
		}
		if tc.close {
			closeIt()
		}
	}
}

// TestCurationClosePastTheList: an item of the work list past the first
// 50 it shows can be closed too: the check asks for the item, it does not
// look for it in the list built for the page.
func TestCurationClosePastTheList(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	var ids []string
	for i := range 51 {
		ids = append(ids, fmt.Sprintf("d_%s%c%c", strings.Repeat("a", 22), 'a'+i/26, 'a'+i%26))
	}
	_, err := e.st.Pool().Exec(t.Context(), `WITH d AS (
			INSERT INTO drafts (id, created_at, channel, service, question, draft, reliable, sources)
			SELECT id, now() - interval '1 day', 'email', 'caf', 'Question', 'Brouillon', true, '[]'::jsonb FROM unnest($1::text[]) id
			RETURNING id, created_at)
		INSERT INTO feedback (draft_id, draft_created_at, outcome, rating, created_at)
		SELECT d.id, d.created_at, 'rejected', 1, now() - (array_position($1::text[], d.id) * interval '1 minute') FROM d`, ids)
	if err != nil {
		t.Fatal(err)
	}
	var rep rag.CurationReport
	e.must(http.StatusOK, request{method: "GET", path: "/v1/curation?service=caf", key: "admin"}).decode(t, &rep)
	last := ids[len(ids)-1] // the oldest feedback: listed last, past the 50
	if len(rep.LowRated) != 50 || slices.ContainsFunc(rep.LowRated, func(l rag.LowRatedItem) bool { return l.Key == last }) {
		t.Fatalf("want the 50 newest low-rated drafts listed, %s not: %d listed", last, len(rep.LowRated))
	}
	e.must(http.StatusOK, request{method: "POST", path: "/v1/curation/close", key: "admin-caf",
		body: map[string]any{"kind": "low_rated", "key": last, "action": "other"}})
}

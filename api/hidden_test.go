package api_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestOtherServicesRowsLookMissing: a key of the ANTS asking for a row of
// the CAF (a draft, a validated answer, a document, a key, an agent, an
// access rule), by any route that names it, gets what an unknown id gets:
// 404 and the same body, so that ids tell nothing of what other services
// hold. Its service's audit log reads the same either way (a refused read
// would otherwise show there what a missing id does not); the CAF's log
// keeps the attempts on its rows.
func TestOtherServicesRowsLookMissing(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("agent-caf", "Comment déclarer un changement de situation à la CAF ?")
	answer := e.answer("caf")
	agent := e.agent(&store.Access{Role: store.RoleAgent, Service: "caf"})
	var rule struct{ ID int64 }
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/rules", key: "admin",
		body: map[string]string{"kind": "domain", "value": "caf.fr", "role": "agent", "service": "caf"}}).decode(t, &rule)
	var keys struct {
		Keys []struct {
			ID      int64
			Name    string
			Service string
		}
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/keys", key: "admin"}).decode(t, &keys)
	var cafKey int64
	for _, k := range keys.Keys {
		if k.Service == "caf" {
			cafKey = k.ID
		}
	}
	const missingDraft, missing = "d_20261201_aaaaaaaaaaaaaaaaaaaaaaaa", int64(999999)
	type probe struct {
		method, path string
		key          string
		body         func(id string) any
	}
	probes := []struct {
		probe
		hidden, unknown string
	}{
		{probe{"GET", "/v1/drafts/%s", "agent-ants", nil}, d.ID, missingDraft},
		{probe{"GET", "/v1/drafts/%s", "admin-ants", nil}, d.ID, missingDraft},
		{probe{"POST", "/v1/drafts/%s/feedback", "agent-ants", func(string) any { return map[string]string{"outcome": "accepted"} }}, d.ID, missingDraft},
		{probe{"POST", "/v1/answers", "admin-ants", func(id string) any { return map[string]string{"draft_id": id} }}, d.ID, missingDraft},
		{probe{"GET", "/v1/answers/%s", "admin-ants", nil}, fmt.Sprint(answer.ID), fmt.Sprint(missing)},
		{probe{"PUT", "/v1/answers/%s", "admin-ants", func(string) any {
			return map[string]any{"question": "Autre question ?", "text": "Autre texte.", "version": 1}
		}}, fmt.Sprint(answer.ID), fmt.Sprint(missing)},
		{probe{"PUT", "/v1/answers/%s/status", "admin-ants", func(string) any { return map[string]string{"status": "archived"} }},
			fmt.Sprint(answer.ID), fmt.Sprint(missing)},
		{probe{"GET", "/v1/documents/%s", "admin-ants", nil}, fmt.Sprint(e.docs["caf"]), fmt.Sprint(missing)},
		{probe{"PUT", "/v1/documents/%s/status", "admin-ants", func(string) any { return map[string]string{"status": "archived"} }},
			fmt.Sprint(e.docs["caf"]), fmt.Sprint(missing)},
		{probe{"DELETE", "/v1/documents/%s", "admin-ants", nil}, fmt.Sprint(e.docs["caf"]), fmt.Sprint(missing)},
		{probe{"DELETE", "/v1/keys/%s", "admin-ants", nil}, fmt.Sprint(cafKey), fmt.Sprint(missing)},
		{probe{"PUT", "/v1/agents/%s", "admin-ants", func(string) any { return map[string]string{"role": "", "service": ""} }},
			fmt.Sprint(agent.ID), fmt.Sprint(missing)},
		{probe{"DELETE", "/v1/rules/%s", "admin-ants", nil}, fmt.Sprint(rule.ID), fmt.Sprint(missing)},
	}
	call := func(p probe, id string) response {
		t.Helper()
		r := request{method: p.method, path: p.path, key: p.key}
		if p.body != nil {
			r.body = p.body(id)
		}
		if p.path == "/v1/answers" {
			return e.do(r)
		}
		r.path = fmt.Sprintf(p.path, id)
		return e.do(r)
	}
	for _, p := range probes {
		hidden, unknown := call(p.probe, p.hidden), call(p.probe, p.unknown)
		got := fmt.Sprintf("%d %s", hidden.status, hidden.body)
		if want := fmt.Sprintf("%d %s", unknown.status, unknown.body); got != want || unknown.status != http.StatusNotFound {
			t.Errorf("%s %s by %s: another service's row gives %s, an unknown one %s", p.method, p.path, p.key, got, want)
		}
	}
	// The ANTS's log: the same entry for the hidden and the unknown ids
	// (the unsafe requests of its administrator's routes), in pairs.
	var pairs []string
	for _, en := range e.auditOf("admin-ants", "") {
		pairs = append(pairs, fmt.Sprintf("%s %d %s", en.Action, en.Status, en.Service))
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] != pairs[i+1] {
			t.Errorf("the ANTS's audit log tells a hidden id from a missing one: %q then %q", pairs[i+1], pairs[i])
		}
	}
	if len(pairs)%2 != 0 {
		t.Errorf("the ANTS's audit log has an entry without its pair:\n%v", pairs)
	}
	// The CAF's log: every attempt on its rows.
	var caf []string
	for _, en := range e.auditOf("admin-caf", "") {
		if en.Status == http.StatusNotFound {
			caf = append(caf, en.Action)
		}
	}
	want := []string{"DELETE /v1/rules/:id", "PUT /v1/agents/:id", "DELETE /v1/keys/:id", "DELETE /v1/documents/:id",
		"PUT /v1/documents/:id/status", "GET /v1/documents/:id", "PUT /v1/answers/:id/status", "PUT /v1/answers/:id", "GET /v1/answers/:id",
		"POST /v1/answers", "POST /v1/drafts/:id/feedback", "GET /v1/drafts/:id", "GET /v1/drafts/:id"}
	if diff := cmp.Diff(want, caf); diff != "" {
		t.Errorf("the CAF's audit log of the attempts on its rows (-want +got):\n%s", diff)
	}
}

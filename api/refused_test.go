package api_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestRefusedRequestsAudited: every refused request (403) is in the audit
// log, whoever makes it: an agent or a reviewer on an administrator's
// route, an agent on a reviewer's route; so is an administrator reading
// another service's draft (404, as a missing one: in the draft's service's
// log only, TestOtherServicesRowsLookMissing); nothing of the requests'
// bodies is, and an agent's allowed drafts are not.
func TestRefusedRequestsAudited(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	agent := e.agent(&store.Access{Role: store.RoleAgent, Service: "caf"})
	d := e.draft("agent-caf", "Comment déclarer un changement de situation à la CAF ?")
	doc := fmt.Sprint(e.docs["caf"])
	for _, r := range []request{
		{method: "POST", path: "/v1/keys", key: "agent-caf", body: map[string]string{"name": "Élodie Dupré", "role": "admin"}},
		{method: "DELETE", path: "/v1/documents/" + doc, key: "agent-caf"},
		{method: "PUT", path: fmt.Sprint("/v1/agents/", agent.ID), key: "reviewer-caf", body: map[string]string{"role": "admin", "service": ""}},
		{method: "POST", path: "/v1/answers", key: "agent-caf", body: map[string]any{"draft_id": d.ID}},
	} {
		e.must(http.StatusForbidden, r)
	}
	e.must(http.StatusNotFound, request{method: "GET", path: "/v1/drafts/" + d.ID, key: "admin-ants"})
	want := []string{
		"GET /v1/drafts/:id " + d.ID + " 404 caf", // the draft's service's log only
		"POST /v1/answers  403 caf",
		fmt.Sprint("PUT /v1/agents/:id ", agent.ID, " 403 caf"),
		"DELETE /v1/documents/:id " + doc + " 403 caf",
		"POST /v1/keys  403 caf",
	}
	if diff := cmp.Diff(want, summary(e.auditOf("admin", ""))); diff != "" {
		t.Errorf("audit log (-want +got):\n%s", diff)
	}
	export := string(e.must(http.StatusOK, request{method: "GET", path: "/v1/audit?format=jsonl", key: "admin"}).body)
	for _, p := range []string{"Élodie", "Dupré", "changement"} {
		if strings.Contains(export, p) {
			t.Errorf("the audit log holds %q:\n%s", p, export)
		}
	}
}

// TestRefusedDraftReadAuditedForOwner: a refused read of another
// service's draft (GET, feedback, promotion), answered as a missing one
// (404), is in the audit log of the draft's service, whose administrators
// see who tried to read their service's drafts, and in the caller's only
// where a missing id is too (the promotion, a reviewer's request that
// changes something); a refusal on a draft of the caller's own service is
// written once.
func TestRefusedDraftReadAuditedForOwner(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	d := e.draft("agent-caf", "Comment déclarer un changement de situation à la CAF ?")
	for _, r := range []request{
		{method: "GET", path: "/v1/drafts/" + d.ID, key: "admin-ants"},
		{method: "GET", path: "/v1/drafts/" + d.ID, key: "agent-ants"},
		{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "agent-ants", body: map[string]any{"outcome": "accepted"}},
		{method: "POST", path: "/v1/answers", key: "admin-ants", body: map[string]any{"draft_id": d.ID}},
		{method: "GET", path: "/v1/drafts/" + d.ID, key: "reviewer-caf"},
	} {
		e.must(http.StatusNotFound, r)
	}
	for key, want := range map[string][]string{
		"admin-ants": {
			"POST /v1/answers  404 ants",
		},
		"admin-caf": {
			"GET /v1/drafts/:id " + d.ID + " 404 caf",
			"POST /v1/answers  404 caf",
			"POST /v1/drafts/:id/feedback " + d.ID + " 404 caf",
			"GET /v1/drafts/:id " + d.ID + " 404 caf",
			"GET /v1/drafts/:id " + d.ID + " 404 caf",
		},
	} {
		if diff := cmp.Diff(want, summary(e.auditOf(key, ""))); diff != "" {
			t.Errorf("audit log of %s (-want +got):\n%s", key, diff)
		}
	}
}

package api_test

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/store"
)

// TestAuthMatrix checks, for every route, who may call it: no key and bad
// keys get 401, agents get 403 on administrators' routes, and keys of a
// service get 403 on what belongs to another, 404 on a row of another
// (a draft, an answer, a document, a key, an agent, a rule: as a missing
// id, TestOtherServicesRowsLookMissing). Public routes answer without
// a key. A route missing from the table fails the test.
func TestAuthMatrix(t *testing.T) {
	t.Parallel()
	// Wrong keys are the point here: TestFailedLoginsLimited limits them.
	e := newEnv(t, api.Config{RatePerSecond: -1, FailedLogins: api.FailedLoginLimits{PerSecond: -1}})
	cafDraft := e.draft("agent-caf", question)
	doc := func(name string) string { return fmt.Sprint("/v1/documents/", e.docs[name]) }
	newDoc := docBody("900", "")
	cafAnswer := e.answer("caf")
	answer := fmt.Sprint("/v1/answers/", cafAnswer.ID)
	e.closeItem("caf", "fedcba9876543210")
	answerBody := map[string]any{"question": "Comment déclarer un changement de situation ?", "text": "Madame, Monsieur, …",
		"service": "caf", "document_ids": []int64{e.docs["caf"]}}
	// A new answer differs from the one PUT writes: an identical active
	// answer is refused (409).
	newAnswerBody := map[string]any{"question": answerBody["question"], "text": "Bonjour, voici la démarche.", "service": "caf",
		"document_ids": []int64{e.docs["caf"]}}
	closeBody := map[string]any{"kind": "unanswered", "key": "0123456789abcdef", "service": "caf", "action": "out_of_scope"}
	cafKey, _, err := e.st.CreateAPIKey(context.Background(), "guichet", store.RoleAgent, "caf")
	if err != nil {
		t.Fatal(err)
	}
	cafRule, err := e.st.CreateAccessRule(context.Background(), store.AccessRule{Kind: "siret", Value: "13000000000001",
		Access: store.Access{Role: store.RoleAgent, Service: "caf"}})
	if err != nil {
		t.Fatal(err)
	}
	type call struct {
		key    string
		status int
	}
	type route struct {
		req    request // without key
		public bool
		// publicStatus is what a public route answers, when not 200.
		publicStatus int
		// calls lists keys and the status they get; every authenticated
		// route is also called with no key, a malformed key, an unknown key
		// and a revoked key (401).
		calls []call
	}
	routes := map[string]route{
		"GET /healthz":         {req: request{method: "GET", path: "/healthz"}, public: true},
		"GET /readyz":          {req: request{method: "GET", path: "/readyz"}, public: true},
		"GET /metrics":         {req: request{method: "GET", path: "/metrics"}, public: true},
		"GET /v1/openapi.json": {req: request{method: "GET", path: "/v1/openapi.json"}, public: true},
		"GET /v1/me": {req: request{method: "GET", path: "/v1/me"},
			calls: []call{{"agent", 200}, {"agent-caf", 200}, {"admin-ants", 200}, {"admin", 200}}},
		"GET /v1/drafts": {req: request{method: "GET", path: "/v1/drafts?all=true"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-caf", 200}, {"admin", 200}}},
		"POST /v1/drafts": {req: request{method: "POST", path: "/v1/drafts", body: map[string]any{"question": "Mon passeport est périmé"}},
			calls: []call{{"agent", 200}, {"admin-ants", 200}, {"agent-caf", 200}}},
		"GET /v1/drafts/{id}": {req: request{method: "GET", path: "/v1/drafts/" + cafDraft.ID},
			calls: []call{{"agent-caf", 200}, {"admin-caf", 200}, {"admin", 200}, {"agent", 404}, {"agent-ants", 404}, {"admin-ants", 404}}},
		"POST /v1/drafts/{id}/feedback": {req: request{method: "POST", path: "/v1/drafts/" + cafDraft.ID + "/feedback",
			body: map[string]any{"outcome": "accepted"}},
			calls: []call{{"agent", 404}, {"agent-ants", 404}, {"admin-ants", 404}, {"admin-caf", 403}, {"agent-caf", 201}, {"agent-caf", 200}}},
		"POST /v1/redact": {req: request{method: "POST", path: "/v1/redact", body: map[string]any{"text": "bonjour"}},
			calls: []call{{"agent", 200}, {"agent-caf", 200}, {"admin-caf", 200}}},
		"POST /v1/triage": {req: request{method: "POST", path: "/v1/triage", body: map[string]any{"text": "bonjour"}},
			calls: []call{{"agent", 200}, {"agent-caf", 200}, {"admin-caf", 200}}},
		"GET /v1/search": {req: request{method: "GET", path: "/v1/search?q=passeport&service=ants"},
			calls: []call{{"agent", 200}, {"agent-ants", 200}, {"admin", 200}, {"agent-caf", 403}, {"admin-caf", 403}}},
		"POST /v1/documents": {req: request{method: "POST", path: "/v1/documents", body: newDoc},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 201}, {"admin-caf", 409}}},
		"GET /v1/documents": {req: request{method: "GET", path: "/v1/documents?service=ants"},
			calls: []call{{"agent", 403}, {"agent-ants", 403}, {"admin-caf", 403}, {"admin-ants", 200}, {"admin", 200}}},
		"GET /v1/documents/{id}": {req: request{method: "GET", path: doc("ants")},
			calls: []call{{"agent", 403}, {"agent-ants", 403}, {"admin-caf", 404}, {"admin-ants", 200}, {"admin", 200}}},
		"PUT /v1/documents/{id}": {req: request{method: "PUT", path: doc("ants"), body: docBody("x", "ants")},
			calls: []call{{"agent", 403}, {"agent-ants", 403}, {"admin-caf", 404}, {"admin-ants", 200}, {"admin", 200}}},
		"PUT /v1/documents/{id}/status": {req: request{method: "PUT", path: doc("ants") + "/status", body: map[string]string{"status": "published"}},
			calls: []call{{"agent", 403}, {"agent-ants", 403}, {"admin-caf", 404}, {"admin-ants", 200}, {"admin", 200}}},
		"DELETE /v1/documents/{id}": {req: request{method: "DELETE", path: doc("ants2")},
			calls: []call{{"agent", 403}, {"agent-ants", 403}, {"admin-caf", 404}, {"admin-ants", 204}, {"admin", 404}}},
		"GET /v1/answers": {req: request{method: "GET", path: "/v1/answers"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"reviewer-caf", 200}, {"admin-caf", 200}, {"admin", 200}}},
		"POST /v1/answers": {req: request{method: "POST", path: "/v1/answers", body: newAnswerBody},
			// The same answer again is 409: the key was let through.
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"reviewer-caf", 201}, {"admin-caf", 409}, {"admin", 409}}},
		"POST /v1/answers (from a draft)": {req: request{method: "POST", path: "/v1/answers", body: map[string]any{"draft_id": cafDraft.ID}},
			// A reviewer promotes its own drafts only: it may not read a colleague's.
			calls: []call{{"agent-caf", 403}, {"admin-ants", 404}, {"reviewer-caf", 404}, {"admin-caf", 201}, {"admin", 409}}},
		"GET /v1/answers/{id}": {req: request{method: "GET", path: answer},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 404}, {"reviewer-caf", 200}, {"admin-caf", 200}, {"admin", 200}}},
		// The version read is 1: the reviewer's edit makes 2, so the global
		// admin, allowed, then meets the conflict check (409), not a 403.
		"PUT /v1/answers/{id}": {req: request{method: "PUT", path: answer, body: withVersion(answerBody, 1)},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 404}, {"reviewer-caf", 200}, {"admin", 409}}},
		"PUT /v1/answers/{id}/status": {req: request{method: "PUT", path: answer + "/status", body: map[string]string{"status": "active"}},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 404}, {"reviewer-caf", 200}, {"admin-caf", 200}}},
		"GET /v1/curation": {req: request{method: "GET", path: "/v1/curation?service=caf"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"reviewer-caf", 403}, {"admin-ants", 403}, {"admin-caf", 200}, {"admin", 200}}},
		"GET /v1/curation/export": {req: request{method: "GET", path: "/v1/curation/export?service=caf"},
			calls: []call{{"agent", 403}, {"reviewer-caf", 403}, {"admin-ants", 403}, {"admin-caf", 200}, {"admin", 200}}},
		// The admins may close, but the key is no item of the work list.
		"POST /v1/curation/close": {req: request{method: "POST", path: "/v1/curation/close", body: closeBody},
			calls: []call{{"agent", 403}, {"reviewer-caf", 403}, {"admin-ants", 403}, {"admin-caf", 404}, {"admin", 404}}},
		"POST /v1/curation/reopen": {req: request{method: "POST", path: "/v1/curation/reopen",
			body: map[string]any{"kind": "unanswered", "key": "fedcba9876543210", "service": "caf"}},
			calls: []call{{"agent", 403}, {"reviewer-caf", 403}, {"admin-ants", 403}, {"admin-caf", 204}, {"admin", 404}}},
		"GET /v1/stats": {req: request{method: "GET", path: "/v1/stats?service=caf"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 403}, {"admin-caf", 200}, {"admin", 200}}},
		// Sign-in is not configured here (TestSignIn* cover it).
		"GET /auth/config":   {req: request{method: "GET", path: "/auth/config"}, public: true},
		"GET /auth/login":    {req: request{method: "GET", path: "/auth/login"}, public: true, publicStatus: 404},
		"GET /auth/callback": {req: request{method: "GET", path: "/auth/callback?state=x&code=y"}, public: true, publicStatus: 404},
		"POST /auth/logout":  {req: request{method: "POST", path: "/auth/logout"}, public: true},
		// Administrators of a service manage their service's agents, keys
		// and rules, but only an administrator of every service writes a
		// rule (TestDelegated* cover the cases).
		"GET /v1/agents": {req: request{method: "GET", path: "/v1/agents"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-caf", 200}, {"admin", 200}}},
		"PUT /v1/agents/{id}": {req: request{method: "PUT", path: fmt.Sprint("/v1/agents/", e.agent(nil).ID), body: map[string]string{"role": "agent"}},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 403}, {"admin", 200}}},
		"PUT /v1/agents/{id} (of a service)": {req: request{method: "PUT", path: fmt.Sprint("/v1/agents/", e.agent(nil).ID),
			body: map[string]string{"role": "agent", "service": "ants"}},
			calls: []call{{"agent-ants", 403}, {"admin-caf", 403}, {"admin-ants", 200}}},
		"GET /v1/keys": {req: request{method: "GET", path: "/v1/keys"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-caf", 200}, {"admin", 200}}},
		"POST /v1/keys": {req: request{method: "POST", path: "/v1/keys", body: map[string]string{"name": "k", "role": "agent", "service": "caf"}},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 403}, {"admin-caf", 201}, {"admin", 201}}},
		"DELETE /v1/keys/{id}": {req: request{method: "DELETE", path: fmt.Sprint("/v1/keys/", cafKey.ID)},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 404}, {"admin-caf", 204}, {"admin", 204}}},
		"GET /v1/rules": {req: request{method: "GET", path: "/v1/rules"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-caf", 200}, {"admin", 200}}},
		"POST /v1/rules": {req: request{method: "POST", path: "/v1/rules",
			body: map[string]string{"kind": "domain", "value": "caf.fr", "role": "agent", "service": "caf"}},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 403}, {"admin-caf", 403}, {"admin", 201}, {"admin", 409}}},
		"DELETE /v1/rules/{id}": {req: request{method: "DELETE", path: fmt.Sprint("/v1/rules/", cafRule.ID)},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-ants", 404}, {"admin-caf", 204}, {"admin", 404}}},
		"GET /v1/audit": {req: request{method: "GET", path: "/v1/audit"},
			calls: []call{{"agent", 403}, {"agent-caf", 403}, {"admin-caf", 200}, {"admin", 200}}},
	}
	// The POST /v1/documents row: admin-ants creates "900" of ants; the CAF
	// admin then asks for the same id with service ants given explicitly.
	newDoc["service"] = "ants"
	for _, name := range e.srv.Routes() {
		rt, ok := routes[name]
		if !ok {
			t.Errorf("route %s has no row in the auth matrix", name)
			continue
		}
		delete(routes, name)
		t.Run(name, func(t *testing.T) {
			if rt.public {
				want := http.StatusOK
				if rt.publicStatus != 0 {
					want = rt.publicStatus
				}
				if r := e.do(rt.req); r.status != want {
					t.Errorf("without key: %d, want %d", r.status, want)
				}
				return
			}
			for _, key := range []string{"", "plume_", "plume_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "revoked", "not-a-plume-key"} {
				req := rt.req
				req.key = key
				r := e.do(req)
				if r.status != http.StatusUnauthorized || r.errorCode() != "unauthenticated" {
					t.Errorf("key %q: %d %s, want 401 unauthenticated", key, r.status, r.body)
				}
			}
			for _, c := range rt.calls {
				req := rt.req
				req.key = c.key
				if c.key == "admin-caf" && name == "POST /v1/documents" {
					c.status = http.StatusForbidden
				}
				if name == "PUT /v1/documents/{id}" { // the version as read before each edit
					req.body = e.asRead(e.docs["ants"], docBody("x", "ants"))
				}
				r := e.do(req)
				if r.status != c.status {
					t.Errorf("key %s: %d %s, want %d", c.key, r.status, r.body, c.status)
				}
				if r.status == http.StatusForbidden && r.errorCode() != "forbidden" {
					t.Errorf("key %s: 403 with code %q", c.key, r.errorCode())
				}
			}
		})
	}
	// Rows for a second body of a route run after the route's own.
	for name, rt := range routes {
		base, _, ok := strings.Cut(name, " (")
		if !ok || !slices.Contains(e.srv.Routes(), base) {
			t.Errorf("the auth matrix has a row for %s, which is not a route", name)
			continue
		}
		t.Run(name, func(t *testing.T) {
			for _, c := range rt.calls {
				req := rt.req
				req.key = c.key
				if r := e.do(req); r.status != c.status {
					t.Errorf("key %s: %d %s, want %d", c.key, r.status, r.body, c.status)
				}
			}
		})
	}
}

// withVersion is an answer's body with the version read.
func withVersion(body map[string]any, version int) map[string]any {
	out := maps.Clone(body)
	out["version"] = version
	return out
}

package api_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/rag"
	"github.com/plume-sp/plume/store"
)

func urlEscape(s string) string { return url.QueryEscape(s) }

func mustDay(tb testing.TB, day string) time.Time {
	tb.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		tb.Fatal(err)
	}
	return d.Add(10 * time.Hour)
}

// auditOf reads the audit log as the key sees it.
func (e *env) auditOf(key, query string) []store.AuditEntry {
	e.tb.Helper()
	var log struct{ Entries []store.AuditEntry }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/audit" + query, key: key}).decode(e.tb, &log)
	return log.Entries
}

// summary writes an audit entry as "ACTION TARGET STATUS SERVICE".
func summary(es []store.AuditEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, fmt.Sprintf("%s %s %d %s", e.Action, e.Target, e.Status, e.Service))
	}
	return out
}

// TestDelegatedAgents: an administrator of a service manages its service's
// agents and those waiting, gives roles in its service only, and never
// touches another service's agent or an administrator of every service;
// each refusal answers 403 (404 for another service's agent, as for a
// missing one) and is in the audit log, which each service's
// administrators read for their service only.
func TestDelegatedAgents(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	caf := e.agent(&store.Access{Role: store.RoleAgent, Service: "caf"})
	ants := e.agent(&store.Access{Role: store.RoleAgent, Service: "ants"})
	boss := e.agent(&store.Access{Role: store.RoleAdmin})
	waiting := e.agent(nil)

	var list struct{ Agents []struct{ ID int64 } }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/agents", key: "admin-caf"}).decode(t, &list)
	var seen []int64
	for _, a := range list.Agents {
		seen = append(seen, a.ID)
	}
	if diff := cmp.Diff([]int64{waiting.ID, caf.ID}, seen); diff != "" {
		t.Errorf("agents the CAF's administrator sees (-want +got):\n%s", diff)
	}
	put := func(key string, a store.Agent, role, service string) response {
		return e.do(request{method: "PUT", path: fmt.Sprint("/v1/agents/", a.ID), key: key,
			body: map[string]string{"role": role, "service": service}})
	}
	for _, tc := range []struct {
		name, key   string
		agent       store.Agent
		role, svc   string
		want        int
		wantService string
	}{
		{"take a waiting agent in", "admin-caf", waiting, "agent", "caf", 200, "caf"},
		{"another service's agent", "admin-caf", ants, "agent", "caf", 404, "ants"},
		{"another service's agent, access removed", "admin-caf", ants, "", "", 404, "ants"},
		{"move an agent to another service", "admin-caf", caf, "agent", "ants", 403, "caf"},
		{"make an administrator of every service", "admin-caf", caf, "admin", "", 403, "caf"},
		{"an administrator of every service", "admin-caf", boss, "", "", 404, ""},
		{"an administrator of its own service", "admin-caf", caf, "admin", "caf", 200, "caf"},
		{"a global administrator moves anyone", "admin", ants, "agent", "caf", 200, "caf"},
	} {
		if r := put(tc.key, tc.agent, tc.role, tc.svc); r.status != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, r.status, r.body, tc.want)
		} else if tc.want == 403 && (r.errorCode() != "forbidden" || !strings.Contains(string(r.body), `manages the service \"caf\" only`)) {
			t.Errorf("%s: %s, want forbidden: manages the service caf only", tc.name, r.body)
		}
		a, _ := e.st.AgentByID(context.Background(), tc.agent.ID)
		if a.Service != tc.wantService {
			t.Errorf("%s: the agent's service is %q, want %q", tc.name, a.Service, tc.wantService)
		}
	}

	id := func(a store.Agent) string { return fmt.Sprint(a.ID) }
	wantCAF := []string{
		"PUT /v1/agents/:id " + id(ants) + " 200 caf", "PUT /v1/agents/:id " + id(caf) + " 200 caf",
		"PUT /v1/agents/:id " + id(boss) + " 404 caf", "PUT /v1/agents/:id " + id(caf) + " 403 caf",
		"PUT /v1/agents/:id " + id(caf) + " 403 caf", "PUT /v1/agents/:id " + id(ants) + " 404 caf",
		"PUT /v1/agents/:id " + id(ants) + " 404 caf", "PUT /v1/agents/:id " + id(waiting) + " 200 caf",
	}
	if diff := cmp.Diff(wantCAF, summary(e.auditOf("admin-caf", ""))); diff != "" {
		t.Errorf("the CAF's audit log (-want +got):\n%s", diff)
	}
	// Another service's agent is missing to the CAF's administrator; its
	// attempts are in the ANTS's log too.
	wantANTS := []string{"PUT /v1/agents/:id " + id(ants) + " 404 ants", "PUT /v1/agents/:id " + id(ants) + " 404 ants"}
	if diff := cmp.Diff(wantANTS, summary(e.auditOf("admin-ants", ""))); diff != "" {
		t.Errorf("the ANTS's audit log (-want +got):\n%s", diff)
	}
	if got := e.auditOf("admin", "?action="+urlEscape("PUT /v1/agents/:id")); len(got) != len(wantCAF)+len(wantANTS) {
		t.Errorf("the global administrator reads %d entries, want %d", len(got), len(wantCAF)+len(wantANTS))
	}
	export := e.must(http.StatusOK, request{method: "GET", path: "/v1/audit?format=jsonl", key: "admin-caf"})
	if n := bytes.Count(export.body, []byte("\n")); n != len(wantCAF) || bytes.Contains(export.body, []byte(`"service":"ants"`)) {
		t.Errorf("the CAF's export: %d lines\n%s", n, export.body)
	}
}

// TestDelegatedKeys: an administrator of a service lists, creates and
// revokes its service's keys only, never with more rights than its own; the
// secret is answered once and never audited.
func TestDelegatedKeys(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	e.agent(&store.Access{Role: store.RoleAgent, Service: "caf"}) // a key row without secret, not listed
	type key struct {
		ID       int64
		Name     string
		Service  string
		Reviewer bool
	}
	var list struct{ Keys []key }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/keys", key: "admin-caf"}).decode(t, &list)
	var names []string
	for _, k := range list.Keys {
		names = append(names, k.Name)
	}
	if diff := cmp.Diff([]string{"agent-caf", "admin-caf", "reviewer-caf"}, names); diff != "" {
		t.Errorf("keys the CAF's administrator sees (-want +got):\n%s", diff)
	}

	create := func(k string, body map[string]any) response {
		return e.do(request{method: "POST", path: "/v1/keys", key: k, body: body})
	}
	var made struct {
		Key    key
		Secret string
	}
	r := create("admin-caf", map[string]any{"name": "guichet 3", "role": "agent", "service": "caf", "reviewer": true})
	if r.status != http.StatusCreated || r.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	r.decode(t, &made)
	var me struct {
		Service  string
		Reviewer bool
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: made.Secret}).decode(t, &me)
	if me.Service != "caf" || !me.Reviewer {
		t.Errorf("the new key: %+v", me)
	}
	for _, tc := range []struct {
		name string
		body map[string]any
		want int
	}{
		{"another service", map[string]any{"name": "x", "role": "agent", "service": "ants"}, 403},
		{"every service", map[string]any{"name": "x", "role": "admin", "service": ""}, 403},
		{"no service: its own", map[string]any{"name": "guichet 4", "role": "agent"}, 201},
		{"unknown role", map[string]any{"name": "x", "role": "king", "service": "caf"}, 400},
		{"no name", map[string]any{"role": "agent", "service": "caf"}, 400},
	} {
		r := create("admin-caf", tc.body)
		if r.status != tc.want {
			t.Errorf("create %s: %d %s, want %d", tc.name, r.status, r.body, tc.want)
			continue
		}
		if r.status == http.StatusCreated {
			var got struct{ Key key }
			if r.decode(t, &got); got.Key.Service != "caf" {
				t.Errorf("create %s: the key's service is %q, want caf", tc.name, got.Key.Service)
			}
		}
	}

	all, _ := e.st.APIKeys(context.Background())
	idOf := func(name string) int64 {
		for _, k := range all {
			if k.Name == name {
				return k.ID
			}
		}
		return 0
	}
	revoke := func(k string, id int64) int {
		return e.do(request{method: "DELETE", path: fmt.Sprint("/v1/keys/", id), key: k}).status
	}
	if st := revoke("admin-caf", idOf("admin-ants")); st != 404 { // as a missing one
		t.Errorf("revoke another service's key: %d", st)
	}
	if st := revoke("admin-caf", idOf("admin")); st != 404 {
		t.Errorf("revoke a global key: %d", st)
	}
	if st := revoke("admin", idOf("agent (OIDC)")); st != 400 {
		t.Errorf("revoke an agent's key row: %d, want 400", st)
	}
	if st := revoke("admin-caf", made.Key.ID); st != 204 {
		t.Errorf("revoke its own service's key: %d", st)
	}
	e.must(http.StatusUnauthorized, request{method: "GET", path: "/v1/me", key: made.Secret})
	if st := revoke("admin-caf", idOf("admin-caf")); st != 409 {
		t.Errorf("an administrator revoking its own key: %d, want 409", st)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/me", key: "admin-caf"})

	log := e.must(http.StatusOK, request{method: "GET", path: "/v1/audit?format=jsonl", key: "admin"}).body
	if bytes.Contains(log, []byte(made.Secret)) || bytes.Contains(log, []byte(made.Secret[len(store.KeyPrefix):])) {
		t.Error("the audit log holds a key's secret")
	}
	wantCAF := []string{
		fmt.Sprintf("DELETE /v1/keys/:id %d 409 caf", idOf("admin-caf")),
		fmt.Sprintf("DELETE /v1/keys/:id %d 204 caf", made.Key.ID),
		fmt.Sprintf("DELETE /v1/keys/:id %d 404 caf", idOf("admin")),
		fmt.Sprintf("DELETE /v1/keys/:id %d 404 caf", idOf("admin-ants")),
		"POST /v1/keys  400 caf", "POST /v1/keys  400 caf",
		fmt.Sprintf("POST /v1/keys %d 201 caf", made.Key.ID+1), // without service: the CAF's
		"POST /v1/keys  403 caf", "POST /v1/keys  403 caf",
		fmt.Sprintf("POST /v1/keys %d 201 caf", made.Key.ID),
	}
	if diff := cmp.Diff(wantCAF, summary(e.auditOf("admin-caf", ""))); diff != "" {
		t.Errorf("the CAF's audit log (-want +got):\n%s", diff)
	}
}

// TestDelegatedRules: only an administrator of every service writes
// assignment rules (a service's could claim another service's domain), one
// per domain or SIRET, none shadowing the configuration's, each domain a
// valid one; a service's administrator sees and deletes its service's; the
// rules give access at sign-in after the configuration's.
func TestDelegatedRules(t *testing.T) {
	t.Parallel()
	e := signInEnv(t, "domain:interieur.gouv.fr=agent/ants")
	post := func(key string, body map[string]string) response {
		return e.do(request{method: "POST", path: "/v1/rules", key: key, body: body})
	}
	var rule struct{ ID int64 }
	post201 := post("admin", map[string]string{"kind": "domain", "value": "@CAF.fr", "role": "agent", "service": "caf"})
	if post201.status != http.StatusCreated {
		t.Fatalf("create: %d %s", post201.status, post201.body)
	}
	post201.decode(t, &rule)
	for _, tc := range []struct {
		name string
		key  string
		body map[string]string
		want int
	}{
		{"another service", "admin-caf", map[string]string{"kind": "domain", "value": "ants.fr", "role": "agent", "service": "ants"}, 403},
		{"every service", "admin-caf", map[string]string{"kind": "siret", "value": "13002526500013", "role": "admin"}, 403},
		{"a domain already ruled", "admin", map[string]string{"kind": "domain", "value": "caf.fr", "role": "admin", "service": "ants"}, 409},
		{"the configuration's domain", "admin", map[string]string{"kind": "domain", "value": "interieur.gouv.fr", "role": "agent", "service": "caf"}, 409},
		{"a bad SIRET", "admin-caf", map[string]string{"kind": "siret", "value": "123", "role": "agent", "service": "caf"}, 400},
		{"another service's domain for its own", "admin-caf", map[string]string{"kind": "domain", "value": "ants.gouv.fr", "role": "agent", "service": "caf"}, 403},
		{"a SIRET for its own", "admin-caf", map[string]string{"kind": "siret", "value": "13002526500013", "role": "agent", "service": "caf"}, 403},
		{"a domain with a final dot", "admin", map[string]string{"kind": "domain", "value": "ants.gouv.fr.", "role": "agent", "service": "ants"}, 400},
		{"not a domain", "admin", map[string]string{"kind": "domain", "value": "ants_gouv", "role": "agent", "service": "ants"}, 400},
	} {
		if r := post(tc.key, tc.body); r.status != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, r.status, r.body, tc.want)
		}
	}
	type ruleJSON struct {
		ID                         int64
		Kind, Value, Service, Role string
		Origin                     string
	}
	rules := func(key string) []ruleJSON {
		var out struct{ Rules []ruleJSON }
		e.must(http.StatusOK, request{method: "GET", path: "/v1/rules", key: key}).decode(t, &out)
		return out.Rules
	}
	if diff := cmp.Diff([]ruleJSON{{ID: rule.ID, Kind: "domain", Value: "caf.fr", Service: "caf", Role: "agent", Origin: "page"}},
		rules("admin-caf")); diff != "" {
		t.Errorf("the CAF's rules (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]ruleJSON{{Kind: "domain", Value: "interieur.gouv.fr", Service: "ants", Role: "agent", Origin: "configuration"}},
		rules("admin-ants")); diff != "" {
		t.Errorf("the ANTS's rules (-want +got):\n%s", diff)
	}
	if n := len(rules("admin")); n != 2 {
		t.Errorf("a global administrator sees %d rules, want 2", n)
	}

	// The page's rule gives access at sign-in.
	e.op.SetUser(map[string]any{"sub": "paul", "email": "paul.durand@caf.fr", "given_name": "Paul", "usual_name": "Durand"})
	b := e.browser()
	if resp, body := b.signIn(); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in through the page's rule: %d %.300s", resp.StatusCode, body)
	}
	if status, me := b.me(); status != http.StatusOK || me.Role != "agent" || me.Service != "caf" {
		t.Errorf("me: %d %+v", status, me)
	}

	del := func(key string, id int64) int {
		return e.do(request{method: "DELETE", path: fmt.Sprint("/v1/rules/", id), key: key}).status
	}
	if st := del("admin-ants", rule.ID); st != 404 { // as a missing one
		t.Errorf("delete another service's rule: %d", st)
	}
	if st := del("admin-caf", rule.ID); st != 204 {
		t.Errorf("delete its own rule: %d", st)
	}
	if st := del("admin-caf", rule.ID); st != 404 {
		t.Errorf("delete it again: %d", st)
	}
	if got := summary(e.auditOf("admin-ants", "")); len(got) != 1 || got[0] != fmt.Sprintf("DELETE /v1/rules/:id %d 404 ants", rule.ID) {
		t.Errorf("the ANTS's audit log: %q", got)
	}
}

// TestAuditFilters reads the audit log by action, actor and days, as the
// page asks for it, and refuses bad filters.
func TestAuditFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	ctx := context.Background()
	agent := e.agent(&store.Access{Role: store.RoleAgent, Service: "caf"})
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/agents/", agent.ID), key: "admin-caf",
		body: map[string]string{"role": "admin", "service": "caf"}})
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/documents/", e.docs["caf"], "/status"), key: "admin",
		body: map[string]string{"status": "archived"}})
	old := e.agent(nil)
	if err := e.st.Audit(ctx, store.AuditEntry{At: mustDay(t, "2025-01-15"), KeyID: 1, Action: "PUT /v1/agents/:id",
		Target: fmt.Sprint(old.ID), Status: 200}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"", []string{"PUT /v1/documents/:id/status", "PUT /v1/agents/:id"}},
		{"?actor=ADMIN-CAF", []string{"PUT /v1/agents/:id"}},
		{"?actor=admin", []string{"PUT /v1/documents/:id/status", "PUT /v1/agents/:id"}},
		{"?action=" + urlEscape("PUT /v1/documents/:id/status"), []string{"PUT /v1/documents/:id/status"}},
		{"?since=2025-01-01&until=2025-01-31", []string{"PUT /v1/agents/:id"}},
		{"?since=2025-01-16&until=2025-01-31", nil},
		{"?since=2025-01-01&until=2025-01-15", []string{"PUT /v1/agents/:id"}},
	} {
		var got []string
		for _, en := range e.auditOf("admin", tc.query) {
			got = append(got, en.Action)
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("GET /v1/audit%s (-want +got):\n%s", tc.query, diff)
		}
	}
	var page struct {
		Entries []store.AuditEntry
		Actions []string
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/audit", key: "admin"}).decode(t, &page)
	if diff := cmp.Diff([]string{"PUT /v1/agents/:id", "PUT /v1/documents/:id/status"}, page.Actions); diff != "" {
		t.Errorf("actions (-want +got):\n%s", diff)
	}
	if page.Entries[1].Actor != "admin-caf" || page.Entries[0].Actor != "admin" {
		t.Errorf("actors: %q, %q", page.Entries[0].Actor, page.Entries[1].Actor)
	}
	for _, bad := range []string{"?since=hier", "?until=2025-13-01", "?since=2025-02-01&until=2025-01-01", "?format=csv", "?days=0"} {
		if r := e.do(request{method: "GET", path: "/v1/audit" + bad, key: "admin"}); r.status != http.StatusBadRequest {
			t.Errorf("GET /v1/audit%s: %d, want 400", bad, r.status)
		}
	}
	e.must(http.StatusForbidden, request{method: "GET", path: "/v1/audit", key: "agent-caf"})
}

// TestAuditHoldsNoMessage: administrators and reviewers act on drafts,
// answers, curation items and documents full of a user's personal data;
// the audit log, as exported, holds none of it, nor any question or text.
func TestAuditHoldsNoMessage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	personal := []string{"Élodie", "Dupré", "06 12 34 56 78", "elodie.dupre@exemple.fr", "Évreux", "carte grise"}
	question := "Bonjour, je suis Élodie Dupré d'Évreux, comment changer l'adresse de ma carte grise ? Tél. 06 12 34 56 78, elodie.dupre@exemple.fr"
	d := e.draft("admin", question)
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/drafts/" + d.ID + "/feedback", key: "admin",
		body: map[string]any{"outcome": "edited", "final_text": "Madame Élodie Dupré, pour votre carte grise, appelez le 06 12 34 56 78."}})
	var a struct{ ID, Version int64 }
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/answers", key: "admin", body: map[string]any{"draft_id": d.ID}}).decode(t, &a)
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/answers/", a.ID), key: "admin",
		body: map[string]any{"question": question, "text": "Madame Élodie Dupré, votre carte grise.", "version": a.Version}})
	if _, err := e.st.Pool().Exec(t.Context(), "UPDATE drafts SET reliable = false WHERE id = $1", d.ID); err != nil {
		t.Fatal(err)
	}
	var rep rag.CurationReport
	e.must(http.StatusOK, request{method: "GET", path: "/v1/curation?service=", key: "admin"}).decode(t, &rep)
	if len(rep.Unanswered) != 1 {
		t.Fatalf("unanswered of no service: %+v", rep.Unanswered)
	}
	e.must(http.StatusOK, request{method: "POST", path: "/v1/curation/close", key: "admin",
		body: map[string]any{"kind": "unanswered", "key": rep.Unanswered[0].Key, "service": "", "action": "other", "reason": "rappeler Élodie Dupré au 06 12 34 56 78"}})
	e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: "admin",
		body: map[string]any{"id": "note-evreux", "title": "Carte grise à Évreux", "text": "Cas d'Élodie Dupré, elodie.dupre@exemple.fr."}})
	export := e.must(http.StatusOK, request{method: "GET", path: "/v1/audit?format=jsonl", key: "admin"}).body
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(export))
	for sc.Scan() {
		lines++
		var entry map[string]any
		if err := json.Unmarshal(sc.Bytes(), &entry); err != nil {
			t.Errorf("line %d: %v", lines, err)
		}
	}
	if lines != 4 {
		t.Errorf("%d audit entries, want the 4 changes (answer created and edited, item closed, document created; none for drafts or feedback):\n%s", lines, export)
	}
	for _, p := range personal {
		if strings.Contains(string(export), p) {
			t.Errorf("the audit log holds %q:\n%s", p, export)
		}
	}
}

// TestAuditOfDocuments: a global administrator's changes to a service's
// document are in that service's audit log, a move in both services'; a
// service's administrator may not ask for another service's log.
func TestAuditOfDocuments(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	caf, ants := fmt.Sprint(e.docs["caf"]), fmt.Sprint(e.docs["ants2"])
	e.must(http.StatusOK, request{method: "PUT", path: "/v1/documents/" + caf + "/status", key: "admin", body: map[string]string{"status": "draft"}})
	var doc map[string]any
	e.must(http.StatusOK, request{method: "GET", path: "/v1/documents/" + ants, key: "admin"}).decode(t, &doc)
	e.must(http.StatusOK, request{method: "PUT", path: "/v1/documents/" + ants, key: "admin", body: map[string]any{
		"title": doc["title"], "text": "Le texte de la fiche, passée à la CAF.", "service": "caf", "modified_at": doc["modified_at"]}})
	want := []string{"PUT /v1/documents/:id " + ants + " 200 caf", "PUT /v1/documents/:id/status " + caf + " 200 caf"}
	if diff := cmp.Diff(want, summary(e.auditOf("admin-caf", ""))); diff != "" {
		t.Errorf("the CAF's audit log (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"PUT /v1/documents/:id " + ants + " 200 ants"}, summary(e.auditOf("admin-ants", ""))); diff != "" {
		t.Errorf("the ANTS's audit log (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(want, summary(e.auditOf("admin", "?service=caf"))); diff != "" {
		t.Errorf("the CAF's audit log as a global administrator reads it (-want +got):\n%s", diff)
	}
	if r := e.do(request{method: "GET", path: "/v1/audit?service=caf", key: "admin-ants"}); r.status != http.StatusForbidden {
		t.Errorf("the ANTS's administrator asking for the CAF's log: %d %.200s, want 403", r.status, r.body)
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/audit?service=ants", key: "admin-ants"})
}

// TestAuditOfUploads: an upload is in the audit log of its service and of
// each document's; an upload naming another service's id stores its own
// service's document and leaves nothing in the other's log.
func TestAuditOfUploads(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	upload := func(key, name, md string, fields map[string]string) string {
		body, ct := multipartBody(t, map[string]string{name: md}, fields)
		var got struct{ Documents []struct{ ID int64 } }
		e.must(http.StatusCreated, request{method: "POST", path: "/v1/documents", key: key, body: body, contentType: ct}).decode(t, &got)
		return fmt.Sprint(got.Documents[0].ID)
	}
	// A global administrator's upload (no service) of a document of the
	// CAF holding the id of one of the ANTS.
	first := upload("admin", "fiche.md", fmt.Sprintf("---\nid: %s\ntitle: Passée à la CAF\nservice: caf\n---\n## Texte\nLa fiche passe à la CAF.\n", corpusDocs["ants2"]), nil)
	caf := upload("admin-caf", "caf.md", fmt.Sprintf("---\nid: %s\ntitle: Mise à jour CAF\n---\n## Texte\nNouvelle version.\n", corpusDocs["caf"]), nil)
	last := upload("admin", "reprise.md", fmt.Sprintf("---\nid: %s\ntitle: Reprise par la CAF\n---\n## Texte\nLa CAF reprend la fiche.\n", corpusDocs["ants"]),
		map[string]string{"service": "caf"})
	if caf != fmt.Sprint(e.docs["caf"]) || first == fmt.Sprint(e.docs["ants2"]) || last == fmt.Sprint(e.docs["ants"]) {
		t.Errorf("stored %s, %s, %s: want a new CAF document, the CAF's own updated, a new CAF document", first, caf, last)
	}
	for _, tc := range []struct {
		key, query string
		want       []string
	}{
		{"admin-ants", "", nil},
		{"admin-caf", "", []string{"POST /v1/documents " + last + " 201 caf ids " + last,
			"POST /v1/documents " + caf + " 201 caf ids " + caf, "POST /v1/documents " + first + " 201 caf ids " + first}},
		{"admin", "?service=ants", nil},
		{"admin", "?service=", []string{"POST /v1/documents " + first + " 201  ids " + first}},
	} {
		es := e.auditOf(tc.key, tc.query)
		got := summary(es)
		for i, en := range es {
			var details struct{ IDs []int64 }
			if err := json.Unmarshal(en.Details, &details); err != nil {
				t.Fatal(err)
			}
			got[i] += " ids " + strings.Trim(fmt.Sprint(details.IDs), "[]")
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s's audit log%s (-want +got):\n%s", tc.key, tc.query, diff)
		}
	}
}

// TestAuditOfAnswers: a global administrator's changes to a service's
// validated answer are in that service's audit log, a move to another
// service in both services' logs.
func TestAuditOfAnswers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, api.Config{RatePerSecond: -1})
	a := e.answer("caf")
	path := fmt.Sprint("/v1/answers/", a.ID)
	e.must(http.StatusOK, request{method: "PUT", path: path + "/status", key: "admin", body: map[string]string{"status": "to_review"}})
	e.must(http.StatusOK, request{method: "PUT", path: path, key: "admin", body: map[string]any{
		"question": "Comment déclarer un changement de situation ?", "text": "Déclarez-le en ligne.", "service": "ants",
		"document_ids": []int64{e.docs["ants"]}, "version": a.Version}})
	id := fmt.Sprint(a.ID)
	for _, tc := range []struct {
		key, query string
		want       []string
	}{
		{"admin-caf", "", []string{"PUT /v1/answers/:id " + id + " 200 caf", "PUT /v1/answers/:id/status " + id + " 200 caf"}},
		{"admin-ants", "", []string{"PUT /v1/answers/:id " + id + " 200 ants"}},
		{"admin", "?service=", nil},
	} {
		if diff := cmp.Diff(tc.want, summary(e.auditOf(tc.key, tc.query))); diff != "" {
			t.Errorf("%s's audit log%s (-want +got):\n%s", tc.key, tc.query, diff)
		}
	}
}

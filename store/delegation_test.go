package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

var global = store.Scope{Global: true}

// TestAuditLog writes entries and reads them back through every filter:
// time, scope (a service's administrators read their service's entries),
// action and actor (the agent's name or e-mail, or the key's name).
func TestAuditLog(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	key, _, err := st.CreateAPIKey(ctx, "script de la CAF", store.RoleAdmin, "caf")
	if err != nil {
		t.Fatal(err)
	}
	alice, err := st.SignInAgent(ctx, store.AgentProfile{Issuer: "https://idp", Subject: "a", Email: "alice.martin@ants.gouv.fr",
		GivenName: "Alice", UsualName: "Martin"}, &store.Access{Role: store.RoleAdmin, Service: "ants"})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	for i, e := range []store.AuditEntry{
		{At: t0, KeyID: key.ID, Service: "caf", Action: "DELETE /v1/documents/:id", Target: "12", Status: 204},
		{At: t0.Add(time.Hour), KeyID: alice.KeyID, AgentID: &alice.ID, Service: "ants", Action: "PUT /v1/agents/:id", Target: "3",
			Status: 200, Details: json.RawMessage(`{"role": "admin"}`)},
		{At: t0.Add(48 * time.Hour), KeyID: 0, Action: "plume keys create", Target: "9", Status: 0},
	} {
		if err := st.Audit(ctx, e); err != nil {
			t.Fatalf("entry %d: %v", i, err)
		}
	}
	since := t0.Add(-time.Hour)
	ids := func(f store.AuditFilter) []string {
		t.Helper()
		es, err := st.AuditLog(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Target+" "+e.Actor)
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    store.AuditFilter
		want []string
	}{
		{"all, newest first", store.AuditFilter{Scope: global, Since: since}, []string{"9 ", "3 Alice Martin", "12 script de la CAF"}},
		{"since", store.AuditFilter{Scope: global, Since: t0.Add(time.Minute)}, []string{"9 ", "3 Alice Martin"}},
		{"until", store.AuditFilter{Scope: global, Since: since, Until: t0.Add(2 * time.Hour)}, []string{"3 Alice Martin", "12 script de la CAF"}},
		{"limit", store.AuditFilter{Scope: global, Since: since, Limit: 1}, []string{"9 "}},
		{"one service", store.AuditFilter{Scope: store.Scope{Service: "caf"}, Since: since}, []string{"12 script de la CAF"}},
		{"every service's entries only", store.AuditFilter{Scope: store.Scope{Service: ""}, Since: since}, []string{"9 "}},
		{"action", store.AuditFilter{Scope: global, Since: since, Action: "PUT /v1/agents/:id"}, []string{"3 Alice Martin"}},
		{"actor's e-mail", store.AuditFilter{Scope: global, Since: since, Actor: "ALICE.martin@"}, []string{"3 Alice Martin"}},
		{"actor's name", store.AuditFilter{Scope: global, Since: since, Actor: "martin"}, []string{"3 Alice Martin"}},
		{"key's name", store.AuditFilter{Scope: global, Since: since, Actor: "caf"}, []string{"12 script de la CAF"}},
		{"actor in another service", store.AuditFilter{Scope: store.Scope{Service: "caf"}, Since: since, Actor: "alice"}, nil},
	} {
		if diff := cmp.Diff(tc.want, ids(tc.f)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
	es, _ := st.AuditLog(ctx, store.AuditFilter{Scope: global, Since: since, Action: "PUT /v1/agents/:id"})
	if len(es) != 1 || *es[0].AgentID != alice.ID || string(es[0].Details) != `{"role": "admin"}` || es[0].Service != "ants" {
		t.Errorf("entry: %+v", es)
	}
	actions, err := st.AuditActions(ctx, store.Scope{Service: "ants"})
	if diff := cmp.Diff([]string{"PUT /v1/agents/:id"}, actions); diff != "" || err != nil {
		t.Errorf("actions of ants (-want +got):\n%s %v", diff, err)
	}
	if n, err := st.PurgeAudit(ctx, t0.Add(2*time.Hour)); n != 2 || err != nil {
		t.Errorf("PurgeAudit = %d, %v; want the 2 entries before the cutoff", n, err)
	}
	if diff := cmp.Diff([]string{"9 "}, ids(store.AuditFilter{Scope: global, Since: since})); diff != "" {
		t.Errorf("after the purge (-want +got):\n%s", diff)
	}
}

// TestAgentsScope: a service's administrator lists its service's agents
// and those waiting for an access; the allowed function is asked, under the
// row's lock, before an access changes.
func TestAgentsScope(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	for _, a := range []struct {
		sub    string
		access *store.Access
	}{
		{"caf", &store.Access{Role: store.RoleAgent, Service: "caf"}}, {"ants", &store.Access{Role: store.RoleAgent, Service: "ants"}},
		{"global", &store.Access{Role: store.RoleAdmin}}, {"waiting", nil},
	} {
		if _, err := st.SignInAgent(ctx, store.AgentProfile{Issuer: "https://idp", Subject: a.sub, Email: a.sub + "@x.fr"}, a.access); err != nil {
			t.Fatal(err)
		}
	}
	emails := func(sc store.Scope) []string {
		as, err := st.Agents(ctx, sc)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, a := range as {
			out = append(out, a.Email)
		}
		return out
	}
	if diff := cmp.Diff([]string{"waiting@x.fr", "caf@x.fr"}, emails(store.Scope{Service: "caf"})); diff != "" {
		t.Errorf("caf's agents (-want +got):\n%s", diff)
	}
	if n := len(emails(global)); n != 4 {
		t.Errorf("every agent: %d, want 4", n)
	}
	as, _ := st.Agents(ctx, store.Scope{Service: "ants"})
	ants := as[1]
	refused := errors.New("refused")
	if _, err := st.SetAgentAccess(ctx, ants.ID, store.Access{Role: store.RoleAdmin, Service: "caf"},
		func(before store.Agent) error {
			if before.Service != "ants" {
				t.Errorf("allowed saw %+v", before)
			}
			return refused
		}); !errors.Is(err, refused) {
		t.Errorf("refused change: %v", err)
	}
	if a, _ := st.AgentByID(ctx, ants.ID); a.Service != "ants" || a.Role != store.RoleAgent {
		t.Errorf("a refused change changed the agent: %+v", a)
	}
	if _, err := st.SetAgentAccess(ctx, ants.ID, store.Access{Service: "ants"}, nil); err != nil {
		t.Fatal(err)
	}
	if a, _ := st.AgentByID(ctx, ants.ID); a.Service != "" || a.Role != "" {
		t.Errorf("without access the agent keeps a service: %+v", a)
	}
}

// TestAccessRules: rules are kept in order, one per domain or SIRET, and
// deleted under the allowed function's check.
func TestAccessRules(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	first, err := st.CreateAccessRule(ctx, store.AccessRule{Kind: "domain", Value: "ants.gouv.fr",
		Access: store.Access{Role: store.RoleAgent, Service: "ants"}, CreatedBy: 4})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateAccessRule(ctx, store.AccessRule{Kind: "siret", Value: "13000000000001",
		Access: store.Access{Role: store.RoleAdmin, Service: "caf"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateAccessRule(ctx, store.AccessRule{Kind: "domain", Value: "ants.gouv.fr",
		Access: store.Access{Role: store.RoleAgent, Service: "caf"}}); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("second rule for a domain: %v, want ErrDuplicate", err)
	}
	if _, err := st.CreateAccessRule(ctx, store.AccessRule{Kind: "name", Value: "x", Access: store.Access{Role: store.RoleAgent}}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("unknown kind: %v, want ErrInvalid", err)
	}
	rs, err := st.AccessRules(ctx)
	if err != nil || len(rs) != 2 || rs[0].ID != first.ID || rs[0].CreatedBy != 4 || rs[1].Access.Service != "caf" {
		t.Fatalf("AccessRules = %+v, %v", rs, err)
	}
	refused := errors.New("refused")
	if _, err := st.DeleteAccessRule(ctx, first.ID, func(store.AccessRule) error { return refused }); !errors.Is(err, refused) {
		t.Errorf("refused deletion: %v", err)
	}
	if r, err := st.DeleteAccessRule(ctx, first.ID, nil); err != nil || r.Value != "ants.gouv.fr" {
		t.Errorf("deletion: %+v %v", r, err)
	}
	if _, err := st.DeleteAccessRule(ctx, first.ID, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second deletion: %v", err)
	}
}

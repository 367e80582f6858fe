package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

func TestSignInAgentAccess(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	p := store.AgentProfile{Issuer: "https://idp", Subject: "s1", Email: "a@interieur.gouv.fr", SIRET: "13000000000001"}
	rule := &store.Access{Role: store.RoleAgent, Service: "ants"}
	steps := []struct {
		name       string
		rule       *store.Access
		setByAdmin *store.Access
		want       store.Access
		wantBy     string
	}{
		{name: "first sign-in without rule", want: store.Access{}, wantBy: ""},
		{name: "a rule gives access", rule: rule, want: *rule, wantBy: store.AssignedByRule},
		{name: "the rule is gone", want: store.Access{}, wantBy: ""},
		{name: "an admin's choice stays", rule: rule, setByAdmin: &store.Access{Role: store.RoleAdmin, Service: "caf"},
			want: store.Access{Role: store.RoleAdmin, Service: "caf"}, wantBy: store.AssignedByAdmin},
		{name: "even without rule", want: store.Access{Role: store.RoleAdmin, Service: "caf"}, wantBy: store.AssignedByAdmin},
	}
	var keyID int64
	for _, s := range steps {
		a, err := st.SignInAgent(ctx, p, s.rule)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if s.setByAdmin != nil {
			if _, err := st.SetAgentAccess(ctx, a.ID, *s.setByAdmin, nil); err != nil {
				t.Fatal(err)
			}
			a, err = st.SignInAgent(ctx, p, s.rule)
			if err != nil {
				t.Fatal(err)
			}
		}
		if got := (store.Access{Role: a.Role, Service: a.Service}); got != s.want || a.AssignedBy != s.wantBy {
			t.Errorf("%s: access %+v by %q, want %+v by %q", s.name, got, a.AssignedBy, s.want, s.wantBy)
		}
		if keyID != 0 && a.KeyID != keyID {
			t.Errorf("%s: key row changed from %d to %d", s.name, keyID, a.KeyID)
		}
		keyID = a.KeyID
	}
	as, err := st.Agents(ctx, store.Scope{Global: true})
	if err != nil || len(as) != 1 || as[0].Email != p.Email || as[0].SIRET != p.SIRET {
		t.Fatalf("Agents = %+v, %v", as, err)
	}
	if _, err := st.SetAgentAccess(ctx, as[0].ID, store.Access{Role: "king"}, nil); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("unknown role: %v, want ErrInvalid", err)
	}
	if _, err := st.SetAgentAccess(ctx, as[0].ID+1, store.Access{}, nil); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("unknown agent: %v, want ErrNotFound", err)
	}
}

func TestSessions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	a, err := st.SignInAgent(ctx, store.AgentProfile{Issuer: "i", Subject: "s"}, &store.Access{Role: store.RoleAgent})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	const idle, lifetime = 30 * time.Minute, 8 * time.Hour
	ss, err := st.CreateSession(ctx, a.ID, "tok", t0, lifetime)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss.ID) < 40 || len(ss.CSRFToken) < 40 || ss.ID == ss.CSRFToken {
		t.Fatalf("session %+v: want two distinct random tokens", ss)
	}
	now := t0
	for _, step := range []struct {
		after time.Duration
		live  bool
	}{
		{20 * time.Minute, true}, {29 * time.Minute, true}, {29 * time.Minute, true}, // kept alive by activity
		{31 * time.Minute, false}, // idle too long
	} {
		now = now.Add(step.after)
		_, got, err := st.SessionAgent(ctx, ss.ID, now, idle)
		if step.live && (err != nil || got.ID != a.ID) {
			t.Fatalf("at %v: %v, %v; want the agent", now.Sub(t0), got.ID, err)
		}
		if !step.live && !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("at %v: %v, want ErrNotFound", now.Sub(t0), err)
		}
	}
	// Absolute expiry, however active.
	ss2, err := st.CreateSession(ctx, a.ID, "tok", t0, lifetime)
	if err != nil {
		t.Fatal(err)
	}
	for now = t0; now.Before(t0.Add(lifetime)); now = now.Add(20 * time.Minute) {
		if _, _, err := st.SessionAgent(ctx, ss2.ID, now, idle); err != nil {
			t.Fatalf("at %v: %v", now.Sub(t0), err)
		}
	}
	if _, _, err := st.SessionAgent(ctx, ss2.ID, t0.Add(lifetime), idle); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("past the lifetime: %v, want ErrNotFound", err)
	}
	ss3, _ := st.CreateSession(ctx, a.ID, "tok", t0, lifetime)
	if err := st.DeleteSession(ctx, ss3.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.SessionAgent(ctx, ss3.ID, t0, idle); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted session: %v", err)
	}
	ss5, _ := st.CreateSession(ctx, a.ID, "tok", t0, lifetime)
	b, err := st.SignInAgent(ctx, store.AgentProfile{Issuer: "i", Subject: "other"}, &store.Access{Role: store.RoleAgent})
	if err != nil {
		t.Fatal(err)
	}
	ssB, _ := st.CreateSession(ctx, b.ID, "tok", t0, lifetime)
	if err := st.RevokeAPIKey(ctx, b.KeyID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.SessionAgent(ctx, ssB.ID, t0, idle); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session of an agent whose key was revoked: %v", err)
	}
	if _, _, err := st.SessionAgent(ctx, ss5.ID, t0, idle); err != nil {
		t.Errorf("another agent's session: %v", err)
	}
	ss4, _ := st.CreateSession(ctx, a.ID, "tok", t0, lifetime)
	if _, err := st.SetAgentAccess(ctx, a.ID, store.Access{}, nil); err != nil {
		t.Fatal(err)
	}
	if _, _, err := st.SessionAgent(ctx, ss4.ID, t0, idle); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("session of an agent whose access was taken away: %v", err)
	}
}

func TestAuthFlows(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	t0 := time.Now()
	f, err := st.NewAuthFlow(ctx, t0, t0.Add(-time.Minute), "verifier-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.TakeAuthFlow(ctx, f.State+"x", t0.Add(-time.Minute)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("forged state: %v", err)
	}
	got, err := st.TakeAuthFlow(ctx, f.State, t0.Add(-time.Minute))
	if err != nil || got != f {
		t.Fatalf("TakeAuthFlow = %+v, %v; want %+v", got, err, f)
	}
	if _, err := st.TakeAuthFlow(ctx, f.State, t0.Add(-time.Minute)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second use: %v", err)
	}
	old, _ := st.NewAuthFlow(ctx, t0, t0.Add(-time.Minute), "v2")
	if _, err := st.TakeAuthFlow(ctx, old.State, t0.Add(time.Minute)); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("too old: %v", err)
	}
	// A new flow deletes those started before its since: they could not
	// be taken any more.
	stale, _ := st.NewAuthFlow(ctx, t0, t0.Add(-time.Minute), "v3")
	if _, err := st.NewAuthFlow(ctx, t0.Add(2*time.Minute), t0.Add(time.Minute), "v4"); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := st.Pool().QueryRow(ctx, "SELECT count(*) FROM auth_flows WHERE state_hash = $1", store.HashKey(stale.State)).Scan(&n); err != nil || n != 0 {
		t.Errorf("a flow past its validity is kept (%d rows, %v)", n, err)
	}
}

package store_test

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
)

// TestMigrationNormalizesServices: migration 0026 rewrites the services
// stored before services were checked (« France Travail », as a file gave
// it) as store.NormalizeService does, in every table that holds one, keeps
// the latest of two curation closures that become the same, and leaves
// normalised services alone.
func TestMigrationNormalizesServices(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := secondStore(t, emptySchema(t))
	if _, err := st.MigrateTo(ctx, 25); err != nil {
		t.Fatal(err)
	}
	var doc store.Document
	savedBeforeServiceKeys(t, st, func() { doc = saveDoc(t, st, "F1", "h1") })
	newAnswer(t, st, "caf", doc.ID)
	key, _, err := st.CreateAPIKey(ctx, "clé", store.RoleAgent, "caf")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SignInAgent(ctx, store.AgentProfile{Issuer: "pc", Subject: "s1"}, &store.Access{Role: store.RoleAgent, Service: "caf"}); err != nil {
		t.Fatal(err)
	}
	d := store.Draft{Channel: "email", Service: "caf", Question: red(t, "Question ?"), Draft: "x"}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	old := " France\u00a0 Travail "
	for _, sql := range []string{
		"UPDATE documents SET service = $1", "UPDATE api_keys SET service = $1", "UPDATE agents SET service = $1",
		"UPDATE answers SET service = $1, author_service = $1", "UPDATE drafts SET service = $1",
		"INSERT INTO access_rules (kind, value, role, service, created_by) VALUES ('domain', 'ft.fr', 'agent', $1, 1)",
		"INSERT INTO audit_log (key_id, action, service) VALUES (1, 'POST /v1/keys', $1), (1, 'POST /v1/keys', 'caf')",
		`INSERT INTO curation_closures (service, kind, item_key, action, reason, closed_at) VALUES
			($1, 'question', 'q1', 'other', 'later', now()), ('france-travail', 'question', 'q1', 'other', 'earlier', now() - interval '1 day'),
			('France Travail', 'question', 'q2', 'other', 'alone', now())`,
	} {
		if _, err := st.Pool().Exec(ctx, sql, old); err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	want := map[string]string{"documents": "france-travail", "api_keys": "france-travail", "agents": "france-travail",
		"answers": "france-travail france-travail", "drafts": "france-travail", "access_rules": "france-travail",
		"audit_log": "caf,france-travail", "curation_closures": "france-travail q1 later,france-travail q2 alone"}
	for range 2 { // the second run checks that normalised names stay
		if _, err := st.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, storedServices(t, st)); diff != "" {
			t.Errorf("services after migration (-want +got):\n%s", diff)
		}
		if _, err := st.Pool().Exec(ctx, "DELETE FROM schema_migrations WHERE version = 26"); err != nil {
			t.Fatal(err)
		}
	}
	if k, err := st.APIKeyByID(ctx, key.ID); err != nil || k.Service != "france-travail" || !store.ValidService(k.Service) {
		t.Errorf("key after migration: %+v, %v", k, err)
	}
}

// storedServices returns, per table, its distinct services (with what
// else tells the rows apart), in order.
func storedServices(t *testing.T, st *store.Store) map[string]string {
	t.Helper()
	got := map[string]string{}
	for table, expr := range map[string]string{"documents": "service", "api_keys": "service", "agents": "service",
		"answers": "service || ' ' || author_service", "drafts": "service", "access_rules": "service",
		"audit_log": "service", "curation_closures": "service || ' ' || item_key || ' ' || reason"} {
		var s string
		if err := st.Pool().QueryRow(context.Background(), "SELECT string_agg(DISTINCT "+expr+", ',') FROM "+table).Scan(&s); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		got[table] = s
	}
	return got
}

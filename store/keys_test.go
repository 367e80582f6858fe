package store_test

import (
	"context"
	"errors"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/store"
	"github.com/plume-sp/plume/store/storetest"
)

func TestAPIKeys(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	k, secret, err := st.CreateAPIKey(ctx, " guichet CAF ", store.RoleAgent, "caf")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^plume_[a-z2-7]{32}$`).MatchString(secret) {
		t.Errorf("secret %q does not look like plume_ + 32 base32 characters", secret)
	}
	if k.Name != "guichet CAF" || k.Role != store.RoleAgent || k.Service != "caf" || k.Prefix != secret[:12] {
		t.Errorf("created key %+v", k)
	}
	var stored int
	if err := st.Pool().QueryRow(ctx, "SELECT count(*) FROM api_keys WHERE hash = $1 AND prefix <> $2",
		store.HashKey(secret), secret).Scan(&stored); err != nil || stored != 1 {
		t.Fatalf("stored hash rows = %d, %v", stored, err)
	}
	var leaked int
	if err := st.Pool().QueryRow(ctx, "SELECT count(*) FROM api_keys WHERE position($1 in name || prefix || encode(hash, 'escape')) > 0",
		secret).Scan(&leaked); err != nil || leaked != 0 {
		t.Fatalf("the secret is stored in clear: %d, %v", leaked, err)
	}

	got, err := st.APIKeyBySecret(ctx, secret)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(k, got); diff != "" {
		t.Errorf("APIKeyBySecret (-want +got):\n%s", diff)
	}
	if _, err := st.APIKeyBySecret(ctx, secret+"x"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("wrong secret: %v, want ErrNotFound", err)
	}
	if err := st.RevokeAPIKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.APIKeyBySecret(ctx, secret); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoked key: %v, want ErrNotFound", err)
	}
	if err := st.RevokeAPIKey(ctx, k.ID+100); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("revoke unknown: %v, want ErrNotFound", err)
	}
	keys, err := st.APIKeys(ctx)
	if err != nil || len(keys) != 1 || keys[0].RevokedAt == nil {
		t.Fatalf("APIKeys = %+v, %v; want the revoked key", keys, err)
	}

	for _, tc := range []struct {
		name string
		role store.Role
	}{{"", store.RoleAdmin}, {"x", "root"}} {
		if _, _, err := st.CreateAPIKey(ctx, tc.name, tc.role, ""); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("CreateAPIKey(%q, %q) = %v, want ErrInvalid", tc.name, tc.role, err)
		}
	}
}

// TestKeyNameCharacters: a key's name, shown in every list of keys and
// copied to the audit log, holds no escape nor bidirectional override.
func TestKeyNameCharacters(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	st := storetest.NewStore(t)
	for _, name := range []string{"guichet \u202eFAC", "guichet \x1b[31mCAF", "guichet \u2066CAF"} {
		if _, _, err := st.CreateAPIKey(ctx, name, store.RoleAgent, "caf"); !errors.Is(err, store.ErrInvalid) {
			t.Errorf("key name %q: %v, want ErrInvalid", name, err)
		}
	}
}

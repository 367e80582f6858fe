package wire

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/plume-sp/plume/auth"
)

func TestConfigSignIn(t *testing.T) {
	t.Parallel()
	cfg, err := LoadConfig(envWith(map[string]string{"PLUME_OIDC_ISSUER": "https://auth.agentconnect.gouv.fr/api/v2",
		"PLUME_OIDC_CLIENT_ID": "id", "PLUME_OIDC_CLIENT_SECRET": "secret", "PLUME_OIDC_REDIRECT_URL": "https://plume.example.gouv.fr/auth/callback",
		"PLUME_ACCESS_RULES": "domain:interieur.gouv.fr=agent/ants", "PLUME_SESSION_IDLE": "15m", "PLUME_SESSION_LIFETIME": "8h"}))
	if err != nil {
		t.Fatal(err)
	}
	want := &auth.Config{Issuer: "https://auth.agentconnect.gouv.fr/api/v2", ClientID: "id", ClientSecret: "secret",
		RedirectURL: "https://plume.example.gouv.fr/auth/callback", Scopes: auth.DefaultScopes}
	if diff := cmp.Diff(want, cfg.OIDC); diff != "" {
		t.Errorf("OIDC (-want +got):\n%s", diff)
	}
	if len(cfg.Server.SignIn.Rules) != 1 || cfg.Server.SignIn.IdleTimeout != 15*time.Minute || cfg.Server.SignIn.Lifetime != 8*time.Hour {
		t.Errorf("sign-in %+v", cfg.Server.SignIn)
	}
	if cfg, _ := LoadConfig(envWith(map[string]string{"PLUME_OIDC_ISSUER": "https://idp", "PLUME_OIDC_CLIENT_ID": "id",
		"PLUME_OIDC_REDIRECT_URL": "https://p/auth/callback", "PLUME_OIDC_SCOPES": "openid email,siret"})); cfg.OIDC == nil ||
		!cmp.Equal(cfg.OIDC.Scopes, []string{"openid", "email", "siret"}) {
		t.Errorf("scopes: %+v", cfg.OIDC)
	}
	if cfg, _ := LoadConfig(envWith(nil)); cfg.OIDC != nil {
		t.Errorf("no provider configured, got %+v", cfg.OIDC)
	}
	for _, env := range []map[string]string{
		{"PLUME_OIDC_ISSUER": "https://idp"},
		{"PLUME_OIDC_ISSUER": "https://idp", "PLUME_OIDC_CLIENT_ID": "id", "PLUME_OIDC_REDIRECT_URL": "https://p/callback"},
		{"PLUME_ACCESS_RULES": "domain:a.fr=king"},
		{"PLUME_SESSION_IDLE": "soon"},
	} {
		if _, err := LoadConfig(envWith(env)); err == nil {
			t.Errorf("%v accepted", env)
		}
	}
}

package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
)

// loadSignIn reads the page's sign-in through an OpenID Connect provider
// (PLUME_OIDC_*: all of issuer, client id and redirect URL, or none) and the
// sessions and access rules (PLUME_SESSION_*, PLUME_ACCESS_*).
func loadSignIn(getenv func(string) string, cfg *Config) error {
	o := auth.Config{Issuer: getenv("PLUME_OIDC_ISSUER"), ClientID: getenv("PLUME_OIDC_CLIENT_ID"),
		ClientSecret: getenv("PLUME_OIDC_CLIENT_SECRET"), RedirectURL: getenv("PLUME_OIDC_REDIRECT_URL"),
		Scopes: auth.DefaultScopes}
	if v := getenv("PLUME_OIDC_SCOPES"); v != "" {
		o.Scopes = strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == ',' })
	}
	set := 0
	for _, v := range []string{o.Issuer, o.ClientID, o.RedirectURL} {
		if v != "" {
			set++
		}
	}
	switch set {
	case 3:
		if !strings.HasSuffix(o.RedirectURL, "/auth/callback") {
			return fmt.Errorf("PLUME_OIDC_REDIRECT_URL=%q: want plume's callback, https://…/auth/callback", o.RedirectURL)
		}
		cfg.OIDC = &o
	case 0:
	default:
		return fmt.Errorf("PLUME_OIDC_ISSUER, PLUME_OIDC_CLIENT_ID and PLUME_OIDC_REDIRECT_URL go together: set all three or none")
	}
	rules, err := auth.ParseRules(getenv("PLUME_ACCESS_RULES"))
	if err != nil {
		return fmt.Errorf("PLUME_ACCESS_RULES: %w", err)
	}
	cfg.SignIn = api.SignInConfig{Rules: rules, AccessContact: getenv("PLUME_ACCESS_CONTACT"),
		ProviderName: getenv("PLUME_OIDC_PROVIDER_NAME")}
	for _, d := range []struct {
		name string
		dst  *time.Duration
	}{{"PLUME_SESSION_IDLE", &cfg.SignIn.IdleTimeout}, {"PLUME_SESSION_LIFETIME", &cfg.SignIn.Lifetime}} {
		if v := getenv(d.name); v != "" {
			t, err := time.ParseDuration(v)
			if err != nil || t <= 0 {
				return fmt.Errorf("%s=%q: want a positive duration such as 1h", d.name, v)
			}
			*d.dst = t
		}
	}
	return nil
}

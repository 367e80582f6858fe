// Package auth signs agents in through an OpenID Connect provider
// (ProConnect, Keycloak, an administration's own): authorization code with
// PKCE, state and nonce, the ID token verified against the issuer's keys,
// and the userinfo answer verified too when it is a signed JWT, as
// ProConnect sends it. It also reads the configuration rules that give a
// role and a service from an e-mail domain or a SIRET.
package auth

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/plume-sp/plume/store"
	"golang.org/x/oauth2"
)

// Config addresses the provider and plume's registration with it.
type Config struct {
	// Issuer is the provider's issuer URL; its discovery document is at
	// Issuer + "/.well-known/openid-configuration".
	Issuer       string
	ClientID     string
	ClientSecret string
	// RedirectURL is plume's callback, as registered: https://…/auth/callback.
	RedirectURL string
	// Scopes asked for; "openid" is added when missing.
	Scopes []string
}

// DefaultScopes are the scopes of ProConnect's base configuration for the
// claims plume uses. organizational_unit (shown to admins) is read when
// given, but ProConnect grants it on request only: add it to the scopes
// once granted.
var DefaultScopes = []string{"openid", "email", "given_name", "usual_name", "siret"}

// Provider is a discovered OpenID Connect provider.
type Provider struct {
	cfg      Config
	provider *oidc.Provider
	oauth    oauth2.Config
	verifier *oidc.IDTokenVerifier
	client   *http.Client
	logout   string
}

// ErrRefused is wrapped by Exchange's errors when the provider's answer
// does not pass the checks (state, nonce, signature, issuer, audience,
// expiry, subject): the sign-in is refused, it is no outage.
var ErrRefused = errors.New("sign-in refused")

// New discovers the provider. client, when not nil, makes every call to it.
func New(ctx context.Context, cfg Config, client *http.Client) (*Provider, error) {
	if cfg.Issuer == "" || cfg.ClientID == "" || cfg.RedirectURL == "" {
		return nil, errors.New("oidc: the issuer, the client id and the redirect URL are required")
	}
	if _, err := url.ParseRequestURI(cfg.RedirectURL); err != nil {
		return nil, fmt.Errorf("oidc: redirect URL %q: %w", cfg.RedirectURL, err)
	}
	if client == nil {
		client = http.DefaultClient
	}
	if !slices.Contains(cfg.Scopes, oidc.ScopeOpenID) {
		cfg.Scopes = append([]string{oidc.ScopeOpenID}, cfg.Scopes...)
	}
	ctx = oidc.ClientContext(ctx, client)
	p, err := oidc.NewProvider(ctx, cfg.Issuer)
	if err != nil {
		return nil, fmt.Errorf("oidc: discover %s: %w", cfg.Issuer, err)
	}
	var meta struct {
		EndSession  string   `json:"end_session_endpoint"`
		AuthMethods []string `json:"token_endpoint_auth_methods_supported"`
	}
	if err := p.Claims(&meta); err != nil {
		return nil, fmt.Errorf("oidc: read %s's discovery document: %w", cfg.Issuer, err)
	}
	endpoint := p.Endpoint()
	endpoint.AuthStyle = authStyle(meta.AuthMethods)
	return &Provider{cfg: cfg, provider: p, client: client, logout: meta.EndSession,
		oauth: oauth2.Config{ClientID: cfg.ClientID, ClientSecret: cfg.ClientSecret, Endpoint: endpoint,
			RedirectURL: cfg.RedirectURL, Scopes: cfg.Scopes},
		verifier: p.VerifierContext(ctx, &oidc.Config{ClientID: cfg.ClientID}),
	}, nil
}

// authStyle is how the token request carries the client's secret, as the
// provider's discovery document offers: in the Authorization header
// (client_secret_basic), else in the form (client_secret_post, as
// ProConnect documents it), else whichever works.
func authStyle(methods []string) oauth2.AuthStyle {
	switch {
	case slices.Contains(methods, "client_secret_basic"):
		return oauth2.AuthStyleInHeader
	case slices.Contains(methods, "client_secret_post"):
		return oauth2.AuthStyleInParams
	}
	return oauth2.AuthStyleAutoDetect
}

// Issuer is the provider's issuer URL.
func (p *Provider) Issuer() string { return p.cfg.Issuer }

// AuthCodeURL is where the browser goes to sign in: the state, the nonce
// and the PKCE challenge of verifier are in it.
func (p *Provider) AuthCodeURL(state, nonce, verifier string) string {
	return p.oauth.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(verifier))
}

// LogoutURL is where the browser goes after plume's session has ended, to
// end the provider's too (RP-initiated logout), or "" when the provider has
// no end_session_endpoint. The provider sends the browser back to the root
// of RedirectURL's site (to register as post-logout redirect URL) with the
// random state it was given (ProConnect requires one; the page has nothing
// to protect there, so it is not checked). idToken, the session's ID token,
// may be empty: the client id then names plume.
func (p *Provider) LogoutURL(idToken string) string {
	if p.logout == "" {
		return ""
	}
	q := url.Values{"post_logout_redirect_uri": {p.PostLogoutURL()}, "state": {oauth2.GenerateVerifier()}}
	if idToken != "" {
		q.Set("id_token_hint", idToken)
	} else {
		q.Set("client_id", p.cfg.ClientID)
	}
	sep := "?"
	if strings.Contains(p.logout, "?") {
		sep = "&"
	}
	return p.logout + sep + q.Encode()
}

// PostLogoutURL is the root of RedirectURL's site.
func (p *Provider) PostLogoutURL() string {
	u, _ := url.Parse(p.cfg.RedirectURL) // checked by New
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/"}).String()
}

// Exchange trades the code of the callback for the agent's profile: the
// token request carries the PKCE verifier; the ID token must be signed by
// the issuer's keys, for plume, not expired, with the nonce of the sign-in;
// the userinfo answer must be about the same subject and, when it is a
// JWT, signed by the issuer's keys, from the issuer and for plume. It
// returns the profile and the raw ID token (for LogoutURL).
func (p *Provider) Exchange(ctx context.Context, code, verifier, nonce string) (store.AgentProfile, string, error) {
	ctx = oidc.ClientContext(ctx, p.client)
	tok, err := p.oauth.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			return store.AgentProfile{}, "", fmt.Errorf("%w: token endpoint: %s", ErrRefused, re.ErrorCode)
		}
		return store.AgentProfile{}, "", fmt.Errorf("oidc: token request: %w", err)
	}
	raw, _ := tok.Extra("id_token").(string)
	if raw == "" {
		return store.AgentProfile{}, "", fmt.Errorf("%w: no id_token in the token answer", ErrRefused)
	}
	idt, err := p.verifier.Verify(ctx, raw)
	if err != nil {
		return store.AgentProfile{}, "", fmt.Errorf("%w: id token: %v", ErrRefused, err)
	}
	if idt.Nonce != nonce {
		return store.AgentProfile{}, "", fmt.Errorf("%w: id token: wrong nonce", ErrRefused)
	}
	var c claims
	if err := idt.Claims(&c); err != nil {
		return store.AgentProfile{}, "", fmt.Errorf("%w: id token claims: %v", ErrRefused, err)
	}
	if p.provider.UserInfoEndpoint() != "" {
		if c, err = p.userInfo(ctx, tok, idt.Subject, c); err != nil {
			return store.AgentProfile{}, "", err
		}
	}
	return c.profile(p.cfg.Issuer, idt.Subject), raw, nil
}

// userInfo asks the userinfo endpoint for the claims and merges them over
// the ID token's.
func (p *Provider) userInfo(ctx context.Context, tok *oauth2.Token, subject string, c claims) (claims, error) {
	ui, err := p.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		if strings.Contains(err.Error(), "invalid userinfo jwt signature") {
			return claims{}, fmt.Errorf("%w: userinfo: %v", ErrRefused, err)
		}
		return claims{}, fmt.Errorf("oidc: userinfo: %w", err)
	}
	if ui.Subject != subject {
		return claims{}, fmt.Errorf("%w: userinfo is about another subject", ErrRefused)
	}
	var u claims
	if err := ui.Claims(&u); err != nil {
		return claims{}, fmt.Errorf("%w: userinfo claims: %v", ErrRefused, err)
	}
	// A signed userinfo names its issuer and audience: check them as the
	// ID token's (an unsigned JSON answer, over TLS from the endpoint, has
	// neither).
	if u.Issuer != "" && u.Issuer != p.cfg.Issuer {
		return claims{}, fmt.Errorf("%w: userinfo from another issuer", ErrRefused)
	}
	if len(u.Audience) > 0 && !slices.Contains(u.Audience, p.cfg.ClientID) {
		return claims{}, fmt.Errorf("%w: userinfo for another client", ErrRefused)
	}
	return c.merge(u), nil
}

// claims are the ID token's and userinfo's claims plume reads.
type claims struct {
	Issuer       string   `json:"iss"`
	Audience     audience `json:"aud"`
	Email        string   `json:"email"`
	GivenName    string   `json:"given_name"`
	UsualName    string   `json:"usual_name"` // ProConnect
	FamilyName   string   `json:"family_name"`
	SIRET        string   `json:"siret"`
	Organization string   `json:"organizational_unit"`
}

func (c claims) merge(u claims) claims {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&c.Email, u.Email}, {&c.GivenName, u.GivenName}, {&c.UsualName, u.UsualName},
		{&c.FamilyName, u.FamilyName}, {&c.SIRET, u.SIRET}, {&c.Organization, u.Organization},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	return c
}

func (c claims) profile(issuer, subject string) store.AgentProfile {
	usual := c.UsualName
	if usual == "" {
		usual = c.FamilyName
	}
	return store.AgentProfile{Issuer: issuer, Subject: subject, Email: strings.ToLower(strings.TrimSpace(c.Email)),
		GivenName: c.GivenName, UsualName: usual, SIRET: strings.ReplaceAll(c.SIRET, " ", ""), Organization: c.Organization}
}

// audience reads "aud" as a string or a list.
type audience []string

func (a *audience) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*a = audience{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return err
	}
	*a = l
	return nil
}

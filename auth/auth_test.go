package auth_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/auth/oidctest"
	"github.com/plume-sp/plume/store"
	"golang.org/x/oauth2"
)

const redirect = "http://127.0.0.1:1/auth/callback"

func newProvider(t *testing.T) (*oidctest.Provider, *auth.Provider) {
	t.Helper()
	op := oidctest.New(t, "plume", "s3cret")
	p, err := auth.New(context.Background(), auth.Config{Issuer: op.URL, ClientID: "plume", ClientSecret: "s3cret",
		RedirectURL: redirect, Scopes: auth.DefaultScopes}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return op, p
}

// authorize follows the browser to the provider and returns the code and
// state it sends back.
func authorize(t *testing.T, p *auth.Provider, state, nonce, verifier string) (code, gotState string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Get(p.AuthCodeURL(state, nonce, verifier))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	loc, err := url.Parse(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusFound || err != nil {
		t.Fatalf("authorize: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	return loc.Query().Get("code"), loc.Query().Get("state")
}

func TestExchange(t *testing.T) {
	op, p := newProvider(t)
	ctx := context.Background()
	verifier := oauth2.GenerateVerifier()
	code, state := authorize(t, p, "the-state", "the-nonce", verifier)
	if state != "the-state" {
		t.Errorf("state came back as %q", state)
	}
	got, idToken, err := p.Exchange(ctx, code, verifier, "the-nonce")
	if err != nil {
		t.Fatal(err)
	}
	want := store.AgentProfile{Issuer: op.URL, Subject: "agent-1", Email: "claire.martin@interieur.gouv.fr",
		GivenName: "Claire", UsualName: "Martin", SIRET: "13002526500013"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("profile (-want +got):\n%s", diff)
	}
	if tok, ui := op.Requests(); tok != 1 || ui != 1 {
		t.Errorf("token and userinfo requests: %d, %d; want 1, 1", tok, ui)
	}
	u, err := url.Parse(p.LogoutURL(idToken))
	if err != nil || u.Query().Get("id_token_hint") != idToken || u.Query().Get("post_logout_redirect_uri") != "http://127.0.0.1:1/" ||
		len(u.Query().Get("state")) < 32 || u.Query().Has("client_id") {
		t.Errorf("logout URL %v, %v: want the ID token, the post-logout URL and a state of 32 characters or more", u, err)
	}
	if u, _ := url.Parse(p.LogoutURL("")); u.Query().Get("client_id") != "plume" {
		t.Errorf("logout URL without an ID token %v: want the client id", u)
	}
}

func TestExchangeRefused(t *testing.T) {
	op, p := newProvider(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name  string
		fault oidctest.Fault
		// nonce and verifier, when set, replace the sign-in's at the callback.
		nonce, verifier string
		reuse           bool
	}{
		{name: "wrong nonce", fault: oidctest.WrongNonce},
		{name: "nonce of another sign-in", nonce: "another"},
		{name: "expired id token", fault: oidctest.Expired},
		{name: "id token from another issuer", fault: oidctest.OtherIssuer},
		{name: "id token for another client", fault: oidctest.OtherAudience},
		{name: "id token signed by an unknown key", fault: oidctest.ForeignKey},
		{name: "userinfo signed by an unknown key", fault: oidctest.ForgedUserinfo},
		{name: "userinfo about someone else", fault: oidctest.UserinfoOtherSubject},
		{name: "userinfo from another issuer", fault: oidctest.UserinfoOtherIssuer},
		{name: "userinfo for another client", fault: oidctest.UserinfoOtherAudience},
		{name: "unsigned id token (alg none)", fault: oidctest.Unsigned},
		{name: "wrong PKCE verifier", verifier: oauth2.GenerateVerifier()},
		{name: "code used twice", reuse: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			op.SetFault(tc.fault)
			defer op.SetFault(oidctest.NoFault)
			verifier := oauth2.GenerateVerifier()
			code, _ := authorize(t, p, "s", "n", verifier)
			if tc.reuse {
				if _, _, err := p.Exchange(ctx, code, verifier, "n"); err != nil {
					t.Fatal(err)
				}
			}
			nonce := "n"
			if tc.nonce != "" {
				nonce = tc.nonce
			}
			if tc.verifier != "" {
				verifier = tc.verifier
			}
			if _, _, err := p.Exchange(ctx, code, verifier, nonce); !errors.Is(err, auth.ErrRefused) {
				t.Errorf("Exchange: %v, want ErrRefused", err)
			}
		})
	}
}

// Package oidctest is a small OpenID Connect provider for tests, on
// loopback: discovery, JWKS, authorize (it signs in the user the test chose,
// with no form), token (PKCE checked), userinfo as a signed JWT as
// ProConnect sends it, and end_session. Faults make it answer as a broken
// or hostile provider would.
package oidctest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Fault makes the provider misbehave in one way.
type Fault int

// The faults.
const (
	NoFault Fault = iota
	// WrongNonce puts another nonce in the ID token.
	WrongNonce
	// Expired issues an ID token that expired an hour ago.
	Expired
	// OtherIssuer issues an ID token naming another issuer.
	OtherIssuer
	// OtherAudience issues an ID token for another client.
	OtherAudience
	// ForeignKey signs the ID token with a key the JWKS does not hold.
	ForeignKey
	// ForgedUserinfo signs the userinfo JWT with a key the JWKS does not hold.
	ForgedUserinfo
	// UserinfoOtherSubject answers userinfo about someone else.
	UserinfoOtherSubject
	// UserinfoOtherIssuer signs a userinfo JWT naming another issuer.
	UserinfoOtherIssuer
	// UserinfoOtherAudience signs a userinfo JWT for another client.
	UserinfoOtherAudience
	// Unsigned issues an ID token with the "none" algorithm and no signature.
	Unsigned
)

// Provider is the test provider. Its fields are set by New.
type Provider struct {
	// URL is the issuer.
	URL                    string
	ClientID, ClientSecret string

	srv              *httptest.Server
	key, foreign     *rsa.PrivateKey
	mu               sync.Mutex
	user             map[string]any
	fault            Fault
	codes            map[string]grant
	tokens           map[string]map[string]any
	tokenRequests    int
	userinfoRequests int
}

type grant struct {
	redirect, challenge, nonce string
	claims                     map[string]any
}

// New starts a provider for one client; it stops with the test.
func New(tb testing.TB, clientID, clientSecret string) *Provider {
	tb.Helper()
	p := &Provider{ClientID: clientID, ClientSecret: clientSecret, codes: map[string]grant{}, tokens: map[string]map[string]any{}}
	var err error
	if p.key, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		tb.Fatal(err)
	}
	if p.foreign, err = rsa.GenerateKey(rand.Reader, 2048); err != nil {
		tb.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", p.discovery)
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /authorize", p.authorize)
	mux.HandleFunc("POST /token", p.token)
	mux.HandleFunc("GET /userinfo", p.userinfo)
	mux.HandleFunc("GET /logout", p.endSession)
	p.srv = httptest.NewServer(mux)
	p.URL = p.srv.URL
	tb.Cleanup(p.srv.Close)
	p.SetUser(map[string]any{"sub": "agent-1", "email": "claire.martin@interieur.gouv.fr",
		"given_name": "Claire", "usual_name": "Martin", "siret": "13002526500013"})
	return p
}

// SetUser chooses who signs in next: the claims of ID token and userinfo
// ("sub" is required).
func (p *Provider) SetUser(claims map[string]any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.user = claims
}

// SetFault makes the next answers misbehave (NoFault: behave).
func (p *Provider) SetFault(f Fault) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.fault = f
}

// Requests counts the token and userinfo requests served.
func (p *Provider) Requests() (token, userinfo int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tokenRequests, p.userinfoRequests
}

func (p *Provider) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, map[string]any{
		"issuer": p.URL, "authorization_endpoint": p.URL + "/authorize", "token_endpoint": p.URL + "/token",
		"userinfo_endpoint": p.URL + "/userinfo", "jwks_uri": p.URL + "/jwks", "end_session_endpoint": p.URL + "/logout",
		"response_types_supported": []string{"code"}, "subject_types_supported": []string{"public"},
		"id_token_signing_alg_values_supported": []string{"RS256"}, "userinfo_signing_alg_values_supported": []string{"RS256"},
		"code_challenge_methods_supported":      []string{"S256"},
		"token_endpoint_auth_methods_supported": []string{"client_secret_post"},
	})
}

func (p *Provider) jwks(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &p.key.PublicKey, KeyID: "k1", Algorithm: "RS256", Use: "sig"}}})
}

// authorize signs the chosen user in at once and sends the browser back.
func (p *Provider) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("client_id") != p.ClientID || q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" ||
		q.Get("code_challenge") == "" || q.Get("redirect_uri") == "" {
		http.Error(w, "bad authorization request", http.StatusBadRequest)
		return
	}
	code := random()
	p.mu.Lock()
	p.codes[code] = grant{redirect: q.Get("redirect_uri"), challenge: q.Get("code_challenge"), nonce: q.Get("nonce"), claims: p.user}
	p.mu.Unlock()
	back, _ := url.Parse(q.Get("redirect_uri"))
	bq := back.Query()
	bq.Set("code", code)
	bq.Set("state", q.Get("state"))
	back.RawQuery = bq.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

// token checks the client, the code, the redirect URL and the PKCE
// verifier, and issues the tokens.
func (p *Provider) token(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.tokenRequests++
	id, secret := r.PostFormValue("client_id"), r.PostFormValue("client_secret")
	g, known := p.codes[r.PostFormValue("code")]
	delete(p.codes, r.PostFormValue("code"))
	sum := sha256.Sum256([]byte(r.PostFormValue("code_verifier")))
	switch {
	case id != p.ClientID || secret != p.ClientSecret:
		tokenError(w, http.StatusUnauthorized, "invalid_client")
		return
	case !known || r.PostFormValue("grant_type") != "authorization_code" || r.PostFormValue("redirect_uri") != g.redirect,
		base64.RawURLEncoding.EncodeToString(sum[:]) != g.challenge:
		tokenError(w, http.StatusBadRequest, "invalid_grant")
		return
	}
	access := random()
	p.tokens[access] = g.claims
	idToken := p.sign(p.idClaims(g), p.fault == ForeignKey)
	if p.fault == Unsigned {
		idToken = unsigned(p.idClaims(g))
	}
	writeJSON(w, map[string]any{"access_token": access, "token_type": "Bearer", "expires_in": 60, "id_token": idToken})
}

func (p *Provider) idClaims(g grant) map[string]any {
	now := time.Now()
	c := map[string]any{"iss": p.URL, "aud": p.ClientID, "sub": g.claims["sub"], "nonce": g.nonce,
		"iat": now.Unix(), "exp": now.Add(time.Minute).Unix(), "auth_time": now.Unix(), "acr": "eidas1"}
	switch p.fault {
	case WrongNonce:
		c["nonce"] = "another-nonce"
	case Expired:
		c["iat"], c["exp"] = now.Add(-2*time.Hour).Unix(), now.Add(-time.Hour).Unix()
	case OtherIssuer:
		c["iss"] = "https://idp.example.org"
	case OtherAudience:
		c["aud"] = "another-client"
	}
	return c
}

// userinfo answers a signed JWT, as ProConnect does.
func (p *Provider) userinfo(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.userinfoRequests++
	user, ok := p.tokens[bearer(r)]
	if !ok {
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	c := map[string]any{"iss": p.URL, "aud": p.ClientID}
	for k, v := range user {
		c[k] = v
	}
	switch p.fault {
	case UserinfoOtherSubject:
		c["sub"] = "someone-else"
	case UserinfoOtherIssuer:
		c["iss"] = "https://idp.example.org"
	case UserinfoOtherAudience:
		c["aud"] = "another-client"
	}
	w.Header().Set("Content-Type", "application/jwt")
	_, _ = w.Write([]byte(p.sign(c, p.fault == ForgedUserinfo)))
}

// endSession wants, as ProConnect, the ID token (or the client id), the
// post-logout URL and a state, which it sends back.
func (p *Provider) endSession(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	back, err := url.Parse(q.Get("post_logout_redirect_uri"))
	if (q.Get("id_token_hint") == "" && q.Get("client_id") != p.ClientID) || err != nil || back.Host == "" || len(q.Get("state")) < 32 {
		http.Error(w, "bad logout request", http.StatusBadRequest)
		return
	}
	back.RawQuery = url.Values{"state": {q.Get("state")}}.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

func (p *Provider) sign(claims map[string]any, foreign bool) string {
	key := p.key
	if foreign {
		key = p.foreign
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: key},
		(&jose.SignerOptions{}).WithType("JWT").WithHeader("kid", "k1"))
	if err != nil {
		panic(err) // a valid RSA key: cannot happen
	}
	s, err := jwt.Signed(signer).Claims(claims).Serialize()
	if err != nil {
		panic(err)
	}
	return s
}

// unsigned returns a JWT with the "none" algorithm: no signature at all.
func unsigned(claims map[string]any) string {
	header, _ := json.Marshal(map[string]string{"alg": "none", "typ": "JWT"})
	body, _ := json.Marshal(claims)
	return base64.RawURLEncoding.EncodeToString(header) + "." + base64.RawURLEncoding.EncodeToString(body) + "."
}

func bearer(r *http.Request) string {
	const prefix = "Bearer "
	h := r.Header.Get("Authorization")
	if len(h) > len(prefix) && h[:len(prefix)] == prefix {
		return h[len(prefix):]
	}
	return ""
}

func random() string {
	var b [24]byte
	_, _ = rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func tokenError(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]string{"error": code})
}

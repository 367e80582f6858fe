package api_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/auth/oidctest"
	"github.com/plume-sp/plume/store"
)

func signInEnv(t *testing.T, rules string) *env {
	t.Helper()
	rs, err := auth.ParseRules(rules)
	if err != nil {
		t.Fatal(err)
	}
	return newEnvWith(t, api.Config{RatePerSecond: -1, FailedLogins: api.FailedLoginLimits{PerSecond: -1},
		SignIn: api.SignInConfig{Rules: rs, AccessContact: "la cellule plume (plume@interieur.gouv.fr)"}}, envOptions{oidc: true})
}

type meSession struct {
	KeyID   int64  `json:"key_id"`
	Role    string `json:"role"`
	Service string `json:"service"`
	Agent   *struct {
		ID    int64  `json:"id"`
		Email string `json:"email"`
	} `json:"agent"`
	CSRFToken string `json:"csrf_token"`
}

func (b *browser) me() (int, meSession) {
	b.e.tb.Helper()
	resp, body := b.send("GET", b.e.http.URL+"/v1/me", nil, "")
	var me meSession
	if resp.StatusCode == http.StatusOK {
		if err := json.Unmarshal([]byte(body), &me); err != nil {
			b.e.tb.Fatal(err)
		}
	}
	return resp.StatusCode, me
}

// TestSignInJourney signs an agent in through the provider, drafts with
// the session (the CSRF token required), survives a restart of the server
// and signs out.
func TestSignInJourney(t *testing.T) {
	t.Parallel()
	e := signInEnv(t, "domain:interieur.gouv.fr=agent/ants")
	b := e.browser()
	resp, body := b.signIn()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/" {
		t.Fatalf("callback: %d %s %.300s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	var session *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == "plume_session" {
			session = c
		}
	}
	if session == nil || !session.Secure || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode ||
		session.Path != "/" || len(session.Value) != 43 {
		t.Fatalf("session cookie %+v: want Secure, HttpOnly, SameSite=Lax, a 43-character random id", session)
	}
	if _, ok := b.cookies["plume_auth_state"]; ok {
		t.Error("the state cookie outlived the sign-in")
	}
	status, me := b.me()
	if status != http.StatusOK || me.Agent == nil || me.Agent.Email != "claire.martin@interieur.gouv.fr" ||
		me.Role != "agent" || me.Service != "ants" || len(me.CSRFToken) != 43 {
		t.Fatalf("GET /v1/me: %d %+v", status, me)
	}

	draft := `{"question": "Comment changer l'adresse de ma carte grise ?", "channel": "email"}`
	jsonHeader := map[string]string{"Content-Type": "application/json"}
	if resp, body := b.send("POST", e.http.URL+"/v1/drafts", jsonHeader, draft); resp.StatusCode != http.StatusForbidden ||
		!strings.Contains(body, `"csrf"`) {
		t.Errorf("draft without the CSRF token: %d %s", resp.StatusCode, body)
	}
	withToken := map[string]string{"Content-Type": "application/json", "X-CSRF-Token": me.CSRFToken}
	crossSite := map[string]string{"Content-Type": "application/json", "X-CSRF-Token": me.CSRFToken, "Sec-Fetch-Site": "cross-site"}
	if resp, _ := b.send("POST", e.http.URL+"/v1/drafts", crossSite, draft); resp.StatusCode != http.StatusForbidden {
		t.Errorf("draft from another site: %d, want 403", resp.StatusCode)
	}
	wrong := map[string]string{"Content-Type": "application/json", "X-CSRF-Token": strings.Repeat("a", 43)}
	if resp, _ := b.send("POST", e.http.URL+"/v1/drafts", wrong, draft); resp.StatusCode != http.StatusForbidden {
		t.Errorf("draft with a wrong token: %d, want 403", resp.StatusCode)
	}
	resp, body = b.send("POST", e.http.URL+"/v1/drafts", withToken, draft)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("draft with the session: %d %s", resp.StatusCode, body)
	}
	var d struct{ ID string }
	_ = json.Unmarshal([]byte(body), &d)
	var l draftList
	e.must(http.StatusOK, request{method: "GET", path: fmt.Sprint("/v1/drafts?api_key_id=", me.KeyID), key: "admin"}).decode(t, &l)
	if len(l.Drafts) != 1 || l.Drafts[0].ID != d.ID {
		t.Errorf("the agent's drafts: %v, want [%s]", l.ids(), d.ID)
	}
	if resp, _ := b.send("GET", e.http.URL+"/v1/documents", nil, ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("an agent's session on an admin route: %d", resp.StatusCode)
	}

	// The session lives in the database: another server (a restart, or a
	// replica) knows it.
	srv2, err := api.New(api.Config{}, e.deps)
	if err != nil {
		t.Fatal(err)
	}
	h2 := httptest.NewServer(srv2)
	defer h2.Close()
	req, _ := http.NewRequest("GET", h2.URL+"/v1/me", nil)
	req.AddCookie(&http.Cookie{Name: "plume_session", Value: session.Value})
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("after a restart: %v %v", resp.StatusCode, err)
	}

	if resp, _ := b.send("POST", e.http.URL+"/auth/logout", nil, ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("logout without the CSRF token: %d, want 403", resp.StatusCode)
	}
	resp, body = b.send("POST", e.http.URL+"/auth/logout", map[string]string{"X-CSRF-Token": me.CSRFToken}, "")
	var out struct{ Redirect string }
	_ = json.Unmarshal([]byte(body), &out)
	next, _ := url.Parse(out.Redirect)
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(out.Redirect, e.op.URL+"/logout?") ||
		next.Query().Get("id_token_hint") == "" || next.Query().Get("post_logout_redirect_uri") != e.http.URL+"/" {
		t.Errorf("logout: %d %s", resp.StatusCode, body)
	}
	if _, ok := b.cookies["plume_session"]; ok {
		t.Error("logout kept the session cookie")
	}
	b.cookies["plume_session"] = session // a copy kept by an attacker
	if status, _ := b.me(); status != http.StatusUnauthorized {
		t.Errorf("after logout: %d, want 401", status)
	}
}

// TestSignInRefused checks each sign-in that must not open a session.
func TestSignInRefused(t *testing.T) {
	t.Parallel()
	e := signInEnv(t, "siret:13002526500013=agent")
	for _, tc := range []struct {
		name  string
		fault oidctest.Fault
		// tamper changes the callback URL and the browser before the call.
		tamper func(u *url.URL, b *browser)
		status int
		text   string
	}{
		{name: "forged state", status: 400, text: "Connexion expirée ou invalide", tamper: func(u *url.URL, b *browser) {
			q := u.Query()
			q.Set("state", strings.Repeat("x", 43))
			u.RawQuery = q.Encode()
			b.cookies["plume_auth_state"].Value = q.Get("state")
		}},
		{name: "state of another browser", status: 400, text: "Connexion expirée ou invalide", tamper: func(u *url.URL, b *browser) {
			delete(b.cookies, "plume_auth_state")
		}},
		{name: "provider error", status: 400, text: "Connexion interrompue", tamper: func(u *url.URL, b *browser) {
			u.RawQuery = url.Values{"error": {"access_denied"}, "state": {u.Query().Get("state")}}.Encode()
		}},
		{name: "wrong nonce", fault: oidctest.WrongNonce, status: 400, text: "Connexion refusée"},
		{name: "expired token", fault: oidctest.Expired, status: 400, text: "Connexion refusée"},
		{name: "token from another issuer", fault: oidctest.OtherIssuer, status: 400, text: "Connexion refusée"},
		{name: "token signed by another key", fault: oidctest.ForeignKey, status: 400, text: "Connexion refusée"},
		{name: "forged userinfo", fault: oidctest.ForgedUserinfo, status: 400, text: "Connexion refusée"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.op.SetFault(tc.fault)
			defer e.op.SetFault(oidctest.NoFault)
			b := e.browser()
			resp, _ := b.send("GET", e.http.URL+"/auth/login", nil, "")
			resp, _ = b.send("GET", resp.Header.Get("Location"), nil, "")
			back, _ := url.Parse(resp.Header.Get("Location"))
			if tc.tamper != nil {
				tc.tamper(back, b)
			}
			resp, body := b.send("GET", back.String(), nil, "")
			if resp.StatusCode != tc.status || !strings.Contains(body, tc.text) {
				t.Errorf("callback: %d %.400s; want %d with %q", resp.StatusCode, body, tc.status, tc.text)
			}
			if resp.Header.Get("Content-Security-Policy") == "" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
				t.Errorf("the page lacks its CSP or type: %v", resp.Header)
			}
			if _, ok := b.cookies["plume_session"]; ok {
				t.Error("a session was opened")
			}
		})
	}

	// The same callback twice (a replay): the second is refused.
	b := e.browser()
	resp, _ := b.send("GET", e.http.URL+"/auth/login", nil, "")
	state := b.cookies["plume_auth_state"].Value
	resp, _ = b.send("GET", resp.Header.Get("Location"), nil, "")
	callback := resp.Header.Get("Location")
	if resp, _ := b.send("GET", callback, nil, ""); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("first callback: %d", resp.StatusCode)
	}
	b.cookies["plume_auth_state"] = &http.Cookie{Name: "plume_auth_state", Value: state}
	if resp, body := b.send("GET", callback, nil, ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("replayed callback: %d %.200s", resp.StatusCode, body)
	}
}

// TestSignInWithoutAccess: an agent no rule matches sees whom to ask; an
// admin gives it access on the page, which the audit log records; it then
// signs in.
func TestSignInWithoutAccess(t *testing.T) {
	t.Parallel()
	e := signInEnv(t, "domain:caf.fr=agent/caf")
	b := e.browser()
	resp, body := b.signIn()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "la cellule plume (plume@interieur.gouv.fr)") ||
		!strings.Contains(body, "pas encore accès") {
		t.Fatalf("without access: %d %.500s", resp.StatusCode, body)
	}
	if _, ok := b.cookies["plume_session"]; ok {
		t.Fatal("a session was opened without access")
	}
	var list struct {
		Agents []struct {
			ID          int64
			Email, Role string
		}
	}
	e.must(http.StatusOK, request{method: "GET", path: "/v1/agents", key: "admin"}).decode(t, &list)
	if len(list.Agents) != 1 || list.Agents[0].Email != "claire.martin@interieur.gouv.fr" || list.Agents[0].Role != "" {
		t.Fatalf("agents: %+v", list)
	}
	id := list.Agents[0].ID
	e.must(http.StatusOK, request{method: "PUT", path: fmt.Sprint("/v1/agents/", id), key: "admin",
		body: map[string]string{"role": "admin", "service": "ants"}})
	e.must(http.StatusNotFound, request{method: "PUT", path: fmt.Sprint("/v1/agents/", id+1000), key: "admin",
		body: map[string]string{"role": "agent"}})
	if resp, _ := b.signIn(); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("after access was given: %d", resp.StatusCode)
	}
	if status, me := b.me(); status != http.StatusOK || me.Role != "admin" || me.Service != "ants" {
		t.Errorf("me: %d %+v", status, me)
	}

	// The signed-in admin's own action is audited under its agent.
	_, me := b.me()
	doc := fmt.Sprint("/v1/documents/", e.docs["ants"], "/status")
	resp, body = b.send("PUT", e.http.URL+doc, map[string]string{"Content-Type": "application/json", "X-CSRF-Token": me.CSRFToken},
		`{"status": "archived"}`)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("archive as a signed-in admin: %d %s", resp.StatusCode, body)
	}
	var log struct{ Entries []store.AuditEntry }
	e.must(http.StatusOK, request{method: "GET", path: "/v1/audit", key: "admin"}).decode(t, &log)
	if len(log.Entries) != 3 {
		t.Fatalf("audit log: %+v", log.Entries)
	}
	got := log.Entries[0]
	if got.Action != "PUT /v1/documents/:id/status" || got.AgentID == nil || *got.AgentID != id || got.Status != 200 ||
		got.Target != fmt.Sprint(e.docs["ants"]) {
		t.Errorf("newest entry: %+v", got)
	}
	grant := log.Entries[2]
	var details map[string]string
	_ = json.Unmarshal(grant.Details, &details)
	if grant.Action != "PUT /v1/agents/:id" || grant.AgentID != nil || details["role"] != "admin" || details["previous_role"] != "" {
		t.Errorf("grant entry: %+v %s", grant, grant.Details)
	}
	if log.Entries[1].Status != http.StatusNotFound {
		t.Errorf("the refused grant: %+v", log.Entries[1])
	}
	r := e.must(http.StatusOK, request{method: "GET", path: "/v1/audit?format=jsonl", key: "admin"})
	if !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
		t.Errorf("export: %v", r.header)
	}
	sc := bufio.NewScanner(strings.NewReader(string(r.body)))
	lines := 0
	for sc.Scan() {
		var entry store.AuditEntry
		if err := json.Unmarshal(sc.Bytes(), &entry); err != nil {
			t.Errorf("line %d: %v", lines, err)
		}
		lines++
	}
	if lines != 3 {
		t.Errorf("export: %d lines, want 3", lines)
	}
	// Reading does not write to the audit log.
	e.must(http.StatusOK, request{method: "GET", path: "/v1/audit", key: "admin"}).decode(t, &log)
	if len(log.Entries) != 3 {
		t.Errorf("audit log after reads: %d entries", len(log.Entries))
	}
}

// TestSignInStateCookie: the state cookie is bound to the sign-in path,
// Secure, HttpOnly and SameSite=Lax, and the provider gets a PKCE challenge,
// a nonce and the same state.
func TestSignInStateCookie(t *testing.T) {
	t.Parallel()
	e := signInEnv(t, "")
	b := e.browser()
	resp, _ := b.send("GET", e.http.URL+"/auth/login", nil, "")
	c := b.cookies["plume_auth_state"]
	if c == nil || !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Path != "/auth/" || c.MaxAge != 600 {
		t.Fatalf("state cookie %+v", c)
	}
	to, _ := url.Parse(resp.Header.Get("Location"))
	q := to.Query()
	if !strings.HasPrefix(to.String(), e.op.URL+"/authorize?") || q.Get("state") != c.Value || q.Get("code_challenge_method") != "S256" ||
		len(q.Get("code_challenge")) != 43 || len(q.Get("nonce")) != 43 || q.Get("nonce") == c.Value ||
		q.Get("scope") != "openid email given_name usual_name siret" {
		t.Errorf("authorization request %s", to)
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
}

// TestSignInFailuresLimited: forged callbacks count as failed logins of
// the address, which is then refused for a while.
func TestSignInFailuresLimited(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{RatePerSecond: -1, FailedLogins: api.FailedLoginLimits{PerSecond: 0.01, Burst: 3}}, envOptions{oidc: true})
	b := e.browser()
	var statuses []int
	for range 5 {
		resp, _ := b.send("GET", e.http.URL+"/auth/callback?code=x&state="+strings.Repeat("y", 43), nil, "")
		statuses = append(statuses, resp.StatusCode)
	}
	if fmt.Sprint(statuses) != "[400 400 400 429 429]" {
		t.Errorf("forged callbacks answered %v, want three 400 then 429", statuses)
	}
	if resp, _ := b.send("GET", e.http.URL+"/auth/login", nil, ""); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("login from a blocked address: %d", resp.StatusCode)
	}
}

// TestSignInStartsLimited: flows stay in the database for their validity
// only; an address may start 30 sign-ins in a row, then is refused (429)
// before a flow is stored.
func TestSignInStartsLimited(t *testing.T) {
	t.Parallel()
	e := newEnvWith(t, api.Config{RatePerSecond: -1}, envOptions{oidc: true})
	b := e.browser()
	flows := func() int {
		var n int
		if err := e.st.Pool().QueryRow(t.Context(), "SELECT count(*) FROM auth_flows").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	b.send("GET", e.http.URL+"/auth/login", nil, "")
	if _, err := e.st.Pool().Exec(t.Context(), "UPDATE auth_flows SET created_at = now() - interval '11 minutes'"); err != nil {
		t.Fatal(err)
	}
	refused := 0
	for range 40 {
		if resp, _ := b.send("GET", e.http.URL+"/auth/login", nil, ""); resp.StatusCode == http.StatusTooManyRequests {
			refused++
		} else if resp.StatusCode != http.StatusFound {
			t.Fatalf("login: %d", resp.StatusCode)
		}
	}
	if n := flows(); refused < 9 || n > 30 {
		t.Errorf("41 sign-ins started from one address, the first 11 minutes ago: %d refused, %d flows stored; want at most 30", refused, n)
	}
}

// TestSessionExpiry: a session unused for the idle timeout, or older than
// its lifetime however active, is over (401), at the server's clock.
func TestSessionExpiry(t *testing.T) {
	t.Parallel()
	rules, _ := auth.ParseRules("domain:interieur.gouv.fr=agent")
	e := newEnvWith(t, api.Config{SignIn: api.SignInConfig{Rules: rules, Lifetime: 2 * time.Hour}}, envOptions{oidc: true})
	b := e.browser()
	if resp, _ := b.signIn(); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", resp.StatusCode)
	}
	if c := b.cookies["plume_session"]; c.MaxAge != 7200 {
		t.Errorf("session cookie Max-Age %d, want the lifetime", c.MaxAge)
	}
	id := b.cookies["plume_session"].Value
	start := time.Now()
	me := func(at time.Duration) int {
		deps := e.deps
		deps.Now = func() time.Time { return start.Add(at) }
		srv, err := api.New(api.Config{SignIn: api.SignInConfig{IdleTimeout: 30 * time.Minute}}, deps)
		if err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/v1/me", nil)
		req.AddCookie(&http.Cookie{Name: "plume_session", Value: id})
		srv.ServeHTTP(w, req)
		return w.Code
	}
	var got []int
	for _, at := range []time.Duration{20 * time.Minute, 45 * time.Minute, 70 * time.Minute, 95 * time.Minute, 115 * time.Minute, 125 * time.Minute} {
		got = append(got, me(at))
	}
	// Active every 25 minutes: alive until the lifetime (2 h) ends it.
	if fmt.Sprint(got) != "[200 200 200 200 200 401]" {
		t.Errorf("active session: %v", got)
	}
	b2 := e.browser()
	b2.signIn()
	id = b2.cookies["plume_session"].Value
	start = time.Now()
	if got := []int{me(10 * time.Minute), me(41 * time.Minute)}; fmt.Sprint(got) != "[200 401]" {
		t.Errorf("idle session: %v, want 200 then 401 after 31 idle minutes", got)
	}
}

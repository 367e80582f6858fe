package e2e

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/plume-sp/plume/api"
	"github.com/plume-sp/plume/auth"
	"github.com/plume-sp/plume/auth/oidctest"
	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/plumetest"
)

// newSignInSite is plume with its page, signing agents in through a test
// OpenID provider on loopback, with rules that make the interior ministry's
// agents agents and the admin.gouv.fr domain's administrators.
func newSignInSite(tb testing.TB) (url string, op *oidctest.Provider) {
	tb.Helper()
	p := plumetest.New(tb, plumetest.WithCorpus(filepath.Join(repoRoot, "demo", "corpus")),
		plumetest.WithModel(llmtest.WithReply(fakeReply), llmtest.WithStreamChunks(12, 5*time.Millisecond)))
	rules, err := auth.ParseRules("domain:interieur.gouv.fr=agent; domain:admin.gouv.fr=admin")
	if err != nil {
		tb.Fatal(err)
	}
	srv := p.Serve(tb, api.Config{RatePerSecond: -1, SignIn: api.SignInConfig{Rules: rules, AccessContact: "la cellule plume du ministère"}},
		plumetest.WithPage(), plumetest.WithSignIn())
	return srv.URL, srv.OP
}

// TestSignInJourney: a new agent goes from the page to a first draft
// through the provider, with no key to copy, and signs out; a person no
// rule matches is told whom to ask; an administrator gives that person
// access in the Agents view, which the audit log shows.
func TestSignInJourney(t *testing.T) {
	t.Parallel()
	axe := requireBrowser(t)
	url, op := newSignInSite(t)
	b := newBrowser(t, axe)
	type css = chromedp.CSS

	start := time.Now()
	b.do("open the page", chromedp.Navigate(url), chromedp.WaitVisible(css("#bouton-oidc")))
	if txt := b.text("#bouton-oidc"); txt != "S'identifier avec ProConnect" {
		t.Errorf("sign-in button %q", txt)
	}
	b.shot("20-connexion-proconnect")
	b.checkAccessibility("connexion ProConnect")
	b.do("sign in", chromedp.Click(css("#bouton-oidc")), chromedp.WaitVisible(css("#vue-rediger")))
	if who := b.text("#session-role"); who != "Connecté : agent, tous services" {
		t.Errorf("session shows %q", who)
	}
	if n := eval[int](b, `sessionStorage.length + localStorage.length`); n != 0 {
		t.Errorf("the browser's storage holds %d items: the session must be in the HttpOnly cookie only", n)
	}
	if c := eval[string](b, `document.cookie`); c != "" {
		t.Errorf("scripts can read cookies %q", c)
	}
	b.do("ask for a draft", chromedp.SetValue(css("#question"), question), chromedp.SetValue(css("#canal"), "email"),
		chromedp.Click(css("#btn-rediger")))
	b.waitFor("final draft", `!document.querySelector("#final").hidden && document.querySelector("#texte-final").value.includes("Élodie")`)
	firstDraft := time.Since(start)
	t.Logf("from the page to a first draft through the provider: %v", firstDraft.Round(time.Millisecond))
	if firstDraft > time.Minute {
		t.Errorf("first draft after %v, want under a minute", firstDraft)
	}
	b.shot("21-brouillon-session")
	b.checkAccessibility("brouillon (session)")
	if btn := b.text("#deconnexion"); btn != "Se déconnecter" {
		t.Errorf("logout button %q", btn)
	}
	b.do("reload", chromedp.Reload(), chromedp.WaitVisible(css("#vue-rediger")))
	b.do("sign out", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#bouton-oidc")))
	if st := eval[int](b, `fetch("/v1/me").then(r => r.status)`); st != http.StatusUnauthorized {
		t.Errorf("after sign-out /v1/me answers %d", st)
	}
	b.pageErrors()

	// Someone no rule matches.
	op.SetUser(map[string]any{"sub": "agent-2", "email": "paul.durand@mairie-exemple.fr", "given_name": "Paul", "usual_name": "Durand"})
	b.do("sign in without access", chromedp.Click(css("#bouton-oidc")), chromedp.WaitVisible(css("main.connexion h1")))
	if body := b.text("main"); !strings.Contains(body, "pas encore accès") || !strings.Contains(body, "la cellule plume du ministère") {
		t.Errorf("no-access page: %s", body)
	}
	b.shot("22-sans-acces")
	b.checkAccessibility("sans accès")

	// An administrator gives Paul access.
	op.SetUser(map[string]any{"sub": "admin-1", "email": "alice.admin@admin.gouv.fr", "given_name": "Alice", "usual_name": "Admin"})
	b.do("admin signs in", chromedp.Navigate(url), chromedp.WaitVisible(css("#bouton-oidc")), chromedp.Click(css("#bouton-oidc")),
		chromedp.WaitVisible(css("#vue-rediger")))
	b.do("open the agents view", chromedp.Click(css(`a[data-vue="agents"]`)), chromedp.WaitVisible(css("#vue-agents")))
	b.waitFor("the pending agent", `document.querySelector("#agents-table tbody").textContent.includes("paul.durand@mairie-exemple.fr")`)
	id := eval[string](b, `[...document.querySelectorAll("#agents-table tbody tr")].find(r => r.textContent.includes("paul.durand")).querySelector("select").id`)
	b.do("give access", chromedp.SetValue(css("#"+id), "agent"),
		chromedp.SetValue(css("#"+strings.Replace(id, "role-", "service-", 1)), "caf"),
		chromedp.Click(css(`#`+id+` ~ button, tr:has(#`+id+`) button`)))
	b.waitFor("access saved", `document.querySelector("#agents-etat").textContent.includes("enregistré")`)
	b.waitFor("audit entry", `document.querySelector("#audit-table tbody").textContent.includes("PUT /v1/agents/:id")`)
	b.shot("23-agents-journal")
	b.checkAccessibility("agents et journal")
	b.do("admin signs out", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#bouton-oidc")))

	op.SetUser(map[string]any{"sub": "agent-2", "email": "paul.durand@mairie-exemple.fr", "given_name": "Paul", "usual_name": "Durand"})
	b.do("Paul signs in", chromedp.Click(css("#bouton-oidc")), chromedp.WaitVisible(css("#vue-rediger")))
	if who := b.text("#session-role"); who != "Connecté : agent, service caf" {
		t.Errorf("Paul's session shows %q", who)
	}
	b.pageErrors()
}

package e2e

import (
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

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
	b.do("open the administration", chromedp.Click(css(`a[data-vue="agents"]`)), chromedp.WaitVisible(css("#vue-agents")))
	b.waitFor("the pending agent", `document.querySelector("#agents-table tbody").textContent.includes("paul.durand@mairie-exemple.fr")`)
	id := eval[string](b, `[...document.querySelectorAll("#agents-table tbody tr")].find(r => r.textContent.includes("paul.durand")).querySelector("select").id`)
	b.do("give access", chromedp.SetValue(css("#"+id), "agent"),
		chromedp.SetValue(css("#"+strings.Replace(id, "role-", "service-", 1)), "caf"),
		chromedp.Click(css(`tr:has(#`+id+`) button`)))
	b.waitFor("access saved", `document.querySelector("#agents-etat").textContent.includes("enregistré")`)
	b.shot("23-administration-agents")
	b.checkAccessibility("administration : agents")
	adminTabs(t, b)
	b.do("admin signs out", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#bouton-oidc")))

	op.SetUser(map[string]any{"sub": "agent-2", "email": "paul.durand@mairie-exemple.fr", "given_name": "Paul", "usual_name": "Durand"})
	b.do("Paul signs in", chromedp.Click(css("#bouton-oidc")), chromedp.WaitVisible(css("#vue-rediger")))
	if who := b.text("#session-role"); who != "Connecté : agent, service caf" {
		t.Errorf("Paul's session shows %q", who)
	}
	b.pageErrors()
}

// adminTabs goes through the Administration view's tabs as a global
// administrator: the keyboard moves between tabs; a key is created and its
// secret shown once; a rule is added; the audit log is filtered by actor,
// action and day and exported.
func adminTabs(t *testing.T, b *browser) {
	type css = chromedp.CSS
	selected := `document.querySelector("[role=tab][aria-selected=true]").id`
	b.do("tab to the next tab", chromedp.Focus(css("#onglet-agents")), chromedp.KeyEvent(kb.ArrowRight))
	if got := eval[string](b, selected); got != "onglet-cles" || eval[string](b, `document.activeElement.id`) != "onglet-cles" ||
		!eval[bool](b, `document.querySelector("#panneau-agents").hidden && !document.querySelector("#panneau-cles").hidden`) {
		t.Errorf("after → on the first tab, %s is selected", got)
	}
	b.do("end of the tabs", chromedp.KeyEvent(kb.End))
	if got := eval[string](b, selected); got != "onglet-journal" {
		t.Errorf("after End, %s is selected", got)
	}

	b.do("open the keys", chromedp.Click(css("#onglet-cles")))
	b.do("create a key", chromedp.SetValue(css("#k-nom"), "Script du guichet"), chromedp.SetValue(css("#k-service"), "caf"),
		chromedp.Click(css("#form-cle-api button[type=submit]")))
	b.waitFor("key created", `!document.querySelector("#cle-creee").hidden &&
		document.querySelector("#cle-secret").textContent.startsWith("plume_") &&
		document.querySelector("#cles-table tbody").textContent.includes("Script du guichet")`)
	b.shot("24-administration-cles")
	b.checkAccessibility("administration : clés")

	b.do("open the rules", chromedp.Click(css("#onglet-regles")))
	b.waitFor("configuration rules", `document.querySelector("#regles-table tbody").textContent.includes("admin.gouv.fr")`)
	b.do("add a rule", chromedp.SetValue(css("#r-valeur"), "caf.fr"), chromedp.SetValue(css("#r-role"), "admin"),
		chromedp.SetValue(css("#r-service"), "caf"), chromedp.Click(css("#form-regle button[type=submit]")))
	b.waitFor("rule added", `document.querySelector("#regles-etat").textContent.includes("ajoutée") &&
		document.querySelector("#regles-table tbody").textContent.includes("caf.fr")`)
	b.shot("25-administration-regles")
	b.checkAccessibility("administration : règles")

	b.do("open the journal", chromedp.Click(css("#onglet-journal")))
	rows := `document.querySelectorAll("#audit-table tbody tr")`
	b.waitFor("audit entries", `document.querySelector("#audit-table tbody").textContent.includes("PUT /v1/agents/:id") &&
		document.querySelector("#audit-table tbody").textContent.includes("POST /v1/rules")`)
	all := eval[int](b, rows+`.length`)
	filter := func(what, field, value, want string) {
		b.tb.Helper()
		// The status, emptied first, is written when the answer is shown.
		b.do(what, chromedp.Evaluate[chromedp.Void](`document.querySelector("#journal-etat").textContent = ""`),
			chromedp.SetValue(css(field), value), chromedp.Click(css("#form-journal button[type=submit]")))
		b.waitFor(what, `document.querySelector("#journal-etat").textContent !== "" && `+want)
		b.do("clear "+what, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).value = ""`, field)))
	}
	filter("filter by actor", "#j-par", "ALICE", rows+`.length === `+fmt.Sprint(all)+` && [...`+rows+`].every(r => r.cells[1].textContent === "Alice Admin")`)
	filter("filter by an unknown actor", "#j-par", "bob", `document.querySelector("#journal-etat").textContent === "Aucune entrée ne correspond."`)
	filter("filter by action", "#j-action", "POST /v1/keys", rows+`.length === 1 && `+rows+`[0].textContent.includes("Création d'une clé d'API")`)
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	filter("filter from tomorrow", "#j-depuis", tomorrow, rows+`.length === 0`)
	today := time.Now().UTC().Format(time.DateOnly)
	filter("filter up to today", "#j-jusqua", today, rows+`.length === `+fmt.Sprint(all))
	b.do("export the journal", chromedp.Click(css("#audit-export")))
	b.waitFor("journal exported", `document.querySelector("#journal-etat").textContent === "Journal exporté."`)
	b.shot("26-administration-journal")
	b.checkAccessibility("administration : journal")
	b.do("back to the agents tab", chromedp.Click(css("#onglet-agents")))
}

// TestSignInDelegation: an administrator of one service, signed in
// through the provider, sees its service's agents and those waiting, but
// not the others; a change forced on another service's agent (the page
// does not offer it) is refused and shows in its journal as refused.
func TestSignInDelegation(t *testing.T) {
	t.Parallel()
	axe := requireBrowser(t)
	url, op := newSignInSite(t)
	b := newBrowser(t, axe)
	type css = chromedp.CSS
	signIn := func(user map[string]any) {
		t.Helper()
		op.SetUser(user)
		b.do("sign in", chromedp.Navigate(url), chromedp.WaitVisible(css("#bouton-oidc")), chromedp.Click(css("#bouton-oidc")),
			chromedp.WaitVisible(css("#vue-rediger")))
	}
	signOut := func() {
		b.do("sign out", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#bouton-oidc")))
	}
	// Claire: an agent of every service (configuration rule); Alice: an
	// administrator of every service, who writes the CAF's rule.
	signIn(map[string]any{"sub": "agent-1", "email": "claire.martin@interieur.gouv.fr", "given_name": "Claire", "usual_name": "Martin"})
	signOut()
	op.SetUser(map[string]any{"sub": "waiting-1", "email": "paul.durand@mairie-exemple.fr", "given_name": "Paul", "usual_name": "Durand"})
	b.do("Paul signs in, without access", chromedp.Click(css("#bouton-oidc")), chromedp.WaitVisible(css("main.connexion h1")))
	signIn(map[string]any{"sub": "admin-1", "email": "alice.admin@admin.gouv.fr", "given_name": "Alice", "usual_name": "Admin"})
	for _, rule := range []string{`{kind: "domain", value: "caf.fr", role: "admin", service: "caf"}`,
		`{kind: "domain", value: "ants.gouv.fr", role: "agent", service: "ants"}`} {
		status := eval[int](b, `fetch("/v1/me").then(r => r.json()).then(me => fetch("/v1/rules", {method: "POST",
			headers: {"Content-Type": "application/json", "X-CSRF-Token": me.csrf_token},
			body: JSON.stringify(`+rule+`)})).then(r => r.status)`)
		if status != 201 {
			t.Fatalf("rule %s: %d", rule, status)
		}
	}
	signOut()

	// Bernard, of caf.fr, is the CAF's administrator by that rule.
	signIn(map[string]any{"sub": "caf-admin", "email": "bernard.petit@caf.fr", "given_name": "Bernard", "usual_name": "Petit"})
	if who := b.text("#session-role"); who != "Connecté : administration, service caf" {
		t.Errorf("Bernard's session shows %q", who)
	}
	b.do("open the administration", chromedp.Click(css(`a[data-vue="agents"]`)), chromedp.WaitVisible(css("#vue-agents")))
	b.waitFor("the CAF's agents", `document.querySelector("#agents-table tbody").textContent.includes("paul.durand")`)
	if txt := b.text("#agents-table tbody"); strings.Contains(txt, "claire.martin") || strings.Contains(txt, "alice.admin") ||
		!strings.Contains(txt, "bernard.petit") {
		t.Errorf("the CAF's administrator sees: %s", txt)
	}
	if p := b.text("#admin-portee"); !strings.Contains(p, "service « caf »") {
		t.Errorf("scope: %q", p)
	}
	if eval[bool](b, `document.querySelector("#panneau-agents input.fr-input") !== null`) {
		t.Error("the CAF's administrator is offered to choose an agent's service")
	}
	b.shot("27-administration-deleguee")
	b.checkAccessibility("administration déléguée")

	// A change of Claire (every service), forced with the session's own
	// token: the page does not list her; she was the first to sign in. She
	// is not of Bernard's service: 404, as a missing agent.
	const claire = 1
	forced := eval[int](b, fmt.Sprintf(`fetch("/v1/me").then(r => r.json()).then(me => fetch("/v1/agents/%d", {method: "PUT",
		headers: {"Content-Type": "application/json", "X-CSRF-Token": me.csrf_token},
		body: JSON.stringify({role: "admin", service: "caf"})})).then(r => r.status)`, claire))
	if forced != 404 {
		t.Errorf("a change of another service's agent answered %d, want 404", forced)
	}
	// Only an administrator of every service writes a rule: Bernard's page
	// offers none to write.
	b.do("open the rules", chromedp.Click(css("#onglet-regles")))
	if !eval[bool](b, `document.querySelector("#form-regle").hidden`) {
		t.Error("a service's administrator is offered the form to write a rule")
	}
	b.do("open the journal", chromedp.Click(css("#onglet-journal")))
	b.waitFor("the refusal in the journal", `[...document.querySelectorAll("#audit-table tbody tr")].some(r =>
		r.textContent.includes("PUT /v1/agents/:id") && r.textContent.includes("Refusé") && r.cells[1].textContent === "Bernard Petit")`)
	// Alice's rule for the CAF concerns it; her rule for the ANTS does not.
	if txt := b.text("#audit-table tbody"); strings.Count(txt, "POST /v1/rules") != 1 || strings.Contains(txt, "ants") {
		t.Errorf("the CAF's journal: %s", txt)
	}
	b.shot("28-journal-refus")
	b.pageErrors()
}

// TestSignInRefusedInBrowser: each refused sign-in, driven in the browser,
// ends on a page in French that opens no session.
func TestSignInRefusedInBrowser(t *testing.T) {
	t.Parallel()
	axe := requireBrowser(t)
	url, op := newSignInSite(t)
	b := newBrowser(t, axe)
	type css = chromedp.CSS
	for i, tc := range []struct {
		name  string
		fault oidctest.Fault
		title string
	}{
		{"wrong nonce", oidctest.WrongNonce, "Connexion refusée"},
		{"expired token", oidctest.Expired, "Connexion refusée"},
		{"token from another issuer", oidctest.OtherIssuer, "Connexion refusée"},
		{"unsigned token", oidctest.Unsigned, "Connexion refusée"},
		{"forged signed userinfo", oidctest.ForgedUserinfo, "Connexion refusée"},
		{"userinfo from another issuer", oidctest.UserinfoOtherIssuer, "Connexion refusée"},
	} {
		op.SetFault(tc.fault)
		b.do(tc.name, chromedp.Navigate(url), chromedp.WaitVisible(css("#bouton-oidc")), chromedp.Click(css("#bouton-oidc")),
			chromedp.WaitVisible(css("main.connexion h1")))
		if h := b.text("main.connexion h1"); h != tc.title {
			t.Errorf("%s: the page says %q, want %q", tc.name, h, tc.title)
		}
		if i == 0 {
			b.shot("29-connexion-refusee")
			b.checkAccessibility("connexion refusée")
		}
		noSession(t, b, url, tc.name)
	}
	op.SetFault(oidctest.NoFault)
	// A forged state: a callback this browser never asked for.
	b.do("forged state", chromedp.Navigate(url+"/auth/callback?code=x&state="+strings.Repeat("f", 43)),
		chromedp.WaitVisible(css("main.connexion h1")))
	if h := b.text("main.connexion h1"); h != "Connexion expirée ou invalide" {
		t.Errorf("forged state: the page says %q", h)
	}
	b.shot("30-connexion-etat-invalide")
	b.checkAccessibility("connexion : état invalide")
	noSession(t, b, url, "forged state")
	b.pageErrors()
}

// noSession checks, from the page (the sign-in pages' policy allows no
// request), that the browser has no session.
func noSession(t *testing.T, b *browser, url, what string) {
	t.Helper()
	b.do("back to the page", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#bouton-oidc")))
	if st := eval[int](b, `fetch("/v1/me").then(r => r.status)`); st != http.StatusUnauthorized {
		t.Errorf("%s: /v1/me answers %d: a session was opened", what, st)
	}
}

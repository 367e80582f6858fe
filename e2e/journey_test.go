package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"
)

// question is a user's message full of personal data, with accents before
// each value so that UTF-8 byte offsets and UTF-16 indexes differ.
const question = "Bonjour, après mon déménagement à Évreux, je voudrais changer l'adresse de ma carte grise. " +
	"Je m'appelle Élodie Dupré, mon téléphone est le 06 12 34 56 78 et mon courriel elodie.dupre@exemple.fr. Merci !"

// newDoc is a document an administrator uploads; its subject appears in no
// demo document, so only it can answer the question that follows.
const newDoc = `# Survol des ruchers communaux par un drone de loisir

Le survol d'un rucher communal par un drone de loisir est interdit à moins de 50 mètres des ruches.
Le télépilote qui souhaite survoler un rucher communal doit demander une dérogation à la mairie
au moins quinze jours avant le vol, avec le plan du vol et l'attestation de formation du télépilote.
`

const officialURL = "https://www.service-public.fr/particuliers/vosdroits/F99999"

const newDocTitle = "Survol des ruchers communaux par un drone de loisir"

// urgentQuestion is a message the triage marks urgent (violence).
const urgentQuestion = "Bonjour, je suis Inès Lefèvre. Mon mari me frappe depuis des mois, comment demander une aide au logement pour partir ?"

const droneQuestion = "Bonjour, puis-je faire voler mon drone de loisir au-dessus du rucher communal ? Faut-il une dérogation de la mairie ?"

// TestJourney drives the page as an agent then as an administrator, in one
// browser tab, against the real API: masking preview, streamed and cited
// draft with the name restored, edit, feedback; upload, find, publish, the
// new document used by the next draft; the statistics show the feedback.
// Each view is checked by axe-core and saved as a screenshot.
func TestJourney(t *testing.T) {
	t.Parallel()
	axe := requireBrowser(t)
	s := newSite(t)
	b := newBrowser(t, axe)
	type css = chromedp.CSS

	// The key is asked first; a wrong key gets a clear message.
	b.do("open the page", chromedp.Navigate(s.url), chromedp.WaitVisible(css("#cle")))
	if lang := eval[string](b, `document.documentElement.lang`); lang != "fr" {
		t.Errorf("lang = %q, want fr", lang)
	}
	b.do("type a wrong key", chromedp.SendKeys(css("#cle"), "plume_mauvaise_cle"), chromedp.Click(css("#form-cle button")))
	b.waitFor("wrong key message", `document.querySelector("#cle-erreur").textContent.includes("Clé refusée")`)
	// Keyboard: the focus is on the key field; Tab reaches the button,
	// with a visible focus ring.
	b.do("tab to the button", chromedp.KeyEvent("\t"))
	if f := eval[string](b, `document.activeElement.textContent + " " + getComputedStyle(document.activeElement).outlineStyle`); f != "Se connecter solid" {
		t.Errorf("after Tab, focus = %q, want the visible « Se connecter » button", f)
	}
	b.shot("01-connexion")
	b.checkAccessibility("connexion")

	// An agent of the CAF: the page asks the API who the key is, shows its
	// role and service, and offers no choice of service.
	b.do("log in as a CAF agent", chromedp.SetValue(css("#cle"), s.cafKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	if who := b.text("#session-role"); who != "Connecté : agent, service caf" {
		t.Errorf("session shows %q, want the agent role and the CAF", who)
	}
	if !eval[bool](b, `document.querySelector("#service-choix").offsetParent === null &&
		document.querySelector("#service-fixe").offsetParent !== null`) || b.text("#service-fixe-nom") != "caf" {
		t.Error("a CAF key is offered a choice of service, or its service is not shown")
	}
	calls := eval[[]string](b, `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname + new URL(e.name).search)`)
	if !contains(calls, "/v1/me") || someContains(calls, "/v1/documents") {
		t.Errorf("at login the page called %q: want /v1/me and no probe of /v1/documents", calls)
	}
	b.do("log out the CAF agent", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#cle")))

	// A global agent: no administration links, a choice of service.
	b.do("log in as an agent", chromedp.SetValue(css("#cle"), s.agentKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	if eval[bool](b, `document.querySelector('a[data-vue="documents"]').offsetParent !== null`) {
		t.Error("an agent sees the Documents link")
	}
	if who := b.text("#session-role"); who != "Connecté : agent, tous services" {
		t.Errorf("session shows %q", who)
	}
	if eval[bool](b, `document.querySelector("#service-choix").offsetParent === null`) {
		t.Error("a global agent is offered no choice of service")
	}
	b.waitFor("no recent draft yet", `document.querySelector("#recents").getAttribute("aria-busy") === "false" &&
		document.querySelector("#recents").textContent.includes("Aucun")`)

	// The masking preview highlights each value with its type, at the
	// right place despite the accents.
	b.do("paste the message", chromedp.SetValue(css("#question"), question), chromedp.SetValue(css("#canal"), "email"),
		chromedp.Click(css("#btn-apercu")))
	b.waitFor("preview", `!document.querySelector("#apercu").hidden && document.querySelectorAll("#apercu-texte mark").length > 0`)
	marks := eval[[]string](b, `[...document.querySelectorAll("#apercu-texte mark")].map(m => m.firstChild.textContent)`)
	for _, want := range []string{"06 12 34 56 78", "elodie.dupre@exemple.fr"} {
		if !contains(marks, want) {
			t.Errorf("preview marks %q, want one to be exactly %q", marks, want)
		}
	}
	if !someContains(marks, "Dupré") {
		t.Errorf("preview marks %q: the name is not masked", marks)
	}
	sent := b.text("#apercu-transmis")
	for _, leak := range []string{"Dupré", "06 12 34 56 78", "exemple.fr"} {
		if strings.Contains(sent, leak) {
			t.Errorf("the text sent to the model still holds %q: %s", leak, sent)
		}
	}
	if labels := b.text("#apercu-texte"); !strings.Contains(labels, "téléphone") || !strings.Contains(labels, "nom") {
		t.Errorf("preview does not name the types: %s", labels)
	}
	b.shot("02-apercu-masquage")
	b.checkAccessibility("aperçu du masquage")

	// The draft streams, then comes back with the name restored, [1]
	// linked to its source, in an editable text area.
	// Count the pieces of text shown while the draft streams in.
	b.do("watch the stream", chromedp.Evaluate[chromedp.Void](`window.deltas = 0;
		new MutationObserver(ms => { for (const m of ms) window.deltas += [...m.addedNodes].filter(n => n.nodeType === 3).length; })
			.observe(document.querySelector("#flux"), {childList: true});`))
	b.do("ask for a draft", chromedp.Click(css("#btn-rediger")))
	b.waitFor("final draft", `!document.querySelector("#final").hidden`)
	if n := eval[int](b, `window.deltas`); n < 3 {
		t.Errorf("the draft came in %d pieces, want it streamed in several", n)
	}
	if live := eval[string](b, `document.querySelector("#flux").getAttribute("aria-live")`); live != "polite" {
		t.Errorf("streamed text aria-live = %q, want polite", live)
	}
	final := eval[string](b, `document.querySelector("#texte-final").value`)
	if !strings.Contains(final, "Élodie Dupré") || strings.Contains(final, "[NOM_1]") {
		t.Errorf("the final draft does not greet the user by name: %q", final)
	}
	if href := eval[string](b, `document.querySelector("#flux a.renvoi")?.getAttribute("href") ?? ""`); href != "#source-1" {
		t.Errorf("citation link = %q, want #source-1", href)
	}
	if n := eval[int](b, `document.querySelectorAll("#sources-liste li").length`); n == 0 {
		t.Error("no source listed")
	}
	if url := eval[string](b, `document.querySelector("#source-1 .source-titre a")?.href ?? ""`); !strings.HasPrefix(url, "http") {
		t.Errorf("source 1 has no official URL link: %q", url)
	}
	b.do("follow the citation", chromedp.Click(css("#flux a.renvoi")))
	if h := eval[string](b, `location.hash`); h != "#source-1" {
		t.Errorf("after following [1], hash = %q", h)
	}
	// After a reload the key is still there (sessionStorage) and the draft
	// is in the recent list, which comes from the API (nothing of it is
	// kept in the browser): its excerpt is the stored, masked text; reopen
	// it (masked form).
	b.do("reload", chromedp.Reload(), chromedp.WaitVisible(css("#vue-rediger")))
	b.waitFor("recent draft", `document.querySelectorAll("#recents button").length === 1`)
	if ex := b.text("#recents .extrait"); !strings.HasPrefix(ex, "Bonjour [NOM_1],") || strings.Contains(ex, "Dupré") {
		t.Errorf("recent draft excerpt = %q, want the stored, masked start", ex)
	}
	if n := eval[int](b, `sessionStorage.length`); n != 1 {
		t.Errorf("sessionStorage holds %d items, want the key only", n)
	}
	b.do("reopen the draft", chromedp.Click(css("#recents button")))
	b.waitFor("reopened draft", `!document.querySelector("#final").hidden && document.querySelector("#texte-final").value.includes("[NOM_1]")`)
	// Ask again to get the restored text, then edit, copy and rate it.
	b.do("ask again", chromedp.SetValue(css("#question"), question), chromedp.Click(css("#btn-rediger")))
	b.waitFor("final draft again", `!document.querySelector("#final").hidden && document.querySelector("#texte-final").value.includes("Élodie")`)
	b.waitFor("two recent drafts", `document.querySelectorAll("#recents button").length === 2`)
	b.do("edit the draft", chromedp.Click(css("#texte-final")), chromedp.KeyEvent("\n"),
		chromedp.SendKeys(css("#texte-final"), "PS : pensez à garder le justificatif."))
	if !eval[bool](b, `document.querySelector('input[name=issue][value=edited]').checked`) {
		t.Error("editing the draft did not select « Envoyé modifié »")
	}
	b.do("copy", chromedp.Click(css("#btn-copier")))
	b.waitFor("copied", `document.querySelector("#copie-etat").textContent.includes("copié")`)
	// Rating and tags with the keyboard only.
	b.do("rate 4 with the keyboard", chromedp.Focus(css(`input[name=note][value="4"]`)), chromedp.KeyEvent(" "),
		chromedp.Focus(css("#etiquettes")), chromedp.SendKeys(css("#etiquettes"), "clair, Incomplet"),
		chromedp.Focus(css("#btn-avis")), chromedp.KeyEvent("\r"))
	b.waitFor("feedback sent", `document.querySelector("#avis-etat").textContent.includes("enregistré")`)
	if !eval[bool](b, `document.querySelector("#btn-avis").disabled && document.activeElement.id === "avis-etat"`) {
		t.Error("after sending feedback, the button is still active or the focus was lost")
	}
	if w := b.text("#alertes"); w != "" {
		t.Logf("warnings shown: %s", w)
	}
	b.shot("03-brouillon")
	b.checkAccessibility("brouillon")
	b.pageErrors()

	// An urgent message, for a call-back: the alert, with its reason and
	// the sentence behind it, comes before the draft, which starts with the
	// contacts to give; the recent drafts filter by level.
	b.do("paste an urgent message", chromedp.SetValue(css("#question"), urgentQuestion), chromedp.SetValue(css("#canal"), "telephone"),
		chromedp.Click(css("#btn-rediger")))
	b.waitFor("urgent alert", `document.querySelector("#priorite .priorite.urgent") !== null`)
	b.waitFor("urgent draft", `!document.querySelector("#final").hidden &&
		document.querySelector("#texte-final").value.startsWith("À traiter en priorité : Violences ou menaces.")`)
	if alert := b.text("#priorite"); !strings.Contains(alert, "Message urgent") ||
		!strings.Contains(alert, "Violences ou menaces : « Mon mari me frappe depuis des mois") {
		t.Errorf("urgent alert = %q", alert)
	}
	if final := eval[string](b, `document.querySelector("#texte-final").value`); !strings.Contains(final, "- le 3919 (") || !strings.Contains(final, "Inès Lefèvre") {
		t.Errorf("urgent telephone draft lacks the contacts or the model's answer: %q", final)
	}
	b.do("show urgent drafts only", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.querySelector("#recents-niveau");
		s.value = "urgent"; s.dispatchEvent(new Event("change")); })()`))
	b.waitFor("urgent drafts only", `document.querySelector("#recents").getAttribute("aria-busy") === "false" &&
		document.querySelectorAll("#recents button").length === 1 && document.querySelector("#recents .niveau.fr-badge--error")?.textContent === "Urgent" &&
		document.querySelector("#recents button").textContent.startsWith("Téléphone")`)
	b.shot("03b-message-urgent")
	b.checkAccessibility("message urgent")
	b.do("ask for a routine draft", chromedp.SetValue(css("#question"), question), chromedp.Click(css("#btn-rediger")))
	b.waitFor("routine draft", `!document.querySelector("#final").hidden && document.querySelector("#texte-final").value.includes("Élodie")`)
	if n := eval[int](b, `document.querySelectorAll("#priorite *").length`); n != 0 {
		t.Errorf("a routine message shows an alert: %q", b.text("#priorite"))
	}
	b.pageErrors()

	// An administrator uploads a document as a draft: not used yet.
	b.do("log out", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#cle")))
	b.do("log in as an admin", chromedp.SetValue(css("#cle"), s.admKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	b.do("open Documents", chromedp.Click(css(`a[data-vue="documents"]`)), chromedp.WaitVisible(css("#vue-documents")))
	listed := `document.querySelector("#docs-table").getAttribute("aria-busy") === "false" && `
	b.waitFor("document list", listed+`document.querySelectorAll("#docs-table tbody tr").length > 0`)
	file := filepath.Join(t.TempDir(), "survol-ruchers.md")
	if err := os.WriteFile(file, []byte(newDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "photo.bmp")
	if err := os.WriteFile(bad, []byte("BM\x00\x01\x02\x03 pas un document"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do("upload two files", chromedp.SetUploadFiles(css("#fichiers"), []string{file, bad}),
		chromedp.SetValue(css("#depot-statut"), "draft"), chromedp.Click(css("#form-depot button")))
	b.waitFor("upload results", `document.querySelectorAll("#depot-resultats .ok, #depot-resultats .erreur").length === 2`)
	results := eval[[]string](b, `[...document.querySelectorAll("#depot-resultats li")].map(li => li.textContent)`)
	if len(results) != 2 || !strings.Contains(results[0], "1 document enregistré") || !strings.Contains(results[0], newDocTitle) ||
		!strings.Contains(results[1], "Échec : Type de fichier non pris en charge") {
		t.Fatalf("upload results: %q", results)
	}
	if p := eval[int](b, `document.querySelector("#depot-resultats progress").value`); p != 100 {
		t.Errorf("upload progress = %d, want 100", p)
	}
	b.do("find it", chromedp.SetValue(css("#f-titre"), "ruchers"), chromedp.SetValue(css("#f-statut"), "draft"),
		chromedp.Click(css("#form-filtres button")))
	b.waitFor("filtered list", listed+`document.querySelectorAll("#docs-table tbody tr").length === 1 &&
		document.querySelector("#docs-table tbody th").textContent === `+jsString(newDocTitle))
	if st := b.text("#docs-table tbody .statut"); st != "Brouillon" {
		t.Errorf("status = %q, want Brouillon", st)
	}
	// Stale since a date, filtered by the API: the new document was updated
	// today, so it is stale before tomorrow, not before 2000.
	b.do("stale before 2000", chromedp.SetValue(css("#f-avant"), "2000-01-01"), chromedp.Click(css("#form-filtres button")))
	b.waitFor("no stale document", listed+`document.querySelectorAll("#docs-table tbody tr").length === 0 &&
		document.querySelector("#docs-etat").textContent.includes("Aucun")`)
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	b.do("stale before tomorrow", chromedp.SetValue(css("#f-avant"), tomorrow), chromedp.Click(css("#form-filtres button")))
	b.waitFor("stale document", listed+`document.querySelectorAll("#docs-table tbody tr").length === 1 &&
		document.querySelector("#docs-etat").textContent.includes("non mis à jour depuis le")`)
	if calls := eval[[]string](b, `performance.getEntriesByType("resource").map(e => e.name)`); !someContains(calls, "stale_before="+tomorrow) {
		t.Errorf("the date filter did not reach the API: %q", calls)
	}
	b.do("clear the date", chromedp.SetValue(css("#f-avant"), ""), chromedp.Click(css("#form-filtres button")))
	b.waitFor("filtered list without date", listed+`document.querySelectorAll("#docs-table tbody tr").length === 1 &&
		!document.querySelector("#docs-etat").textContent.includes("depuis")`)
	b.do("view it", chromedp.Click(css("#docs-table tbody button")))
	b.waitFor("document detail", `!document.querySelector("#doc-detail").hidden && document.querySelectorAll("#doc-passages li").length > 0`)
	// Edit its metadata: the official URL.
	b.do("edit the URL", chromedp.SetValue(css("#d-url"), officialURL), chromedp.SetValue(css("#d-tags"), "drone, rucher"),
		chromedp.Click(css("#form-doc button[type=submit]")))
	b.waitFor("saved", `document.querySelector("#doc-etat").textContent.includes("enregistré")`)
	b.shot("04-documents")
	b.checkAccessibility("documents")

	sourcesFor := func() string {
		b.do("draft about drones", chromedp.Click(css(`a[data-vue="rediger"]`)), chromedp.WaitVisible(css("#vue-rediger")),
			chromedp.SetValue(css("#question"), droneQuestion), chromedp.Click(css("#btn-rediger")))
		b.waitFor("drone draft", `!document.querySelector("#final").hidden && document.querySelector("#texte-final").value.includes("Bonjour")`)
		if !eval[bool](b, `document.querySelector("#apercu").hidden`) {
			t.Error("the masking preview of another message is still shown")
		}
		return b.text("#sources-liste")
	}
	if src := sourcesFor(); strings.Contains(src, newDocTitle) {
		t.Errorf("a draft document was used before being published: %s", src)
	}

	// Publish it: the next draft cites it.
	b.do("back to Documents", chromedp.Click(css(`a[data-vue="documents"]`)), chromedp.WaitVisible(css("#vue-documents")))
	b.waitFor("filtered list again", listed+`document.querySelectorAll("#docs-table tbody tr").length === 1`)
	b.do("publish", chromedp.Click(css("#docs-table tbody button.fr-btn--secondary")))
	b.do("show published", chromedp.SetValue(css("#f-statut"), "published"), chromedp.Click(css("#form-filtres button")))
	b.waitFor("published", listed+`document.querySelector("#docs-table tbody .statut")?.textContent === "Publié"`)
	if src := sourcesFor(); !strings.Contains(src, newDocTitle) {
		t.Errorf("the published document is not among the draft's sources: %s", src)
	}
	if links := eval[[]string](b, `[...document.querySelectorAll("#sources-liste a")].map(a => a.href)`); !contains(links, officialURL) {
		t.Errorf("source links %q lack the edited URL %s", links, officialURL)
	}
	b.shot("05-brouillon-nouveau-document")

	// The statistics show the agent's feedback.
	b.do("open Statistiques", chromedp.Click(css(`a[data-vue="statistiques"]`)), chromedp.WaitVisible(css("#vue-statistiques")))
	b.waitFor("stats", `document.querySelectorAll("#g-notes tbody tr").length === 5`)
	b.do("open the tables", chromedp.Evaluate[chromedp.Void](`document.querySelectorAll("#vue-statistiques details").forEach(d => d.open = true)`))
	figures := b.text("#stats-chiffres")
	for _, want := range []string{"4 / 5", "retours des agents"} {
		if !strings.Contains(figures, want) {
			t.Errorf("figures %q lack %q", figures, want)
		}
	}
	ratings := eval[[]string](b, `[...document.querySelectorAll("#g-notes tbody tr")].map(r => r.textContent)`)
	if !contains(ratings, "4 / 51") {
		t.Errorf("rating table %q: want one rating of 4", ratings)
	}
	// The outcomes over time: one day of feedback, one edited draft.
	outcomes := eval[[]string](b, `[...document.querySelectorAll("#g-issues tbody tr")].map(r =>
		[...r.cells].map(c => c.textContent).slice(1).join("|"))`)
	if diff := cmp.Diff([]string{"1|0 (0 %)|1 (100 %)|0 (0 %)|4 / 5|" + editDistance(t, b)}, outcomes); diff != "" {
		t.Errorf("outcomes per day (-want +got):\n%s", diff)
	}
	chart := eval[[]string](b, `(() => { const s = document.querySelector("#g-issues svg.graphique");
		return [s.getAttribute("role"), s.querySelector("title").textContent, s.querySelector("desc").textContent,
			String(s.querySelectorAll(".point").length)]; })()`)
	if len(chart) != 4 || chart[0] != "img" || !strings.Contains(chart[1], "par jour") ||
		!strings.Contains(chart[2], "modifiés 100 %") || chart[3] != "3" {
		t.Errorf("outcomes chart (role, title, desc, points) = %q", chart)
	}
	if label := eval[string](b, `document.querySelector("#g-jours svg").getAttribute("aria-label")`); label != "Brouillons par jour : 6 sur 31 jours" {
		t.Errorf("drafts per day chart: %q", label)
	}
	if bars := eval[int](b, `document.querySelectorAll("#g-notes svg rect").length`); bars != 1 {
		t.Errorf("rating chart has %d bars, want 1 (one rating of 4)", bars)
	}
	if label := eval[string](b, `document.querySelector("#g-niveaux svg").getAttribute("aria-label")`); !strings.Contains(label, ": 1 urgents, 0 à suivre") {
		t.Errorf("levels per day chart: %q", label)
	}
	b.shot("06-statistiques")
	b.checkAccessibility("statistiques")

	// Archive, then delete the document (the confirmation is accepted).
	b.do("back to Documents again", chromedp.Click(css(`a[data-vue="documents"]`)), chromedp.WaitVisible(css("#vue-documents")),
		chromedp.SetValue(css("#f-statut"), ""), chromedp.Click(css("#form-filtres button")))
	b.waitFor("one row", listed+`document.querySelectorAll("#docs-table tbody tr").length === 1`)
	b.do("archive", chromedp.Click(css("#docs-table tbody button.fr-btn--secondary")))
	b.waitFor("archived", listed+`document.querySelector("#docs-table tbody .statut")?.textContent === "Archivé"`)
	b.do("delete", chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`), chromedp.Click(css("#docs-table tbody button.supprimer")))
	b.waitFor("deleted", listed+`document.querySelectorAll("#docs-table tbody tr").length === 0 &&
		document.querySelector("#docs-etat").textContent.includes("supprimé")`)

	// A narrow screen (a tablet at a France services desk, a phone): one
	// column, still usable and accessible.
	b.do("narrow screen", chromedp.EmulateViewport(390, 844), chromedp.Click(css(`a[data-vue="rediger"]`)),
		chromedp.WaitVisible(css("#vue-rediger")))
	if w := eval[int](b, `document.documentElement.scrollWidth`); w > 390 {
		t.Errorf("the page is %d px wide on a 390 px screen: it scrolls sideways", w)
	}
	b.shot("07-ecran-etroit")
	b.shotScreen("07b-ecran-etroit-haut")
	b.checkAccessibility("écran étroit")

	// A key revoked during the session: the page asks for a key again,
	// with a clear message.
	if err := s.st.RevokeAPIKey(context.Background(), s.admID); err != nil {
		t.Fatal(err)
	}
	b.do("ask with a revoked key", chromedp.Click(css("#btn-rediger")))
	b.waitFor("key asked again", `!document.querySelector("#vue-cle").hidden &&
		document.querySelector("#cle-erreur").textContent.includes("Clé refusée")`)
	if k := eval[string](b, `sessionStorage.getItem("plume.cle") ?? ""`); k != "" {
		t.Error("the refused key is still kept")
	}
	b.pageErrors()
}

// editDistance returns the mean edit distance the page shows in the
// figures, as the per-day table must show it too.
func editDistance(tb testing.TB, b *browser) string {
	tb.Helper()
	return eval[string](b, `[...document.querySelectorAll("#stats-chiffres .chiffre")].find(c => c.textContent.includes("édition")).querySelector(".valeur-grande").textContent`)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func someContains(list []string, sub string) bool {
	for _, x := range list {
		if strings.Contains(x, sub) {
			return true
		}
	}
	return false
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/plume-sp/plume/store"
)

// exampleNIR is a social security number as a fiche would give it as an
// example of the format, or as an admin would paste it from a user's
// message.
const exampleNIR = "2 61 04 75 112 334 56"

// TestDocumentPersonalData drives the refusal of a document holding a
// person's identifier through the page: the document's editor and the
// curation's new fiche show the refusal with the kind of data (never the
// value) and a checkbox; once it is ticked, the document is saved. Each
// refusal is checked by axe-core.
func TestDocumentPersonalData(t *testing.T) {
	t.Parallel()
	axe := requireBrowser(t)
	s := newSite(t)
	b := newBrowser(t, axe)
	type css = chromedp.CSS
	ctx := context.Background()
	page, err := s.st.ListDocuments(ctx, store.DocumentFilter{Limit: 1})
	if err != nil || len(page.Documents) == 0 {
		t.Fatalf("demo documents: %v", err)
	}
	doc := page.Documents[0]

	b.do("open the page", chromedp.Navigate(s.url), chromedp.WaitVisible(css("#cle")))
	b.do("log in as an admin", chromedp.SetValue(css("#cle"), s.admKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	b.openDocument(doc.Title)
	b.do("paste a user's message", chromedp.Click(css("#d-texte")), chromedp.KeyEvent("\n"),
		chromedp.SendKeys(css("#d-texte"), "Cas de Mme Lambert, NIR "+exampleNIR+"."),
		chromedp.Click(css("#form-doc button[type=submit]")))
	b.waitFor("refused", `!document.querySelector("#doc-pii").hidden`)
	checkRefusal(t, b, "#doc-erreur")
	b.do("show the refusal", chromedp.ScrollIntoView(css("#doc-pii")))
	b.shotScreen("13-document-donnees-personnelles")
	b.checkAccessibility("document refusé : données personnelles")
	if after, err := s.st.GetDocument(ctx, doc.ID); err != nil || !after.ModifiedAt.Equal(doc.ModifiedAt) {
		t.Errorf("the refused document changed: %v", err)
	}
	b.do("confirm they are examples", chromedp.Click(css("#doc-pii-ok")), chromedp.Click(css("#form-doc button[type=submit]")))
	b.waitFor("saved", `document.querySelector("#doc-etat").textContent.includes("enregistré")`)
	if !eval[bool](b, `document.querySelector("#doc-pii").hidden && document.querySelector("#doc-erreur").textContent === ""`) {
		t.Error("the refusal stays shown after the save")
	}

	// The curation's new fiche: the same refusal, the same way out.
	b.do("open Curation", chromedp.Click(css(`a[data-vue="curation"]`)), chromedp.WaitVisible(css("#vue-curation")),
		chromedp.Evaluate[chromedp.Void](`document.querySelector("#c-doc").hidden = false`))
	b.do("write a fiche", chromedp.SetValue(css("#c-doc-titre"), "Exemple de numéro de sécurité sociale"),
		chromedp.SetValue(css("#c-doc-texte"), "Le numéro s'écrit ainsi : "+exampleNIR+"."),
		chromedp.Click(css("#form-c-doc button[type=submit]")))
	b.waitFor("fiche refused", `!document.querySelector("#c-doc-pii").hidden`)
	checkRefusal(t, b, "#c-doc-erreur")
	b.checkAccessibility("nouvelle fiche refusée : données personnelles")
	b.do("confirm the fiche", chromedp.Click(css("#c-doc-pii-ok")), chromedp.Click(css("#form-c-doc button[type=submit]")))
	b.waitFor("fiche created", `document.querySelector("#c-doc-etat").textContent.includes("créée en brouillon")`)
	b.pageErrors()
}

// checkRefusal checks the alert of a refusal: the kind of data, never
// its value.
func checkRefusal(t *testing.T, b *browser, alert string) {
	t.Helper()
	msg := b.text(alert)
	if !strings.Contains(msg, "sécurité sociale") || strings.Contains(msg, exampleNIR) || !strings.Contains(msg, "cochez la case") {
		t.Errorf("refusal %q: want the kind of data and how to confirm, without the value", msg)
	}
	if role := eval[string](b, `document.querySelector(`+jsString(alert)+`).getAttribute("role")`); role != "alert" {
		t.Errorf("%s has role %q, want alert", alert, role)
	}
}

// openDocument opens the Documents view, finds the document titled title
// and shows its detail, text loaded.
func (b *browser) openDocument(title string) {
	b.tb.Helper()
	type css = chromedp.CSS
	b.do("open Documents", chromedp.Click(css(`a[data-vue="documents"]`)), chromedp.WaitVisible(css("#vue-documents")))
	listed := `document.querySelector("#docs-table").getAttribute("aria-busy") === "false" && `
	b.do("find "+title, chromedp.SetValue(css("#f-titre"), title), chromedp.Click(css("#form-filtres button")))
	b.waitFor("one document", listed+`document.querySelectorAll("#docs-table tbody tr").length === 1`)
	b.do("view it", chromedp.Click(css("#docs-table tbody button")))
	b.waitFor("document detail", `!document.querySelector("#doc-detail").hidden && document.querySelector("#d-texte").value !== ""`)
}

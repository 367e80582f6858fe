package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	openai "github.com/sashabaranov/go-openai"

	"github.com/plume-sp/plume/llm/llmtest"
	"github.com/plume-sp/plume/store"
)

const (
	// firstQuestion is asked by the admin, whose edited reply becomes a
	// validated answer; paraphrase is the same question in other words.
	firstQuestion = "Bonjour, je suis Mme Claire Martin. J'ai déménagé : comment changer l'adresse de ma carte grise ?"
	paraphrase    = "Bonsoir, je viens de déménager, comment faire la mise à jour de l'adresse sur ma carte grise ?"
	answerNote    = "Réponse validée par le service."
)

// topicalReply answers like a model that follows the prompt, on the
// subject of the questions below.
func topicalReply(req openai.ChatCompletionRequest) (string, error) {
	return "Bonjour,\n\nPour changer l'adresse de votre carte grise après un déménagement, déclarez la nouvelle adresse " +
		"en ligne, dans le mois qui suit le déménagement [1].\n\nCordialement,\nLe service", nil
}

// TestValidatedAnswers drives the validated answers through the page: an
// admin promotes an edited draft, an agent gets it for a paraphrase and
// starts from it, the admin changes a source and sees the answer flagged
// "to review"; then the curation work list. Each view is checked by
// axe-core.
func TestValidatedAnswers(t *testing.T) {
	t.Parallel()
	axe := requireBrowser(t)
	s := newSiteWith(t, llmtest.WithReply(topicalReply))
	b := newBrowser(t, axe)
	type css = chromedp.CSS

	// The admin drafts, edits, sends feedback, then validates the draft.
	b.do("open the page", chromedp.Navigate(s.url), chromedp.WaitVisible(css("#cle")))
	b.do("log in as an admin", chromedp.SetValue(css("#cle"), s.admKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	b.do("draft", chromedp.SetValue(css("#question"), firstQuestion), chromedp.SetValue(css("#canal"), "email"),
		chromedp.Click(css("#btn-rediger")))
	b.waitFor("final draft", `!document.querySelector("#final").hidden`)
	if !eval[bool](b, `document.querySelector("#reponses-types").hidden`) {
		t.Error("a validated answer is shown before any was made")
	}
	b.do("edit", chromedp.Click(css("#texte-final")), chromedp.KeyEvent("\n"), chromedp.SendKeys(css("#texte-final"), answerNote))
	b.do("send feedback", chromedp.Click(css(`input[name=issue][value=edited]`)), chromedp.Click(css("#btn-avis")))
	b.waitFor("feedback sent", `document.querySelector("#avis-etat").textContent.includes("enregistré")`)
	b.do("validate", chromedp.Click(css("#btn-valider")))
	b.waitFor("validated", `document.querySelector("#valider-etat").textContent.includes("enregistrée")`)
	page, err := s.st.ListAnswers(context.Background(), store.AnswerFilter{})
	if err != nil || page.Total != 1 {
		t.Fatalf("answers stored: %d %v", page.Total, err)
	}
	stored := page.Answers[0]
	if !strings.Contains(stored.Text.String(), answerNote) || strings.Contains(stored.Text.String(), "Claire") || strings.Contains(stored.Question.String(), "Martin") {
		t.Errorf("stored answer: %q / %q: want the edited text, masked", stored.Question, stored.Text)
	}
	b.checkAccessibility("brouillon validé")
	b.pageErrors()

	// A global agent asks the same question in other words: the answer is
	// shown first, dated, and one click puts it in the editor.
	b.do("log out", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#cle")))
	b.do("log in as an agent", chromedp.SetValue(css("#cle"), s.agentKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	if eval[bool](b, `document.querySelector("#btn-valider").offsetParent !== null || 
		document.querySelector('a[data-vue="reponses"]').offsetParent !== null`) {
		t.Error("an agent without the reviewer right is offered to validate answers")
	}
	b.do("draft the paraphrase", chromedp.SetValue(css("#question"), paraphrase), chromedp.Click(css("#btn-rediger")))
	b.waitFor("validated answer shown", `!document.querySelector("#final").hidden && !document.querySelector("#reponses-types").hidden`)
	card := b.text("#reponses-types-liste .reponse-type")
	if !strings.Contains(card, "Réponse type validée") || !strings.Contains(card, answerNote) || !strings.Contains(card, "Mise à jour le") {
		t.Errorf("validated answer card: %q", card)
	}
	if eval[bool](b, `!!(document.querySelector("#reponses-types").compareDocumentPosition(document.querySelector("#flux")) & Node.DOCUMENT_POSITION_PRECEDING)`) {
		t.Error("the validated answer is not shown before the draft")
	}
	b.do("start from it", chromedp.Click(css("#reponses-types-liste button")))
	if v := eval[string](b, `document.querySelector("#texte-final").value`); v != stored.Text.String() {
		t.Errorf("editor holds %q, want the validated answer %q", v, stored.Text)
	}
	b.shot("10-reponse-type")
	b.checkAccessibility("réponse type proposée")
	b.pageErrors()

	// The admin changes one of its sources: the answer is flagged.
	doc, err := s.st.GetDocument(context.Background(), firstDocumentID(t, stored.Sources))
	if err != nil {
		t.Fatal(err)
	}
	b.do("log out again", chromedp.Click(css("#deconnexion")), chromedp.WaitVisible(css("#cle")))
	b.do("log in as the admin", chromedp.SetValue(css("#cle"), s.admKey), chromedp.Click(css("#form-cle button")),
		chromedp.WaitVisible(css("#vue-rediger")))
	b.openDocument(doc.Title)
	b.do("change its text", chromedp.Click(css("#d-texte")), chromedp.KeyEvent("\n"),
		chromedp.SendKeys(css("#d-texte"), "Nouvelle règle : la démarche se fait désormais sous un mois."),
		chromedp.Click(css("#form-doc button[type=submit]")))
	b.waitFor("saved", `document.querySelector("#doc-etat").textContent.includes("enregistré")`)
	b.do("open Réponses types", chromedp.Click(css(`a[data-vue="reponses"]`)), chromedp.WaitVisible(css("#vue-reponses")))
	b.waitFor("answer listed", `document.querySelector("#rt-liste").getAttribute("aria-busy") === "false" &&
		document.querySelectorAll("#rt-liste > li.carte").length === 1`)
	if card := b.text("#rt-liste > li"); !strings.Contains(card, "À revoir") || !strings.Contains(card, "une de ses sources a changé") {
		t.Errorf("after its source changed, the answer shows %q", card)
	}
	b.shot("11-reponses-types")
	b.checkAccessibility("réponses types")

	// The agent's next draft shows it marked, and the model no longer gets it.
	b.do("open Rédiger", chromedp.Click(css(`a[data-vue="rediger"]`)), chromedp.WaitVisible(css("#vue-rediger")),
		chromedp.SetValue(css("#question"), paraphrase), chromedp.Click(css("#btn-rediger")))
	b.waitFor("marked answer", `!document.querySelector("#final").hidden && !document.querySelector("#reponses-types").hidden &&
		document.querySelector("#reponses-types-liste").textContent.includes("à revoir")`)

	// The curation work list, with the first question taken as one that
	// found no reliable source.
	if _, err := s.st.Pool().Exec(context.Background(), "UPDATE drafts SET reliable = false WHERE question LIKE '%[NOM_1]%'"); err != nil {
		t.Fatal(err)
	}
	b.do("open Curation", chromedp.Click(css(`a[data-vue="curation"]`)), chromedp.WaitVisible(css("#vue-curation")))
	b.waitFor("work list", `document.querySelector("#c-listes").getAttribute("aria-busy") === "false" &&
		document.querySelectorAll("#c-groupes > li.carte").length === 1`)
	if st := b.text("#c-vieux"); !strings.Contains(st, doc.Title) || !strings.Contains(st, "à revoir") {
		t.Errorf("stale documents: %q, want the changed source with its answer to review", st)
	}
	if g := b.text("#c-groupes"); !strings.Contains(g, "carte grise") || strings.Contains(g, "Claire") {
		t.Errorf("question group %q: want the masked question", g)
	}
	b.shot("12-curation")
	b.checkAccessibility("curation")
	// Start a fiche from the group, then close it as done.
	b.do("start a fiche", chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#c-groupes button")].find(x => x.textContent.startsWith("Rédiger")).click()`))
	b.waitFor("fiche form", `!document.querySelector("#c-doc").hidden && document.querySelector("#c-doc-texte").value.includes("carte grise")`)
	b.do("create the fiche", chromedp.SetValue(css("#c-doc-titre"), "Adresse de la carte grise après un déménagement"),
		chromedp.Click(css("#form-c-doc button[type=submit]")))
	b.waitFor("fiche created", `document.querySelector("#c-doc-etat").textContent.includes("créée en brouillon")`)
	docs, err := s.st.ListDocuments(context.Background(), store.DocumentFilter{Title: "après un déménagement", Status: store.StatusDraft})
	if err != nil || docs.Total != 1 {
		t.Errorf("the new fiche is not stored as a draft: %d %v", docs.Total, err)
	}
	b.do("close the group", chromedp.SetValue(css("#c-groupes form select"), "document_written"),
		chromedp.SetValue(css("#c-groupes form input"), "fiche rédigée"), chromedp.Click(css("#c-groupes form button")))
	b.waitFor("group closed", `document.querySelector("#c-groupes").textContent.includes("Clos le") &&
		document.querySelector("#c-groupes form") === null`)
	// A réponse type written for the group replaces the closure.
	b.do("write a réponse type", chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#c-groupes button")].find(x => x.textContent.startsWith("Rédiger une réponse")).click()`))
	b.waitFor("réponse type form", `!document.querySelector("#c-rt").hidden && document.querySelector("#c-rt-question").value.includes("carte grise")`)
	b.checkAccessibility("nouvelle réponse type")
	b.do("save the réponse type", chromedp.SetValue(css("#c-rt-texte"), "Madame, Monsieur, déclarez votre nouvelle adresse en ligne."),
		chromedp.Click(css("#form-c-rt button[type=submit]")))
	b.waitFor("réponse type saved", `document.querySelector("#c-rt-etat").textContent.includes("le sujet est clos") &&
		document.querySelector("#c-groupes").textContent.includes("Réponse type ajoutée")`)
	if page, err := s.st.ListAnswers(context.Background(), store.AnswerFilter{}); err != nil || page.Total != 2 {
		t.Errorf("answers after the curation one: %d %v", page.Total, err)
	}

	// The admin reviews it: a new version, active again.
	b.do("back to Réponses types", chromedp.Click(css(`a[data-vue="reponses"]`)), chromedp.WaitVisible(css("#vue-reponses")))
	b.waitFor("answers listed again", `document.querySelector("#rt-liste").getAttribute("aria-busy") === "false" &&
		document.querySelectorAll("#rt-liste > li.carte").length === 2 &&
		document.querySelector("#rt-liste > li .statut").textContent === "À revoir"`)
	b.do("edit it", chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll("#rt-liste button")].find(x => x.textContent.startsWith("Modifier")).click()`))
	b.waitFor("edit form", `document.querySelector("#rt-liste form textarea") !== null`)
	b.checkAccessibility("modifier une réponse type")
	b.do("save a new version", chromedp.Click(css("#rt-liste form textarea")), chromedp.KeyEvent("\n"),
		chromedp.SendKeys(css("#rt-liste form textarea"), "La démarche se fait désormais sous un mois."),
		chromedp.Click(css("#rt-liste form button[type=submit]")))
	b.waitFor("new version", `document.querySelector("#rt-etat").textContent.includes("version 2") &&
		document.querySelector("#rt-liste > li .statut")?.textContent === "Active"`)
	b.pageErrors()
}

// firstDocumentID returns the id of an answer's first source.
func firstDocumentID(t *testing.T, sources json.RawMessage) int64 {
	t.Helper()
	var cites []struct {
		DocumentID int64 `json:"document_id"`
	}
	if err := json.Unmarshal(sources, &cites); err != nil || len(cites) == 0 || cites[0].DocumentID == 0 {
		t.Fatalf("the answer has no source: %s (%v)", sources, err)
	}
	return cites[0].DocumentID
}

package rag_test

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/rag"
)

// calibrationAnswers are validated answers on demo documents, and
// calibrationMessages labelled messages: each of the first six expects one
// of those documents, the last six none of them (out of the corpus, or
// about a document without an answer).
var calibrationAnswers = map[string]string{
	"demo-cni-renouvellement":             "Comment renouveler ma carte d'identité ?",
	"demo-passeport":                      "Comment demander un passeport ?",
	"demo-carte-vitale":                   "J'ai perdu ma carte Vitale, comment la remplacer ?",
	"demo-casier-judiciaire":              "Comment obtenir un extrait de casier judiciaire ?",
	"demo-cheque-energie":                 "Comment utiliser mon chèque énergie ?",
	"demo-carte-grise-changement-adresse": "Comment changer l'adresse de ma carte grise après un déménagement ?",
}

var calibrationMessages = []rag.EvalQuestion{
	{Question: "Bonjour, ma carte d'identité expire le mois prochain, que dois-je faire pour la refaire ?", Expected: []string{"demo-cni-renouvellement"}},
	{Question: "slt je pars en voyage aux USA il me faut un passeport comment on le demande", Expected: []string{"demo-passeport"}},
	{Question: "Bonjour, j'ai égaré ma carte Vitale hier, comment en avoir une nouvelle ?", Expected: []string{"demo-carte-vitale"}},
	{Question: "Mon employeur me demande un extrait de casier judiciaire, où le demander ?", Expected: []string{"demo-casier-judiciaire"}},
	{Question: "J'ai reçu un chèque énergie, comment je l'utilise pour payer ma facture ?", Expected: []string{"demo-cheque-energie"}},
	{Question: "Je viens de déménager, comment mettre à jour l'adresse de ma carte grise ?", Expected: []string{"demo-carte-grise-changement-adresse"}},
	{Question: "Bonjour, quelle est la meilleure recette de tarte aux pommes ?"},
	{Question: "Which football club won the league last year?"},
	{Question: "Comment m'inscrire sur les listes électorales ?", Expected: []string{"demo-listes-electorales"}},
	{Question: "Mon permis de conduire a été volé, comment obtenir un duplicata ?", Expected: []string{"demo-permis-perte-vol"}},
	{Question: "Comment déclarer la naissance de mon fils ?", Expected: []string{"demo-declaration-naissance"}},
	{Question: "Où trouver une France services près de chez moi ?", Expected: []string{"demo-france-services"}},
}

// plume eval --calibrate-answers' path: the labelled messages matched as
// drafts match them, an answer citing an expected document the right one,
// the thresholds chosen and stored for the embedding model.
func TestCalibrateAnswersOnLabelledMessages(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	answers := e.answers(t).WithSearcher(e.searcher)
	for external, q := range calibrationAnswers {
		doc, err := e.store.GetDocument(ctx, docID(t, e.store, external))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := answers.Create(ctx, rag.AnswerInput{Question: q, Text: "Bonjour,\nVoici la démarche à suivre.\nCordialement",
			DocumentIDs: []int64{doc.ID}, Service: doc.Service}, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	examples, err := answers.AnswerExamples(ctx, calibrationMessages)
	if err != nil {
		t.Fatal(err)
	}
	c, err := rag.CalibrateAnswers(e.searcher.AnswerMatch(), examples)
	if err != nil {
		t.Fatal(err)
	}
	if c.WithAnswer != 6 || c.Without != 6 || c.NoneShown != 6 || c.RightFirst < 4 {
		t.Errorf("calibration %+v; want 6 messages with an answer (4 or more right first) and 6 without, none shown", c)
	}
	if err := e.searcher.SaveAnswerCalibration(ctx, c); err != nil {
		t.Fatal(err)
	}
	if got := e.searcher.AnswerMatch(); got != c.Apply(rag.DefaultAnswerMatch) {
		t.Errorf("matching after the calibration: %+v; want %+v", got, c.Apply(rag.DefaultAnswerMatch))
	}
}

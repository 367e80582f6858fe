package rag_test

import (
	"context"
	"testing"

	"github.com/plume-sp/plume/rag"
)

// shortUnrelated are short questions, of the kind a black-box tester
// typed, none about the validated answer of TestShortUnrelatedQuestions
// (a vehicle registration's address after a move): other procedures of
// the demo corpus, some sharing a word with the answer (« adresse »,
// « changer », « en ligne »), and questions out of the corpus.
var shortUnrelated = []string{
	"Comment renouveler mon passeport ?",
	"Quel est le montant du RSA ?",
	"Comment déclarer une naissance ?",
	"J'ai perdu ma carte d'identité",
	"Comment obtenir une carte Vitale ?",
	"Comment demander la prime d'activité ?",
	"Comment m'inscrire sur les listes électorales ?",
	"Comment faire une procuration pour voter ?",
	"Comment demander ma retraite ?",
	"Comment obtenir un extrait de casier judiciaire ?",
	"Qui a droit au chèque énergie ?",
	"Comment renouveler mon titre de séjour ?",
	"Comment échanger un permis de conduire étranger ?",
	"J'ai perdu mon permis de conduire",
	"Comment changer mon adresse email sur mon compte ?",
	"Comment changer de banque ?",
	"Comment demander MaPrimeRénov ?",
	"Quel justificatif de domicile fournir ?",
	"Comment s'inscrire à France Travail ?",
	"Comment déclarer mes revenus en ligne ?",
	"Comment contester une amende de stationnement ?",
	"Comment obtenir un acte de décès ?",
	"Quelles sont les aides pour le logement ?",
	"Comment adopter un chat ?",
	"Quelle est la météo demain à Lyon ?",
	"Horaires de la piscine municipale ?",
	"Comment résilier mon abonnement internet ?",
	"Combien coûte un billet de train pour Paris ?",
	"Où acheter un vélo électrique ?",
	"Comment cuisiner une blanquette de veau ?",
	"Comment réserver une salle des fêtes ?",
	"Quel est le prix du timbre ?",
}

// TestShortUnrelatedQuestions stores one validated answer in the demo
// corpus and matches short questions on other topics, the message's search
// weighing in as in a draft and no model checking the answer: none may
// get it (a black-box tester saw it shown for 5 of 32 such questions). A
// paraphrase of the answer's question still gets it.
func TestShortUnrelatedQuestions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e := newDraftEnv(t)
	answers := e.answers(t).WithSearcher(e.searcher)
	a, err := answers.Create(ctx, rag.AnswerInput{Question: "Comment changer l'adresse de ma carte grise après un déménagement ?",
		Text: "Bonjour,\nVous déclarez votre nouvelle adresse sur le site de l'ANTS, en ligne, dans le mois qui suit votre " +
			"déménagement. Le certificat d'immatriculation mis à jour vous est envoyé par courrier ; la démarche est gratuite.\nCordialement",
		DocumentIDs: []int64{docID(t, e.store, "demo-carte-grise-changement-adresse")}, Service: "ants"}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	shown := 0
	for _, q := range shortUnrelated {
		got, err := answers.Match(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > 0 {
			shown++
			t.Errorf("%q got the answer (score %.3f)", q, got[0].Score)
		}
	}
	t.Logf("short unrelated questions: the answer shown for %d of %d", shown, len(shortUnrelated))
	for _, q := range []string{answerParaphrase, "Comment changer l'adresse sur ma carte grise ?", "carte grise nouvelle adresse"} {
		got, err := answers.Match(ctx, q, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 || got[0].ID != a.ID {
			t.Errorf("%q: got %+v, want answer %d", q, got, a.ID)
		}
	}
}

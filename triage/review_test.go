package triage

import (
	"context"
	"testing"
)

// TestNearlyKilled checks, with the lexicon alone, « failli me tuer »
// (review of session 9's lexicon: someone else's near killing had become
// routine): another person who nearly killed the writer is violence, the
// writer's own near miss is an accident unless despair is next to it.
func TestNearlyKilled(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a husband", "Mon mari a failli me tuer hier soir.", Urgent, []string{CodeViolence}},
		{"an ex", "Mon ex a manqué de me tuer.", Urgent, []string{CodeViolence}},
		{"a car on purpose", "Il a failli me tuer avec sa voiture, il l'a fait exprès.", Urgent, []string{CodeViolence}},
		{"my own, in despair", "J'ai failli me tuer, je n'en peux plus de cette vie.", Urgent, []string{CodeSuicide}},
		{"my own, in the bathtub", "J'ai failli me tuer dans la baignoire hier, je voudrais une aide pour une douche.", Routine, nil},
		{"his slip", "Il a failli me tuer en glissant sur le verglas, on rigole encore.", Routine, nil},
	})
}

// TestElderlyParentReach checks, with the lexicon alone, that an elderly
// parent named sentences before is in danger only when the later sentence
// tells her distress itself (review: questions about an elderly parent's
// rights had become urgent).
func TestElderlyParentReach(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"news of a request", "Ma mère a 82 ans et vit seule. Je voudrais savoir si elle a droit à l'APA. Je n'ai pas de nouvelles de ma demande depuis mars.", Routine, nil},
		{"roller shutters", "Mon père a 80 ans. Il a fait refaire ses volets roulants. Peut-il avoir le crédit d'impôt ?", Routine, nil},
		{"mail piling up in a care home", "Ma mère a 90 ans. Elle est entrée en EHPAD. Le courrier s'accumule chez elle, comment faire suivre ?", Routine, nil},
		{"a fall last year", "Mon père a 78 ans. Il est tombé dans les escaliers l'an dernier. Peut-il avoir une aide pour un monte-escalier ?", Routine, nil},
		{"a landline ended", "Ma grand-mère est âgée. Elle ne répond plus au téléphone fixe, on l'a résilié. Comment récupérer le dépôt de garantie ?", Routine, nil},
		{"no news of her", "Ma mère a 85 ans et vit seule. Je n'ai plus de nouvelles d'elle depuis une semaine.", Urgent, []string{CodeVulnerableAdult}},
		{"silence and shutters", "Ma mère a 85 ans et vit seule. Elle ne répond plus depuis trois jours, les volets sont fermés.", Urgent, []string{CodeVulnerableAdult}},
		{"mail and no news", "Mon oncle a 84 ans. Le courrier s'accumule et pas de nouvelles depuis dix jours.", Urgent, []string{CodeVulnerableAdult}},
	})
}

// TestReviewLevels checks the review's cases with the classifier too:
// call-back requests and one-line questions are routine (the retrained
// model had read some as violence or suicide), the urgent ones stay so.
func TestReviewLevels(t *testing.T) {
	tests := []struct {
		text string
		want Level
	}{
		{"Merci de me rappeler quand vous pourrez, rien d'urgent.", Routine},
		{"Vous pourrez me rappeler ?", Routine},
		{"Merci de me rappeler au 06 quand vous pourrez.", Routine},
		{"Je vous remercie de me rappeler quand vous pourrez.", Routine},
		{"Rappelez-moi quand vous pourrez.", Routine},
		{"Pouvez-vous me rappeler demain ?", Routine},
		{"Je dois renvoyer un justificatif de domicile ?", Routine},
		{"Ma mère a 82 ans et vit seule. Je voudrais savoir si elle a droit à l'APA. Je n'ai pas de nouvelles de ma demande depuis mars.", Routine},
		{"Mon père a 80 ans. Il a fait refaire ses volets roulants. Peut-il avoir le crédit d'impôt ?", Routine},
		{"Ma mère a 90 ans. Elle est entrée en EHPAD. Le courrier s'accumule chez elle, comment faire suivre ?", Routine},
		{"Mon père a 78 ans. Il est tombé dans les escaliers l'an dernier. Peut-il avoir une aide pour un monte-escalier ?", Routine},
		{"Mon mari a failli me tuer hier soir.", Urgent},
		{"Mon ex a manqué de me tuer.", Urgent},
		{"Il a failli me tuer avec sa voiture, il l'a fait exprès.", Urgent},
		{"J'ai failli me tuer, je n'en peux plus de cette vie.", Urgent},
		{"Rappelez-moi vite, il va me tuer.", Urgent},
	}
	for _, tc := range tests {
		if a := Assess(context.Background(), tc.text); a.Level != tc.want {
			t.Errorf("Assess(%q) = %s %v, want %s", tc.text, a.Level, a.Codes(), tc.want)
		}
	}
}

// TestShortMessages checks that a short message's scores weigh as much
// as its evidence (model.shrink): call-back requests in words of no
// training message, which the classifier read as an elderly person in
// danger (« Vous pouvez m'appeler ? ») or violence (« Je rappellerai
// demain. ») before, are routine; a call-back request with a distress in
// it is not.
func TestShortMessages(t *testing.T) {
	tests := []struct {
		text string
		want Level
	}{
		{"Vous pouvez m'appeler ?", Routine},
		{"Je rappellerai demain.", Routine},
		{"Merci de me rappeler quand vous pourrez, rien d'urgent.", Routine},
		{"Bonjour, pourriez-vous me rappeler au 06 12 34 56 78 demain matin ? Cordialement.", Routine},
		{"Rappelez-moi vite, il va me tuer.", Urgent},
		{"Merci de me rappeler, je n'ai plus rien à manger.", Urgent},
	}
	for _, tc := range tests {
		if a := AssessAt(context.Background(), tc.text, evalNow); a.Level != tc.want {
			t.Errorf("AssessAt(%q) = %s %v, want %s", tc.text, a.Level, a.Codes(), tc.want)
		}
	}
}

// TestEvidence checks which words count as evidence: not courtesy, a
// call-back request, a number or a lone letter; not the words of an
// animal away (animalAway), while those of a person, or of an animal
// beside a person, are.
func TestEvidence(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Merci de me rappeler au 06 12 34 56 78 demain matin.", 0},
		{"Bonjour, pourriez-vous me rappeler ? Cordialement.", 0},
		{"Vous pouvez m'appeler ?", 0},
		{"J'attends votre appel.", 3},
		{"Rappelez-moi vite, il va me tuer.", 3},
		{"Mon chat est dehors depuis deux jours.", 0},
		{"Le chien s'est échappé cette nuit.", 0},
		{"Mon chat est dehors depuis deux jours, sinon je voulais savoir pour la carte grise.", 7},
		{"Je suis dehors depuis deux jours.", 5},
		{"Mon chien et moi sommes dehors depuis deux jours.", 8},
		{"Ma fille n'est pas rentrée depuis hier.", 7},
	}
	for _, tc := range tests {
		if got := newMessage(tc.text, evalNow).evidence; got != tc.want {
			t.Errorf("evidence of %q = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// TestNoSituation checks, with the lexicon alone, two families of false
// alarms of the training rounds' routine messages: a message that says it
// tells of nobody's situation (an adviser's note of a poster, a procedure)
// raises nothing but a suicidal cue; a debt repaid in full is over.
func TestNoSituation(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a poster", "Deux collégiennes préparent une affiche sur le harcèlement et demandent le numéro contre le harcèlement. Aucune situation personnelle évoquée.", Routine, nil},
		{"a procedure", "Pour une personne sans domicile stable, le CCAS doit-il accepter l'élection de domicile ? Aucune situation en cours, c'est pour notre procédure.", Routine, nil},
		{"suicide still counts", "Aucune situation personnelle, mais j'ai envie de mourir.", Urgent, []string{CodeSuicide}},
		{"a situation under review", "Son RSA est suspendu (contrôle de situation en cours). Il me frappe depuis hier.", Urgent, []string{CodeViolence}},
		{"the writer's own lack of a situation", "Je n'ai aucune situation personnelle stable. Mon mari me frappe et menace les enfants.", Urgent, []string{CodeViolence, CodeChild}},
		{"a debt repaid in full", "En 2019 j'avais un trop-perçu d'allocation logement que j'ai remboursé en totalité. Comment obtenir une attestation ?", Routine, nil},
		{"nothing owed any more", "La CAF m'avait réclamé un indu, je ne dois plus rien depuis janvier.", Routine, nil},
		{"a debt to repay", "La CAF me réclame un trop-perçu de 800 €, je dois tout rembourser.", Attention, []string{CodeDebt}},
	})
}

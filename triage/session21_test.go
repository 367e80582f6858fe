package triage

import (
	"context"
	"testing"
)

// TestSession21OwnRisk checks, with the whole triage, that an eviction
// the lexicon reads as the writer's own risk (own arrears, own eviction:
// message.ownsRisk) keeps its attention against the classifier's veto,
// beside look-alikes the veto still drops or the lexicon reads as no
// one's (a general question, the rent paid, a son's or a tenant's rent).
func TestSession21OwnRisk(t *testing.T) {
	t.Parallel()
	checkAssess(t, []lexiconCase{
		{"own rent unpaid", "Je ne paie plus mon loyer, comment se passe une procédure d'expulsion ?", Attention, []string{CodeHousingRisk}},
		{"own rent unpaid, plural", "Nous ne pouvons plus payer notre loyer, comment se passe une procédure d'expulsion ?", Attention, []string{CodeHousingRisk}},
		{"own months of arrears", "J'ai trois mois de loyer de retard, comment se passe une procédure d'expulsion ?", Attention, []string{CodeHousingRisk, CodeDebt}},
		{"own eviction sought", "Mon bailleur veut me faire expulser, comment se passe une procédure d'expulsion ?", Attention, []string{CodeHousingRisk}},
		{"a general question", "Comment se passe une procédure d'expulsion ?", Routine, nil},
		{"the rent paid", "Je paie mon loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"a son's rent", "Mon fils ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"a tenant's rent", "Mon locataire ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
	})
}

// TestSession21AnimalAway checks, with the whole triage, that an animal
// outside, gone or lost (animalAway) is no person's danger for the
// classifier, beside the writer outside with an animal, a child not come
// home and a night in a car told after the animal, which keep their
// urgency.
func TestSession21AnimalAway(t *testing.T) {
	t.Parallel()
	checkAssess(t, []lexiconCase{
		{"a cat outside, then a question", "Mon chat est dehors depuis deux jours, sinon je voulais savoir pour la carte grise.", Routine, nil},
		{"a dog gone, then a question", "Mon chien a disparu depuis hier, sinon je voulais savoir pour la carte grise.", Routine, nil},
		{"a cat outside", "Mon chat est dehors depuis deux jours.", Routine, nil},
		{"a dog and the writer outside", "Mon chien et moi sommes dehors depuis deux jours, on n'a nulle part où aller.", Urgent, []string{CodeHousingLoss}},
		{"the writer outside with a cat", "Je suis dehors depuis deux jours avec mon chat, sinon je voulais savoir pour la carte grise.", Urgent, []string{CodeHousingLoss}},
		{"a daughter not come home", "Ma fille de 15 ans n'est pas rentrée depuis hier, sinon je voulais savoir pour la carte grise.", Urgent, []string{CodeChild}},
		{"a cat outside and the writer in a car", "Mon chat est dehors depuis deux jours et moi je dors dans ma voiture depuis lundi.", Urgent, []string{CodeHousingLoss}},
	})
}

// TestAnimalAwayWithAPerson checks that an animal sharing its verb with a
// person keeps its words (final review: « Mes enfants et notre chien sont
// dehors » was made routine), while an animal alone loses them.
func TestAnimalAwayWithAPerson(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		kept bool
	}{
		{" mes enfants et notre chien sont dehors depuis trois nuits ", true},
		{" ma fille et le chien sont dehors depuis deux jours ", true},
		{" bonjour , mon chien est dehors depuis deux nuits ", false},
		{" mon chat est dehors depuis deux jours ", false},
	} {
		if got := withoutAnimalAway(c.text) == c.text; got != c.kept {
			t.Errorf("%q: words kept %v, want %v", c.text, got, c.kept)
		}
	}
	if got := assessLevel(t, "Mes enfants et notre chien sont dehors depuis trois nuits."); got == Routine {
		t.Errorf("children and a dog outside for three nights: routine")
	}
}

// assessLevel is the level the triage gives text.
func assessLevel(t *testing.T, text string) Level {
	t.Helper()
	return Assess(context.Background(), text).Level
}

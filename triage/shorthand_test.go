package triage

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExpandShorthand(t *testing.T) {
	for in, want := range map[string]string{
		" jsuis a la rue ":           " je suis a la rue ",
		" jpp jdors pa ":             " j' en peux plus je dors pas ",
		" ya plus dchauffage ":       " il y a plus dchauffage ",
		" jour jeudi jpeg2 ":         " jour jeudi jpeg2 ",
		" je vais bien merci ":       " je vais bien merci ",
		" tjrs rien pcq jai oublie ": " toujours rien parce que j' ai oublie ",
		" je dor dan ma voiture ":    " je dors dans ma voiture ",
		" il ma tape hier ":          " il m' a tape hier ",
		" ma mere ma fille ":         " ma mere ma fille ",
		" si je reviens il me tu ":   " si je reviens il me tue ",
		" tu es la ":                 " tu es la ",
	} {
		if got := expandShorthand(in); got != want {
			t.Errorf("expandShorthand(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestLexiconNewVoices checks the lexicon on SMS spelling, spoken
// negation, sentences about years ago and other languages.
func TestLexiconNewVoices(t *testing.T) {
	tests := []struct {
		text  string
		level Level
		codes []string
	}{
		{"jsuis a la rue depuis hier soir, jsais pas ou dormir", Urgent, []string{CodeHousingLoss}},
		{"mon copain me frappe pas hein, on se separe juste, qui garde les apl ?", Routine, nil},
		{"Il y a dix ans j'ai dormi dans la rue. Je voudrais devenir bénévole.", Routine, nil},
		{"Mon patron va me tuer si je demande encore un jour pour la préfecture.", Routine, nil},
		// The writer's own « me tuer » is suicidal; someone else's cancels only
		// that cue, and a partner's is a threat (review, 2026-12-01).
		{"je vais me tuer", Urgent, []string{CodeSuicide}},
		{"Bonjour, je n'en peux plus, je vais me tuer ce soir.", Urgent, []string{CodeSuicide}},
		{"Je vais me tuer, je n'ai plus de raison de vivre.", Urgent, []string{CodeSuicide}},
		{"Ma mère va me tuer, je n'ai plus de raison de vivre.", Urgent, []string{CodeSuicide}},
		{"Mon mari va me tuer.", Urgent, []string{CodeViolence}},
		{"Il veut me tuer, il l'a dit devant les enfants.", Urgent, []string{CodeViolence}},
		{"Je vais me tuer à la tâche avec tous ces papiers.", Routine, nil},
		{"jai faim de reussir, je cherche une formation", Routine, nil},
		{"Je prépare un exposé sur les violences conjugales, avez-vous des chiffres ?", Routine, nil},
		{"plus de chauffage pas d'eau chaude depuis hier avec le bebe", Urgent, []string{CodeEnergyCut}},
		{"Bom dia, meu marido me bateu ontem outra vez, tenho medo de voltar.", Urgent, []string{CodeViolence}},
		{"Hola, ayer nos sacaron del hotel y dormimos en la estación con los niños.", Urgent, []string{CodeHousingLoss}},
	}
	for _, tc := range tests {
		a := assessLexicon(newMessage(tc.text, evalNow), tc.text)
		if diff := cmp.Diff(tc.codes, a.Codes()); a.Level != tc.level || diff != "" {
			t.Errorf("lexicon(%q) = %s %v, want %s %v", tc.text, a.Level, a.Codes(), tc.level, tc.codes)
		}
	}
}

// TestReviewedUrgentMessages holds urgent the messages a review of
// 2026-12-01 found routine after that day's lexicon changes (a settled
// phrase that names something else, « un rôle » read as a story, last
// year without a word of what changed since, a farewell opening the
// message, SMS spellings) or before them.
func TestReviewedUrgentMessages(t *testing.T) {
	for _, text := range []string{
		"Mon mari me frappe. C'est réglé pour le loyer mais pas pour ça.",
		"Mon fils de 5 ans est seul à la maison depuis hier, ça va mieux maintenant pour mes papiers",
		"mon mari me frappe, devant les autres il joue un rôle de gentil",
		"l'année dernière j'ai été expulsée et je dors dans ma voiture",
		"Dernier message avant de partir pour toujours",
		"jpp jveu mourir",
		"j'en peux plus jveu mourir",
		"il va me tuer",
		"a child is in danger at home",
		"g plu envi de vivre",
		"jvais me foutre en l air ce soir",
		"l'an dernier mon mari me frappait et maintenant il recommence",
	} {
		if a := Assess(context.Background(), text); a.Level != Urgent {
			t.Errorf("Assess(%q) = %s %v, want urgent", text, a.Level, a.Codes())
		}
	}
	for _, text := range []string{
		"l'an dernier j'ai été expulsée mais depuis j'ai un HLM, je voudrais savoir pour les APL",
		"Mon ex me frappait, c'est de l'histoire ancienne, je voudrais changer de nom",
	} {
		if a := Assess(context.Background(), text); a.Level == Urgent {
			t.Errorf("Assess(%q) = urgent %v, want a settled past", text, a.Codes())
		}
	}
}

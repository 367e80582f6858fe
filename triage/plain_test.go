package triage

import (
	"context"
	"strings"
	"testing"
)

// TestPlainWords covers plainRules and unleet: distress said in the
// plainest words, and cues typed with digits or signs for letters (a
// black-box test of session 13 found every one routine), beside what
// stays routine.
func TestPlainWords(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"no longer wants to live", "Je ne veux plus vivre. Comment faire pour le RSA ?", Urgent, []string{CodeSuicide}},
		{"cannot bear living", "je n'en peux plus de vivre", Urgent, []string{CodeSuicide}},
		{"would rather die", "je préfère mourir que de continuer comme ça", Urgent, []string{CodeSuicide}},
		{"not waking up", "je ne veux plus me réveiller", Urgent, []string{CodeSuicide}},
		{"disappear for ever", "je veux disparaître pour toujours", Urgent, []string{CodeSuicide}},
		{"life has no meaning", "la vie n'a plus aucun sens pour moi", Urgent, []string{CodeSuicide}},
		{"cut veins", "je me suis ouvert les veines", Urgent, []string{CodeSuicide}},
		{"dying is better, with a zero", "m0urir c'est mieux que ça", Urgent, []string{CodeSuicide}},
		{"raped last night", "j'ai été violée hier soir", Urgent, []string{CodeViolence}},
		{"raped, said of a daughter", "ma fille a été violée par son oncle", Urgent, []string{CodeViolence}},
		{"signs for letters", "M0n m@ri me fr@ppe", Urgent, []string{CodeViolence}},
		{"thinks of suicide", "L'usager pense au suicide.", Urgent, []string{CodeSuicide}},
		{"considers suicide", "j'envisage le suicide", Urgent, []string{CodeSuicide}},
		{"suicide the only option", "le suicide est ma seule option", Urgent, []string{CodeSuicide}},
		{"an attempt noted TS", "a fait une TS le mois dernier", Urgent, []string{CodeSuicide}},
		{"no longer wants to exist", "je ne veux plus exister", Urgent, []string{CodeSuicide}},
		{"what is the point of living", "à quoi bon continuer à vivre", Urgent, []string{CodeSuicide}},
		{"pu for plus", "j'veux pu vivre", Urgent, []string{CodeSuicide}},
		{"se faire violer", "je me fais violer par mon mari", Urgent, []string{CodeViolence}},
		{"se faire frapper", "je me suis fait frapper par mon mari", Urgent, []string{CodeViolence}},
		{"VIF", "victime de VIF", Urgent, []string{CodeViolence}},
		{"a weapon threatened", "menace de venir avec une arme", Urgent, []string{CodeViolence}},
		{"a baby without milk", "bébé sans lait", Urgent, []string{CodeFood}},
		{"no more food", "plus de nourriture", Urgent, []string{CodeFood}},
		{"on the street, noted", "à la rue", Urgent, []string{CodeHousingLoss}},
		{"homeless", "SDF, pas d'adresse postale", Urgent, []string{CodeHousingLoss}},
		{"a brother's suicide is a bereavement", "mon frère s'est suicidé, comment déclarer le décès ?", Attention, []string{CodeBereavement}},
		// what stays routine
		{"no longer wants to live in a flat", "je ne veux plus vivre dans ce logement insalubre, comment demander un HLM ?", Routine, nil},
		{"a son leaving his father's", "Mon fils ne veut plus vivre chez son père", Routine, nil},
		{"done with a file", "je veux en finir avec ce dossier", Routine, nil},
		{"a cake, not a weapon", "Ils sont tous venus avec une tarte", Routine, nil},
		{"a school talk on the homeless", "je prépare un exposé sur les SDF", Routine, nil},
		{"a lively interest", "un vif intérêt pour ce poste", Routine, nil},
		{"a law broken", "il a violé la loi en louant sans bail", Routine, nil},
		{"rights violated", "mes droits ont été violés par la caisse", Routine, nil},
		{"off the files", "je veux disparaître de vos fichiers", Routine, nil},
		{"cannot wake up in the morning", "je n'arrive pas à me réveiller le matin pour le travail", Routine, nil},
		{"a film's topic", "Le film parle de violences conjugales, comment obtenir une carte grise ?", Routine, nil},
		{"an e-mail address", "écrivez à jean@gmail.com ou au 0612345678", Routine, nil},
	})
}

// TestShortNotesNotUrgent checks that the model alone makes no short note
// urgent (minUrgentEvidence): an agent's « personne sourde » was urgent
// for suicide, with an emergency template, while the lexicon's urgent
// cues still count in a short text.
func TestShortNotesNotUrgent(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Level
	}{
		{"personne sourde", Attention},
		{"rappeler demain, personne sourde", Attention},
		{"personne en fauteuil", Attention},
		{"veuve depuis mars", Attention},
		{"Rappeler la personne demain, elle est sourde", Attention},
		{"hébergée chez sa soeur", Attention}, // the model's urgent reading, of a short text
		{"huissier demain matin", Attention},
		{"plus à manger depuis trois jours", Urgent},
		{"je veux me suicider", Urgent},
	} {
		if got := AssessAt(context.Background(), tc.text, evalNow).Level; got != tc.want {
			t.Errorf("Assess(%q) = %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestUnleet(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"m0n m@ri", "mon mari"},
		{"su1cider", "suicider"},
		{"n3refch", "n3refch"},
		{"0612 345", "0612 345"},
		{"a0", "a0"},
	} {
		if got := unleet(tc.in); got != tc.want {
			t.Errorf("unleet(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPlainWordsReview covers the diff review of session 13: a street
// named « à la rue … », a suicide attempt a year ago, a question about
// infant milk; and a sentence repeating a cue that others cancels (each
// match read the others' matches anew: seconds at 20 KB; now found once).
func TestPlainWordsReview(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a street", "A la rue Jean Jaurès il y a un nid de poule, qui contacter ?", Routine, nil},
		{"an attempt a year ago", "Mon fils a fait une TS l'an dernier, comment renouveler ?", Routine, nil},
		{"infant milk refunded", "Le bébé sans lait : est-ce que la CAF rembourse le lait infantile ?", Routine, nil},
		{"a cut named with its supply", "coupure électricité demain, bébé de 2 mois", Urgent, []string{CodeEnergyCut}},
		{"a cut for works", "coupure de courant prévue le 3 mars pour travaux", Routine, nil},
		{"on the street since yesterday", "à la rue depuis hier avec mes enfants", Urgent, []string{CodeHousingLoss}},
	})
	long := strings.Repeat("je ne veux plus vivre dans ce logement ", 2000)
	if a := assessLexiconOnly(labelled{Text: long}); a.Level == Urgent {
		t.Errorf("a flat left two thousand times is urgent: %v", a.Codes())
	}
}

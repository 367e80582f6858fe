package triage

import "testing"

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
		// what stays routine
		{"a law broken", "il a violé la loi en louant sans bail", Routine, nil},
		{"rights violated", "mes droits ont été violés par la caisse", Routine, nil},
		{"off the files", "je veux disparaître de vos fichiers", Routine, nil},
		{"cannot wake up in the morning", "je n'arrive pas à me réveiller le matin pour le travail", Routine, nil},
		{"a film's topic", "Le film parle de violences conjugales, comment obtenir une carte grise ?", Routine, nil},
		{"an e-mail address", "écrivez à jean@gmail.com ou au 0612345678", Routine, nil},
	})
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

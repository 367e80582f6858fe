package triage

import "testing"

// TestSession15Lexicon checks, with the lexicon alone, the cues session 15
// reads or stops reading (from the honest rounds' tuning halves and one
// training round), both sides.
func TestSession15Lexicon(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a medical history in a note", "ATCD : diabète type 2 insulinotraité, HTA, pontage coronarien 2018.", Routine, nil},
		{"insulin run out, in English", "My insulin ran out yesterday and the pharmacy won't give me more.", Urgent, []string{CodeHealth, CodeLanguage}},
		{"insulin to run out, in Portuguese", "A insulina acaba amanhã, hoje à noite é a última dose.", Urgent, []string{CodeHealth}},
		{"no injection for days", "Mme 80 ans, diabétique. Dit ne plus s'injecter depuis 5 jours pour faire durer le dernier stylo.", Urgent, []string{CodeHealth}},
		{"a box made to last", "Je coupe mes cachets en deux pour faire durer la boîte.", Urgent, []string{CodeHealth}},
		{"a treatment made to last as prescribed", "Je prends mes cachets pour faire durer le traitement comme le médecin a dit.", Routine, nil},
		{"learning to inject", "Je ne sais pas comment m'injecter, qui peut me montrer ?", Routine, nil},
		{"a care form without the card", "Est-ce que je peux quand même être remboursé sans la carte, avec une feuille de soins papier ?", Routine, nil},
		{"care refused without the card", "La pharmacie refuse les soins sans la carte, mon fils a 40 de fièvre.", Urgent, []string{CodeHealth}},
		{"someone seen sleeping outside", "Est-ce qu'un élève peut appeler le 115 s'il voit quelqu'un dormir dehors quand il fait très froid ?", Routine, nil},
		{"sleeping outside oneself", "Depuis hier je dors dehors avec mon fils.", Urgent, []string{CodeHousingLoss}},
		{"a signature not understood", "(note FS) Mme, 79 a, troubles mnésiques apparents (repose 4 fois la même question). Accompagnée par un « ami » qui demande procuration sur son compte. Mme ne semble pas comprendre ce qu'elle signe.", Urgent, []string{CodeVulnerableAdult}},
		{"a power of attorney for a mother", "Ma mère a 85 ans, je voudrais une procuration sur son compte bancaire, quels papiers ?", Routine, nil},
		{"a question asked four times by the user", "Mme 70 ans, repose 4 fois la même question sur la pension, rassurée.", Routine, nil},
		{"a question asked four times to the service", "J'ai posé 4 fois la même question et personne ne répond.", Attention, []string{CodeRepeatedFailure}},
		{"the last day on Friday, in Portuguese", "Tenho 2 meses para contestar, mas a carta é de 2 meses atrás, o último dia é sexta-feira.", Urgent, []string{CodeLegalDeadline}},
		{"the last day of a sale, in Portuguese", "O último dia é sexta-feira para a promoção da loja?", Routine, nil},
		{"not understanding written French, in Portuguese", "Eu não percebo bem francês escrito, podem ajudar?", Attention, []string{CodeLanguage}},
		{"broken English", "bonjour madam, me no good french. i receive letter from impots, i not understand.", Attention, []string{CodeLanguage}},
	})
}

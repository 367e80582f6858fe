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
		{"a power cut at the office", "Note: coupure de courant au bureau, rappeler l'usager.", Routine, nil},
		{"a power cut at home tomorrow", "Coupure de courant demain chez moi, facture impayée, bébé de 2 mois.", Urgent, []string{CodeDebt, CodeEnergyCut}},
		{"broken English", "bonjour madam, me no good french. i receive letter from impots, i not understand.", Attention, []string{CodeLanguage}},
	})
}

// TestSession15ShortNotes checks, with the classifier, the false alarms
// of advisers' short notes that session 15 mends: a note made urgent by
// the model alone under minAloneEvidence words, a name written in its own
// script read as a language barrier; and the messages beside them that
// keep their level.
func TestSession15ShortNotes(t *testing.T) {
	checkAssess(t, []lexiconCase{
		{"letters unanswered, a file suspended", "Note: ne répond plus aux courriers de la CAF, dossier suspendu.", Attention, []string{CodeRepeatedFailure}},
		{"a name in Cyrillic", "Mme Олена Шевченко", Routine, nil},
		{"two names in Cyrillic", "Note : Mme Олена Шевченко, M. Андрій Шевченко.", Routine, nil},
		{"a name in Greek", "Γιώργος Παπαδόπουλος", Routine, nil},
		{"names in Latin letters", "Note : Mme KOUASSI Aminata, M. Benali Karim, Mme Nguyen Thi Lan.", Routine, nil},
		{"a message in Russian", "Здравствуйте, мне нужна помощь.", Attention, []string{CodeLanguage}},
		{"a name, then a message in Russian", "Я Олена Шевченко, мне нужна помощь.", Attention, []string{CodeLanguage}},
		{"a shout in capitals", "ПОМОГИТЕ МНЕ", Attention, []string{CodeLanguage}},
	})
}

// TestBestSentenceTells checks that the model's reason points to a
// sentence that tells something, not to a signature, whichever sub-model
// reads it; a message of short sentences only still gets one.
func TestBestSentenceTells(t *testing.T) {
	m := defaultModel()
	text := "Quiero presentar una queja. Me gritó delante de todos.\n\nLucía Fernández"
	msg := newMessage(text, evalNow)
	for j, name := range m.header.Models {
		start, end := m.bestSentence(msg, j)
		if got := text[start:end]; got == "Lucía Fernández" {
			t.Errorf("sub-model %s: reason on the signature %q", name, got)
		}
	}
	short := "Merci.\n\nLucía Fernández"
	if start, end := m.bestSentence(newMessage(short, evalNow), firstCode); end <= start {
		t.Errorf("a message of short sentences: no sentence [%d, %d)", start, end)
	}
}

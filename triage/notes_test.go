package triage

import "testing"

// TestNoteRules checks, with the lexicon alone, an adviser's telegraphic
// notes of urgent needs (noteRules), and the routine notes that use the
// same words beside them.
func TestNoteRules(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"someone else wants to end it", "note: usager veut en finir, a acheté des médicaments", Urgent, []string{CodeSuicide}},
		{"talks of ending it", "Usagère reçue ce matin, parle d'en finir depuis le décès de son fils.", Urgent, []string{CodeSuicide}},
		{"talks of ending his days", "Usager parle de mettre fin à ses jours.", Urgent, []string{CodeSuicide}},
		{"dark thoughts and a plan", "Note : idées noires, a un plan.", Urgent, []string{CodeSuicide}},
		{"ending a file", "l'usager veut en finir avec ce dossier", Routine, nil},
		{"ending his mother's file", "Je veux en finir avec son dossier de carte grise, que faut-il signer ?", Routine, nil},
		{"ending his retirement file", "Usager veut en finir avec son dossier de retraite, question sur la pension de réversion.", Routine, nil},
		{"grandmother fallen, unreachable", "mamie seule, tombée, injoignable", Urgent, []string{CodeVulnerableAdult, CodeHealth}},
		{"demented and wandering", "M. 90a, seul, dément, errance", Urgent, []string{CodeVulnerableAdult}},
		{"fallen, no answer", "Mme X, 82 ans, seule, chutée, ne répond plus.", Urgent, []string{CodeVulnerableAdult, CodeHealth}},
		{"on the floor since last night", "Mr 84a isolé, tombé, au sol depuis hier soir", Urgent, []string{CodeVulnerableAdult, CodeHealth}},
		{"disoriented", "Mme 87 ans désorientée, voisine l'a ramenée chez elle hier soir.", Urgent, []string{CodeVulnerableAdult}},
		{"alone and unreachable", "Voisin signale : monsieur vit seul, injoignable depuis lundi.", Urgent, []string{CodeHealth}},
		{"hair falling out", "Mme 78 ans, chute de cheveux suite traitement, question mutuelle.", Routine, nil},
		{"a car broken down", "Mme 80 ans, voiture tombée en panne, aide transport ?", Routine, nil},
		{"a date that falls on a Monday", "M. 85 ans, la date tombe un lundi, paiement décalé ?", Routine, nil},
		{"an old man moving", "M. 90 ans veut changer d'adresse", Routine, nil},
		{"letters unanswered", "ne répond plus aux courriers de la CAF", Routine, nil},
		{"an old man's letters unanswered", "M. 83 ans ne répond plus aux courriers de la CAF, dossier suspendu.", Routine, nil},
		{"a service unreachable", "Mme 81 ans, CAF injoignable depuis 3 semaines.", Routine, nil},
		{"a floor's heating", "M. 88a, demande aide chauffage au sol.", Routine, nil},
		{"disoriented by a website", "Mme 79 ans, désorientée par la démarche en ligne.", Routine, nil},
		{"a fall already cared for", "M. 92 ans, hospitalisé après une chute, question APA.", Routine, nil},
		{"a teenager on the street", "ado 14 ans à la rue depuis hier", Urgent, []string{CodeHousingLoss, CodeChild}},
		{"a teenager thrown out", "ado 16 ans mis dehors par son père", Urgent, []string{CodeHousingLoss, CodeChild}},
		{"a minor alone for days", "jeune 17 ans seul depuis 3 jours", Urgent, []string{CodeChild}},
		{"a son run away", "fils de 15 ans en fugue depuis samedi", Urgent, []string{CodeChild}},
		{"a teenager's identity card", "ado de 14 ans, question sur la carte d'identité", Routine, nil},
		{"a teenager alone in a team", "ado 15 ans, stage en entreprise, seul dans l'équipe", Routine, nil},
		{"a former homeless man rehoused", "ancien SDF, relogé depuis 2019", Routine, nil},
	})
}

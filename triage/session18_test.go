package triage

import "testing"

// TestSession18OutOfPlace checks, with the lexicon and with the whole
// triage, the readings message.outOfPlace gives the energy, housing and
// debt rules (a cut for works, a landlord's tenant, the writer's own
// home), each beside its twin that keeps its level. The review of
// session 18 asked to move them into the rules' others; they stay in
// outOfPlace (see there): the cancelled cases below that no cue span
// overlaps, or that another sentence decides, are the ones others could
// not read.
func TestSession18OutOfPlace(t *testing.T) {
	tests := []lexiconCase{
		// A cut for works named in the sentence (plannedCutRe), away from
		// the cue: « intervention technique » overlaps no cut cue.
		{"a cut for a technical intervention", "L'électricité sera coupée jeudi pour une simple intervention technique.", Routine, nil},
		{"a cut on Thursday", "L'électricité sera coupée jeudi.", Urgent, []string{CodeEnergyCut}},
		// A cut for works named back in the next sentence (thatCutRe).
		{"a cut for works, then the cut named back", "Enedis annonce une coupure de courant le 14 juin pour travaux. Pendant la coupure, l'électricité sera coupée de 8 h à 12 h.", Routine, nil},
		{"a cut named back with no works before", "Pendant la coupure, l'électricité sera coupée de 8 h à 12 h.", Attention, []string{CodeEnergyRisk}},
		// An unpaid bill in the sentence keeps its cut (unpaidRe).
		{"works and a cut for an unpaid bill", "Il y a une intervention technique jeudi, et l'électricité sera coupée lundi pour une facture impayée.", Urgent, []string{CodeEnergyCut, CodeDebt}},
		{"works and a cut", "Il y a une intervention technique jeudi, et l'électricité sera coupée lundi.", Routine, nil},
		// A landlord (landlordRe in another sentence) telling of the
		// tenant's rent: the tenant's eviction and debts.
		{"a landlord asking about the tenant's eviction", "Je loue mon studio à un étudiant. Il ne paie plus son loyer, comment se passe une procédure d'expulsion ?", Routine, nil},
		{"a tenant asking about an eviction", "Je ne paie plus mon loyer, comment se passe une procédure d'expulsion ?", Attention, []string{CodeHousingRisk}},
		{"a landlord's tenant in debt", "Je loue mon studio à un étudiant. Il a des dettes de loyer de 3 000 €, que faire ?", Routine, nil},
		{"a tenant in debt", "J'ai des dettes de loyer de 3 000 €, que faire ?", Attention, []string{CodeDebt}},
		{"a landlord who is a tenant too", "Je loue mon garage à un voisin. Mon propriétaire veut m'expulser vendredi pour des loyers impayés.", Urgent, []string{CodeHousingLoss, CodeDebt}},
		// The writer's own home (ownHomeRe) in a sentence about the
		// tenant: the writer's eviction.
		{"a landlord evicted from the writer's own home", "Je loue mon studio à un étudiant qui ne paie plus son loyer, et on m'expulse de mon logement vendredi.", Urgent, []string{CodeHousingLoss}},
		{"a landlord telling of the tenant's eviction", "Je loue mon studio à un étudiant qui ne paie plus son loyer, et il parle d'une expulsion vendredi.", Routine, nil},
		{"a landlord evicted from the writer's own flat", "Je loue mon studio à un étudiant. Il ne paie plus son loyer et moi je suis expulsée de mon appartement lundi.", Urgent, []string{CodeHousingLoss}},
		{"a landlord's tenant evicted", "Je loue mon studio à un étudiant. Il ne paie plus son loyer et il sera expulsé lundi.", Routine, nil},
	}
	checkLexicon(t, tests)
	checkAssess(t, tests)
}

// TestSession18FalseAlarms checks, with the lexicon alone, the families
// of routine messages session 18 stops raising (read on the honest
// rounds' tuning halves), each beside a twin that keeps its level.
func TestSession18FalseAlarms(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a bill that nearly killed him", "Mon mari a failli me tuer quand il a vu la facture d'eau. Comment étaler le paiement ?", Routine, nil},
		{"a husband who nearly killed her", "Mon mari a failli me tuer hier soir, j'ai peur de rentrer.", Urgent, []string{CodeViolence}},
		{"a joke, then more seriously", "Mon frère va me frapper quand il verra ça ! Plus sérieusement, comment déclarer un don familial ?", Routine, nil},
		{"a joke, then more seriously, a blow", "Mon mari va me tuer quand il verra la note du garagiste ! Plus sérieusement, il m'a frappée hier soir.", Urgent, []string{CodeViolence}},
		{"more seriously in English", "My wife will beat me when she sees the tax bill! More seriously, can I pay in three instalments?", Routine, nil},
		{"a blow, then « en serio » stressing it", "Mi marido me pega todos los días. En serio, tengo mucho miedo.", Urgent, []string{CodeViolence, CodeLanguage}},
		{"a blow, then « joking aside » stressing it", "My husband hits me every night. Joking aside, I am really scared.", Urgent, []string{CodeViolence, CodeLanguage}},
		{"a hunt", "Mon oncle veut m'emmener en battue aux sangliers, faut-il un permis de chasser ?", Routine, nil},
		{"a beaten woman", "Ma voisine est battue par son mari, je l'entends crier.", Urgent, []string{CodeViolence}},
		{"a pension one receives", "Ma fille de 30 ans touche une petite pension de réversion, doit-elle la déclarer ?", Routine, nil},
		{"a child touched", "Ma fille de 8 ans dit que son beau-père la touche.", Urgent, []string{CodeChild}},
		{"a fear of more loans", "On a usurpé mon identité, j'ai peur qu'ils fassent d'autres crédits.", Attention, []string{CodeFraud}},
		{"a fear of more accounts", "Mon compte a été piraté, j'ai peur qu'il y ait d'autres comptes ouverts à mon nom.", Attention, []string{CodeFraud}},
		{"a fear of him", "J'ai peur qu'il revienne ce soir, il m'a menacée.", Urgent, []string{CodeViolence}},
		{"a fear of an eviction this winter", "J'ai 3 mois de loyer de retard et j'ai peur qu'on soit expulsés cet hiver.", Attention, []string{CodeDebt, CodeHousingRisk}},
		{"a bailiff the landlord would hire", "Je loue un studio à un étudiant. Faut-il passer par un commissaire de justice pour récupérer les clés ?", Routine, nil},
		{"a bailiff at the writer's door", "Un commissaire de justice est venu chez moi pour une dette de 2 000 €.", Attention, []string{CodeDebt}},
		{"a thesis in English", "I'm writing my thesis on domestic violence in rural areas, do you have figures?", Routine, nil},
		{"domestic violence in English", "I am a victim of domestic violence and need to leave tonight.", Urgent, []string{CodeViolence, CodeLanguage}},
		{"a school project in Spanish", "Mi hija hace un proyecto sobre la violencia de género, ¿tienen folletos?", Routine, nil},
		{"a beating in Spanish", "Mi marido me pega todos los días.", Urgent, []string{CodeViolence, CodeLanguage}},
	})
}

// TestSession18Needs checks, with the lexicon alone, the urgent needs and
// the attention session 18 reads (the honest rounds' tuning halves),
// each beside a twin that stays routine.
func TestSession18Needs(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"no meal since Friday in Portuguese", "Eu não como desde sexta, dei o último pacote de massa aos meus filhos.", Urgent, []string{CodeFood}},
		{"a meal question in Portuguese", "Eu como na cantina da empresa, posso declarar as refeições?", Routine, nil},
		{"rice only in Spanish", "Llevo tres días comiendo solo arroz y ya se acabó.", Urgent, []string{CodeFood}},
		{"no meal since Tuesday in Spanish", "No como desde el martes, no tengo dinero.", Urgent, []string{CodeFood}},
		{"an appeal of fifteen days, today's date told", "J'ai reçu une obligation quitter le territoire. Il faut faire recours mais c'est seulement 15 jours ? Aujourd'hui c'est le 28 novembre.", Urgent, []string{CodeLegalDeadline}},
		{"an appeal asked of in general", "Combien de temps pour faire un recours contre un refus de RSA ?", Routine, nil},
		{"a loan never asked for", "Je reçois des lettres pour un prêt de 5 000 € que je n'ai jamais demandé.", Attention, []string{CodeFraud}},
		{"a loan asked for", "Je voudrais demander un prêt à taux zéro pour ma maison.", Routine, nil},
		{"a contract opened with a copy of a passport", "Un abonnement a été ouvert avec une copie de mon passeport.", Attention, []string{CodeFraud}},
	})
}

// TestSession18Foreign checks, with the whole triage, the classifier's
// readings of messages in Spanish and Portuguese (message.iberian): a
// plain question it read as a language barrier stays routine, the
// writer who says French is hard is one (by the lexicon).
func TestSession18Foreign(t *testing.T) {
	checkAssess(t, []lexiconCase{
		{"a carte Vitale asked in Portuguese",
			"Olá, trabalho em Lyon há 3 meses numa padaria. Já tenho o número de segurança social mas ainda não recebi o cartão Vitale. Como faço para pedir? Preciso mandar uma foto? Obrigado, Paulo",
			Routine, nil},
		{"a driving licence asked in Spanish",
			"Hola, me mudé a Lille hace 5 meses por trabajo y tengo el carnet de conducir de Colombia. ¿Tengo que cambiarlo o puedo seguir conduciendo con el mío? Un compañero dice que es obligatorio antes de un año. También quería saber si puedo hacer el trámite en línea. Muchas gracias, Andrés",
			Routine, nil},
		{"French hard for a writer in Portuguese",
			"Olá, não falo bem francês e não entendo a carta da CAF. Como faço para pedir ajuda? Obrigada, Ana",
			Attention, []string{CodeLanguage}},
	})
}

package triage

import "testing"

// TestSession16English checks, with the lexicon alone, the urgent needs
// told in English that session 16 reads (the classifier does not read
// English: these messages are the lexicon's), both sides.
func TestSession16English(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"no insulin for days", "He's 79, diabetic, and he has had no insulin for 3 days.", Urgent, []string{CodeHealth}},
		{"no more insulin left", "She has no more insulin left.", Urgent, []string{CodeHealth}},
		{"an insulin pen not covered", "There is no insulin pen in the list of covered devices?", Routine, nil},
		{"medication not taken for a week", "He hasn't taken his heart medication for a week because he can't pay.", Urgent, []string{CodeHealth}},
		{"bleeding", "She is bleeding a lot and the ambulance didn't come.", Urgent, []string{CodeHealth, CodeLanguage}},
		{"a hearing aid", "My hearing aid broke, I have an appointment on Friday.", Routine, nil},
		{"an empty fridge, a meal skipped", "Since Tuesday there is nothing left in the fridge, I gave the last pasta to my two kids yesterday and I did not eat.", Urgent, []string{CodeFood, CodeLanguage}},
		{"a cake not eaten", "I did not eat the cake you sent.", Routine, nil},
		{"children on bread alone", "The children have been eating only bread since Tuesday.", Urgent, []string{CodeFood}},
		{"a child asking for food", "This morning he asked me through the fence for something to eat.", Urgent, []string{CodeFood, CodeLanguage}},
		{"a child left alone for days", "My neighbours' little boy, maybe 5 or 6, seems to have been left alone in the house for three days now.", Urgent, []string{CodeChild, CodeLanguage}},
		{"a son not home for days", "My son is 15 and he hasn't come home for three days.", Urgent, []string{CodeChild, CodeLanguage}},
		{"an old neighbour who does not open", "She is 84 and lives alone on the 3rd floor. Today she didn't open the door when I knocked, I can hear the TV but no answer.", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"an old father confused", "My father is 79 and lives alone. He sounded confused on the phone this morning.", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"an old neighbour who is well", "My neighbour is 84 and lives alone, she asked me to help her with her tax return.", Routine, nil},
		{"a threat to kill", "He threatened to kill me if I leave.", Urgent, []string{CodeViolence}},
		{"a hearing tomorrow", "My court hearing is tomorrow and I have no lawyer.", Urgent, []string{CodeLegalDeadline, CodeLanguage}},
		{"a hearing in months", "The court hearing is in three months, what documents do I need?", Routine, nil},
		{"an appeal lost years ago", "I lost my appeal in 2019, now I want to renew my card.", Routine, nil},
		{"no food, in Portuguese", "Não temos comida para as crianças.", Urgent, []string{CodeFood}},
	})
}

// TestSession16FalseAlarms checks, with the lexicon alone, the routine
// messages session 16 stops raising (a topic in English, others' anger,
// a question whether a letter is a scam, a rehousing long done, an
// ultimatum to the administration, thanks for patience, a long
// widowhood, a scolding promised), and the urgent or attention messages
// beside them that keep their level.
func TestSession16FalseAlarms(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"leaflets about violence", "We'd like to put information leaflets about domestic violence and the 3919 helpline in our common room.", Routine, nil},
		{"a workshop on violence", "We are organising a workshop on domestic violence next month, can you send posters?", Routine, nil},
		{"a workshop, then a husband who hits", "We did a training on violence, and my husband hits me.", Urgent, []string{CodeViolence}},
		{"on as a French pronoun", "Pendant la formation on m'a frappée.", Urgent, []string{CodeViolence}},
		{"others' angry messages", "Je lis beaucoup de messages en colère ici, alors je voulais en laisser un autre genre.", Routine, nil},
		{"the writer's anger", "Je suis en colère contre votre service.", Attention, []string{CodeComplaint}},
		{"is it a scam?", "Est ce que c'est une arnaque ou c'est vrai ?", Routine, nil},
		{"a scam asked about, a code given", "Est-ce une arnaque ? J'ai donné mon code de carte bancaire au téléphone.", Attention, []string{CodeFraud}},
		{"rehoused long ago", "Dans la nuit du 3 mars 2023 nous avons été hébergés en urgence. Nous sommes relogés depuis longtemps et tout va bien. Notre assureur demande aujourd'hui une attestation de cet hébergement d'urgence.", Routine, nil},
		{"rehoused at a hotel, out tomorrow", "Nous sommes relogés depuis lundi à l'hôtel mais on doit partir demain, je ne sais pas où dormir.", Urgent, []string{CodeHousingLoss}},
		{"on the street since a date", "Nous sommes à la rue depuis le 3 mars 2023.", Urgent, []string{CodeHousingLoss}},
		{"an ultimatum to the administration", "Je vous informe qu'à défaut de réponse motivée sous quinze jours, mon avocat a reçu mandat de saisir le tribunal administratif.", Attention, []string{CodeLegalThreat}},
		{"an appeal to file within a fortnight", "Je dois déposer mon recours sous quinze jours sinon c'est forclos.", Urgent, []string{CodeLegalDeadline}},
		{"nowhere to go in six months", "Je dois partir au 30 septembre (c'est dans 6 mois). Je n'ai que ma petite retraite, je ne sais pas où aller.", Attention, []string{CodeHousingRisk}},
		{"nowhere to go now", "On m'a mis dehors avec mes enfants, je ne sais pas où aller.", Urgent, []string{CodeHousingLoss}},
		{"nowhere to sleep", "Je ne sais pas où dormir.", Urgent, []string{CodeHousingLoss}},
		{"explained twice, with patience", "Elle a été très patiente et m'a tout expliqué deux fois sans jamais soupirer.", Routine, nil},
		{"three calls, a patient lady", "J'ai appelé trois fois et personne ne répond, la dame était patiente mais rien n'avance.", Attention, []string{CodeRepeatedFailure}},
		{"a widow for ten years", "Je suis veuve depuis dix ans et je vis seule.", Routine, nil},
		{"a widow since February", "Je suis veuve depuis février, mon mari est mort d'un cancer.", Attention, []string{CodeBereavement}},
		{"a widow long, a son just dead", "Je suis veuve depuis dix ans et mon fils est décédé la semaine dernière.", Attention, []string{CodeBereavement}},
		{"a scolding promised", "Mon fils va me tuer si je rate encore son inscription.", Routine, nil},
		{"a threat if the writer leaves", "Mon mari va me tuer si je pars, il me l'a dit hier.", Urgent, []string{CodeViolence}},
		{"expelled from a swimming pool", "J'ai été expulsé de la piscine parce que je n'avais pas de bonnet, c'est légal ?", Routine, nil},
		{"evicted on Tuesday", "On va être expulsés de l'appartement mardi.", Urgent, []string{CodeHousingLoss}},
	})
}

// TestSession16Hidden checks, with the lexicon alone, urgent needs told
// in passing that session 16 reads: a lack in a list (« ni d'insuline »),
// a blow « encore » given, a former partner waiting every evening,
// sleeping at a friend's, and a minor who tells a violence (child at risk
// beside it, as every such training message is labelled).
func TestSession16Hidden(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"no strips nor insulin", "Je suis diabétique et je n'ai plus de bandelettes ni d'insuline depuis vendredi.", Urgent, []string{CodeHealth}},
		{"hit again, a minor", "g 15 ans, mon beau-père m'a encore frappé hier soir.", Urgent, []string{CodeViolence, CodeChild}},
		{"hit again, an adult", "Il m'a encore frappée hier soir.", Urgent, []string{CodeViolence}},
		{"never hit", "Il ne m'a jamais frappé.", Routine, nil},
		{"years of contributions, a neighbour who hit", "J'ai 15 ans de cotisations et mon voisin m'a frappé hier.", Urgent, []string{CodeViolence}},
		{"a minor, in English", "I'm 15 and my dad hits me.", Urgent, []string{CodeViolence, CodeChild}},
		{"a former partner waiting every evening", "Mon ex m'attend tous les soirs devant le travail, je n'ose plus sortir.", Urgent, []string{CodeViolence}},
		{"a former partner no longer waiting", "Mon ex ne m'attend plus devant le travail, tout va bien.", Routine, nil},
		{"sleeping at a friend's", "On dort chez une copine depuis que le proprio a changé la serrure.", Urgent, []string{CodeHousingLoss, CodeHousingRisk}},
	})
}

// TestSession16Window checks, with the lexicon alone, a time to act
// counted from a letter (window.go): its end is days away when the time
// since the letter nearly fills it, weeks away otherwise, and a deadline
// already passed is no time to act.
func TestSession16Window(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a month from a date", "J'ai reçu le jugement le 5 novembre, j'ai un mois pour faire appel.", Urgent, []string{CodeLegalDeadline}},
		{"a month from days ago", "J'ai reçu la décision il y a 25 jours et j'ai un mois pour contester.", Urgent, []string{CodeLegalDeadline}},
		{"a month from days ago, in English", "My friend says I have one month to appeal. The letter was sent 27 days ago.", Urgent, []string{CodeLegalDeadline, CodeLanguage}},
		{"a time limit from a date", "La lettre date du 10 novembre, le délai de recours est de un mois.", Urgent, []string{CodeLegalDeadline}},
		{"two months from days ago", "J'ai reçu la décision il y a 3 jours et j'ai deux mois pour contester.", Routine, nil},
		{"a month from yesterday", "J'ai reçu le jugement hier, j'ai un mois pour faire appel.", Routine, nil},
		{"a time limit passed", "Bonjour, j'ai complètement oublié la taxe foncière, la date limite était il y a trois jours.", Routine, nil},
	})
}

// TestSession16Figures checks, with the lexicon and with the whole
// triage, the figures of speech issue 16 found raised (a hunger for
// knowledge or justice, a knock at the door, a quoted film title, a child
// hungry in the morning asked a school breakfast for), and the close real
// cases that stay urgent.
func TestSession16Figures(t *testing.T) {
	tests := []lexiconCase{
		{"a hunger for knowledge", "Mon fils a faim de connaissances, il veut s'inscrire à l'université", Routine, nil},
		{"a hunger for justice", "J'ai faim de justice", Routine, nil},
		{"a knock at the door", "Ma fille se fait frapper à la porte par les démarcheurs", Routine, nil},
		{"a quoted film title", "Le film « Les enfants ont faim » est-il subventionné ?", Routine, nil},
		{"a school breakfast", "Mon enfant a faim le matin, peut-il avoir un petit-déjeuner à la cantine ?", Routine, nil},
		{"children hungry for days", "mes enfants ont faim, je n'ai plus rien depuis trois jours", Urgent, []string{CodeChild, CodeFood}},
		{"children hungry, and more", "mes enfants ont faim, de plus je n'ai plus de travail", Urgent, []string{CodeChild, CodeFood}},
		{"a husband beating the children", "mon mari frappe les enfants", Urgent, []string{CodeViolence, CodeChild}},
		{"a blow to the head", "il m'a frappée à la tête", Urgent, []string{CodeViolence}},
		{"beaten at the school gate", "Ma fille se fait frapper à la porte de l'école", Urgent, []string{CodeChild, CodeViolence}},
		{"nothing eaten since yesterday", "on n'a rien mangé depuis hier", Urgent, []string{CodeFood}},
		{"a film title, then a blow", "Après le film « Paris », mon mari me frappe", Urgent, []string{CodeViolence}},
	}
	checkLexicon(t, tests)
	checkAssess(t, tests)
}

package triage

import "testing"

// TestSession14Hidden checks, with the lexicon alone, the urgent needs told
// in passing that session 14 reads, and the harmless uses kept routine
// beside them.
func TestSession14Hidden(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a meter cut and candles", "Petite question sur la prime. Au passage le compteur a été coupé mardi, on s'éclaire à la bougie avec les petits.", Urgent, []string{CodeEnergyCut}},
		{"a meter changed", "Le compteur a été changé mardi par le technicien, comment lire le nouvel index ?", Routine, nil},
		{"a supply cut in a few words", "Madame, l'électricité coupée hier, bébé 2 mois froid, aidez moi svp.", Urgent, []string{CodeEnergyCut}},
		{"water cut for works, back now", "Les travaux sont finis, l'eau coupée hier pour la canalisation est revenue.", Routine, nil},
		{"a dinner skipped", "Depuis trois jours les enfants mangent à la cantine et moi je saute le dîner, il ne reste que du riz.", Urgent, []string{CodeFood}},
		{"a lunch skipped for Ramadan", "Pendant le ramadan je saute le déjeuner, est-ce que ça change quelque chose pour la cantine ?", Routine, nil},
		{"rice left to order for a collection", "Il ne reste que du riz à commander pour la collecte de l'association, où déposer les dons ?", Routine, nil},
		{"not eaten, in broken French", "Bonjour moi pas manger depuis 3 jour, pas argent.", Urgent, []string{CodeFood, CodeLanguage}},
		{"living in a car", "Je vis dans ma voiture depuis un mois, je me lave à la salle de sport.", Urgent, []string{CodeHousingLoss}},
		{"living in a flat for years", "Je vis dans mon appartement depuis dix ans, puis-je demander une aide pour l'isolation ?", Routine, nil},
		{"in the street with children, broken French", "Bonjour madame je suis dans la rue avec mes 2 enfant depuis hier soir.", Urgent, []string{CodeHousingLoss}},
		{"a landlord's date to be gone", "Le propriétaire nous a donné jusqu'à samedi pour partir, sinon il met nos affaires dehors.", Urgent, []string{CodeHousingLoss}},
		{"a landlord's order, broken French", "Proprio dit moi partir lundi sinon il jette affaire dehors.", Urgent, []string{CodeHousingLoss}},
		{"keys given back after a move", "Je déménage samedi, le propriétaire m'a donné jusqu'à samedi pour rendre les clés.", Routine, nil},
		{"a landlord's rights asked", "Est-ce que le bailleur peut me demander de partir si le bail est au nom de ma mère ?", Routine, nil},
		{"a landlord and a dog", "Mon proprio dit que je dois partir si je prends un chien, c'est légal ?", Routine, nil},
		{"an abuser who knows the address", "Mon ex est sorti de prison hier et il sait où j'habite.", Urgent, []string{CodeViolence}},
		{"an ex who knows the address for custody", "Mon ex connaît ma nouvelle adresse, c'est normal, on a la garde alternée.", Routine, nil},
		{"no medicine for a week", "Moi femme malade pas médicament depuis une semaine.", Urgent, []string{CodeHealth}},
		{"no medicine since healed", "Je n'ai pas de médicament depuis que je suis guéri, merci.", Routine, nil},
		{"a boyfriend of 30", "Ma fille de 15 ans a un copain de 30 ans qui vient la chercher au collège.", Urgent, []string{CodeChild}},
		{"simpler not to be there", "Je n'ai plus la force, parfois je me dis que ce serait plus simple de ne plus être là.", Urgent, []string{CodeSuicide}},
		{"soon no burden", "De toute façon je ne serai bientôt plus un problème pour personne.", Urgent, []string{CodeSuicide}},
		{"nothing to wait for", "Je suis fatiguée de tout, je n'ai plus rien à attendre de la vie.", Urgent, []string{CodeSuicide}},
		{"arrangements and letters", "Je voudrais résilier mon abonnement. J'ai pris mes dispositions, j'ai écrit à chacun de mes enfants et le notaire a tout.", Urgent, []string{CodeSuicide}},
		{"arrangements for a move", "J'ai pris mes dispositions pour le déménagement, le camion arrive samedi.", Routine, nil},
		{"a place chosen", "Je ne vais pas tenir encore longtemps comme ça, j'ai déjà choisi l'endroit.", Urgent, []string{CodeSuicide}},
		{"a wedding date chosen", "J'ai déjà choisi la date du mariage, quels papiers pour la mairie ?", Routine, nil},
		{"days counted to join him", "Depuis qu'il est parti je compte les jours jusqu'à le retrouver.", Urgent, []string{CodeSuicide}},
		{"days counted to retirement", "Je compte les jours jusqu'à la retraite, comment faire ma demande ?", Routine, nil},
		{"cut again", "Bonjour, je me suis recoupée cette semaine, ça cicatrise mal.", Urgent, []string{CodeSuicide}},
		{"a finger cut cooking", "Bonjour, je me suis coupée au doigt en cuisinant, est-ce un accident du travail ?", Routine, nil},
		{"nothing for the baby", "Bonjour, j'ai rien pour la petite, plus de lait.", Urgent, []string{CodeFood}},
		{"nothing left for the children's care", "Bonjour, il me reste rien pour les enfants côté garde ce mercredi, connaissez-vous un centre de loisirs ?", Routine, nil},
		{"no problem for the adviser", "Je ne serai plus un problème pour vous, j'ai trouvé la réponse sur le site, merci !", Routine, nil},
	})
}

// TestSession14Figures checks, with the lexicon alone, the routine messages
// with alarming words that session 14 keeps routine, and the urgent ones
// beside them.
func TestSession14Figures(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a simulator that will kill me", "Ce simulateur va finir par me tuer 😂 il me demande mes revenus N-2.", Routine, nil},
		{"a form that will kill me", "Ce site va finir par me tuer, la page de connexion tourne dans le vide.", Routine, nil},
		{"killing oneself still counts", "Ce site va finir par me tuer, de toute façon je vais me tuer ce soir.", Urgent, []string{CodeSuicide}},
		{"a nervous laugh", "Ma mère dit que si je résilie mal je vais me retrouver avec une coupure et dormir dans le noir 😅.", Routine, nil},
		{"afraid to be wrong", "J'ai peur de me tromper dans ma déclaration de revenus.", Routine, nil},
		{"afraid of him", "J'ai peur de lui, il m'attend devant l'école.", Urgent, []string{CodeViolence}},
		{"a call cut while waiting", "Deux relances sans réponse, j'ai attendu 45 minutes en musique puis ça a coupé.", Attention, []string{CodeRepeatedFailure}},
		{"a power cut for an unpaid bill", "Facture impayée, ils vont couper l'électricité demain.", Urgent, []string{CodeDebt, CodeEnergyCut}},
		{"people seen in the street", "Chaque hiver je suis touchée de voir les personnes à la rue, qui dorment dehors par ce froid.", Routine, nil},
		{"sleeping outside oneself", "Depuis lundi nous dormons dehors avec les enfants.", Urgent, []string{CodeHousingLoss}},
		{"a class sequence", "Je prépare une séquence pour mes 4e sur les violences conjugales et le harcèlement.", Routine, nil},
		{"a tax claim as a procedure", "On m'a dit qu'on peut faire une réclamation jusqu'au 31 décembre, donc j'ai le temps.", Routine, nil},
		{"a complaint about the desk", "Je veux faire une réclamation, l'agent m'a mal parlé.", Attention, []string{CodeComplaint}},
		{"expelled last year, housed now", "L'an dernier j'ai été expulsée, aujourd'hui j'ai un logement social et je voudrais l'APL.", Routine, nil},
		{"expelled last year, in a car now", "L'an dernier j'ai été expulsée et je dors dans ma voiture.", Urgent, []string{CodeHousingLoss, CodeHousingRisk}},
	})
}

// TestSession14Foreign checks, with the lexicon alone, session 14's cues in
// English, Spanish and Portuguese, both sides.
func TestSession14Foreign(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"carrying on without her", "My wife passed away in November. I don't really see myself carrying on here without her.", Urgent, []string{CodeBereavement, CodeSuicide, CodeLanguage}},
		{"sleep and not wake up", "I just want to sleep and not wake up, everything is too much since my wife died.", Urgent, []string{CodeSuicide, CodeLanguage}},
		{"not waking up early", "I'd rather not wake up early for the appointment, is there an afternoon slot?", Routine, nil},
		{"belongings given away", "My flatmate keeps saying she won't be around much longer and gave away her stuff, I'm worried.", Urgent, []string{CodeSuicide}},
		{"belongings given away before a move", "My colleague gave away all her stuff before moving to Canada, how does she close her bank account?", Routine, nil},
		{"not eaten in three days", "I have not eaten in three days so the kids can eat, I don't know what to do.", Urgent, []string{CodeFood, CodeLanguage}},
		{"a landlord's order to leave", "My landlord sent me a letter saying I must leave the studio at the end of next month. I have nowhere else to go.", Attention, []string{CodeHousingRisk, CodeLanguage}},
		{"keys left at a move", "Hi, I'm moving out, my landlord says I must leave the keys in the mailbox, is that normal?", Routine, nil},
		{"an old mother not answering", "Hi, my mum is 87 and lives alone, she hasn't answered her phone since Friday and the curtains are still closed.", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"an old father's form", "My dad is 82 and lives alone, he hasn't called the CAF about the form yet, can I do it for him?", Routine, nil},
		{"a knife, in Portuguese", "Meu marido me ameaçou com uma faca ontem à noite.", Urgent, []string{CodeViolence}},
		{"nowhere to go, in Spanish", "Tengo que salir del piso el lunes y no tengo a dónde ir.", Urgent, []string{CodeHousingLoss, CodeLanguage}},
		{"a move, in Spanish", "Hola, tengo que salir del piso en junio porque me mudo a Lyon, ¿cómo doy de baja la luz?", Routine, nil},
		{"a fever and no money, in Spanish", "Mi hijo tiene fiebre muy alta y no tenemos dinero para el médico.", Urgent, []string{CodeHealth, CodeLanguage}},
		{"a private clinic too dear", "I can't afford the doctor's fees in the private clinic, is there a cheaper public option?", Routine, nil},
		{"no heating with a baby", "Hello, we have no heating and no hot water since Monday, the baby is 4 months old and it is very cold.", Urgent, []string{CodeEnergyCut, CodeLanguage}},
		{"no hot water for works", "Hello, there was no hot water for two hours this morning because of the works, is that normal?", Routine, nil},
		{"water cut for maintenance", "Hello, the company will cut our water on Monday for maintenance works from 9 to 12, do we need to do anything?", Routine, nil},
		{"no heating, in Spanish", "Hola, no tenemos calefacción ni agua caliente y mi bebé tiene tres meses.", Urgent, []string{CodeEnergyCut}},
		{"no gas contract yet, in Spanish", "Hola, no tenemos gas en el nuevo piso, ¿cómo contratamos con la compañía?", Routine, nil},
		{"children alone since yesterday", "Hello, my neighbour's kids are alone in the flat since yesterday, the mother has not come back.", Urgent, []string{CodeChild, CodeLanguage}},
		{"a child alone for an hour", "Hello, my son is 12, can he stay alone at home after school for an hour? Is there a legal age?", Routine, nil},
		{"a grown daughter alone", "Hi, my daughter is alone since her father left, she is 25 and needs help with her CV.", Routine, nil},
		{"an old man fallen", "Hello, my grandfather is 91, he fell in the kitchen and he can't get up, I am in London and nobody answers.", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"an old woman in love", "Hello, my grandmother is 85, she fell in love with a village in Brittany, can she get help to move?", Routine, nil},
		{"better off gone", "Hi, I keep thinking everyone would be better off if I was gone.", Urgent, []string{CodeSuicide, CodeLanguage}},
		{"cutting oneself", "Hi, I have been cutting myself again, I don't know who to talk to.", Urgent, []string{CodeSuicide, CodeLanguage}},
		{"a paper on self-harm", "Hi, I'm writing a paper on self-harm among students for my psychology course, do you have statistics?", Routine, nil},
		{"a street slept in, words between", "I sleep with my wife in the street near the station since three days.", Urgent, []string{CodeHousingLoss, CodeLanguage}},
	})
}

// TestSession14ShortNotes checks, with the classifier, that an adviser's
// short neutral note stays routine (the urgent sub-model alone raises no
// message under minAloneEvidence words of evidence) while a short urgent
// one the lexicon reads stays urgent.
func TestSession14ShortNotes(t *testing.T) {
	checkAssess(t, []lexiconCase{
		{"a tired voice", "La personne a la voix fatiguée et rappellera demain.", Routine, nil},
		{"a weak voice", "Il a la voix faible mais dit que tout va bien, il rappellera demain.", Routine, nil},
		{"a call cut twice", "L'appel a coupé deux fois pendant que j'attendais, pouvez-vous me rappeler pour ma facture ?", Attention, []string{CodeRepeatedFailure}},
		{"a short urgent note", "Coupure électricité demain, bébé de 2 mois.", Urgent, []string{CodeEnergyCut}},
	})
}

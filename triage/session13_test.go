package triage

import "testing"

// TestSession13Language checks, with the lexicon alone, session 13's
// reading of messages written in English or Spanish: no language barrier
// by itself for a plain question, one when the writer says French is hard
// for them or beside another reason, and always in another script.
func TestSession13Language(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a plain question in English", "Hi! I moved to Nantes in May for work. Do I need to exchange my Canadian driving licence, and how long do I have? Thanks, Emma", Routine, nil},
		{"a plain question in Spanish", "Hola, soy de Valencia y vivo en Lille. ¿Necesito pedir la tarjeta vital para mi hijo? Gracias por su ayuda.", Routine, nil},
		{"French said to be fine", "Hi there, my French is fine for the shops but I'm faster in English. How do I declare my rental income? Thanks", Routine, nil},
		{"French said to be poor", "Hello, sorry, my French is poor. How do I renew my residence card? Thank you for your help.", Attention, []string{CodeLanguage}},
		{"French said to be not good", "Hello, my French is not good enough for the forms. Where do I send the papers for my pension?", Attention, []string{CodeLanguage}},
		{"letters not understood", "Hello, I received two letters from the tax office and I really don't understand them. What do I have to do?", Attention, []string{CodeLanguage}},
		{"someone who speaks English", "Good morning, is there someone who speaks English at the CAF office? I have questions about my housing aid.", Attention, []string{CodeLanguage}},
		{"a mother who speaks no French", "Hola, mi madre no habla francés y necesita renovar su tarjeta de residencia, ¿pueden ayudarla?", Attention, []string{CodeLanguage}},
		{"a complaint in English", "Hello, I would like to make a formal complaint about the agent at window 4, who refused to take my file and laughed at me.", Attention, []string{CodeComplaint, CodeLanguage}},
		{"a complaint in Spanish", "Buenas tardes, quiero presentar una queja, la señora de la ventanilla me habló muy mal y no me atendió.", Attention, []string{CodeComplaint}},
		{"a failure repeated in English", "Hello, I am writing for the third time about my pension file and I have had no answer since June. What is going on?", Attention, []string{CodeRepeatedFailure, CodeLanguage}},
		{"a debt claimed in English", "Hello, I got a letter from the CAF saying I owe 2,100 euros of housing aid, but I never received it. What should I do?", Attention, []string{CodeDebt, CodeLanguage}},
		{"an old man alone, in English", "Hello, my father, 84, lives alone near Cahors. The neighbour found him outside at night in his pyjamas, he did not know where he was. Who can help?", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"an old woman who fell, in English", "Hello, my aunt is 79 and lives alone in Brest. She had a fall on Sunday and can't get up from her bed without help. Is there a service?", Urgent, []string{CodeVulnerableAdult, CodeLanguage}},
		{"sleeping in the street, in English", "Hello, since three days we sleep in the street with my wife, the hotel said we must leave. Please help.", Urgent, []string{CodeHousingLoss, CodeLanguage}},
		{"police to evict, in Spanish", "Buenos días, la policía vendrá el jueves para sacarnos del apartamento con mis dos hijos. ¿Qué puedo hacer?", Urgent, []string{CodeHousingLoss, CodeLanguage}},
		{"Cyrillic is a barrier by itself", "Добрый день. Я хочу узнать, как получить медицинскую страховку для моего сына.", Attention, []string{CodeLanguage}},
	})
}

// TestSession13Hidden checks, with the lexicon alone, the urgent needs
// told calmly or in passing that session 13 reads, and the harmless uses
// kept routine beside them.
func TestSession13Hidden(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a burden to everyone", "Si mon recours ne passe pas j'en finis, je suis un poids pour tout le monde.", Urgent, []string{CodeSuicide}},
		{"wanting it all to stop", "Il a écrit à sa sœur qu'il voulait que tout s'arrête et qu'il savait comment faire.", Urgent, []string{CodeSuicide}},
		{"wanting the leaflets to stop", "Je veux que tout s'arrête, ces prospectus qui remplissent ma boîte aux lettres.", Routine, nil},
		{"a gun taken to the neighbour", "Le soir je pense à des choses auxquelles on ne devrait pas penser, j'ai porté le fusil chez le voisin.", Urgent, []string{CodeSuicide}},
		{"no reason to fight", "J'ai donné mon chien à mon frère, je n'ai plus vraiment de raison de me battre.", Urgent, []string{CodeSuicide}},
		{"it will not concern me", "Honnêtement d'ici la semaine prochaine ça ne me concernera plus.", Urgent, []string{CodeSuicide}},
		{"a room tidied and a letter", "J'ai un peu tout rangé dans ma chambre et j'ai écrit une lettre à ma sœur.", Urgent, []string{CodeSuicide}},
		{"one meal a day", "Depuis deux semaines il fait un repas par jour pour tenir jusqu'au virement.", Urgent, []string{CodeFood}},
		{"a hand raised", "Mon ex a encore levé la main hier soir devant les enfants.", Urgent, []string{CodeViolence}},
		{"bruises seen", "Elle a des hématomes visibles sur l'avant-bras et dit qu'elle est tombée.", Urgent, []string{CodeViolence}},
		{"police coming to put us out", "Le bailleur dit que lundi la police vient pour nous sortir de l'appartement.", Urgent, []string{CodeHousingLoss}},
		{"a lock to be changed", "Le propriétaire a dit qu'il changerait la serrure vendredi.", Urgent, []string{CodeHousingLoss}},
		{"power cut since Tuesday", "L'électricité est coupée depuis mardi et j'ai un bébé de trois mois.", Urgent, []string{CodeEnergyCut}},
		{"water cut for works", "L'eau est coupée pour travaux dans la rue jusqu'à 17 h, est-ce normal ?", Routine, nil},
		{"a mother found on the floor", "Ma mère vit seule à Rodez. La voisine l'a trouvée par terre dans la cuisine hier soir.", Urgent, []string{CodeVulnerableAdult}},
		{"a daughter staying with a man", "Ma fille de 14 ans ne rentre plus à la maison, elle dort chez un homme de 27 ans.", Urgent, []string{CodeChild}},
		{"a deadline counted in hours", "Mon frère a reçu une OQTF, il a 48h pour faire recours au tribunal.", Urgent, []string{CodeLegalDeadline}},
		{"first aid, in case of", "Mon employeur veut que je passe le PSC1 pour savoir réagir en cas d'arrêt cardiaque ou d'hémorragie.", Routine, nil},
		{"what to do in case of a cut", "Que faire en cas de coupure d'électricité dans un immeuble ?", Routine, nil},
		{"a door-to-door fraud", "Deux hommes se présentant de la part de la mairie lui ont fait signer un crédit de 18 000 euros.", Attention, []string{CodeFraud}},
	})
}

package triage

import "testing"

// The session-22 families (round 28's and round 29's tuning halves), each
// read by the lexicon alone beside look-alikes it must leave as they were.
// The messages are written for these tests, not taken from any round.

// TestSession22Clueless checks that « à la rue » said of a subject one is
// lost in (« complètement à la rue avec la paperasse », « à la rue niveau
// démarches ») is no home lost, while the writer on the street with the
// children still is.
func TestSession22Clueless(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"lost with the paperwork", "Bonjour, je suis complètement à la rue avec la paperasse, c'est ma première demande de bourse.", Routine, nil},
		{"lost with taxes", "Je suis vraiment à la rue pour les impôts, je ne sais pas quelle case cocher.", Routine, nil},
		{"lost, the subject after « niveau »", "Franchement je suis à la rue niveau démarches depuis mon arrivée, où déclarer mon adresse ?", Routine, nil},
		{"on the street with the children", "Je suis complètement à la rue avec mes deux enfants depuis hier soir.", Urgent, []string{CodeHousingLoss}},
		{"on the street since Friday", "Depuis vendredi nous sommes à la rue avec les petits, on dort dans la voiture.", Urgent, []string{CodeHousingLoss}},
	})
}

// TestSession22PlannedWorks checks that a supply cut announced for works
// named otherwise than « travaux » (a replacement, a repair, a
// connection), however many words between, is no cut of the writer's
// supply, while a cut for an unpaid bill still is.
func TestSession22PlannedWorks(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a replacement", "Le syndic a annoncé une coupure d'électricité dans tout l'immeuble mardi de 9h à 11h pour le remplacement des colonnes montantes. Je télétravaille, que faire ?", Routine, nil},
		{"a repair", "Une coupure de gaz est prévue jeudi matin dans notre rue pour la réparation d'une conduite, mon restaurant peut-il être indemnisé ?", Routine, nil},
		{"an unpaid bill", "Enedis a annoncé une coupure d'électricité mardi pour une facture impayée de 400 €.", Urgent, []string{CodeEnergyCut, CodeDebt}},
		{"a cut, no works", "La mairie a annoncé une coupure d'eau chez nous jeudi, on a un bébé de deux mois et une facture en retard.", Urgent, []string{CodeEnergyCut}},
	})
}

// TestSession22PaymentDueDate checks that the due date of a payment (a
// tax notice's « date limite de paiement ») is no legal time limit within
// days, while a date limit to contest still is.
func TestSession22PaymentDueDate(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a tax notice's due date", "Mon avis de taxe foncière indique une date limite de paiement au 5 décembre, puis-je payer en ligne ?", Routine, nil},
		{"a due date of settlement", "Sur la facture il y a écrit date limite de règlement 8/12, c'est à la mairie ou au Trésor ?", Routine, nil},
		{"a date limit to contest", "La date limite pour contester la décision est le 5 décembre et je n'ai rien envoyé.", Urgent, []string{CodeLegalDeadline}},
	})
}

// TestSession22Countdown checks that the days left counted with a word
// between (« il reste donc 3 jours », « il ne reste alors que deux
// jours ») are a time within days for a legal time limit named before,
// while days of leave left are not.
func TestSession22Countdown(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"days left after a time to oppose", "Je peux faire opposition dans un délai d'un mois à partir du courrier. Je l'ai reçu très tard, il reste donc 4 jours.", Urgent, []string{CodeLegalDeadline}},
		{"days left, « alors que »", "On m'a notifié le refus le mois dernier et le recours est à faire sous deux mois. Il ne reste alors que deux jours.", Urgent, []string{CodeLegalDeadline}},
		{"days of leave left", "Le recours se fait dans un délai de deux mois. Il reste donc 3 jours de congés à poser avant la fin de l'année.", Routine, nil},
	})
}

// TestSession22PowerReduced checks that a power reduction threatened for
// an unpaid bill is a risk of a cut (attention, whatever its date: a
// reduced power is no cut), while a reduction the writer asks for to pay
// less is routine.
func TestSession22PowerReduced(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"power to be reduced", "Mon fournisseur m'écrit que ma puissance sera réduite si la facture de 600 € n'est pas réglée d'ici le mois prochain.", Attention, []string{CodeEnergyRisk}},
		{"a reduction in a letter", "Courrier reçu hier : réduction de puissance prévue si rien n'est payé.", Attention, []string{CodeEnergyRisk}},
		{"a reduction asked for", "J'ai demandé à EDF de réduire ma puissance pour que ma facture baisse, est-ce possible en ligne ?", Routine, nil},
		{"a reduction explained", "Quelle est la différence entre une réduction de puissance et une suspension ? C'est pour une fiche.", Routine, nil},
	})
}

// TestSession22EnglishSymptoms checks that alarming symptoms told in
// English (a pain in the chest, blue lips, struggling to breathe) are a
// health danger (and, in English beside a reason, a language barrier),
// not when denied or painted.
func TestSession22EnglishSymptoms(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"pain in the chest, blue fingers", "Since yesterday I have pain in my chest when I walk and my fingers look blue, can I see a doctor without a carte vitale?", Urgent, []string{CodeHealth, CodeLanguage}},
		{"lips turned blue", "My son's lips turned blue this morning and he is struggling to breathe, where is the nearest hospital?", Urgent, []string{CodeHealth, CodeLanguage}},
		{"no pain in the chest", "I had no pain in the chest, the doctor said it was fine, I only need the certificate for my sports club.", Routine, nil},
		{"blue from paint", "My daughter's lips are blue from the face paint of the carnival, lol, anyway how do I renew her passport?", Routine, nil},
	})
}

// TestSession22KillThreat checks that a partner's threat to kill told in
// Portuguese or Spanish (« disse que se eu for embora ele me mata », « dijo
// que si me voy me va a matar ») is violence, not the writer's suicide,
// while a heat or a job that « kills » is nobody's threat and the
// writer's own « vou me matar » stays suicidal.
func TestSession22KillThreat(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"Portuguese threat", "O meu companheiro disse que se eu sair de casa ele me mata, quero saber do abono de família.", Urgent, []string{CodeViolence}},
		{"Portuguese threat, future", "Ela está com medo, o marido disse que vai me matar se eu falar com a assistente social.", Urgent, []string{CodeViolence}},
		{"Spanish threat", "Mi esposo dijo que si me voy con los niños me va a matar, necesito saber de la CAF.", Urgent, []string{CodeViolence}},
		{"the heat", "Este calor me mata, quero saber como pedir a reforma.", Routine, nil},
		{"the job", "O trabalho me mata mas quero saber do subsídio de férias.", Routine, nil},
		{"the writer's own", "Não aguento mais, vou me matar esta noite.", Urgent, []string{CodeSuicide}},
	})
}

// TestSession22IberianBarrier checks that a writer who says, in Spanish or
// Portuguese, that his French is basic or asks for someone who speaks his
// language has a language barrier, not one who says his French is good.
func TestSession22IberianBarrier(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"Spanish, basic French", "Buenos días, mi francés es muy básico, tengo una carta de la CAF y no sé qué hacer.", Attention, []string{CodeLanguage}},
		{"Spanish, someone who speaks it", "¿Hay alguien en la oficina que hable español? Es por el paro.", Attention, []string{CodeLanguage}},
		{"Portuguese, weak French", "Bom dia, o meu francês é fraco, alguém que fale português pode ajudar com a carta?", Attention, []string{CodeLanguage}},
		{"Spanish, good French", "Hola, mi francés es bastante bueno, pero tengo una pregunta sobre la CAF.", Routine, nil},
	})
}

// TestSession22FarewellSilence checks that a farewell told to others
// (« vous allez me manquer ») followed by silence (« il ne répond plus »,
// in the sentence or up to two after) is a suicidal sign, but not a
// retirement's goodbye nor a farewell with no silence.
func TestSession22FarewellSilence(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"farewell and silence", "Mon voisin a écrit à sa sœur « tu vas me manquer, prends soin des enfants », depuis il ne répond plus au téléphone.", Urgent, []string{CodeSuicide}},
		{"farewell, silence after", "Hier soir mon collègue nous a écrit : vous allez tous me manquer. Ce matin il est injoignable. Que faire pour son arrêt maladie ?", Urgent, []string{CodeSuicide}},
		{"a retirement", "Notre collègue part à la retraite vendredi, il a écrit « vous allez me manquer » et ne répond plus à ses mails professionnels, comment calculer son indemnité de départ ?", Routine, nil},
		{"a farewell, no silence", "Ma fille part en Erasmus en janvier, elle m'a dit « tu vas me manquer », peut-elle garder sa bourse ?", Routine, nil},
	})
}

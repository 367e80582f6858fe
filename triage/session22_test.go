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
		// Session 22's review: a pain of last year is no danger now.
		{"a pain of last year", "I had a pain in my chest last year, now the hospital bill is 300 euros.", Routine, nil},
		{"a pain since last week", "Since last week I have a pain in my chest at night, can I see a doctor?", Urgent, []string{CodeHealth, CodeLanguage}},
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
		// Session 22's review: an article is no actor; « él » after
		// « dijo que » still is.
		{"the heat, an article", "El calor me mata, no tenemos aire acondicionado.", Routine, nil},
		{"the back pain, an article", "El dolor de espalda me mata, ¿puedo pedir una cita con el médico?", Routine, nil},
		{"he said he kills me", "Mi pareja dijo que él me mata si hablo con la policía, necesito ayuda con la CAF.", Urgent, []string{CodeViolence, CodeLanguage}},
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

// TestSession22SupplySuspended checks that a supply said « suspendue » by
// its « alimentation » within days is a cut, not one for works on the
// network.
func TestSession22SupplySuspended(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"gas supply suspended Monday", "Mon fournisseur m'informe que l'alimentation en gaz sera suspendue lundi, j'ai deux enfants.", Urgent, []string{CodeEnergyCut}},
		{"supply suspended in five days", "L'alimentation sera suspendue le 3 décembre, c'est-à-dire dans trois jours.", Urgent, []string{CodeEnergyCut}},
		{"works on the network", "L'alimentation en eau sera interrompue lundi de 8h à 10h pour des travaux sur le réseau.", Routine, nil},
	})
}

// TestSession22Blows checks blows told with a verb of giving and bones
// broken by someone, a negation that belongs to a clause before the blow
// (« mes heures pas payées, il m'a… »), beside a hand lent, a negation of
// the blow itself and an accident.
func TestSession22Blows(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a punch given", "Mon patron m'a mis un coup de poing quand j'ai réclamé mon salaire.", Urgent, []string{CodeViolence}},
		{"a headbutt after a negation of wages", "Mes heures pas payées, il m'a mis un coup de tête et je saigne du nez.", Urgent, []string{CodeViolence, CodeHealth}},
		{"a push after a negation of wages", "Mes heures pas payées, il m'a poussée contre le mur.", Urgent, []string{CodeViolence}},
		{"a wrist broken", "La dernière fois il m'a cassé le poignet, je veux savoir pour les allocations.", Urgent, []string{CodeViolence}},
		// Session 22's review: « patates » are blows only with a blow's
		// context.
		{"a « patate » in the face", "Mon copain m'a mis une patate dans la figure hier soir, j'ai encore le nez en sang.", Urgent, []string{CodeViolence}},
		{"a « beigne » and a fall", "Il m'a collé une beigne et je suis tombée par terre.", Urgent, []string{CodeViolence}},
		{"potatoes given", "L'association m'a donné des patates et du riz cette semaine, merci.", Routine, nil},
		{"potatoes from a neighbour", "Ma voisine m'a donné des patates de son jardin, je voulais la remercier avec un courrier.", Routine, nil},
		{"a hand lent", "Mon voisin m'a donné un coup de main pour remplir le dossier.", Routine, nil},
		{"a blow denied", "Il ne m'a pas frappée, il crie juste fort, est-ce un motif de divorce ?", Routine, nil},
		{"a fall", "Au ski, il m'a cassé le poignet en me rentrant dedans, comment déclarer l'accident ?", Routine, nil},
	})
}

// TestSession22Farewells checks belongings given away with nothing left
// to need, and a death that settles a debt beside the means, against a
// move and a loan insured.
func TestSession22Farewells(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"belongings given", "J'ai donné mes affaires à ma sœur, j'ai plus besoin de grand chose maintenant.", Urgent, []string{CodeSuicide}},
		{"belongings given before a move", "J'ai donné mes affaires à Emmaüs avant de déménager, je n'ai plus besoin de grand chose.", Routine, nil},
		// Session 22's review: « pour après » is a word, a thing given
		// to be mended no farewell.
		{"a telephone to mend", "J'ai donné mon téléphone à réparer, il sera prêt pour après-demain.", Routine, nil},
		{"a telephone ready the day after tomorrow", "J'ai donné mon téléphone au magasin, il sera prêt pour après-demain.", Routine, nil},
		{"a guitar given for after", "J'ai donné ma guitare à mon neveu, c'est pour après.", Urgent, []string{CodeSuicide}},
		{"the insurance and a gun", "Il dit que l'assurance-vie couvrira tout. Il a toujours le fusil de chasse dans le garage.", Urgent, []string{CodeSuicide}},
		// Session 22's review: drugs one cannot pay for are no means at
		// hand, pills hoarded are.
		{"the insurance and drugs unpaid", "Mon mari est décédé, l'assurance-vie remboursera le crédit. Je n'arrive plus à payer les médicaments.", Urgent, []string{CodeBereavement, CodeHealth}},
		{"the insurance and pills hoarded", "L'assurance-vie remboursera le crédit. J'ai mis de côté tous mes cachets.", Urgent, []string{CodeSuicide}},
		{"a loan insured", "L'assurance-vie couvrira tout le prêt en cas de problème, c'est prévu au contrat ; comment le déclarer ?", Routine, nil},
	})
}

// TestSession22OldInDistress checks the new distresses of an old person
// (out in slippers, found sitting on the floor, an address not known),
// beside slippers worn at home.
func TestSession22OldInDistress(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"in slippers, address not known", "Ma voisine, 88 ans, est arrivée à la mairie en chaussons, elle ne connaît plus son adresse.", Urgent, []string{CodeVulnerableAdult}},
		{"sitting on the floor, a sentence after", "Mon grand-père a 90 ans. Hier soir les voisins l'ont vu assis par terre dans la cuisine.", Urgent, []string{CodeVulnerableAdult}},
		{"slippers at home", "Mon père, 85 ans, reste en chaussons toute la journée, quelle aide pour le ménage ?", Routine, nil},
		{"nobody gone to her", "Ma mère, 84 ans, vit seule. Mon frère qui passe chez elle est hospitalisé et personne n'y est allé depuis hier.", Urgent, []string{CodeVulnerableAdult}},
		{"pills she cannot take alone", "Ma tante a 82 ans. Elle ne sait pas prendre ses cachets seule et l'infirmière est en congé.", Urgent, []string{CodeVulnerableAdult}},
		{"no money for bread", "Une dame âgée, elle dit que le garçon prend sa carte et qu'elle n'a plus d'argent pour le pain.", Urgent, []string{CodeVulnerableAdult}},
		{"bread bought for her", "Ma voisine de 80 ans me donne de l'argent pour le pain, je fais ses courses le samedi.", Routine, nil},
	})
}

// TestSession22BabyByAge checks a baby named by its age in months who
// barely drinks or is limp, beside one who drinks well.
func TestSession22BabyByAge(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"limp, barely drinking", "Mon fils a 2 mois, il ne boit presque plus depuis hier et il est tout mou.", Urgent, []string{CodeHealth}},
		// Session 22's review: weeks of an internship are no age.
		{"weeks of an internship", "Mon fils a deux semaines de stage et il a de la fièvre, peut-il manquer un jour ?", Routine, nil},
		{"two weeks old, a fever", "Mon fils a deux semaines et il a de la fièvre depuis ce matin.", Urgent, []string{CodeHealth}},
		{"drinking well", "Ma fille a 3 mois, elle boit bien, je voudrais l'ajouter à ma carte vitale.", Routine, nil},
	})
}

// TestSession22IberianStreet checks nights in a car and a lock changed
// told in Portuguese or Spanish, beside a good night's sleep.
func TestSession22IberianStreet(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"sleeping in the car", "Desde ontem durmo no carro com o meu filho.", Urgent, []string{CodeHousingLoss}},
		{"the lock changed", "El dueño cambió la cerradura y no podemos entrar a la casa.", Urgent, []string{CodeHousingLoss}},
		{"a good night", "Durmo bem, obrigado; queria saber da reforma.", Routine, nil},
	})
}

// TestSession22Meals checks a meal every two days and a darija « I have
// eaten nothing », beside a cat fed every two days.
func TestSession22Meals(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a meal every two days", "Je mange une fois tous les deux jours depuis que la bourse n'est pas arrivée.", Urgent, []string{CodeFood}},
		{"darija", "Wallah ma klit walou men lbareh, le dossier CAF est bloqué.", Urgent, []string{CodeFood}},
		{"a cat", "Mon chat mange une fois tous les deux jours, c'est normal ?", Routine, nil},
	})
}

// TestSession22CountsAndSites checks a call made about ten times (a
// repeated failure) and a site that looked like the official one (a
// fraud), beside one call and a site that resembles its old version.
func TestSession22CountsAndSites(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"about ten calls", "J'ai appelé une dizaine de fois, personne ne sait où est mon dossier.", Attention, []string{CodeRepeatedFailure}},
		{"one call", "Je vous ai appelé une fois pour la carte grise, merci pour votre aide.", Routine, nil},
		{"a look-alike site", "J'ai payé 60 € sur un site qui ressemblait à l'ANTS pour ma carte grise.", Attention, []string{CodeFraud}},
		{"a site like its old version", "Le nouveau site ressemble à l'ancien, je ne trouve plus le formulaire.", Routine, nil},
	})
}

// TestSession22MoreSigns checks a cut an Iberian supplier may make (a
// risk when weeks away) and an old person's meals no one brought or an
// empty fridge, beside a cut already refused and a full fridge.
func TestSession22MoreSigns(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a cut weeks away", "Recebemos uma carta da EDF: temos 500 euros de atraso e em fevereiro podem cortar a luz.", Attention, []string{CodeEnergyRisk}},
		{"a cut on Friday", "La carta dice que pueden cortar la luz el viernes si no pagamos.", Urgent, []string{CodeEnergyCut}},
		{"no one came", "Ma mère a 84 ans. Depuis lundi personne n'est venu pour le portage des repas.", Urgent, []string{CodeVulnerableAdult}},
		{"an empty fridge", "Mon père a 90 ans. Hier soir son frigo était vide.", Urgent, []string{CodeVulnerableAdult, CodeFood}},
		{"a full fridge", "Mon père a 90 ans, son frigo est plein, je voudrais savoir pour l'APA.", Routine, nil},
	})
}

// TestSession22StatedToday checks that a time to act counted from a
// letter's date to the day the writer says it is (« remis le 2 mai… nous
// sommes le 28 ») ends within days, while a window with weeks left does
// not.
func TestSession22StatedToday(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"a month from the 3rd, the 25th", "J'ai reçu l'ordonnance le 3 octobre. Je peux faire opposition dans un délai d'un mois. Nous sommes le 25 octobre, que faire ?", Urgent, []string{CodeLegalDeadline}},
		{"a month from last month's 20th, the 12th", "La lettre est du 20 du mois dernier. On peut contester dans un délai d'un mois. On est le 12.", Urgent, []string{CodeLegalDeadline}},
		{"two months from the 3rd, the 10th", "J'ai reçu le refus le 3 novembre. Le délai de recours est de deux mois. Nous sommes le 10 novembre, j'ai le temps ?", Routine, nil},
		// Session 22's review: an appointment's date to come starts no
		// time to act.
		{"an appointment to come, the 10th", "Recours possible dans un délai d'un mois. Mon rendez-vous à la préfecture est le 25 juin, on est le 10.", Routine, nil},
		{"a letter of the 25th, the 10th", "Recours possible dans un délai d'un mois. J'ai reçu la lettre le 25 juin, on est le 10.", Urgent, []string{CodeLegalDeadline}},
	})
}

func TestStatedElapsed(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text string
		want int
	}{
		{"Remis le 2 mai. Nous sommes le 28.", 26},
		{"La lettre est du 14 du mois dernier et on est le 10.", 26},
		{"Reçu le 20 décembre, aujourd'hui on est le 5 janvier.", 16},
		{"Reçu le 2 mai.", 0},
		{"Nous sommes le 28.", 0},
		// Session 22's review: a date to come, never a year before.
		{"Nous sommes le 10 mars, l'audience est le 20 mars.", 0},
		{"Reçu le 20 mars, nous sommes le 10 mars.", 0},
		{"Reçu le 20 avril, nous sommes le 10 mars.", 0},
		{"Mon rendez-vous est le 25 juin, on est le 10.", 0},
		{"Reçu le 3 avril, convoqué le 25 avril, nous sommes le 20 avril.", 17},
	} {
		if got := newMessage(c.text, evalNow).statedElapsed(evalNow); got != c.want {
			t.Errorf("statedElapsed(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}

// TestSession22PooledFamilies checks the families of the older rounds'
// tuning halves the lexicon alone missed: nights under a bridge, a
// treatment stopped for days, no real meal, fumes whose symptoms the
// household shares in a later sentence, a runaway told in Spanish, keys
// given back after a decision, a mother afraid of what she might do; each
// beside a look-alike.
func TestSession22PooledFamilies(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{"under a bridge", "Depuis lundi je dors sous le pont près de la gare, je voudrais une domiciliation.", Urgent, []string{CodeHousingLoss}},
		{"a bridge visited", "Je fais une photo sous le pont Mirabeau pour mon dossier de carte d'identité, est-ce accepté ?", Routine, nil},
		{"a treatment stopped", "Mon père n'a plus son anticoagulant depuis samedi, la pharmacie refuse sans carte vitale.", Urgent, []string{CodeHealth}},
		{"a treatment taken", "Mon père prend son anticoagulant depuis samedi, faut-il une carte vitale à jour ?", Routine, nil},
		{"no real meal", "Je n'ai pas mangé de vrai repas depuis jeudi, la bourse n'est pas arrivée.", Urgent, []string{CodeFood}},
		{"fumes, symptoms after", "On chauffe avec un vieux poêle à pétrole depuis la panne. On a tous mal à la tête le matin et le petit a vomi.", Urgent, []string{CodeHealth}},
		{"a stove, one headache after", "On chauffe avec un vieux poêle depuis la panne. J'ai mal à la tête à cause de ce dossier.", Routine, nil},
		{"a runaway in Spanish", "Mi hija de 14 años no ha vuelto a casa desde el sábado, está con un hombre de 30 años.", Urgent, []string{CodeChild}},
		{"keys after a decision", "J'ai pris ma décision, j'ai écrit à ma mère hier soir et j'ai rendu les clés de ma chambre.", Urgent, []string{CodeSuicide}},
		{"keys after a move", "J'ai rendu les clés de ma chambre après l'état des lieux, j'ai écrit à ma mère pour la caution.", Routine, nil},
		// Session 22's review: a decision is no cue of its own second
		// cue, a letter to an adviser no farewell.
		{"a decision to appeal", "J'ai pris ma décision, je vais faire un recours contre la CAF.", Routine, nil},
		{"a decision, a letter to an adviser", "J'ai pris ma décision : j'ai écrit à mon conseiller pour résilier le contrat.", Routine, nil},
		{"a decision, a letter to the children", "J'ai pris ma décision, j'ai laissé une lettre à mes enfants sur la table.", Urgent, []string{CodeSuicide}},
		{"afraid of what she might do", "Je ne dors plus, hier je suis sortie sur le balcon et j'ai eu peur de ce que j'allais faire.", Urgent, []string{CodeSuicide}},
		{"a file not handled long", "Vous n'aurez plus à gérer mon dossier très longtemps, merci pour tout.", Urgent, []string{CodeSuicide}},
		{"a file moved", "Vous n'aurez plus à gérer mon dossier, je déménage à Lyon le mois prochain.", Routine, nil},
		{"afraid of a mistake", "J'avais peur de ce que j'allais faire comme erreur dans la déclaration, pouvez-vous vérifier ?", Routine, nil},
	})
}

package triage

import "testing"

// TestSession20Child checks, on the whole triage, a child left with
// nobody while the parent goes to hospital (black-box round 3 read it as
// a bereavement), beside a fight with studies that is no violence and the
// same nobody that is routine childcare.
func TestSession20Child(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"Je rentre à l'hôpital demain pour une opération, personne ne pourra s'occuper de mon fils de 8 ans pendant 5 jours.", true},
		{"Personne ne peut garder ma fille de 6 ans, je suis hospitalisée lundi et son père est parti.", true},
		{"Mon fils se bat avec Parcoursup, il n'a toujours pas d'affectation, que peut-il faire ?", false},
		{"Ma fille se bat avec les maths depuis la rentrée, a-t-elle droit à du soutien scolaire ?", false},
		{"Mon fils s'est battu avec un camarade qui le frappe tous les jours à la sortie du collège.", true},
		{"Mon assistante maternelle part à la retraite en septembre, personne ne pourra garder mon fils, quelles aides pour une crèche ?", false},
	})
}

// TestSession20Dangers checks, on the whole triage, the dangers round 26's
// tuning half and black-box round 1 saw missed (nights outside with a
// baby, children left alone, fumes of a stove, a room's locks changed, a
// water cut in Portuguese), beside their routine look-alikes (a day's
// errand outside, a stove's price, a fear of scams).
func TestSession20Dangers(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"bjr jsuis dehors depuis 3 nuits avec mon bébé de 4 mois il fait 2 degrés, personne répond au 115, on peut avoir une aide?", true},
		{"Les voisins ont appelé samedi car les petits étaient seuls dans l'appartement à 23h.", true},
		{"Le poêle fume beaucoup, on a enlevé la pile du détecteur et depuis hier on a mal à la tête et envie de vomir le soir.", true},
		{"Combien coûte le remplacement d'un poêle à charbon avec MaPrimeRénov' ?", false},
		{"Yesterday the locks were changed and my suitcase was outside the door, my friend can't keep me after tonight.", true},
		{"A companhia da água cortou a água ontem, não tenho água para o biberão.", true},
		{"J'ai peur des arnaques parce que je reçois plein d'appels sur mon CPF, comment savoir si une auto-école est agréée ?", false},
	})
}

// TestSession20Outside checks, on the lexicon alone, that a day's errand
// outside is no night on the street (the classifier alone reads « Je suis
// dehors depuis 8h » as urgent, a false alarm left to its next training).
func TestSession20Outside(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{name: "errand", text: "Je suis dehors depuis 8h pour mes démarches, à quelle heure ferme la mairie ?", level: Routine},
		{name: "two days", text: "Je suis dehors depuis deux jours, je n'ai nulle part où aller.", level: Urgent, codes: []string{CodeHousingLoss}},
	})
}

// TestSession20Fraud checks, on the lexicon alone, a free service paid
// for on a site posing as the official one, beside the same words asked.
func TestSession20Fraud(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{name: "paid", text: "j ai payé 89 euros sur un site trouvé sur google et maintenant je vois que c est gratuit sur le site officiel, je peux récupérer mon argent ?", level: Attention, codes: []string{CodeFraud}},
		{name: "asked", text: "Le permis international est-il gratuit sur le site officiel de l'ANTS ?", level: Routine},
	})
}

// TestSession20Ultimatum checks, on the lexicon alone, the writer's own
// deadline before suing (a legal threat, not an urgent deadline) beside a
// court date within days, and an overpayment claimed in a participle.
func TestSession20Ultimatum(t *testing.T) {
	t.Parallel()
	checkLexicon(t, []lexiconCase{
		{name: "ultimatum", text: "Sans régularisation sous quinze jours, j'ai donné instruction à mon avocat de saisir le tribunal administratif.", level: Attention, codes: []string{CodeLegalThreat}},
		{name: "claimed", text: "Je viens de recevoir de la CAF un courrier réclamant 1 143 € d'APL versée après son décès.", level: Attention, codes: []string{CodeBereavement, CodeDebt}},
	})
}

// TestSession20Review checks the false urgents the final review found in
// this session's French rules: a cat or a car outside, a creditor's
// ultimatum (a deadline to meet, still urgent), the school canteen paid.
func TestSession20Review(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"Mon chat est dehors depuis deux jours, sinon je voulais savoir pour la carte grise.", false},
		{"Ma voiture est dehors depuis 3 jours car le garage est fermé.", false},
		{"Mise en demeure de l'URSSAF : sans régularisation sous 8 jours, des poursuites seront engagées. Puis-je contester ?", true},
	})
	checkLexicon(t, []lexiconCase{
		{name: "canteen", text: "J'ai payé la cantine 40 euros alors que c'est gratuit pour les boursiers, puis-je être remboursé ?", level: Routine},
	})
}

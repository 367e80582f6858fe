package triage

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSession19Understated checks, with the lexicon alone, the families
// of understated urgent messages session 19 reads (read on the honest
// rounds' tuning halves, where only the classifier caught them), each
// beside decoys that must keep their level: strong words used lightly,
// past or solved events, films, someone else's situation, hypotheticals.
// The whole triage is not checked: the classifier alone raises five of
// these short decoys, as it did before (« l'aide à domicile ne passe plus
// le samedi » of a mother of 88 read as urgent).
func TestSession19Understated(t *testing.T) {
	tests := []lexiconCase{
		// Farewells said calmly.
		{"the others better off", "Je crois que tout le monde serait plus tranquille si je disparaissais, j'y pense beaucoup.", Urgent, []string{CodeSuicide}},
		{"belongings given away", "J'ai commencé à donner mes affaires à mes amis, je n'en aurai plus besoin.", Urgent, []string{CodeSuicide}},
		{"belongings given before a move", "J'ai commencé à donner mes affaires avant mon déménagement à Lyon, faut-il changer d'adresse à la CAF ?", Routine, nil},
		{"no longer concerned, dropped ne", "De toute façon d'ici la semaine prochaine ça me concernera plus trop.", Urgent, []string{CodeSuicide}},
		{"no longer concerned after retiring", "La taxe, ça me concernera plus du tout à la retraite ?", Routine, nil},
		{"no interest left", "Je ne sais pas si je tiendrai encore longtemps comme ça, je n'en vois plus trop l'intérêt.", Urgent, []string{CodeSuicide}},
		{"no interest in a contract", "Je ne sais pas si je tiendrai encore longtemps ce contrat, je n'en vois plus l'intérêt.", Routine, nil},
		{"the means at home", "Il dit que si ça ne passe pas cette fois, il a ce qu'il faut à la maison pour régler le problème.", Urgent, []string{CodeSuicide}},
		{"the tools at home for a leak", "J'ai ce qu'il faut à la maison pour régler le problème de la fuite, merci.", Routine, nil},
		// A supply cut announced for a near day (black-box round 2).
		{"a cut tomorrow, a baby", "On nous coupe l'électricité demain, on a un bébé de 2 mois et il fait -5.", Urgent, []string{CodeEnergyCut}},
		{"a cut in two months", "EDF nous coupe l'électricité dans deux mois si on ne paie pas, que faire ?", Attention, []string{CodeEnergyRisk}},
		// A dependent whose carer is gone.
		{"the home help stopped coming", "Ma mère a 88 ans. L'aide à domicile ne passe plus depuis dix jours.", Urgent, []string{CodeVulnerableAdult}},
		{"the home help off on Saturdays", "Ma mère a 88 ans. L'aide à domicile ne passe plus le samedi, peut-on changer d'association ?", Routine, nil},
		{"nobody got him up", "Je suis tétraplégique. Depuis lundi personne ne m'a levé ni changé.", Urgent, []string{CodeVulnerableAdult, CodeDisability}},
		{"the carer hospitalised", "Mon père a 79 ans et Alzheimer. Ma mère qui s'occupe de lui a été hospitalisée hier soir.", Urgent, []string{CodeVulnerableAdult}},
		{"found on the floor, an APA file", "Je vous écris pour le dossier APA de ma mère. La voisine l'a retrouvée par terre mardi.", Urgent, []string{CodeVulnerableAdult}},
		{"an APA file only", "Je vous écris pour le dossier APA de ma mère. Quel justificatif manque-t-il ?", Routine, nil},
		// A countdown to a legal time limit.
		{"a countdown after a recourse", "Il faut faire un recours dans les deux mois. Si je compte bien, ça se termine vendredi.", Urgent, []string{CodeLegalDeadline}},
		{"days left to make observations", "J'ai 30 jours pour faire mes observations. Si je compte bien il me reste trois jours.", Urgent, []string{CodeLegalDeadline}},
		{"days of leave left after a refusal", "Ma demande de congé a eu un refus. Si je compte bien il me reste trois jours de congés.", Routine, nil},
		{"a countdown with no time near", "J'ai contesté la décision en mars. Si je compte bien, ça fait quatre mois sans réponse.", Attention, []string{CodeRepeatedFailure}},
		{"an opposition whose month ends", "J'ai reçu l'injonction il y a 3 semaines. Je peux faire opposition dans un délai d'un mois.", Urgent, []string{CodeLegalDeadline}},
		{"a bank card stopped", "J'ai dû faire opposition à la carte bancaire aujourd'hui, que faire ?", Routine, nil},
		// Told to leave a shelter or a host's home.
		{"told to leave the hotel tomorrow", "Le monsieur de l'hôtel du 115 a dit que demain à midi on doit partir.", Urgent, []string{CodeHousingLoss}},
		{"told to leave by a cousin tonight", "Hébergée chez une cousine qui lui a dit de partir ce soir.", Urgent, []string{CodeHousingLoss}},
		{"keys given back after a move", "Nous devons rendre les clés jeudi au propriétaire après l'état des lieux, et la caution ?", Routine, nil},
		{"a hypothetical dog", "Mon proprio dit que je dois partir si je prends un chien, c'est légal ?", Routine, nil},
		// The fear of the street reads its time.
		{"a fear of the street, weeks away", "J'ai reçu un commandement de payer, j'ai 2 mois pour régler. J'ai peur de me retrouver à la rue avec ma fille.", Attention, []string{CodeHousingRisk}},
		{"a fear of the street tomorrow", "On doit être partis demain matin, j'ai peur de me retrouver à la rue avec ma fille.", Urgent, []string{CodeHousingLoss}},
		// A supply cut told without an article.
		{"a cut on Thursday in broken French", "moi lettre EDF. ils coupe electricite jeudi. bebe 3 mois.", Urgent, []string{CodeEnergyCut}},
		{"a cut for works", "Ils coupent l'électricité jeudi pour des travaux sur le réseau.", Routine, nil},
		// A blow with a word between, not a tap.
		{"hit again last night", "mon beau pere m a encore tapé hier soir, j'ose plus rentrer.", Urgent, []string{CodeViolence}},
		{"a tap on the shoulder", "Le conseiller m'a encore tapé sur l'épaule en riant, très sympa.", Routine, nil},
		{"a letter typed", "Ma fille m'a tapé la lettre à l'ordinateur, est-ce suffisant ?", Routine, nil},
		// A mother's partner touching her daughter.
		{"the mother's partner touches her", "Elle m'a dit que le compagnon de sa mère vient dans sa chambre la nuit et la touche.", Urgent, []string{CodeChild}},
		{"the mother's partner's income", "Le compagnon de sa mère touche le chômage, faut-il le déclarer ?", Routine, nil},
		// Meals skipped, not a fast.
		{"no dinner at home", "Selon le CPE l'enfant aurait dit « on mange pas le soir ».", Urgent, []string{CodeFood}},
		{"a fast", "Pendant le ramadan on ne mange pas le midi, la cantine peut-elle adapter ?", Routine, nil},
		// Care that ran out.
		{"insulin for tonight only", "Pharmacie refuse de délivrer sans droits, insuline « plus que pour ce soir ».", Urgent, []string{CodeHealth}},
		{"medicine ended with no rights", "les medicament fini depuis samedi parce que la AME elle est plus valable.", Urgent, []string{CodeHealth}},
		{"an antibiotic course ended", "Mon traitement antibiotique est terminé depuis lundi, dois-je revoir le médecin ?", Routine, nil},
		// Round 25's tuning half: a countdown said otherwise, the police
		// coming back, nothing to give to eat, pills for two.
		{"days left, counted", "Il fallait faire appel dans le mois, et nous sommes le 12, donc il me reste jusqu'à lundi si j'ai bien compté.", Urgent, []string{CodeLegalDeadline}},
		{"an appeal won years ago", "J'ai fait appel en 2019 et j'ai gagné, si j'ai bien compté ça fait cinq ans.", Routine, nil},
		{"the bailiff back with the police", "L'huissier est passé aujourd'hui, il revient jeudi matin avec la police.", Urgent, []string{CodeHousingLoss, CodeDebt}},
		{"a police officer visiting a school", "Le policier revient jeudi matin avec la police municipale pour une intervention au collège sur la sécurité routière.", Routine, nil},
		{"nothing to give a child to eat", "Ce soir j'ai rien à donner à manger à mon fils.", Urgent, []string{CodeFood}},
		{"meals skipped at work", "Avec les réunions je saute des repas au travail, la mutuelle rembourse-t-elle une diététicienne ?", Routine, nil},
		{"pills for two", "Des fois je me dis que je vais prendre ses cachets et les miens et qu'on partira ensemble.", Urgent, []string{CodeSuicide}},
		{"a pregnancy that bleeds, in Spanish", "Está embarazada de 7 meses. Desde anoche tiene sangrado y dolor fuerte.", Urgent, []string{CodeHealth}},
		{"a heat of last summer", "L'été dernier il faisait 35 degrés dans la chambre de ma mère (89 ans), comment l'inscrire sur le registre canicule ?", Routine, nil},
		// A runaway minor, named first.
		{"a minor with an adult man", "Ma petite soeur a 14 ans. Elle dort chez un mec de 29 ans depuis dimanche.", Urgent, []string{CodeChild}},
		{"an adult daughter with her partner", "Ma fille a 25 ans, elle vit avec un homme de 30 ans, peut-elle avoir les APL ?", Routine, nil},
		// Belongings given away with a farewell.
		{"belongings given, no more need", "Le titre est refusé encore. J'ai donné mes affaires à mon coloc, je n'en aurai plus besoin.", Urgent, []string{CodeSuicide}},
		{"a car given to a son before retiring", "J'ai donné ma voiture à mon fils avant la retraite, je n'en aurai plus besoin, faut-il déclarer le don ?", Routine, nil},
		// The training rounds' lexicon misses: an old mother who no longer
		// picks up, a night on the floor, a touch where one must not, a
		// forced act.
		{"an old mother who no longer picks up", "C'est pour ma mère, elle a 88 ans, depuis jeudi elle décroche plus le téléphone.", Urgent, []string{CodeVulnerableAdult}},
		{"a night on the floor", "M. P., 87 ans, vit seul. Il a chuté samedi, a passé la nuit au sol.", Urgent, []string{CodeVulnerableAdult}},
		{"touched where one must not", "L'homme envoyé pour sa toilette la touche là où il ne faut pas.", Urgent, []string{CodeViolence}},
		{"forced, with no word for it", "Mon tuteur m'a forcée, je n'arrive pas à écrire le mot.", Urgent, []string{CodeViolence}},
		{"forced to sign", "Le vendeur m'a forcée à signer le contrat, puis-je me rétracter ?", Routine, nil},
		// A film and someone else's job stay routine.
		{"a film of a farewell", "Dans le film, le héros dit que tout le monde serait plus tranquille s'il disparaissait.", Routine, nil},
		{"a nurse's job", "Je suis aide à domicile : mes patients me demandent si la CAF rembourse, que dire ?", Routine, nil},
	}
	checkLexicon(t, tests)
}

// TestSession19Figures checks, on the whole triage, the blows and fights
// said figuratively that black-box round 2 saw made urgent with a child
// in the sentence (« frappé par la beauté du château », « s'est battu avec
// la paperasse »), beside the real blows they must not hide, in the same
// sentence or the next.
func TestSession19Figures(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"mon fils a été frappé par la beauté du château de Versailles, faut-il un passeport pour la visite ?", false},
		{"mon fils s'est battu avec la paperasse pour sa bourse, une vraie guerre, comment faire la demande ?", false},
		{"Ma fille se bat contre l'administration pour sa bourse depuis septembre.", false}, // a complaint may be read
		{"mon fils est frappé par son père, et moi je me bats avec la CAF pour le RSA", true},
		{"mon fils est frappé par son père. Je me bats avec la CAF pour le RSA.", true},
		{"ma fille a été frappée par un camarade à l'école, touchée par la foudre de sa colère", true},
	})
}

// TestSession19Review checks, on the whole triage, the false urgents the
// review of session 19 found in its rules (a tap on the nerves or for
// money, a minor away on a planned stay or with a broken telephone, a
// fear of being out late, a countdown of leave or of a sale, a boiler's
// yearly service), beside one real urgent message per rule.
func TestSession19Review(t *testing.T) {
	t.Parallel()
	checkUrgency(t, []urgencyCase{
		{"Mon collègue m'a encore tapé sur les nerfs aujourd'hui, il me faut une attestation de salaire", false},
		{"Mon frère m'a encore tapé 50 euros", false},
		{"Ce dossier m'a tapé sur le système", false},
		{"il m'a encore tapé hier soir, j'ose plus rentrer.", true},
		{"Ma fille de 16 ans part avec un copain majeur en vacances", false},
		{"Ma fille de 15 ans est partie avec un adulte de l'association en colonie", false},
		{"Ma fille de 17 ans n'est pas rentrée de son stage à l'étranger, elle revient le 12", false},
		{"Ma petite soeur a 14 ans. Elle dort chez un mec de 29 ans depuis dimanche.", true},
		{"J'ai peur d'être dehors trop tard ce soir, le bureau ferme à quelle heure ?", false},
		{"On doit être partis demain matin, j'ai peur de me retrouver à la rue avec ma fille.", true},
		{"L'hébergement s'arrête demain, j'ai peur d'être dehors avec mes enfants.", true},
		{"Il me reste que 2 jours de congés, mais la date limite expire quand pour le recours ?", false},
		{"J'ai 30 jours pour faire mes observations. Si je compte bien il me reste trois jours.", true},
		{"Il ne me reste que deux jours pour le recours contre le refus de la CAF.", true},
		{"Le syndic nous coupe le chauffage demain pour l'entretien annuel de la chaudière.", false},
		{"On nous coupe l'électricité demain, on a un bébé de 2 mois et il fait -5.", true},
		{"L'intervention de suspension de la fourniture de gaz aura lieu demain.", true},
	})
}

// urgencyCase is a message and whether the whole triage reads it as
// urgent.
type urgencyCase struct {
	text   string
	urgent bool
}

// checkUrgency checks whether the whole triage reads each case as urgent.
func checkUrgency(t *testing.T, tests []urgencyCase) {
	t.Helper()
	for _, tt := range tests {
		got := AssessAt(context.Background(), tt.text, evalNow).Level
		if diff := cmp.Diff(tt.urgent, got == Urgent); diff != "" {
			t.Errorf("%q: %s, urgent (-want +got):\n%s", tt.text, got, diff)
		}
	}
}

// TestSession19ReviewLexicon checks with the lexicon alone two of the
// review's false urgents that the classifier alone still reads as urgent
// (for an elderly person in danger, for health), as it did before
// session 19's rules, which no longer fire on them.
func TestSession19ReviewLexicon(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"a telephone off, its screen broken", "Mon fils de 16 ans a son portable éteint depuis hier car l'écran est cassé", Routine, nil},
		{"days left of a sale", "Il ne reste que deux jours avant la fin des soldes, et j'attends le refus de ma banque", Routine, nil},
	})
}

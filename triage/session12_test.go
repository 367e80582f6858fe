package triage

import (
	"testing"
	"time"
)

// TestSession12Families checks, with the lexicon alone, the families of
// session 12 (urgent messages missed and routine ones raised in the
// tuning halves of rounds 15 to 17) and the readings kept beside them.
func TestSession12Families(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"nowhere to sleep tomorrow", "L'hôtel c'est fini vendredi, on dort où demain ?", Urgent, []string{CodeHousingLoss}},
		{"locks changed, in the car", "The landlord changed the locks and we are in my car with the kids.", Urgent, []string{CodeHousingLoss, CodeLanguage}},
		{"gas cut in English", "Engie letter: gas will be cut in 4 days and we cook with gas.", Urgent, []string{CodeEnergyCut}},
		{"no cut threatened", "J'ai un impayé de facture mais il n'y a pas de menace de coupure pour l'instant.", Attention, []string{CodeDebt}},
		{"pushed against the wall", "When he drinks he gets violent, yesterday he pushed me against the door.", Urgent, []string{CodeViolence}},
		{"Darija despair", "ana ta3ban, ma bqitch baghi n3ich, safi.", Urgent, []string{CodeSuicide, CodeLanguage}},
		{"summoned to court", "Je dois comparaître mercredi à 14 heures.", Urgent, []string{CodeLegalDeadline}},
		{"a time limit ending", "Le délai de réponse à l'administration fiscale expire jeudi.", Urgent, []string{CodeLegalDeadline}},
		{"a dated deadline in two weeks", "J'ai jusqu'au 13 décembre pour contester la décision.", Urgent, []string{CodeLegalDeadline}},
		{"a deadline in a month", "J'ai jusqu'au 30 décembre pour contester la décision.", Routine, nil},
		{"an urgent operation", "Le chirurgien dit opération urgente mais je n'ai plus de mutuelle.", Urgent, []string{CodeHealth}},
		{"vomiting for days", "Je vomis depuis trois jours et je ne peux pas me déplacer.", Urgent, []string{CodeHealth}},
		{"a notice to pay rent", "L'huissier m'a remis un commandement de payer hier.", Attention, []string{CodeHousingRisk, CodeDebt}},
		{"an identity stolen", "On m'a volé mon identité, un prêt que je n'ai jamais signé est à mon nom.", Attention, []string{CodeFraud}},
		{"credentials given", "J'ai cliqué sur le lien et j'ai mis mes identifiants, on a vidé mon compte formation.", Attention, []string{CodeFraud}},
		{"a son who did the paperwork", "Mon fils va me tuer, c'est lui qui avait tout rempli.", Routine, nil},
		{"a flatmate, figuratively", "Ma coloc va sûrement me tuer si je ne paie pas ma part à temps.", Routine, nil},
		{"a husband's threat stays", "Mon mari va me tuer si je demande le divorce.", Urgent, []string{CodeViolence}},
		{"weariness told in the past", "J'étais au bout du rouleau l'hiver dernier, merci pour votre aide.", Routine, nil},
		{"weariness now", "Je suis au bout du rouleau.", Urgent, []string{CodeSuicide}},
		{"a debt cancelled", "Merci, la dette de 600 euros a été annulée et l'APL est revenue.", Routine, nil},
		{"all repaid", "J'avais eu des impayés mais tout est remboursé.", Routine, nil},
		{"the writer's own anger", "Ras le bol de moi-même, c'est la troisième fois que je perds mes clés de boîte aux lettres.", Routine, nil},
		{"just to know", "Le bailleur peut-il expulser après un loyer impayé ? C'est juste pour savoir, je suis à jour.", Routine, nil},
		{"an agent shouted", "L'agente au guichet a crié sur moi devant tout le monde, c'est inadmissible.", Attention, []string{CodeComplaint}},
		{"a partner shouts", "Il crie sur moi tous les soirs.", Urgent, []string{CodeViolence}},
		{"a worry about a claim", "J'ai peur qu'on me réclame les sommes versées à tort.", Attention, []string{CodeDebt}},
		{"a fear of him stays", "J'ai peur qu'il revienne ce soir.", Urgent, []string{CodeViolence}},
		{"a medicine without going through him", "Puis-je commander ma carte sans passer par lui, pour mes médicaments ?", Routine, nil},
	})
}

// TestSession12Hidden checks, with the lexicon alone, the urgent needs
// told in passing that session 12 reads: farewells told as chores,
// hunger told as a menu, violence told by its marks, a child or an old
// person left alone.
func TestSession12Hidden(t *testing.T) {
	checkLexicon(t, []lexiconCase{
		{"papers sorted for a son", "J'ai classé tous mes papiers dans une enveloppe pour mon fils, il saura.", Urgent, []string{CodeSuicide}},
		{"papers found while sorting", "En rangeant ses papiers j'ai trouvé un vieux livret.", Routine, nil},
		{"pills counted", "J'ai compté les comprimés du docteur, il y en a assez.", Urgent, []string{CodeSuicide}},
		{"pills for blood pressure", "Mes comprimés pour la tension sont-ils remboursés ?", Routine, nil},
		{"still there", "Je ne sais pas si je serai encore là à Noël.", Urgent, []string{CodeSuicide}},
		{"trains on the platform", "Je suis au bord du quai et je pense qu'à ça.", Urgent, []string{CodeSuicide}},
		{"no pasta left", "Depuis lundi c'est pâtes au beurre et là y a plus de pâtes.", Urgent, []string{CodeFood}},
		{"not eaten for days", "Il dit ne pas avoir mangé depuis trois jours.", Urgent, []string{CodeFood}},
		{"an empty cupboard", "Mon placard est vide depuis dimanche.", Urgent, []string{CodeFood}},
		{"a bruise on the arm", "Elle avait des bleus sur les bras et ne voulait pas dire pourquoi.", Urgent, []string{CodeViolence}},
		{"a threat if she leaves", "Il dit qu'il la tuerait si elle part.", Urgent, []string{CodeViolence}},
		{"a phone taken from a teenager", "Mon fils, depuis qu'on lui a confisqué son portable, boude.", Routine, nil},
		{"a girl alone at night", "La voisine laisse sa fille de 5 ans toute seule la nuit.", Urgent, []string{CodeChild}},
		{"two little ones alone", "Les 3 petits sont seuls depuis samedi.", Urgent, []string{CodeChild}},
		{"a mother who lives alone", "Je vis seule depuis longtemps, ma fille voudrait la téléassistance.", Routine, nil},
		{"an old man out at night", "Mon voisin a 86 ans. Hier soir on l'a retrouvé dehors en pyjama.", Urgent, []string{CodeVulnerableAdult}},
		{"shutters closed", "M. Martin, 91 ans, vit seul. Ses volets sont restés fermés depuis jeudi.", Urgent, []string{CodeVulnerableAdult}},
		{"a heat-wave register", "Ma mère a 90 ans et voudrait s'inscrire au registre canicule.", Routine, nil},
		{"whom to tell", "À qui je dois le signaler ?", Routine, nil},
		{"pregnant and bleeding", "Je suis enceinte de 6 mois et je saigne depuis ce matin.", Urgent, []string{CodeHealth}},
		{"a fever for days", "Ma fille a 40 de fièvre depuis trois jours.", Urgent, []string{CodeHealth}},
		{"a fever told past", "Ma fille a eu une gastro avec 39 de fièvre, je suis restée deux jours à la maison.", Routine, nil},
		{"the oxygen taken back", "Le prestataire veut reprendre le concentrateur d'oxygène de mon père lundi.", Urgent, []string{CodeHealth}},
		{"power cut by the supplier", "EDF nous a coupé l'elec ce matin, on a un bébé.", Urgent, []string{CodeEnergyCut}},
		{"a cut for works", "L'eau sera coupée jeudi matin pour des travaux sur la canalisation.", Routine, nil},
		{"a supplier changed", "Je change de fournisseur d'électricité, y aura-t-il une coupure ?", Routine, nil},
		{"sleeping in the cab", "Je dors dans la cabine du camion depuis la séparation.", Urgent, []string{CodeHousingLoss}},
		{"the room to give back", "Le foyer dit que je dois rendre la chambre dimanche.", Urgent, []string{CodeHousingLoss}},
		{"a benefit cut", "La CAF a coupé l'aide au logement depuis ce mois-ci.", Routine, nil},
		{"a benefit cut, the rent due", "Ils m'ont coupé les APL, je dois payer le loyer demain.", Routine, nil},
		{"a benefit and the power cut", "La CAF a coupé le RSA et EDF a coupé le courant ce matin.", Urgent, []string{CodeEnergyCut}},
		{"summoned by a judge", "Ma mère est convoquée mercredi par le juge des tutelles.", Urgent, []string{CodeLegalDeadline}},
	})
}

// TestDatedWithin checks which dates a legal deadline counts as within
// days.
func TestDatedWithin(t *testing.T) {
	now := time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want bool
	}{
		{"jusqu'au 12 décembre", true},
		{"avant le 15 décembre", true},
		{"le 16 décembre", false},
		{"le 30 novembre", true},
		{"le 20 novembre", false},
		{"le 3/12", true},
		{"sans date", false},
	}
	for _, tc := range tests {
		if got := datedWithin(foldSentence(tc.text), now, deadlineDays); got != tc.want {
			t.Errorf("datedWithin(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

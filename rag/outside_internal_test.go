package rag

import (
	"strings"
	"testing"
)

func TestAskCues(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, message, request string
		ownCase, outside       float64
	}{
		{"own file, accents and capitals", "Bonjour, j'ai envoyé mes papiers en mai. Où en est mon dossier ?", "Où en est mon dossier ?", 1, 0},
		{"own file in the story", "Mon dossier est en cours d'instruction depuis trois mois. Que puis-je faire ?", "Que puis-je faire ?", 1, 0},
		{"file number", "Voici mon numéro de dossier, pouvez-vous regarder ?", "pouvez-vous regarder ?", 1, 0},
		{"a question on a procedure", "Comment demander une carte d'identité ? Il faut un rendez-vous ?", "Comment demander une carte d'identité ? Il faut un rendez-vous ?", 0, 0},
		{"town hall matter in the request", "Nous organisons un baptême.", "Combien coûte la salle des fêtes pour les habitants de la commune ?", 0, 1},
		{"town hall mentioned in the story only", "Je suis passée à la cantine de l'école hier.", "Quelles aides pour la rentrée scolaire ?", 0, 0},
		{"another country's card", "Je vis en France.", "Comment renouveler ma carte d'identité belge ?", 0, 1},
		{"another country's consulate", "Je pars vivre à Madrid.", "Faut-il passer au consulat d'Espagne ?", 0, 1},
		{"travel to another country", "Nous partons cet été.", "Quels papiers pour aller en Algérie avec un enfant ?", 0, 0},
		{"how to follow a procedure", "J'ai commandé ma carte.", "Comment savoir où en est la fabrication ?", 0, 0},
		{"private company", "Mon ex utilise mon compte.", "Comment changer le mot de passe Netflix ?", 0, 1},
		{"a word containing a cue", "Je travaille dans une enseigne.", "M. Turcotte a-t-il droit au RSA ?", 0, 0},
		// Questions a page answers, read as out of corpus by cues tried in
		// session 18 and dropped after its diff review.
		{"a benefit's payment date", "", "Quand tombera le versement de la prime d'activité ?", 0, 0},
		{"an address on a form", "", "Dois-je indiquer mon adresse personnelle pour ma micro-entreprise ?", 0, 0},
		{"a mediator", "", "Le médiateur peut-il intervenir pour moi auprès de la CAF ?", 0, 0},
		{"a commission's meetings", "", "Quand la commission se réunit-elle pour un logement social ?", 0, 0},
		{"an office's opening", "", "La MDPH est-elle ouverte le matin sans rendez-vous ?", 0, 0},
		{"a licence from another EU country", "", "Mon permis de conduire croate est-il reconnu en France ?", 0, 0},
		{"a processing time", "", "Combien de temps ça prend chez vous pour un passeport ?", 0, 0},
	}
	for _, c := range cases {
		own, out := askCues(c.message, c.request)
		if own != c.ownCase || out != c.outside {
			t.Errorf("%s: own case %v, outside %v; want %v, %v", c.name, own, out, c.ownCase, c.outside)
		}
	}
}

// BenchmarkAskCues measures the cues of a long message (about 1,500
// characters), which every search computes.
func BenchmarkAskCues(b *testing.B) {
	message := strings.Repeat("Bonjour, mon fils est né en février à Angers et je voudrais savoir quelles aides demander. ", 16)
	request := "Quelles aides demander pour mon fils ?"
	for b.Loop() {
		askCues(message, request)
	}
}

// TestAskCuesNearMisses checks the cue families of near-misses (advice,
// opinion, errands, faults, someone else's file, a payment's day) on
// phrasings written for this test, and that answerable requests close to
// them stay silent.
func TestAskCuesNearMisses(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, request    string
		ownCase, outside float64
	}{
		{"which insurer to choose", "Entre la MAAF et la Matmut, laquelle vous me conseillez pour ma voiture ?", 0, 1},
		{"a good lawyer", "Pourriez-vous me recommander un bon avocat à Rennes ?", 0, 1},
		{"the cheapest, SMS style", "c ki le moins cher pour une mutuelle etudiant", 0, 1},
		{"the best bank", "Laquelle est la meilleure pour un premier compte ?", 0, 1},
		{"a fair price", "1200 euros pour le ravalement c'est un prix correct ?", 0, 1},
		{"English recommendation", "Can you recommend a cheap plumber near Lyon?", 0, 1},
		{"an opinion", "Franchement, qu'est-ce que vous en pensez ?", 0, 1},
		{"politics", "Pourquoi le gouvernement augmente encore les taxes sur le gasoil ?", 0, 1},
		{"call someone for me", "Pouvez-vous appeler mon propriétaire pour lui expliquer ?", 0, 1},
		{"the town hall calls the neighbour", "Je voudrais que la mairie appelle mon voisin pour le bruit.", 0, 1},
		{"a website's bug", "Le site de la préfecture beugue quand je valide, que faire ?", 0, 1},
		{"the application crashes", "Depuis la mise à jour l'application plante au démarrage.", 0, 1},
		{"a TV box", "La box ne capte plus la TNT, vous pouvez m'aider ?", 0, 1},
		{"school holidays' dates", "C'est quand les vacances de la Toussaint cette année ?", 0, 1},
		{"opening day", "La poste du bourg est ouverte le samedi ?", 0, 1},
		{"a parcel carrier", "Mon colis Chronopost n'est jamais arrivé, qui appeler ?", 0, 1},
		{"two telecom operators", "Free ou Orange, c'est mieux pour la fibre ?", 0, 1},
		{"a dispute's outcome", "Aux prud'hommes, j'ai des chances de gagner contre ce patron ?", 0, 1},
		{"a lost parcel", "Mon colis n'est jamais arrivé et le vendeur ne répond pas.", 0, 1},
		{"another country's tax rules", "What are the tax rules in Portugal for a pension?", 0, 1},
		{"a lost umbrella", "Où sont les objets trouvés de la mairie ?", 0, 1},
		{"sending a parcel abroad", "Quelles taxes pour envoyer un colis au Maroc ?", 0, 0},
		{"someone else's file", "Elle aimerait savoir où en est sa demande de logement social.", 1, 0},
		{"a payment's day", "Mon remboursement arrivera quand exactement ?", 1, 0},
		{"who handles the file", "Quel agent s'occupe de mon dossier à la préfecture ?", 1, 0},
		{"the best way to contest", "Quel est le meilleur moyen de contester une amende ?", 0, 0},
		{"advice on a procedure", "Que me conseillez-vous pour récupérer mon dépôt de garantie ?", 0, 0},
		{"a recommended vaccine", "Quel vaccin est recommandé pour un bébé de deux mois ?", 0, 0},
		{"a working teenager", "Pendant les vacances scolaires, mon fils de 15 ans peut-il travailler ?", 0, 0},
		{"abroad on holidays", "Quand je pars en vacances en Espagne, faut-il une carte européenne ?", 0, 0},
		{"a payment calendar", "À quelle date la CAF verse-t-elle le RSA chaque mois ?", 0, 0},
		{"a tax notice", "Où trouver votre avis d'imposition en ligne ?", 0, 0},
		{"whom to contact", "Qui dois-je contacter pour ma retraite complémentaire ?", 0, 0},
		{"an adviser", "Comment joindre un conseiller de la CAF ?", 0, 0},
		{"a conditional acceptance", "Si ma demande est acceptée, combien vais-je toucher ?", 0, 0},
		{"a plant", "Mon voisin a planté une haie trop haute, que dit la loi ?", 0, 0},
		// Short questions a black-box tester saw marked reliable (session 21).
		{"an accepted request", "Ma demande de RSA a été acceptée ?", 1, 0},
		{"the controller's visit", "Mon contrôleur CAF vient quand ?", 1, 0},
		{"a relative's file complete", "Le dossier de ma mère est-il complet ?", 1, 0},
		{"a shop's delivery", "Ikea livre-t-il le dimanche ?", 0, 1},
		{"the station's parking", "Le parking de la gare est gratuit ?", 0, 1},
		{"an operator's plan", "Mon forfait Free a augmenté", 0, 1},
		{"a bus line", "Le bus 42 ne passe plus", 0, 1},
		{"a benefit that fell", "Pourquoi mon APL a baissé de 30 euros ?", 1, 0},
		{"a payment made", "Ma prime d'activité de mars a-t-elle été versée ?", 1, 0},
		{"the best rate", "Quelle banque propose le meilleur taux pour un crédit ?", 0, 1},
		{"a duty pharmacy", "pharmacie de garde ce soir", 0, 1},
		{"another country's scheme", "Le congé parental existe-t-il aussi en Suisse ?", 0, 1},
		{"a cancelled ferry", "Le ferry de demain est-il annulé ?", 0, 1},
		{"the weather", "quel temps fera-t-il samedi ?", 0, 1},
		{"how the APL is computed", "Comment est calculée l'APL ?", 0, 0},
		{"when benefits are paid", "Quand la prime d'activité est-elle versée ?", 0, 0},
		{"a lawful bus fare", "Le bus est-il gratuit pour les enfants ?", 0, 0},
		{"a French licence abroad", "Mon permis de conduire est-il valable en Suisse ?", 0, 0},
		{"the best way", "Quelle est la meilleure façon de contester une amende ?", 0, 0},
	}
	for _, c := range cases {
		own, out := askCues(c.request, c.request)
		if own != c.ownCase || out != c.outside {
			t.Errorf("%s: own case %v, outside %v; want %v, %v", c.name, own, out, c.ownCase, c.outside)
		}
	}
}

// TestCuesStartWithAWord checks that every cue starts with a space and a
// literal word of at least two letters, which match looks for before
// calling the regexp package: a cue that starts with an alternation is
// tried at every space of every message.
func TestCuesStartWithAWord(t *testing.T) {
	t.Parallel()
	for _, set := range []cueSet{ownCaseCues, otherFileCues, outsideCues} {
		for _, c := range set {
			if len(c.prefix) < 3 || c.prefix[0] != ' ' {
				t.Errorf("cue %q starts with %q, want a space and a word", c.re, c.prefix)
			}
		}
	}
}

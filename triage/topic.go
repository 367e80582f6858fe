package triage

import (
	"slices"
	"strings"
)

// What a cue names rather than describes: a danger as the topic of a
// session, a leaflet or a training (« une journée de sensibilisation sur
// le harcèlement », « gestion des conflits et agressions »), or a word
// inside a figure of speech (« morte de rire », « mourir de honte »).

// topicNouns are the activities and documents whose topic follows a
// preposition (topicPrepositions): « une séance sur les violences ».
var topicNouns = wordSet("seance seances semaine journee journees reunion soiree conference conferences debat atelier ateliers " +
	"expose memoire these affiche affiches brochure brochures plaquette plaquettes flyer flyers support supports " +
	"documentation module modules formation formations stage cours campagne reportage documentaire film livre roman " +
	"exposition article questionnaire enquete statistiques chiffres projet dossier info information prevention sensibilisation")

// topicPrepositions introduce a topic after any of topicNouns.
var topicPrepositions = wordSet("sur contre concernant autour")

// topicOf are the nouns whose topic may also follow « de », « des », « aux
// »…: « sensibilisation aux violences », « gestion des agressions ».
var topicOf = map[string]map[string]bool{
	"sensibilisation": wordSet("a aux au"),
	"gestion":         wordSet("de des du"),
	"lutte":           wordSet("contre"),
}

// topicStops end the noun phrase of a topic: a pronoun, a determiner of
// someone's own, a conjunction of clauses. « Une formation sur … et mon
// mari me frappe » describes someone.
var topicStops = wordSet("je j' il elle on nous vous ils elles m' me moi mon ma mes son sa ses notre nos leur leurs " +
	"qui que qu' mais car parce donc alors lui t' te tu ton ta tes y")

// maxTopicWords is how many words of a topic's noun phrase may come
// between its preposition and the cue (« une séance sur les violences
// faites aux femmes et le harcèlement »).
const maxTopicWords = 8

// topicFramed reports whether the cue that folded before ends before is
// the topic of an activity or a document: after a topic noun and its
// preposition, with only the words of a noun phrase between.
func topicFramed(before string) bool {
	words := lastWords(before, maxTopicWords+1)
	for i := len(words) - 1; i >= 1; i-- {
		w := words[i]
		if topicStops[w] {
			return false
		}
		noun := words[i-1]
		if topicPrepositions[w] && topicNouns[noun] || topicOf[noun][w] {
			return true
		}
	}
	return false
}

// figureRe marks figures of speech that hold a cue's words: a death, a
// blow or a shame nobody suffers (« ma femme est morte de rire », « il en
// mourrait de honte », « failli m'étrangler avec mon café »), and a fear of
// being defrauded one day (« morts de peur à l'idée de se faire pirater »).
var figureRe = compile(` (?:mort|morte|morts|mortes|mourir|mourrait|mourra|meurs|meurt|mourais|mourait|crever|creve) de (?:rire|honte|peur|ennui|fatigue)` +
	`| (?:m' |s' |t' )etrangler (?:avec|en (?:buvant|mangeant|riant))` +
	`| (?:peur|crainte|l' idee|risque) de (?:se|me|te|nous|vous) faire (?:pirater|arnaquer|escroquer|avoir)`)

// deviceFigureRe marks a machine said to be suicidal (« Mon vieux PC est
// suicidaire »): only as the subject that opens the sentence, since folding
// drops commas and « mon fils, depuis qu'on lui a confisqué son portable,
// est suicidaire » must stay a suicide.
var deviceFigureRe = compile(`^ (?:(?:bon|alors|et|bref|franchement|sinon|en plus|par contre) )?(?:mon|ma|ton|ta|son|sa|notre|votre|le|la|ce|cet|cette)` +
	`(?: vieux| vieil| vieille| nouveau| nouvel| nouvelle| petit| petite)? (?:pc|ordi|ordinateur|imprimante|voiture|telephone|portable|box|tablette|site|appli|application|logiciel|scanner)` +
	` (?:est|etait|devient) (?:[a-z]+ )?suicidaire`)

// inFigure reports whether the cue at loc in folded lies inside a figure
// of speech (figureRe, deviceFigureRe).
func inFigure(folded string, loc []int) bool {
	for _, re := range []*pattern{figureRe, deviceFigureRe} {
		for _, f := range re.FindAllStringIndex(folded, -1) {
			if f[0] < loc[1] && loc[0] < f[1] {
				return true
			}
		}
	}
	return false
}

// lastWords returns the last n words of s (fewer when s holds fewer), in
// order, without cutting the rest of s.
func lastWords(s string, n int) []string {
	var out []string
	end := len(s)
	for len(out) < n {
		for end > 0 && s[end-1] == ' ' {
			end--
		}
		if end == 0 {
			break
		}
		start := strings.LastIndexByte(s[:end], ' ') + 1
		out = append(out, s[start:end])
		end = start
	}
	slices.Reverse(out)
	return out
}

package triage

import (
	"slices"
	"sort"
	"strings"
)

// What a cue names rather than describes: a danger as the topic of a
// session, a leaflet or a training (« une journée de sensibilisation sur
// le harcèlement », « gestion des conflits et agressions »), or a word
// inside a figure of speech (« morte de rire », « mourir de honte »).

// topicNouns are the activities and documents whose topic follows a
// preposition (topicPrepositions): « une séance sur les violences ».
var topicNouns = wordSet("seance seances semaine journee journees reunion soiree conference conferences debat atelier ateliers " +
	"expose memoire these sequence sequences lecon lecons affiche affiches brochure brochures plaquette plaquettes flyer flyers support supports " +
	"documentation module modules formation formations stage cours campagne reportage documentaire film livre roman " +
	"exposition article questionnaire enquete statistiques chiffres projet dossier info information prevention sensibilisation " +
	"court-metrage long-metrage podcast webinaire colloque spectacle emission serie piece pieces oral loi lois " +
	// English (since session 16: « information leaflets about domestic
	// violence »).
	"leaflet leaflets posters booklet booklets workshop workshops training talk talks presentation session sessions awareness materials " +
	// Since session 18: a thesis or a school project in English, Spanish
	// or Portuguese (« my master's thesis on domestic violence », « un
	// trabajo para la universidad sobre la violencia de género »).
	"thesis dissertation essay assignment research tesis trabajo proyecto informe folleto folletos taller charla tese trabalho projeto folheto folhetos palestra pesquisa")

// englishTopicNouns are the English topic nouns « on » may follow as a
// preposition (« a workshop on domestic violence »); after any other word
// it is the French pronoun (« on me frappe »).
var englishTopicNouns = wordSet("leaflet leaflets posters booklet booklets workshop workshops training talk talks presentation session sessions awareness materials information thesis dissertation essay assignment project research")

// topicPrepositions introduce a topic after any of topicNouns.
var topicPrepositions = wordSet("sur contre concernant autour about sobre")

// topicOf are the nouns whose topic may also follow « de », « des », « aux
// »…: « sensibilisation aux violences », « gestion des agressions ».
var topicOf = map[string]map[string]bool{
	"sensibilisation": wordSet("a aux au"),
	"gestion":         wordSet("de des du"),
	"lutte":           wordSet("contre"),
}

// workOf are the jobs and volunteering whose field follows a
// preposition: « je travaille auprès de femmes victimes de violences »,
// « du bénévolat aux Restos du cœur », « un poste dans un centre
// d'hébergement d'urgence » name a field of work, not the writer's
// situation.
var workOf = map[string]map[string]bool{
	"travaille":  wordSet("avec aupres dans pour"),
	"travailler": wordSet("avec aupres dans pour"),
	"benevole":   wordSet("a aux au dans chez pour aupres"),
	"benevolat":  wordSet("a aux au dans chez pour aupres"),
	"poste":      wordSet("d' de aupres dans"),
	"emploi":     wordSet("d' de aupres dans"),
	"job":        wordSet("d' de aupres dans"),
}

// maxTopicGap is how many words may stand between a topic noun and its
// preposition: « une formation en ligne sur », « notre projet de classe
// porte sur ».
const maxTopicGap = 4

// topicStops end the noun phrase of a topic: a pronoun, a determiner of
// someone's own, a conjunction of clauses. « Une formation sur … et mon
// mari me frappe » describes someone.
var topicStops = wordSet("je j' il elle on nous vous ils elles m' me moi mon ma mes son sa ses notre nos leur leurs " +
	"qui que qu' mais car parce donc alors lui t' te tu ton ta tes y " +
	"i my me he she his her our we they their who that " +
	"mi mis yo meu minha eu ele ela")

// maxTopicWords is how many words of a topic's noun phrase may come
// between its preposition and the cue (« une séance sur les violences
// faites aux femmes et le harcèlement »).
const maxTopicWords = 8

// topicFramed reports whether the cue that folded before ends before is
// the topic of an activity or a document, or the field of a job: after a
// topic noun and its preposition (a few words may stand between them),
// or after a topic noun and an infinitive (« la formation « Repérer les
// violences » »), with only the words of a noun phrase between.
func topicFramed(before string) bool {
	words := lastWords(before, maxTopicWords+maxTopicGap+1)
	for i := len(words) - 1; i >= 1; i-- {
		w := words[i]
		if w == "on" && englishTopicNouns[words[i-1]] && i >= len(words)-maxTopicWords {
			return true // « a workshop on domestic violence »
		}
		if topicStops[w] {
			return false
		}
		if i >= len(words)-maxTopicWords && topicIntroduces(words[:i], w) {
			return true
		}
	}
	return false
}

// topicIntroduces reports whether w, after the words before, introduces a
// topic: a preposition after a topic noun up to maxTopicGap words back
// (no pronoun or determiner of someone's own between), a preposition
// right after a noun of topicOf or workOf, or an infinitive right after a
// topic noun.
func topicIntroduces(before []string, w string) bool {
	noun := before[len(before)-1]
	if topicOf[noun][w] || workOf[noun][w] || topicNouns[noun] && infinitive(w) || inCaseOf(before, w) {
		return true
	}
	if !topicPrepositions[w] {
		return false
	}
	for k := len(before) - 1; k >= max(0, len(before)-maxTopicGap); k-- {
		if topicNouns[before[k]] {
			return true
		}
		if topicStops[before[k]] && !forAudience(before, k) {
			return false
		}
	}
	return false
}

// forAudience reports whether before[k], a determiner of someone's own,
// opens the audience of an activity after « pour »: « une séquence pour
// mes 4e sur les violences » (since session 14).
func forAudience(before []string, k int) bool {
	return k > 0 && before[k-1] == "pour" && audienceDeterminers[before[k]]
}

// audienceDeterminers are the determiners of an audience (forAudience).
var audienceDeterminers = wordSet("mes nos ses leurs mon ma son sa notre leur")

// inCaseOf reports whether w, after the words before, ends « en cas
// de »: a danger named as a case to be ready for (« savoir réagir en cas
// d'arrêt cardiaque ou d'hémorragie », « que faire en cas de coupure »)
// is no situation (since session 13).
func inCaseOf(before []string, w string) bool {
	n := len(before)
	return (w == "de" || w == "d'") && n >= 2 && before[n-1] == "cas" && before[n-2] == "en"
}

// maxListWords is how many words may stand between a cue named as a
// topic and the next cue of the same rule for that one to be a topic too:
// the items of a list (« un dossier sur les violences conjugales : les
// lois depuis 2019, le Grenelle, l'ordonnance de protection »).
const maxListWords = 12

// listGoesOn reports whether between, the text from a cue named as a
// topic to the next cue, reads as the rest of a list: a few words, none
// that ends a topic's noun phrase (topicStops: « … et mon mari me
// frappe » describes someone).
func listGoesOn(between string) bool {
	words := strings.Fields(between)
	if len(words) > maxListWords {
		return false
	}
	for _, w := range words {
		if topicStops[w] {
			return false
		}
	}
	return true
}

// infinitive reports whether w looks like a French infinitive of the
// first or second group (« repérer », « agir »).
func infinitive(w string) bool {
	return len(w) > 4 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir"))
}

// Figures of speech that hold a cue's words. Each is a context exception
// of the rules whose cues, or harms, hold those words (rule.others): a use
// of the cue inside one is no situation, the rule's other uses in the
// same sentence still count. Until session 17 one pattern of them all
// cancelled any rule's cue inside any of them.

// deathFigure is a death, a fear or a shame nobody suffers (« ma femme est
// morte de rire », « il en mourrait de honte », « morts de peur »): a
// suicidal cue, a bereavement, a fear of someone, a complaint's shame.
const deathFigure = ` (?:mort|morte|morts|mortes|mourir|mourrait|mourra|meurs|meurt|mourais|mourait|crever|creve) de (?:rire|honte|peur|ennui|fatigue)`

// chokeFigure is a choke on food or drink (« failli m'étrangler avec mon
// café »): no violence.
const chokeFigure = ` (?:m' |s' |t' )etrangler (?:avec|en (?:buvant|mangeant|riant))`

// defraudFear is a fear of being defrauded one day (« morts de peur à
// l'idée de se faire pirater », since session 20 « j'ai peur des arnaques
// parce que je reçois plein d'appels »): no fraud, no fear of someone.
const defraudFear = ` (?:peur|crainte|l' idee|risque) de (?:se|me|te|nous|vous) faire (?:pirater|arnaquer|escroquer|avoir)` +
	`| (?:peur|crainte|mefie|mefiance) (?:des|d' une|d' un|de l' |de ces) (?:arnaques?|escroqueries?|fraudes?|pirates?|piratages?|faux sites?|arnaqueurs?|escrocs?|demarcheurs?)` +
	`| (?:peur|crainte) qu' (?:ils|elles|il|elle|on) (?:en |me |nous |m' )?(?:[a-z]+ ){0,2}(?:d' autres |encore des |de nouveaux |un autre |un nouveau |une autre )?(?:credits?|prets?|emprunts?|abonnements?|contrats?|comptes?|achats?|virements?|prelevements?|dettes?)` +
	`| (?:peur|crainte) qu' il y (?:ait|a) (?:d' autres|encore des|de nouveaux|de nouvelles|plein d' autres) (?:[a-z]+ ){0,2}(?:ouverte?s?|souscrite?s?|faite?s?|a mon nom|en mon nom)`

// huntFigure is a hunt (« une battue aux sangliers », « partir en
// battue »; since session 18): no beaten woman.
const huntFigure = ` (?:en |une |la |les |des |de )?battues? (?:aux?|de|du|des) (?:sangliers?|chevreuils?|cerfs?|renards?|gibiers?|chasse|nuisibles|lievres?)| (?:en|une|la|de) battue`

// incomeFigure is money one receives (« il touche une retraite CNAV,
// une complémentaire et une petite pension »; since session 18): no
// child touched.
const incomeFigure = ` touche (?:[a-z']+ ){0,2}(?:retraite|pension|allocation|salaire|aides?|rsa|apl|aah|prime|indemnites?|chomage|bourse|somme|rente|smic|complementaire|euros|[0-9]+)| (?:une|la|cette) petite (?:pension|retraite|somme|aide|allocation|rente|maison|complementaire)`

// billReaction is an anger at a bill (« a failli me tuer quand il a vu
// le montant de la taxe foncière »; since session 18): no violence.
const billReaction = `| quand (?:il|elle|ils|elles|on) (?:a|ont|avait|avaient|verra|verront|va|vont) (?:vu|voir|lu|lire|recu|decouvert|ouvert) (?:le montant|la facture|le prix|la note|l' addition|le devis|le releve|la taxe|l' avis|les impots|le total|la somme)| en (?:voyant|lisant|recevant|decouvrant|ouvrant) (?:le montant|la facture|le prix|la note|l' addition|le devis|le releve|la taxe|l' avis|les impots|le total|la somme)`

// hireBailiff is a bailiff the writer would engage (« est-ce qu'il faut
// passer par un commissaire de justice » for a tenant's unpaid rent;
// since session 18): the writer is owed, no debt of the writer's.
const hireBailiff = ` (?:faut(?:-il)?|faut il|dois-je|dois je|devons-nous|puis-je|peut-on|je (?:dois|peux|vais|voudrais|compte)|on (?:doit|peut)|nous (?:devons|pouvons|allons)) (?:[a-z']+ ){0,2}(?:passer par|faire appel a|mandater|contacter|saisir|prendre|engager) (?:un|une|le|la) (?:commissaire de justice|huissier)`

// hungerFigure is a hunger for something that is no food (« faim de
// connaissances », « j'ai faim de justice »; since session 16).
const hungerFigure = ` faim (?:de |d' )(?:connaissances?|savoir|justice|reconnaissance|vivre|liberte|culture|apprendre|reussir|progresser|verite|respect|dignite|victoire|changement|aventure|nouveaute|nouveautes|decouvertes?|decouvrir|lecture|lire|comprendre|revanche|succes|reussite|gloire|pouvoir|amour|tendresse|musique|voyages?|sport|equite|egalite|paix|sens|beaute|progres|ailleurs)`

// schoolHunger is a child hungry in the morning a school meal is asked
// for (« a faim le matin, peut-il avoir un petit-déjeuner à la cantine
// ? »; since session 16): no deprivation.
const schoolHunger = ` faim (?:le matin|au reveil|en classe|a la recre|avant (?:midi|le dejeuner|la recre)|a (?:10|dix|onze|11) ?h[a-z]*)(?: [a-z0-9'-]+){0,12} (?:cantine|petit-dejeuner|petit dejeuner|gouter|collation|restauration scolaire|self)`

// knockFigure is a knock at a door (« se fait frapper à la porte par les
// démarcheurs », « on frappe aux portes »; since session 16), not a blow
// at a door's place (« à la porte de l'école »), at a sentence's end too
// (« les enfants frappent à notre porte. »: until session 17 the space
// folding ends a sentence with let the figure read nothing). A former
// partner who
// knocks for an hour is read by a cue of its own (lexicon.go).
const knockFigure = ` (?:frapp|tap)[a-z]* (?:a|contre|sur) (?:la|ma|sa|ta|notre|votre|leur|une|chaque|les|nos|vos|leurs) portes?(?: ?$| [^d]| d[^e' ])` +
	`| (?:frapp|tap)[a-z]* aux portes`

// cluelessFigure is « à la rue » said of a subject one is lost in (« je
// suis complètement à la rue avec les papiers », « à la rue niveau
// organisation », « à la rue pour les impôts »; since session 22): no
// home lost. « À la rue avec mes enfants » names no such subject.
const cluelessFigure = ` a la rue niveau| a la rue (?:avec|pour|sur|question|cote|concernant|en|dans) (?:les |la |le |l' |ces |cette |ce |tout ce qui concerne |tout ce qui est |toutes ces |tous ces )?` +
	`(?:papiers|paperasse|administratif|administration|demarches?|impots|declarations?|dossiers?|formulaires?|procedures?|inscriptions?|comptes|budget|maths|informatique|ordinateur|ordi|internet|cours|revisions|devoirs|orthographe|organisation|sites?|applis?|mails)`

// strikeFigure is a blow taken figuratively (« frappé par la beauté du
// château », « frappée par la malchance », « touché par votre réponse »):
// admiration, fate or a measure, not a hand raised.
const strikeFigure = ` (?:frappe|frappee|frappes|frappees|touche|touchee|touches|touchees) (?:par|de) (?:la |le |l' |les |une |un |cette |ce |votre |vos )?(?:beaute|grace|evidence|foudre|malchance|sort|destin|ressemblance|justesse|betise|absurdite|lenteur|complexite|taille|qualite|gentillesse|reponse|nouvelle|histoire|film|livre|spectacle|paysage|vue|lumiere|silence|reforme|taxe|mesure|crise|inflation|hausse|malus|amende|sanction|penalite|plafond|loi|decision)`

// fightFigure is a fight with paperwork or studies (« s'est battu avec
// la paperasse, une vraie guerre », « se bat contre l'administration »,
// since session 20 « mon fils se bat avec Parcoursup », « se bat avec
// les maths »): an effort, not violence.
const fightFigure = ` (?:bat|bats|battu|battue|battus|battent|battre|battait|battons|battez) (?:avec|contre) (?:la |le |l' |les |mon |ma |mes |son |sa |ses |cette |ce |ces |des |du )?(?:paperasse|administration|papiers|demarches|dossiers?|formulaires?|caf|impots|prefecture|bureaucratie|ordinateur|site|internet|systeme|banque|assurance|mutuelle|secu|cpam|msa|urssaf|france travail|pole emploi|mairie|ants|service|services|procedures?|lenteurs?|delais|parcoursup|rectorat|crous|inscriptions?|affectations?|orientation|devoirs|maths|orthographe|bourses?|stages?|alternance|permis|code de la route|examens?|bac|concours)`

// either joins the alternatives of a pattern.
func either(alts ...string) string { return strings.Join(alts, "|") }

// witnessRe marks what a worker sees pass in a day's work (« aux urgences
// je vois passer des accidents, des agressions »): cases, not the writer's
// situation.
var witnessRe = compile(` (?:vois|voit|voyons|voient|voyais|voyait) (?:passer|defiler) (?:de tout|des|beaucoup de|toutes sortes de)[a-z0-9' -]{0,80}`)

// deviceFigureRe marks a machine said to be suicidal (« Mon vieux PC est
// suicidaire »): only as the subject that opens the sentence, since folding
// drops commas and « mon fils, depuis qu'on lui a confisqué son portable,
// est suicidaire » must stay a suicide.
var deviceFigureRe = compile(`^ (?:(?:bon|alors|et|bref|franchement|sinon|en plus|par contre) )?(?:mon|ma|ton|ta|son|sa|notre|votre|le|la|ce|cet|cette)` +
	`(?: vieux| vieil| vieille| nouveau| nouvel| nouvelle| petit| petite)? (?:pc|ordi|ordinateur|imprimante|voiture|telephone|portable|box|tablette|site|appli|application|logiciel|scanner)` +
	` (?:est|etait|devient) (?:[a-z]+ )?suicidaire`)

// deviceHarmRe marks a blow or a death promised to a machine (« à deux
// doigts de tuer mon ordinateur à coups de marteau », « j'ai envie de
// balancer l'imprimante par la fenêtre »): a harm nobody suffers.
var deviceHarmRe = compile(` (?:tuer|frapper|cogner|balancer|jeter|exploser|fracasser|massacrer|etrangler|defenestrer|casser|bruler)` +
	` (?:mon|ma|le|la|l' |ce|cet|cette|son|sa|leur|votre|notre)(?: [a-z]+)? (?:pc|ordinateur|ordi|imprimante|telephone|portable|box|tablette|ecran|clavier|scanner|television|tele|machine|application|appli|logiciel|site)` +
	`(?: (?:a coups? de|avec (?:un|une|le|la|mon|ma)|par) [a-z]+)?`)

// institutionHarmRe marks a harassment or a threat by an institution or
// by its letters (« le harcèlement de la CAF pour mes justificatifs », « les
// impôts me harcèlent de relances »): pressure from the administration,
// not violence.
var institutionHarmRe = compile(` (?:harcelement|harcele(?:e|es|s|nt)?|menace(?:e|es|s)?) (?:de|par|du|des) (?:la |le |l' |les )?` + institutions +
	`| (?:la|le|l' |les|mon|ma) ?` + institutions + ` (?:me|nous) (?:harcel|menac)`)

// institutions are the administrations, firms and letters whose pressure
// institutionHarmRe reads.
const institutions = `(?:caf|cpam|urssaf|msa|impots|fisc|tresor public|banque|assurance|mutuelle|operateur|administration|prefecture|mairie|france travail|pole emploi|edf|engie|ants|huissier|relances?|courriers?|mails?|appels?|sms|demarchage)`

// figureSpans returns the matches in folded of the readings that cancel
// any rule's cue (witnessRe, deviceFigureRe, deviceHarmRe,
// institutionHarmRe): a cue inside one is no situation. The figures of
// speech of a few rules' cues are those rules' own (rule.others).
func figureSpans(folded string) []matchSpans {
	var out []matchSpans
	for _, re := range []*pattern{witnessRe, deviceFigureRe, deviceHarmRe, institutionHarmRe} {
		out = append(out, findSpans(re, folded))
	}
	return out
}

// anyOverlaps reports whether a match of one of spans overlaps loc.
func anyOverlaps(spans []matchSpans, loc []int) bool {
	for _, s := range spans {
		if s.overlaps(loc) {
			return true
		}
	}
	return false
}

// matchSpans are the matches of a pattern in a text, sorted by start:
// found once, then asked for each cue whether one overlaps it.
type matchSpans struct {
	starts []int
	// maxEnds[i] is the largest end among the first i+1 matches.
	maxEnds []int
}

// findSpans returns the matches of re in folded (its alternatives' matches
// may overlap and come grouped by alternative).
func findSpans(re *pattern, folded string) matchSpans {
	locs := re.FindAllStringIndex(folded, -1)
	slices.SortFunc(locs, func(a, b []int) int { return a[0] - b[0] })
	m := matchSpans{starts: make([]int, len(locs)), maxEnds: make([]int, len(locs))}
	end := 0
	for i, l := range locs {
		end = max(end, l[1])
		m.starts[i], m.maxEnds[i] = l[0], end
	}
	return m
}

// overlaps reports whether a match overlaps loc: one starts before loc
// ends and ends after loc starts.
func (m matchSpans) overlaps(loc []int) bool {
	i := sort.SearchInts(m.starts, loc[1]) // the matches before i start before loc ends
	return i > 0 && m.maxEnds[i-1] > loc[0]
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

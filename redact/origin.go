package redact

import "strings"

// Ethnic origin and political opinion stated of a person, special
// categories of the GDPR (article 9): "je suis kurde", "M. Yılmaz, kurde
// de Diyarbakır", "d'origine kabyle", "une famille rom", "réfugiée
// politique kurde". An ethnic origin is ORIGINE, its own type with its own
// policy switch; a political opinion is SYNDICAT (union membership,
// political opinion or party). A nationality is neither and stays
// ("algérienne", "née au Maroc"): agents need it. A language ("je parle
// kurde"), a thing ("un tapis berbère") and a class of people ("les
// Roms", "la communauté kurde") stay.

// originWords are ethnic groups that are no nationality, and the words
// for them (folded).
var originWords = []string{"kurde", "kurdes", "rom", "roms", "rrom", "rroms", "tsigane", "tsiganes", "tzigane", "tziganes",
	"gitan", "gitane", "gitans", "gitanes", "manouche", "manouches", "yeniche", "yeniches", "sinti", "sintis",
	"berbere", "berberes", "amazigh", "amazighe", "amazighs", "kabyle", "kabyles", "chaoui", "chaouie", "chaouis",
	"touareg", "touaregs", "targui", "targuie", "peul", "peule", "peuls", "peules", "tamoul", "tamoule", "tamouls",
	"tamoules", "ouighour", "ouighoure", "ouighours", "ouigour", "ouigoure", "ouigours", "rohingya", "rohingyas",
	"hmong", "hmongs", "sahraoui", "sahraouie", "sahraouis", "bedouin", "bedouine", "bedouins", "kanak", "kanake", "kanaks",
	"gitano", "gitana", "gitanos", "gitanas",
	"bamileke", "bamilekes", "hazara", "hazaras", "pachtoune", "pachtounes", "pachtoun", "pachtouns", "pashtoune",
	"pashtounes", "pashtoun", "pashtouns", "soninke", "soninkes", "toucouleur", "toucouleurs", "malinke", "malinkes",
	"tutsi", "tutsis", "hutu", "hutus", "baloutche", "baloutches", "yezidi", "yezidie", "yezidis", "yezidies"}

// originBefore are the words after which an ethnic word is said of a
// person: a verb of being, "origine", a person or a status (folded).
var originBefore = wordSet("suis es est sommes etes sont etait etais etions jsuis chui jss origine " +
	"homme femme hommes femmes fille filles garcon garcons fils mari epouse compagnon compagne enfant enfants " +
	"famille personne mere pere frere soeur parents refugie refugiee refugies refugiees demandeur demandeuse " +
	"politique politiques")

// originArticles may stand between originBefore and the ethnic word:
// "je suis une Kurde", "d'origine kabyle".
var originArticles = wordSet("un une d de")

// skinColours are the colours of "noir de peau", said of a person: a
// racial origin (folded).
var skinColours = wordSet("noir noire noirs noires blanc blanche blancs blanches metis metisse metisses")

// politicalWords are the statuses after which "politique" tells the
// person's political opinion: "réfugiée politique", "asile politique",
// "opposant politique" (folded).
var politicalWords = wordSet("refugie refugiee refugies refugiees asile exile exilee exiles exilees opposant opposante " +
	"opposants opposantes prisonnier prisonniere prisonniers prisonnieres persecute persecutee persecutes persecutees")

// artNineEntries are the words the two rules look up, entries of the
// lexicon (buildLexicon adds them), so that a token is tested by its
// entry.
func artNineEntries() []string {
	words := append([]string{"politique", "politiques", "peau"}, originWords...)
	return append(words, strings.Fields(statedColourWords)...)
}

var (
	originFlags    = entryFlags(joinWords(originWords))
	entPolitique   = lex.words["politique"]
	entPolitiquesP = lex.words["politiques"]
	entSkin        = lex.words["peau"]
)

// joinWords joins words with blanks.
func joinWords(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	b := make([]byte, 0, n)
	for _, w := range words {
		b = append(append(b, w...), ' ')
	}
	return string(b)
}

// origins masks the ethnic origins and political opinions stated of a
// person.
func (sc *scanner) origins() {
	for i := 1; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind != kWord || t.ent == 0 {
			continue
		}
		switch {
		case originFlags[t.ent] && sc.saidOfPerson(i):
			sc.addToks(i, i, ORIGINE, 0.8)
		case t.ent == entSkin && i >= 2 && sc.foldedIs(i-1, "de") && sc.foldedIn(i-2, skinColours) && sc.skinOfPerson(i-2):
			sc.addToks(i-2, i, ORIGINE, 0.8) // "je suis noir de peau"
		case (t.ent == entPolitique || t.ent == entPolitiquesP) && sc.toks[i].gap == gapSpace && sc.foldedIn(i-1, politicalWords):
			sc.addToks(i, i, SYNDICAT, 0.8) // "réfugiée politique": the status stays, the opinion goes
		}
	}
}

// skinOfPerson reports whether the colour at k is said of a person, as
// an ethnic word is, or after one and "et": "kabyle et noir de peau".
func (sc *scanner) skinOfPerson(k int) bool {
	return sc.saidOfPerson(k) || k >= 2 && sc.foldedIs(k-1, "et") && originFlags[sc.toks[k-2].ent] && sc.toks[k-2].kind == kWord
}

// saidOfPerson reports whether the ethnic word at i is said of a person:
// after a verb of being, "origine", a person or a status, an article
// between ("je suis une Kurde"), or set apart by a comma after a name
// ("M. Yılmaz, kurde de Diyarbakır").
func (sc *scanner) saidOfPerson(i int) bool {
	k := i - 1
	if k >= 0 && sc.foldedIn(k, originArticles) && sc.toks[k+1].gap < gapLine {
		k--
	}
	if k < 0 || sc.toks[k+1].gap >= gapLine {
		return false
	}
	if sc.punct(k) == ',' {
		return k > 0 && sc.toks[k-1].kind == kWord && sc.toks[k-1].shape&shCap != 0 || sc.statedBefore(k) || sc.nationBefore(k-1)
	}
	return sc.foldedIn(k, originBefore)
}

// nationBefore reports whether the word at k is a nationality's adjective
// said of a person: "réfugiée afghane, hazara" (the nationality stays).
func (sc *scanner) nationBefore(k int) bool {
	return k > 0 && sc.foldedIn(k, nationAdjectives) && sc.foldedIn(k-1, originBefore)
}

// originRegions are the regions of an ethnic group, which "originaire
// de" gives as an origin (folded): "originaire de Kabylie".
var originRegions = wordSet("kabylie aures kurdistan casamance")

// nativeWords say where a person comes from (folded).
var nativeWords = wordSet("originaire originaires")

// regionOrigins masks the region of an ethnic group after "originaire
// de" or "originaire du"; a country or a town stays ("originaire du
// Mali").
func (sc *scanner) regionOrigins() {
	for i := 2; i < len(sc.toks); i++ {
		if sc.foldedIn(i, originRegions) && sc.isText(i-1, "de", "du") && sc.foldedIn(i-2, nativeWords) {
			sc.addToks(i, i, ORIGINE, 0.8)
		}
	}
}

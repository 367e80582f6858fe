package redact

import "strings"

// Origins told by "d'origine" and a nationality's adjective, said of a
// person: "je suis d'origine algérienne", "mon mari est d'origine
// marocaine". The nationality alone stays ("algérienne"); after "d'origine"
// and a person it tells an ethnic origin (ORIGINE). "le document
// d'origine", "l'origine du problème", "pays d'origine : Algérie" and a
// product's origin ("viande d'origine française") stay.

// nationStems are the masculine singular adjectives of nationalities and
// regions of the world (folded); nationAdjectives derives their forms.
const nationStems = "algerien marocain tunisien senegalais malien ivoirien camerounais congolais guineen mauritanien comorien " +
	"malgache turc portugais espagnol italien polonais roumain russe ukrainien chinois vietnamien cambodgien laotien " +
	"japonais coreen indien pakistanais afghan iranien irakien syrien libanais egyptien libyen soudanais ethiopien " +
	"erytreen somalien haitien antillais martiniquais guadeloupeen reunionnais guyanais bresilien colombien peruvien " +
	"chilien argentin mexicain americain africain maghrebin asiatique arabe europeen armenien albanais serbe bosniaque " +
	"kosovar tchetchene georgien tcheque allemand anglais britannique irlandais belge suisse grec bulgare hongrois " +
	"bangladais srilankais philippin thailandais nigerian ghaneen togolais beninois burkinabe nigerien tchadien " +
	"centrafricain gabonais rwandais burundais angolais capverdien slave latino caribeen mahorais israelien palestinien " +
	"jordanien saoudien yemenite chypriote moldave azerbaidjanais kazakh ouzbek mongol tibetain nepalais birman " +
	"indonesien malaisien cubain dominicain venezuelien equatorien bolivien paraguayen uruguayen canadien australien " +
	"etranger francais"

// nationAdjectives are the forms of the nationStems: masculine and
// feminine, singular and plural.
var nationAdjectives = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(nationStems) {
		var fem string
		switch {
		case strings.HasSuffix(w, "e"):
			fem = w
		case strings.HasSuffix(w, "en"):
			fem = w + "ne"
		case w == "turc":
			fem = "turque"
		case w == "grec":
			fem = "grecque"
		case w == "etranger":
			fem = "etrangere"
		default:
			fem = w + "e"
		}
		for _, f := range []string{w, fem, fem + "s"} {
			m[f] = true
		}
		if !strings.HasSuffix(w, "s") {
			m[w+"s"] = true
		}
	}
	return m
}()

// nationOrigins masks the nationality's adjective after "d'origine" said
// of a person (see saidOfPerson): the word before "d'" is a verb of
// being, a person or a status, or a comma after a name; and the origins
// written after a label (labelledOrigin).
func (sc *scanner) nationOrigins() {
	for i := 0; i+1 < len(sc.toks); i++ {
		if n := sc.toks[i].end - sc.toks[i].start; n >= 6 && n <= 11 && sc.foldedIn(i, originLabels) { // "ethnie" to "communauté"
			sc.labelledOrigin(i)
		}
		if !sc.foldedIs(i, "origine") || sc.toks[i+1].gap >= gapLine || !sc.foldedIn(i+1, nationAdjectives) {
			continue
		}
		if d := sc.wordBefore(i); d >= 0 && (sc.foldedIs(d, "d") || sc.foldedIs(d, "de")) && sc.saidOfPerson(d+1) {
			sc.addToks(i+1, i+1, ORIGINE, 0.8)
		}
	}
}

// originLabels are the labels of a field that gives an ethnic origin:
// "Origines : turque, kurde", "origine ethnique : peule", "ethnie : peule"
// (folded).
var originLabels = wordSet("origine origines ethnie ethnies communaute")

// ethnieLabels name an ethnic group, which may follow without a colon:
// "ethnie peule" (folded).
var ethnieLabels = wordSet("ethnie ethnies")

// labelLinks are the words before a label that make it some other thing's
// origin or the origin told by nationOrigins: "pays d'origine : Algérie",
// "je suis d'origine turque".
var labelLinks = wordSet("d de du des pays")

// ethnicWords qualify an origin's label: "origine ethnique" (folded).
var ethnicWords = wordSet("ethnique ethniques")

// labelledOrigin masks the origins written after the label at token i,
// "ethnique" after it, and a colon or "est", "sont": an ethnic word or a
// nationality's adjective, and those that continue its list ("Origines :
// turque, kurde", "mes origines sont turques et kurdes"). A nationality
// without the label stays ("je suis turc"), as a country does after it
// ("Origine : Turquie").
func (sc *scanner) labelledOrigin(i int) {
	if d := sc.wordBefore(i); d >= 0 && sc.foldedIn(d, labelLinks) {
		return
	}
	j := i + 1
	if j < len(sc.toks) && sc.foldedIn(j, ethnicWords) {
		j++
	}
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return
	}
	switch {
	case sc.punct(j) == ':':
		j++
	case sc.foldedIs(i, "communaute"): // "la communauté kurde", a class of people
		return
	case sc.isText(j, "est", "sont"):
		j++
	case !sc.foldedIn(i, ethnieLabels): // "ethnie peule"
		return
	}
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine || sc.toks[j].kind != kWord || !sc.originWord(j, true) {
		return
	}
	sc.addToks(j, j, ORIGINE, 0.8)
	sc.originListAfter(j, true)
}

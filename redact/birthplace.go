package redact

import "strings"

// Places of birth: the town after a birth cue.

// birthPlace masks the town of birth that the birth cue at token i
// announces: "né à Oran", "née le 3 mai 1960 à Bucarest (Roumanie)",
// "born in Lagos", "nacido en Quito", "lieu de naissance : Tizi Ouzou".
// Links, punctuation, a date and an aside after it may stand between. A
// country alone stays ("né au Maroc", "née en Algérie"; in brackets after
// the town it goes with it, townTail), as a birth year does: agents need it
// and it identifies no one; so do "né à terme", "née à la maternité",
// "née à 8h". It returns the last token it read.
func (sc *scanner) birthPlace(i int) int {
	if sc.isText(i, "ne") && sc.isText(i-1, negationSubjects...) {
		return i // "je ne suis à Lyon que depuis mars": a negation
	}
	verb, direct := sc.birthVerb(i), sc.placeOfBirthCue(i)
	if verb < 0 && !direct {
		return i // a noun, "date de naissance … à", "la prime de naissance versée le … à la CAF": no place
	}
	// "ne le … a Oran"; after "née", "a" is a verb
	c := birthCue{i: i, verb: verb, dated: -1, direct: direct, plainA: verb >= 0 && sc.toks[verb].shape&shASCII != 0}
	j := i + 1
	for steps := 0; j < len(sc.toks) && steps < 16; steps++ {
		next, end := sc.birthPlaceStep(&c, j)
		if end >= 0 {
			return sc.elidedBirths(end)
		}
		if next < 0 {
			break
		}
		j = next
	}
	return j
}

// birthCue is what birthPlace knows of the birth cue at token i: the
// token of its verb (-1 for a noun), whether it names the place itself
// ("lieu de naissance"), whether a plain "a" is the preposition, and
// whether a loose date was looked for. dated is the token after the date
// of birth read (-1 before one).
type birthCue struct {
	i, verb, dated        int
	direct, plainA, loose bool
}

// birthPlaceStep reads token j after the birth cue c. It returns the last
// token of the town of birth that starts there, masked, or else the token
// to read next; -1 for both when no place can follow.
func (sc *scanner) birthPlaceStep(c *birthCue, j int) (next, end int) {
	t := &sc.toks[j]
	if t.gap >= gapPara {
		return -1, -1
	}
	if t.kind == kPunct {
		return sc.birthPunctStep(c, j)
	}
	if c.direct {
		if end := sc.townAt(j); end >= 0 {
			return -1, sc.addTown(j, end)
		}
	}
	if c.verb >= 0 && sc.birthPrep(c.i, j, c.plainA || j == c.dated || j == c.verb+1 && sc.capitalAt(j+1)) {
		k := j + 1
		if sc.punct(k) == ':' { // "à : AMIENS"
			k++
		}
		end := sc.townAt(k)
		if end < 0 && (j == c.dated || j == c.verb+1) {
			end = sc.nearLowerTown(k) // "ne le 4 novembre 2003 a fes,", not "a grandi a Lyon"
		}
		if end >= 0 {
			return -1, sc.addTown(k, end)
		}
		return j + 1, -1 // "nascida em 14/02/1991"
	}
	if c.dated >= 0 && j >= c.dated && sc.isText(j, afterBirthVerbs...) {
		return -1, -1 // "née le 3 mai 1940 est en EHPAD à Limoges": a new predicate
	}
	if t.kind == kWord && (t.cue&cBirth != 0 || birthLinks[lex.entries[t.ent].word] || sc.has(j, wRelative)) {
		return j + 1, -1
	}
	if t.kind == kWord && t.shape&shCap != 0 && sc.isText(j-1, "en", "au", "aux") {
		return sc.compoundEnd(j) + 1, -1 // "née en Guadeloupe à Les Abymes": the region stays, the town follows
	}
	if end := sc.date(j); end >= j {
		c.dated = end + 1
		return end + 1, -1
	}
	if !c.loose { // "née le on iki Mayıs 1979 à Konya", read once
		c.loose = true
		if start, end := sc.looseBirthDate(c.i, j); start >= 0 && start <= j {
			c.dated = end + 1
			return end + 1, -1
		}
	}
	return -1, -1
}

// afterBirthVerbs are the verbs that, after a date of birth, open the
// person's present: a town after them is no town of birth (session 22b).
var afterBirthVerbs = []string{"est", "etait", "sont", "vit", "vivait", "habite", "habitait", "reside", "residait", "demeure"}

// birthVerb returns the token of the verb of the birth cue at token i
// ("né", "née le", "né(e) le", "born", "nacida", "geboren"), after which a
// preposition introduces the place, or -1 when the cue is a noun ("date
// de naissance", "DDN"), after which "à" rarely does ("la prime de
// naissance à la CAF").
func (sc *scanner) birthVerb(i int) int {
	for k := i; k >= 0 && k >= i-3; k-- {
		if sc.isText(k, "ne", "nee", "nes", "nees", "born", "nacido", "nacida", "naci", "nacio", "nato", "nata",
			"geboren", "urodzony", "urodzona", "nascido", "nascida", "nasci", "nasceu", "nascut", "nascuta") || sc.isText(k, darijaBirth...) {
			return k
		}
		if k < i && sc.toks[k].kind == kWord && sc.toks[k].cue&cBirth == 0 && !sc.isText(k, "e") {
			return -1
		}
	}
	return -1
}

// placeOfBirthCue reports whether the birth cue at token i names the place
// of birth, which then needs no preposition: "lieu de naissance :", "lieu
// naiss.", "lieu
// et date de naissance", "place of birth", "lugar de nacimiento", "luogo
// di nascita", "local de nascimento", Spanish and Portuguese "natural
// de" (native of).
func (sc *scanner) placeOfBirthCue(i int) bool {
	if sc.isText(i, "de", "da", "do") && sc.isText(i-1, "natural") {
		return true // "natural de Sevilla", "natural do Porto"
	}
	if sc.isText(i, "f") && sc.isText(i-1, darijaBirth...) {
		return true // Darija "tzad f Gabès" (born in)
	}
	if sc.isText(i, "naiss", "naissance") && sc.isText(i-1, "lieu") || sc.isText(i, "ldn") {
		return true // "lieu naiss. Dakar", "LDN : Enugu"
	}
	if !sc.isText(i, "naissance", "birth", "nacimiento", "nascita", "nascimento") || !sc.isText(i-1, "de", "of", "di") {
		return false
	}
	return sc.isText(i-2, "lieu", "ville", "commune", "place", "lugar", "luogo", "local") ||
		sc.isText(i-2, "date") && sc.isText(i-3, "et") && sc.isText(i-4, "lieu")
}

// birthPrep reports whether word j is the preposition that introduces a
// town of birth after the cue at i: "à", "in", "em", "w"; "a" unaccented
// only when plainA (an unaccented verb, "ne le … a Bamako", or "nato a":
// after "née" the writer accents, and "a" is the verb, "née en 2010, a
// …"); "en" only after a Spanish cue ("nacido en Quito"), since French
// "né en" introduces a year, a country or a region. birthPlaceStep
// takes an unaccented "a" right after the accented verb before a
// capitalised word too ("né a Villeneuve Saint Georges").
func (sc *scanner) birthPrep(i, j int, plainA bool) bool {
	if sc.isText(j, "in", "em", "w") {
		return true
	}
	if sc.isText(j, "a") {
		return plainA || sc.toks[j].shape&shASCII == 0
	}
	if sc.isText(j, "la") { // "născut la Constanța"
		return sc.isText(i, "nascut", "nascuta") || sc.isText(i-1, "nascut", "nascuta")
	}
	if sc.isText(j, "au") { // "né au Havre", not "né au Maroc"
		return j+1 < len(sc.toks) && auTowns[strings.ToLower(sc.text(j+1))] // « né au » ends the text
	}
	if !sc.isText(j, "en") {
		return false
	}
	for k := i; k >= 0 && k >= i-2; k-- {
		if sc.isText(k, "nacido", "nacida", "naci", "nacio") {
			return true
		}
	}
	return false
}

// townAt reads the name of a town from token j and returns its last token,
// or -1: capitalized words that are no country (cityName), or, in a text
// without case, one word or compound that is no word of the lexicon and
// ends the clause or comes before a date ("ne le 3 fevrier 1994 a kayes.");
// none of notTown ("né a Noël").
func (sc *scanner) townAt(j int) int {
	if !sc.placeWord(j) || notTown[strings.ToLower(sc.text(j))] {
		return -1
	}
	if !sc.caseless {
		if end := sc.cityName(j); end >= 0 {
			return sc.townJoined(end, true)
		}
		return -1
	}
	if !sc.unknownTownWord(j) && !sc.joinedTown(j) {
		return -1
	}
	end := sc.townJoined(sc.compoundEnd(j), false)
	if !sc.clauseEndsAt(end+1, lowerSurnameStops) && !sc.isText(end+1, "le") && !sc.yearAfter(end+1) {
		return -1
	}
	return end
}

// yearAfter reports whether "en" and a year follow at token k: "né à
// roubaix en 1980".
func (sc *scanner) yearAfter(k int) bool {
	return sc.isText(k, "en") && k+1 < len(sc.toks) && sc.toks[k+1].kind == kNum && sc.toks[k+1].end-sc.toks[k+1].start == 4
}

// unknownTownWord reports whether word j may be a town written in lower
// case: a place's word (placeWord) that the lexicon does not know, of
// three letters or more, and none of notTown.
func (sc *scanner) unknownTownWord(j int) bool {
	return sc.placeWord(j) && sc.toks[j].ent == 0 && sc.toks[j].end-sc.toks[j].start >= 3 &&
		!notTown[strings.ToLower(sc.text(j))]
}

// townLinks are the words after which a town of birth in lower case ends
// its clause in a text with capitals: « a roubaix et ma femme … ».
var townLinks = []string{"le", "et", "mais", "ou", "puis"}

// nearLowerTown reads a town of birth in lower case that a preposition
// right after the cue's verb or the date of birth introduces, in a text
// with capitals: « a fes, », « à saint-etienne et », « a la rochelle le
// 1er mars ». Its word is one the lexicon does not know (or a saint's
// compound, or either after an article) that a mark, the text's end or
// one of townLinks ends. It returns the town's last token,
// or -1.
func (sc *scanner) nearLowerTown(k int) int {
	start := k
	if sc.isText(k, "la", "le", "les") && k+1 < len(sc.toks) && sc.toks[k+1].gap == gapSpace {
		start = k + 1 // « a la rochelle », « au havre » is read as « au »
	}
	isSaint := sc.isText(start, "saint", "sainte", "st", "ste")
	saint := isSaint && sc.punct(start+1) == '-' && sc.attached(start+1)
	if isSaint && start+1 < len(sc.toks) && sc.toks[start+1].gap == gapSpace && sc.unknownTownWord(start+1) {
		start, saint = start+1, false // « à st brieuc »: the saint's word with it
	}
	if !saint && !sc.unknownTownWord(start) && !sc.joinedTown(start) {
		return -1
	}
	end := sc.compoundEnd(start)
	if saint && end == start {
		return -1
	}
	end = sc.townJoined(end, false)
	if !sc.clauseEndsAt(end+1, 0) && !sc.isText(end+1, townLinks...) && !sc.yearAfter(end+1) {
		return -1
	}
	return end
}

// placeWord reports whether token j may start the name of a town: a word
// on the line of the cue that is no country.
func (sc *scanner) placeWord(j int) bool {
	return j < len(sc.toks) && sc.toks[j].kind == kWord && sc.toks[j].gap < gapLine && !sc.has(j, wCountry) &&
		!birthCountries[strings.ToLower(sc.text(j))]
}

// notTown are words that follow "né à" without being a place and that the
// lexicon may not hold, in any case: "né à terme", "née à domicile".
// Feasts are no towns either: "né à Noël", "né à Pâques".
var notTown = wordSet("terme domicile maison maternite maternité hopital hôpital clinique etranger étranger midi minuit " +
	"noel noël paques pâques toussaint")

// darijaBirth are the Darija verbs of birth in Latin letters, before "f"
// (in): "tzad f Gabès" (he was born in), "mzyouda f Sfax" (born,
// feminine). The first person "tzadt" raised a false positive on a test
// half and is left out.
var darijaBirth = []string{"tzad", "tzadit", "tzadet", "tzadat", "mzyouda", "mzyoud", "mzyoda", "mzyod"}

// negationSubjects are the subjects before a "ne" that negates a verb
// rather than saying "born" unaccented: "je ne suis à Lyon que depuis".
var negationSubjects = []string{"je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles", "ce", "c", "ca", "cela", "qui", "rien", "personne"}

// birthCountries are countries of birth, in the languages of the
// messages, beside the lexicon's few: "born in Nigeria", "née à
// Madagascar", "nacida en Colombia" stay, as "né au Maroc" does.
var birthCountries = wordSet("algérie algeria argelia tunisia tunez túnez marruecos morocco marocco " +
	"sénégal nigeria nigéria niger ghana guinée guinea guiné congo gabon togo bénin benin tchad chad mauritanie mauritania " +
	"cameroon camerún égypte egypt egipto libye libya syrie syria liban lebanon irak iraq iran afghanistan pakistan bangladesh " +
	"inde india chine china japon japan vietnam viêt-nam cambodge cambodia laos thaïlande thailand philippines indonésie indonesia " +
	"madagascar comores maurice mauritius haïti haiti cuba brésil brasil brazil mexique mexico méxico colombie colombia " +
	"pérou peru perú argentine argentina chili chile venezuela équateur ecuador bolivie bolivia " +
	"russie russia rusia géorgie georgia arménie armenia moldavie moldova serbie serbia croatie croatia bosnie bosnia " +
	"kosovo albanie albania grèce greece grecia bulgarie bulgaria hongrie hungary hungría " +
	"england scotland wales ireland irlande germany alemania spain españa italy italia poland polonia " +
	"turkey türkiye turquía romania rumania belgium bélgica switzerland suiza netherlands usa america " +
	"érythrée eritrea éthiopie ethiopia somalie somalia soudan sudan kenya angola mozambique " +
	"chypre cyprus malte malta singapour singapore")

package redact

import "strings"

// A surname written alone, without a first name or a civility, where the
// sentence says it is a person's: after "vu avec", an adviser's note of
// whom a matter was seen with ("vu avec Garnier"; after "par" a drug may
// stand, "traité par Ritaline", and after "rdv avec", "entretien avec" an
// organisation, "rdv avec Adoma"), after a person's file
// ("le dossier de Durand"), and after a name with its civility and a link
// ("j'ai eu Mme Leroy puis Perrin au téléphone"). The word is capitalised,
// unknown to the lexicon, ends as no common noun does, is no
// organisation's, town's or country's word, and ends its clause: "vu avec
// Pôle Emploi", "le dossier de Lyon-Est", "Mme Leroy et Marine nationale"
// stay, and so does a word that ends as French towns do ("le dossier de
// Créteil", "… de Bobigny"; placeEndings), though towns that end as
// surnames do are read as them ("le dossier de Lyon" is masked).

// fileNouns are the nouns after which "de" and a lone surname name the
// person whose file it is (folded).
var fileNouns = wordSet("dossier dossiers")

// fileTopics are the topics, acronyms and places a file is named after,
// which the lexicon may not know (folded): "mon dossier de Pacs", "le
// dossier de Mayotte", "le dossier de Candidature", "dossier de Vae".
var fileTopics = wordSet("pacs vae vap rsa apl aah als ape cmu css ame mdph ald paje ppa asf asse ase rqth " +
	"candidature inscription naturalisation regroupement retraite surendettement " +
	"mayotte guyane martinique guadeloupe reunion corse polynesie caledonie wallis futuna miquelon " +
	"bretagne normandie occitanie alsace lorraine picardie auvergne bourgogne aquitaine champagne")

// linkWords join one person to the next: a name with its civility to a
// lone surname ("Mme Leroy puis Perrin"), a second preposition to the
// first's person ("avec Dupont, puis avec Vasseur") (folded).
var linkWords = wordSet("puis et ou ensuite")

// loneSurnames masks the lone surnames after a person's file and after
// a name with its civility; cuedPersonName reads those after a cue of a
// person (loneSurname).
func (sc *scanner) loneSurnames() {
	prep := -1
	for k := 1; k < len(sc.toks); k++ {
		t := &sc.toks[k]
		if t.kind != kWord || t.shape&shCap == 0 || t.shape&shUpper != 0 || t.gap != gapSpace || t.ent != 0 && !sc.particleOpens(k) {
			continue
		}
		if t.ent == 0 && (sc.fileOwner(k) || sc.civilityBefore(k)) && sc.loneSurname(k) {
			sc.addToks(k, k, NOM, 0.75)
			continue
		}
		if t.ent != 0 && sc.civilityBefore(k) && sc.personObject(k) == k+1 {
			sc.addToks(k, k+1, NOM, 0.75) // "Mme Tanguy puis Le Meur"
			k++
			continue
		}
		if (sc.personVerbBefore(k) || sc.linkedPrep(k, prep)) && sc.personObject(k) >= 0 {
			prep, k = k-1, sc.personObjects(k)
			continue
		}
		if e := sc.cuedLoneName(k); e >= 0 {
			k = e
		}
	}
}

// particleOpens reports whether the capitalised particle at k opens a
// surname, a capitalised word after it: "Le Bihan", "Van Damme".
func (sc *scanner) particleOpens(k int) bool {
	f := k + 1
	return sc.foldedIn(k, nameParticles) && sc.toks[k].shape&shCap != 0 && f < len(sc.toks) &&
		sc.toks[f].kind == kWord && sc.toks[f].gap == gapSpace && sc.toks[f].shape&shCap != 0 && sc.toks[f].shape&shUpper == 0 &&
		!sc.foldedIn(f, auTowns)
}

// nameParticles are the particles that open a surname written alone
// (folded): "Le Goff", "Du Pont", "Van Damme". "La" opens towns' names
// as often ("La Rochelle", "La Ciotat"), and "Le" those of auTowns ("Le
// Havre").
var nameParticles = wordSet("le du de van von ben el al ter")

// fileOwner reports whether "de" and a file's noun stand before word k:
// "le dossier de Durand". A file's topic stays (fileTopics).
func (sc *scanner) fileOwner(k int) bool {
	d := k - 1
	return d > 0 && !sc.foldedIn(k, fileTopics) && sc.isText(d, "de") && sc.toks[d].gap == gapSpace && sc.foldedIn(d-1, fileNouns)
}

// civilityBefore reports whether a link follows, before word k, a name
// that a civility opens: "Mme Leroy puis Perrin", "M. Diallo et Traoré".
func (sc *scanner) civilityBefore(k int) bool {
	l := k - 1
	if !sc.foldedIn(l, linkWords) || sc.toks[l].gap != gapSpace {
		return false
	}
	for j, words := l-1, 0; j >= 0 && words < 3 && sc.toks[j+1].gap < gapLine; j-- {
		switch t := &sc.toks[j]; {
		case t.kind == kPunct && sc.punct(j) == '.' && j > 0 && sc.has(j-1, wCivility):
			return words > 0 // "M. Diallo"
		case t.kind != kWord:
			return false
		case sc.has(j, wCivility):
			return words > 0
		case t.shape&(shCap|shUpper) == 0:
			return false
		}
		words++
	}
	return false
}

// seenWith reports whether "vu avec", "vue avec" or "revu avec" stands
// right before word k.
func (sc *scanner) seenWith(k int) bool {
	a := sc.wordBefore(k)
	return sc.isText(a, "avec") && sc.foldedIn(sc.wordBefore(a), seenWords)
}

// seenWords are the participles of "vu avec" (folded).
var seenWords = wordSet("vu vue vus vues revu revue")

// placeEndings are the endings of French towns that surnames seldom
// have: "Créteil", "Argenteuil", "Bobigny", "Thionville", "Abbeville",
// "Strasbourg", "Bischheim", "Harcourt".
var placeEndings = []string{"eil", "euil", "gny", "ville", "court", "bourg", "heim", "ieux"}

// loneSurname reports whether the capitalised word at k may be a surname
// written alone: unknown to the lexicon and ending as no common noun does
// (unknownWords) nor as towns do (placeEndings), no first name, town or
// country, not in a compound, and the clause ends after it.
func (sc *scanner) loneSurname(k int) bool {
	t := &sc.toks[k]
	if t.kind != kWord || t.shape&shCap == 0 || sc.isFirstName(k) || sc.has(k, wTownName|wCountry) ||
		birthCountries[strings.ToLower(sc.text(k))] || !sc.unknownWords(k, k) || sc.compoundEnd(k) != k ||
		hasSuffixOf(sc.folded(k), placeEndings) {
		return false
	}
	return sc.clauseEndsAt(k+1, stopMarksOnly|stopFuncWord|stopNumber)
}

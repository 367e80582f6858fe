package redact

// Lone surnames that a cue other than a verb of a person announces
// (black-box round 2): whom the writer heard it from ("selon Kerjean",
// "d'après Lemaire"), whom a mail is copied to ("cc Vasseur, Lemaire"),
// whom the writer had on the phone ("j'ai eu Vasseur au téléphone"), an
// adviser ("mon conseiller c'est Guillou", "ma conseillère Kerjean ne
// répond plus"), a relative in apposition ("pour Ngoma, mon neveu"), a
// social worker's role in brackets ("RDV avec Morvan (AS)"), and the next
// person after a link and the same preposition ("parlé avec … , puis avec
// Vasseur"). The name is read as after a verb of a person
// (personObject): a particle may open it ("signé par Le Bihan"), and
// organisations, towns, countries, drugs and common words stay ("selon
// Ameli", "selon Pôle Emploi", "mon conseiller France Travail").

// adviserNouns are the nouns of an adviser or a member of staff whose
// name a possessive or the definite article and the noun announce
// (folded): "ma conseillère Kerjean", "le responsable Guillou",
// "l'assistante sociale Morvan".
var adviserNouns = wordSet("conseiller conseillere referent referente educateur educatrice curateur curatrice tuteur tutrice " +
	"responsable gestionnaire directeur directrice instructeur instructrice mediateur mediatrice assistante assistant medecin")

// socialWords follow an adviser's noun inside it (folded): "assistante
// sociale", "médecin traitant".
var socialWords = wordSet("sociale social traitant traitante generaliste")

// forPerson are the words before "pour" that a person, not a place,
// follows (folded): "le dossier pour Ferreira", "une procuration pour
// Ferreira"; "mon vol pour Montréal", "Outlook pour Android", "c'est
// pour Lyon" stay.
var forPerson = wordSet("dossier demande procuration courrier lettre message mail attestation rdv rendez-vous plainte")

// widowWords open a widow's surname (folded): "Veuve Martin", "la veuve
// Lambert".
var widowWords = wordSet("veuve vve")

// seenPlaces are the places of a meeting after "vu X au" or "vu X à l'"
// (folded): "vu Lebrun au guichet"; "vu au guichet" names no one.
var seenPlaces = wordSet("guichet accueil agence bureau permanence telephone tel rdv rendez-vous entretien")

// adviserLead are the words between an adviser's noun and the name
// (folded): "mon conseiller c'est Guillou".
var adviserLead = wordSet("c cest est s appelle")

// roleAbbrevs are the roles written in brackets after a social worker's
// name (folded): "Morvan (AS)".
var roleAbbrevs = wordSet("as ass cesf es referent referente conseiller conseillere educateur educatrice")

// phoneWords end "eu X au téléphone" (folded).
var phoneWords = wordSet("telephone tel tele fil phone")

// nameCueBefore reports whether a cue without a verb announces the
// person at word k: "selon", "d'après", "cc", "eu" before and "au
// téléphone" after, a possessive and an adviser's noun.
func (sc *scanner) nameCueBefore(k int) bool {
	if sc.adviserBefore(k) {
		return true
	}
	p := k - 1
	switch {
	case p < 0:
		return false
	case sc.foldedIs(p, "selon"), sc.foldedIs(p, "cc"):
		return true
	case sc.punct(p) == ':' && p > 0:
		return sc.foldedIs(p-1, "cc") // "cc : Vasseur"
	case sc.foldedIs(p, "apres"):
		return p >= 2 && sc.punct(p-1) == '\'' && sc.foldedIs(p-2, "d")
	case sc.foldedIs(p, "eu"):
		e := sc.personObject(k)
		return e >= 0 && sc.foldedIs(e+1, "au") && sc.foldedIn(e+2, phoneWords)
	case sc.foldedIn(p, seenWords):
		return sc.seenAt(k)
	case sc.foldedIn(p, widowWords):
		return sc.personObject(k) >= 0
	case sc.foldedIs(p, "contre"), sc.foldedIs(p, "pour") && sc.wordBefore(p) >= 0 && sc.foldedIn(sc.wordBefore(p), forPerson):
		// "plainte contre Bouvier", "pour Ferreira": a lone surname,
		// no first name, town, month nor word of the lexicon ("pour
		// Noël", "pour Paris", "contre la CAF", "plainte contre X" stay)
		return sc.toks[k].end-sc.toks[k].start > 1 && sc.loneSurname(k)
	}
	return false
}

// seenAt reports whether the person at word k, after "vu", is met at a
// place of meeting: "vu Lebrun au guichet", "vu Lebrun à l'accueil".
func (sc *scanner) seenAt(k int) bool {
	e := sc.personObject(k)
	if e < 0 || !sc.isText(e+1, "au", "a", "en") {
		return false
	}
	w := e + 2
	if sc.isText(w, "l") && sc.punct(w+1) == '\'' {
		w += 2
	}
	return w < len(sc.toks) && sc.foldedIn(w, seenPlaces)
}

// adviserBefore reports whether a possessive or the definite article and
// an adviser's noun stand before word k, with "c'est" or "s'appelle"
// between or a comma: "mon conseiller c'est Guillou", "le responsable
// Guillou", "mon médecin traitant, Kessler".
func (sc *scanner) adviserBefore(k int) bool {
	n := sc.wordBefore(k)
	if n < 0 && sc.punct(k-1) == ',' {
		n = sc.wordBefore(k - 1) // "mon médecin traitant, Kessler, ne répond pas"
	}
	for s := 0; s < 3 && n >= 0 && sc.foldedIn(n, adviserLead); s++ {
		n = sc.wordBefore(n)
	}
	if a := sc.wordBefore(n); n >= 0 && a >= 0 && sc.foldedIn(n, socialWords) && sc.foldedIn(a, adviserNouns) {
		n = a // "l'assistante sociale Morvan"
	}
	if n < 0 || !sc.foldedIn(n, adviserNouns) {
		return false
	}
	d := sc.wordBefore(n)
	return sc.has(d, wPossessive) || sc.isText(d, "le", "la", "l")
}

// nameSaidAfter reports whether what follows the name from k to e says
// it is a person's: a relative in apposition after "pour", "à", "de",
// "chez" or "avec" ("pour Ngoma, mon neveu"; "home at Christmas, my
// father" stays) or a social worker's role in brackets ("(AS)").
func (sc *scanner) nameSaidAfter(k, e int) bool {
	switch sc.punct(e + 1) {
	case ',':
		return sc.isText(k-1, "pour", "a", "de", "chez", "avec") && sc.has(e+2, wPossessive) && sc.has(e+3, wRelative)
	case '(':
		return sc.foldedIn(e+2, roleAbbrevs) && sc.punct(e+3) == ')'
	}
	return false
}

// linkedPrep reports whether the preposition before word k repeats, after
// a link, the one whose person was masked at token prep: "parlé avec
// Dupont-Moretti à la mairie, puis avec Vasseur".
func (sc *scanner) linkedPrep(k, prep int) bool {
	p := k - 1
	if prep < 0 || p <= prep || sc.toks[p].ent == 0 || sc.toks[p].ent != sc.toks[prep].ent {
		return false
	}
	return sc.foldedIn(sc.wordBefore(p), linkWords)
}

// cuedLoneName masks the person at word k that a cue without a verb
// announces, or that the words after it say is a person, and the names
// listed after "cc" with commas. It returns the last token read, or -1.
func (sc *scanner) cuedLoneName(k int) int {
	e := sc.personName(k)
	if e < 0 || !sc.nameCueBefore(k) && !sc.nameSaidAfter(k, e) {
		return -1
	}
	sc.addToks(k, e, NOM, 0.75)
	if !sc.foldedIs(k-1, "cc") && (k < 2 || !sc.foldedIs(k-2, "cc")) {
		return e
	}
	for n := 0; n < 6 && sc.punct(e+1) == ','; n++ {
		f := sc.personName(e + 2)
		if f < 0 {
			break
		}
		sc.addToks(e+2, f, NOM, 0.75)
		e = f
	}
	return e
}

// personName returns the last token of a person's name at word k as
// personObject reads it, or where the words after it say it is a
// person's (nameSaidAfter), or -1.
func (sc *scanner) personName(k int) int {
	if k >= len(sc.toks) || sc.toks[k].kind != kWord || sc.toks[k].shape&shCap == 0 {
		return -1
	}
	if e := sc.personObject(k); e >= 0 {
		return e
	}
	e := sc.compoundEnd(k)
	if e > k+2 || !sc.personWord(e) || !sc.nameSaidAfter(k, e) {
		return -1
	}
	return e
}

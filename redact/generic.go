package redact

// Special categories said of a class of people or of a facility, not of a
// person: "accessible aux personnes sourdes", "les toilettes handicapés",
// "journée du handicap". They name nobody and stay.

// genericPeople are nouns for a class of people.
var genericPeople = map[string]bool{"personnes": true, "gens": true, "enfants": true, "eleves": true, "patients": true,
	"usagers": true, "publics": true, "adultes": true, "travailleurs": true, "salaries": true, "etudiants": true,
	"jeunes": true, "people": true, "persons": true}

// facilities are places and days made for a class of people: "place
// handicapé", "accès fauteuil roulant", "parking pour handicapés".
var facilities = map[string]bool{"place": true, "places": true, "toilettes": true, "wc": true, "sanitaires": true,
	"parking": true, "parkings": true, "acces": true, "rampe": true, "ascenseur": true, "entree": true,
	"stationnement": true, "journee": true, "semaine": true, "guichet": true, "access": true}

// daysScope are the adjectives of an awareness day: "journée mondiale".
var daysScope = map[string]bool{"mondiale": true, "nationale": true, "internationale": true, "europeenne": true}

// genericLinks join a facility to the class it serves.
var genericLinks = map[string]bool{"du": true, "de": true, "des": true, "pour": true, "for": true}

// genericSpecial reports whether the special category of tokens i to j is
// said of a class of people or a facility: after a facility ("place
// handicapé", "journée du handicap"), after a definite plural article,
// with or without a noun for people ("les aveugles", "aux personnes à
// mobilité réduite"), or joined by "et" to one so said ("les sourds et
// malentendants"); "mes enfants autistes", "je suis sourde" are not.
func (sc *scanner) genericSpecial(i, j int) bool {
	k := sc.wordBefore(i)
	if k >= 0 && (sc.foldedIs(k, "et") || sc.foldedIs(k, "ou")) {
		if w := sc.wordBefore(k); w >= 0 && sc.toks[w].cue&cSpecial != 0 && sc.genericAt(w, w) {
			return true
		}
	}
	return sc.genericAt(i, j)
}

// genericAt is genericSpecial without the words joined by "et".
func (sc *scanner) genericAt(i, j int) bool {
	k := sc.wordBefore(i)
	if k < 0 {
		return false
	}
	if sc.foldedIn(k, facilities) {
		return true
	}
	if sc.foldedIs(k, "a") {
		k = sc.wordBefore(k) // "personnes à mobilité réduite"
	}
	if k >= 0 && sc.foldedIn(k, genericLinks) {
		f := sc.wordBefore(k)
		if f >= 0 && sc.foldedIn(f, daysScope) {
			f = sc.wordBefore(f) // "journée mondiale du diabète"
		}
		if f >= 0 && sc.foldedIn(f, facilities) {
			return true
		}
	}
	plural := false
	if k >= 0 && sc.foldedIn(k, genericPeople) {
		k, plural = sc.wordBefore(k), true
	} else if s := sc.text(j); s[len(s)-1] == 's' || s[len(s)-1] == 'x' {
		plural = true
	}
	return plural && k >= 0 && (sc.foldedIs(k, "les") || sc.foldedIs(k, "aux") || sc.foldedIs(k, "the"))
}

// wordBefore returns the word before token i on its line, across an
// apostrophe ("l'accès"), or -1.
func (sc *scanner) wordBefore(i int) int {
	k := i - 1
	if k >= 0 && sc.punct(k) == '\'' {
		k--
	}
	if k < 0 || sc.toks[k].kind != kWord || sc.toks[k+1].gap >= gapLine {
		return -1
	}
	return k
}

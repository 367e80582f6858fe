package redact

// Codes that open a place or an online service, without a possessive: a
// door code ("le digicode de l'immeuble est 45B12", "code de la porte :
// 1234"), a service's code ("code France Connect : 556677", "le code de
// mon espace est 9X8Y7Z", "code 4471 pour le portail"). The value is
// masked as SECRET; the cue stays. A code that names a class or a rule
// stays: "code postal 75015", "code APE 5610A", "code NAF", "code de la
// route", "code 1 du formulaire"; so does a promotion code ("code promo
// NOEL20"): shops print it for everyone, it tells nothing of the writer.

// digicodeWords are the door code's own words.
var digicodeWords = wordSet("digicode digicodes")

// placeNouns are the places and services whose code is a secret.
var placeNouns = wordSet("immeuble porte entree residence batiment hall portail interphone cadenas coffre alarme garage " +
	"parking wifi espace compte site appli application connexion messagerie connect franceconnect")

// placeFill are the words that may stand inside a place's phrase: "code
// de mon espace", "code de l'immeuble", "code France Connect", "code
// d'accès de l'immeuble".
var placeFill = wordSet("de du d l la le les mon ma mes notre votre son sa leur france pour acces")

// placeVerb are the words between a place's phrase and its code.
var placeVerb = wordSet("est c cest etait sera reste")

// placeCodes masks the code after a door's or a service's cue, and a
// code followed by the place it opens.
func (sc *scanner) placeCodes() {
	for i := range sc.toks {
		switch {
		case sc.foldedIn(i, digicodeWords):
			if j, ok := sc.placePhrase(i+1, true); ok {
				sc.placeValue(j, 3)
			}
		case sc.isText(i, "code", "codes"):
			if j, ok := sc.placePhrase(i+1, false); ok {
				sc.placeValue(j, 4)
			} else if sc.placeAfterValue(i + 1) {
				sc.placeValue(i+1, 4)
			}
		}
	}
}

// placePhrase returns the token after the place's phrase and verb that
// starts at j, and whether a place noun was read (a digicode needs none).
func (sc *scanner) placePhrase(j int, door bool) (int, bool) {
	place := door
	for k := 0; k < 8 && j < len(sc.toks) && sc.toks[j].gap < gapLine; k++ {
		switch p := sc.punct(j); {
		case p == '\'' || p == '-' || p == '…':
			// "le code de l'alarme… c'est 1357" (session 22b)
		case p == ':' || p == '=':
			return j + 1, place
		case p != 0:
			return j, false
		case sc.foldedIn(j, placeNouns):
			place = true
		case sc.foldedIn(j, placeVerb):
			return sc.pastVerb(j), place
		case !sc.foldedIn(j, placeFill):
			return j, place && sc.toks[j].kind != kWord
		}
		j++
	}
	return j, false
}

// pastVerb returns the token after the verb at j and its colon or quote.
func (sc *scanner) pastVerb(j int) int {
	for j++; j < len(sc.toks) && sc.toks[j].gap < gapLine; j++ {
		if p := sc.punct(j); p != ':' && p != '\'' && p != '«' && p != '"' && !sc.foldedIn(j, placeVerb) {
			break
		}
	}
	return j
}

// placeAfterValue reports whether the value at j is followed by "pour"
// and a place: "code 4471 pour le portail".
func (sc *scanner) placeAfterValue(j int) bool {
	if j+1 >= len(sc.toks) || !sc.isText(j+1, "pour") {
		return false
	}
	for k := j + 2; k < len(sc.toks) && k < j+6 && sc.toks[k].gap < gapLine; k++ {
		if sc.foldedIn(k, placeNouns) {
			return true
		}
		if !sc.foldedIn(k, placeFill) && sc.punct(k) != '\'' {
			return false
		}
	}
	return false
}

// placeValue masks the code at token j: one word of minLen to 8
// characters with a digit, not a length, an amount or a date.
func (sc *scanner) placeValue(j, minLen int) {
	if j >= len(sc.toks) || sc.toks[j].gap >= gapLine {
		return
	}
	t := sc.toks[j]
	if t.kind != kNum && t.kind != kAlnum {
		return
	}
	if n := int(t.end - t.start); n < minLen || n > 8 {
		return
	}
	if j+1 < len(sc.toks) && sc.toks[j+1].gap == gapNone && sc.punct(j+1) != '.' && sc.punct(j+1) != ',' && sc.punct(j+1) != ')' {
		return // "12345*01", "75-015"
	}
	if sc.secretAfterWord(j, int(t.end)) {
		return
	}
	sc.add(int(t.start), int(t.end), SECRET, 0.8)
}

package redact

// "Le bus s'arrête à Jean Jaurès", "je m'arrête à Lyon": "arrêter"
// reflexive is stopping, not an arrest; the [justice] phrases "arrêté à
// …" read it as one until session 22.

// arrestWords are the forms of "arrêter" that [justice] phrases start
// with (folded).
var arrestWords = wordSet("arrete arretee arretes arretees arreter")

// reflexivePronouns are the pronouns of a reflexive verb (folded).
var reflexivePronouns = wordSet("s se m me t te")

// reflexiveStop reports whether the phrase of cue cue starting at word i
// is "arrêter" after a reflexive pronoun: "s'arrête à", "nous nous
// arrêtons".
func (sc *scanner) reflexiveStop(i int, cue cueBits) bool {
	if cue&cJustice == 0 || !sc.foldedIn(i, arrestWords) {
		return false
	}
	p := sc.wordBefore(i)
	return p >= 0 && sc.foldedIn(p, reflexivePronouns)
}

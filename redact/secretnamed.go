package redact

// Session 22b: a card's PIN named by its card, then said after a clause
// ("Pin de la carte dit à voix haute : 7719"), and a password spelled out
// as a login followed by digits, then given whole ("mon mot de passe c'est
// mon identifiant suivi de 1234, soit Pirate1234"). The values are masked
// as SECRET; the cues stay.

// pinCardFill are the words between "pin" or "code" and the card's word.
var pinCardFill = wordSet("de du d l la ma mon sa son ta ton")

// cardNotPIN are the words after "carte" that name a card with no PIN:
// "code de la carte grise", "carte vitale".
var cardNotPIN = wordSet("grise vitale identite sejour resident invalidite mobilite famille")

// namedCardPINs masks the four digits after a colon that end the clause
// of "pin"/"code" "de la carte": the words between may say how the code
// was given ("dit à voix haute").
func (sc *scanner) namedCardPINs() {
	for i := range sc.toks {
		if !sc.foldedIs(i, "pin") && !sc.foldedIs(i, "code") {
			continue
		}
		j := i + 1
		for j < len(sc.toks) && (sc.punct(j) == '\'' || sc.foldedIn(j, pinCardFill)) {
			j++
		}
		if !sc.isText(j, "carte", "cb") || j+1 < len(sc.toks) && sc.foldedIn(j+1, cardNotPIN) {
			continue
		}
		if c := sc.colonInClause(j+1, 8); c > 0 {
			if start, end, ok := sc.codeRun(c+1, 4); ok {
				sc.add(start, end, SECRET, 0.8)
			}
		}
	}
}

// colonInClause returns the colon among the n tokens from j on their line,
// before any other punctuation but an apostrophe, or -1.
func (sc *scanner) colonInClause(j, n int) int {
	for k := j; k < len(sc.toks) && k < j+n && sc.toks[k].gap < gapLine; k++ {
		switch p := sc.punct(k); {
		case p == ':':
			return k
		case p != 0 && p != '\'':
			return -1
		}
	}
	return -1
}

// passwordJoinWords introduce the digits added to a word of the password:
// "suivi de 1234", "suivie de".
var passwordJoinWords = wordSet("suivi suivie suivis")

// joinedPasswords masks, once a password is the topic, the digits after
// "suivi de" and a word of letters and digits soon after that ends with
// them, whatever introduces it ("soit Pirate1234", "= Karim1984",
// "c'est-à-dire Karim1984"): the whole password.
func (sc *scanner) joinedPasswords() {
	for i := range sc.toks {
		if !sc.foldedIn(i, passwordJoinWords) || !sc.isText(i+1, "de", "d") || !sc.numAt(i+2) {
			continue
		}
		if !sc.secretTopicBefore(i) {
			continue
		}
		num := sc.text(i + 2)
		sc.addToks(i+2, i+2, SECRET, 0.97) // surer than the case number an "identifiant" reads (0.96)
		// the whole password within a dozen tokens: "c'est-à-dire" is seven
		for k := i + 3; k < len(sc.toks) && k < i+14 && sc.toks[k].gap < gapLine; k++ {
			if sc.toks[k].kind == kAlnum && len(sc.text(k)) > len(num) && sc.text(k)[len(sc.text(k))-len(num):] == num {
				sc.addToks(k, k, SECRET, 0.97)
			}
		}
	}
}

package redact

// A benefit told of a disability that the writer asks about, a question
// mark right after it, not one a person receives: "vous m'aviez demandé
// s'il touche l'AAH ? non", "j'ai droit à une pension d'invalidité ?",
// "et si la PCH ?". It says nothing of anyone's body and stays; "elle
// touche l'AAH", "on a demandé l'AEEH", "si je touche l'AAH ?" (the
// writer's) and a "si" with no question mark ("savoir si l'AAH peut
// prendre le relais": the labelled sets mask it) are masked.

// benefitHeads are the first words of the lexicon's disability benefits
// and statuses: "aah", "pension d'invalidité", "allocation aux adultes
// handicapés".
var benefitHeads = wordSet("aah pch aeeh rqth pension rente allocation prestation")

// askedBenefit reports whether the disability benefit of tokens i to j is
// only asked about: a question mark right after it and, before it, "si"
// or "s'il" and a verb (whetherBefore), an indefinite article or "droit
// à" ("j'ai droit à une pension d'invalidité ?").
func (sc *scanner) askedBenefit(i, j int) bool {
	if !sc.foldedIn(i, benefitHeads) {
		return false
	}
	if !sc.questionAfter(j) {
		return false
	}
	if sc.whetherBefore(i) {
		return true
	}
	k := sc.wordBefore(i)
	if k >= 0 && (sc.foldedIs(k, "l") || sc.foldedIs(k, "la") || sc.foldedIs(k, "le")) {
		k = sc.wordBefore(k)
	}
	if k < 0 {
		return false
	}
	if sc.foldedIs(k, "une") || sc.foldedIs(k, "un") {
		return true
	}
	d := sc.wordBefore(k)
	return sc.foldedIs(k, "a") && d >= 0 && sc.foldedIs(d, "droit")
}

// askedArticles stand between "si" and the benefit it asks about: "si
// l'AAH", "si la PCH".
var askedArticles = wordSet("l la le les une un")

// whetherBefore reports whether "si" stands right before the benefit at
// token i, an article between ("si la PCH ?"), or "s'il" or "s'elle" and
// a verb ("s il touche l aah? non"). "si je touche l'AAH" (the writer's)
// is not.
func (sc *scanner) whetherBefore(i int) bool {
	k := sc.wordBefore(i)
	if k >= 0 && sc.foldedIn(k, askedArticles) {
		k = sc.wordBefore(k)
	}
	if k < 0 {
		return false
	}
	p := sc.wordBefore(k)
	s := -1
	if p >= 0 {
		s = sc.wordBefore(p)
	}
	return sc.foldedIs(k, "si") || s >= 0 && sc.foldedIs(s, "s") && (sc.foldedIs(p, "il") || sc.foldedIs(p, "elle"))
}

// questionAfter reports whether a question mark follows token j, the
// complement of the phrase included (up to three words): "une pension
// d'invalidité ?".
func (sc *scanner) questionAfter(j int) bool {
	for k := j + 1; k < len(sc.toks) && k <= j+4 && sc.toks[k].gap < gapLine; k++ {
		if sc.toks[k].kind == kPunct {
			return sc.punct(k) == '?'
		}
	}
	return false
}

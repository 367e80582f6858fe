package redact

import "strings"

// disabilityDegrees masks a degree of disability: a disability group of
// the former Soviet countries ("invalidité du 2e groupe", "2e groupe
// d'invalidité", "disabled 2nd group"), and a rate right after "MDPH" or
// "invalidité" ("reconnue MDPH à 80 %", "carte d invalidite 80%"). The
// statuses themselves stay ("MDPH", "carte d'invalidité", "pension
// d'invalidité catégorie 2", as the README says).
func (sc *scanner) disabilityDegrees() {
	for i := range sc.toks {
		switch t := &sc.toks[i]; {
		case t.kind == kAlnum && t.end-t.start <= 4 && sc.groupWord(i+1) && groupOrdinal(sc.text(i)):
			if k := sc.invalidityNear(i); k >= 0 {
				sc.addToks(min(k, i), max(k, i+1), HANDICAP, 0.8)
			}
		case t.kind == kNum && t.end-t.start <= 3 && sc.punct(i+1) == '%':
			k := i - 1
			if sc.isText(k, "a", "de") {
				k--
			}
			if sc.isText(k, "mdph", "invalidite") {
				sc.addToks(i, i+1, HANDICAP, 0.8)
			}
		}
	}
}

// invalidityNear returns the word of disability within three words of
// the group's ordinal at token i ("invalidité du 2e groupe", "2e groupe
// d'invalidité", "disabled 2nd group"), or -1.
func (sc *scanner) invalidityNear(i int) int {
	for k := max(0, i-3); k <= i+4 && k < len(sc.toks); k++ {
		if k != i && k != i+1 && sc.isText(k, "invalidite", "disabled", "handicap") {
			return k
		}
	}
	return -1
}

// groupOrdinal reports whether w is a group's ordinal in digits, French
// (ordinalWord: "2e", "1er") or English ("2nd", "3rd").
func groupOrdinal(w string) bool {
	if ordinalWord(w) {
		return true
	}
	if len(w) != 3 || !isDigit(w[0]) {
		return false
	}
	switch w[1:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// groupWord reports whether token i is "groupe" or "group", words the
// lexicon does not hold.
func (sc *scanner) groupWord(i int) bool {
	if i >= len(sc.toks) || sc.toks[i].kind != kWord {
		return false
	}
	w := sc.text(i)
	return strings.EqualFold(w, "groupe") || strings.EqualFold(w, "group")
}

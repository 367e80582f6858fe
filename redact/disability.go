package redact

import "strings"

// disabilityDegrees masks a degree of disability next to the words of
// disability markPhrases found (sc.disabled): a disability group of the
// former Soviet countries ("invalidité du 2e groupe", "2e groupe
// d'invalidité", "disabled 2nd group"), and a rate right after "MDPH" or
// "invalidité" ("reconnue MDPH à 80 %", "carte d invalidite 80%"). The
// statuses themselves stay ("MDPH", "carte d'invalidité", "pension
// d'invalidité catégorie 2", as the README says).
func (sc *scanner) disabilityDegrees() {
	for _, k := range sc.disabled {
		for i := max(0, k-4); i <= k+3 && i+1 < len(sc.toks); i++ {
			if t := &sc.toks[i]; t.kind == kAlnum && t.end-t.start <= 4 && sc.groupWord(i+1) && groupOrdinal(sc.text(i)) {
				sc.addToks(min(k, i), max(k, i+1), HANDICAP, 0.8)
				break
			}
		}
		if !sc.isText(k, "mdph", "invalidite", "invalide") {
			continue
		}
		i := k + 1
		if sc.isText(i, "a", "de") {
			i++
		}
		if i+1 < len(sc.toks) && sc.toks[i].kind == kNum && sc.toks[i].end-sc.toks[i].start <= 3 && sc.punct(i+1) == '%' {
			sc.addToks(i, i+1, HANDICAP, 0.8)
		}
	}
}

// disabilityEntries are the lexicon's entries of the words next to which
// disabilityDegrees reads a group or a rate; each starts a phrase.
var disabilityEntries = [...]uint32{lex.words["invalidite"], lex.words["invalide"], lex.words["mdph"], lex.words["disabled"], lex.words["handicap"]}

// disabilityWord reports whether lexicon entry e is a word of disability,
// whose neighbours disabilityDegrees reads.
func disabilityWord(e uint32) bool {
	for _, d := range disabilityEntries {
		if e == d {
			return true
		}
	}
	return false
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

package redact

// disabilityDegrees masks a degree of disability next to the words of
// disability markPhrases found (sc.disabled): a disability group of the
// former Soviet countries ("invalidité du 2e groupe", "2e groupe
// d'invalidité", "disabled 2nd group"), a category of a pension
// d'invalidité ("de 2e catégorie", "catégorie 2"), and a rate right after
// "MDPH", "invalidité" or "invalide" ("reconnue MDPH à 80 %", "carte d
// invalidite 80%", "invalide à 80 %", "handicapée à 80%"). The statuses themselves are the lexicon's [handicap] phrases.
func (sc *scanner) disabilityDegrees() {
	for _, k := range sc.disabled {
		sc.disabilityGroup(k)
		if !sc.isText(k, "mdph", "invalidite", "invalide", "handicape", "handicapee") {
			continue
		}
		i := k + 1
		if sc.isText(i, "a", "de") {
			i++
		}
		if i+1 < len(sc.toks) && sc.toks[i].kind == kNum && sc.toks[i].end-sc.toks[i].start <= 3 && sc.punct(i+1) == '%' {
			from := i
			if sc.isText(k, "handicape", "handicapee") {
				from = k // one value: "handicapée à 80%"
			}
			sc.addToks(from, i+1, HANDICAP, 0.8)
		}
	}
}

// disabilityGroup masks, with the disability word at token k, a group or
// a category written around it: an ordinal before "groupe" or
// "catégorie" ("2e catégorie"), or one or two digits after "groupe" or
// "catégorie" ("catégorie 2").
func (sc *scanner) disabilityGroup(k int) {
	for i := max(0, k-4); i <= k+3 && i+1 < len(sc.toks); i++ {
		if t := &sc.toks[i]; t.kind == kAlnum && t.end-t.start <= 4 && sc.groupWord(i+1) && groupOrdinal(sc.text(i)) {
			sc.addToks(min(k, i), max(k, i+1), HANDICAP, 0.8)
			return
		}
		if t := &sc.toks[i+1]; i >= k && sc.groupWord(i) && t.kind == kNum && t.end-t.start <= 2 && t.gap < gapLine {
			sc.addToks(k, i+1, HANDICAP, 0.8)
			return
		}
	}
}

// disabilityEntries are the lexicon's entries of the words next to which
// disabilityDegrees reads a group or a rate; each starts a phrase.
var disabilityEntries = [...]uint32{lex.words["invalidite"], lex.words["invalide"], lex.words["mdph"], lex.words["disabled"], lex.words["handicap"],
	lex.words["handicape"], lex.words["handicapee"]}

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

// groupWord reports whether token i is "groupe", "group" or
// "catégorie" (with or without its accent).
func (sc *scanner) groupWord(i int) bool {
	if i >= len(sc.toks) || sc.toks[i].kind != kWord {
		return false
	}
	return sc.foldedIs(i, "groupe") || sc.foldedIs(i, "group") || sc.foldedIs(i, "categorie")
}

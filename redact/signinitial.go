package redact

// initialSigned adds a surname written after one initial and its dot where
// a signature stands ("Cordialement,\nA. Fontaine", "signé O. Rivière"):
// alone on the last line of a text of several lines, or after a closing's
// cue, the pair ending its clause. The surname may be a common word
// ("Fontaine", "Rivière"): the initial and the signature's place tell it.
// "M." is Monsieur, no initial. It returns the surname's last token, or -1.
func (sc *scanner) initialSigned(i int) int {
	t := &sc.toks[i]
	k := i + 2
	if t.end-t.start != 1 || t.shape&shCap == 0 || sc.s[t.start] == 'M' || k >= len(sc.toks) ||
		sc.punct(i+1) != '.' || !sc.attached(i+1) || sc.toks[k].gap != gapSpace || !sc.signedSurname(k) {
		return -1
	}
	last := sc.hyphenEnd(k)
	if !sc.signatureLine(i, last) && !(sc.cueWordBefore(i) && sc.clauseEndsAt(last+1, surnameStops)) {
		return -1
	}
	sc.addToks(i, last, NOM, 0.75)
	return last
}

// signedSurname reports whether word k may be a signature's surname:
// capitalised, three letters or more, no function word nor a word that
// names no person.
func (sc *scanner) signedSurname(k int) bool {
	t := &sc.toks[k]
	return t.kind == kWord && t.shape&shCap != 0 && t.end-t.start >= 3 && sc.bits(k)&(notName|wCountry|wParticle) == 0
}

package redact

// Health statuses written with a sign against them: "séro+", "VIH+",
// "HIV-". The sign tells the status, so it is masked with the word: a
// health reading that a '+' or a '-' follows, written against it and
// ending the word, takes the sign ("[SANTE_1]+" told the status), and
// "séro" with its sign is a status ("je suis séro+"; "séro" alone, "les
// séros" stay).

// signedStatuses extends the health readings over their sign and masks
// "séro" with its sign.
func (sc *scanner) signedStatuses() {
	for c, n := 0, len(sc.cands); c < n; c++ {
		if cd := sc.cands[c]; cd.typ == SANTE && sc.signAt(cd.end) {
			sc.add(cd.start, cd.end+1, SANTE, cd.conf)
		}
	}
	for i := range sc.toks {
		if sc.foldedIs(i, "sero") && sc.signAt(int(sc.toks[i].end)) {
			sc.add(int(sc.toks[i].start), int(sc.toks[i].end)+1, SANTE, 0.8)
		}
	}
}

// signAt reports whether a '+' or a '-' stands at byte b and ends the
// word: no letter or digit after it.
func (sc *scanner) signAt(b int) bool {
	if b >= len(sc.s) || sc.s[b] != '+' && sc.s[b] != '-' {
		return false
	}
	return b+1 >= len(sc.s) || !isLetter(sc.s[b+1]) && !isDigit(sc.s[b+1]) && sc.s[b+1] < 0x80
}

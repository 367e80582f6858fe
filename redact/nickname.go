package redact

// nicknames masks a nickname in quotes after a name the detectors found:
// "Jean Martin dit « Pierrot »", "M. Diallo, surnommé "Bébert"". The
// nickname names the person as surely as the name; a quoted word after
// "dit" and anything else ("le lieu-dit « La Croix »") stays.
func (sc *scanner) nicknames() {
	for i := 1; i+3 < len(sc.toks); i++ {
		if !sc.nicknameCue(i) || !sc.nameEndsAt(int(sc.toks[i-1].end)) && !(sc.punct(i-1) == ',' && i > 1 && sc.nameEndsAt(int(sc.toks[i-2].end))) {
			continue
		}
		if !openQuote(sc.punct(i + 1)) {
			continue
		}
		for j := i + 2; j < len(sc.toks) && j <= i+4; j++ {
			if closeQuote(sc.punct(j)) {
				if j > i+2 && sc.toks[i+2].kind == kWord && sc.toks[i+2].shape&shCap != 0 {
					sc.addToks(i+2, j-1, NOM, 0.8)
				}
				break
			}
			if sc.toks[j].kind != kWord && sc.punct(j) != '-' {
				break
			}
		}
	}
}

// nicknameCue reports whether token i announces a nickname: "dit",
// "dite", "surnommé(e)", "alias".
func (sc *scanner) nicknameCue(i int) bool {
	if sc.toks[i].kind != kWord {
		return false
	}
	for _, w := range [...]string{"dit", "dite", "surnomme", "surnommee", "alias"} {
		if sc.foldedIs(i, w) {
			return true
		}
	}
	return false
}

// nameEndsAt reports whether a name found so far ends at offset end.
func (sc *scanner) nameEndsAt(end int) bool {
	for _, c := range sc.cands {
		if c.typ == NOM && c.end == end {
			return true
		}
	}
	return false
}

func openQuote(r rune) bool  { return r == '«' || r == '"' || r == '“' }
func closeQuote(r rune) bool { return r == '»' || r == '"' || r == '”' }

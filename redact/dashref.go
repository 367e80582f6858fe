package redact

// References written as groups of letters and digits joined by dashes
// ("CS-2024-7781", "CAND-2024-33817", "CAR-075-2027-03-14-20190456789",
// "2024-ANTS-88731-K"), right after a numbering sign: read whole
// as a DOSSIER, no longer as a phone or a date found inside them with
// the letters left in clear. A reading of another type (a document's, a
// NIR's) keeps the value.

// refSigns are the words that announce a reference's value.
var refSigns = wordSet("n no num numero nr number c cest got")

// dashedRefs masks the references of this file's comment.
func (sc *scanner) dashedRefs() {
	for i := 0; i < len(sc.toks); i++ {
		t := &sc.toks[i]
		if t.kind == kPunct || i > 0 && t.gap == gapNone {
			continue
		}
		last, groups, digits, letters := sc.dashedRun(i)
		if groups < 3 || digits < 6 || !letters || !sc.refSignBefore(i) ||
			sc.typedWithin(int(t.start), int(sc.toks[last].end)) {
			continue
		}
		sc.addToks(i, last, DOSSIER, 0.9)
		i = last
	}
}

// dashedRun reads the groups joined by attached dashes from token i and
// returns the last group's token, the group count, the digit count and
// whether a group holds letters.
func (sc *scanner) dashedRun(i int) (last, groups, digits int, letters bool) {
	last = i
	for k := i; k < len(sc.toks) && groups < 10; k += 2 {
		t := &sc.toks[k]
		if t.kind == kPunct {
			break
		}
		for _, c := range []byte(sc.text(k)) {
			if isDigit(c) {
				digits++
			}
		}
		letters = letters || t.kind != kNum
		last, groups = k, groups+1
		if sc.punct(k+1) != '-' || !sc.attached(k+1) || !sc.attached(k+2) {
			break
		}
	}
	if a := last + 1; a < len(sc.toks) && sc.toks[a].gap == gapNone && sc.toks[a].kind != kPunct {
		return last, 0, 0, false
	}
	return last, groups, digits, letters
}

// refSignBefore reports whether a word of refSigns, or "n°", stands
// right before token i, but for a colon or the sign's "°".
func (sc *scanner) refSignBefore(i int) bool {
	k := i - 1
	if p := sc.punct(k); p == ':' || p == '°' || p == 'º' {
		k--
	}
	return k >= 0 && sc.toks[k+1].gap < gapLine && sc.foldedIn(k, refSigns)
}

// typedWithin reports whether a candidate of a type other than TEL and
// DOSSIER overlaps bytes start to end.
func (sc *scanner) typedWithin(start, end int) bool {
	for _, c := range sc.cands {
		if c.start < end && start < c.end && c.typ != TEL && c.typ != DOSSIER {
			return true
		}
	}
	return false
}

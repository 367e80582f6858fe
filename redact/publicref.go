package redact

// Public references after a case's cue: a reference that names a public
// page, not a person's case, stays: "la référence F1234" is a fiche of
// service-public.fr. The writer's own ("ma référence F1234", "référence de
// mon dossier CAF"), or one a case's word stands before, is still a
// DOSSIER. An invoice's number ("la facture 2024-0056") stays masked: the
// sets' writers label a public body's invoice as the person's file, and
// its placeholder is restored in the draft the agent reads.

// publicRef reports whether the value of tokens c.j to last, read as a
// DOSSIER after the cue at c.i, is a public reference: a fiche's shape
// after "référence", right after the cue
// (a "n°" between), with no possessive before the cue and no other
// identifier's cue in the sentence before it.
func (sc *scanner) publicRef(c identCtx, last int) bool {
	v := sc.s[sc.toks[c.j].start:sc.toks[last].end]
	if !sc.isText(c.i, "reference", "references", "ref") || !ficheShape(v) {
		return false
	}
	for k := c.i + 1; k < c.j; k++ {
		if sc.toks[k].kind == kWord && !sc.isText(k, "n", "no", "num", "numero") {
			return false
		}
	}
	for k, n := sc.wordBefore(c.i), 0; k >= 0 && n < 3; k, n = sc.wordBefore(k), n+1 {
		if sc.has(k, wPossessive) {
			return false // "ma référence F1234"
		}
	}
	if sc.headerRef(c.i) || sc.caseWordAfter(last) {
		return false
	}
	return sc.cueBefore(c.i, 10)&(identCues|cNIR|cFiscal|cSiret|cIBAN|cCarte) == 0
}

// caseWords are the words of a case that make a reference the writer's
// case's when they follow it: "la référence K12345 du dossier"; a
// possessive does too (wPossessive: "de mon dossier").
var caseWords = wordSet("dossier dossiers allocataire client cliente compte contrat demande")

// caseWordAfter reports whether a possessive or a case's word is among
// the four words after token last, in its sentence.
func (sc *scanner) caseWordAfter(last int) bool {
	for k, n := last+1, 0; k < len(sc.toks) && n < 4 && sc.toks[k].gap < gapLine; k++ {
		if p := sc.punct(k); p == '.' || p == '?' || p == '!' || p == ';' {
			return false
		}
		if sc.toks[k].kind == kWord {
			if sc.has(k, wPossessive) || sc.foldedIn(k, caseWords) {
				return true
			}
			n++
		}
	}
	return false
}

// headerRef reports whether the cue at token i opens a header's field:
// "Référence : A12345", "Ref. K12345 - Mme Durand", the cue first on its
// line and a colon or a period right after it.
func (sc *scanner) headerRef(i int) bool {
	if i > 0 && sc.toks[i].gap < gapLine {
		return false
	}
	p := sc.punct(i + 1)
	return p == ':' || p == '.'
}

// ficheShape reports whether v is written as a fiche of service-public.fr:
// "F", "N" or "R" and three to five digits ("F1234", "R12345"): another
// capital starts a case's reference ("K12345").
func ficheShape(v string) bool {
	if len(v) < 4 || len(v) > 6 || v[0] != 'F' && v[0] != 'N' && v[0] != 'R' {
		return false
	}
	return allDigits(v[1:])
}

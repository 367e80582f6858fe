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
	return sc.cueBefore(c.i, 10)&(identCues|cNIR|cFiscal|cSiret|cIBAN|cCarte) == 0
}

// ficheShape reports whether v is written as a fiche of service-public.fr:
// one capital letter and three to five digits ("F1234", "R12345").
func ficheShape(v string) bool {
	if len(v) < 4 || len(v) > 6 || v[0] < 'A' || v[0] > 'Z' {
		return false
	}
	return allDigits(v[1:])
}

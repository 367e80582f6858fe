package redact

// Public references after a case's cue: a reference that names a public
// page or a document numbered for everyone, not a person's case, stays.
// "la référence F1234" is a fiche of service-public.fr; "la facture
// 2024-0056" an invoice's number in its issuer's yearly sequence. The
// writer's own ("ma facture 2024-0056", "référence de mon dossier CAF"),
// or one a case's word stands before ("mon numéro de dossier
// 2024-0056"), is still a DOSSIER.

// publicRef reports whether the value of tokens c.j to last, read as a
// DOSSIER after the cue at c.i, is a public reference: a fiche's shape
// after "référence", an invoice's after "facture", right after the cue
// (a "n°" between), with no possessive before the cue and no other
// identifier's cue in the sentence before it.
func (sc *scanner) publicRef(c identCtx, last int) bool {
	v := sc.s[sc.toks[c.j].start:sc.toks[last].end]
	switch {
	case sc.isText(c.i, "reference", "references", "ref"):
		if !ficheShape(v) {
			return false
		}
	case sc.isText(c.i, "facture", "factures"):
		if !invoiceShape(v) {
			return false
		}
	default:
		return false
	}
	for k := c.i + 1; k < c.j; k++ {
		if sc.toks[k].kind == kWord && !sc.isText(k, "n", "no", "num", "numero") {
			return false
		}
	}
	for k, n := sc.wordBefore(c.i), 0; k >= 0 && n < 3; k, n = sc.wordBefore(k), n+1 {
		if sc.has(k, wPossessive) {
			return false // "ma facture 2024-0056"
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

// invoiceShape reports whether v is written as an invoice's number in a
// yearly sequence: a year (19xx, 20xx), a dash or a slash and one to six
// digits ("2024-0056", "2023/118").
func invoiceShape(v string) bool {
	if len(v) < 6 || len(v) > 11 || v[4] != '-' && v[4] != '/' || !allDigits(v[:4]) || !allDigits(v[5:]) {
		return false
	}
	return v[:2] == "19" || v[:2] == "20"
}

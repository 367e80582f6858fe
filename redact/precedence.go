package redact

import "slices"

// checksumOver returns, of a and c, overlapping candidates, the value
// whose check digits confirm its type (an IBAN's mod 97, a NIR's key, a
// card's Luhn) when the other is a case number read only because a
// "dossier" cue stands near: « Dossier IBAN DE89 3704 … » is the IBAN.
// The case number gives way only when what it holds beyond the value has
// no digit of its own, so that no part of a number is left in the text.
// Luhn, which one number in ten passes by chance, counts only with a
// card's word in the case number's reading or right before the card:
// « dossier carte 4970 … ».
func (sc *scanner) checksumOver(a, c cand) (cand, bool) {
	d, v := a, c
	if c.typ == DOSSIER {
		d, v = c, a
	}
	if d.typ != DOSSIER || !checksumConfirmed(sc.s[v.start:v.end], v.typ) {
		return cand{}, false
	}
	if d.start < v.start && hasDigit(sc.s[d.start:v.start]) || d.end > v.end && hasDigit(sc.s[v.end:d.end]) {
		return cand{}, false
	}
	if v.typ == CARTE && !sc.cueIn(min(d.start, v.start), v.start, cCarte) {
		return cand{}, false
	}
	return v, true
}

// cueIn reports whether one of the three tokens before offset end, or a
// token between offsets start and end, carries cue.
func (sc *scanner) cueIn(start, end int, cue cueBits) bool {
	k, _ := slices.BinarySearchFunc(sc.toks, end, func(t token, off int) int { return int(t.start) - off })
	for n := 0; n < 3 && k > 0; n++ {
		if k--; sc.toks[k].cue&cue != 0 {
			return true
		}
	}
	k, _ = slices.BinarySearchFunc(sc.toks, start, func(t token, off int) int { return int(t.start) - off })
	for ; k < len(sc.toks) && int(sc.toks[k].start) < end; k++ {
		if sc.toks[k].cue&cue != 0 {
			return true
		}
	}
	return false
}

// checksumConfirmed reports whether the letters and digits of s pass the
// check of type typ: IBAN, NIR or CARTE.
func checksumConfirmed(s string, typ Type) bool {
	var buf [40]byte
	n := buf[:0]
	for i := 0; i < len(s); i++ {
		if c := s[i]; '0' <= c && c <= '9' || 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' {
			if len(n) == cap(n) {
				return false // longer than any of these values
			}
			n = append(n, c)
		}
	}
	switch typ {
	case IBAN:
		return ibanValid(string(n))
	case NIR:
		return nirKeyValid(n)
	case CARTE:
		return len(n) >= 13 && len(n) <= 19 && allDigits(n) && luhn(n)
	}
	return false
}

// hasDigit reports whether s holds an ASCII digit.
func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

package redact

import "sort"

// People correct a number they just typed: "num 0901 2345 6789 hmm non
// 090123456789", "IBAN FR76 … pardon FR76 …". The number after the
// correction word is the same identifier, typed again.

// correctionWords announce a value typed again.
var correctionWords = wordSet("non pardon plutot enfin oups sorry correction erreur pardonnez dsl desole desolee")

// corrections masks the number that follows a correction word right after
// an identifier, as that identifier's type, when its length is near.
func (sc *scanner) corrections() {
	for ci, n := 0, len(sc.cands); ci < n; ci++ {
		c := sc.cands[ci]
		if c.typ == NOM || c.typ == typKeep || c.typ == ADRESSE || c.typ.Special() || c.conf < 0.75 {
			continue
		}
		k := sort.Search(len(sc.toks), func(k int) bool { return int(sc.toks[k].start) >= c.end })
		if v := sc.correctedAt(k); v > 0 {
			first, last := sc.numberSpan(v)
			if l := int(sc.toks[last].end - sc.toks[first].start); l >= (c.end-c.start)*2/3 && l <= (c.end-c.start)*3/2 {
				sc.addToks(first, last, c.typ, c.conf-0.05)
			}
		}
	}
}

// correctedAt returns the token of a number that follows a correction
// word within the few words from token k, on the same line, or 0.
func (sc *scanner) correctedAt(k int) int {
	seen := false
	for j := k; j < len(sc.toks) && j < k+5; j++ {
		t := sc.toks[j]
		if j > k && t.gap >= gapLine {
			return 0
		}
		switch {
		case t.kind == kWord && correctionWords[sc.folded(j)]:
			seen = true
		case t.kind == kNum || t.kind == kAlnum:
			if seen {
				return j
			}
			return 0
		case t.kind == kPunct:
			if p := sc.punct(j); p != ',' && p != ':' && p != '.' && p != '!' && p != '-' {
				return 0
			}
		}
	}
	return 0
}

// numberSpan returns the tokens of the number starting at token v: its
// groups joined by blanks, dots, dashes or slashes on one line.
func (sc *scanner) numberSpan(v int) (first, last int) {
	last = v
	for k := v + 1; k < len(sc.toks) && k < v+24 && sc.toks[k].gap <= gapSpace; k++ {
		switch t := sc.toks[k]; {
		case t.kind == kNum || t.kind == kAlnum:
			last = k
		case t.kind == kPunct && t.gap == gapNone && (sc.punct(k) == '.' || sc.punct(k) == '-' || sc.punct(k) == '/') && sc.attached(k+1):
		default:
			return v, last
		}
	}
	return v, last
}

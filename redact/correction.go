package redact

// People correct a number they just typed: "num 0901 2345 6789 hmm non
// 090123456789", "allocataire 1234567 pardon 1234576". The number after the
// correction word is the same identifier, typed again.

// corrections masks the number that follows a correction word right after
// an identifier, as that identifier's type, when its length is near.
func (sc *scanner) corrections() {
	if sc.allBits&wCorrection == 0 {
		return
	}
	for j := range sc.toks {
		if !sc.has(j, wCorrection) {
			continue
		}
		v := sc.numberAfter(j)
		if v == 0 {
			if g := sc.groupAfter(j); g > 0 {
				if c, ok := sc.identEndingBefore(j); ok {
					sc.add(c.start, int(sc.toks[g].end), c.typ, c.conf-0.05)
				}
			}
			continue
		}
		c, ok := sc.identEndingBefore(j)
		if !ok {
			continue
		}
		first, last := sc.numberSpan(v)
		if l := int(sc.toks[last].end - sc.toks[first].start); l >= (c.end-c.start)*2/3 && l <= (c.end-c.start)*3/2 {
			sc.addToks(first, last, c.typ, c.conf-0.05)
		} else if l == 2 && last == v && sc.trailingGroup(v, v, sc.text(v)) {
			sc.add(c.start, int(sc.toks[v].end), c.typ, c.conf-0.05) // "06 12 34 56 78 non 79": the last group again
		}
	}
}

// groupAfter returns the last token of one group of a number dictated in
// words right after the correction word j ("… soixante-sept euh non
// soixante-huit": the last group again), or 0.
func (sc *scanner) groupAfter(j int) int {
	k := j + 1
	if sc.punct(k) == ',' {
		k++
	}
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine || !sc.has(k, wNumWord) {
		return 0
	}
	if d, last := sc.spelled(k); d != "" && len(d) <= 2 && last >= k {
		return last
	}
	return 0
}

// numberAfter returns the token of a number within the few tokens after
// the correction word j, on its line, or 0.
func (sc *scanner) numberAfter(j int) int {
	for k := j + 1; k < len(sc.toks) && k <= j+3 && sc.toks[k].gap < gapLine; k++ {
		switch t := sc.toks[k]; {
		case t.kind == kNum || t.kind == kAlnum:
			return k
		case t.kind == kPunct:
			if p := sc.punct(k); p != ',' && p != ':' && p != '!' && p != '-' {
				return 0
			}
		}
	}
	return 0
}

// identEndingBefore returns the identifier found so far that ends within
// the few tokens before the correction word j, on its line.
func (sc *scanner) identEndingBefore(j int) (cand, bool) {
	k := j
	for ; k > 0 && k > j-3 && sc.toks[k].gap < gapLine; k-- {
	}
	lo, hi := int(sc.toks[k].start), int(sc.toks[j].start)
	for _, c := range sc.cands {
		if c.end >= lo && c.end <= hi && c.typ != NOM && c.typ != typKeep && c.typ != ADRESSE && !c.typ.Special() && c.conf >= 0.75 {
			return c, true
		}
	}
	return cand{}, false
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

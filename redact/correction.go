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
	var ids identEnds
	for j := range sc.toks {
		if !sc.has(j, wCorrection) {
			continue
		}
		v := sc.numberAfter(j)
		if v == 0 {
			if g := sc.groupAfter(j); g > 0 {
				if c, ok := sc.identEndingBefore(&ids, j); ok {
					sc.addCorrected(&ids, c, c.start, int(sc.toks[g].end))
				}
			}
			continue
		}
		c, ok := sc.identEndingBefore(&ids, j)
		if !ok {
			continue
		}
		first, last := sc.numberSpan(v)
		if l := int(sc.toks[last].end - sc.toks[first].start); l >= (c.end-c.start)*2/3 && l <= (c.end-c.start)*3/2 {
			sc.addCorrected(&ids, c, int(sc.toks[first].start), int(sc.toks[last].end))
		} else if l == 2 && last == v && sc.trailingGroup(v, v, sc.text(v)) {
			sc.addCorrected(&ids, c, c.start, int(sc.toks[v].end)) // "06 12 34 56 78 non 79": the last group again
		}
	}
}

// identEnds indexes by their end offset the candidates identEndingBefore
// may return, each list in the order the candidates were found: a
// correction reads the few that end just before it, not every candidate
// (a text of corrections stays linear).
type identEnds map[int][]int32

// isIdent reports whether c is an identifier a correction may repeat.
func isIdent(c cand) bool {
	return c.typ != NOM && c.typ != typKeep && c.typ != ADRESSE && !c.typ.Special() && c.conf >= 0.75
}

// addCorrected adds the number typed again from start to end, of the type
// of c, the identifier it corrects, and indexes it in ids.
func (sc *scanner) addCorrected(ids *identEnds, c cand, start, end int) {
	n := len(sc.cands)
	sc.add(start, end, c.typ, c.conf-0.05)
	if len(sc.cands) > n && *ids != nil && isIdent(sc.cands[n]) {
		(*ids)[end] = append((*ids)[end], int32(n))
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
// the few tokens before the correction word j, on its line: the first
// found of those. ids is built at the first call.
func (sc *scanner) identEndingBefore(ids *identEnds, j int) (cand, bool) {
	if *ids == nil {
		*ids = identEnds{}
		for ci, c := range sc.cands {
			if isIdent(c) {
				(*ids)[c.end] = append((*ids)[c.end], int32(ci))
			}
		}
	}
	k := j
	for ; k > 0 && k > j-3 && sc.toks[k].gap < gapLine; k-- {
	}
	lo, hi := int(sc.toks[k].start), int(sc.toks[j].start)
	best := int32(-1)
	for end := lo; end <= hi; end++ {
		if l := (*ids)[end]; len(l) > 0 && (best < 0 || l[0] < best) {
			best = l[0]
		}
	}
	if best < 0 {
		return cand{}, false
	}
	return sc.cands[best], true
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

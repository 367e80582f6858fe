package redact

// A special category's complement the writer corrects at once: "un cancer
// du sein... non de la prostate", "diabète de type 1, pardon de type 2".
// The corrected complement says as much as the first, and takes its type.

// complementLinks are the words that open a complement after a
// correction word: "non de la prostate", "pardon du poumon" (folded).
var complementLinks = wordSet("de du des d la le l les")

// correctedComplement masks the complement that follows a correction
// word ("non", "pardon", "plutôt"…) right after a special category's
// complement ending at token end, as typ: a link word ("de", "du") and
// the complement after it, on the same line.
func (sc *scanner) correctedComplement(end int, typ Type) {
	k := end + 1
	for k < len(sc.toks) && sc.toks[k].gap < gapLine && sc.toks[k].kind == kPunct && k <= end+4 {
		k++ // "sein... non", "sein, pardon"
	}
	if k >= len(sc.toks) || sc.toks[k].gap >= gapLine || !sc.has(k, wCorrection) {
		return
	}
	if sc.punct(k+1) == ',' {
		k++
	}
	start, last := k+1, k
	for n := last + 1; n < len(sc.toks) && sc.toks[n].gap < gapLine && n <= k+4; n++ {
		if !sc.foldedIn(n, complementLinks) && !(sc.punct(n) == '\'' && sc.attached(n)) {
			break
		}
		last = n
	}
	if last == k || !sc.foldedIn(start, complementLinks) {
		return
	}
	if e := sc.complement(last, true); e > last {
		sc.addToks(start, e, typ, 0.7)
	}
}

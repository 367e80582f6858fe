package redact

// phoneListWords join a phone number to the next of a list: "06 12 34 56
// 82 ou 6 12 34 56 83".
var phoneListWords = wordSet("ou et sinon or and")

// phoneListBefore reports whether the number at token first follows a
// phone number already found, a link between: the list's first number is
// then the cue of the next ones, written in any grouping.
func (sc *scanner) phoneListBefore(first int) bool {
	k := first - 1
	for n := 0; n < 3 && k >= 0 && sc.toks[k+1].gap < gapLine; n++ {
		p := sc.punct(k)
		if p == 0 && !sc.foldedIn(k, phoneListWords) || p != 0 && p != ',' && p != '/' && p != ';' {
			break
		}
		k--
	}
	if k < 0 || k == first-1 || sc.toks[k].kind != kNum {
		return false
	}
	end := int(sc.toks[k].end)
	for c := len(sc.cands) - 1; c >= 0 && c >= len(sc.cands)-8; c-- {
		if sc.cands[c].typ == TEL && sc.cands[c].end == end {
			return true
		}
	}
	return false
}

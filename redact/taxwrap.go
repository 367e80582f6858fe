package redact

// A tax number wrapped across a letter's lines, which the identifier
// reader, stopping at a line's end, reads too short.

// wrappedTax reads a numéro fiscal a letter wraps across lines after its
// cue: the groups of token j's line then those that start the next line
// ("Numéro fiscal : 14 07 215\n   893 044"), taken when they make a
// numéro fiscal's thirteen digits and the first line alone too few. It
// reports whether it added one.
func (sc *scanner) wrappedTax(j int) bool {
	digits, lines, last := 0, 0, -1
	for k := j; k < len(sc.toks) && k < j+12 && sc.toks[k].kind == kNum && digits < 13; k++ {
		if g := sc.toks[k].gap; k > j && g == gapLine {
			lines++
		} else if k > j && g != gapSpace {
			break
		}
		if lines > 1 {
			break
		}
		digits += int(sc.toks[k].end - sc.toks[k].start)
		last = k
	}
	if digits != 13 || lines != 1 || !sc.crossesLine(j, last) || sc.text(j)[0] > '3' {
		return false
	}
	sc.addToks(j, last, FISCAL, 0.85)
	return true
}

// crossesLine reports whether one of tokens j+1 to last starts a line.
func (sc *scanner) crossesLine(j, last int) bool {
	for k := j + 1; k <= last; k++ {
		if sc.toks[k].gap == gapLine {
			return true
		}
	}
	return false
}

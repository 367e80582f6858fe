package redact

// A tax number wrapped across a letter's lines, which the identifier
// reader, stopping at a line's end, reads too short.

// wrappedTax reads a numéro fiscal a letter wraps across lines after its
// cue: the groups of token j's line then those that start the next line
// ("Numéro fiscal : 14 07 215\n   893 044"), taken when they make a
// numéro fiscal's thirteen digits and the first line alone too few. It
// reports whether it added one.
func (sc *scanner) wrappedTax(j int) bool {
	last, digits := sc.wrappedGroups(j, func(k, digits, _ int) bool { return k < j+12 && digits < 13 })
	if digits != 13 || !sc.crossesLine(j, last) || sc.text(j)[0] > '3' {
		return false
	}
	sc.addToks(j, last, FISCAL, 0.85)
	return true
}

// wrappedGroups walks the digit groups from token j over at most one line
// break, spaces only between groups on a line, taking token k while
// take(k, digits so far, its digits) holds. It returns the last token
// taken and the digits taken, or -1 and 0 when the groups do not reach a
// second line.
func (sc *scanner) wrappedGroups(j int, take func(k, digits, next int) bool) (last, digits int) {
	lines := 0
	last = -1
	for k := j; k < len(sc.toks) && sc.toks[k].kind == kNum; k++ {
		n := int(sc.toks[k].end - sc.toks[k].start)
		if !take(k, digits, n) {
			break
		}
		if g := sc.toks[k].gap; k > j && g == gapLine {
			lines++
		} else if k > j && g != gapSpace {
			break
		}
		if lines > 1 {
			break
		}
		digits, last = digits+n, k
	}
	if lines != 1 {
		return -1, 0
	}
	return last, digits
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

// wrappedNIRs masks a NIR a letter wraps across lines, in a message that
// names a NIR ("mon numéro de sécu c'est le 2 36 08 33⏎063 027 41", and
// a relative's given after it, "le numéro de mon mari : 1 33 02 33
// 063⏎011 90"): the groups of a line's end and those that start the next,
// making thirteen or fifteen digits that start as a NIR (1 or 2, a month)
// when the first line's alone are too few.
func (sc *scanner) wrappedNIRs() {
	if sc.allCues&cNIR == 0 {
		return
	}
	for j := range sc.toks {
		if sc.toks[j].kind != kNum || j > 0 && sc.toks[j-1].kind == kNum && sc.toks[j].gap <= gapBlank {
			continue
		}
		last, digits := sc.wrappedGroups(j, func(_, digits, next int) bool { return digits+next <= 15 })
		if digits != 13 && digits != 15 || !sc.crossesLine(j, last) || !nirStart(sc.digitsOf(j, last)) {
			continue
		}
		if a := last + 1; a < len(sc.toks) && sc.toks[a].kind == kNum && sc.toks[a].gap <= gapBlank {
			continue // a longer number
		}
		sc.addToks(j, last, NIR, 0.85)
	}
}

// nirStart reports whether d starts as a NIR: the sex (1 or 2), the year,
// a month from 01 to 12.
func nirStart(d []byte) bool {
	m := int(d[3]-'0')*10 + int(d[4]-'0')
	return (d[0] == '1' || d[0] == '2') && m >= 1 && m <= 12
}

// digitsOf returns the digits of tokens j to last, one number's groups.
func (sc *scanner) digitsOf(j, last int) []byte {
	var d []byte
	for k := j; k <= last; k++ {
		d = append(d, sc.text(k)...)
	}
	return d
}

package redact

// looseSep reports whether punctuation token n, after the group at token
// j, separates the pairs of a phone written with odd spacing or a comma:
// "07 33. 62 .91 .84", "06 ,12, 70, 55, 03", "06.25.  81.40.39",
// "0 7 5 3 . 1 8 4". The marks are the usual separators and the comma,
// with any blank on either side and a line break after; the groups
// either side have one or two digits and the run starts with a zero, as
// a French phone does, so a list of quantities or a sentence's end after
// a number is never joined to what follows (matchNumber still decides
// what the digits are).
func (sc *scanner) looseSep(run []group, j, n int) bool {
	switch sc.punct(n) {
	case '.', ',', '-', '/', '–':
	default:
		return false
	}
	if len(run) == 0 || run[0].digits == "" || run[0].digits[0] != '0' || n+1 >= len(sc.toks) {
		return false
	}
	if sc.toks[n].gap > gapBlank || sc.toks[n+1].gap > gapLine {
		return false
	}
	return sc.shortNum(j) && sc.shortNum(n+1)
}

// shortNum reports whether token i is a number of one or two digits.
func (sc *scanner) shortNum(i int) bool {
	t := &sc.toks[i]
	return t.kind == kNum && t.end-t.start <= 2
}

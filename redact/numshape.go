package redact

// Helpers of the number reader: the shapes of groups and what stands
// before a number.

// smallGroups reports whether a number starts with a group of two digits
// and has no group longer than two, however many: "06 12 34 56 7 8",
// "0 6 12 34 5 6 78".
func smallGroups(k shapeKey) bool {
	first := k
	for ; k != 0; k >>= 4 {
		if k&15 > 2 {
			return false
		}
		first = k
	}
	return first&15 == 2
}

// phoneGrouping reports whether ten digits d grouped as sh are written as
// people write a French phone: a usual grouping, small groups, or a
// mobile whose first four digits are followed by groups of one or two
// ("0698 33 1 2 4 5").
func phoneGrouping(d []byte, sh shapeKey) bool {
	return phoneShapes[sh] || smallGroups(sh) || (d[1] == '6' || d[1] == '7') && mobileGroups(sh)
}

// mobileGroups reports whether a number starts with a group of four
// digits followed by at least three groups of one or two.
func mobileGroups(k shapeKey) bool {
	n := 0
	for ; k > 15; k >>= 4 {
		if k&15 > 2 {
			return false
		}
		n++
	}
	return k == 4 && n >= 3
}

// allFours reports whether every group but the last has 4 digits.
func (k shapeKey) allFours() bool {
	k >>= 4
	for ; k != 0; k >>= 4 {
		if k&15 != 4 {
			return false
		}
	}
	return true
}

// plusBefore reports whether the number at token i follows a '+', attached
// ("+33") or standing alone before it ("+ 33 6 12…").
func (sc *scanner) plusBefore(i int) bool {
	if sc.punct(i-1) != '+' {
		return false
	}
	return sc.attached(i) || sc.toks[i].gap == gapSpace && (i-1 == 0 || sc.toks[i-1].gap != gapNone)
}

// serviceGrouping reports whether a 10-digit number starting "08" is
// grouped as the service numbers are printed: "0 800 00 12 34", "0 805
// 123 456".
func serviceGrouping(sh shapeKey) bool {
	return sh == shape(1, 3, 2, 2, 2) || sh == shape(1, 3, 3, 3)
}

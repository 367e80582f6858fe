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

// frenchLandline reports whether groups g write a French geographic number
// (01 to 05, 09, or +33 1 to 5, 9): an institution's switchboard may have
// one, while a mobile (06, 07) is always someone's. buf is reused.
func frenchLandline(buf []byte, g []group) bool {
	for _, x := range g {
		if !x.zero {
			buf = append(buf, x.digits...)
		}
	}
	d := string(buf)
	switch {
	case len(d) == 11 && d[:2] == "33":
		d = "0" + d[2:]
	case len(d) == 13 && d[:4] == "0033":
		d = "0" + d[4:]
	}
	return len(d) == 10 && d[0] == '0' && (d[1] >= '1' && d[1] <= '5' || d[1] == '9')
}

// serviceGrouping reports whether a 10-digit number starting "08" is
// grouped as the service numbers are printed: "0 800 00 12 34", "0 805
// 123 456".
func serviceGrouping(sh shapeKey) bool {
	return sh == shape(1, 3, 2, 2, 2) || sh == shape(1, 3, 3, 3)
}

// servicePhone reports whether the 10 digits d, from token first to
// last, are a "09 69" number (non-geographic, given to firms and
// institutions) after a service's cue: an institution's name or
// "service", "standard", "numéro vert" among the six words before it, or
// an institution named just after it ("appelez le 09 69 32 26 26 pour
// impots"). A possessive among the four words before it ("mon fixe 09
// 69…") makes it the writer's line, and so does a phone's cue alone
// ("Tél : 09 69…", "appelez-moi au 09 69…").
func (sc *scanner) servicePhone(d []byte, first, last int) bool {
	if string(d[:4]) != "0969" {
		return false
	}
	for k, n := first-1, 0; k >= 0 && n < 4 && sc.toks[k+1].gap < gapLine; k-- {
		if sc.toks[k].kind == kWord {
			if sc.has(k, wPossessive) {
				return false
			}
			n++
		}
	}
	for k, n := first-1, 0; k >= 0 && n < 6 && sc.toks[k+1].gap < gapLine; k-- {
		if sc.toks[k].kind == kWord {
			if sc.serviceWord(k) {
				return true
			}
			n++
		}
	}
	for k, n := last+1, 0; k < len(sc.toks) && n < 3 && sc.toks[k].gap < gapLine; k++ {
		if sc.toks[k].kind == kWord {
			if sc.orgWord(k) {
				return true
			}
			n++
		}
	}
	return false
}

// serviceWord reports whether word k names a service that answers a
// public line: an institution, "service", "standard", "plateforme", or a
// switchboard's phrase.
func (sc *scanner) serviceWord(k int) bool {
	return sc.orgWord(k) || sc.toks[k].cue&cPublicTel != 0 || sc.isText(k, "service", "services", "standard", "plateforme", "vert", "retraite", "impots", "assurance", "urssaf", "ameli")
}

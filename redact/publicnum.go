package redact

// Public numbers: a number an institution publishes stays, when the cue of
// its kind stands beside it. This is the one way a number is read as
// public (the 08 numbers and the short numbers aside, which no detector
// reads as a person's):
//
//   - a French landline (01 to 05, 09, or +33 1 to 5, 9) after a
//     switchboard's phrase in its sentence ([ctx-public-tel]: "le standard
//     du Quai d'Orsay, +33 1 43 17 53 53"); a mobile is always someone's;
//   - a 09 69 number (non-geographic, given to firms and institutions)
//     after a service's word among the six words before it on its line
//     ([public-service], an organisation's name or a switchboard's
//     phrase: "Le service au 09 69 32 21 21"), or before an
//     organisation's name among the three words after it ("appelez le
//     09 69 32 26 26 pour impots"); a possessive among the four words
//     before it makes it the writer's line ("mon fixe 09 69…"), and so
//     does a phone's cue alone ("Tél : 09 69…");
//   - a short number (four digits starting with 3: "3949", "3939") beside
//     a word of dialling among the four words on either side on its line
//     ([public-dial]: "code d'accès 3949 puis tapez 1"), where a code
//     without a verb or a possessive could be read; a possessive before
//     "code" among the four words before it makes it the writer's code
//     ("mon code 3817, puis …", "mon code d'accès est 3817 puis").

// publicKind is a kind of public number, each with its cue.
type publicKind uint8

const (
	publicLandline publicKind = iota + 1 // after a switchboard's phrase
	publicService                        // a 09 69 number after a service or before an organisation
	publicShort                          // a short number beside a word of dialling
)

// publicNumber reports whether the number of digits d, from token first
// to last, is of the kind and has that kind's cue beside it. The digits
// of a landline are those of its groups, "33" or "0033" included.
func (sc *scanner) publicNumber(kind publicKind, d string, first, last int) bool {
	switch kind {
	case publicLandline:
		return landlineDigits(d) && sc.cueBefore(first, 8)&cPublicTel != 0
	case publicService:
		return len(d) == 10 && d[:4] == "0969" && !sc.wordOnLine(first, 4, true, sc.possessive) &&
			(sc.wordOnLine(first, 6, true, sc.serviceWord) || sc.wordOnLine(last, 3, false, sc.orgWord))
	case publicShort:
		return len(d) == 4 && d[0] == '3' && allDigits(d) && !sc.wordOnLine(first, 4, true, sc.ownCode) &&
			(sc.wordOnLine(first, 4, true, sc.dialWord) || sc.wordOnLine(last, 4, false, sc.dialWord))
	}
	return false
}

// landlineDigits reports whether the digits d write a French geographic
// number (01 to 05, 09, or 33 or 0033 and 1 to 5, 9): an institution's
// switchboard may have one, while a mobile (06, 07) is always someone's.
func landlineDigits(d string) bool {
	switch {
	case len(d) == 10 && d[0] == '0':
		d = d[1:]
	case len(d) == 11 && d[:2] == "33":
		d = d[2:]
	case len(d) == 13 && d[:4] == "0033":
		d = d[4:]
	default:
		return false
	}
	return d[0] >= '1' && d[0] <= '5' || d[0] == '9'
}

// appendDialled appends to buf the digits of groups g, the "(0)" of
// "+33 (0)1…" left out, and returns it.
func appendDialled(buf []byte, g []group) []byte {
	for _, x := range g {
		if !x.zero {
			buf = append(buf, x.digits...)
		}
	}
	return buf
}

// wordOnLine reports whether f accepts one of the n words next to token
// k on its line: before it when back, else after it.
func (sc *scanner) wordOnLine(k, n int, back bool, f func(int) bool) bool {
	step := 1
	if back {
		step = -1
	}
	for m, seen := k+step, 0; m >= 0 && m < len(sc.toks) && seen < n; m += step {
		if back && sc.toks[m+1].gap >= gapLine || !back && sc.toks[m].gap >= gapLine {
			return false
		}
		if sc.toks[m].kind == kWord {
			if f(m) {
				return true
			}
			seen++
		}
	}
	return false
}

// possessive reports whether word k is a possessive: "mon", "notre".
func (sc *scanner) possessive(k int) bool { return sc.has(k, wPossessive) }

// ownCode reports whether word k is "code" after a possessive: "mon
// code", "votre code d'accès", the writer's or the reader's own code.
func (sc *scanner) ownCode(k int) bool {
	if !sc.isText(k, "code", "codes") {
		return false
	}
	p := sc.wordBefore(k)
	return p >= 0 && sc.possessive(p)
}

// serviceWord reports whether word k names a service that answers a
// public line: an organisation, a switchboard's phrase, or a word of
// [public-service] ("service", "standard", "plateforme").
func (sc *scanner) serviceWord(k int) bool {
	return sc.orgWord(k) || sc.toks[k].cue&cPublicTel != 0 || sc.has(k, wPublicService)
}

// dialWord reports whether word k tells a number is dialled: "tapez",
// "composez", "puis".
func (sc *scanner) dialWord(k int) bool { return sc.has(k, wDial) }

package redact

import "strings"

// Social security numbers of France's neighbours, which people working or
// living across the border give beside their NIR, by their shape after
// their cue whatever their key, as people mistype them: Switzerland's AVS
// number, 756 and ten digits in any grouping ("756 . 9217 . 4403 . 62"),
// a foreigner's number (ETRANGER) as ident.go reads it dotted; Belgium's
// national register number, eleven digits as YY.MM.DD-XXX.CC
// ("88.02.14-317.56"), is read by ident.go after "numéro national";
// Ireland's PPS number, seven digits and one or two letters after "PPS"
// ("1234567TA"), a NIR: the social security number of the writer.

// foreignSocialNumbers masks the AVS numbers after "AVS" or "AHV" (or
// passing their EAN-13 check) and the PPS numbers after "PPS".
func (sc *scanner) foreignSocialNumbers() {
	for i := range sc.toks {
		if sc.toks[i].kind == kAlnum && ppsShape(sc.text(i)) && sc.wordsBefore(i, "pps", "ppsn") {
			sc.addToks(i, i, NIR, 0.9)
		}
		if sc.toks[i].kind != kNum || i > 0 && sc.toks[i].gap == gapNone {
			continue
		}
		digits, last, groups := sc.groupedDigits(i)
		switch {
		case len(digits) == 13 && strings.HasPrefix(digits, "756") && groups >= 2 && (sc.wordsBefore(i, "avs", "ahv") || ean13Valid(digits)):
			sc.addToks(i, last, ETRANGER, 0.8)
		}
	}
}

// groupedDigits reads the number at token i in groups apart by a blank, a
// dot, a dash or a slash (blanks around it allowed) on its line, 16
// digits at most, and returns its digits, last token and group count.
func (sc *scanner) groupedDigits(i int) (digits string, last, groups int) {
	var buf [16]byte
	d := buf[:0]
	last = i
	for k := i; k < len(sc.toks); {
		t := sc.text(k)
		if len(d)+len(t) > cap(buf) {
			break
		}
		d, last, groups = append(d, t...), k, groups+1
		n := k + 1
		if p := sc.punct(n); (p == '.' || p == '-' || p == '/') && sc.toks[n].gap <= gapSpace {
			n++
		}
		if n >= len(sc.toks) || sc.toks[n].kind != kNum || sc.toks[n].gap > gapSpace {
			break
		}
		k = n
	}
	if a := last + 1; a < len(sc.toks) && sc.toks[a].gap == gapNone && sc.toks[a].kind != kPunct {
		return "", last, 0 // glued to a letter: "4403ab"
	}
	return string(d), last, groups
}

// wordsBefore reports whether one of words, folded, stands in the eight
// tokens before token i.
func (sc *scanner) wordsBefore(i int, words ...string) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		for _, w := range words {
			if sc.foldedIs(k, w) {
				return true
			}
		}
	}
	return false
}

// ean13Valid reports whether the thirteen digits of d pass the EAN-13
// check, the AVS number's key.
func ean13Valid(d string) bool {
	sum := 0
	for i := 0; i < 12; i++ {
		v := int(d[i] - '0')
		if i%2 == 1 {
			v *= 3
		}
		sum += v
	}
	return (10-sum%10)%10 == int(d[12]-'0')
}

// ppsShape reports whether v is written as an Irish PPS number: seven
// digits, then one or two letters.
func ppsShape(v string) bool {
	if len(v) < 8 || len(v) > 9 || !allDigits([]byte(v[:7])) {
		return false
	}
	for i := 7; i < len(v); i++ {
		if !isLetter(v[i]) {
			return false
		}
	}
	return true
}

package redact

// ibanLengths gives the IBAN length of every country of the ISO 13616
// registry, and of the countries that use IBANs outside it (most of
// francophone Africa, Algeria, Iran…). Other two-letter prefixes accept any
// length from 15 to 34 when the check digits are right.
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HN": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26,
	"IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21,
	"LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28,
	"NL": 18, "NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22,
	"RU": 33, "SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25,
	"SV": 28, "TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
	// outside the registry
	"DZ": 26, "AO": 25, "BJ": 28, "BF": 28, "CM": 27, "CV": 25, "CI": 28, "CF": 27, "TD": 27, "KM": 27,
	"CG": 27, "GQ": 27, "GA": 27, "GW": 25, "IR": 26, "MG": 27, "ML": 28, "MA": 28, "MZ": 25, "NE": 28,
	"SN": 28, "TG": 28,
}

// ibans finds IBANs, in any grouping (groups of four, irregular groups,
// run together, dashes or dots between groups, the country code apart),
// checked with mod 97 at the length of their country; an IBAN with a wrong
// key but the right length for its country is still masked.
func (sc *scanner) ibans() {
	for i := range sc.toks {
		if t := &sc.toks[i]; t.kind != kAlnum && (t.kind != kWord || t.end-t.start > 2) {
			continue
		}
		strict := sc.ibanStartAt(i)
		if !strict && !sc.looseIBANStart(i) {
			continue
		}
		var buf [40]byte
		norm := buf[:0]
		want := ibanLengths[sc.ibanCountry(i)]
		bestValid, bestLen, nearLen, lastTok, crossed, fours := -1, -1, -1, i, -1, true
		for j := i; j >= 0; j = sc.ibanNext(j, &crossed) {
			part := sc.text(j)
			if len(norm)+len(part) > 34 {
				break
			}
			for k := 0; k < len(part); k++ {
				norm = append(norm, upper(part[k]))
			}
			if crossed >= 0 {
				// past a line break, the country's length in groups of
				// four at most ("FR76 1027 8060 4100⏎0204 5678 912"), its
				// key right or wrong
				if fours = fours && len(part) <= 4; want != 0 && len(norm) == want && fours {
					bestLen = j
					if ibanValid(string(norm)) {
						bestValid = j
					}
				}
				continue
			}
			if isDigit(part[len(part)-1]) {
				lastTok = j // not a word after it: "… 5680 19 svp"
			}
			if want != 0 && len(norm) >= want-2 && len(norm) <= want+2 && len(norm) >= 15 && isDigit(part[len(part)-1]) {
				nearLen = j // a digit or two typed too many or too few
			}
			switch {
			case want != 0 && len(norm) == want:
				if ibanValid(string(norm)) {
					bestValid = j
				}
				bestLen = j
			case len(norm) >= 15 && (bestValid < 0 || want == 0 || len(norm) < want) && ibanValid(string(norm)):
				// another length with the right key: a country missing
				// from the table, or a registry length the writer knew
				// better than we do
				bestValid = j
			}
		}
		switch {
		case bestValid >= 0:
			sc.addToks(i, bestValid, IBAN, 0.99)
		case !strict && bestLen >= 0 && sc.spelledCountry(i):
			// "F R 7 6 1 0 0 9 6 …" dictated one character at a time to
			// its country's length: the shape is the IBAN's, its key
			// mistyped or misheard
			sc.addToks(i, bestLen, IBAN, 0.9)
		case !strict:
			// a country code in lower case or spelled apart: its key decides
		case bestLen >= 0 && len(norm) >= 4 && allDigits(norm[2:4]):
			// the shape of the country's IBAN with a wrong key: typed or
			// invented, still an account number, and surer than the case
			// number a "compte" cue would read in it
			sc.addToks(i, bestLen, IBAN, 0.97)
		case sc.cueBefore(i, 6)&cIBAN != 0 && len(norm) >= 14:
			sc.addToks(i, lastTok, IBAN, 0.6)
		case nearLen >= 0 && sc.toks[i].kind == kAlnum && allDigits(norm[2:4]):
			sc.addToks(i, nearLen, IBAN, 0.7) // FR76 1027 8060 1100 0204 5680 19
		}
	}
}

// ibanStartAt reports whether an IBAN may start at token i, an
// alphanumeric token or a word of two bytes (ibans tests that first):
// "FR76…", or a country code written apart ("FR 76 3000…").
func (sc *scanner) ibanStartAt(i int) bool {
	t := &sc.toks[i]
	s := sc.text(i)
	switch {
	case t.kind == kAlnum && len(s) >= 4:
		return isLetter(s[0]) && isLetter(s[1]) && isDigit(s[2]) && isDigit(s[3])
	case t.kind == kWord && len(s) == 2 && isLetter(s[0]) && isLetter(s[1]) && t.shape&shUpper != 0:
		if ibanLengths[s] == 0 || i+1 >= len(sc.toks) || sc.toks[i+1].gap > gapSpace || sc.toks[i+1].kind != kNum {
			return false
		}
		n := sc.text(i + 1)
		return len(n) >= 2
	}
	return false
}

// ibanNext returns the token that continues the IBAN whose last part is
// token j, or -1. It crosses one line break before a number, and sets
// *crossed to the token after it.
func (sc *scanner) ibanNext(j int, crossed *int) int {
	n := j + 1
	if n < len(sc.toks) && (sc.punct(n) == '-' || sc.punct(n) == '.') && sc.attached(n) && n+1 < len(sc.toks) && sc.attached(n+1) {
		n++
	} else if n < len(sc.toks) && sc.toks[n].gap == gapLine && sc.toks[n].kind == kNum && *crossed < 0 && sc.toks[j].kind != kWord {
		*crossed = n
		return n
	} else if n < len(sc.toks) && (sc.toks[n].gap == gapNone || sc.toks[n].gap > gapBlank) {
		return -1
	}
	if n >= len(sc.toks) {
		return -1
	}
	t := sc.toks[n]
	switch t.kind {
	case kNum, kAlnum:
		return n
	case kWord:
		if t.end-t.start <= 4 && (t.shape&shUpper != 0 || t.end-t.start == 1 && t.shape&shCap != 0 ||
			t.shape&shLower != 0 && sc.toks[j].shape&shLower != 0) {
			return n
		}
	}
	return -1
}

// ibanCountry returns the upper-case country code that starts at token i:
// the token's first two letters, or two one-letter words ("F R 76…").
func (sc *scanner) ibanCountry(i int) string {
	s := sc.text(i)
	if len(s) == 1 && i+1 < len(sc.toks) {
		s += sc.text(i + 1)
	}
	if len(s) < 2 {
		return ""
	}
	return string([]byte{upper(s[0]), upper(s[1])})
}

// looseIBANStart reports whether an IBAN written loosely may start at
// token i: its country code in lower case ("compte fr 76 3000…") or
// spelled one letter at a time ("F R 7 6 3000…"), before a number. Only
// a right key makes it an IBAN.
func (sc *scanner) looseIBANStart(i int) bool {
	t := &sc.toks[i]
	n := i + 1
	if t.kind != kWord || !isLetter(sc.text(i)[0]) {
		return false
	}
	if t.end-t.start == 1 {
		if n >= len(sc.toks) || sc.toks[n].kind != kWord || sc.toks[n].end-sc.toks[n].start != 1 || sc.toks[n].gap != gapSpace {
			return false
		}
		n++
	}
	if ibanLengths[sc.ibanCountry(i)] == 0 || n >= len(sc.toks) || sc.toks[n].gap != gapSpace || sc.toks[n].kind != kNum {
		return false
	}
	return i == 0 || sc.toks[i-1].kind != kWord || sc.toks[i].gap != gapNone
}

// spelledCountry reports whether the country code at token i is spelled
// as two capital letters apart ("F R") before a single digit.
func (sc *scanner) spelledCountry(i int) bool {
	if i+2 >= len(sc.toks) || sc.toks[i].end-sc.toks[i].start != 1 || sc.toks[i+1].end-sc.toks[i+1].start != 1 {
		return false
	}
	a, b, d := sc.text(i)[0], sc.text(i + 1)[0], sc.toks[i+2]
	return 'A' <= a && a <= 'Z' && 'A' <= b && b <= 'Z' && d.kind == kNum && d.end-d.start == 1
}

package redact

import "github.com/plume-sp/plume/fold"

// Streets: a house number and a street type, or a street type after an
// address cue, with the name that follows.

// houseNumber reports whether token i is a house number with its suffix
// written together: "12bis", "3B".
func (sc *scanner) houseNumber(i int) bool {
	t := &sc.toks[i]
	if t.kind != kAlnum || t.end-t.start > 10 {
		return false
	}
	s := sc.text(i)
	k := leadingDigits(s)
	if k == 0 || k > 4 {
		return false
	}
	var buf [8]byte
	return houseSuffix[string(fold.Append(buf[:0], s[k:]))]
}

// numberedStreet reads "12 bis, rue de la Paix à Lyon" from the number at i
// and returns its last token, or -1.
func (sc *scanner) numberedStreet(i int) int {
	n := len(sc.toks)
	j := i + 1
	if j+1 < n && sc.punct(j) == '-' && sc.attached(j) && sc.attached(j+1) && sc.toks[j+1].kind == kNum {
		j += 2 // 12-14
	}
	if j < n && sc.toks[j].kind == kWord && sc.toks[j].gap <= gapBlank && sc.toks[j].end-sc.toks[j].start <= 6 {
		var buf [8]byte
		if j+1 < n && (sc.has(j+1, wStreet) || sc.punct(j+1) == ',' && sc.has(j+2, wStreet)) && houseSuffix[string(fold.Append(buf[:0], sc.text(j)))] {
			j++
		}
	}
	if j < n && sc.punct(j) == ',' {
		j++
	}
	if j >= n || !sc.has(j, wStreet) || sc.toks[j].gap >= gapLine {
		return -1
	}
	k := j + 1
	if k < n && sc.punct(k) == '.' && sc.attached(k) {
		k++
	}
	last := sc.streetName(k)
	if last < 0 {
		return -1
	}
	return sc.addrTail(last)
}

// numberSign reports whether tokens m and m+1 are the sign "n°".
func (sc *scanner) numberSign(m int) bool {
	return sc.isText(m, "n", "no") && (sc.punct(m+1) == '°' || sc.punct(m+1) == 'º') && sc.attached(m+1)
}

// ordinalFloor reads "3e étage", "2ème étage" from the ordinal at i, with
// the side of the landing after it ("2e étage gauche"); a floor and a
// side alone ("2e gauche") only next to another part. It returns the last
// token, or -1, and the confidence.
func (sc *scanner) ordinalFloor(i int) (int, float64) {
	if sc.toks[i].kind != kAlnum {
		return -1, 0
	}
	last, conf := -1, 0.0
	k := i + 1
	if sc.isText(k, "etage") {
		last, conf, k = k, 0.6, k+1
	} else if sc.isText(k, "et", "etg") && ordinalWord(sc.text(i)) && sc.punct(k+1) == '.' && sc.attached(k+1) && sc.toks[k].gap == gapSpace {
		last, conf, k = k+1, 0.6, k+2 // "3e ét.": the floor abbreviated
	}
	if k < len(sc.toks) && sc.toks[k].gap == gapSpace && sc.isText(k, "gauche", "droite", "fond") && ordinalWord(sc.text(i)) {
		last = k
		if conf == 0 {
			conf = 0.45
		}
	}
	return last, conf
}

// ordinalWord reports whether s is an ordinal written with digits: "2e",
// "3ème", "1er", "2eme".
func ordinalWord(s string) bool {
	d := 0
	for d < len(s) && isDigit(s[d]) {
		d++
	}
	if d == 0 || d > 2 {
		return false
	}
	switch s[d:] {
	case "e", "E", "eme", "ème", "er", "ere", "ère", "ieme", "ième":
		return true
	}
	return false
}

// bareStreet reads a street without a number: "rue Victor Hugo", or any
// street after an address cue ("j'habite place de la Mairie").
func (sc *scanner) bareStreet(i int) (int, float64) {
	if sc.isText(i, "mail") && (i+1 >= len(sc.toks) || sc.toks[i+1].shape&shCap == 0) {
		return -1, 0 // "mail jean@…": the e-mail, not a street
	}
	cue := sc.cueBefore(i, 4)&cAddrCue != 0
	k := i + 1
	if k < len(sc.toks) && sc.punct(k) == '.' && sc.attached(k) {
		k++
	}
	if !cue {
		if !sc.has(i, wStreetBare) || sc.caseless {
			return -1, 0
		}
		// The name must start with a capital: "rue Victor Hugo", "rue de la Paix".
		m := k
		for m < len(sc.toks) && sc.toks[m].kind == kWord && sc.has(m, wStreetLink) && m < k+3 {
			m++
			if m < len(sc.toks) && sc.punct(m) == '\'' {
				m++
			}
		}
		if m >= len(sc.toks) || sc.toks[m].kind != kWord || sc.toks[m].shape&shCap == 0 {
			return -1, 0
		}
	}
	last := sc.streetName(k)
	if last < 0 {
		return -1, 0
	}
	// "Derb Sidi Bouamar n° 27": the number after the name, with its sign
	if m := last + 1; m+2 < len(sc.toks) && sc.numberSign(m) && sc.toks[m+2].kind == kNum && sc.toks[m+2].end-sc.toks[m+2].start <= 4 &&
		sc.toks[m+2].gap <= gapSpace {
		last = m + 1
	}
	// "Rue de la Station 14": the number after the name
	if m := last + 1; m < len(sc.toks) && sc.toks[m].kind == kNum && sc.toks[m].end-sc.toks[m].start <= 4 && sc.toks[m].gap <= gapSpace {
		if m+2 < len(sc.toks) && sc.punct(m+1) == '/' && sc.attached(m+1) && sc.attached(m+2) && sc.toks[m+2].kind == kNum {
			m += 2 // ul. Marszałkowska 12/4
		}
		if m+1 >= len(sc.toks) || sc.toks[m+1].gap >= gapLine || sc.punct(m+1) == ',' || sc.postalCode(m+1) {
			last = m
		}
	}
	if cue {
		return sc.addrTail(last), 0.8
	}
	// A street alone may be a place rather than someone's address ("feu
	// rouge avenue Jean Médecin"): it counts only next to another part.
	return sc.addrTail(last), 0.45
}

// streetName reads the name of a street from token k and returns its last
// token, or -1.
func (sc *scanner) streetName(k int) int {
	n := len(sc.toks)
	words, last := 0, -1
	for m := k; m < n && words < 6; m++ {
		t := sc.toks[m]
		if t.gap >= gapLine {
			break
		}
		switch t.kind {
		case kWord:
			if lex.bits[t.ent]&wStreetLink != 0 {
				if t.ent == entEt && (m+1 >= n || sc.toks[m+1].shape&shCap == 0 || sc.caseless) {
					return last
				}
				continue
			}
			if sc.has(m, wFunc|wAddrComp|wStreet|wCurrency|wLegal|wPossessive) && !(sc.isFirstName(m) && sc.toks[m].shape&shCap != 0) {
				return last
			}
			if sc.has(m, wMonth) && words == 0 || sc.numberSign(m) {
				return last
			}
			last = m
			words++
		case kNum:
			// rue du 8 Mai 1945
			if m+1 < n && sc.has(m+1, wMonth) && t.end-t.start <= 2 {
				last = m + 1
				m++
				if m+1 < n && sc.toks[m+1].kind == kNum && sc.toks[m+1].end-sc.toks[m+1].start == 4 {
					m++
					last = m
				}
				words++
				continue
			}
			return last
		case kPunct:
			p := sc.punct(m)
			if (p == '-' || p == '\'') && t.gap == gapNone && m+1 < n && sc.attached(m+1) {
				continue
			}
			if p == '.' && t.gap == gapNone && last == m-1 && sc.toks[last].end-sc.toks[last].start <= 3 {
				continue // "St." "Gal."
			}
			return last
		default:
			return last
		}
	}
	return last
}

// addrTail extends a street over "à Lyon" / "a lyon".
func (sc *scanner) addrTail(last int) int {
	k := last + 1
	if k >= len(sc.toks) || sc.toks[k].ent != entA || sc.toks[k].gap >= gapLine {
		return last
	}
	if c := sc.cityName(k + 1); c >= 0 {
		return c
	}
	return last
}

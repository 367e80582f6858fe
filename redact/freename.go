package redact

import "strings"

// Names without a cue: a first name with its surname, a surname in capitals,
// signature lines and letter headings.

// freeName finds names without a cue: a first name with its surname ("Lucas
// Martin", "Jean DUPONT"), a surname in capitals before a first name
// ("DUPONT Jean"), or a first name alone.
func (sc *scanner) freeName(i int) int {
	t := &sc.toks[i]
	isFirst := sc.isFirstName(i)
	b := sc.bits(i)
	if !isFirst {
		if last := sc.capsParticleName(i); last >= 0 {
			return last // DE LA FONTAINE Jean
		}
		// DUPONT Jean; FONTAINE Marie, a frequent surname that is also a word
		if sc.caseless || t.shape&shUpper == 0 || b&notName != 0 || b&wStop != 0 && !sc.wordSurname(i, false) {
			return -1
		}
		m := i + 1
		if m >= len(sc.toks) || sc.toks[m].gap >= gapLine || !sc.isFirstName(m) || !sc.capsFirstAfter(i, m) {
			return -1
		}
		if sc.placeBefore(i) {
			return -1
		}
		return sc.emitName(i, strong, 0.8)
	}
	amb := b&wFirstAmb != 0
	if sc.aujourdhuiTail(i) {
		return -1 // "aujourd'hui": the first name "Hui"
	}
	if sc.caseless {
		if amb || b&(wStop|notName) != 0 {
			return -1
		}
	} else if t.shape&shCap == 0 {
		return -1
	}
	if last, ok := sc.placeCompound(i); ok {
		return last // Hô-Chi-Minh-Ville, Jean-Marie-sur-Mer
	}
	if sc.placeBefore(i) {
		// "lycée Pierre et Marie Curie": the whole name belongs to the place
		_, last, words, _ := sc.nameSpan(i, medium)
		for words > 0 && last+2 < len(sc.toks) && sc.toks[last+1].ent == entEt && sc.isFirstName(last+2) {
			_, last, words, _ = sc.nameSpan(last+2, medium)
		}
		if words > 0 {
			return last
		}
		return -1
	}
	first, last, words, _ := sc.nameSpan(i, medium)
	switch {
	case words >= 2 && !(amb && sc.bits(last)&wStop != 0):
		sc.addToks(first, last, NOM, 0.8)
		return last
	case words == 1 && !amb && b&(wStop|notName) == 0:
		if sc.townAfterPrep(first) {
			return last // "je travaille à Nancy", "à Florence (Italie)": a town
		}
		conf := 0.6
		if sc.caseless {
			conf = 0.5
		}
		if sc.surnameBefore(first) {
			first-- // "… ? Lambert Sophie, comment …"
		}
		sc.addToks(first, last, NOM, conf)
		return last
	}
	return -1
}

// aujourdhuiTail reports whether word i ends "aujourd'hui", which holds
// the first name "Hui".
func (sc *scanner) aujourdhuiTail(i int) bool {
	return sc.isText(i, "hui") && sc.punct(i-1) == '\'' && sc.isText(i-2, "aujourd")
}

// capsFirstAfter reports whether the first name at m, after the surname
// in capitals at i, is written as a first name is: capitalised ("DUPONT
// Jean"), or in capitals too when neither is a common word and the pair
// starts a line, a field or follows a civility ("Titulaire : M LEMOINE
// FABRICE"; "… ATTENTION MARIE ne vient pas" stays).
func (sc *scanner) capsFirstAfter(i, m int) bool {
	t := &sc.toks[m]
	if t.shape&shCap != 0 {
		return true
	}
	unknown := sc.toks[i].ent == 0 || sc.has(i, wWordSurname)
	opens := sc.toks[i].gap >= gapLine || sc.punct(i-1) == ':' || sc.has(i-1, wCivility)
	return unknown && opens && t.shape&shUpper != 0 && t.shape&shLower == 0 && sc.bits(m)&(wFirstAmb|wStop|notName) == 0
}

// surnameBefore reports whether the word before the first name at i is
// its surname ("Dubois Paul travaille"): joinsName, and not an adverb in
// "-ment" opening the sentence ("Finalement Paul est venu").
func (sc *scanner) surnameBefore(i int) bool {
	k := i - 1
	if !sc.joinsName(k, i) || sc.placeBefore(k) {
		return false
	}
	return !sc.startsSentence(k) || !strings.HasSuffix(sc.folded(k), "ment")
}

// placeCompound reports whether word i is part of a hyphenated place name,
// one with a linking word or "ville" among its parts ("Hô-Chi-Minh-Ville",
// "Jean-Marie-sur-Mer"), and returns the compound's last token.
func (sc *scanner) placeCompound(i int) (last int, ok bool) {
	first := i
	for p := 0; p < maxCompound && first >= 2 && sc.punct(first-1) == '-' && sc.attached(first-1) && sc.attached(first) &&
		sc.toks[first-2].kind == kWord; p++ {
		first -= 2
	}
	last = i
	for p := 0; p < maxCompound && last+2 < len(sc.toks) && sc.punct(last+1) == '-' && sc.attached(last+1) && sc.attached(last+2) &&
		sc.toks[last+2].kind == kWord; p++ {
		last += 2
	}
	for k := first; k <= last && last > first; k += 2 {
		if sc.has(k, wStreetLink) || sc.isText(k, "ville", "city") {
			return last, true
		}
	}
	return i, false
}

// placeBefore reports whether the word at i follows a street, institution
// or place word ("rue Victor Hugo", "lycée Jean Moulin", "Saint-Louis").
func (sc *scanner) placeBefore(i int) bool {
	for k, words := i-1, 0; k >= 0 && words < 2; k-- {
		t := sc.toks[k]
		if t.gap >= gapLine && k < i-1 {
			return false
		}
		if t.kind == kPunct {
			if p := sc.punct(k); p == '-' || p == '\'' {
				continue
			}
			return false
		}
		if t.kind != kWord {
			return false
		}
		if sc.has(k, wStreet|wInstitution|wAddrComp) {
			return true
		}
		if !sc.has(k, wParticle) && t.ent != entEt {
			words++
		}
	}
	return false
}

// nameLines finds lines, or ends of lines after a sentence, that hold
// nothing but a name of two words or more with a first name or an initial:
// signatures and letter headings ("Jean Dupont", "C'est normal ? T. Mercier").
func (sc *scanner) nameLines() {
	n := len(sc.toks)
	for a := 0; a < n; {
		b := a + 1
		for b < n && sc.toks[b].gap < gapLine {
			b++
		}
		// the line is tokens a..b-1
		end := b - 1
		for end > a && (sc.punct(end) == ',' || sc.punct(end) == '.') {
			end--
		}
		start := a
		for k := end - 1; k > a && k >= end-8; k-- {
			p := sc.punct(k)
			if p == '.' && sc.toks[k-1].kind == kWord && sc.toks[k-1].end-sc.toks[k-1].start == 1 && sc.attached(k) {
				continue // the dot of an initial
			}
			if p == '.' || p == '?' || p == '!' || p == ':' {
				start = k + 1
				break
			}
		}
		lastLine := b == n
		for _, s := range []int{a, start} {
			if end-s > 8 && s != a || sc.toks[s].kind != kWord {
				continue
			}
			first, last, words, firstName := sc.nameSpan(s, medium)
			initial := sc.toks[s].end-sc.toks[s].start == 1
			if words < 2 || first != s {
				continue
			}
			// the whole line or sentence end, or the start of a line
			// followed by a comma ("Thierry Bousquet, 12 allée…")
			whole := last == end
			comma := s == a && last+1 < n && sc.punct(last+1) == ',' && firstName
			switch {
			case (whole || comma) && (firstName || initial):
				sc.addToks(first, last, NOM, 0.75)
			case whole && lastLine && words <= 3:
				// a signature after the last sentence: "… ? Hind Belkacem",
				// or on the message's last line, first names no list
				// holds: "Najibullah Ahmadi"
				sc.addToks(first, last, NOM, 0.6)
			default:
				continue
			}
			break
		}
		a = b
	}
}

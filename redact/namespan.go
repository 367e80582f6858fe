package redact

// The words of one name: how far a name read from a token goes (particles,
// initials, compounds, "née").

// nameSpan reads a name starting at token j. It returns the first and last
// tokens, the number of words and whether one of them is a first name.
func (sc *scanner) nameSpan(j int, s int) (first, last, words int, firstName bool) {
	n := len(sc.toks)
	first, last = j, -1
	k := j
	for k < n && words < 5 {
		if words > 0 && sc.nickname(k) {
			k += 3 // "Robert (Bob) Sullivan": the surname is read next
		}
		if k >= n || sc.toks[k].kind != kWord || (words > 0 && sc.toks[k].gap >= gapLine) {
			break
		}
		w := k
		if words > 0 && sc.has(k, wNameCont) {
			break // "Jaziri née Mejri": read below
		}
		switch {
		case sc.has(k, wParticle) && !sc.isFirstName(k) && !(words > 0 && sc.accentedShort(k)) && sc.initials(k) < 0:
			m := sc.particleSurname(k, s, words, firstName)
			if m < 0 {
				return first, last, words, firstName
			}
			w = m
		case sc.toks[k].end-sc.toks[k].start == 1:
			// N'Diaye, O'Brien; or an initial: "J."
			if sc.punct(k+1) == '\'' && sc.attached(k+1) && k+2 < n && sc.attached(k+2) && sc.toks[k+2].kind == kWord &&
				(sc.toks[k+2].shape&shCap != 0 || sc.caseless) && sc.bits(k+2)&notName == 0 {
				w = k + 2
			} else if e := sc.initials(k); e > k && (words > 0 || (s >= medium && sc.nameAfterInitials(e+1))) {
				w = e
			} else if words > 0 && sc.trailingInitial(k) {
				w = k + 1 // "sonia m.", "karim b."
			} else {
				return first, last, words, firstName
			}
		default:
			// "mme olive petit": a frequent surname that is a word, after any
			// first name, one that is also a word included ("bien à vous,
			// OLIVE PETIT"); in a text in capitals after any cue ("CORDIALEMENT,
			// MARIE PETIT")
			afterFirst := firstName || words > 0 && sc.isFirstName(last)
			wordSurname := afterFirst && (s == strong || sc.caseless) && sc.wordSurnameAfterFirst(k)
			if words > 0 && sc.actionAfterName(k, last) && !wordSurname {
				return first, last, words, firstName
			}
			if !sc.nameWord(k, s, words) && !(afterFirst && (sc.titleSurname(k) || sc.capsSurname(k))) && !sc.lowerSurname(k, words, firstName) &&
				!wordSurname {
				return first, last, words, firstName
			}
		}
		if sc.isFirstName(w) && sc.bits(w)&wFirstAmb == 0 {
			firstName = true
		}
		last = w
		words++
		k = w + 1
		// Compound names: Dubois-Marchand, Jean-Pierre.
		for parts := 1; parts < maxCompound && k+1 < n && sc.punct(k) == '-' && sc.attached(k) && sc.attached(k+1) && sc.toks[k+1].kind == kWord &&
			(sc.bits(k+1)&(wFunc|wInstitution) == 0 || sc.isText(k+1, "saint", "sainte") && sc.punct(k+2) == '-' && sc.attached(k+2)); parts++ {
			if sc.isFirstName(k + 1) {
				firstName = true
			}
			last = k + 1
			k += 2
		}
	}
	if last < 0 {
		return first, last, 0, false
	}
	// "kevin.durand": a first name and a surname joined by a dot, as in a
	// login or the local part of an address
	if firstName && k+1 < n && sc.punct(k) == '.' && sc.attached(k) && sc.attached(k+1) && sc.toks[k+1].kind == kWord &&
		sc.bits(k+1)&(notName|wStop) == 0 && (k+2 >= n || sc.toks[k+2].gap > gapNone) {
		last, k = k+1, k+2
		words++
	}
	// "Durand née Martin", "Dupont épouse Leroy"
	if k+1 < n && sc.punct(k) == ',' && sc.has(k+1, wNameCont) {
		k++
	}
	if k < n && sc.toks[k].gap < gapLine && sc.has(k, wNameCont) {
		m := k + 1
		if sc.punct(m) == '.' && sc.attached(m) {
			m++
		}
		if _, l2, w2, _ := sc.nameSpan(m, strong); w2 > 0 {
			last = l2
			words += w2
		}
	}
	return first, last, words, firstName
}

// trailingInitial reports whether token k is the initial of a surname
// after a first name, lower case included ("sonia m., 06…"): one letter,
// an attached dot, and no word attached after the dot.
func (sc *scanner) trailingInitial(k int) bool {
	t := sc.toks[k]
	if t.kind != kWord || t.end-t.start != 1 || sc.punct(k+1) != '.' || !sc.attached(k+1) {
		return false
	}
	return k+2 >= len(sc.toks) || !sc.attached(k+2)
}

// initials returns the last token of initials starting at k ("J.",
// "M.-T.", "J.P.", "J-P"), or -1.
func (sc *scanner) initials(k int) int {
	if e := sc.dashedInitials(k); e > k {
		return e
	}
	end := -1
	for parts := 0; parts < 3 && k+1 < len(sc.toks); parts++ {
		t := sc.toks[k]
		if t.kind != kWord || t.end-t.start != 1 || t.shape&shCap == 0 || sc.caseless || sc.punct(k+1) != '.' || !sc.attached(k+1) {
			break
		}
		end = k + 1
		if k+3 < len(sc.toks) && sc.punct(k+2) == '-' && sc.attached(k+2) && sc.attached(k+3) {
			k += 3
			continue
		}
		if k+2 < len(sc.toks) && sc.attached(k+2) && sc.toks[k+2].kind == kWord {
			k += 2 // "J.P."
			continue
		}
		break
	}
	return end
}

// nameAfterInitials reports whether a surname follows initials at token m:
// "J. Perrin", "H. de La Fontaine".
func (sc *scanner) nameAfterInitials(m int) bool {
	if m >= len(sc.toks) || sc.toks[m].gap != gapSpace || sc.toks[m].kind != kWord {
		return false
	}
	if sc.has(m, wParticle) {
		p := sc.afterParticles(m, strong, 1)
		return p >= 0 && sc.nameWord(p, strong, 1)
	}
	return sc.toks[m].shape&shCap != 0 && sc.bits(m)&(notName|wStop) == 0
}

// afterParticles returns the name word after the particles at k ("de La
// Fontaine", "van der Berg", "d'Artagnan", "Le Goff"), or -1.
func (sc *scanner) afterParticles(k int, s int, pos int) int {
	n := len(sc.toks)
	if pos == 0 && s != strong && sc.toks[k].shape&shCap == 0 {
		return -1
	}
	m := k
	for count := 0; count < 3 && m < n && sc.toks[m].kind == kWord && sc.has(m, wParticle) && !sc.isFirstName(m); count++ {
		e := sc.toks[m].ent
		article := e == entLe || e == entLa || e == lex.words["les"]
		if article && sc.toks[m].shape&shCap == 0 && (count == 0 || sc.caseless) && !sc.lowerArticleOK(m, s, pos) {
			return -1
		}
		if sc.caseless && s != strong {
			return -1
		}
		m = sc.pastParticle(m)
		if m >= n || sc.toks[m].gap >= gapLine {
			return -1
		}
	}
	if m >= n || sc.toks[m].kind != kWord || (!sc.caseless && sc.toks[m].shape&shCap == 0) {
		return -1
	}
	return m
}

// nameWord reports whether word k can be word number pos of a name read
// with strength s.
func (sc *scanner) nameWord(k int, s int, pos int) bool {
	t := sc.toks[k]
	if t.kind != kWord || t.end-t.start < 2 {
		return false
	}
	b := sc.bits(k)
	isFirst := sc.isFirstName(k)
	capital := t.shape&shCap != 0
	if (t.ent == entSaint || t.ent == entSainte) && pos > 0 && capital && sc.punct(k+1) == '-' && sc.attached(k+1) &&
		k+2 < len(sc.toks) && sc.attached(k+2) && sc.toks[k+2].shape&shCap != 0 {
		return true // Mathilde de Saint-Exupéry
	}
	if pos > 0 && sc.accentedShort(k) {
		return true // "Vincent Lê": an accent that French never puts on "le"
	}
	if b&notName != 0 && !(isFirst && capital && b&wFunc == 0) {
		return false
	}
	stop := b&wStop != 0
	amb := b&wFirstAmb != 0
	if sc.caseless {
		switch {
		case s == strong:
			return !stop || isFirst
		case pos == 0:
			return isFirst && !amb
		default:
			return !stop || isFirst
		}
	}
	if capital {
		switch s {
		case strong:
			return true
		case medium:
			if pos == 0 {
				return !stop || isFirst
			}
			return !stop || isFirst || t.shape&shUpper == 0
		default:
			if pos == 0 {
				return isFirst || (!stop && sc.nextCapWord(k))
			}
			return !stop || isFirst || t.shape&shUpper == 0
		}
	}
	// a lower-case word in a text that uses case
	if s == strong {
		return !stop || isFirst
	}
	return isFirst && !amb && pos == 0
}

// accentedShort reports whether word k is a short capitalized word with
// accents that folds to a French function word: "Lê", "Đỗ".
func (sc *scanner) accentedShort(k int) bool {
	t := sc.toks[k]
	return sc.bits(k)&wFunc != 0 && t.shape&shCap != 0 && t.shape&shASCII == 0 && t.end-t.start <= 4 &&
		!sc.isText(k, "a", "ou", "la", "deja", "ca")
}

// nextCapWord reports whether the word after k, on the same line, is
// capitalized and could be a name.
func (sc *scanner) nextCapWord(k int) bool {
	m := k + 1
	if m < len(sc.toks) && sc.punct(m) == '-' && sc.attached(m) {
		m++
	}
	return m < len(sc.toks) && sc.toks[m].kind == kWord && sc.toks[m].gap < gapLine &&
		sc.toks[m].shape&shCap != 0 && sc.bits(m)&(notName|wStop) == 0
}

// titleSurname reports whether word k, after a first name, is a surname
// that is also a title ("Jean-Claude Maréchal", "Paul Général", "Anne
// Lemaire"): capitalized, no other reason to stop a name, and ending it
// (surnameStops).
func (sc *scanner) titleSurname(k int) bool {
	t := sc.toks[k]
	if t.kind != kWord || t.shape&shCap == 0 || sc.caseless || t.end-t.start < 3 {
		return false
	}
	if b := sc.bits(k); b&wInstitution == 0 || b&(notName&^wInstitution) != 0 {
		return false
	}
	return sc.clauseEndsAt(k+1, surnameStops)
}

// capsSurname reports whether word k, after a first name, is a surname
// in capitals that is also a common word ("Nathan PETIT", "Léa BLANC"):
// three letters or more, no other reason to stop a name, and ending it.
func (sc *scanner) capsSurname(k int) bool {
	t := sc.toks[k]
	if t.kind != kWord || t.shape&shUpper == 0 || t.shape&shLower != 0 || sc.caseless || t.end-t.start < 3 {
		return false
	}
	return sc.bits(k)&notName == 0 && sc.clauseEndsAt(k+1, surnameStops)
}

// dashedInitials returns the last token of two initials joined by a dash
// without dots ("J-P Morel", "M-C."), or -1.
func (sc *scanner) dashedInitials(k int) int {
	capLetter := func(i int) bool {
		t := &sc.toks[i]
		return t.kind == kWord && t.end-t.start == 1 && t.shape&shCap != 0
	}
	if sc.caseless || k+2 >= len(sc.toks) || !capLetter(k) || sc.punct(k+1) != '-' || !sc.attached(k+1) ||
		!sc.attached(k+2) || !capLetter(k+2) {
		return -1
	}
	if sc.punct(k+3) == '.' && sc.attached(k+3) {
		return k + 3
	}
	return k + 2
}

// nickname reports whether token k opens a nickname in brackets between a
// first name and a surname: "Robert (Bob) Sullivan", one capitalized word
// in the brackets and a capitalized word that may be a surname after them.
func (sc *scanner) nickname(k int) bool {
	if sc.punct(k) != '(' || k+3 >= len(sc.toks) || sc.caseless {
		return false
	}
	in, sur := &sc.toks[k+1], &sc.toks[k+3]
	return in.kind == kWord && in.shape&shCap != 0 && sc.attached(k+1) && sc.punct(k+2) == ')' && sc.attached(k+2) &&
		sur.kind == kWord && sur.gap == gapSpace && sur.shape&shCap != 0 && sc.bits(k+3)&(notName|wStop) == 0
}
